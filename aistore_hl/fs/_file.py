"""``AISFile``: the file object of ``AISFileSystem.open`` (rb: ranged GETs; wb: one PUT)."""

from __future__ import annotations

import tempfile
from typing import Any

from fsspec.spec import AbstractBufferedFile

from aistore_hl.fs._cache import AISReadaheadCache

#: Bytes of a file being written kept in memory before the buffer moves to a temporary file.
DEFAULT_SPOOL_SIZE = 64 << 20


class AISFile(AbstractBufferedFile):  # type: ignore[misc]  # fsspec is untyped
    """A buffered, seekable object file.

    Reading (``rb``) sends ranged GETs through the ``aisreadahead`` cache (see
    ``aistore_hl.fs._cache``): a small object is read in one GET, the footer region is fetched
    once and kept, and sequential reads grow their readahead window — what Parquet/ORC readers
    need. Every ranged answer's ``ais-version`` is checked against the version the file was
    opened at, so a file overwritten while it is read raises instead of mixing two versions.

    Writing (``wb``, ``xb``) streams what is written into a buffer (memory up to
    ``spool_size`` bytes, a temporary file beyond) and sends it in ONE PUT on ``close()``.
    AIS 5.0 has multipart uploads, but aistore_hl's core does not expose them yet, so a large
    file is not sent in parts while it is written: it is buffered (on local disk past
    ``spool_size``) and PUT once, retried from the buffer on connection errors. Nothing is
    visible in the bucket before ``close()``; with ``autocommit=False`` (fsspec
    transactions) nothing is sent before ``commit()``.
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
        **kwargs: Any,
    ) -> None:
        self._spool: Any = None
        self._spool_size = spool_size
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
        self._spool = tempfile.SpooledTemporaryFile(max_size=self._spool_size)  # noqa: SIM115

    def _upload_chunk(self, final: bool = False) -> bool:
        self.buffer.seek(0)
        self._spool.write(self.buffer.getbuffer())
        if final and self.autocommit:
            self.commit()
        return True

    def commit(self) -> None:
        """Send the buffered bytes in one PUT (at ``close()``, or at the end of a transaction)."""
        if self._spool is None:
            return
        spool, self._spool = self._spool, None
        try:
            spool.seek(0)
            self.fs._put_stream(self.path, spool)
        finally:
            spool.close()

    def discard(self) -> None:
        """Drop the buffered bytes without sending them (a transaction that was cancelled)."""
        if self._spool is not None:
            self._spool.close()
            self._spool = None
