"""Downloading one object to a local file: argument checks, part plan, temporary file, verification.

IO-free except for the local file; ``Object.download`` / ``AsyncObject.download`` do the reads. The
data lands in a temporary file next to the destination, which is renamed over it only when every
byte arrived and (by default) the checksum matched: a failed download leaves nothing behind and an
existing file is never half-overwritten.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import warnings
from dataclasses import dataclass
from typing import Final

from aistore_hl._checksum import checksum_hasher
from aistore_hl.const import CHECKSUM_NONE, DEFAULT_READ_CHUNK_SIZE
from aistore_hl.errors import ChecksumMismatch, InvalidArgument, ObjectChanged, UnexpectedResponse
from aistore_hl.header import Header
from aistore_hl.obj_stream import ChecksumNotVerifiedWarning

#: Smallest part accepted: below this, per-request costs dominate.
MIN_PART_SIZE: Final = 64 << 10
#: Bytes read back per call when the file is hashed after a parallel download.
_HASH_READ: Final = 4 * DEFAULT_READ_CHUNK_SIZE


def check_args(path: object, num_workers: object, part_size: object) -> str:
    """Validate ``download``'s arguments locally; return the destination path as ``str``."""
    if not isinstance(path, str | os.PathLike):
        raise InvalidArgument(path, "must be a local file path", param="path")
    dest = os.fspath(path)
    if not isinstance(dest, str) or not dest:
        raise InvalidArgument(path, "must be a non-empty str path", param="path")
    if os.path.isdir(dest):
        raise InvalidArgument(dest, "is a directory", param="path")
    parent = os.path.dirname(os.path.abspath(dest))
    if not os.path.isdir(parent):
        raise InvalidArgument(dest, f"directory {parent!r} does not exist", param="path")
    if isinstance(num_workers, bool) or not isinstance(num_workers, int) or num_workers < 1:
        raise InvalidArgument(num_workers, "must be an int >= 1", param="num_workers")
    if isinstance(part_size, bool) or not isinstance(part_size, int) or part_size < MIN_PART_SIZE:
        raise InvalidArgument(part_size, f"must be an int >= {MIN_PART_SIZE}", param="part_size")
    return dest


def resolve_span(byte_range: tuple[int | None, int | None], size: int) -> tuple[int, int] | None:
    """The absolute inclusive span of a validated ``byte_range`` in an object of ``size`` bytes.

    ``(start, end)`` is clipped to the object as HTTP does; ``(None, n)`` is the last ``n``
    bytes. Returns None for an empty span (an empty object, or a suffix of an empty one).

    Raises:
        InvalidArgument: The range starts at or beyond the end of a non-empty object (the
            server would answer 416).
    """
    start, end = byte_range
    if start is None:
        n = end or 0
        return (max(0, size - n), size - 1) if size else None
    if start >= size:
        if size == 0:
            return None
        raise InvalidArgument(
            byte_range, f"starts at {start}, beyond the object's {size} bytes", param="byte_range"
        )
    last = size - 1 if end is None else min(end, size - 1)
    return (start, last)


def plan_parts(size: int, part_size: int) -> list[tuple[int, int]]:
    """Inclusive byte ranges covering ``size`` bytes in ``part_size`` pieces (none for 0 bytes)."""
    return [(start, min(start + part_size, size) - 1) for start in range(0, size, part_size)]


@dataclass(frozen=True)
class Target:
    """What the HEAD said about the object: the download's reference."""

    props: Header
    size: int | None  # None only for a HEAD without a size (not an object HEAD)
    version: str | None
    url: str
    #: The absolute inclusive byte span to download, or None for the whole object.
    span: tuple[int, int] | None = None

    @classmethod
    def from_head(
        cls, props: Header, url: str, byte_range: tuple[int | None, int | None] | None = None
    ) -> Target:
        size = props.size
        if size is not None and size < 0:
            raise UnexpectedResponse(f"object HEAD with a negative size ({url})")
        span = None if byte_range is None else resolve_span(byte_range, size or 0)
        return cls(props, size, props.version, url, span)

    @property
    def base(self) -> int:
        """The object offset that lands at file offset 0."""
        return self.span[0] if self.span is not None else 0

    @property
    def length(self) -> int | None:
        """Bytes the file will hold."""
        if self.span is not None:
            return self.span[1] - self.span[0] + 1
        return self.size

    def parts(self, part_size: int, num_workers: int) -> list[tuple[int, int]] | None:
        """The absolute ranges to read in parallel, or None for one streamed GET: one worker,
        one part, or no announced size."""
        length = self.length
        if length is None or num_workers == 1:
            return None
        parts = [(s + self.base, e + self.base) for s, e in plan_parts(length, part_size)]
        return parts if len(parts) > 1 else None

    def check_received(self, got: int, part: tuple[int, int] | None = None) -> None:
        """A complete answer (the stream checked its own length) with another length than the
        HEAD's size (or the span's) or the part's: the object changed in between."""
        want = self.length if part is None else part[1] - part[0] + 1
        if want is not None and got != want:
            where = f"bytes {part[0]}-{part[1]}" if part else f"{want} bytes"
            raise ObjectChanged(
                f"object changed during the download: asked for {where}, received {got}", url=self.url
            )

    def check_part(self, headers: Header) -> None:
        """A part answered for another version of the object than the HEAD's: refuse to mix them."""
        got = headers.version
        if self.version is not None and got is not None and got != self.version:
            raise ObjectChanged(
                f"object changed during the download: version {self.version} at HEAD, {got} in a part",
                url=self.url,
            )


class TempFile:
    """The temporary file a download writes into, renamed over the destination on success."""

    def __init__(self, dest: str, size: int | None) -> None:
        head, tail = os.path.split(os.path.abspath(dest))
        self.dest = dest
        self.path = os.path.join(head, f".{tail}.{secrets.token_hex(4)}.part")
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            os.ftruncate(self.fd, size or 0)  # parts land at their offsets, in any order
        except BaseException:
            self.discard()
            raise

    def write_at(self, data: bytes | memoryview, offset: int) -> None:
        view = memoryview(data)
        while view:
            n = os.pwrite(self.fd, view, offset)
            view = view[n:]
            offset += n

    def commit(self) -> None:
        os.close(self.fd)
        self.fd = -1
        os.replace(self.path, self.dest)

    def discard(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)


def verify_file(tmp: TempFile, target: Target) -> bool:
    """Hash the written file and compare with the HEAD's checksum.

    Returns:
        True when verified; False when the object has no checksum the client can compute (the
        same cases ``ObjStream`` skips; an unknown type also warns).

    Raises:
        ChecksumMismatch: The file's checksum differs from the object's.
    """
    ctype, cvalue = target.props.checksum_type or "", target.props.checksum_value or ""
    if not ctype or ctype.lower() == CHECKSUM_NONE or not cvalue:
        return False
    hasher, reason = checksum_hasher(ctype)
    if hasher is None:
        warnings.warn(f"object checksum not verified: {reason}", ChecksumNotVerifiedWarning, stacklevel=3)
        return False
    size = target.size or 0
    buf = bytearray(_HASH_READ)
    view = memoryview(buf)
    offset = 0
    while offset < size:
        n = os.preadv(tmp.fd, [view[: min(_HASH_READ, size - offset)]], offset)
        if n <= 0:
            break
        hasher.update(view[:n])
        offset += n
    actual = hasher.hexdigest()
    if actual.lower() != cvalue.lower():
        raise ChecksumMismatch(ctype, cvalue, actual, url=target.url)
    return True


def raise_first(errors: list[BaseException | None]) -> None:
    """Re-raise the first failure of the parts (in part order), if any."""
    for exc in errors:
        if exc is not None:
            raise exc
