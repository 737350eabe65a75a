"""tests/support/twin.py: the adapter that runs ``AsyncClient`` through the sync surface, so the
integration tests can run one body on both twins. Checked here without a cluster: if the adapter
hid a divergence (a swallowed exception, an eager iterator, a lost identity), a twin test would
pass while the async twin is wrong."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from aistore_hl import (
    AsyncBucket,
    AsyncClient,
    Bucket,
    BucketList,
    Client,
    ObjStream,
    RetryPolicy,
    append,
    bucket_props,
    job_api,
    multipart,
)
from aistore_hl.errors import ConnectionFailed, ErrObjNotFound, InvalidArgument
from aistore_hl.listing import AsyncBucketLister, BucketEntry, BucketLister
from aistore_hl.obj_stream import AsyncObjStream
from tests.support.twin import RENAMED, Twin, TwinLoop, sync_twin_of, twin_function, twin_module, unwrap


@pytest.fixture(scope="module")
def loop() -> Iterator[TwinLoop]:
    tl = TwinLoop()
    yield tl
    tl.close()


def _dead_endpoint() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


@pytest.fixture
def dead(loop: TwinLoop) -> Iterator[Client]:
    """An AsyncClient (wrapped) whose endpoint refuses connections: nothing here reaches a server."""
    c = loop.connect(_dead_endpoint(), retry=RetryPolicy.no_retries())
    yield c
    c.close()


def test_the_client_is_an_async_client_seen_as_a_client(dead: Client) -> None:
    assert type(dead) is Twin and isinstance(unwrap(dead), AsyncClient)
    assert isinstance(dead, Client)  # __class__ names the sync twin
    b = dead.bucket("b")
    assert isinstance(b, Bucket) and not isinstance(b, AsyncBucket) and isinstance(unwrap(b), AsyncBucket)


def test_identity_is_kept(dead: Client) -> None:
    b = dead.bucket("b")
    assert b.client is dead
    obj = b.object("o")
    assert obj.bck is b and obj.bck is obj.bck
    g = b.objects(obj_names=["o"])
    assert g.bck is b


def test_exceptions_propagate_unchanged(dead: Client, loop: TwinLoop) -> None:
    with pytest.raises(ConnectionFailed):  # from an awaited coroutine
        dead.bucket("b").head()
    with pytest.raises(InvalidArgument):  # from a sync method of the async twin, at call time
        dead.bucket("b").list_objects_iter(page_size=-1)
    err = ErrObjNotFound(404, "gone")

    async def fails() -> None:
        await asyncio.sleep(0)
        raise err

    with pytest.raises(ErrObjNotFound) as ei:
        loop.call(fails)
    assert ei.value is err  # the very object, not a copy or a wrapper


def test_calls_run_on_the_loop_thread(loop: TwinLoop) -> None:
    where: list[threading.Thread] = []

    async def coro() -> int:
        where.append(threading.current_thread())
        return 7

    assert loop.call(coro) == 7
    assert where == [loop._thread] and loop._thread is not threading.current_thread()

    def reenter() -> Any:
        return loop.call(coro)

    with pytest.raises(RuntimeError, match="deadlock"):
        loop.call(reenter)


def _lister(pages: list[list[str]], fetched: list[str]) -> AsyncBucketLister:
    async def fetch(uuid: str, token: str) -> BucketList:
        n = len(fetched)
        fetched.append(token)
        entries = [BucketEntry(name=x) for x in pages[n]]
        return BucketList(
            uuid="u", continuation_token="" if n == len(pages) - 1 else f"t{n + 1}", entries=entries
        )

    return AsyncBucketLister(fetch)


def test_async_iterator_pulls_one_item_at_a_time(loop: TwinLoop) -> None:
    fetched: list[str] = []
    it = loop.wrap(loop.call(_lister, [["a", "b"], ["c"]], fetched))
    assert isinstance(it, BucketLister) and iter(it) is it
    assert fetched == [] and it.pages_fetched == 0  # nothing pulled yet
    assert next(it).name == "a" and fetched == [""]
    assert next(it).name == "b" and fetched == [""]  # still the first page
    assert [e.name for e in it] == ["c"] and fetched == ["", "t1"]
    assert next(it, None) is None and it.pages_fetched == 2
    with pytest.raises(StopIteration):
        next(it)


def test_async_generators_and_context_managers(loop: TwinLoop) -> None:
    events: list[str] = []

    async def gen() -> AsyncIterator[int]:
        for i in range(3):
            events.append(f"yield {i}")
            yield i

    @asynccontextmanager
    async def cm() -> AsyncIterator[str]:
        events.append("enter")
        try:
            yield "inside"
        finally:
            events.append("exit")

    g = loop.wrap(loop.call(gen))
    assert next(g) == 0 and events == ["yield 0"]
    assert list(g) == [1, 2]
    events.clear()
    with loop.wrap(loop.call(cm)) as v:
        assert v == "inside" and events == ["enter"]
    assert events == ["enter", "exit"]
    events.clear()
    with pytest.raises(KeyError), loop.wrap(loop.call(cm)):
        raise KeyError("x")  # not swallowed: __aexit__ said so
    assert events == ["enter", "exit"]


def _stream(data: bytes) -> AsyncObjStream:
    request = httpx.Request("GET", "http://t.test/v1/objects/b/o")
    response = httpx.Response(
        200, headers={"Content-Length": str(len(data))}, stream=httpx.ByteStream(data), request=request
    )
    return AsyncObjStream(response, chunk_size=4, verify_checksum=False)


def test_obj_stream_iterates_and_close_is_aclose(loop: TwinLoop) -> None:
    s = loop.wrap(loop.call(_stream, b"0123456789"))
    assert isinstance(s, ObjStream)
    assert list(s) == [b"0123", b"4567", b"89"]
    s2 = loop.wrap(loop.call(_stream, b"abc"))
    assert s2.read(1) == b"a" and not s2.closed
    assert s2.close() is None  # RENAMED: awaits aclose()
    assert s2.closed
    assert RENAMED[(AsyncObjStream, "close")] == "aclose"
    with pytest.raises(AttributeError):
        s2.raw  # noqa: B018  # sync-only (test_parity exempts it): no twin to call


def test_containers_are_wrapped_and_arguments_unwrapped(dead: Client, loop: TwinLoop) -> None:
    a, b = unwrap(dead.bucket("a")), unwrap(dead.bucket("b"))
    out = loop.wrap({"x": [a, 1], "y": (b,)})
    assert all(type(v) is Twin for v in (out["x"][0], out["y"][0])) and out["x"][1] == 1
    assert unwrap(out) == {"x": [a, 1], "y": (b,)}
    plain = [1, "s"]
    assert loop.wrap(plain) is plain  # nothing to wrap: the same object


def test_sync_twin_of() -> None:
    assert sync_twin_of(AsyncBucket) is Bucket
    assert sync_twin_of(AsyncBucketLister) is BucketLister
    assert sync_twin_of(AsyncObjStream) is ObjStream
    assert sync_twin_of(int) is None


def test_twin_function_dispatches_on_a_twin_argument(dead: Client) -> None:
    append_content = twin_function(append.append_content)
    with Client(_dead_endpoint(), retry=RetryPolicy.no_retries()) as sync:
        for obj in (sync.bucket("b").object("o"), dead.bucket("b").object("o")):  # then aappend_content
            with pytest.raises(InvalidArgument):
                append_content(obj, "text")  # checked before any request
            with pytest.raises(ConnectionFailed):
                append_content(obj, b"x")
    assert twin_function(append.append_content).__name__ == "append_content"
    twin_function(job_api.wait)  # FUNCTION_RENAMED: await_job
    with pytest.raises(AttributeError):
        twin_function(append.check_args)  # no acheck_args: no twin to call


def test_twin_module(dead: Client) -> None:
    bp = twin_module(bucket_props)
    assert bp.props_to_set is bucket_props.props_to_set  # no async twin: the module's own
    assert bp.aget_props is bucket_props.aget_props and bp.BucketProps is bucket_props.BucketProps
    assert bp.get_props.__name__ == "get_props" and bp.get_props is not bucket_props.get_props
    with pytest.raises(ConnectionFailed):
        bp.get_props(dead.bucket("b"))  # aget_props, on the twin's loop
    assert twin_module(job_api).wait.__name__ == "wait"  # await_job behind it


def test_twin_function_of_a_class(dead: Client) -> None:
    MultipartUpload = twin_function(multipart.MultipartUpload)
    m = MultipartUpload(dead.bucket("b").object("o"))
    assert type(unwrap(m)) is multipart.AsyncMultipartUpload and isinstance(m, multipart.MultipartUpload)
    assert m.state == "new"
    with pytest.raises(ConnectionFailed):
        m.create()
