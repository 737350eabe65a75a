"""``ObjectFileReader`` / ``AsyncObjectFileReader`` and the file-like writer, on the real cluster."""

from __future__ import annotations

import asyncio
import io
import os
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from aistore_hl import AsyncClient, Bucket, Client, object_file
from aistore_hl.errors import ErrObjNotFound, InvalidArgument, ObjectChanged
from aistore_hl.object_file import AsyncObjectFileReader, AsyncObjectFileWriter
from tests.support.tap import requests_of
from tests.support.twin import sync_only, twin_function

MIB = 1 << 20
# On an AsyncObject (the async run), AsyncObjectFileReader / AsyncObjectFileWriter.
ObjectFileReader = twin_function(object_file.ObjectFileReader)
ObjectFileWriter = twin_function(object_file.ObjectFileWriter)

# The io-protocol tests (io.TextIOWrapper over the file, peek/read1/readlines) stay sync-only: the
# sync files are io.BufferedIOBase objects for libraries that take one; the async files are not.


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket``, ``fresh`` follow)."""
    return any_client


def counted(client: Client | AsyncClient) -> AbstractContextManager[list[tuple[str, str, str | None]]]:
    """Record (method, path, Range) of every HTTP request the client sends (redirect hops too)."""
    return requests_of(client, lambda r: (r.method, r.url.path, r.headers.get("range")))


def _gets(seen: list[tuple[str, str, str | None]], method: str = "GET") -> list[str | None]:
    """The Range of each object request (proxy hop and target hop of a redirect counted once)."""
    ranges: list[str | None] = []
    last: tuple[str, str, str | None] | None = None
    for r in seen:
        if r[0] == method and "/v1/objects/" in r[1] and r != last:
            ranges.append(r[2])
        last = r
    return ranges


@pytest.fixture
def fresh(ais_endpoint: str, connect: Callable[..., Client]) -> Client:
    """A client of its own (of ``client_kind``), so request counting sees only this test's requests."""
    return connect(ais_endpoint)


def _put(bucket: Bucket, name: str, data: bytes) -> None:
    bucket.object(name).put(content=data)


def test_sequential_read_is_one_get_and_verified(bucket: Bucket, fresh: Client) -> None:
    data = os.urandom(3 * MIB + 777)
    _put(bucket, "seq", data)
    obj = fresh.bucket(bucket.name).object("seq")
    with counted(fresh) as seen, ObjectFileReader(obj, buffer_size=256 << 10) as f:
        parts = []
        while chunk := f.read(100_000):
            parts.append(chunk)
        assert f.tell() == len(data)
        assert f.read() == b"" and f.read(10) == b""
    assert b"".join(parts) == data
    assert f.checksum_verified and f.closed
    assert _gets(seen) == [None], seen  # one GET, no Range, no HEAD


def test_read_all_then_exact_size_read_verifies(bucket: Bucket) -> None:
    data = os.urandom(MIB + 5)
    _put(bucket, "exact", data)
    f = ObjectFileReader(bucket.object("exact"))
    assert f.read(len(data)) == data
    assert f.checksum_verified  # the last byte arrived: checked without another read
    f.close()
    with ObjectFileReader(bucket.object("exact")) as g:
        assert g.read() == data and g.checksum_verified


def test_seek_tell_and_ranged_reads(bucket: Bucket, fresh: Client) -> None:
    data = os.urandom(4 * MIB + 3)
    _put(bucket, "rnd", data)
    obj = fresh.bucket(bucket.name).object("rnd")
    with counted(fresh) as seen, ObjectFileReader(obj, buffer_size=64 << 10) as f:
        assert f.seekable() and f.readable() and not f.writable()
        assert f.seek(-100, io.SEEK_END) == len(data) - 100  # a HEAD for the size
        assert f.read() == data[-100:]
        assert f.seek(2 * MIB) == 2 * MIB
        assert f.read(10) == data[2 * MIB : 2 * MIB + 10]
        assert f.seek(5, io.SEEK_CUR) == 2 * MIB + 15  # in the buffer: no request
        assert f.read(20) == data[2 * MIB + 15 : 2 * MIB + 35]
        assert f.seek(2 * MIB) == 2 * MIB  # back inside the buffer: no request
        assert f.read(5) == data[2 * MIB : 2 * MIB + 5]
        ahead = 2 * MIB + (512 << 10)  # past the buffer, within 1 MiB of it: read through
        assert f.seek(ahead) == ahead and f.read(7) == data[ahead : ahead + 7]
        f.seek(100)
        assert f.read(50) == data[100:150]
        f.seek(len(data) + 10)  # past the end: allowed, reads give b""
        assert f.read(5) == b"" and f.tell() == len(data) + 10
        assert not f.checksum_verified  # never read whole in one stream
    assert len(_gets(seen, "HEAD")) == 1, seen
    assert _gets(seen) == [f"bytes={len(data) - 100}-", f"bytes={2 * MIB}-", "bytes=100-"], seen


def test_forward_skip_reads_through_the_open_stream(bucket: Bucket, fresh: Client) -> None:
    data = os.urandom(3 * MIB)
    _put(bucket, "skip", data)
    obj = fresh.bucket(bucket.name).object("skip")
    with counted(fresh) as seen, ObjectFileReader(obj, buffer_size=64 << 10) as f:
        assert f.read(10) == data[:10]
        f.seek(700_000)  # past the 64 KiB buffer but under 1 MiB: no new GET
        assert f.read(10) == data[700_000:700_010]
        f.seek(0, io.SEEK_END)
        f.seek(-3, io.SEEK_CUR)
        assert f.read() == data[-3:]
    assert _gets(seen) == [None, f"bytes={len(data) - 3}-"], seen


@sync_only  # io protocol: io.TextIOWrapper over the file, readlines (see the top of the module)
def test_readline_iteration_and_text_wrapper(bucket: Bucket) -> None:
    lines = [f"line {i} {'x' * (i % 97)}\n".encode() for i in range(20_000)]
    data = b"".join(lines) + b"no newline at the end"
    _put(bucket, "text", data)
    with ObjectFileReader(bucket.object("text"), buffer_size=4096) as f:
        got = list(f)
        assert f.checksum_verified
    assert got == [*lines, b"no newline at the end"]
    with ObjectFileReader(bucket.object("text"), buffer_size=4096) as f:
        assert f.readline(4) == lines[0][:4]
        assert f.readline() == lines[0][4:]
        assert f.readlines()[:2] == lines[1:3]
    with io.TextIOWrapper(ObjectFileReader(bucket.object("text")), encoding="utf-8") as t:
        assert t.readline() == lines[0].decode()
        assert t.read() == data[len(lines[0]) :].decode()


@sync_only  # io protocol: peek / read1 of io.BufferedIOBase (see the top of the module)
def test_readinto_read1_peek(bucket: Bucket) -> None:
    data = os.urandom(300_000)
    _put(bucket, "into", data)
    with ObjectFileReader(bucket.object("into"), buffer_size=100_000) as f:
        buf = bytearray(150_000)
        assert f.readinto(buf) == 150_000 and bytes(buf) == data[:150_000]
        assert f.peek(1)[:10] == data[150_000:150_010] and f.tell() == 150_000
        one = f.read1(1 << 30)
        assert 0 < len(one) <= 100_000 and one == data[150_000 : 150_000 + len(one)]
        view = memoryview(bytearray(1 << 20))
        n = f.readinto(view)
        assert bytes(view[:n]) == data[150_000 + len(one) :]
        assert f.readinto(bytearray(10)) == 0


def test_buffered_reader_wraps_it(bucket: Bucket) -> None:
    data = os.urandom(2 * MIB)
    _put(bucket, "wrap", data)
    # Libraries that take any binary file (zipfile, tarfile, pyarrow) use only read/seek/tell.
    with ObjectFileReader(bucket.object("wrap")) as f:
        assert f.seek(0, io.SEEK_END) == len(data) and f.size() == len(data)
        f.seek(0)
        assert f.read() == data


def test_empty_object(bucket: Bucket) -> None:
    _put(bucket, "empty", b"")
    with ObjectFileReader(bucket.object("empty")) as f:
        assert f.read() == b"" and f.readline() == b"" and f.tell() == 0
        assert f.seek(0, io.SEEK_END) == 0


def test_object_changed_between_ranged_reads(bucket: Bucket) -> None:
    _put(bucket, "chg", os.urandom(3 * MIB))
    with ObjectFileReader(bucket.object("chg"), buffer_size=64 << 10) as f:
        f.read(10)
        # Outside the buffer and the skip window: the GET is closed now (an open GET keeps the
        # object read-locked on its target, and the PUT would wait for it).
        f.seek(2 * MIB + 1)
        bucket.object("chg").put(content=os.urandom(3 * MIB))
        with pytest.raises(ObjectChanged):
            f.read(10)


def test_missing_object_and_bad_input(bucket: Bucket) -> None:
    f = ObjectFileReader(bucket.object("nope"))
    with pytest.raises(ErrObjNotFound):
        f.read(1)
    f.close()
    with pytest.raises(ValueError, match="closed"):
        f.read(1)
    with pytest.raises(InvalidArgument):
        ObjectFileReader(bucket.object("x"), buffer_size=0)
    with ObjectFileReader(bucket.object("x")) as g:
        with pytest.raises(ValueError):
            g.seek(-1)
        with pytest.raises(InvalidArgument):
            g.seek(0, 7)
        with pytest.raises(InvalidArgument):
            g.seek(1.5)  # type: ignore[arg-type]


@sync_only  # written in async code already; ``bucket`` only names the bucket
def test_async_reader(bucket: Bucket, ais_endpoint: str) -> None:
    lines = [f"row {i}\n".encode() for i in range(50_000)]
    data = b"".join(lines)
    _put(bucket, "async", data)

    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            obj = c.bucket(bucket.name).object("async")
            async with AsyncObjectFileReader(obj, buffer_size=8192) as f:
                got = [line async for line in f]
                assert got == lines and f.checksum_verified
            async with AsyncObjectFileReader(obj, buffer_size=8192) as f:
                assert await f.seek(-7, io.SEEK_END) == len(data) - 7
                assert await f.read() == data[-7:]
                await f.seek(1000)
                buf = bytearray(100)
                assert await f.readinto(buf) == 100 and bytes(buf) == data[1000:1100]
                assert await f.readline() == data[1100 : data.index(b"\n", 1100) + 1]
                assert f.tell() == data.index(b"\n", 1100) + 1
                assert await f.size() == len(data)
            assert f.closed
            with pytest.raises(ValueError):
                await f.read(1)
            missing = AsyncObjectFileReader(c.bucket(bucket.name).object("nope"))
            with pytest.raises(ErrObjNotFound):
                await missing.read()
            await missing.close()

    asyncio.run(main())


# -- writer ---------------------------------------------------------------------------------------
def test_small_object_is_one_put_at_close(bucket: Bucket, fresh: Client) -> None:
    obj = fresh.bucket(bucket.name).object("w/small")
    with counted(fresh) as seen, ObjectFileWriter(obj, part_size=MIB) as w:
        assert w.writable() and not w.readable() and not w.seekable()
        assert w.write(b"hello ") == 6 and w.write(memoryview(b"world")) == 5
        w.flush()  # nothing to send yet
        assert seen == []
        with pytest.raises(ErrObjNotFound):
            bucket.object("w/small").head()  # not visible before close
        assert w.tell() == 11
    assert [m for m, _, _ in seen] == ["PUT", "PUT"], seen  # proxy (307) + target: one PUT
    assert w.closed and w.props is not None and w.props.checksum_type == "xxhash2"
    assert bucket.object("w/small").get().read_all() == b"hello world"
    with pytest.raises(ValueError):
        w.write(b"x")


def test_large_object_becomes_a_multipart_upload(bucket: Bucket, fresh: Client) -> None:
    data = os.urandom(5 * MIB + 99)
    obj = fresh.bucket(bucket.name).object("w/large")
    with counted(fresh) as seen, ObjectFileWriter(obj, part_size=2 * MIB) as w:
        for i in range(0, len(data), 300_000):  # writes smaller than a part, not aligned to it
            w.write(data[i : i + 300_000])
    methods = [m for m, _, _ in seen]
    # mpt-upload, 3 parts, mpt-complete (each a proxy hop and a target hop), then the HEAD check
    assert methods == ["POST"] * 2 + ["PUT"] * 6 + ["POST"] * 2 + ["HEAD"] * 2, seen
    assert w.props is not None and w.props.size == len(data)
    got = bucket.object("w/large").get()
    assert got.read_all() == data and got.checksum_verified


def test_writelines_across_a_part_boundary(bucket: Bucket) -> None:
    lines = [os.urandom(700 * 1024) for _ in range(4)]  # 2.7 MiB: two 1 MiB parts and a tail
    with ObjectFileWriter(bucket.object("w/lines"), part_size=MIB) as w:
        w.writelines(lines)
        assert w.tell() == sum(map(len, lines))
    assert bucket.object("w/lines").get().read_all() == b"".join(lines)


def test_writer_replaces_an_object_only_at_close(bucket: Bucket) -> None:
    bucket.object("w/old").put(content=b"old content")
    w = ObjectFileWriter(bucket.object("w/old"), part_size=MIB)
    w.write(os.urandom(3 * MIB))  # two parts already sent
    assert bucket.object("w/old").get().read_all() == b"old content"
    w.close()
    assert bucket.object("w/old").head().size == 3 * MIB


def test_exception_in_with_block_discards(bucket: Bucket) -> None:
    bucket.object("w/keep").put(content=b"keep me")
    with pytest.raises(RuntimeError), ObjectFileWriter(bucket.object("w/keep"), part_size=MIB) as w:
        w.write(os.urandom(3 * MIB))  # a multipart upload is open
        raise RuntimeError("producer failed")
    assert w.closed and w.props is None
    assert bucket.object("w/keep").get().read_all() == b"keep me"  # unchanged
    with pytest.raises(RuntimeError), ObjectFileWriter(bucket.object("w/none")) as w2:
        w2.write(b"small")
        raise RuntimeError("producer failed")
    with pytest.raises(ErrObjNotFound):
        bucket.object("w/none").head()
    with pytest.raises(InvalidArgument):
        ObjectFileWriter(bucket.object("w/x"), part_size=0)


@sync_only  # io protocol: io.TextIOWrapper over the writer (see the top of the module)
def test_text_wrapper_over_the_writer(bucket: Bucket) -> None:
    with io.TextIOWrapper(ObjectFileWriter(bucket.object("w/text.csv")), encoding="utf-8") as t:
        for i in range(1000):
            t.write(f"{i},{i * i}\n")
    lines = bucket.object("w/text.csv").get().read_all().decode().splitlines()
    assert len(lines) == 1000 and lines[999] == "999,998001"


@sync_only  # written in async code already; ``bucket`` only names the bucket
def test_async_writer(bucket: Bucket, ais_endpoint: str) -> None:
    data = os.urandom(3 * MIB + 1)

    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            b = c.bucket(bucket.name)
            async with AsyncObjectFileWriter(b.object("w/async"), part_size=MIB) as w:
                await w.write(data[:100])
                await w.write(data[100:])
            assert w.closed and w.props is not None and w.props.size == len(data)
            async with AsyncObjectFileWriter(b.object("w/asmall")) as w2:
                await w2.write(b"tiny")
            with pytest.raises(RuntimeError):
                async with AsyncObjectFileWriter(b.object("w/agone"), part_size=MIB) as w3:
                    await w3.write(os.urandom(2 * MIB))
                    raise RuntimeError("boom")
            with pytest.raises(ErrObjNotFound):
                await b.object("w/agone").head()
            with pytest.raises(ValueError):
                await w3.write(b"x")

    asyncio.run(main())
    assert bucket.object("w/async").get().read_all() == data
    assert bucket.object("w/asmall").get().read_all() == b"tiny"


def test_object_shrunk_while_open(bucket: Bucket) -> None:
    bucket.object("shrink").put(content=os.urandom(3 * MIB))
    with ObjectFileReader(bucket.object("shrink"), buffer_size=64 << 10) as f:
        f.read(10)
        f.seek(2 * MIB)  # closes the GET
        bucket.object("shrink").put(content=b"short now")
        with pytest.raises(ObjectChanged, match="no byte"):  # a 416 inside the size seen at open
            f.read(1)


@sync_only  # ObjectReader.raw() is sync-only (a sync file object); its async half is written in async code
def test_get_reader_as_the_official_sdk(bucket: Bucket, ais_endpoint: str) -> None:
    data = os.urandom(MIB + 3)
    bucket.object("gr").put(content=data)
    reader = bucket.object("gr").get_reader(chunk_size=4096)
    assert reader.head().size == len(data) and reader.read_all() == data
    assert b"".join(reader) == data and all(len(c) == 4096 for c in list(reader)[:-1])
    raw = reader.raw()
    assert raw.read(10) == data[:10]
    raw.close()
    with reader.as_file() as f:
        f.seek(-3, io.SEEK_END)
        assert f.read() == data[-3:]
    ranged = bucket.object("gr").get_reader(byte_range=(10, 19))
    assert ranged.read_all() == data[10:20]
    with pytest.raises(InvalidArgument):
        ranged.as_file()
    with pytest.raises(InvalidArgument):
        bucket.object("gr").get_reader(byte_range=(5, 1))

    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            r = c.bucket(bucket.name).object("gr").get_reader(byte_range=(None, 5))
            assert await r.read_all() == data[-5:] and (await r.head()).size == len(data)
            whole = c.bucket(bucket.name).object("gr").get_reader()
            assert b"".join([chunk async for chunk in whole]) == data
            async with whole.as_file() as f:
                assert await f.read(4) == data[:4]

    asyncio.run(main())
