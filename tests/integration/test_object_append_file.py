"""``Object.open("ab")``: ``ObjectFileAppender`` / ``AsyncObjectFileAppender`` on the real cluster.

Every test runs on ``Client`` and on ``AsyncClient`` (through the sync surface, tests/support/twin.py).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from aistore_hl import Bucket, Client, object_file
from aistore_hl.errors import AppendUnsupported, ErrObjNotFound, InvalidArgument
from tests.support.tap import requests_of
from tests.support.twin import sync_only, twin_function

KIB = 1 << 10
MIB = 1 << 20
# On an AsyncObject (the async run), AsyncObjectFileAppender.
ObjectFileAppender = twin_function(object_file.ObjectFileAppender)


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket``, ``fresh`` follow)."""
    return any_client


@pytest.fixture
def fresh(ais_endpoint: str, connect: Callable[..., Client]) -> Client:
    """A client of its own (of ``client_kind``), so request counting sees only this test's requests."""
    return connect(ais_endpoint)


def counted(client: Client) -> AbstractContextManager[list[tuple[str, str, int | None]]]:
    """(method, append_type, port) of every request the client sends: each redirect hop is one."""
    return requests_of(client, lambda r: (r.method, r.url.params.get("append_type", ""), r.url.port))


def _appends(seen: list[tuple[str, str, int | None]], kind: str) -> int:
    """APPEND requests of ``kind`` ("append" or "flush") that reached a target: the hops past
    the proxy (which answers each with a redirect)."""
    proxy = seen[0][2] if seen else None
    return sum(1 for m, t, port in seen if (m, t) == ("PUT", kind) and port != proxy)


def _verified(bucket: Bucket, name: str) -> bytes:
    stream = bucket.object(name).get()
    data = stream.read_all()
    assert stream.checksum_verified
    return data


def test_append_to_an_existing_object(bucket: Bucket, fresh: Client) -> None:
    old = os.urandom(100 * KIB + 3)
    bucket.object("log").put(content=old)
    new = [b"line 1\n", os.urandom(5000), memoryview(b"tail")]
    with counted(fresh) as seen, fresh.bucket(bucket.name).object("log").open("ab") as f:
        assert isinstance(f, object_file.ObjectFileAppender)
        assert f.mode == "ab" and f.name == "log"
        assert f.writable() and not f.readable() and not f.seekable()
        for chunk in new:
            f.write(chunk)
        assert f.tell() == sum(len(c) for c in new)
        assert seen == []  # below part_size (8 MiB): all buffered
    # the session's chunked check (HEAD v2), then one APPEND with everything and the flush,
    # each a proxy hop (307) and a target hop
    assert [m for m, _, _ in seen] == ["HEAD"] * 2 + ["PUT"] * 4, seen
    assert _appends(seen, "append") == 1, seen
    assert _appends(seen, "flush") == 1, seen
    assert f.closed
    assert _verified(bucket, "log") == old + b"".join(bytes(c) for c in new)
    assert bucket.object("log").head().size == len(old) + f.tell()


def test_append_creates_a_new_object(bucket: Bucket) -> None:
    with ObjectFileAppender(bucket.object("new")) as f:
        f.writelines([b"created ", b"by ", b"append"])
    assert _verified(bucket, "new") == b"created by append"


def test_parts_of_part_size_and_nothing_visible_before_close(bucket: Bucket, fresh: Client) -> None:
    old = b"old content\n"
    bucket.object("big").put(content=old)
    data = os.urandom(300 * KIB)
    obj = fresh.bucket(bucket.name).object("big")
    f = obj.open("ab", part_size=64 * KIB)
    with counted(fresh) as seen:
        i = 0
        for n in (1, 7_777, 65_535, 65_537, 12_345, 99_999):  # odd sizes, across part boundaries
            f.write(data[i : i + n])
            i += n
        f.write(data[i:])
        # 4 full parts sent (256 KiB), 44 KiB buffered
        assert _appends(seen, "append") == 4 and _appends(seen, "flush") == 0, seen
        assert bucket.object("big").head().size == len(old)
        assert _verified(bucket, "big") == old  # the appends are in the work file only
        f.flush()  # io flush: the buffered bytes go to the cluster, the object is unchanged
        assert _appends(seen, "append") == 5 and _appends(seen, "flush") == 0, seen
        f.flush()  # nothing buffered: nothing sent
        assert _appends(seen, "append") == 5, seen
        assert _verified(bucket, "big") == old
        assert f.tell() == len(data)
        f.close()
    assert _appends(seen, "append") == 5 and _appends(seen, "flush") == 1, seen
    assert _verified(bucket, "big") == old + data
    f.close()  # idempotent
    with pytest.raises(ValueError):
        f.write(b"x")  # written after close, as io raises
    with pytest.raises(ValueError):
        f.flush()


def test_exception_in_with_finalizes_nothing(bucket: Bucket) -> None:
    bucket.object("keep").put(content=b"keep me")
    with pytest.raises(RuntimeError), ObjectFileAppender(bucket.object("keep"), part_size=64 * KIB) as f:
        f.write(os.urandom(200 * KIB))  # 3 APPENDs already in the work file
        raise RuntimeError("producer failed")
    assert f.closed
    assert _verified(bucket, "keep") == b"keep me"
    with pytest.raises(RuntimeError), ObjectFileAppender(bucket.object("never")) as f2:
        f2.write(b"small")
        raise RuntimeError("producer failed")
    with pytest.raises(ErrObjNotFound):
        bucket.object("never").head()
    with pytest.raises(ValueError):
        f2.write(b"x")
    # discard() by hand is the same
    f3 = bucket.object("keep").open("ab", part_size=64 * KIB)
    f3.write(os.urandom(70 * KIB))
    f3.discard()
    assert f3.closed and _verified(bucket, "keep") == b"keep me"


def test_close_with_nothing_written_sends_nothing(bucket: Bucket, fresh: Client) -> None:
    bucket.object("untouched").put(content=b"as it was")
    before = bucket.object("untouched").head()
    obj = fresh.bucket(bucket.name).object("untouched")
    with counted(fresh) as seen:
        with obj.open("ab") as f:
            f.flush()
        g = obj.open("ab")
        g.write(b"")
        g.close()
        ObjectFileAppender(fresh.bucket(bucket.name).object("absent")).close()
    assert seen == []
    after = bucket.object("untouched").head()
    assert after.version == before.version and _verified(bucket, "untouched") == b"as it was"
    with pytest.raises(ErrObjNotFound):
        bucket.object("absent").head()
    with pytest.raises(ValueError):
        f.write(b"x")


def test_bad_part_size_and_mode_send_nothing(bucket: Bucket, fresh: Client) -> None:
    obj = fresh.bucket(bucket.name).object("x")
    with counted(fresh) as seen:
        for bad in (0, -1, True, 1.5, "64"):
            with pytest.raises(InvalidArgument, match="part_size"):
                obj.open("ab", part_size=bad)  # type: ignore[arg-type]
            with pytest.raises(InvalidArgument, match="part_size"):
                ObjectFileAppender(obj, part_size=bad)
        with pytest.raises(InvalidArgument, match="'rb', 'wb' or 'ab'"):
            obj.open("a")
    assert seen == []


def test_text_and_line_writes(bucket: Bucket) -> None:
    bucket.object("csv").put(content=b"i,sq\n")
    with bucket.object("csv").open("ab", part_size=1000) as f:
        for i in range(500):
            f.write(f"{i},{i * i}\n".encode())
    lines = _verified(bucket, "csv").decode().splitlines()
    assert lines[0] == "i,sq" and len(lines) == 501 and lines[-1] == "499,249001"


@sync_only  # io protocol: io.TextIOWrapper takes the sync file; the async file is no io object
def test_io_text_wrapper_over_the_sync_appender(bucket: Bucket) -> None:
    bucket.object("t.txt").put(content=b"first\n")
    with io.TextIOWrapper(bucket.object("t.txt").open("ab"), encoding="utf-8") as t:  # type: ignore[arg-type]
        t.write("second\n")
    assert _verified(bucket, "t.txt") == b"first\nsecond\n"


def test_a_chunked_object_is_refused_before_any_append(bucket: Bucket, fresh: Client) -> None:
    # AIS 5.0 would flush "first chunk + appended bytes" (measured: 2 MiB + 1 -> 1 MiB + 1)
    data = os.urandom(2 * 1024 * KIB + 1)
    with bucket.object("chunked").get_writer(part_size=1024 * KIB) as w:
        w.write(data)
    assert int(bucket.object("chunked").head_v2("chunked")["ais-chunks-count"]) == 3
    obj = fresh.bucket(bucket.name).object("chunked")
    with counted(fresh) as seen:
        with pytest.raises(AppendUnsupported, match="3 chunks") as info, obj.open("ab") as f:
            f.write(b"+")
        assert info.value.chunks == 3 and f.closed
        with pytest.raises(AppendUnsupported):
            obj.append_content(b"+")
    assert {m for m, _, _ in seen} == {"HEAD"}, seen  # no APPEND was sent
    assert _verified(bucket, "chunked") == data
