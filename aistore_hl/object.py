"""Objects: head, streaming get (resumable, verified), put (body sent once, to the target), delete."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, BinaryIO, TypeGuard

import httpx

from aistore_hl import _body, _download, _ops
from aistore_hl.const import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_DOWNLOAD_PART_SIZE,
    DEFAULT_DOWNLOAD_WORKERS,
    DEFAULT_READ_CHUNK_SIZE,
)
from aistore_hl.errors import (
    ConnectionFailed,
    Forbidden,
    InvalidArgument,
    InvalidPath,
    NotFound,
    Unauthorized,
    UnexpectedResponse,
)
from aistore_hl.header import Header
from aistore_hl.obj_stream import ObjStream
from aistore_hl.validation import (
    validate_archpath,
    validate_chunk_size,
    validate_etl_name,
    validate_object_name,
)

if TYPE_CHECKING:
    from aistore_hl.bucket import Bucket

# A direct read that fails this way is retried through the proxy (which knows the current map).
_DIRECT_FALLBACK = (NotFound, Unauthorized, Forbidden, ConnectionFailed)

PutContent = bytes | bytearray | memoryview | BinaryIO | Iterable[bytes]


#: ``byte_range`` forms: ``(start, end)`` inclusive, ``(start, None)`` to the end, or
#: ``(None, n)`` for the last ``n`` bytes (HTTP's suffix range ``bytes=-n``).
ByteRange = tuple[int, int | None] | tuple[None, int]

_RANGE_MSG = (
    "must be (start, end) with 0 <= start <= end, (start, None), (None, n) for the last n >= 1 bytes,"
    " or the string 'bytes=start-end' / 'bytes=start-' / 'bytes=-n'"
)


def range_header(byte_range: ByteRange | None, resume_at: int = 0) -> dict[str, str]:
    """``Range`` for a read of ``byte_range`` (inclusive end, open, or suffix) continued at ``resume_at``.

    A suffix range is only sent as such before any byte arrived; resumes use the absolute span
    the first answer's ``Content-Range`` gave (see :func:`resolve_range`).
    """
    if byte_range is None:
        return {"Range": f"bytes={resume_at}-"} if resume_at else {}
    start, end = byte_range
    if start is None:
        return {"Range": f"bytes=-{end}"}
    return {"Range": f"bytes={start + resume_at}-{'' if end is None else end}"}


def _is_int(v: object) -> TypeGuard[int]:
    return isinstance(v, int) and not isinstance(v, bool)


def _int_or_none(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _parse_range_str(text: str) -> ByteRange | None:
    unit, sep, spec = text.strip().partition("=")
    if not sep or unit.strip().lower() != "bytes" or "," in spec:
        return None
    first, dash, last = spec.strip().partition("-")
    if not dash:
        return None
    first, last = first.strip(), last.strip()
    if not first:
        n = _int_or_none(last)
        return None if n is None else (None, n)
    s = _int_or_none(first)
    if s is None:
        return None
    if not last:
        return (s, None)
    e = _int_or_none(last)
    return None if e is None else (s, e)


def check_byte_range(byte_range: object) -> ByteRange | None:
    """Validate ``byte_range`` locally (a bad one raises ``InvalidArgument`` before any request).

    Accepts a tuple form of :data:`ByteRange` or an HTTP ``Range`` string of one range (the form
    today's official SDK takes), which is parsed to the tuple form.
    """
    if byte_range is None:
        return None
    parsed: object = _parse_range_str(byte_range) if isinstance(byte_range, str) else byte_range
    if isinstance(parsed, tuple) and len(parsed) == 2:
        start, end = parsed
        if start is None and _is_int(end) and end >= 1:
            return (None, end)
        if _is_int(start) and start >= 0 and (end is None or (_is_int(end) and end >= start)):
            return (start, end)
    raise InvalidArgument(byte_range, _RANGE_MSG, param="byte_range")


def resolve_range(byte_range: ByteRange | None, first: httpx.Response) -> ByteRange | None:
    """The absolute span a suffix range turned into, from the first answer (for resumes).

    A 206 names it in ``Content-Range``; a 200 (the suffix covered the whole object) is the whole
    object, resumed like a plain read. Other ranges are returned unchanged.
    """
    if byte_range is None or byte_range[0] is not None:
        return byte_range
    if first.status_code != 206:
        return None
    span = content_range_span(first.headers.get("content-range"))
    if span is None:
        raise UnexpectedResponse(
            f"206 answer to a suffix range without a usable Content-Range: "
            f"{first.headers.get('content-range')!r}"
        )
    return span


def content_range_span(value: str | None) -> tuple[int, int] | None:
    """``(first, last)`` of a ``Content-Range: bytes first-last/total`` header."""
    if not value:
        return None
    unit, _, rest = value.strip().partition(" ")
    span, _, _total = rest.partition("/")
    first, dash, last = span.partition("-")
    if unit.lower() != "bytes" or not dash or not first.isdigit() or not last.isdigit():
        return None
    return int(first), int(last)


def put_body(path: str | os.PathLike[str] | None, content: PutContent | str | None) -> _body.BodySource:
    """Validate ``put``'s arguments locally and pick the body source.

    As in the seed, emptiness decides, not None: both given (non-empty) is an error; an empty
    ``path`` ("") or empty ``content`` (b"") counts as not given; neither writes an empty object.
    A ``str`` content is sent as ISO-8859-1 bytes, as the seed's ``requests`` did with it.
    """
    if isinstance(content, str):
        # UnicodeEncodeError (a ValueError) for text outside Latin-1, as http.client raised it.
        content = content.encode("iso-8859-1")
    has_path = bool(path)
    has_content = content is not None and not (
        isinstance(content, bytes | bytearray | memoryview) and len(content) == 0
    )
    if has_path and has_content:
        raise InvalidArgument(
            "path and content", "path and content are mutually exclusive", param="path/content"
        )
    if has_path:
        if not isinstance(path, str | os.PathLike):
            raise InvalidArgument(path, "must be a path to a local file", param="path")
        if not os.path.isfile(path):
            raise InvalidPath(path, "no such file")
        return _body.body_from(path=path, content=None)
    if not has_content:
        return _body.body_from(path=None, content=b"")
    if not isinstance(content, bytes | bytearray | memoryview | Iterable) and not hasattr(content, "read"):
        raise InvalidArgument(
            type(content).__name__,
            "content must be bytes, a binary file or an iterable of bytes",
            param="content",
        )
    return _body.body_from(path=None, content=content)


class ObjectCore:
    """What ``Object`` and ``AsyncObject`` share: identity, local validation, request arguments."""

    def __init__(self, bck: Any, obj_name: str) -> None:
        self._bck = bck
        self._obj_name = validate_object_name(obj_name)

    @property
    def obj_name(self) -> str:
        """The name of this object."""
        return self._obj_name

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._bck.bck.cname(self._obj_name)!r})"

    def _plan_head(self) -> _ops.Plan[Header]:
        return _ops.head_obj(self._bck.bck, self._obj_name)

    def _plan_delete(self) -> _ops.Plan[None]:
        return _ops.delete_obj(self._bck.bck, self._obj_name)

    def _get_args(
        self, archpath: str, chunk_size: int, etl_id: str | None, byte_range: ByteRange | str | None
    ) -> tuple[dict[str, Any], ByteRange | None, bool]:
        """(request kwargs, validated range, resumable) for a GET; raises before any request."""
        validate_chunk_size(chunk_size)
        byte_range = check_byte_range(byte_range)
        kw = _ops.get_obj_kwargs(
            self._bck.bck,
            self._obj_name,
            archpath=validate_archpath(archpath) if archpath else "",
            etl_name=validate_etl_name(etl_id) if etl_id else "",
        )
        # A transformed or extracted body has no stable byte offsets to resume from.
        return kw, byte_range, not archpath and not etl_id

    def _direct_uname(self) -> str | None:
        """The object's uname when it may be read straight from its target (``direct_reads``)."""
        b = self._bck.bck
        if not self._bck.client.config.direct_reads or (b.ns is not None and not b.ns.is_global()):
            return None  # a remote cluster's alias is hashed as its UUID by the proxy: let it route
        return f"{b.uname()}{self._obj_name}"

    def _object_url(self) -> str:
        return f"{self._bck.client.endpoint}/v1/objects/{self._bck.name}/{self._obj_name}"

    def _put_args(
        self, path: str | os.PathLike[str] | None, content: PutContent | None
    ) -> tuple[dict[str, Any], _body.BodySource]:
        body = put_body(path, content)
        return _ops.put_obj_kwargs(self._bck.bck, self._obj_name), body


class Object(ObjectCore):
    """A class representing an object of a bucket bound to a client.

    Args:
        bck (Bucket): the bucket the object belongs to
        obj_name (str): name of object

    Raises:
        InvalidObjectName: Empty or malformed name (nothing is sent).
    """

    def __init__(self, bck: Bucket, obj_name: str) -> None:
        super().__init__(bck, obj_name)
        self._bck: Bucket = bck

    @property
    def bck(self) -> Bucket:
        """The custom type [Bck] bound to this object (the ``Bucket``; ``.bck`` on it is the ``Bck``)."""
        return self._bck

    def head(self) -> Header:
        """Requests object properties.

        Returns:
            Response header with the object properties: a case-insensitive mapping of the response
            headers (``props["ais-version"]``, ``props["content-length"]``), with typed accessors
            (``size``, ``checksum_type``, ``checksum_value``, ``version``, ``atime``,
            ``custom_metadata``...).

        Raises:
            ErrObjNotFound: The object does not exist (404, decoded from ``Hdr-Error``).
            ErrBckNotFound: The bucket does not exist.
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error (``RequestTimeout`` on timeouts).
        """
        return self._bck.client._rc.run(self._plan_head())

    def get(
        self,
        archpath: str = "",
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        etl_id: str | None = None,
        *,
        byte_range: ByteRange | str | None = None,
        verify_checksum: bool = True,
    ) -> ObjStream:
        """Reads an object.

        The body is streamed: nothing is read until you iterate, ``read()`` or ``read_all()``. The
        stream closes its connection when exhausted, on error, on ``close()`` or at the end of a
        ``with`` block. A body cut off mid-way is resumed with a ``Range`` request from the last
        byte received; a full read checks the length and (by default) the object's checksum.

        Args:
            archpath (str, optional): If the object is an archive, use `archpath` to extract a single
                file from the archive
            chunk_size (int, optional): chunk_size to use while reading from stream
            etl_id (str, optional): Transforms an object based on ETL with etl_id (today's ETL
                name, sent as ``etl_name``)
            byte_range: Read only bytes ``start..end`` (inclusive; ``end=None`` to the end), or
                ``(None, n)`` for the last ``n`` bytes; an HTTP range string (``"bytes=0-99"``,
                ``"bytes=-100"``) as today's official SDK takes is accepted too. A suffix range
                is sent as ``bytes=-n`` (no extra HEAD) and resumed at the span the answer named.
            verify_checksum: Verify the object's checksum after a full read (default True; set
                False to skip hashing, e.g. for partial reads or trusted fast paths).

        Returns:
            The stream of bytes to read an object or a file inside an archive.

        Raises:
            InvalidArgument: Bad archpath, chunk size, ETL name or range (nothing is sent).
            ErrObjNotFound: The object does not exist.
            Unsupported: ``etl_id`` on a cluster built without ETL (501).
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        kw, byte_range, resumable = self._get_args(archpath, chunk_size, etl_id, byte_range)
        rc = self._bck.client._rc
        span = [byte_range]  # a suffix range becomes absolute once the first answer names it

        def reopen(received: int) -> httpx.Response:
            return rc.open_stream(kw, range_header(span[0], received))

        first = None
        missed = False  # the cached map's owner said 404
        uname = self._direct_uname()
        if uname is not None and (owner := rc.owner_url(uname)) is not None:
            try:
                first = rc.open_stream({**kw, "url": owner + kw["url"]}, range_header(byte_range))
            except _DIRECT_FALLBACK as exc:
                rc.direct_failed(exc)  # then ask the proxy
                missed = isinstance(exc, NotFound)
        if first is None:
            first = rc.open_stream(kw, range_header(byte_range))
            if missed:  # the proxy found what the cached map's owner did not: the map is stale
                rc.forget_targets()
        try:
            span[0] = resolve_range(byte_range, first)
        except BaseException:
            first.close()
            raise
        return ObjStream(
            first,
            chunk_size=chunk_size,
            verify_checksum=verify_checksum and byte_range is None,
            reopen=reopen if resumable else None,
        )

    def download(
        self,
        path: str | os.PathLike[str],
        *,
        num_workers: int = DEFAULT_DOWNLOAD_WORKERS,
        part_size: int = DEFAULT_DOWNLOAD_PART_SIZE,
        verify_checksum: bool = True,
        byte_range: ByteRange | str | None = None,
    ) -> Header:
        """Downloads the object to a local file, optionally reading ``part_size`` ranges in parallel.

        Not in the seed: the counterpart of ``put(path=...)``. A HEAD gives the size, version and
        checksum. With ``num_workers`` > 1, that many threads read the parts with ranged GETs
        (each resumed after a broken connection, like ``get``) and write them at their offsets in
        a temporary file next to ``path``. The file replaces ``path`` only once complete and
        verified, so a failed download leaves nothing behind and never truncates an existing file.
        With ``num_workers=1`` (the default) or an object of one part, it is one GET, verified as
        it arrives; with several parts the file is hashed once at the end (read back from the
        page cache).

        Args:
            path: The local file to write (its directory must exist).
            num_workers: Parts read at the same time (default 1: one stream; more helps where
                one TCP stream cannot fill the link, and costs CPU where the cores are the limit).
            part_size: Bytes per ranged read (default 8 MiB, at least 64 KiB).
            verify_checksum: Check the object's checksum over the written file (default True;
                a ``byte_range`` download checks lengths only, as a ranged ``get`` does).
            byte_range: Download only these bytes (the forms ``get`` takes, the suffix
                ``(None, n)`` included), resolved against the HEAD's size and clipped to it
                as HTTP does; the file holds just that span.

        Returns:
            The object properties from the HEAD (``size``, ``version``, ``checksum_value``...).

        Raises:
            InvalidArgument: Bad path, ``num_workers`` or ``part_size`` (nothing is sent).
            ErrObjNotFound: The object does not exist.
            ObjectChanged: A part came from another version of the object than the HEAD's.
            ChecksumMismatch: The written file does not match the object's checksum.
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error (after the per-part resumes).
        """
        dest = _download.check_args(path, num_workers, part_size)
        span = check_byte_range(byte_range)
        target = _download.Target.from_head(self.head(), self._object_url(), span)
        tmp = _download.TempFile(dest, target.length)
        try:
            parts = target.parts(part_size, num_workers)
            if parts is None:
                self._download_stream(tmp, target, verify_checksum)
            else:
                self._download_parts(tmp, target, parts, num_workers)
                if verify_checksum and target.span is None:
                    _download.verify_file(tmp, target)
            tmp.commit()
        except BaseException:
            tmp.discard()
            raise
        return target.props

    def _download_stream(self, tmp: _download.TempFile, target: _download.Target, verify: bool) -> None:
        offset = 0
        with self.get(
            chunk_size=DEFAULT_READ_CHUNK_SIZE,
            byte_range=target.span,
            verify_checksum=verify and target.span is None,
        ) as stream:
            target.check_part(stream.headers)
            for chunk in stream:
                tmp.write_at(chunk, offset)
                offset += len(chunk)
        target.check_received(offset)

    def _download_parts(
        self,
        tmp: _download.TempFile,
        target: _download.Target,
        parts: list[tuple[int, int]],
        num_workers: int,
    ) -> None:
        failed = threading.Event()  # the first failure stops the other workers at their next piece

        def fetch(part: tuple[int, int]) -> None:
            if failed.is_set():
                return
            try:
                offset = part[0] - target.base  # the file holds the span from offset 0
                with self.get(
                    chunk_size=DEFAULT_READ_CHUNK_SIZE, byte_range=part, verify_checksum=False
                ) as stream:
                    target.check_part(stream.headers)
                    for chunk in stream:
                        if failed.is_set():
                            return
                        tmp.write_at(chunk, offset)
                        offset += len(chunk)
                target.check_received(offset - (part[0] - target.base), part)
            except BaseException:
                failed.set()
                raise

        with ThreadPoolExecutor(max_workers=min(num_workers, len(parts))) as pool:
            futures = [pool.submit(fetch, p) for p in parts]
        _download.raise_first([f.exception() for f in futures])

    def put(self, path: str | None = None, content: bytes | None = None) -> Header:
        """Puts a local file or bytes as an object to a bucket in AIS storage.

        The data is streamed in 1 MiB pieces (a file is never loaded into memory) and sent once:
        the proxy is asked for the target with an empty request, and the body goes to that target.
        Retried on connection errors and 503 when it can be sent again (bytes, a path, a seekable
        file; never a consumed iterator).

        Args:
            path (str): path to local file or bytes.
            content (bytes): bytes to put as an object. Also accepted: bytearray/memoryview, a
                binary file object, or an iterable of bytes chunks (sent chunked), and, as in the
                seed, a ``str`` (sent as ISO-8859-1). Neither (or both empty) writes an empty
                object, as in the seed. (Today's official SDK has no ``put``: its ``put_content``
                and ``put_file`` each require their argument.)

        Returns:
            Object properties (the target's response headers: ``ais-checksum-type``,
            ``ais-checksum-value``, ``ais-version``, ``ais-atime``).

        Raises:
            ValueError: Path and content are mutually exclusive (``InvalidArgument``, a ValueError)
                — nothing is sent.
            FileNotFoundError: No file at ``path`` (``InvalidPath``, also a ValueError) — nothing
                is sent.
            AISError: The cluster answered with an error (e.g. ``InsufficientStorage``).
            ConnectionFailed: Connection error.
        """
        kw, body = self._put_args(path, content)
        return Header(self._bck.client._rc.put_redirected(kw, body).headers)

    def delete(self) -> None:
        """Delete an object from a bucket.

        Raises:
            ErrObjNotFound: The object does not exist (404).
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        self._bck.client._rc.run(self._plan_delete())
