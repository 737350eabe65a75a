"""``AISFile``: the file object of ``AISFileSystem.open`` (rb: ranged GETs; wb: one PUT for a
small file, a multipart upload streamed as it is written for a large one)."""

from __future__ import annotations

import inspect
import io
from typing import Any

from fsspec.asyn import sync
from fsspec.spec import AbstractBufferedFile

from aistore_hl.fs import _paths
from aistore_hl.fs._cache import AISReadaheadCache
from aistore_hl.multipart import DEFAULT_PART_SIZE, AsyncMultipartUpload, MultipartUpload

#: Kept for callers of the earlier spooling writer: it is now the part size (bytes kept in
#: memory before a part is sent).
DEFAULT_SPOOL_SIZE = DEFAULT_PART_SIZE


class _LoopMultipart:
    """An ``AsyncMultipartUpload`` driven from sync code on fsspec's IO loop (the async fs)."""

    def __init__(self, loop: Any, mpu: AsyncMultipartUpload) -> None:
        self._loop = loop
        self._mpu = mpu

    def upload_part(self, part_number: int, content: bytes) -> int:
        n: int = sync(self._loop, self._mpu.upload_part, part_number, content)
        return n

    def complete(self) -> Any:
        return sync(self._loop, self._mpu.complete)

    def abort(self) -> None:
        sync(self._loop, self._mpu.abort)


def _append(fs: Any, path: str, data: bytes, handle: str, flush: bool) -> str:
    """One APPEND (and flush) of ``path`` on ``fs`` (sync or async filesystem)."""
    from aistore_hl import append

    p = fs._parse(path)
    obj = fs._bucket(p).object(p.key)
    if not inspect.iscoroutinefunction(obj.put):
        return append.append_content(obj, data, handle, flush)
    out: str = sync(fs.loop, append.aappend_content, obj, data, handle, flush)
    return out


def _multipart(fs: Any, path: str) -> MultipartUpload | _LoopMultipart:
    """A created multipart upload of ``path`` on ``fs`` (sync or async filesystem)."""
    p = fs._parse(path)
    obj = fs._bucket(p).object(p.key)
    if not inspect.iscoroutinefunction(obj.put):
        return MultipartUpload(obj).create()
    mpu = AsyncMultipartUpload(obj)
    sync(fs.loop, mpu.create)
    return _LoopMultipart(fs.loop, mpu)


class AISFile(AbstractBufferedFile):  # type: ignore[misc]  # fsspec is untyped
    """A buffered, seekable object file.

    Reading (``rb``) sends ranged GETs through the ``aisreadahead`` cache (see
    ``aistore_hl.fs._cache``): a small object is read in one GET, the footer region is fetched
    once and kept, and sequential reads grow their readahead window — what Parquet/ORC readers
    need. Every ranged answer's ``ais-version`` is checked against the version the file was
    opened at, so a file overwritten while it is read raises instead of mixing two versions.

    Writing (``wb``, ``xb``) keeps up to ``part_size`` bytes (default 8 MiB; ``spool_size`` is
    the same setting's earlier name) in memory. A file that stays below it is ONE PUT on
    ``close()``; a larger one becomes a multipart upload: each full part is sent while the file
    is written (each part once, to its target, re-sent whole on a connection error), and the
    upload is completed, and checked, at ``close()``. Nothing is visible in the bucket before
    ``close()``; with ``autocommit=False`` (fsspec transactions) parts may be sent but the
    object appears only at ``commit()``, and ``discard()`` aborts the upload. A failed part
    aborts the upload too, so a failed write leaves nothing behind.

    Appending (``ab``) sends each buffer as an AIS APPEND and flushes at ``close()`` (or
    ``commit()``): the object is then its old bytes followed by what was written (a new object
    if there was none); before that, readers see the old object.
    """

    def __init__(
        self,
        fs: Any,
        path: str,
        mode: str = "rb",
        block_size: int | str | None = "default",
        autocommit: bool = True,
        cache_type: str = AISReadaheadCache.name,
        cache_options: dict[str, Any] | None = None,
        size: int | None = None,
        spool_size: int = DEFAULT_SPOOL_SIZE,
        part_size: int | None = None,
        **kwargs: Any,
    ) -> None:
        self._part_size = part_size if part_size is not None else spool_size
        if not isinstance(self._part_size, int) or isinstance(self._part_size, bool) or self._part_size < 1:
            raise ValueError(f"part_size must be an int >= 1, not {self._part_size!r}")
        self._pending: bytearray | None = None
        self._mpu: MultipartUpload | _LoopMultipart | None = None
        self._next_part = 1
        self._version: str | None = None
        if mode == "xb" and fs.exists(path):
            # Checked at open, as the builtin open(..., "xb") does (the PUT itself is not
            # conditional: a writer racing this one between now and close() still wins).
            raise FileExistsError(17, "File exists", path)
        super().__init__(
            fs,
            path,
            mode=mode,
            block_size=block_size,
            autocommit=autocommit,
            cache_type=cache_type,
            cache_options=cache_options,
            size=size,
            **kwargs,
        )
        if mode == "rb":
            details = self.details if size is None else {}
            if details.get("type") == "directory":
                raise IsADirectoryError(21, "Is a directory", path)
            self._version = details.get("version")

    # -- reading ----------------------------------------------------------------------------------
    def _fetch_range(self, start: int, end: int) -> bytes:
        data: bytes = self.fs._fetch_range(self.path, start, end, self._version)
        return data

    # -- writing ----------------------------------------------------------------------------------
    def _initiate_upload(self) -> None:
        self._pending = bytearray()
        self._handle = ""  # ``ab``: the APPEND handle of the last append

    def _append_chunk(self, final: bool) -> bool:
        # ``ab``: each buffer is one APPEND to the object's work file; the flush at close (or at
        # commit) makes the object the old bytes plus everything appended.
        assert self._pending is not None
        data = bytes(self._pending) + bytes(self.buffer.getbuffer())
        self._pending = bytearray()
        with _paths.translated(self.path):
            if data:
                self._handle = _append(self.fs, self.path, data, self._handle, False)
            if final and self.autocommit:
                self.commit()
        return True

    def _send_part(self, data: bytes) -> None:
        try:
            with _paths.translated(self.path):
                if self._mpu is None:
                    self._mpu = _multipart(self.fs, self.path)
                self._mpu.upload_part(self._next_part, data)
            self._next_part += 1
        except BaseException:
            self.discard()
            raise

    def _upload_chunk(self, final: bool = False) -> bool:
        if self._pending is None:
            raise ValueError("this file was discarded")
        if self.mode == "ab":
            return self._append_chunk(final)
        self.buffer.seek(0)
        self._pending += self.buffer.getbuffer()
        size = self._part_size
        # A file that ends within one part is one PUT; past that, full parts go as they fill.
        while len(self._pending) >= size and not (final and self._mpu is None and len(self._pending) <= size):
            part = bytes(self._pending[:size])
            del self._pending[:size]
            self._send_part(part)
        if final and self._mpu is not None and self._pending:
            part, self._pending = bytes(self._pending), bytearray()
            self._send_part(part)
        if final and self.autocommit:
            self.commit()
        return True

    def commit(self) -> None:
        """Write the object: one PUT, or the multipart completion (at ``close()``, or at the end
        of a transaction)."""
        if self.mode == "ab":
            handle, self._handle = getattr(self, "_handle", ""), ""
            if handle:
                with _paths.translated(self.path):
                    _append(self.fs, self.path, b"", handle, True)
            self._pending = None
            return
        mpu, self._mpu = self._mpu, None
        if mpu is not None:
            try:
                with _paths.translated(self.path):
                    mpu.complete()
            except BaseException:
                mpu.abort()
                raise
            self._pending = None
            return
        if self._pending is None:
            return
        data, self._pending = bytes(self._pending), None
        self.fs._put_stream(self.path, io.BytesIO(data))

    def discard(self) -> None:
        """Drop what was written without writing the object (a cancelled transaction, or a
        failed part): a multipart upload is aborted, appends are never flushed."""
        self._pending = None
        self._handle = ""
        mpu, self._mpu = self._mpu, None
        if mpu is not None:
            mpu.abort()
