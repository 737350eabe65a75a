"""Upload bodies: where PUT data comes from, how long it is, and whether it can be sent again.

Data is sent in 1 MiB pieces: large enough that per-chunk overhead vanishes (64 KiB pieces run at
half the speed on loopback), small enough to keep memory flat.
"""

from __future__ import annotations

import io
import os
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import BinaryIO

UPLOAD_CHUNK = 1 << 20


class BodySource:
    """A PUT body that can be opened once per attempt.

    Attributes:
        length: Total size in bytes when known (sent as ``Content-Length``), else ``None``
            (sent chunked).
        replayable: Whether ``open()`` may be called again after a failed attempt.
    """

    length: int | None
    replayable: bool

    def open(self) -> Iterator[bytes] | bytes:
        """Return the body for one attempt."""
        raise NotImplementedError

    def close(self) -> None:
        """Release whatever the last ``open()`` acquired."""

    def sendfile_source(self) -> tuple[BinaryIO, int, int] | None:
        """After ``open()``: (file, offset, count) when the body is a regular file the transport
        may send with ``sendfile`` (no copies through Python), else None."""
        return None


class BytesBody(BodySource):
    """Bytes-like content: replayable, sent without copying."""

    def __init__(self, data: bytes | bytearray | memoryview) -> None:
        self._data = data
        self.length = len(data) if not isinstance(data, memoryview) else data.nbytes
        self.replayable = True

    def open(self) -> Iterator[bytes] | bytes:
        if isinstance(self._data, bytes):
            return self._data
        view = memoryview(self._data).cast("B")
        return (bytes(view[i : i + UPLOAD_CHUNK]) for i in range(0, len(view), UPLOAD_CHUNK))


class FileBody(BodySource):
    """A local file by path: opened afresh for every attempt, streamed, never loaded whole."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = os.fspath(path)
        self.length = os.stat(self._path).st_size
        self.replayable = True
        self._fh: BinaryIO | None = None

    def open(self) -> Iterator[bytes]:
        self.close()
        self._fh = open(self._path, "rb")  # noqa: SIM115 - closed by close()
        return _read_chunks(self._fh, self.length)

    def sendfile_source(self) -> tuple[BinaryIO, int, int] | None:
        if self._fh is None or self.length is None:
            return None
        return self._fh, 0, self.length

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


class StreamBody(BodySource):
    """A binary file object; replayable when seekable (rewound to where it started)."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self._start: int | None = None
        self.length = None
        try:
            if fh.seekable():
                self._start = fh.tell()
                end = fh.seek(0, io.SEEK_END)
                fh.seek(self._start)
                self.length = end - self._start
        except (OSError, AttributeError, ValueError):
            self._start = None
        self.replayable = self._start is not None
        self._opened = False

    def open(self) -> Iterator[bytes]:
        if self._opened:
            if self._start is None:
                raise ValueError("a non-seekable stream cannot be sent twice")
            self._fh.seek(self._start)
        self._opened = True
        return _read_chunks(self._fh, self.length)


class IterBody(BodySource):
    """An iterable of bytes chunks: sent chunked (or with ``length`` if given), one attempt only."""

    def __init__(self, chunks: Iterable[bytes], length: int | None = None) -> None:
        self._chunks = chunks
        self.length = length
        self.replayable = False
        self._opened = False

    def open(self) -> Iterator[bytes]:
        if self._opened:
            raise ValueError("an iterator body was already consumed and cannot be sent again")
        self._opened = True
        return iter(self._chunks)


def _read_chunks(fh: BinaryIO, length: int | None) -> Iterator[bytes]:
    remaining = length
    while remaining is None or remaining > 0:
        want = UPLOAD_CHUNK if remaining is None else min(UPLOAD_CHUNK, remaining)
        chunk = fh.read(want)
        if not chunk:
            if remaining:
                raise OSError(f"source ended {remaining} bytes short of its declared length")
            return
        if remaining is not None:
            remaining -= len(chunk)
        yield chunk


async def aiter_chunks(chunks: Iterator[bytes] | bytes) -> AsyncIterator[bytes]:
    """Adapt a sync body to the async client (file reads are small and quick at 1 MiB)."""
    if isinstance(chunks, bytes):
        yield chunks
        return
    for chunk in chunks:
        yield chunk


def body_from(
    *,
    path: str | os.PathLike[str] | None = None,
    content: bytes | bytearray | memoryview | BinaryIO | Iterable[bytes] | None = None,
    length: int | None = None,
) -> BodySource:
    """Pick the body source for ``Object.put``; exactly one of ``path``/``content`` is given."""
    if path is not None:
        return FileBody(path)
    if isinstance(content, bytes | bytearray | memoryview):
        return BytesBody(content)
    if hasattr(content, "read"):
        return StreamBody(content)  # type: ignore[arg-type]
    if isinstance(content, Iterable):
        return IterBody(content, length)
    raise TypeError(f"unsupported content type {type(content).__name__}")
