"""AIS-native multipart upload: create, upload parts (in parallel), complete, abort; sync and async.

Each part is one PUT sent once, to its target: the proxy gets an empty request and redirects, and
the part's bytes go to the target alone (``put_redirected``, as ``Object.put``). Every part source
is replayable (bytes, or a byte range of a local file opened afresh per attempt), so a part cut
mid-body is sent again whole under the client's retry policy, never resumed half-way.

The completed object must be what was sent: ``complete`` reads its properties back and checks the
size and the checksum. AIS 5.0 gives some assembled objects ``crc32c`` (compared with the CRC
combined from the parts' CRCs, computed as the bytes went out) and others the bucket's
``xxhash2``, which cannot be combined from parts: ``upload_content``, ``upload_file`` and the
file writer see every byte in order and compare that too (``upload_file`` reads the file once
more for it). A mismatch deletes the object and raises, so no corrupted object stays visible.
``upload_file`` / ``upload_content`` abort the upload on any failure, which leaves nothing behind.

The bookkeeping is pure (``MultipartCore``: state, part table, plans, checks); ``MultipartUpload``
and ``AsyncMultipartUpload`` are the drivers.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from aistore_hl import _body, _plans_api
from aistore_hl._ops import Plan
from aistore_hl._twins import twin_docs
from aistore_hl.errors import (
    InvalidArgument,
    InvalidPath,
    MultipartMismatch,
    MultipartStateError,
    NotFound,
)
from aistore_hl.header import Header
from aistore_hl.obj_stream import checksum_hasher
from aistore_hl.types import Bck

if TYPE_CHECKING:
    from aistore_hl.object import AsyncObject, Object

__all__ = [
    "DEFAULT_PART_SIZE",
    "AsyncMultipartUpload",
    "MultipartMismatch",
    "MultipartStateError",
    "MultipartUpload",
    "crc32c_combine",
]

#: Part size of ``upload_file`` / ``upload_content`` and of the file writer.
DEFAULT_PART_SIZE: Final = 8 << 20
DEFAULT_MPT_WORKERS: Final = 4
_CRC32C_POLY: Final = 0x82F63B78  # Castagnoli, reflected


# -- CRC32C of the whole from the CRCs of its parts (zlib's crc32_combine, Castagnoli polynomial) --
def _gf2_times(mat: list[int], vec: int) -> int:
    out, i = 0, 0
    while vec:
        if vec & 1:
            out ^= mat[i]
        vec >>= 1
        i += 1
    return out


def _gf2_square(mat: list[int]) -> list[int]:
    return [_gf2_times(mat, mat[n]) for n in range(32)]


def crc32c_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC32C of ``A + B`` from ``crc(A)``, ``crc(B)`` and ``len(B)``.

    Args:
        crc1: CRC32C of the first part.
        crc2: CRC32C of the second part.
        len2: Length of the second part in bytes.

    Returns:
        The CRC32C of the concatenation.
    """
    if len2 <= 0:
        return crc1
    odd = [_CRC32C_POLY] + [1 << n for n in range(31)]  # the operator of one zero bit
    even = _gf2_square(odd)  # two zero bits
    odd = _gf2_square(even)  # four zero bits
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


class _Crc:
    """CRC32C of the bytes of one attempt (None when no CRC32C package is installed)."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self._h, _ = checksum_hasher("crc32c")

    def update(self, data: bytes | memoryview) -> None:
        if self._h is not None:
            self._h.update(data)

    def value(self) -> int | None:
        return int(self._h.hexdigest(), 16) if self._h is not None else None


# -- part sources ----------------------------------------------------------------------------------
class PartBody(_body.BodySource):
    """One part's bytes: a bytes-like object or a range of a local file; replayable, hashed as sent.

    The CRC covers the bytes of the last attempt (each ``open()`` starts it again), which is the
    attempt the server kept when the PUT succeeded.
    """

    def __init__(
        self,
        *,
        data: bytes | memoryview | None = None,
        path: str | None = None,
        offset: int = 0,
        length: int = 0,
    ) -> None:
        self._data = data
        self._path = path
        self._offset = offset
        self.length = len(memoryview(data).cast("B")) if data is not None else length
        self.replayable = True
        self._fh: BinaryIO | None = None
        self.crc = _Crc()

    def open(self) -> Iterator[bytes]:
        self.close()
        self.crc.reset()
        if self._data is not None:
            return self._chunks_of(memoryview(self._data).cast("B"))
        assert self._path is not None
        self._fh = open(self._path, "rb")  # noqa: SIM115 - closed by close()
        self._fh.seek(self._offset)
        return self._file_chunks(self._fh)

    def _chunks_of(self, view: memoryview) -> Iterator[bytes]:
        for i in range(0, len(view), _body.UPLOAD_CHUNK):
            piece = bytes(view[i : i + _body.UPLOAD_CHUNK])
            self.crc.update(piece)
            yield piece

    def _file_chunks(self, fh: BinaryIO) -> Iterator[bytes]:
        remaining = self.length or 0
        while remaining > 0:
            piece = fh.read(min(_body.UPLOAD_CHUNK, remaining))
            if not piece:
                raise OSError(f"{self._path}: file ended {remaining} bytes short of the part's length")
            remaining -= len(piece)
            self.crc.update(piece)
            yield piece

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def part_source(content: object, path: object, offset: object, length: object) -> PartBody:
    """Check an ``upload_part`` source locally and make its body."""
    if (content is None) == (path is None):
        raise InvalidArgument("content/path", "give exactly one of content and path", param="content")
    if content is not None:
        if isinstance(content, bytes | bytearray | memoryview):
            return PartBody(data=content if not isinstance(content, bytearray) else bytes(content))
        raise InvalidArgument(type(content).__name__, "content must be bytes-like", param="content")
    if not isinstance(path, str | os.PathLike):
        raise InvalidArgument(path, "must be a path to a local file", param="path")
    p = os.fspath(path)
    if not os.path.isfile(p):
        raise InvalidPath(p, "no such file")
    size = os.stat(p).st_size
    if not isinstance(offset, int) or isinstance(offset, bool) or not 0 <= offset <= size:
        raise InvalidArgument(offset, f"must be an int in [0, {size}]", param="offset")
    if length is None:
        length = size - offset
    if not isinstance(length, int) or isinstance(length, bool) or not 0 <= length <= size - offset:
        raise InvalidArgument(length, f"must be an int in [0, {size - offset}]", param="length")
    return PartBody(path=str(p), offset=offset, length=length)


def whole_digest(chunks: Iterator[bytes | memoryview]) -> dict[str, str]:
    """``{"xxhash2": hex}`` of the whole content ({} without the xxhash package)."""
    h, _ = checksum_hasher("xxhash2")
    if h is None:
        return {}
    for c in chunks:
        h.update(c)
    return {"xxhash2": h.hexdigest()}


def _file_chunks(path: str | os.PathLike[str]) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while chunk := fh.read(_body.UPLOAD_CHUNK):
            yield chunk


def check_split(part_size: object, num_workers: object) -> tuple[int, int]:
    if not isinstance(part_size, int) or isinstance(part_size, bool) or part_size < 1:
        raise InvalidArgument(part_size, "must be an int >= 1", param="part_size")
    if not isinstance(num_workers, int) or isinstance(num_workers, bool) or num_workers < 1:
        raise InvalidArgument(num_workers, "must be an int >= 1", param="num_workers")
    return part_size, num_workers


def split(total: int, part_size: int) -> list[tuple[int, int, int]]:
    """``(part number, offset, length)`` of each part of ``total`` bytes (one empty part for 0)."""
    if total == 0:
        return [(1, 0, 0)]
    return [(i // part_size + 1, i, min(part_size, total - i)) for i in range(0, total, part_size)]


# -- the pure core ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Part:
    size: int
    crc: int | None


class MultipartCore:
    """State, part table and plans of one multipart upload; no I/O."""

    def __init__(self, bck: Bck, name: str) -> None:
        self.bck = bck
        self.name = name
        self.upload_id = ""
        self.state = "new"  # -> open -> completed | aborted
        self.parts: dict[int, _Part] = {}
        # Digests of the whole object by checksum type, when the driver saw every byte in order
        # (``upload_content``, ``upload_file``, the file writer): the assembled object's checksum
        # is then compared whatever its type (AIS 5.0 gives crc32c or the bucket's xxhash2).
        self.whole: dict[str, str] = {}
        self._sending: set[int] = set()
        self._lock = threading.Lock()  # parts are recorded by several workers

    def _need(self, *states: str) -> None:
        if self.state not in states:
            what = {"new": "not created yet (call create())", "open": "still open"}.get(
                self.state, self.state
            )
            raise MultipartStateError(f"multipart upload of {self.bck.cname(self.name)!r} is {what}")

    def plan_create(self) -> Plan[str]:
        self._need("new")
        return _plans_api.mpt_create(self.bck, self.name)

    def created(self, upload_id: str) -> None:
        if not upload_id:
            raise MultipartStateError("the cluster answered mpt-upload without an upload id")
        self.upload_id, self.state = upload_id, "open"

    def part_kwargs(self, part_number: object) -> dict[str, Any]:
        if not isinstance(part_number, int) or isinstance(part_number, bool) or part_number < 1:
            raise InvalidArgument(part_number, "must be an int >= 1", param="part_number")
        self._need("open")
        with self._lock:
            if part_number in self.parts or part_number in self._sending:
                # AIS 5.0 stores a part sent twice but then fails the completion ("failed to
                # finalize ... rename ... no such file"): refuse it rather than lose the upload.
                raise MultipartStateError(f"part {part_number} was already uploaded (parts are sent once)")
            self._sending.add(part_number)
        return _plans_api.obj_put_kwargs(
            self.bck, self.name, upload_id=self.upload_id, part_number=part_number
        )

    def part_failed(self, part_number: int) -> None:
        """The part's PUT failed: it may be sent again."""
        with self._lock:
            self._sending.discard(part_number)

    def part_done(self, part_number: int, body: PartBody) -> None:
        with self._lock:
            self._sending.discard(part_number)
            self.parts[part_number] = _Part(body.length or 0, body.crc.value())

    def plan_complete(self) -> Plan[None]:
        self._need("open")
        if not self.parts:
            raise MultipartStateError("nothing to complete: no part was uploaded")
        return _plans_api.mpt_complete(self.bck, self.name, self.upload_id, sorted(self.parts))

    def plan_abort(self) -> Plan[None] | None:
        """The abort plan, or None when there is nothing to abort (never created / finished)."""
        if self.state != "open":
            return None
        return _plans_api.mpt_abort(self.bck, self.name, self.upload_id)

    def expected(self) -> tuple[int, str | None]:
        """Size and crc32c hex of the object the parts make (hex None if a CRC is unknown)."""
        parts = [self.parts[n] for n in sorted(self.parts)]
        size = sum(p.size for p in parts)
        if any(p.crc is None for p in parts):
            return size, None
        crc = 0
        for p in parts:
            assert p.crc is not None
            crc = crc32c_combine(crc, p.crc, p.size)
        return size, f"{crc:08x}"

    def check(self, props: Header) -> str:
        """Compare the completed object with the parts; "" if it matches, else the problem."""
        size, crc = self.expected()
        if props.size != size:
            return f"completed object has {props.size} bytes, the parts {size}"
        ctype = (props.checksum_type or "").lower()
        got = (props.checksum_value or "").lower()
        want = self.whole.get(ctype) or (crc if ctype == "crc32c" else None)
        if want is not None and got != want:
            return f"completed object {ctype} {got}, the data's {want}"
        return ""


def _mismatch(core: MultipartCore, problem: str) -> MultipartMismatch:
    return MultipartMismatch(f"{core.bck.cname(core.name)}: {problem}; the object was deleted")


# -- sync ------------------------------------------------------------------------------------------
class MultipartUpload:
    """A multipart upload of one object (``Object.multipart_upload()``, the official SDK's name).

    Use ``create()``, then ``upload_part(n, ...)`` for each part (from several threads if you
    like), then ``complete()``; or ``upload_file`` / ``upload_content``, which do all three with
    ``num_workers`` parts in flight and abort on failure. Used as a context manager, an exception
    in the block aborts the upload.

    Args:
        obj: The object to write.
    """

    def __init__(self, obj: Object) -> None:
        self._obj = obj
        self._core = MultipartCore(obj.bck.bck, obj.obj_name)

    @property
    def upload_id(self) -> str:
        """The server's id of this upload ("" before ``create()``)."""
        return self._core.upload_id

    @property
    def parts(self) -> list[int]:
        """The numbers of the parts uploaded so far, ascending."""
        return sorted(self._core.parts)

    @property
    def state(self) -> str:
        """``new``, ``open``, ``completed`` or ``aborted``."""
        return self._core.state

    def create(self) -> MultipartUpload:
        """Start the upload on the cluster.

        Returns:
            This upload (for chaining).

        Raises:
            MultipartStateError: Already created.
            ErrBckNotFound: The bucket does not exist.
        """
        plan = self._core.plan_create()
        self._core.created(self._obj.bck.client._rc.run(plan))
        return self

    def upload_part(
        self,
        part_number: int,
        content: bytes | bytearray | memoryview | None = None,
        *,
        path: str | os.PathLike[str] | None = None,
        offset: int = 0,
        length: int | None = None,
    ) -> int:
        """Upload one part: ``content`` bytes, or ``length`` bytes of the file ``path`` from
        ``offset`` (to its end by default). Each number is uploaded once: AIS 5.0 accepts a
        part sent again but then fails the completion, so that is refused (a part whose PUT
        failed may be sent again).

        The bytes go once, straight to the target; a failed attempt is sent again whole
        (connection errors, 503...) under the client's retry policy.

        Args:
            part_number: 1-based; ``complete`` assembles the parts in ascending order.
            content: The part's bytes.
            path: A local file to take the part from (streamed, never loaded whole).
            offset: Where the part starts in ``path``.
            length: How many bytes of ``path`` (default: to the end).

        Returns:
            The part's size in bytes.

        Raises:
            InvalidArgument: Bad part number or source (nothing is sent).
            MultipartStateError: Not created, completed or aborted, or this part was uploaded.
            NotFound: The cluster no longer knows the upload (aborted elsewhere).
            ConnectionFailed: The part could not be sent (after retries).
        """
        body = part_source(content, path, offset, length)
        kw = self._core.part_kwargs(part_number)
        try:
            self._obj.bck.client._rc.put_redirected(kw, body)
        except BaseException:
            self._core.part_failed(part_number)
            raise
        self._core.part_done(part_number, body)
        return body.length or 0

    def add_part(self, part_number: int) -> PartWriter:
        """The official SDK's way to upload a part: ``add_part(n).put_content(data)`` or
        ``.put_file(path)``."""
        return PartWriter(self, part_number)

    def complete(self) -> Header:
        """Assemble the uploaded parts into the object and check it.

        Returns:
            The new object's properties (a HEAD after the assembly).

        Raises:
            MultipartStateError: Not created, nothing uploaded, completed or aborted.
            MultipartMismatch: The assembled object's size or crc32c differs from the parts'
                (the object is deleted).
        """
        rc = self._obj.bck.client._rc
        rc.run(self._core.plan_complete())
        self._core.state = "completed"
        props = self._obj.head()
        problem = self._core.check(props)
        if problem:
            with contextlib.suppress(NotFound):
                self._obj.delete()
            raise _mismatch(self._core, problem)
        return props

    def abort(self) -> None:
        """Drop the upload and its parts on the cluster (no-op if not open)."""
        plan = self._core.plan_abort()
        if plan is None:
            return
        with contextlib.suppress(NotFound):  # already gone: the goal is reached
            self._obj.bck.client._rc.run(plan)
        self._core.state = "aborted"

    def upload_file(
        self,
        path: str | os.PathLike[str],
        *,
        part_size: int = DEFAULT_PART_SIZE,
        num_workers: int = DEFAULT_MPT_WORKERS,
    ) -> Header:
        """Upload a local file in ``part_size`` parts, ``num_workers`` at a time, then complete.

        Creates the upload if needed. On any failure the upload is aborted (nothing is left on
        the cluster) and the first error is raised.

        Args:
            path: The local file.
            part_size: Bytes per part (default 8 MiB).
            num_workers: Parts in flight at once (default 4).

        Returns:
            The new object's properties (see ``complete``).

        Raises:
            InvalidArgument / InvalidPath: Bad arguments (nothing is sent).
            MultipartStateError: The upload was completed or aborted already.
        """
        size_, workers = check_split(part_size, num_workers)
        if not isinstance(path, str | os.PathLike) or not os.path.isfile(path):
            raise InvalidPath(str(path), "no such file")
        parts = split(os.stat(path).st_size, size_)
        # One more read of the file (from the page cache, usually) for the whole-object check.
        self._core.whole = whole_digest(_file_chunks(path))
        return self._run_parts(
            [(n, {"path": path, "offset": o, "length": ln}) for n, o, ln in parts], workers
        )

    def upload_content(
        self,
        content: bytes | bytearray | memoryview,
        *,
        part_size: int = DEFAULT_PART_SIZE,
        num_workers: int = DEFAULT_MPT_WORKERS,
    ) -> Header:
        """Upload bytes in ``part_size`` parts (views, not copies), then complete (see
        ``upload_file``)."""
        size_, workers = check_split(part_size, num_workers)
        if not isinstance(content, bytes | bytearray | memoryview):
            raise InvalidArgument(type(content).__name__, "must be bytes-like", param="content")
        view = memoryview(content).cast("B")
        parts = split(len(view), size_)
        self._core.whole = whole_digest(iter([view]))
        return self._run_parts([(n, {"content": view[o : o + ln]}) for n, o, ln in parts], workers)

    def _run_parts(self, jobs: list[tuple[int, dict[str, Any]]], workers: int) -> Header:
        if self._core.state == "new":
            self.create()
        self._core._need("open")
        failed = threading.Event()

        def one(job: tuple[int, dict[str, Any]]) -> None:
            if failed.is_set():
                return
            try:
                self.upload_part(job[0], **job[1])
            except BaseException:
                failed.set()
                raise

        try:
            with ThreadPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
                futures = [pool.submit(one, j) for j in jobs]
            errors = [e for f in futures if (e := f.exception()) is not None]
            if errors:
                raise errors[0]
            return self.complete()
        except BaseException:
            self.abort()
            raise

    def __enter__(self) -> MultipartUpload:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            self.abort()

    def __repr__(self) -> str:
        return f"MultipartUpload({self._obj!r}, upload_id={self.upload_id!r}, state={self.state!r})"


class PartWriter:
    """One part of a ``MultipartUpload`` (``add_part(n)``): ``put_content`` or ``put_file``."""

    def __init__(self, upload: MultipartUpload, part_number: int) -> None:
        self._upload = upload
        self.part_number = part_number

    def put_content(self, content: bytes | bytearray | memoryview) -> int:
        """Upload the part's bytes; return its size."""
        return self._upload.upload_part(self.part_number, content)

    def put_file(self, path: str | os.PathLike[str]) -> int:
        """Upload a whole local file as the part; return its size."""
        return self._upload.upload_part(self.part_number, path=path)


# -- async -----------------------------------------------------------------------------------------
@twin_docs(MultipartUpload)
class AsyncMultipartUpload:
    """Async twin of :class:`MultipartUpload` (parts in flight as tasks; ``async with`` aborts on
    an exception)."""

    def __init__(self, obj: AsyncObject) -> None:
        self._obj = obj
        self._core = MultipartCore(obj.bck.bck, obj.obj_name)

    @property
    def upload_id(self) -> str:
        """The server's id of this upload ("" before ``create()``)."""
        return self._core.upload_id

    @property
    def parts(self) -> list[int]:
        """The numbers of the parts uploaded so far, ascending."""
        return sorted(self._core.parts)

    @property
    def state(self) -> str:
        """``new``, ``open``, ``completed`` or ``aborted``."""
        return self._core.state

    async def create(self) -> AsyncMultipartUpload:
        """Start the upload on the cluster."""
        plan = self._core.plan_create()
        self._core.created(await self._obj.bck.client._rc.run(plan))
        return self

    async def upload_part(
        self,
        part_number: int,
        content: bytes | bytearray | memoryview | None = None,
        *,
        path: str | os.PathLike[str] | None = None,
        offset: int = 0,
        length: int | None = None,
    ) -> int:
        """Upload one part (see ``MultipartUpload.upload_part``)."""
        body = part_source(content, path, offset, length)
        kw = self._core.part_kwargs(part_number)
        try:
            await self._obj.bck.client._rc.put_redirected(kw, body)
        except BaseException:
            self._core.part_failed(part_number)
            raise
        self._core.part_done(part_number, body)
        return body.length or 0

    def add_part(self, part_number: int) -> AsyncPartWriter:
        """The official SDK's way to upload a part: ``await add_part(n).put_content(data)`` or
        ``.put_file(path)``."""
        return AsyncPartWriter(self, part_number)

    async def complete(self) -> Header:
        """Assemble the uploaded parts into the object and check it (see ``MultipartUpload``)."""
        await self._obj.bck.client._rc.run(self._core.plan_complete())
        self._core.state = "completed"
        props = await self._obj.head()
        problem = self._core.check(props)
        if problem:
            with contextlib.suppress(NotFound):
                await self._obj.delete()
            raise _mismatch(self._core, problem)
        return props

    async def abort(self) -> None:
        """Drop the upload and its parts on the cluster (no-op if not open)."""
        plan = self._core.plan_abort()
        if plan is None:
            return
        with contextlib.suppress(NotFound):
            await self._obj.bck.client._rc.run(plan)
        self._core.state = "aborted"

    async def upload_file(
        self,
        path: str | os.PathLike[str],
        *,
        part_size: int = DEFAULT_PART_SIZE,
        num_workers: int = DEFAULT_MPT_WORKERS,
    ) -> Header:
        """Upload a local file in parts, ``num_workers`` at a time, then complete (see
        ``MultipartUpload.upload_file``)."""
        size_, workers = check_split(part_size, num_workers)
        if not isinstance(path, str | os.PathLike) or not os.path.isfile(path):
            raise InvalidPath(str(path), "no such file")
        parts = split(os.stat(path).st_size, size_)
        self._core.whole = await asyncio.to_thread(whole_digest, _file_chunks(path))
        return await self._run_parts(
            [(n, {"path": path, "offset": o, "length": ln}) for n, o, ln in parts], workers
        )

    async def upload_content(
        self,
        content: bytes | bytearray | memoryview,
        *,
        part_size: int = DEFAULT_PART_SIZE,
        num_workers: int = DEFAULT_MPT_WORKERS,
    ) -> Header:
        """Upload bytes in parts, then complete (see ``MultipartUpload.upload_content``)."""
        size_, workers = check_split(part_size, num_workers)
        if not isinstance(content, bytes | bytearray | memoryview):
            raise InvalidArgument(type(content).__name__, "must be bytes-like", param="content")
        view = memoryview(content).cast("B")
        parts = split(len(view), size_)
        self._core.whole = whole_digest(iter([view]))
        return await self._run_parts([(n, {"content": view[o : o + ln]}) for n, o, ln in parts], workers)

    async def _run_parts(self, jobs: list[tuple[int, dict[str, Any]]], workers: int) -> Header:
        if self._core.state == "new":
            await self.create()
        self._core._need("open")
        todo = iter(jobs)  # shared by the workers: each part is taken once

        async def worker() -> None:
            for n, kwargs in todo:
                await self.upload_part(n, **kwargs)

        tasks = [asyncio.create_task(worker()) for _ in range(min(workers, len(jobs)))]
        try:
            try:
                await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
            finally:  # the first failure (or our cancellation) stops the other workers
                for t in tasks:
                    t.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
            errors = [e for t in tasks if not t.cancelled() and (e := t.exception()) is not None]
            if errors:
                raise errors[0]
            return await self.complete()
        except BaseException:
            await self.abort()
            raise

    async def __aenter__(self) -> AsyncMultipartUpload:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            await self.abort()

    def __repr__(self) -> str:
        return f"AsyncMultipartUpload({self._obj!r}, upload_id={self.upload_id!r}, state={self.state!r})"


class AsyncPartWriter:
    """Async twin of :class:`PartWriter` (``AsyncMultipartUpload.add_part(n)``)."""

    def __init__(self, upload: AsyncMultipartUpload, part_number: int) -> None:
        self._upload = upload
        self.part_number = part_number

    async def put_content(self, content: bytes | bytearray | memoryview) -> int:
        """Upload the part's bytes; return its size."""
        return await self._upload.upload_part(self.part_number, content)

    async def put_file(self, path: str | os.PathLike[str]) -> int:
        """Upload a whole local file as the part; return its size."""
        return await self._upload.upload_part(self.part_number, path=path)
