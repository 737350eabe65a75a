"""aistore_hl.obj_stream: chunking, file-like reads, closing, length/checksum checks, resume."""

from __future__ import annotations

import asyncio
import gc
import hashlib
import io
import os
import random
import re
import tracemalloc
import warnings
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from aistore_hl import errors as E
from aistore_hl.obj_stream import (
    AsyncObjStream,
    ChecksumNotVerifiedWarning,
    ObjStream,
    checksum_hasher,
    supported_checksums,
)

URL = "http://127.0.0.1:8081/v1/objects/b/o"
DATA = os.urandom(300_000)


def _xxh(data: bytes) -> str:
    xxhash = pytest.importorskip("xxhash")
    return str(xxhash.xxh64(data, seed=0).hexdigest())


def _crc32c(data: bytes) -> str:
    hasher, reason = checksum_hasher("crc32c")
    if hasher is None:
        pytest.skip(reason)
    hasher.update(data)
    return hasher.hexdigest()


def _md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


class Src(httpx.SyncByteStream):
    """A response body yielding ``data`` in pieces, optionally breaking after ``fail_at`` bytes."""

    def __init__(
        self,
        data: bytes,
        piece: int = 7_001,
        fail_at: int | None = None,
        exc: type[Exception] = httpx.ReadError,
    ) -> None:
        self.data = data
        self.piece = piece
        self.fail_at = fail_at
        self.exc = exc
        self.closed = False
        self.yielded = 0

    def __iter__(self) -> Iterator[bytes]:
        off = 0
        while off < len(self.data):
            end = min(off + self.piece, len(self.data))
            if self.fail_at is not None and end > self.fail_at:
                end = self.fail_at
                if end > off:
                    self.yielded += end - off
                    yield self.data[off:end]
                raise self.exc("connection broken")
            self.yielded += end - off
            yield self.data[off:end]
            off = end

    def close(self) -> None:
        self.closed = True


class Server:
    """A MockTransport-backed 'target' serving one object, honouring ``Range: bytes=N-``."""

    def __init__(
        self,
        data: bytes,
        *,
        cksum: tuple[str, str] | None = None,
        version: str = "1",
        first: Callable[[bytes], Src] | None = None,
        resumed: Callable[[bytes], Src] | None = None,
        ignore_range: bool = False,
        resumed_version: str | None = None,
        extra_headers: dict[str, str] | None = None,
    ) -> None:
        self.data = data
        self.cksum = cksum
        self.version = version
        self.first = first or (lambda d: Src(d))
        self.resumed = resumed or (lambda d: Src(d))
        self.ignore_range = ignore_range
        self.resumed_version = resumed_version
        self.extra_headers = extra_headers or {}
        self.sources: list[Src] = []
        self.ranges: list[str] = []
        self.client = httpx.Client(transport=httpx.MockTransport(self._handle))

    def _headers(self, length: int, version: str) -> dict[str, str]:
        h = {"Content-Length": str(length), "Ais-Version": version, **self.extra_headers}
        if self.cksum:
            h["Ais-Checksum-Type"], h["Ais-Checksum-Value"] = self.cksum
        return h

    def _handle(self, request: httpx.Request) -> httpx.Response:
        rng = request.headers.get("Range")
        if rng is None:
            src = self.first(self.data)
            self.sources.append(src)
            return httpx.Response(200, headers=self._headers(len(self.data), self.version), stream=src)
        self.ranges.append(rng)
        m = re.fullmatch(r"bytes=(\d+)-", rng)
        assert m, rng
        start = int(m.group(1))
        version = self.resumed_version or self.version
        if self.ignore_range:
            src = self.resumed(self.data)
            self.sources.append(src)
            return httpx.Response(200, headers=self._headers(len(self.data), version), stream=src)
        part = self.data[start:]
        src = self.resumed(part)
        self.sources.append(src)
        headers = self._headers(len(part), version)
        headers["Content-Range"] = f"bytes {start}-{len(self.data) - 1}/{len(self.data)}"
        return httpx.Response(206, headers=headers, stream=src)

    def get(self, headers: dict[str, str] | None = None) -> httpx.Response:
        return self.client.send(self.client.build_request("GET", URL, headers=headers), stream=True)

    def reopen(self, offset: int) -> httpx.Response:
        return self.get({"Range": f"bytes={offset}-"})

    def stream(self, **kw: Any) -> ObjStream:
        return ObjStream(self.get(), **kw)


# --------------------------------------------------------------------------------------
# Basic reading
# --------------------------------------------------------------------------------------


def test_fields_and_iteration_in_exact_chunks() -> None:
    srv = Server(DATA, cksum=("md5", _md5(DATA)), first=lambda d: Src(d, piece=10_007))
    s = srv.stream(chunk_size=32_768)
    assert s.content_length == len(DATA)
    assert s.chunk_size == 32_768
    assert s.e_tag == _md5(DATA) and s.e_tag_type == "md5"
    assert s.headers["ais-version"] == "1" and s.headers.size == len(DATA)
    chunks = list(s)
    assert [len(c) for c in chunks[:-1]] == [32_768] * (len(chunks) - 1)
    assert 0 < len(chunks[-1]) <= 32_768
    assert b"".join(chunks) == DATA
    assert all(type(c) is bytes for c in chunks)
    assert s.closed and srv.sources[0].closed
    assert s.checksum_verified and s.checksum_skip_reason == ""


@pytest.mark.parametrize("chunk_size", [1, 1000, 7_001, 14_002, 299_999, 300_000, 1 << 20])
def test_chunking_across_piece_boundaries(chunk_size: int) -> None:
    data = DATA[:50_000] if chunk_size == 1 else DATA
    s = Server(data).stream(chunk_size=chunk_size)
    chunks = list(s)
    assert b"".join(chunks) == data
    assert all(len(c) == chunk_size for c in chunks[:-1])
    assert len(chunks[-1]) == (len(data) % chunk_size or chunk_size)


def test_read_all_and_second_read_is_empty() -> None:
    srv = Server(DATA, cksum=("sha256", hashlib.sha256(DATA).hexdigest()))
    s = srv.stream()
    assert s.read_all() == DATA
    assert s.closed and s.checksum_verified and s.bytes_read == len(DATA)
    assert s.read_all() == b"" and s.read(10) == b"" and list(s) == []


def test_file_like_read() -> None:
    s = Server(DATA).stream()
    assert s.read(0) == b""
    first = s.read(10_000)  # spans two source pieces
    assert first == DATA[:10_000]
    assert s.read(5) == DATA[10_000:10_005]
    rest = s.read()
    assert first + DATA[10_000:10_005] + rest == DATA
    assert s.read(1) == b""


def test_mixed_read_then_iterate() -> None:
    s = Server(DATA).stream(chunk_size=50_000)
    head = s.read(123)
    chunks = list(s)
    assert head + b"".join(chunks) == DATA
    assert len(chunks[0]) == 50_000


def test_raw_is_a_raw_io_object() -> None:
    s = Server(DATA).stream()
    raw = s.raw()
    assert isinstance(raw, io.RawIOBase) and raw.readable()
    buf = bytearray(1000)
    assert raw.readinto(buf) == 1000 and bytes(buf) == DATA[:1000]
    reader = io.BufferedReader(raw, buffer_size=4096)
    assert reader.read(20) == DATA[1000:1020]
    assert reader.read() == DATA[1020:]
    reader.close()
    assert s.closed


def test_discarded_raw_view_does_not_close_the_stream() -> None:
    s = Server(DATA).stream()
    assert s.raw().read(10) == DATA[:10]
    gc.collect()
    assert not s.closed
    assert s.read_all() == DATA[10:]


def test_error_response_raises_and_closes() -> None:
    src = Src(b'{"tcode":"ErrNotFound","message":"t[x]: ais://b/o does not exist","status":404}')
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(404, stream=src)))
    resp = client.send(client.build_request("GET", URL), stream=True)
    with pytest.raises(E.ErrObjNotFound):
        ObjStream(resp)
    assert src.closed


def test_invalid_chunk_size() -> None:
    with pytest.raises(E.InvalidArgument):
        Server(DATA).stream(chunk_size=0)


# --------------------------------------------------------------------------------------
# Closing
# --------------------------------------------------------------------------------------


def test_early_break_closes() -> None:
    srv = Server(DATA)
    s = srv.stream(chunk_size=1000)
    for i, _ in enumerate(s):
        if i == 2:
            break
    assert s.closed and srv.sources[0].closed
    assert srv.sources[0].yielded < len(DATA)
    with pytest.raises(ValueError, match="closed"):
        s.read(1)


def test_context_manager_and_idempotent_close() -> None:
    srv = Server(DATA)
    with srv.stream() as s:
        assert s.read(10) == DATA[:10]
    assert s.closed and srv.sources[0].closed
    s.close()
    s.close()


def test_garbage_collection_closes_quietly() -> None:
    srv = Server(DATA)
    s = srv.stream()
    s.read(10)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        del s
        gc.collect()
    assert srv.sources[0].closed


def test_memory_stays_flat_while_iterating() -> None:
    piece = os.urandom(1 << 20)
    total = 64 << 20

    class Big(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            for _ in range(total // len(piece)):
                yield piece

    md5 = hashlib.md5()
    for _ in range(total // len(piece)):
        md5.update(piece)
    headers = {
        "Content-Length": str(total),
        "Ais-Checksum-Type": "md5",
        "Ais-Checksum-Value": md5.hexdigest(),
    }
    client = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(200, headers=headers, stream=Big()))
    )
    s = ObjStream(client.send(client.build_request("GET", URL), stream=True), chunk_size=64 * 1024)
    tracemalloc.start()
    try:
        n = 0
        for chunk in s:
            n += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == total and s.checksum_verified
    assert peak < 8 << 20, f"peak {peak} bytes while streaming {total}"


# --------------------------------------------------------------------------------------
# Length and checksum verification
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ctype", "digest"),
    [
        ("md5", _md5),
        ("sha256", lambda d: hashlib.sha256(d).hexdigest()),
        ("sha512", lambda d: hashlib.sha512(d).hexdigest()),
        ("xxhash2", _xxh),
        ("xxhash", _xxh),
        ("crc32c", _crc32c),
    ],
)
def test_checksum_verified(ctype: str, digest: Callable[[bytes], str]) -> None:
    value = digest(DATA)
    s = Server(DATA, cksum=(ctype, value.upper() if ctype == "md5" else value)).stream()
    assert s.read_all() == DATA
    assert s.checksum_verified


def test_known_digests_match_the_server_format() -> None:
    # Values computed by AIS (Go: cespare/xxhash, crc32.Castagnoli, hex of the big-endian sum).
    assert _xxh(b"abc") == "44bc2cf5ad770999"
    assert _crc32c(b"123456789") == "e3069283"


@pytest.mark.parametrize("ctype", ["md5", "xxhash2", "crc32c"])
def test_checksum_mismatch(ctype: str) -> None:
    fake = {"md5": _md5(b"x"), "xxhash2": _xxh(b"x"), "crc32c": _crc32c(b"x")}[ctype]
    s = Server(DATA, cksum=(ctype, fake)).stream()
    with pytest.raises(E.ChecksumMismatch) as info:
        s.read_all()
    assert info.value.expected == fake and info.value.checksum_type == ctype
    assert s.closed and not s.checksum_verified


def test_mismatch_raised_after_all_chunks_on_iteration() -> None:
    s = Server(DATA, cksum=("md5", _md5(b"other"))).stream(chunk_size=100_000)
    got = bytearray()
    with pytest.raises(E.ChecksumMismatch):
        for chunk in s:
            got += chunk
    assert bytes(got) == DATA[: len(got)] and len(got) >= 200_000


def test_no_verification_cases() -> None:
    no_cksum = Server(DATA).stream()
    assert no_cksum.read_all() == DATA
    assert not no_cksum.checksum_verified and "no checksum" in no_cksum.checksum_skip_reason

    disabled = Server(DATA, cksum=("md5", _md5(b"wrong"))).stream(verify_checksum=False)
    assert disabled.read_all() == DATA and "disabled" in disabled.checksum_skip_reason

    none_type = Server(DATA, cksum=("none", "")).stream()
    assert none_type.read_all() == DATA and not none_type.checksum_verified


def test_partial_content_is_not_checksummed() -> None:
    part = DATA[:1000]
    headers = {
        "Content-Length": "1000",
        "Content-Range": f"bytes 0-999/{len(DATA)}",
        "Ais-Checksum-Type": "md5",
        "Ais-Checksum-Value": _md5(DATA),  # describes the whole object
    }
    client = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(206, headers=headers, stream=Src(part)))
    )
    s = ObjStream(client.send(client.build_request("GET", URL), stream=True))
    assert s.read_all() == part
    assert not s.checksum_verified and "partial" in s.checksum_skip_reason


@pytest.mark.parametrize(
    ("cksum", "reason"),
    [
        (("blake9", "abcd"), "unknown checksum type"),
        (("md5", "9b2cf535f27731c974343645a3985328-5"), "not a plain digest"),  # S3 multipart ETag
    ],
)
def test_unverifiable_checksum_warns(cksum: tuple[str, str], reason: str) -> None:
    with pytest.warns(ChecksumNotVerifiedWarning, match=reason):
        s = Server(DATA, cksum=cksum).stream()
    assert s.read_all() == DATA
    assert reason in s.checksum_skip_reason and not s.checksum_verified


def test_supported_checksums_include_the_defaults() -> None:
    assert {"md5", "sha256", "sha512"} <= supported_checksums()
    if checksum_hasher("xxhash2")[0] is not None:
        assert "xxhash2" in supported_checksums()


def test_clean_short_body_is_incomplete_read() -> None:
    headers = {"Content-Length": str(len(DATA) + 10)}
    client = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(200, headers=headers, stream=Src(DATA)))
    )
    s = ObjStream(client.send(client.build_request("GET", URL), stream=True))
    with pytest.raises(E.IncompleteRead) as info:
        s.read_all()
    assert (info.value.expected, info.value.received) == (len(DATA) + 10, len(DATA))
    assert isinstance(info.value, E.ConnectionFailed)
    assert s.closed


@pytest.mark.parametrize("exc", [httpx.ReadError, httpx.RemoteProtocolError])
def test_broken_body_without_reopen_is_incomplete_read(exc: type[Exception]) -> None:
    srv = Server(DATA, first=lambda d: Src(d, fail_at=100_000, exc=exc))
    s = srv.stream()
    with pytest.raises(E.IncompleteRead) as info:
        s.read_all()
    assert info.value.received == 100_000
    assert isinstance(info.value.__cause__, exc)
    assert s.closed and srv.sources[0].closed


def test_read_timeout_without_reopen_is_request_timeout() -> None:
    srv = Server(DATA, first=lambda d: Src(d, fail_at=10, exc=httpx.ReadTimeout))
    with pytest.raises(E.RequestTimeout) as info:
        srv.stream().read_all()
    assert info.value.phase == "read"


# --------------------------------------------------------------------------------------
# Resume
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("exc", [httpx.ReadError, httpx.RemoteProtocolError, httpx.ReadTimeout])
def test_resume_after_break(exc: type[Exception]) -> None:
    srv = Server(DATA, cksum=("md5", _md5(DATA)), first=lambda d: Src(d, fail_at=123_456, exc=exc))
    s = srv.stream(reopen=srv.reopen)
    assert s.read_all() == DATA
    assert srv.ranges == ["bytes=123456-"]
    assert s.resumes == 1 and s.checksum_verified
    assert all(src.closed for src in srv.sources)


def test_resume_while_iterating_keeps_chunk_sizes() -> None:
    srv = Server(DATA, cksum=("md5", _md5(DATA)), first=lambda d: Src(d, fail_at=50_001))
    s = srv.stream(reopen=srv.reopen, chunk_size=32_768)
    chunks = list(s)
    assert b"".join(chunks) == DATA
    assert all(len(c) == 32_768 for c in chunks[:-1])


def test_resume_several_times_then_budget_exhausted() -> None:
    srv = Server(
        DATA,
        first=lambda d: Src(d, fail_at=1000),
        resumed=lambda d: Src(d, fail_at=1000),
    )
    s = srv.stream(reopen=srv.reopen, max_resume=3)
    with pytest.raises(E.IncompleteRead) as info:
        s.read_all()
    assert s.resumes == 3
    assert srv.ranges == ["bytes=1000-", "bytes=2000-", "bytes=3000-"]
    assert info.value.received == 4000
    assert all(src.closed for src in srv.sources)


def test_resume_after_clean_short_end() -> None:
    srv = Server(DATA, cksum=("md5", _md5(DATA)))
    srv.first = lambda d: Src(d[:5000])  # ends cleanly, but Content-Length says more
    s = srv.stream(reopen=srv.reopen)
    assert s.read_all() == DATA and s.resumes == 1 and s.checksum_verified


def test_resume_when_server_ignores_range() -> None:
    srv = Server(DATA, cksum=("md5", _md5(DATA)), first=lambda d: Src(d, fail_at=77_777), ignore_range=True)
    s = srv.stream(reopen=srv.reopen)
    assert s.read_all() == DATA
    assert s.bytes_read == len(DATA) and s.checksum_verified


def test_resume_detects_changed_object() -> None:
    srv = Server(DATA, first=lambda d: Src(d, fail_at=1000), resumed_version="2")
    s = srv.stream(reopen=srv.reopen)
    with pytest.raises(E.ObjectChanged):
        s.read_all()
    assert s.closed and all(src.closed for src in srv.sources)


def test_resume_reopen_errors() -> None:
    srv = Server(DATA, cksum=("md5", _md5(DATA)), first=lambda d: Src(d, fail_at=1000))
    calls: list[int] = []

    def flaky(offset: int) -> httpx.Response:
        calls.append(offset)
        if len(calls) == 1:
            raise httpx.ConnectError("refused")
        return srv.reopen(offset)

    s = srv.stream(reopen=flaky)
    assert s.read_all() == DATA
    assert calls == [1000, 1000] and s.resumes == 2

    gone = Server(DATA, first=lambda d: Src(d, fail_at=1000))

    def not_found(offset: int) -> httpx.Response:
        return httpx.Response(
            404, content=b"t[x]: ais://b/o does not exist", request=httpx.Request("GET", URL)
        )

    with pytest.raises(E.ErrObjNotFound):
        gone.stream(reopen=not_found).read_all()


# --------------------------------------------------------------------------------------
# Async
# --------------------------------------------------------------------------------------


class ASrc(httpx.AsyncByteStream):
    def __init__(self, data: bytes, piece: int = 7_001, fail_at: int | None = None) -> None:
        self.data, self.piece, self.fail_at = data, piece, fail_at
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for off in range(0, len(self.data), self.piece):
            end = min(off + self.piece, len(self.data))
            if self.fail_at is not None and end > self.fail_at:
                yield self.data[off : self.fail_at]
                raise httpx.ReadError("broken")
            yield self.data[off:end]

    async def aclose(self) -> None:
        self.closed = True


def _async_client(data: bytes, fail_at: int | None, sources: list[ASrc]) -> httpx.AsyncClient:
    async def handler(request: httpx.Request) -> httpx.Response:
        headers = {
            "Content-Length": str(len(data)),
            "Ais-Checksum-Type": "md5",
            "Ais-Checksum-Value": _md5(data),
        }
        rng = request.headers.get("Range")
        if rng:
            start = int(rng.removeprefix("bytes=").rstrip("-"))
            src = ASrc(data[start:])
            headers["Content-Length"] = str(len(data) - start)
            headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
            sources.append(src)
            return httpx.Response(206, headers=headers, stream=src)
        src = ASrc(data, fail_at=fail_at)
        sources.append(src)
        return httpx.Response(200, headers=headers, stream=src)

    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


def test_async_iteration_read_all_and_close() -> None:
    async def main() -> None:
        sources: list[ASrc] = []
        async with _async_client(DATA, None, sources) as client:
            resp = await client.send(client.build_request("GET", URL), stream=True)
            s = await AsyncObjStream.create(resp, chunk_size=65_536)
            assert s.content_length == len(DATA) and s.e_tag_type == "md5"
            chunks = [c async for c in s]
            assert b"".join(chunks) == DATA
            assert all(len(c) == 65_536 for c in chunks[:-1])
            assert s.closed and s.checksum_verified and sources[0].closed

            resp = await client.send(client.build_request("GET", URL), stream=True)
            async with AsyncObjStream(resp) as s2:
                assert await s2.read(10) == DATA[:10]
                assert await s2.read_all() == DATA[10:]
            assert s2.closed

            resp = await client.send(client.build_request("GET", URL), stream=True)
            async with AsyncObjStream(resp) as s3:
                assert await s3.read(5) == DATA[:5]
            assert s3.closed and sources[-1].closed

    asyncio.run(main())


@pytest.mark.parametrize("chunk_size", [1000, 7_001, 300_000, 1 << 20])
def test_async_chunking_across_piece_boundaries_after_a_read(chunk_size: int) -> None:
    async def main() -> None:
        async with _async_client(DATA, None, []) as client:
            resp = await client.send(client.build_request("GET", URL), stream=True)
            s = await AsyncObjStream.create(resp, chunk_size=chunk_size)
            head = await s.read(123)
            chunks = [c async for c in s]
            assert head + b"".join(chunks) == DATA
            assert all(len(c) == chunk_size for c in chunks[:-1]) and all(type(c) is bytes for c in chunks)
            assert s.checksum_verified

    asyncio.run(main())


def test_chunker_passes_whole_pieces_through_and_slices_bigger_ones() -> None:
    from aistore_hl.obj_stream import _Chunker

    piece = os.urandom(8)
    c = _Chunker(8)
    (out,) = c.split(piece)
    assert out is piece  # no copy
    assert list(c.split(b"abcdefghij")) == [b"abcdefgh"] and c.have == 2
    assert list(c.split(b"klmnop")) == [b"ijklmnop"] and list(c.finish()) == []
    c = _Chunker(4, b"xy")
    assert list(c.split(b"z")) == [] and list(c.finish()) == [b"xyz"] and list(c.finish()) == []
    # Small pieces are joined into chunks, a piece straddling two chunks is split between them.
    c = _Chunker(5)
    got = [chunk for p in (b"ab", b"cd", b"efghijk", b"l", b"mnopqrstu") for chunk in c.split(p)]
    assert got == [b"abcde", b"fghij", b"klmno", b"pqrst"] and list(c.finish()) == [b"u"]
    assert all(type(chunk) is bytes for chunk in got)


def test_iteration_after_a_read_that_left_several_chunks_buffered() -> None:
    """read(10) leaves most of a big piece buffered; iterating must still cut it into chunks
    (it used to come out as one oversized tail chunk when no further piece followed)."""
    data = os.urandom(50_000)
    s = Server(data, first=lambda d: Src(d, piece=len(d))).stream(chunk_size=1000)
    head = s.read(10)
    chunks = list(s)
    assert head + b"".join(chunks) == data
    assert [len(c) for c in chunks] == [1000] * 49 + [990]


def test_chunker_exact_for_any_pieces_heads_and_sizes() -> None:
    """Misaligned pieces (aiohttp hands over socket reads), heads longer than a chunk: every chunk
    but the last is exactly ``size`` bytes of ``bytes``, nothing lost or repeated."""
    from aistore_hl.obj_stream import _Chunker

    rnd = random.Random(7)
    data = os.urandom(200_000)
    for _ in range(300):
        size = rnd.choice([1, 3, 64, 1000, 4096, 32_768, 70_000])
        head_len = rnd.choice([0, 0, 1, size - 1, size, size + 5, 3 * size + 2])
        head_len = min(max(head_len, 0), len(data))
        c = _Chunker(size, data[:head_len])
        out: list[bytes] = []
        at = head_len
        while at < len(data):
            n = rnd.choice([1, 7, size - 1, size, size + 1, 2 * size + 3, 50_000])
            piece = data[at : at + max(n, 1)]
            at += len(piece)
            out.extend(c.split(piece))
        out.extend(c.finish())
        assert b"".join(out) == data
        assert all(len(chunk) == size for chunk in out[:-1]) and 0 < len(out[-1]) <= size
        assert all(type(chunk) is bytes for chunk in out) and list(c.finish()) == []


def test_async_resume_and_errors() -> None:
    async def main() -> None:
        sources: list[ASrc] = []
        async with _async_client(DATA, 99_999, sources) as client:

            async def reopen(offset: int) -> httpx.Response:
                req = client.build_request("GET", URL, headers={"Range": f"bytes={offset}-"})
                return await client.send(req, stream=True)

            resp = await client.send(client.build_request("GET", URL), stream=True)
            s = await AsyncObjStream.create(resp, reopen=reopen)
            assert await s.read_all() == DATA
            assert s.resumes == 1 and s.checksum_verified

            resp = await client.send(client.build_request("GET", URL), stream=True)
            with pytest.raises(E.IncompleteRead):
                await AsyncObjStream(resp).read_all()

        async def not_found(request: httpx.Request) -> httpx.Response:
            return httpx.Response(404, content=b"")

        async with httpx.AsyncClient(transport=httpx.MockTransport(not_found)) as c2:
            resp = await c2.send(c2.build_request("GET", URL), stream=True)
            with pytest.raises(E.ErrObjNotFound):
                await AsyncObjStream.create(resp)
            with pytest.raises(ValueError):
                AsyncObjStream(resp)

    asyncio.run(main())


def test_async_early_break_closes_when_the_loop_finalizes_the_iterator() -> None:
    async def main() -> None:
        sources: list[ASrc] = []
        async with _async_client(DATA, None, sources) as client:
            resp = await client.send(client.build_request("GET", URL), stream=True)
            s = AsyncObjStream(resp, chunk_size=1000)
            async for _ in s:
                break
            for _ in range(5):
                if s.closed:
                    break
                await asyncio.sleep(0)
            assert s.closed and sources[0].closed

    asyncio.run(main())


def test_raise_for_status_tolerates_a_closed_stream() -> None:
    src = Src(b"gone")
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(503, stream=src)))
    resp = client.send(client.build_request("GET", URL), stream=True)
    resp.close()
    with pytest.raises(E.ServiceUnavailable):
        E.raise_for_status(resp)


# --------------------------------------------------------------------------------------
# Large bodies: hashed in line as the pieces arrive, no helper thread
# --------------------------------------------------------------------------------------

BIG = os.urandom(17 << 20)


def _thread_names() -> set[str]:
    import threading

    return {t.name for t in threading.enumerate()}


def test_large_body_is_hashed_in_line_and_verified() -> None:
    before = _thread_names()
    s = Server(BIG, cksum=("xxhash2", _xxh(BIG)), first=lambda d: Src(d, piece=1 << 20)).stream(
        chunk_size=1 << 20
    )
    chunks = iter(s)
    first = next(chunks)
    assert _thread_names() == before  # a worker thread measured slower (obj_stream._ReadState)
    assert first + b"".join(chunks) == BIG and s.checksum_verified


def test_large_body_corrupted_byte_is_caught() -> None:
    bad = bytearray(BIG)
    bad[12_345_678] ^= 1
    s = Server(bytes(bad), cksum=("xxhash2", _xxh(BIG)), first=lambda d: Src(d, piece=1 << 20)).stream()
    with pytest.raises(E.ChecksumMismatch):
        s.read_all()


def test_large_body_crc32c_verified() -> None:
    crc = Server(BIG, cksum=("crc32c", _crc32c(BIG))).stream()
    assert crc.read_all() == BIG and crc.checksum_verified
