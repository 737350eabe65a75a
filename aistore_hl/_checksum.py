"""Checksums of every AIS checksum type, in the server's hex form: one place for all readers.

``checksum_hasher(type)`` gives a hashlib-style hasher (``update`` / ``hexdigest``) or the
reason none can be made here (a missing optional package); streams (``obj_stream``),
downloads (``_download``), bulk transfers (``transfer``) and multipart uploads use it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Final, Protocol

from aistore_hl.const import (
    CHECKSUM_CRC32C,
    CHECKSUM_MD5,
    CHECKSUM_SHA256,
    CHECKSUM_SHA512,
    CHECKSUM_XXHASH,
    CHECKSUM_XXHASH2,
)

__all__ = ["DIGEST_HEX_LEN", "HEX_RE", "Hasher", "checksum_hasher", "supported_checksums"]


class Hasher(Protocol):
    """The part of the hashlib interface the stream needs."""

    def update(self, data: bytes | memoryview, /) -> None:
        """Add data."""

    def hexdigest(self) -> str:
        """Return the digest in lower-case hex, as the server writes it."""


class _Crc32cHasher:
    """CRC32C (Castagnoli) with the server's hex form: big-endian, 8 hex digits.

    google-crc32c's C ``extend`` takes ``bytes`` only: a memoryview (``download``'s read-back of
    the written file hashes views of one reused buffer) raised ``TypeError`` after a parallel
    download of a multipart-uploaded object (crc32c), so other buffers are copied to bytes here.
    """

    __slots__ = ("_crc", "_extend")

    def __init__(self, extend: Callable[[int, bytes | memoryview], int]) -> None:
        self._crc = 0
        self._extend = extend

    def update(self, data: bytes | memoryview, /) -> None:
        self._crc = self._extend(self._crc, data if type(data) is bytes else bytes(data))

    def hexdigest(self) -> str:
        return f"{self._crc:08x}"


def _crc32c_extend() -> Callable[[int, bytes | memoryview], int] | None:
    try:
        import google_crc32c  # type: ignore[import-not-found,import-untyped,unused-ignore]

        if google_crc32c.implementation == "c":
            return google_crc32c.extend  # type: ignore[no-any-return,unused-ignore]
    except ImportError:
        pass
    try:
        import crc32c  # type: ignore[import-not-found,import-untyped,unused-ignore]

        def _extend(crc: int, data: bytes | memoryview) -> int:
            return int(crc32c.crc32c(data, crc))

        return _extend
    except ImportError:
        return None


#: Hex digest length per checksum type (a value of another shape cannot be verified).
DIGEST_HEX_LEN: Final = {
    CHECKSUM_XXHASH: 16,
    CHECKSUM_XXHASH2: 16,
    CHECKSUM_CRC32C: 8,
    CHECKSUM_MD5: 32,
    CHECKSUM_SHA256: 64,
    CHECKSUM_SHA512: 128,
}
HEX_RE: Final = re.compile(r"[0-9a-fA-F]+")


def checksum_hasher(checksum_type: str) -> tuple[Hasher | None, str]:
    """Return a new hasher for an AIS checksum type, or None and the reason why not.

    Args:
        checksum_type: ``xxhash2``, ``xxhash``, ``crc32c``, ``md5``, ``sha256``, ``sha512``.

    Returns:
        ``(hasher, "")`` or ``(None, reason)``.
    """
    t = checksum_type.lower()
    if t == CHECKSUM_MD5:
        return hashlib.md5(usedforsecurity=False), ""
    if t == CHECKSUM_SHA256:
        return hashlib.sha256(), ""
    if t == CHECKSUM_SHA512:
        return hashlib.sha512(), ""
    if t in (CHECKSUM_XXHASH, CHECKSUM_XXHASH2):
        try:
            import xxhash  # type: ignore[import-not-found,import-untyped,unused-ignore]
        except ImportError:
            return None, f"checksum type {t!r} needs the 'xxhash' package"
        return xxhash.xxh64(seed=0), ""
    if t == CHECKSUM_CRC32C:
        extend = _crc32c_extend()
        if extend is None:
            return None, "checksum type 'crc32c' needs the 'google-crc32c' or 'crc32c' package"
        return _Crc32cHasher(extend), ""
    return None, f"unknown checksum type {checksum_type!r}"


def supported_checksums() -> frozenset[str]:
    """Return the checksum types this process can verify (depends on installed packages)."""
    return frozenset(t for t in DIGEST_HEX_LEN if checksum_hasher(t)[0] is not None)
