"""``aistore_hl._body``: where PUT data comes from, its length, and whether it can be sent again."""

from __future__ import annotations

import array
import asyncio
import io
import os
from pathlib import Path

import pytest

from aistore_hl import _body
from aistore_hl._body import UPLOAD_CHUNK, BytesBody, FileBody, IterBody, StreamBody, body_from


def _all(data: object) -> bytes:
    return data if isinstance(data, bytes) else b"".join(data)  # type: ignore[arg-type]


def test_bytes_are_sent_as_is_and_replayable() -> None:
    data = os.urandom(100)
    b = BytesBody(data)
    assert (b.length, b.replayable) == (100, True)
    assert b.open() is data and b.open() is data  # no copy, any number of attempts


def test_bytearray_and_memoryview_are_chunked_without_a_whole_copy() -> None:
    data = bytearray(os.urandom(UPLOAD_CHUNK * 2 + 5))
    b = BytesBody(data)
    assert b.length == len(data) and b.replayable
    chunks = list(b.open())
    assert [len(c) for c in chunks] == [UPLOAD_CHUNK, UPLOAD_CHUNK, 5]
    assert b"".join(chunks) == data and _all(b.open()) == data  # replay gives the same bytes

    ints = array.array("i", range(1000))  # itemsize 4: length is in bytes, not items
    mv = BytesBody(memoryview(ints))
    assert mv.length == 4000 == len(_all(mv.open()))
    assert _all(mv.open()) == ints.tobytes()


def test_file_body_is_reopened_per_attempt(tmp_path: Path) -> None:
    data = os.urandom(UPLOAD_CHUNK + 10)
    f = tmp_path / "f.bin"
    f.write_bytes(data)
    b = FileBody(f)
    assert (b.length, b.replayable) == (len(data), True)
    first = b.open()
    assert next(first) == data[:UPLOAD_CHUNK]  # a failed attempt stops half-way...
    assert _all(b.open()) == data  # ...and the next one starts again from byte 0
    b.close()
    assert b._fh is None
    b.close()  # idempotent


def test_file_that_shrinks_after_stat_fails_loudly(tmp_path: Path) -> None:
    f = tmp_path / "f.bin"
    f.write_bytes(b"x" * 100)
    b = FileBody(f)
    f.write_bytes(b"x" * 60)
    with pytest.raises(OSError, match="40 bytes short"):
        _all(b.open())
    b.close()


def test_file_that_grows_after_stat_sends_the_declared_length(tmp_path: Path) -> None:
    f = tmp_path / "f.bin"
    f.write_bytes(b"a" * 10)
    b = FileBody(f)
    f.write_bytes(b"a" * 10 + b"b" * 10)
    assert _all(b.open()) == b"a" * 10  # Content-Length was promised: exactly that many bytes
    b.close()


def test_seekable_stream_replays_from_where_it_started() -> None:
    fh = io.BytesIO(b"headerPAYLOAD")
    fh.seek(6)
    b = StreamBody(fh)
    assert (b.length, b.replayable) == (7, True)
    assert _all(b.open()) == b"PAYLOAD"
    assert _all(b.open()) == b"PAYLOAD"


class _Pipe(io.RawIOBase):
    def __init__(self, data: bytes) -> None:
        self._src = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buf: memoryview) -> int:  # type: ignore[override]
        chunk = self._src.read(len(buf))
        buf[: len(chunk)] = chunk
        return len(chunk)

    def seekable(self) -> bool:
        return False


def test_non_seekable_stream_is_chunked_and_sent_once() -> None:
    b = StreamBody(_Pipe(b"z" * (UPLOAD_CHUNK + 1)))  # type: ignore[arg-type]
    assert (b.length, b.replayable) == (None, False)
    assert len(_all(b.open())) == UPLOAD_CHUNK + 1
    with pytest.raises(ValueError, match="cannot be sent twice"):
        b.open()


def test_iterator_body_is_sent_once() -> None:
    b = IterBody(iter([b"a", b"bc"]))
    assert (b.length, b.replayable) == (None, False)
    assert _all(b.open()) == b"abc"
    with pytest.raises(ValueError, match="already consumed"):
        b.open()
    assert IterBody([b"x"], length=1).length == 1


def test_body_from_picks_the_source(tmp_path: Path) -> None:
    f = tmp_path / "f"
    f.write_bytes(b"1")
    assert isinstance(body_from(path=f), FileBody)
    assert isinstance(body_from(path=str(f)), FileBody)
    assert isinstance(body_from(content=b"x"), BytesBody)
    assert isinstance(body_from(content=bytearray(b"x")), BytesBody)
    assert isinstance(body_from(content=memoryview(b"x")), BytesBody)
    assert isinstance(body_from(content=io.BytesIO(b"x")), StreamBody)
    assert isinstance(body_from(content=[b"x"]), IterBody)
    assert isinstance(body_from(content=(c for c in [b"x"])), IterBody)
    with pytest.raises(TypeError):
        body_from(content=42)  # type: ignore[arg-type]


def test_aiter_chunks_adapts_sync_bodies() -> None:
    async def collect(src: object) -> list[bytes]:
        return [c async for c in _body.aiter_chunks(src)]  # type: ignore[arg-type]

    assert asyncio.run(collect(b"whole")) == [b"whole"]
    assert asyncio.run(collect(iter([b"a", b"b"]))) == [b"a", b"b"]
