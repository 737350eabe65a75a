"""File-like access to one object: a seekable, buffered reader, a writer and an appender (sync and
async).

``ObjectFileReader`` (``io.BufferedIOBase``) reads an object through ranged GETs: a sequential
read is one streamed GET (resumed after a cut connection by ``ObjStream``), a ``seek`` outside
the buffer closes that stream and the next read opens a ranged GET at the new position. An object
read whole, start to end in one stream, has its checksum verified (``checksum_verified``). Every
GET after the first must show the same object (``Ais-Version`` and ``Ais-Checksum-Value``): a file
that changed between two ranged reads raises ``ObjectChanged`` instead of mixing two versions.

``ObjectFileWriter`` buffers what is written: an object smaller than ``part_size`` goes as one
PUT at ``close()``; a larger one becomes a multipart upload (parts of ``part_size`` sent as they
fill, completed at ``close()``, aborted on error), so nothing is visible until the object is whole,
and an existing object is replaced only then (the official SDK's writer empties it first).

``ObjectFileAppender`` sends what is written as AIS APPENDs of ``part_size`` with one session's
handle and finalizes them (the append flush) at ``close()``: the object becomes its old content
followed by what was written, and changes only then. A failed APPEND spends the handle: nothing
is finalized and the file refuses further use (``AppendHandleError``).

The reading and buffering decisions are pure (``_ReaderCore``, ``_WriterCore``, ``_AppendCore``);
each twin only does the I/O.
"""

from __future__ import annotations

import io
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

from aistore_hl._twins import twin_docs
from aistore_hl.append import aappend_content, append_content
from aistore_hl.errors import AppendHandleError, InvalidArgument, ObjectChanged, RangeNotSatisfiable
from aistore_hl.header import Header
from aistore_hl.multipart import DEFAULT_PART_SIZE, AsyncMultipartUpload, MultipartUpload
from aistore_hl.obj_stream import checksum_hasher

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Generator, Iterable, Iterator

    from _typeshed import ReadableBuffer
    from _typeshed import WriteableBuffer as Buffer

    from aistore_hl.obj_stream import AsyncObjStream, ObjStream
    from aistore_hl.object import AsyncObject, ByteRange, Object

__all__ = [
    "DEFAULT_BUFFER_SIZE",
    "AsyncObjectFileAppender",
    "AsyncObjectFileReader",
    "AsyncObjectFileWriter",
    "AsyncObjectReader",
    "ObjectFileAppender",
    "ObjectFileReader",
    "ObjectFileWriter",
    "ObjectReader",
]

#: Bytes asked of the stream per refill: large enough to amortise per-call overhead, small enough
#: that a reader doing small random reads (Parquet footers, tar headers) fetches little waste.
DEFAULT_BUFFER_SIZE: Final = 1 << 20

# A forward seek of at most this many bytes past the buffer reads through the open stream instead
# of opening a new ranged GET (a new request costs a round trip and a redirect, ~1 ms on loopback,
# which is what reading ~1 MiB costs).
_SKIP_LIMIT: Final = 1 << 20


def _check_buffer_size(buffer_size: object) -> int:
    if not isinstance(buffer_size, int) or isinstance(buffer_size, bool) or buffer_size < 1:
        raise InvalidArgument(buffer_size, "must be an int >= 1", param="buffer_size")
    return buffer_size


def _total_size(headers: Header, status: int) -> int | None:
    """The object size from a GET answer: ``Content-Length`` of a 200, the total of a 206."""
    if status != 206:
        return headers.size
    cr = headers.get("content-range") or ""
    total = cr.rpartition("/")[2].strip()
    return int(total) if total.isdigit() else None


class _ReaderCore:
    """Position, size, buffer and identity of the object being read; no I/O.

    The buffer holds object bytes ``[buf_start, buf_start + len(buf))``; the open stream (if any)
    yields from ``stream_at`` on.
    """

    __slots__ = ("buf", "buf_start", "checksum", "pos", "size", "stream_at", "version")

    def __init__(self) -> None:
        self.pos = 0
        self.size: int | None = None
        self.version: str | None = None
        self.checksum: str | None = None
        self.buf = b""
        self.buf_start = 0
        self.stream_at: int | None = None  # None: no stream open

    def take(self, n: int) -> bytes:
        """Up to ``n`` bytes from the buffer at ``pos`` (b"" when ``pos`` is not in it)."""
        off = self.pos - self.buf_start
        if off < 0 or off >= len(self.buf):
            return b""
        chunk = self.buf[off : off + n]  # the whole buffer is not copied: bytes slicing returns it
        self.pos += len(chunk)
        return chunk

    def find_line(self, limit: int) -> int:
        """Bytes from ``pos`` to just after the next newline in the buffer (capped at ``limit``
        when >= 0), or -1 if there is none."""
        off = self.pos - self.buf_start
        if off < 0 or off >= len(self.buf):
            return -1
        end = len(self.buf) if limit < 0 else min(len(self.buf), off + limit)
        nl = self.buf.find(b"\n", off, end)
        if nl >= 0:
            return nl + 1 - off
        return end - off if limit >= 0 and end - off >= limit else -1

    def at_eof(self) -> bool:
        return self.size is not None and self.pos >= self.size

    def skip_distance(self) -> int | None:
        """Bytes to discard from the open stream to reach ``pos``, if that beats a new GET."""
        if self.stream_at is None:
            return None
        d = self.pos - self.stream_at
        return d if 0 <= d <= _SKIP_LIMIT else None

    def stream_useless(self) -> bool:
        """After a seek: the open stream can serve ``pos`` neither from the buffer nor by
        reading through (then it is closed at once, not held until the next read)."""
        off = self.pos - self.buf_start
        if self.stream_at is None or 0 <= off < len(self.buf):
            return False
        return self.skip_distance() is None

    def opened(self, headers: Header, status: int, at: int) -> None:
        """A GET from ``at`` answered: learn the size, check it is the same object as before."""
        version, checksum = headers.version, headers.checksum_value
        if (self.version is not None and version is not None and version != self.version) or (
            self.checksum is not None and checksum is not None and checksum != self.checksum
        ):
            raise ObjectChanged(
                f"object changed while open: version {self.version!r} -> {version!r}, "
                f"checksum {self.checksum!r} -> {checksum!r}"
            )
        self.version = self.version or version
        self.checksum = self.checksum or checksum
        size = _total_size(headers, status)
        if size is not None:
            self.size = size
        self.stream_at = at

    def headed(self, headers: Header) -> None:
        """A HEAD answered (for ``SEEK_END``, ``size()`` or a first read past 0)."""
        at = self.stream_at
        self.opened(headers, 200, 0)
        self.stream_at = at  # a HEAD opens no stream

    def buffered(self) -> bytes:
        """The buffered bytes from ``pos`` on (b"" when ``pos`` is not in the buffer)."""
        off = self.pos - self.buf_start
        return self.buf[off:] if 0 <= off < len(self.buf) else b""

    def shrunk(self, start: int) -> ObjectChanged:
        """A ranged GET inside the size seen at open answered 416: the object got shorter."""
        return ObjectChanged(f"object changed while open: no byte {start} any more (size was {self.size})")

    def filled(self, data: bytes) -> None:
        """``data`` arrived from the stream at ``stream_at`` (== ``pos``: the buffer was used up)."""
        assert self.stream_at is not None
        self.buf, self.buf_start = data, self.stream_at
        self.stream_at += len(data)

    def stream_ended(self) -> None:
        """The stream returned its last byte: the object ends where it ended."""
        if self.stream_at is not None and self.size is None:
            self.size = self.stream_at
        self.stream_at = None

    def new_position(self, offset: int, whence: int) -> int | None:
        """The absolute position of a ``seek``; None when it needs the size first (``SEEK_END``)."""
        if not isinstance(offset, int) or isinstance(offset, bool):
            raise InvalidArgument(offset, "must be an int", param="offset")
        if whence == io.SEEK_SET:
            target = offset
        elif whence == io.SEEK_CUR:
            target = self.pos + offset
        elif whence == io.SEEK_END:
            if self.size is None:
                return None
            target = self.size + offset
        else:
            raise InvalidArgument(whence, "must be io.SEEK_SET, io.SEEK_CUR or io.SEEK_END", param="whence")
        if target < 0:
            raise InvalidArgument(target, "negative seek position", param="offset")
        return target

    def verify_from_start(self) -> bool:
        """Whether a stream opened now reads the object from its first byte (checksum checked)."""
        return self.pos == 0


class ObjectFileReader(io.BufferedIOBase):
    """A read-only, seekable, buffered file over one object (``io.BufferedIOBase``).

    Use it where a file is expected: ``read``, ``readinto``, ``read1``, ``readline`` (and
    iteration by lines), ``seek``/``tell``, ``with``. A sequential read from the start is one
    streamed GET, resumed from the last byte after a broken connection (up to 5 times per
    stream), and its checksum is verified once the last byte arrived. A ``seek`` within the buffer
    (or up to 1 MiB ahead of it) costs no request; any other closes the stream, and the next read
    opens a ranged GET at the new position (its bytes are not checksummed: the object checksum
    covers the whole object).

    While a GET is open the object's target holds it read-locked, so a PUT of the same object
    waits: close the file (or read it to the end, or seek away) before overwriting the object.

    Not in the seed; today's official SDK has ``ObjectFileReader`` (``get_reader().as_file()``),
    sequential only (``seek`` raises ``UnsupportedOperation``).

    Args:
        obj: The object to read.
        buffer_size: Bytes fetched per refill (default 1 MiB).
        verify_checksum: Verify the object's checksum when it is read whole in one stream.

    Raises:
        InvalidArgument: Bad ``buffer_size`` (nothing is sent).
    """

    def __init__(
        self, obj: Object, *, buffer_size: int = DEFAULT_BUFFER_SIZE, verify_checksum: bool = True
    ) -> None:
        super().__init__()
        self._obj = obj
        self._buffer_size = _check_buffer_size(buffer_size)
        self._verify = verify_checksum
        self._core = _ReaderCore()
        self._stream: ObjStream | None = None
        self._verified = False

    # -- properties ------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The object's name."""
        return self._obj.obj_name

    @property
    def mode(self) -> str:
        """Always ``"rb"``."""
        return "rb"

    @property
    def checksum_verified(self) -> bool:
        """True once a stream read the whole object from byte 0 and its checksum matched."""
        return self._verified

    def readable(self) -> bool:
        """True (while open)."""
        self._check_open()
        return True

    def seekable(self) -> bool:
        """True (while open): any position can be read with a ranged GET."""
        self._check_open()
        return True

    def writable(self) -> bool:
        """False."""
        return False

    # -- I/O -------------------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("I/O operation on a closed ObjectFileReader")

    def _drop_stream(self) -> None:
        stream, self._stream = self._stream, None
        self._core.stream_at = None
        if stream is not None:
            stream.close()

    def size(self) -> int:
        """The object's size in bytes (a HEAD if no GET told it yet).

        Raises:
            ErrObjNotFound: The object does not exist.
        """
        self._check_open()
        core = self._core
        if core.size is None:
            core.headed(self._obj.head())
        assert core.size is not None
        return core.size

    def _open(self) -> None:
        core = self._core
        if core.size is None and core.pos > 0:
            self.size()  # a range past the end would answer 416: learn where the end is first
        if core.at_eof():
            return
        start = core.pos
        verify = self._verify and core.verify_from_start()
        try:
            stream = self._obj.get(byte_range=(start, None) if start else None, verify_checksum=verify)
        except RangeNotSatisfiable as exc:
            raise core.shrunk(start) from exc
        try:
            core.opened(stream.headers, stream.status_code, start)
        except BaseException:
            stream.close()
            raise
        self._stream = stream

    def _fill(self, hint: int) -> bool:
        """Refill the buffer at ``pos`` with at least ``hint`` bytes if there are; False at EOF."""
        core = self._core
        if core.at_eof():
            return False
        if self._stream is not None and core.stream_at != core.pos:
            skip = core.skip_distance()
            if skip:
                got = self._stream.read(skip)
                core.stream_at = (core.stream_at or 0) + len(got)
            if core.stream_at != core.pos:
                self._drop_stream()
        if self._stream is None:
            self._open()
            if self._stream is None:
                return False
        stream = self._stream
        data = stream.read(max(hint, self._buffer_size))
        if data:
            core.filled(data)
        if not data or (core.size is not None and core.stream_at == core.size):
            # Reading the end makes the stream run its length and checksum checks now, not at
            # some later read that may never come.
            if data and stream.read(1):
                raise ObjectChanged("object is longer than its size at open")
            self._verified = self._verified or stream.checksum_verified
            core.stream_ended()
            self._stream = None
            stream.close()
        return bool(data)

    def read(self, size: int | None = -1) -> bytes:
        """Read up to ``size`` bytes (to the end if negative or None); b"" at the end.

        Raises:
            ErrObjNotFound: The object does not exist.
            ObjectChanged: The object changed since the first read.
            ChecksumMismatch: A whole read did not match the object's checksum.
            ConnectionFailed: The connection broke beyond the resume budget.
        """
        self._check_open()
        want = -1 if size is None or size < 0 else size
        parts: list[bytes] = []
        while want != 0:
            chunk = self._core.take(want if want > 0 else 1 << 62)
            if chunk:
                parts.append(chunk)
                if want > 0:
                    want -= len(chunk)
                continue
            if not self._fill(want if want > 0 else self._buffer_size):
                break
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def read1(self, size: int = -1) -> bytes:
        """Read up to ``size`` bytes with at most one refill (``io.BufferedIOBase``)."""
        self._check_open()
        n = size if size is not None and size >= 0 else self._buffer_size
        if n == 0:
            return b""
        chunk = self._core.take(n)
        if chunk or not self._fill(n):
            return chunk
        return self._core.take(n)

    def readinto(self, buffer: Buffer) -> int:
        """Read into a writable bytes-like object; return the number of bytes read."""
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def readinto1(self, buffer: Buffer) -> int:
        """``readinto`` with at most one refill."""
        view = memoryview(buffer).cast("B")
        data = self.read1(len(view))
        view[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        """Read up to and including the next ``\\n`` (at most ``size`` bytes when >= 0)."""
        self._check_open()
        limit = -1 if size is None or size < 0 else size
        parts: list[bytes] = []
        while limit != 0:
            n = self._core.find_line(limit)
            if n >= 0:
                parts.append(self._core.take(n))
                break
            chunk = self._core.take(limit if limit > 0 else 1 << 62)
            if chunk:
                parts.append(chunk)
                if limit > 0:
                    limit -= len(chunk)
                continue
            if not self._fill(self._buffer_size):
                break
        return b"".join(parts)

    def peek(self, size: int = 0) -> bytes:
        """The buffered bytes at the position, without moving it (one refill if none)."""
        self._check_open()
        if not self._core.buffered():
            self._fill(max(size, 1))
        return self._core.buffered()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Move to ``offset`` (relative to ``whence``); return the new absolute position.

        A position past the end is allowed (reads there return b""). ``SEEK_END`` needs the size
        (a HEAD, unless a GET told it).

        Raises:
            InvalidArgument: Not an int, bad ``whence``, or a negative position (a ValueError,
                as ``io`` raises).
        """
        self._check_open()
        target = self._core.new_position(offset, whence)
        if target is None:
            self.size()
            target = self._core.new_position(offset, whence)
            assert target is not None
        self._core.pos = target
        if self._core.stream_useless():
            self._drop_stream()
        return target

    def tell(self) -> int:
        """The current position."""
        self._check_open()
        return self._core.pos

    def detach(self) -> io.RawIOBase:
        """Not supported: there is no raw stream under this buffer."""
        raise io.UnsupportedOperation("detach")

    def close(self) -> None:
        """Close the open GET (if any); idempotent."""
        if not self.closed:
            try:
                self._drop_stream()
            finally:
                super().close()

    def __enter__(self) -> ObjectFileReader:
        self._check_open()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ObjectFileReader({self._obj!r}, pos={self._core.pos}, closed={self.closed})"


@twin_docs(ObjectFileReader)
class AsyncObjectFileReader:
    """Async twin of :class:`ObjectFileReader`: ``await read(n)``, ``readinto``, ``readline``,
    ``seek``, ``async with``, ``async for line in f``.

    Args:
        obj: The object to read.
        buffer_size: Bytes fetched per refill (default 1 MiB).
        verify_checksum: Verify the object's checksum when it is read whole in one stream.
    """

    def __init__(
        self, obj: AsyncObject, *, buffer_size: int = DEFAULT_BUFFER_SIZE, verify_checksum: bool = True
    ) -> None:
        self._obj = obj
        self._buffer_size = _check_buffer_size(buffer_size)
        self._verify = verify_checksum
        self._core = _ReaderCore()
        self._stream: AsyncObjStream | None = None
        self._verified = False
        self._closed = False

    @property
    def name(self) -> str:
        """The object's name."""
        return self._obj.obj_name

    @property
    def mode(self) -> str:
        """Always ``"rb"``."""
        return "rb"

    @property
    def closed(self) -> bool:
        """True once closed."""
        return self._closed

    @property
    def checksum_verified(self) -> bool:
        """True once a stream read the whole object from byte 0 and its checksum matched."""
        return self._verified

    def readable(self) -> bool:
        """True."""
        return True

    def seekable(self) -> bool:
        """True."""
        return True

    def writable(self) -> bool:
        """False."""
        return False

    def _check_open(self) -> None:
        if self._closed:
            raise ValueError("I/O operation on a closed AsyncObjectFileReader")

    async def _drop_stream(self) -> None:
        stream, self._stream = self._stream, None
        self._core.stream_at = None
        if stream is not None:
            await stream.aclose()

    async def size(self) -> int:
        """The object's size in bytes (a HEAD if no GET told it yet)."""
        self._check_open()
        core = self._core
        if core.size is None:
            core.headed(await self._obj.head())
        assert core.size is not None
        return core.size

    async def _open(self) -> None:
        core = self._core
        if core.size is None and core.pos > 0:
            await self.size()
        if core.at_eof():
            return
        start = core.pos
        verify = self._verify and core.verify_from_start()
        try:
            stream = await self._obj.get(byte_range=(start, None) if start else None, verify_checksum=verify)
        except RangeNotSatisfiable as exc:
            raise core.shrunk(start) from exc
        try:
            core.opened(stream.headers, stream.status_code, start)
        except BaseException:
            await stream.aclose()
            raise
        self._stream = stream

    async def _fill(self, hint: int) -> bool:
        core = self._core
        if core.at_eof():
            return False
        if self._stream is not None and core.stream_at != core.pos:
            skip = core.skip_distance()
            if skip:
                got = await self._stream.read(skip)
                core.stream_at = (core.stream_at or 0) + len(got)
            if core.stream_at != core.pos:
                await self._drop_stream()
        if self._stream is None:
            await self._open()
            if self._stream is None:
                return False
        stream = self._stream
        data = await stream.read(max(hint, self._buffer_size))
        if data:
            core.filled(data)
        if not data or (core.size is not None and core.stream_at == core.size):
            if data and await stream.read(1):
                raise ObjectChanged("object is longer than its size at open")
            self._verified = self._verified or stream.checksum_verified
            core.stream_ended()
            self._stream = None
            await stream.aclose()
        return bool(data)

    async def read(self, size: int | None = -1) -> bytes:
        """Read up to ``size`` bytes (to the end if negative or None); b"" at the end."""
        self._check_open()
        want = -1 if size is None or size < 0 else size
        parts: list[bytes] = []
        while want != 0:
            chunk = self._core.take(want if want > 0 else 1 << 62)
            if chunk:
                parts.append(chunk)
                if want > 0:
                    want -= len(chunk)
                continue
            if not await self._fill(want if want > 0 else self._buffer_size):
                break
        return parts[0] if len(parts) == 1 else b"".join(parts)

    async def readinto(self, buffer: Buffer) -> int:
        """Read into a writable bytes-like object; return the number of bytes read."""
        view = memoryview(buffer).cast("B")
        data = await self.read(len(view))
        view[: len(data)] = data
        return len(data)

    async def readline(self, size: int | None = -1) -> bytes:
        """Read up to and including the next ``\\n`` (at most ``size`` bytes when >= 0)."""
        self._check_open()
        limit = -1 if size is None or size < 0 else size
        parts: list[bytes] = []
        while limit != 0:
            n = self._core.find_line(limit)
            if n >= 0:
                parts.append(self._core.take(n))
                break
            chunk = self._core.take(limit if limit > 0 else 1 << 62)
            if chunk:
                parts.append(chunk)
                if limit > 0:
                    limit -= len(chunk)
                continue
            if not await self._fill(self._buffer_size):
                break
        return b"".join(parts)

    async def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Move to ``offset`` (relative to ``whence``); return the new absolute position."""
        self._check_open()
        target = self._core.new_position(offset, whence)
        if target is None:
            await self.size()
            target = self._core.new_position(offset, whence)
            assert target is not None
        self._core.pos = target
        if self._core.stream_useless():
            await self._drop_stream()
        return target

    def tell(self) -> int:
        """The current position."""
        self._check_open()
        return self._core.pos

    async def close(self) -> None:
        """Close the open GET (if any); idempotent."""
        if not self._closed:
            self._closed = True
            await self._drop_stream()

    aclose = close

    async def __aenter__(self) -> AsyncObjectFileReader:
        self._check_open()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    def __aiter__(self) -> AsyncObjectFileReader:
        return self

    async def __anext__(self) -> bytes:
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line

    def __repr__(self) -> str:
        return f"AsyncObjectFileReader({self._obj!r}, pos={self._core.pos}, closed={self._closed})"


# ==================================================================================================
# Writer
# ==================================================================================================


def _check_part_size(part_size: object) -> int:
    if not isinstance(part_size, int) or isinstance(part_size, bool) or part_size < 1:
        raise InvalidArgument(part_size, "must be an int >= 1", param="part_size")
    return part_size


class _PartBuffer:
    """Bytes written and not sent yet, cut into parts of ``part_size``; no I/O."""

    __slots__ = ("buf", "part_size", "written")

    def __init__(self, part_size: object) -> None:
        self.part_size = _check_part_size(part_size)
        self.buf = bytearray()
        self.written = 0

    def add(self, data: ReadableBuffer) -> int:
        view = memoryview(data).cast("B")
        self.buf += view
        self.written += len(view)
        self.seen(view)
        return len(view)

    def seen(self, view: memoryview) -> None:
        """Called with each write's bytes (a hook: the writer hashes them)."""

    def full_part(self) -> bytes | None:
        """The next full part to send (taken out of the buffer), or None."""
        if len(self.buf) < self.part_size:
            return None
        part = bytes(self.buf[: self.part_size])
        del self.buf[: self.part_size]
        return part

    def rest(self) -> bytes:
        rest, self.buf = bytes(self.buf), bytearray()
        return rest


class _WriterCore(_PartBuffer):
    """The buffer of a writer and when it spills into a part; no I/O."""

    __slots__ = ("hasher", "next_part", "props", "state")

    def __init__(self, part_size: object) -> None:
        super().__init__(part_size)
        self.next_part = 1
        self.state = "open"  # -> closed | discarded
        self.props: Header | None = None
        # The whole object's xxhash2 as it is written, for the multipart completion check.
        self.hasher, _ = checksum_hasher("xxhash2")

    def check_open(self) -> None:
        if self.state != "open":
            raise ValueError(f"I/O operation on a {self.state} object writer")

    def seen(self, view: memoryview) -> None:
        if self.hasher is not None:
            self.hasher.update(view)

    def whole(self) -> dict[str, str]:
        return {"xxhash2": self.hasher.hexdigest()} if self.hasher is not None else {}


class ObjectFileWriter(io.BufferedIOBase):
    """A write-only file that becomes the object at ``close()`` (``io.BufferedIOBase``).

    Up to ``part_size`` bytes are buffered; an object that stays below it is one PUT at
    ``close()``, a larger one a multipart upload (each full part sent as it fills, completed and
    checked at ``close()``). Nothing is visible, and an existing object is unchanged, until
    ``close()`` returns. An exception inside a ``with`` block, or ``discard()``, drops what was
    written (aborting the multipart upload). ``flush()`` sends nothing: the object has no state
    between empty and whole that others could read.

    Not in the seed; today's official SDK's ``ObjectFileWriter`` (``get_writer().as_file()``)
    appends each ``write`` and flushes on ``flush()``, after emptying the object at open.

    Args:
        obj: The object to write.
        part_size: Buffer size and multipart part size (default 8 MiB).

    Raises:
        InvalidArgument: Bad ``part_size`` (nothing is sent).
    """

    def __init__(self, obj: Object, *, part_size: int = DEFAULT_PART_SIZE) -> None:
        super().__init__()
        self._obj = obj
        self._core = _WriterCore(part_size)
        self._mpu: MultipartUpload | None = None

    @property
    def name(self) -> str:
        """The object's name."""
        return self._obj.obj_name

    @property
    def mode(self) -> str:
        """Always ``"wb"``."""
        return "wb"

    @property
    def props(self) -> Header | None:
        """The object's properties once ``close()`` wrote it (else None)."""
        return self._core.props

    def writable(self) -> bool:
        """True while open."""
        self._core.check_open()
        return True

    def readable(self) -> bool:
        """False."""
        return False

    def seekable(self) -> bool:
        """False."""
        return False

    def tell(self) -> int:
        """Bytes written so far."""
        return self._core.written

    def write(self, data: ReadableBuffer) -> int:
        """Write bytes; full parts go out as multipart parts.

        Raises:
            ValueError: The writer is closed or discarded.
            ConnectionFailed: A part could not be sent (the upload is aborted, the writer
                discarded).
        """
        self._core.check_open()
        n = self._core.add(data)
        while (part := self._core.full_part()) is not None:
            self._send(part)
        return n

    def writelines(self, lines: Iterable[ReadableBuffer], /) -> None:
        """Write each of ``lines`` (bytes-like; no separators are added), as ``write`` does."""
        for line in lines:
            self.write(line)

    def _send(self, part: bytes) -> None:
        core = self._core
        try:
            if self._mpu is None:
                self._mpu = MultipartUpload(self._obj).create()
            self._mpu.upload_part(core.next_part, part)
            core.next_part += 1
        except BaseException:
            self.discard()
            raise

    def flush(self) -> None:
        """Nothing to send before ``close()`` (see the class docs); checks the writer is open."""
        if self.closed:  # io's rule; IOBase.close() calls this before it marks the file closed
            raise ValueError("I/O operation on a closed object writer")

    def close(self) -> None:
        """Write the object: one PUT, or the last part and the multipart completion. Idempotent.

        Raises:
            ConnectionFailed / AISError: The object could not be written (a multipart upload
                is aborted: nothing is left).
            MultipartMismatch: The assembled object differs from what was written (deleted).
        """
        core = self._core
        if core.state != "open":
            super().close()
            return
        try:
            rest = core.rest()
            if self._mpu is None:
                core.props = self._obj.put(content=rest)
            else:
                if rest:
                    self._mpu.upload_part(core.next_part, rest)
                self._mpu._core.whole = core.whole()
                core.props = self._mpu.complete()
            core.state = "closed"
        except BaseException:
            self.discard()
            raise
        finally:
            super().close()

    def discard(self) -> None:
        """Drop everything written; the object stays as it was (idempotent)."""
        core = self._core
        if core.state == "open":
            core.state = "discarded"
            core.buf = bytearray()
            if self._mpu is not None:
                self._mpu.abort()
        super().close()

    def __enter__(self) -> ObjectFileWriter:
        self._core.check_open()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            self.discard()
        else:
            self.close()

    def __repr__(self) -> str:
        return f"ObjectFileWriter({self._obj!r}, written={self._core.written}, state={self._core.state!r})"


@twin_docs(ObjectFileWriter)
class AsyncObjectFileWriter:
    """Async twin of :class:`ObjectFileWriter`: ``await write(b)``, ``await close()``,
    ``async with`` (an exception discards)."""

    def __init__(self, obj: AsyncObject, *, part_size: int = DEFAULT_PART_SIZE) -> None:
        self._obj = obj
        self._core = _WriterCore(part_size)
        self._mpu: AsyncMultipartUpload | None = None

    @property
    def name(self) -> str:
        """The object's name."""
        return self._obj.obj_name

    @property
    def mode(self) -> str:
        """Always ``"wb"``."""
        return "wb"

    @property
    def closed(self) -> bool:
        """True once closed or discarded."""
        return self._core.state != "open"

    @property
    def props(self) -> Header | None:
        """The object's properties once ``close()`` wrote it (else None)."""
        return self._core.props

    def writable(self) -> bool:
        """True while open."""
        return self._core.state == "open"

    def readable(self) -> bool:
        """False."""
        return False

    def seekable(self) -> bool:
        """False."""
        return False

    def tell(self) -> int:
        """Bytes written so far."""
        return self._core.written

    async def write(self, data: ReadableBuffer) -> int:
        """Write bytes; full parts go out as multipart parts."""
        self._core.check_open()
        n = self._core.add(data)
        while (part := self._core.full_part()) is not None:
            try:
                if self._mpu is None:
                    self._mpu = await AsyncMultipartUpload(self._obj).create()
                await self._mpu.upload_part(self._core.next_part, part)
                self._core.next_part += 1
            except BaseException:
                await self.discard()
                raise
        return n

    async def writelines(self, lines: Iterable[ReadableBuffer], /) -> None:
        """Write each of ``lines`` (bytes-like; no separators are added), as ``write`` does."""
        for line in lines:
            await self.write(line)

    async def flush(self) -> None:
        """Nothing to send before ``close()``; checks the writer is open."""
        self._core.check_open()

    async def close(self) -> None:
        """Write the object (one PUT, or the last part and the completion); idempotent."""
        core = self._core
        if core.state != "open":
            return
        try:
            rest = core.rest()
            if self._mpu is None:
                core.props = await self._obj.put(content=rest)
            else:
                if rest:
                    await self._mpu.upload_part(core.next_part, rest)
                self._mpu._core.whole = core.whole()
                core.props = await self._mpu.complete()
            core.state = "closed"
        except BaseException:
            await self.discard()
            raise

    async def discard(self) -> None:
        """Drop everything written; the object stays as it was (idempotent)."""
        core = self._core
        if core.state == "open":
            core.state = "discarded"
            core.buf = bytearray()
            if self._mpu is not None:
                await self._mpu.abort()

    async def __aenter__(self) -> AsyncObjectFileWriter:
        self._core.check_open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            await self.discard()
        else:
            await self.close()

    def __repr__(self) -> str:
        return (
            f"AsyncObjectFileWriter({self._obj!r}, written={self._core.written}, state={self._core.state!r})"
        )


# ==================================================================================================
# Appender
# ==================================================================================================


class _AppendCore(_PartBuffer):
    """The buffer and the APPEND handle of an appender, and what it may still do; no I/O.

    ``handle`` is the last APPEND's answer ("" before the first). ``spent`` is set when an APPEND
    failed: that session's work file may hold part of a body, so it is never flushed and the file
    refuses everything after (each twin does only the I/O between these decisions).
    """

    __slots__ = ("handle", "spent", "state")

    def __init__(self, part_size: object) -> None:
        super().__init__(part_size)
        self.handle = ""
        self.state = "open"  # -> closed | discarded
        self.spent: str | None = None  # why the handle cannot be used any more

    def check_open(self) -> None:
        if self.spent is not None:
            raise AppendHandleError(self.handle, self.spent)
        if self.state != "open":
            raise ValueError(f"I/O operation on a {self.state} object appender")

    def to_finalize(self) -> bool:
        """Whether ``close()`` sends anything: not when nothing was written (the object is left
        as it is)."""
        return bool(self.buf) or bool(self.handle)

    def answered(self, handle: str) -> None:
        """An APPEND succeeded: ``handle`` is the next one ("" after the final flush)."""
        self.handle = handle

    def failed(self) -> None:
        """An APPEND (or the final flush) failed: drop the buffer, refuse everything after."""
        self.buf = bytearray()
        self.spent = (
            "was used by an append that failed (the work file may hold part of it); it is never "
            "flushed, the object keeps its old content: open the object again to append"
        )


class ObjectFileAppender(io.BufferedIOBase):
    """A write-only file that appends to the object at ``close()`` (``io.BufferedIOBase``).

    Each ``write`` is buffered; every full ``part_size`` of it goes out as one AIS APPEND with
    the session's current handle, and ``close()`` sends the rest and the append flush that
    finalizes: the object then is its content at the first APPEND followed by everything written
    (a new object if there was none). On AIS 5.0 the first APPEND copies the existing object into
    the target's work file and the object itself changes only at the flush, so nothing written
    is visible before ``close()`` returns; a change made to the object by someone else between
    the first APPEND and ``close()`` is overwritten. Closing a file nothing was written to sends
    no request and leaves the object untouched.

    ``flush()`` is io's flush: it pushes the buffered bytes to the cluster (one APPEND), it does
    not finalize. An exception inside a ``with`` block, or ``discard()``, finalizes nothing: the
    object keeps its old content.

    If an APPEND fails (a cut connection, an error answer), the handle is spent: the work file
    may hold part of that body, so it is never flushed and the object keeps its old content;
    every later ``write``, ``flush`` or ``close`` raises ``AppendHandleError`` before any
    request. An APPEND is never re-sent once its body started (it could append twice).

    Not in the seed; today's official SDK's analogue is ``get_writer().as_file(mode="a")``.

    Args:
        obj: The object to append to.
        part_size: Bytes buffered per APPEND (default 8 MiB).

    Raises:
        InvalidArgument: Bad ``part_size`` (nothing is sent).
    """

    def __init__(self, obj: Object, *, part_size: int = DEFAULT_PART_SIZE) -> None:
        super().__init__()
        self._obj = obj
        self._core = _AppendCore(part_size)

    @property
    def name(self) -> str:
        """The object's name."""
        return self._obj.obj_name

    @property
    def mode(self) -> str:
        """Always ``"ab"``."""
        return "ab"

    def writable(self) -> bool:
        """True while open and no APPEND failed."""
        if self.closed:
            raise ValueError("I/O operation on a closed object appender")
        return self._core.spent is None

    def readable(self) -> bool:
        """False."""
        return False

    def seekable(self) -> bool:
        """False."""
        return False

    def tell(self) -> int:
        """Bytes written through this file so far (not the object's size)."""
        return self._core.written

    def _append(self, data: bytes, finalize: bool = False) -> None:
        core = self._core
        try:
            handle = append_content(self._obj, data, core.handle, finalize)
        except BaseException:
            core.failed()
            raise
        core.answered(handle)

    def write(self, data: ReadableBuffer) -> int:
        """Write bytes; each full ``part_size`` is sent as one APPEND.

        Raises:
            ValueError: The file is closed or discarded.
            AppendHandleError: An earlier APPEND failed (nothing is sent).
            ConnectionFailed / AISError: An APPEND failed (not re-sent); the handle is spent.
        """
        core = self._core
        core.check_open()
        n = core.add(data)
        while (part := core.full_part()) is not None:
            self._append(part)
        return n

    def writelines(self, lines: Iterable[ReadableBuffer], /) -> None:
        """Write each of ``lines`` (bytes-like; no separators are added), as ``write`` does."""
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        """Send the buffered bytes as one APPEND (nothing if none); the object changes only at
        ``close()``.

        Raises:
            ValueError: The file is closed or discarded.
            AppendHandleError: An earlier APPEND failed (nothing is sent).
            ConnectionFailed / AISError: The APPEND failed; the handle is spent.
        """
        if self.closed:  # io's rule
            raise ValueError("I/O operation on a closed object appender")
        core = self._core
        if core.state != "open":  # IOBase.close() calls flush() once close() or discard() is done
            return
        core.check_open()
        if core.buf:
            self._append(core.rest())

    def close(self) -> None:
        """Send the rest and finalize (the append flush): the object is now its old content
        followed by everything written. Nothing written: no request. Idempotent.

        Raises:
            AppendHandleError: An earlier APPEND failed; nothing is finalized (the file is closed).
            ConnectionFailed / AISError: The last APPEND or the flush failed (a failed APPEND
                leaves the object as it was).
        """
        core = self._core
        if core.state != "open":
            super().close()
            return
        try:
            core.check_open()
            if core.to_finalize():
                self._append(core.rest(), finalize=True)
            core.state = "closed"
        finally:
            if core.state == "open":
                core.state = "discarded"
            super().close()

    def discard(self) -> None:
        """Close without finalizing: the object keeps its old content (idempotent). Bytes
        already appended stay in the target's work file, which is never flushed."""
        core = self._core
        if core.state == "open":
            core.state = "discarded"
            core.buf = bytearray()
        super().close()

    def __enter__(self) -> ObjectFileAppender:
        self._core.check_open()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            self.discard()
        else:
            self.close()

    def __repr__(self) -> str:
        return f"ObjectFileAppender({self._obj!r}, written={self._core.written}, state={self._core.state!r})"


@twin_docs(ObjectFileAppender)
class AsyncObjectFileAppender:
    """Async twin of :class:`ObjectFileAppender`: ``await write(b)``, ``await flush()``,
    ``await close()``, ``async with`` (an exception finalizes nothing)."""

    def __init__(self, obj: AsyncObject, *, part_size: int = DEFAULT_PART_SIZE) -> None:
        self._obj = obj
        self._core = _AppendCore(part_size)

    @property
    def name(self) -> str:
        """The object's name."""
        return self._obj.obj_name

    @property
    def mode(self) -> str:
        """Always ``"ab"``."""
        return "ab"

    @property
    def closed(self) -> bool:
        """True once closed or discarded."""
        return self._core.state != "open"

    def writable(self) -> bool:
        """True while open and no APPEND failed."""
        return self._core.state == "open" and self._core.spent is None

    def readable(self) -> bool:
        """False."""
        return False

    def seekable(self) -> bool:
        """False."""
        return False

    def tell(self) -> int:
        """Bytes written through this file so far (not the object's size)."""
        return self._core.written

    async def _append(self, data: bytes, finalize: bool = False) -> None:
        core = self._core
        try:
            handle = await aappend_content(self._obj, data, core.handle, finalize)
        except BaseException:
            core.failed()
            raise
        core.answered(handle)

    async def write(self, data: ReadableBuffer) -> int:
        """Write bytes; each full ``part_size`` is sent as one APPEND."""
        core = self._core
        core.check_open()
        n = core.add(data)
        while (part := core.full_part()) is not None:
            await self._append(part)
        return n

    async def writelines(self, lines: Iterable[ReadableBuffer], /) -> None:
        """Write each of ``lines`` (bytes-like; no separators are added), as ``write`` does."""
        for line in lines:
            await self.write(line)

    async def flush(self) -> None:
        """Send the buffered bytes as one APPEND; the object changes only at ``close()``."""
        core = self._core
        core.check_open()
        if core.buf:
            await self._append(core.rest())

    async def close(self) -> None:
        """Send the rest and finalize; nothing written: no request. Idempotent."""
        core = self._core
        if core.state != "open":
            return
        try:
            core.check_open()
            if core.to_finalize():
                await self._append(core.rest(), finalize=True)
            core.state = "closed"
        finally:
            if core.state == "open":
                core.state = "discarded"

    async def discard(self) -> None:
        """Close without finalizing: the object keeps its old content (idempotent)."""
        core = self._core
        if core.state == "open":
            core.state = "discarded"
            core.buf = bytearray()

    async def __aenter__(self) -> AsyncObjectFileAppender:
        self._core.check_open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            await self.discard()
        else:
            await self.close()

    def __repr__(self) -> str:
        return (
            f"AsyncObjectFileAppender({self._obj!r}, written={self._core.written}, "
            f"state={self._core.state!r})"
        )


# ==================================================================================================
# The official SDK's reader handle
# ==================================================================================================


#: Bytes per ranged GET of a reader opened with ``num_workers``.
READER_PART_SIZE: Final = 8 << 20


class _ReaderArgs:
    """What ``get_reader`` was given, checked once (every error before any request); no I/O."""

    def __init__(
        self,
        obj: Any,
        byte_range: object,
        archpath: str,
        chunk_size: int,
        latest: object = False,
        direct: object = False,
        num_workers: object = None,
        archive_config: Any = None,
        blob_download_config: Any = None,
        etl: Any = None,
    ) -> None:
        from aistore_hl.const import HEADER_BLOB_CHUNK, HEADER_BLOB_DOWNLOAD, HEADER_BLOB_WORKERS
        from aistore_hl.object import check_byte_range
        from aistore_hl.types import check_archive_config, etl_query

        for name, v in (("latest", latest), ("direct", direct)):
            if not isinstance(v, bool):
                raise InvalidArgument(v, "must be a bool", param=name)
        self.obj = obj
        self.byte_range = check_byte_range(byte_range)
        query: dict[str, str] = {"latest-ver": "true"} if latest else {}
        if archive_config is not None:
            if archpath:
                raise InvalidArgument(archpath, "give archpath or archive_config, not both", param="archpath")
            aq = check_archive_config(archive_config)
            archpath = aq.pop("archpath", "")
            query.update(aq)
        self.headers: dict[str, str] = {}
        if blob_download_config is not None:
            if self.byte_range is not None:
                raise InvalidArgument(byte_range, "not with blob_download_config", param="byte_range")
            self.headers[HEADER_BLOB_DOWNLOAD] = "true"
            for key, attr in ((HEADER_BLOB_CHUNK, "chunk_size"), (HEADER_BLOB_WORKERS, "num_workers")):
                v = getattr(blob_download_config, attr, None)
                if v is not None:
                    self.headers[key] = str(v)
        if etl is not None:
            query.update(etl_query(etl))
        if num_workers is not None:
            if not isinstance(num_workers, int) or isinstance(num_workers, bool) or num_workers < 2:
                raise InvalidArgument(num_workers, "must be an int >= 2 (or None)", param="num_workers")
            if (
                self.byte_range is not None
                or archpath
                or self.headers
                or {"archregx", "etl_name"} & query.keys()
            ):
                raise InvalidArgument(
                    num_workers,
                    "parallel reads are of the whole object: not with byte_range, archive, blob or etl",
                    param="num_workers",
                )
        self.num_workers: int | None = num_workers
        self.archpath = archpath
        self.chunk_size = chunk_size
        self.direct = bool(direct)
        self.query = query
        self.kw, _, self.resumable = obj._get_args(archpath, chunk_size, None, byte_range, query)

    def open_args(self, byte_range: ByteRange | None = None, part: bool = False) -> tuple[Any, ...]:
        """``Object._open``'s arguments: the whole read, or (``part``) one ranged part of it."""
        rng = byte_range if part else self.byte_range
        verify = not part and rng is None
        return (self.kw, rng, self.resumable, self.chunk_size, verify, self.headers, self.direct)

    def check_file(self) -> None:
        if self.byte_range is not None or self.archpath or self.headers or self.query:
            # A file has its own positions: a range or an archive member is read with get().
            raise InvalidArgument(
                "byte_range/archpath/options",
                "as_file() reads the whole object: open a reader without them",
            )


class _Parallel:
    """The pure steps of a reader's parallel read: the HEAD's parts, their check, the checksum."""

    def __init__(self, head: Header, url: str) -> None:
        from aistore_hl import _download

        self.target = _download.Target.from_head(head, url)
        self.parts = _download.plan_parts(self.target.size or 0, READER_PART_SIZE)
        ctype, self.want = head.checksum_type or "", head.checksum_value or ""
        self.hasher = None
        if ctype and ctype.lower() != "none" and self.want:
            self.hasher, _ = checksum_hasher(ctype)
        self.ctype = ctype

    def check(self, part: tuple[int, int], headers: Header, data: bytes) -> bytes:
        self.target.check_part(headers)
        self.target.check_received(len(data), part)
        if self.hasher is not None:
            self.hasher.update(data)
        return data

    def verify(self) -> None:
        from aistore_hl.errors import ChecksumMismatch

        if self.hasher is not None:
            actual = self.hasher.hexdigest()
            if actual.lower() != self.want.lower():
                raise ChecksumMismatch(self.ctype, self.want, actual, url=self.target.url)


class ObjectReader:
    """A handle on reading one object, as today's official SDK's ``Object.get_reader()``.

    Nothing is sent until a method is called; each call is its own GET (``read_all``,
    iteration, ``raw``) or file (``as_file``); with ``num_workers``, ``read_all`` and iteration
    are a HEAD and parallel ranged GETs (see ``Object.get_reader``).

    Args:
        obj: The object.
        byte_range: Only these bytes (the forms ``Object.get`` takes).
        archpath: A file inside the object (a shard).
        chunk_size: Iteration chunk size.
        latest, direct, num_workers, archive_config, blob_download_config, writer, etl: As
            ``Object.get_reader`` (``writer`` is filled by ``write_to``).
    """

    def __init__(
        self,
        obj: Object,
        *,
        byte_range: ByteRange | str | None = None,
        archpath: str = "",
        chunk_size: int = 32768,
        latest: bool = False,
        direct: bool = False,
        num_workers: int | None = None,
        archive_config: Any = None,
        blob_download_config: Any = None,
        writer: Any = None,
        etl: Any = None,
    ) -> None:
        if writer is not None and not callable(getattr(writer, "write", None)):
            raise InvalidArgument(writer, "must be a binary file-like object (with write)", param="writer")
        self._args = _ReaderArgs(
            obj, byte_range, archpath, chunk_size, latest, direct, num_workers, archive_config,
            blob_download_config, etl,
        )  # fmt: skip
        self._obj = obj
        self._writer = writer

    def head(self) -> Header:
        """The object's properties (a HEAD)."""
        return self._obj.head()

    def read_all(self) -> bytes:
        """The content (of the range or member), verified when it is the whole object."""
        if self._args.num_workers is not None:
            return b"".join(self._parallel())
        with self._obj._open(*self._args.open_args()) as stream:
            return stream.read_all()

    def write_to(self, writer: Any) -> None:
        """Write the whole content (as iteration reads it) to the binary file-like ``writer``."""
        for chunk in self:
            writer.write(chunk)

    def raw(self) -> io.RawIOBase:
        """A raw file-like view of one streamed GET (``read``/``readinto``; close it)."""
        return self._obj._open(*self._args.open_args()).raw()

    def __iter__(self) -> Iterator[bytes]:
        """Chunks of ``chunk_size`` bytes from one streamed GET (parts with ``num_workers``)."""
        if self._args.num_workers is not None:
            yield from self._parallel()
            return
        with self._obj._open(*self._args.open_args()) as stream:
            yield from stream

    def _parallel(self) -> Iterator[bytes]:
        from collections import deque
        from concurrent.futures import Future, ThreadPoolExecutor

        par = _Parallel(self._obj.head(), self._obj._object_url())
        n = self._args.num_workers or 2

        def fetch(part: tuple[int, int]) -> tuple[Header, bytes]:
            with self._obj._open(*self._args.open_args(part, part=True)) as stream:
                return stream.headers, stream.read_all()

        todo = iter(par.parts)
        pending: deque[tuple[tuple[int, int], Future[tuple[Header, bytes]]]] = deque()
        with ThreadPoolExecutor(max_workers=n) as pool:
            try:
                for part in todo:
                    pending.append((part, pool.submit(fetch, part)))
                    if len(pending) >= n:
                        break
                while pending:
                    part, fut = pending.popleft()
                    headers, data = fut.result()
                    nxt = next(todo, None)
                    if nxt is not None:
                        pending.append((nxt, pool.submit(fetch, nxt)))
                    yield par.check(part, headers, data)
            finally:
                for _, fut in pending:
                    fut.cancel()
        par.verify()

    def as_file(self, buffer_size: int = DEFAULT_BUFFER_SIZE) -> ObjectFileReader:
        """The object as a seekable, buffered, resumed and verified file (``ObjectFileReader``).

        Raises:
            InvalidArgument: The reader has a ``byte_range``, ``archpath`` or GET options
                (nothing is sent).
        """
        self._args.check_file()
        return ObjectFileReader(self._obj, buffer_size=buffer_size)


@twin_docs(ObjectReader)
class AsyncObjectReader:
    """Async twin of :class:`ObjectReader`; ``await`` it to run its ``writer`` (if given)."""

    def __init__(
        self,
        obj: AsyncObject,
        *,
        byte_range: ByteRange | str | None = None,
        archpath: str = "",
        chunk_size: int = 32768,
        latest: bool = False,
        direct: bool = False,
        num_workers: int | None = None,
        archive_config: Any = None,
        blob_download_config: Any = None,
        writer: Any = None,
        etl: Any = None,
    ) -> None:
        if writer is not None and not callable(getattr(writer, "write", None)):
            raise InvalidArgument(writer, "must be a binary file-like object (with write)", param="writer")
        self._args = _ReaderArgs(
            obj, byte_range, archpath, chunk_size, latest, direct, num_workers, archive_config,
            blob_download_config, etl,
        )  # fmt: skip
        self._obj = obj
        self._writer = writer

    def __await__(self) -> Generator[Any, None, AsyncObjectReader]:
        return self._written().__await__()

    async def _written(self) -> AsyncObjectReader:
        writer, self._writer = self._writer, None  # written once
        if writer is not None:
            await self.write_to(writer)
        return self

    async def head(self) -> Header:
        """The object's properties (a HEAD)."""
        return await self._obj.head()

    async def read_all(self) -> bytes:
        """The content, verified when it is the whole object."""
        if self._args.num_workers is not None:
            return b"".join([c async for c in self._parallel()])
        async with await self._obj._open(*self._args.open_args()) as stream:
            return await stream.read_all()

    async def write_to(self, writer: Any) -> None:
        async for chunk in self:
            writer.write(chunk)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        """Chunks of ``chunk_size`` bytes from one streamed GET."""
        if self._args.num_workers is not None:
            async for chunk in self._parallel():
                yield chunk
            return
        async with await self._obj._open(*self._args.open_args()) as stream:
            async for chunk in stream:
                yield chunk

    async def _parallel(self) -> AsyncIterator[bytes]:
        import asyncio  # here, not at the top: the sync path never loads asyncio
        from collections import deque

        par = _Parallel(await self._obj.head(), self._obj._object_url())
        n = self._args.num_workers or 2

        async def fetch(part: tuple[int, int]) -> tuple[Header, bytes]:
            async with await self._obj._open(*self._args.open_args(part, part=True)) as stream:
                return stream.headers, await stream.read_all()

        todo = iter(par.parts)
        pending: deque[tuple[tuple[int, int], asyncio.Task[tuple[Header, bytes]]]] = deque()
        try:
            for part in todo:
                pending.append((part, asyncio.ensure_future(fetch(part))))
                if len(pending) >= n:
                    break
            while pending:
                part, task = pending.popleft()
                headers, data = await task
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append((nxt, asyncio.ensure_future(fetch(nxt))))
                yield par.check(part, headers, data)
        finally:
            for _, task in pending:
                task.cancel()
            await asyncio.gather(*(t for _, t in pending), return_exceptions=True)
        par.verify()

    def as_file(self, buffer_size: int = DEFAULT_BUFFER_SIZE) -> AsyncObjectFileReader:
        """The object as an async seekable file (``AsyncObjectFileReader``)."""
        self._args.check_file()
        return AsyncObjectFileReader(self._obj, buffer_size=buffer_size)
