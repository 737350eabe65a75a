"""APPEND with handles and flush, on the real cluster."""

from __future__ import annotations

import asyncio
import os

import pytest

from aistore_hl import AsyncClient, Bucket, Client, append
from aistore_hl.append import AppendHandleError, aappend_content
from aistore_hl.errors import BadRequest, ErrObjNotFound, InvalidArgument
from tests.support.twin import sync_only, twin_function

MIB = 1 << 20
# On an AsyncObject (the async run), aappend_content.
append_content = twin_function(append.append_content)


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


def test_append_then_flush(bucket: Bucket) -> None:
    obj = bucket.object("log")
    parts = [b"hello ", os.urandom(2 * MIB), b" world"]
    h = ""
    for p in parts:
        h = append_content(obj, p, handle=h)
        assert h.count("|") >= 3  # target|work file|checksum type|state
    with pytest.raises(ErrObjNotFound):
        obj.head()  # nothing is visible before the flush
    assert append_content(obj, b"", handle=h, flush=True) == ""
    stream = obj.get()
    assert stream.read_all() == b"".join(parts) and stream.checksum_verified


def test_append_and_flush_in_one_call(bucket: Bucket) -> None:
    obj = bucket.object("one")
    h = append_content(obj, b"abc")
    assert append_content(obj, b"def", handle=h, flush=True) == ""
    assert obj.get().read_all() == b"abcdef"
    # A new session (handle "") appends to the existing object.
    append_content(obj, b"ghi", flush=True)
    got = obj.get()
    assert got.read_all() == b"abcdefghi" and got.checksum_verified


def test_spent_handles_are_refused_before_any_request(bucket: Bucket) -> None:
    obj = bucket.object("spent")
    h1 = append_content(obj, b"one ")
    h2 = append_content(obj, b"two ", handle=h1)
    # AIS 5.0 accepts h1 again, appends, and rewinds the checksum state: the flushed object's
    # checksum would not match its bytes. Refused locally.
    with pytest.raises(AppendHandleError, match="superseded"):
        append_content(obj, b"three", handle=h1)
    append_content(obj, b"", handle=h2, flush=True)
    with pytest.raises(AppendHandleError, match="flushed"):
        append_content(obj, b"more", handle=h2)
    with pytest.raises(AppendHandleError, match="flushed"):
        append_content(obj, b"", handle=h2, flush=True)
    got = obj.get()
    assert got.read_all() == b"one two " and got.checksum_verified


def test_server_refuses_a_malformed_handle(bucket: Bucket) -> None:
    # A failed append marks its handle spent for the whole process (append.SPENT, shared by the
    # twins): each run sends a handle of its own, or the second would be refused locally.
    with pytest.raises(BadRequest, match="invalid APPEND handle"):
        append_content(bucket.object("bad"), b"x", handle=f"not-a-handle-{bucket.name}")


def test_bad_input(bucket: Bucket) -> None:
    obj = bucket.object("x")
    with pytest.raises(InvalidArgument):
        append_content(obj, "text")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        append_content(obj, b"x", handle=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        append_content(obj, b"x", flush="yes")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="flush needs"):
        append_content(obj, b"", flush=True)


@sync_only  # written in async code already; ``bucket`` only names the bucket
def test_async_twin(bucket: Bucket, ais_endpoint: str) -> None:
    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            obj = c.bucket(bucket.name).object("async")
            h = await aappend_content(obj, b"a" * 1000)
            h2 = await aappend_content(obj, b"b" * 1000, handle=h)
            with pytest.raises(AppendHandleError):
                await aappend_content(obj, b"c", handle=h)
            assert await aappend_content(obj, b"c", handle=h2, flush=True) == ""
            stream = await obj.get()
            assert await stream.read_all() == b"a" * 1000 + b"b" * 1000 + b"c"
            assert stream.checksum_verified

    asyncio.run(main())
