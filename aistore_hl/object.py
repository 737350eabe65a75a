"""Objects: head, streaming get (resumable, verified), put (body sent once, to the target), delete."""

from __future__ import annotations

import os
import threading
from collections.abc import Awaitable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, BinaryIO, TypeGuard
from urllib.parse import quote, urlencode

import httpx

from aistore_hl import _body, _download, _ops
from aistore_hl._twins import twin_docs
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
from aistore_hl.header import Header, ObjectProps
from aistore_hl.obj_stream import AsyncObjStream, ObjStream
from aistore_hl.validation import (
    validate_archpath,
    validate_chunk_size,
    validate_etl_name,
    validate_object_name,
)

if TYPE_CHECKING:
    from aistore_hl.bucket import AsyncBucket, Bucket
    from aistore_hl.multipart import AsyncMultipartUpload, MultipartUpload
    from aistore_hl.object_file import (
        AsyncObjectFileAppender,
        AsyncObjectFileReader,
        AsyncObjectFileWriter,
        AsyncObjectReader,
        ObjectFileAppender,
        ObjectFileReader,
        ObjectFileWriter,
        ObjectReader,
    )
    from aistore_hl.types import ArchiveConfig, BlobDownloadConfig, ETLConfig

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


class _DirectRead:
    """The first GET of a read: from the object's own target, else via the proxy. Pure steps.

    ``direct(owner)`` is the request to the target the cached cluster map names (one request
    instead of the proxy's redirect and a second one). ``failed(exc)`` takes that request's
    failure (``_DIRECT_FALLBACK``: a 404, a refusal, no connection) and records what it says
    about the map; ``via_proxy()`` is the request to the proxy; ``proxy_answered()`` drops the
    cached map when the proxy found what the map's owner did not (the map is stale). The sync
    and async ``get`` only send these requests.
    """

    def __init__(
        self,
        rc: Any,
        kw: dict[str, Any],
        byte_range: ByteRange | None,
        extra: Mapping[str, str] | None = None,
    ) -> None:
        self.rc, self.kw = rc, kw
        self.headers = {**(extra or {}), **range_header(byte_range)}
        self.missed = False  # the cached map's owner said 404

    def direct(self, owner: str) -> tuple[dict[str, Any], dict[str, str]]:
        """(request kwargs, headers) for the owner target at ``owner``."""
        return {**self.kw, "url": owner + self.kw["url"]}, self.headers

    def failed(self, exc: BaseException) -> None:
        """The direct request failed with ``exc``; the proxy is asked next."""
        self.rc.direct_failed(exc)
        self.missed = isinstance(exc, NotFound)

    def via_proxy(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(request kwargs, headers) for the proxy, which redirects to the owner it knows."""
        return self.kw, self.headers

    def proxy_answered(self) -> None:
        """The proxy served the read."""
        if self.missed:
            self.rc.forget_targets()


class ObjectCore:
    """What ``Object`` and ``AsyncObject`` share: identity, local validation, request arguments."""

    def __init__(self, bck: Any, obj_name: str) -> None:
        self._bck = bck
        self._obj_name = validate_object_name(obj_name)
        self._props: ObjectProps | None = None
        self._props_hdr: Header | None = None  # the last HEAD; ObjectProps built when asked

    @property
    def obj_name(self) -> str:
        """The name of this object."""
        return self._obj_name

    # -- the official SDK 2.0's names --------------------------------------------------------------
    @property
    def name(self) -> str:
        """The name of this object (the official SDK 2.0's name of ``obj_name``)."""
        return self._obj_name

    @property
    def bucket_name(self) -> str:
        """Name of the bucket where this object resides."""
        return str(self._bck.name)

    @property
    def bucket_provider(self) -> str:
        """Provider of the bucket where this object resides (``ais``, ``aws``, ``gcp``...)."""
        return str(self._bck.provider)

    @property
    def query_params(self) -> dict[str, str]:
        """The bucket's query parameters every request for this object carries (a copy)."""
        return dict(self._bck.qparam)

    @property
    def uname(self) -> str:
        """Unified name: the bucket's uname and the object name (``ais/@#/bucket/obj``)."""
        return f"{self._bck.bck.uname()}{self._obj_name}"

    @property
    def props_cached(self) -> ObjectProps | None:
        """The properties of the last ``head()`` (or ``props``), without a request; None before."""
        if self._props is None and self._props_hdr is not None:
            self._props = ObjectProps.from_header(
                self._props_hdr,
                name=self._obj_name,
                bucket_name=self.bucket_name,
                bucket_provider=self.bucket_provider,
            )
        return self._props

    def _cache_props(self, header: Header) -> None:
        # HEAD is a hot path: keep the answer, parse it into ObjectProps only when asked
        self._props_hdr, self._props = header, None

    def get_semantic_url(self) -> str:
        """The object's semantic URL, ``<provider>://<bucket>/<object>`` (as the official SDK 2.0).

        Returns:
            The semantic URL (no namespace, no query), e.g. ``ais://bucket/dir/obj``.
        """
        return f"{self.bucket_provider}://{self.bucket_name}/{self._obj_name}"

    def get_url(self, archpath: str = "", etl: ETLConfig | None = None) -> str:
        """The full URL of a GET of this object, query included (as the official SDK 2.0 builds it).

        ``<endpoint>/v1/objects/<bucket>/<quoted name>?provider=...[&namespace=...][&archpath=...]
        [&etl_name=...[&etl_args=...]]``.

        Args:
            archpath: A member of this archive to read instead of the whole object.
            etl: An ``ETLConfig`` (name, args) whose transformed output the URL reads.

        Returns:
            The URL (a plain HTTP GET of it reads the object: the proxy redirects to its target).

        Raises:
            InvalidArgument: A bad archpath or ETL (nothing is sent).
        """
        from aistore_hl.types import etl_query

        params = self.query_params
        if archpath:
            params["archpath"] = validate_archpath(archpath)
        if etl is not None:
            params.update(etl_query(etl))
        path = f"/v1/objects/{self.bucket_name}/{quote(self._obj_name)}"
        return f"{self._bck.client.endpoint}{path}?{urlencode(params)}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._bck.bck.cname(self._obj_name)!r})"

    def _plan_head(self) -> _ops.Plan[Header]:
        return _ops.head_obj(self._bck.bck, self._obj_name)

    def _plan_delete(self) -> _ops.Plan[None]:
        return _ops.delete_obj(self._bck.bck, self._obj_name)

    def _get_args(
        self,
        archpath: str,
        chunk_size: int,
        etl_id: str | None,
        byte_range: ByteRange | str | None,
        query: Mapping[str, str] | None = None,
    ) -> tuple[dict[str, Any], ByteRange | None, bool]:
        """(request kwargs, validated range, resumable) for a GET; raises before any request.

        ``query``: further GET query parameters (``latest-ver``, ``archregx``/``archmode``,
        ``etl_name``/``etl_args``), already checked by the caller.
        """
        validate_chunk_size(chunk_size)
        byte_range = check_byte_range(byte_range)
        kw = _ops.get_obj_kwargs(
            self._bck.bck,
            self._obj_name,
            archpath=validate_archpath(archpath) if archpath else "",
            etl_name=validate_etl_name(etl_id) if etl_id else "",
        )
        q = dict(query or {})
        if q:
            kw["params"] = {**kw.get("params", {}), **q}
        # A transformed or extracted body has no stable byte offsets to resume from.
        resumable = not archpath and not etl_id and not ({"archregx", "etl_name"} & q.keys())
        return kw, byte_range, resumable

    def _direct_uname(self, force: bool = False) -> str | None:
        """The object's uname when it may be read straight from its target (``direct_reads``, or
        ``force``: a reader opened with ``direct=True``)."""
        b = self._bck.bck
        if not (force or self._bck.client.config.direct_reads) or (b.ns is not None and not b.ns.is_global()):
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

    def head(self, *, props: str | list[str] | None = None) -> Header:
        """Requests object properties.

        Also refreshes ``props_cached`` (an ``ObjectProps`` of the answer).

        Args:
            props: Not in the seed (the official SDK 2.0's ``head(props)``, keyword-only here):
                only these properties, a HEAD v2 (see ``head_v2``; ``""`` asks for
                ``name,size`` as 2.0 does). None (default): every property (the seed's HEAD).

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
            InvalidArgument: Unknown ``props`` names (nothing is sent).
        """
        from aistore_hl import object_ops

        if props is None:
            hdr = self._bck.client._rc.run(self._plan_head())
        else:
            hdr = object_ops.head_v2(self, props or "name,size")
        self._cache_props(hdr)
        return hdr

    @property
    def props(self) -> ObjectProps:
        """The object's properties as an ``ObjectProps`` (official SDK 2.0's attribute names).

        The cached value (``props_cached``) when there is one, else a ``head()`` first; call
        ``head()`` to refresh it. (2.0 HEADs on every read of ``props``.)
        """
        if self.props_cached is None:
            self.head()
        props = self.props_cached
        assert props is not None
        return props

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
        return self._open(kw, byte_range, resumable, chunk_size, verify_checksum)

    def _open(
        self,
        kw: dict[str, Any],
        byte_range: ByteRange | None,
        resumable: bool,
        chunk_size: int,
        verify_checksum: bool,
        headers: Mapping[str, str] | None = None,
        direct: bool = False,
    ) -> ObjStream:
        """Open the GET of ``_get_args`` (with extra request ``headers``) as a stream."""
        rc = self._bck.client._rc
        span = [byte_range]  # a suffix range becomes absolute once the first answer names it
        extra = dict(headers or {})

        def reopen(received: int) -> httpx.Response:
            return rc.open_stream(kw, {**extra, **range_header(span[0], received)})

        read, first = _DirectRead(rc, kw, byte_range, extra), None
        uname = self._direct_uname(direct)
        if uname is not None and (owner := rc.owner_url(uname)) is not None:
            try:
                first = rc.open_stream(*read.direct(owner))
            except _DIRECT_FALLBACK as exc:
                read.failed(exc)
        if first is None:
            first = rc.open_stream(*read.via_proxy())
            read.proxy_answered()
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

    def put(self, path: str | os.PathLike[str] | None = None, content: PutContent | None = None) -> Header:
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

    # -- issue 19: file-like access, multipart, append, metadata, copy, promote, blob, HEAD v2 ------
    def open(
        self,
        mode: str = "rb",
        *,
        buffer_size: int | None = None,
        verify_checksum: bool = True,
        part_size: int | None = None,
    ) -> ObjectFileReader | ObjectFileWriter | ObjectFileAppender:
        """Opens the object as a file: ``"rb"`` a seekable, buffered reader, ``"wb"`` a writer,
        ``"ab"`` an appender.

        Not in the seed. ``"rb"`` is today's official SDK's ``get_reader().as_file()``, made
        seekable (ranged GETs), resumed after a broken connection and checksum-verified when
        read whole (see ``ObjectFileReader``). ``"wb"`` writes the object at ``close()``: one
        PUT when small, a multipart upload of ``part_size`` parts when large (see
        ``ObjectFileWriter``). ``"ab"`` (the official SDK 2.0's
        ``get_writer().as_file(mode="a")``) sends what is written as APPENDs of ``part_size``
        and finalizes at ``close()``: the object becomes its old content followed by what was
        written, visible only then (see ``ObjectFileAppender``).

        Args:
            mode: ``"rb"``, ``"wb"`` or ``"ab"``.
            buffer_size: Reader: bytes fetched per refill (default 1 MiB).
            verify_checksum: Reader: verify the checksum of a whole read (default True).
            part_size: Writer and appender: buffer and part size (default 8 MiB).

        Returns:
            An ``ObjectFileReader``, ``ObjectFileWriter`` or ``ObjectFileAppender``.

        Raises:
            InvalidArgument: Another mode, or a bad size (nothing is sent).
        """
        from aistore_hl import multipart, object_file

        if mode == "rb":
            size = object_file.DEFAULT_BUFFER_SIZE if buffer_size is None else buffer_size
            return object_file.ObjectFileReader(self, buffer_size=size, verify_checksum=verify_checksum)
        if mode == "wb":
            return self.get_writer(part_size=part_size)
        if mode == "ab":
            part = multipart.DEFAULT_PART_SIZE if part_size is None else part_size
            return object_file.ObjectFileAppender(self, part_size=part)
        raise InvalidArgument(mode, "must be 'rb', 'wb' or 'ab'", param="mode")

    def get_writer(self, *, part_size: int | None = None) -> ObjectFileWriter:
        """Returns a file-like writer of this object (``write``/``flush``/``close``, ``with``).

        Today's official SDK's ``get_writer()`` returns a put/append helper whose ``as_file()``
        appends every write; this one writes the whole object at ``close()`` (one PUT, or a
        multipart upload once past ``part_size``), so nothing half-written is ever visible.

        Args:
            part_size: Buffer and multipart part size (default 8 MiB).

        Returns:
            An ``ObjectFileWriter``.
        """
        from aistore_hl import multipart, object_file

        size = multipart.DEFAULT_PART_SIZE if part_size is None else part_size
        return object_file.ObjectFileWriter(self, part_size=size)

    def multipart_upload(self) -> MultipartUpload:
        """Returns a multipart upload of this object (call ``create()`` on it, or
        ``upload_file`` / ``upload_content``), as today's official SDK names it.

        Returns:
            A ``MultipartUpload``: parts sent once to their target, replayable, checked at
            ``complete()``; aborted on failure by its bulk helpers.
        """
        from aistore_hl import multipart

        return multipart.MultipartUpload(self)

    def append_content(self, content: bytes, handle: str = "", flush: bool = False) -> str:
        """Appends ``content`` to the object (AIS APPEND), as today's official SDK.

        Args:
            content: The bytes to append.
            handle: ``""`` to start, then the handle the previous call returned.
            flush: Also finalize: the object then holds everything appended.

        Returns:
            The handle for the next append or flush ("" after a flush).

        Raises:
            AppendHandleError: ``handle`` was superseded, used by a failed append or flushed
                (each handle is used once; nothing is sent).
            InvalidArgument: Bad arguments (nothing is sent).
            ConnectionFailed: The append could not be sent (never re-sent once started).
        """
        from aistore_hl import append

        return append.append_content(self, content, handle, flush)

    def set_custom_props(self, custom_metadata: dict[str, str], replace_existing: bool = False) -> None:
        """Sets custom metadata: merged into the existing keys, or replacing them all.

        Args:
            custom_metadata: ``{key: value}`` strings (keys without ``=``).
            replace_existing: Drop every existing key first.

        Raises:
            InvalidArgument: Bad metadata (nothing is sent).
            ErrObjNotFound: The object does not exist.
        """
        from aistore_hl import object_ops

        object_ops.set_custom_props(self, custom_metadata, replace_existing)

    def copy(
        self, to_obj: Object, latest: bool = False, sync: bool = False, *, etl: ETLConfig | None = None
    ) -> None:
        """Copies this object (server-side) to ``to_obj``, in this or another bucket.

        Args:
            to_obj: The destination object (its bucket must exist).
            latest: For a remote source, copy its latest version.
            sync: For a remote source, also remove a destination deleted remotely.
            etl: The official SDK 2.0's ``ETLConfig`` (name, args): copy through that ETL, as
                ``transform`` does (keyword-only here).

        Raises:
            InvalidArgument: The destination is the source, or a bad ETL (nothing is sent).
            ErrObjNotFound: The source does not exist.
            ErrBckNotFound: The destination bucket does not exist.
            Unsupported: ``etl`` on a cluster built without ETL.
        """
        from aistore_hl import object_ops

        name, args = object_ops.etl_name_args(etl)
        object_ops.copy(self, to_obj, etl_name=name, etl_args=args, latest=latest, sync=sync)

    def transform(self, to_obj: Object, etl_name: str, etl_args: str = "", latest: bool = False) -> None:
        """Copies this object to ``to_obj`` through the ETL ``etl_name`` (server-side).

        Raises:
            InvalidETLName: Bad ETL name (nothing is sent).
            Unsupported: The cluster was built without ETL (501).
        """
        from aistore_hl import object_ops

        object_ops.copy(self, to_obj, etl_name=etl_name, etl_args=etl_args, latest=latest)

    def promote(
        self,
        path: str,
        target_id: str = "",
        recursive: bool = False,
        overwrite_dest: bool = False,
        delete_source: bool = False,
        src_not_file_share: bool = False,
    ) -> str:
        """Promotes a file (or, ``recursive``, a directory) on the targets into object(s).

        The object's name is the file's new name; with ``recursive`` the directory's files
        become ``<name>/<relative path>``. AIS 5.0 promotes from under ``/var/lib/ais/promote``.

        Args:
            path: The file or directory on the targets' file systems.
            target_id: Only from this target's file system.
            recursive: ``path`` is a directory: promote its tree.
            overwrite_dest: Replace existing objects.
            delete_source: Remove the files once promoted (on a file system every target sees,
                also give ``target_id``: otherwise another target may find a file already
                removed, a 404 seen on a one-host cluster).
            src_not_file_share: Each target promotes its own copy (not a shared file system).

        Returns:
            The job id ("" when the promotion was done in line).

        Raises:
            InvalidArgument: ``path`` is outside the promote root, or bad flags (nothing is sent).
        """
        from aistore_hl import object_ops

        return object_ops.promote(
            self, path, target_id, recursive, overwrite_dest, delete_source, src_not_file_share
        )

    def blob_download(
        self, chunk_size: int | None = None, num_workers: int | None = None, latest: bool = False
    ) -> str:
        """Downloads a large remote object into the cluster in parallel chunks (a job).

        Args:
            chunk_size: Bytes per chunk (server default if None).
            num_workers: Chunks in flight (server default if None).
            latest: Fetch the latest remote version.

        Returns:
            The job id (wait for it with ``Job.wait``).

        Raises:
            InvalidArgument: Not a remote bucket, or bad sizes (nothing is sent).
        """
        from aistore_hl import object_ops

        return object_ops.blob_download(self, chunk_size, num_workers, latest)

    def head_v2(self, props: str | list[str] = "name,size,checksum,version,last-modified,etag") -> Header:
        """Requests only the named object properties (HEAD v2).

        Args:
            props: Among name, size, checksum, atime, version, last-modified, etag, copies, ec,
                custom, location, chunked (comma-separated or a list).

        Returns:
            The properties asked for (other headers are absent).

        Raises:
            InvalidArgument: Unknown names (nothing is sent).
            ErrObjNotFound: The object does not exist.
        """
        from aistore_hl import object_ops

        return object_ops.head_v2(self, props)

    def get_reader(
        self,
        *,
        byte_range: ByteRange | str | None = None,
        archpath: str = "",
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        latest: bool = False,
        direct: bool = False,
        num_workers: int | None = None,
        archive_config: ArchiveConfig | None = None,
        blob_download_config: BlobDownloadConfig | None = None,
        writer: Any = None,
        etl: ETLConfig | None = None,
    ) -> ObjectReader:
        """Returns a reader of this object, as today's official SDK: ``read_all()``, iteration,
        ``raw()``, ``head()`` and ``as_file()`` (a seekable, resumed, verified file).

        Args:
            byte_range: Only these bytes (the forms ``get`` takes; not with ``as_file``).
            archpath: A file inside this shard (not with ``as_file``).
            chunk_size: Iteration chunk size.
            latest: For a remote bucket, GET the latest remote version (``latest-ver``).
            direct: Read from the object's target directly (its owner by the cluster map; the
                proxy when that fails), even on a client made with ``direct_reads=False``.
            num_workers: ``read_all()`` and iteration read the object as ranged GETs of 8 MiB,
                ``num_workers`` at a time (at least 2), in order, at most ``num_workers`` parts
                in memory; the whole is checksum-verified. Not with ``byte_range``, archive,
                blob or ETL options; ``raw()`` and ``as_file()`` stay one stream.
            archive_config: An ``ArchiveConfig`` (``archpath``, or ``regex`` + ``mode``: the
                matching members as a tar) of the official SDK 2.0; not with ``archpath``.
            blob_download_config: A ``BlobDownloadConfig`` (chunk size, workers): the GET is
                served by the blob downloader (remote buckets; a small object is a plain GET).
                Not with ``byte_range``.
            writer: A binary file-like object: the whole content (as ``read_all()`` reads it) is
                written to it, by ``get_reader`` itself as in the official SDK 2.0 (the async twin:
                ``await obj.get_reader(writer=f)``). The caller closes it.
            etl: An ``ETLConfig``: read the ETL's output (a cluster without ETL answers with a
                typed error on first read).

        Returns:
            An ``ObjectReader`` (nothing is sent until it is used, unless ``writer`` is given).

        Raises:
            InvalidArgument: A bad range or option, or options that do not go together (nothing
                is sent).
        """
        from aistore_hl import object_file

        reader = object_file.ObjectReader(
            self,
            byte_range=byte_range,
            archpath=archpath,
            chunk_size=chunk_size,
            latest=latest,
            direct=direct,
            num_workers=num_workers,
            archive_config=archive_config,
            blob_download_config=blob_download_config,
            writer=writer,
            etl=etl,
        )
        if writer is not None:
            reader.write_to(writer)
        return reader


@twin_docs(Object)
class AsyncObject(ObjectCore):
    """Async twin of ``Object``."""

    def __init__(self, bck: AsyncBucket, obj_name: str) -> None:
        super().__init__(bck, obj_name)
        self._bck: AsyncBucket = bck

    @property
    def bck(self) -> AsyncBucket:
        """The bucket this object belongs to."""
        return self._bck

    async def head(self, *, props: str | list[str] | None = None) -> Header:
        from aistore_hl import object_ops

        if props is None:
            hdr = await self._bck.client._rc.run(self._plan_head())
        else:
            hdr = await object_ops.ahead_v2(self, props or "name,size")
        self._cache_props(hdr)
        return hdr

    @property
    def props(self) -> Awaitable[ObjectProps]:
        """``await obj.props``: the cached ``ObjectProps``, else a ``head()`` first (see
        ``Object.props``)."""
        return self._fetch_props()

    async def _fetch_props(self) -> ObjectProps:
        if self.props_cached is None:
            await self.head()
        props = self.props_cached
        assert props is not None
        return props

    async def get(
        self,
        archpath: str = "",
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        etl_id: str | None = None,
        *,
        byte_range: ByteRange | str | None = None,
        verify_checksum: bool = True,
    ) -> AsyncObjStream:
        """Reads an object as an async stream (``async for chunk in stream``, ``await read_all()``)."""
        kw, byte_range, resumable = self._get_args(archpath, chunk_size, etl_id, byte_range)
        return await self._open(kw, byte_range, resumable, chunk_size, verify_checksum)

    async def _open(
        self,
        kw: dict[str, Any],
        byte_range: ByteRange | None,
        resumable: bool,
        chunk_size: int,
        verify_checksum: bool,
        headers: Mapping[str, str] | None = None,
        direct: bool = False,
    ) -> AsyncObjStream:
        rc = self._bck.client._rc
        span = [byte_range]  # a suffix range becomes absolute once the first answer names it
        extra = dict(headers or {})

        async def reopen(received: int) -> httpx.Response:
            return await rc.open_stream(kw, {**extra, **range_header(span[0], received)})

        read, first = _DirectRead(rc, kw, byte_range, extra), None
        uname = self._direct_uname(direct)
        if uname is not None and (owner := await rc.owner_url(uname)) is not None:
            try:
                first = await rc.open_stream(*read.direct(owner))
            except _DIRECT_FALLBACK as exc:
                read.failed(exc)
        if first is None:
            first = await rc.open_stream(*read.via_proxy())
            read.proxy_answered()
        try:
            span[0] = resolve_range(byte_range, first)
        except BaseException:
            await first.aclose()
            raise
        return await AsyncObjStream.create(
            first,
            chunk_size=chunk_size,
            verify_checksum=verify_checksum and byte_range is None,
            reopen=reopen if resumable else None,
        )

    async def download(
        self,
        path: str | os.PathLike[str],
        *,
        num_workers: int = DEFAULT_DOWNLOAD_WORKERS,
        part_size: int = DEFAULT_DOWNLOAD_PART_SIZE,
        verify_checksum: bool = True,
        byte_range: ByteRange | str | None = None,
    ) -> Header:
        """Downloads the object to a local file, ``num_workers`` ranged reads at a time (see
        ``Object.download``). The file writes are short ``pwrite`` calls into the page cache made on
        the event loop; the final hash runs in a worker thread."""
        dest = _download.check_args(path, num_workers, part_size)
        span = check_byte_range(byte_range)
        target = _download.Target.from_head(await self.head(), self._object_url(), span)
        import asyncio  # here, not at the top: the sync path never loads asyncio

        tmp = _download.TempFile(dest, target.length)
        try:
            parts = target.parts(part_size, num_workers)
            if parts is None:
                await self._download_stream(tmp, target, verify_checksum)
            else:
                await self._download_parts(tmp, target, parts, num_workers)
                if verify_checksum and target.span is None:
                    await asyncio.to_thread(_download.verify_file, tmp, target)
            tmp.commit()
        except BaseException:
            tmp.discard()
            raise
        return target.props

    async def _download_stream(self, tmp: _download.TempFile, target: _download.Target, verify: bool) -> None:
        offset = 0
        async with await self.get(
            chunk_size=DEFAULT_READ_CHUNK_SIZE,
            byte_range=target.span,
            verify_checksum=verify and target.span is None,
        ) as stream:
            target.check_part(stream.headers)
            async for chunk in stream:
                tmp.write_at(chunk, offset)
                offset += len(chunk)
        target.check_received(offset)

    async def _download_parts(
        self,
        tmp: _download.TempFile,
        target: _download.Target,
        parts: list[tuple[int, int]],
        num_workers: int,
    ) -> None:
        import asyncio  # here, not at the top: the sync path never loads asyncio

        todo = iter(parts)  # shared by the workers: each part is taken once
        failed = False  # set by the first failure: the others take no new part

        async def worker() -> None:
            nonlocal failed
            for part in todo:
                if failed:
                    return
                offset = part[0] - target.base  # the file holds the span from offset 0
                try:
                    async with await self.get(
                        chunk_size=DEFAULT_READ_CHUNK_SIZE, byte_range=part, verify_checksum=False
                    ) as stream:
                        target.check_part(stream.headers)
                        async for chunk in stream:
                            tmp.write_at(chunk, offset)
                            offset += len(chunk)
                    target.check_received(offset - (part[0] - target.base), part)
                except BaseException:
                    failed = True
                    raise

        tasks = [asyncio.create_task(worker()) for _ in range(min(num_workers, len(parts)))]
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        finally:  # the first failure (or our own cancellation) stops the other workers
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        _download.raise_first([t.exception() for t in tasks if not t.cancelled()])

    async def put(
        self, path: str | os.PathLike[str] | None = None, content: PutContent | None = None
    ) -> Header:
        kw, body = self._put_args(path, content)
        return Header((await self._bck.client._rc.put_redirected(kw, body)).headers)

    async def delete(self) -> None:
        await self._bck.client._rc.run(self._plan_delete())

    def open(
        self,
        mode: str = "rb",
        *,
        buffer_size: int | None = None,
        verify_checksum: bool = True,
        part_size: int | None = None,
    ) -> AsyncObjectFileReader | AsyncObjectFileWriter | AsyncObjectFileAppender:
        """Async file objects: ``await f.read(n)`` / ``await f.write(b)``, ``async with``."""
        from aistore_hl import multipart, object_file

        if mode == "rb":
            size = object_file.DEFAULT_BUFFER_SIZE if buffer_size is None else buffer_size
            return object_file.AsyncObjectFileReader(self, buffer_size=size, verify_checksum=verify_checksum)
        if mode == "wb":
            return self.get_writer(part_size=part_size)
        if mode == "ab":
            part = multipart.DEFAULT_PART_SIZE if part_size is None else part_size
            return object_file.AsyncObjectFileAppender(self, part_size=part)
        raise InvalidArgument(mode, "must be 'rb', 'wb' or 'ab'", param="mode")

    def get_writer(self, *, part_size: int | None = None) -> AsyncObjectFileWriter:
        from aistore_hl import multipart, object_file

        size = multipart.DEFAULT_PART_SIZE if part_size is None else part_size
        return object_file.AsyncObjectFileWriter(self, part_size=size)

    def multipart_upload(self) -> AsyncMultipartUpload:
        """Parts in flight as tasks."""
        from aistore_hl import multipart

        return multipart.AsyncMultipartUpload(self)

    async def append_content(self, content: bytes, handle: str = "", flush: bool = False) -> str:
        from aistore_hl import append

        return await append.aappend_content(self, content, handle, flush)

    async def set_custom_props(self, custom_metadata: dict[str, str], replace_existing: bool = False) -> None:
        from aistore_hl import object_ops

        await object_ops.aset_custom_props(self, custom_metadata, replace_existing)

    async def copy(
        self, to_obj: AsyncObject, latest: bool = False, sync: bool = False, *, etl: ETLConfig | None = None
    ) -> None:
        from aistore_hl import object_ops

        name, args = object_ops.etl_name_args(etl)
        await object_ops.acopy(self, to_obj, etl_name=name, etl_args=args, latest=latest, sync=sync)

    async def transform(
        self, to_obj: AsyncObject, etl_name: str, etl_args: str = "", latest: bool = False
    ) -> None:
        from aistore_hl import object_ops

        await object_ops.acopy(self, to_obj, etl_name=etl_name, etl_args=etl_args, latest=latest)

    async def promote(
        self,
        path: str,
        target_id: str = "",
        recursive: bool = False,
        overwrite_dest: bool = False,
        delete_source: bool = False,
        src_not_file_share: bool = False,
    ) -> str:
        from aistore_hl import object_ops

        return await object_ops.apromote(
            self, path, target_id, recursive, overwrite_dest, delete_source, src_not_file_share
        )

    async def blob_download(
        self, chunk_size: int | None = None, num_workers: int | None = None, latest: bool = False
    ) -> str:
        from aistore_hl import object_ops

        return await object_ops.ablob_download(self, chunk_size, num_workers, latest)

    async def head_v2(
        self, props: str | list[str] = "name,size,checksum,version,last-modified,etag"
    ) -> Header:
        from aistore_hl import object_ops

        return await object_ops.ahead_v2(self, props)

    def get_reader(
        self,
        *,
        byte_range: ByteRange | str | None = None,
        archpath: str = "",
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        latest: bool = False,
        direct: bool = False,
        num_workers: int | None = None,
        archive_config: ArchiveConfig | None = None,
        blob_download_config: BlobDownloadConfig | None = None,
        writer: Any = None,
        etl: ETLConfig | None = None,
    ) -> AsyncObjectReader:
        from aistore_hl import object_file

        return object_file.AsyncObjectReader(
            self,
            byte_range=byte_range,
            archpath=archpath,
            chunk_size=chunk_size,
            latest=latest,
            direct=direct,
            num_workers=num_workers,
            archive_config=archive_config,
            blob_download_config=blob_download_config,
            writer=writer,
            etl=etl,
        )
