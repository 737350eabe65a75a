"""``AISAsyncStreamedFile``: the file of ``AISAsyncFileSystem.open_async`` (``rb`` / ``wb``).

It is the asyncio object file of aistore_hl (``AsyncObjectFileReader`` /
``AsyncObjectFileWriter``) with fsspec's names and errors: reads are buffered and seekable, a
whole read is checksum-verified, a file changed while open raises ``OSError(ESTALE)``; a write
is one PUT when small, a multipart upload streamed while written when large, visible only at
``close()`` and dropped on an exception in ``async with``.
"""

from __future__ import annotations

import errno
import io
from types import TracebackType
from typing import Any

from aistore_hl.errors import ObjectChanged
from aistore_hl.fs import _paths
from aistore_hl.object_file import AsyncObjectFileReader, AsyncObjectFileWriter


class AISAsyncStreamedFile:
    """An object opened with ``await fs.open_async(path, mode)``.

    ``rb``: ``await read(n)``, ``seek``, ``tell``, ``size``. ``wb``: ``await write(b)``,
    ``await flush()`` (sends nothing: see ``AsyncObjectFileWriter``). Both: ``await close()``,
    ``async with``.
    """

    def __init__(self, fs: Any, path: str, mode: str, obj: Any, **options: Any) -> None:
        self.fs = fs
        self.path = path
        self.mode = mode
        self._reader: AsyncObjectFileReader | None = None
        self._writer: AsyncObjectFileWriter | None = None
        if mode == "rb":
            self._reader = AsyncObjectFileReader(obj, **options)
        else:
            self._writer = AsyncObjectFileWriter(obj, **options)

    @property
    def closed(self) -> bool:
        """True once closed."""
        f = self._reader or self._writer
        assert f is not None
        return f.closed

    def readable(self) -> bool:
        """True in ``rb`` mode."""
        return self._reader is not None

    def writable(self) -> bool:
        """True in ``wb`` mode."""
        return self._writer is not None

    def seekable(self) -> bool:
        """True in ``rb`` mode."""
        return self._reader is not None

    def _need_reader(self) -> AsyncObjectFileReader:
        if self._reader is None:
            raise io.UnsupportedOperation("file not open for reading")
        return self._reader

    def _need_writer(self) -> AsyncObjectFileWriter:
        if self._writer is None:
            raise io.UnsupportedOperation("file not open for writing")
        return self._writer

    async def read(self, length: int = -1) -> bytes:
        """Read up to ``length`` bytes (all remaining if negative)."""
        reader = self._need_reader()
        try:
            with _paths.translated(self.path):
                return await reader.read(length)
        except ObjectChanged as exc:
            raise OSError(errno.ESTALE, f"object changed while open: {exc}", self.path) from exc

    async def seek(self, loc: int, whence: int = io.SEEK_SET) -> int:
        """Move to ``loc`` (relative to ``whence``); return the new position."""
        reader = self._need_reader()
        with _paths.translated(self.path):
            return await reader.seek(loc, whence)

    def tell(self) -> int:
        """The current position (bytes written, in ``wb`` mode)."""
        if self._reader is not None:
            return self._reader.tell()
        return self._need_writer().tell()

    async def size(self) -> int:
        """The object's size (``rb``)."""
        reader = self._need_reader()
        with _paths.translated(self.path):
            return await reader.size()

    async def write(self, data: bytes) -> int:
        """Write bytes (full parts are sent as they fill)."""
        writer = self._need_writer()
        with _paths.translated(self.path):
            return await writer.write(data)

    async def flush(self) -> None:
        """Nothing is sent before ``close()``."""
        await self._need_writer().flush()

    async def close(self) -> None:
        """Close: a writer writes the object now."""
        if self._reader is not None:
            await self._reader.close()
            return
        writer = self._need_writer()
        if writer.closed:
            return
        with _paths.translated(self.path):
            await writer.close()
        self.fs.invalidate_cache(self.path)

    async def discard(self) -> None:
        """Drop what was written (``wb``); the object stays as it was."""
        await self._need_writer().discard()

    async def __aenter__(self) -> AISAsyncStreamedFile:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None and self._writer is not None:
            await self._writer.discard()
        else:
            await self.close()

    def __repr__(self) -> str:
        return f"AISAsyncStreamedFile({self.path!r}, mode={self.mode!r})"
