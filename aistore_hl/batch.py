"""Get-Batch: many objects, byte ranges and archived files in one answer, in request order.

``Client.batch(...)`` / ``AsyncClient.batch(...)`` build a :class:`Batch` / :class:`AsyncBatch`;
``get()`` yields one :class:`BatchEntry` per requested entry, in request order, as they arrive.

How the wire works (AIS 5.0, ``GET /v1/ml/moss[/{bucket}]``, see spec/ais.yaml ``get_batch``): the
proxy answers 307 to a designated target (DT) and the same GET and JSON body go there; the DT
answers the archive (``strm=true``) or ``multipart/mixed`` (metadata, then the archive). What this
module adds on top of that:

* **Checks.** Every archive member's name must be the one asked for at that position, its size the
  length asked for (a range) and the metadata's size; the number of entries must match. A missing
  entry is a typed :class:`~aistore_hl.errors.BatchObjNotFound`, never ``b""``. An answer that ends
  early (the server does that, with 200, for a failure after the status line) or is cut mid-entry
  raises :class:`~aistore_hl.errors.BatchIncomplete` naming the first entry not delivered.
* **Early hand-over.** After the last entry the DT waits ~100 ms (no data from peers for its
  ``noRxWindow``) before it ends the answer, so reading to the end caps a stream at
  ``entries / 0.1 s``. Entries are handed over as soon as the last one has arrived; the tail is read
  in the background before the connection is reused.
* **Splitting.** A long list is cut into requests of ``request_size`` entries (1,000 by default:
  measured on a 2-target cluster, see bench/README), ``max_in_flight`` of them at a time (4), the
  answers still yielded in order. Pending work items (in flight + tails being drained) stay below
  the DT's throttle (96); 429 and 5xx answers are retried from the proxy; a connection cut is
  retried for the entries not yet delivered.
* **Bounded memory.** Archives are parsed incrementally, one entry at a time (``.tar``, ``.tgz``,
  ``.tar.lz4`` with the ``lz4`` package); a ``.zip`` answer is read whole first (its sizes sit in the
  central directory at the end). At most ``max_in_flight`` requests' entries are buffered.

The parsing and planning below are pure (no I/O) and shared; ``_SyncDriver`` and ``_AsyncDriver``
do the I/O for each twin.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import concurrent.futures
import http.client
import io
import json
import os
import queue
import re
import socket
import ssl
import threading
import time
import weakref
import zipfile
import zlib
from collections.abc import AsyncIterator, Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Final, Self
from urllib.parse import quote, urlencode, urlsplit

import httpx

from aistore_hl._http.retrying import retry_scope
from aistore_hl._http.transports._common import peer_closed, tls_context
from aistore_hl._twins import twin_docs
from aistore_hl.config import ClientConfig, RetryPolicy
from aistore_hl.const import ProviderAIS
from aistore_hl.errors import (
    AISError,
    BatchEntryMismatch,
    BatchIncomplete,
    BatchObjNotFound,
    ConnectionFailed,
    EmptyBatch,
    InvalidArgument,
    NotFound,
    RequestTimeout,
    UnexpectedResponse,
    error_from_response,
    wrap_transport_error,
)
from aistore_hl.types import Bck
from aistore_hl.validation import validate_archpath, validate_object_name

if TYPE_CHECKING:
    from aistore_hl._http.request import AsyncRequestClient, RequestClient

__all__ = [
    "DEFAULT_MAX_IN_FLIGHT",
    "DEFAULT_REQUEST_SIZE",
    "OUTPUT_FORMATS",
    "AsyncBatch",
    "Batch",
    "BatchEntry",
]

#: Entries per request when a list is split. Measured on the 2-core, 2-target cluster (10,000 x
#: 16 KiB, sync): one 10,000-entry request 17-20k obj/s (the machine's ceiling), 1,000 x 4 in
#: flight 12-15k, 2,500 x 4 9-14k, 5,000 x 2 12-15k (threads cost GIL hand-offs per entry). The
#: server allows at most 8 missing entries per request with ``cont_on_err`` (``max_soft_errs``).
DEFAULT_REQUEST_SIZE: Final = 10_000
#: Requests of one ``get()`` answered at a time (the next is fetched while one is consumed).
DEFAULT_MAX_IN_FLIGHT: Final = 2
#: Work items one client keeps pending on the cluster (requests in flight plus answers whose tail is
#: being drained): below the DT's 96-item throttle watermark (xact/xs/moss.go ``pendingHighWm``).
MAX_PENDING: Final = 64
#: Output formats the server offers (``MossReq.mime``).
OUTPUT_FORMATS: Final = (".tar", ".tgz", ".tar.gz", ".zip", ".tar.lz4")
MISSING_DIR: Final = "__404__/"

_READ_SIZE: Final = 1 << 20  # read1() pieces: what the socket has, up to this
_BLOCK: Final = 512
_ZERO_BLOCK: Final = bytes(_BLOCK)
_RETRY_STATUS_DEFAULT: Final = frozenset({429, 500, 502, 503, 504})


# ==================================================================================================
# what is asked (pure)
# ==================================================================================================


@dataclass(frozen=True, slots=True)
class _Item:
    """One requested entry."""

    bck: Bck
    obj_name: str
    archpath: str = ""
    opaque: bytes | None = None
    start: int = 0
    length: int = 0

    def display(self) -> str:
        name = f"{self.bck.name}/{self.obj_name}"
        return f"{name}[{self.archpath}]" if self.archpath else name

    def member(self, only_obj_name: bool) -> str:
        """The name the server gives this entry in the archive (``apc.MossIn.NameInRespArch``)."""
        name = self.obj_name if only_obj_name else f"{self.bck.name}/{self.obj_name}"
        return f"{name}/{self.archpath}" if self.archpath else name


def _check_range(obj_name: str, start: int, length: int) -> None:
    """The server's rules for (start, length), refused here before any request."""
    for what, v in (("start", start), ("length", length)):
        if isinstance(v, bool) or not isinstance(v, int):
            raise InvalidArgument(v, f"must be an int (entry {obj_name!r})", param=what)
    if start < 0:
        raise InvalidArgument(start, f"must be >= 0 (entry {obj_name!r})", param="start")
    if length < -1:
        raise InvalidArgument(
            length, f"must be > 0, or -1 to read to the end (entry {obj_name!r})", param="length"
        )
    if start and not length:
        raise InvalidArgument(
            length, f"0 with start={start} reads nothing: use -1 to read to the end (entry {obj_name!r})",
            param="length",
        )  # fmt: skip


def _bck_of(bucket: Any) -> Bck:
    """A ``Bck`` from a Bck, a (Async)Bucket, or a bucket name (``ais``)."""
    if isinstance(bucket, Bck):
        return bucket
    if isinstance(bucket, str):
        return Bck(bucket, ProviderAIS)
    bck = getattr(bucket, "bck", None)
    if isinstance(bck, Bck):
        return bck
    raise InvalidArgument(bucket, "must be a Bucket, a Bck or a bucket name", param="bucket")


def _bck_wire(bck: Bck) -> dict[str, str]:
    return {"bucket": bck.name, "provider": bck.provider}


def _uname(bck: Bck, obj_name: str) -> str:
    return f"{bck.uname()}{obj_name}"


@dataclass(frozen=True, slots=True)
class _Options:
    output_format: str
    cont_on_err: bool
    only_obj_name: bool
    streaming: bool
    colocation: int


@dataclass(frozen=True, slots=True)
class _Request:
    """One Get-Batch request: entries ``items[first:first + len(items)]`` of the whole batch."""

    first: int
    items: Sequence[_Item]
    path: str
    params: dict[str, Any]
    body: bytes


def _plan(items: Sequence[_Item], opts: _Options, request_size: int) -> list[_Request]:
    """Split ``items`` into requests; each names its default bucket in the path when it can."""
    out = []
    for first in range(0, len(items), request_size):
        chunk = items[first : first + request_size]
        out.append(_request(first, chunk, opts))
    return out


def _request(first: int, chunk: Sequence[_Item], opts: _Options) -> _Request:
    default = chunk[0].bck
    # One bucket (the common case): in the path, entries carry only their names - a smaller body.
    # Several: the bucket-less route, every entry names its bucket (a uname for a namespace).
    single = all(it.bck == default for it in chunk)
    entries = []
    for it in chunk:
        e: dict[str, Any] = {"objname": it.obj_name}
        if not single:
            if it.bck.ns is not None and not it.bck.ns.is_global():
                e["uname"] = _uname(it.bck, it.obj_name)
            else:
                e.update(_bck_wire(it.bck))
        if it.archpath:
            e["archpath"] = it.archpath
        if it.opaque is not None:
            e["opaque"] = base64.b64encode(it.opaque).decode("ascii")
        if it.start:
            e["start"] = it.start
        if it.length:
            e["length"] = it.length
        entries.append(e)
    req: dict[str, Any] = {"in": entries, "onob": opts.only_obj_name, "strm": opts.streaming}
    if opts.output_format != ".tar":
        req["mime"] = opts.output_format
    if opts.cont_on_err:
        req["coer"] = True
    if opts.colocation:
        req["coloc"] = opts.colocation
    params: dict[str, Any] = {}
    if single:
        path = f"/v1/ml/moss/{quote(default.name, safe='')}"
        params.update(default.as_query())
    else:
        path = "/v1/ml/moss"
    if opts.colocation:
        params["coloc"] = opts.colocation  # the proxy reads only the query parameter
    body = json.dumps(req, separators=(",", ":")).encode()
    return _Request(first, chunk, path, params, body)


# ==================================================================================================
# what comes back (pure)
# ==================================================================================================


@dataclass(slots=True, eq=False)
class BatchEntry:
    """One entry of a Get-Batch answer, in request order.

    ``data`` raises the entry's error (e.g. :class:`~aistore_hl.errors.BatchObjNotFound`) instead
    of returning empty bytes for a missing entry. ``for info, data in batch.get()`` unpacks an
    entry as the official SDK's ``(MossOut, bytes)`` pairs.

    Attributes:
        index: Position in the batch (0-based).
        obj_name: Object name, as asked.
        bucket: Bucket name.
        provider: Bucket provider.
        archpath: The archived file asked for, or "".
        opaque: The caller's ``opaque`` bytes, echoed, or None.
        size: Bytes of the entry (0 for a missing one).
        error: Why the entry is missing, or None.
    """

    index: int
    obj_name: str
    bucket: str
    provider: str
    archpath: str
    opaque: bytes | None
    size: int
    error: AISError | None = None
    _data: bytes = field(default=b"", repr=False)

    @property
    def data(self) -> bytes:
        """The entry's bytes.

        Raises:
            BatchObjNotFound: The entry is missing (``cont_on_err``).
        """
        if self.error is not None:
            raise self.error
        return self._data

    @property
    def ok(self) -> bool:
        """False for a missing entry."""
        return self.error is None

    @property
    def err_msg(self) -> str:
        """The server's reason for a missing entry, or "" (``MossOut.err_msg``)."""
        return self.error.message if self.error is not None else ""

    def __iter__(self) -> Iterator[Any]:
        """``info, data = entry``: the official SDK's pair (``data`` raises for a missing entry)."""
        yield self
        yield self.data


@dataclass(slots=True)
class _Member:
    name: str
    data: bytes


class _TarReader:
    """Incremental TAR (USTAR, GNU long names, PAX) reader: ``feed`` bytes, get whole members.

    Memory: the unparsed tail of what was fed plus one member's data. Bytes after the end-of-archive
    marker are ignored (multipart: the closing boundary follows the archive).
    """

    __slots__ = ("_buf", "_long_name", "_pax", "_pos", "ended", "in_member")

    def __init__(self) -> None:
        self._buf = bytearray()
        self._pos = 0
        self._long_name: str | None = None
        self._pax: dict[str, str] = {}
        self.ended = False
        self.in_member = False  # a header was read, its data is not complete yet

    def feed(self, data: bytes) -> list[_Member]:
        if self.ended:
            return []
        buf = self._buf
        if self._pos and self._pos >= len(buf) >> 1:  # drop what was parsed before it grows
            del buf[: self._pos]
            self._pos = 0
        buf += data
        out: list[_Member] = []
        while not self.ended:
            m = self._next()
            if m is None:
                break
            out.append(m)
        return out

    def _next(self) -> _Member | None:
        buf, pos = self._buf, self._pos
        while True:
            if len(buf) - pos < _BLOCK:
                return None
            header = bytes(buf[pos : pos + _BLOCK])
            if header == _ZERO_BLOCK:
                self.ended = True
                self._pos = pos + _BLOCK
                return None
            size = _tar_size(header)
            padded = (size + _BLOCK - 1) & ~(_BLOCK - 1)
            if len(buf) - pos - _BLOCK < padded:
                self.in_member = True
                return None
            self.in_member = False
            start = pos + _BLOCK
            with memoryview(buf) as mv:
                data = mv[start : start + size].tobytes()
            pos = start + padded
            self._pos = pos
            kind = header[156:157]
            if kind == b"L":  # GNU long name of the next member
                self._long_name = data.rstrip(b"\0").decode("utf-8", "surrogateescape")
                continue
            if kind == b"x":  # PAX extended header of the next member
                self._pax = _pax_records(data)
                continue
            if kind in (b"g", b"K", b"5"):  # global PAX, long link name, directory: no entry
                continue
            name = self._long_name or self._pax.get("path") or _tar_name(header)
            self._long_name, self._pax = None, {}
            return _Member(name, data)

    def finish(self) -> None:
        """At the end of the input; ``in_member`` says whether it stopped inside a member."""
        self.in_member = self.in_member or (not self.ended and len(self._buf) - self._pos > 0)


def _tar_size(header: bytes) -> int:
    # The magic, not the header checksum (5% of the client's CPU at 16 KiB entries): a misparse
    # is caught anyway by the name and size checks against the request.
    if header[257:262] != b"ustar":
        raise ValueError(f"not a USTAR header: {header[:100].rstrip(bytes(1))!r}")
    field_ = header[124:136]
    if field_[0] & 0x80:  # base-256 (GNU) for sizes >= 8 GiB
        return int.from_bytes(field_[1:], "big")
    digits = field_.strip(b" \0")
    return int(digits, 8) if digits else 0


def _tar_name(header: bytes) -> str:
    name = header[:100].split(b"\0", 1)[0]
    if header[257:263] == b"ustar\0":  # POSIX: a prefix for long paths
        prefix = header[345:500].split(b"\0", 1)[0]
        if prefix:
            name = prefix + b"/" + name
    return name.decode("utf-8", "surrogateescape")


def _pax_records(data: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    pos = 0
    while pos < len(data):
        sp = data.find(b" ", pos)
        if sp < 0:
            break
        n = int(data[pos:sp])
        key, _, value = data[sp + 1 : pos + n - 1].partition(b"=")
        out[key.decode()] = value.decode("utf-8", "surrogateescape")
        pos += n
    return out


class _Decoder:
    """Archive bytes -> members, for one output format."""

    def __init__(self, output_format: str) -> None:
        self.format = output_format
        self.tar = _TarReader()
        self._zip: bytearray | None = bytearray() if output_format == ".zip" else None
        self._inflate: Any = None
        if output_format in (".tgz", ".tar.gz"):
            self._inflate = zlib.decompressobj(wbits=31)
        elif output_format == ".tar.lz4":
            import lz4.frame  # type: ignore[import-untyped,import-not-found,unused-ignore]  # 'lz4' extra

            self._inflate = lz4.frame.LZ4FrameDecompressor()

    def feed(self, data: bytes) -> list[_Member]:
        if self._zip is not None:
            self._zip += data
            return []
        if self._inflate is not None:
            if self._inflate.eof:
                return []
            data = self._inflate.decompress(data)
        return self.tar.feed(data)

    def finish(self, strip_suffix: bytes = b"") -> list[_Member]:
        """End of input: a zip is parsed now (``strip_suffix``: the multipart closing boundary)."""
        if self._zip is None:
            self.tar.finish()
            return []
        raw = bytes(self._zip)
        if strip_suffix and (cut := raw.rfind(strip_suffix)) >= 0:
            raw = raw[:cut]
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as zf:
                return [_Member(i.filename, zf.read(i)) for i in zf.infolist() if not i.is_dir()]
        except (zipfile.BadZipFile, EOFError):
            self.tar.in_member = True  # nothing usable: reported as cut
            return []


_BOUNDARY_RE = re.compile(r'boundary="?([^";]+)"?')


class _Multipart:
    """``multipart/mixed`` (metadata part, then archive part), parsed incrementally."""

    def __init__(self, content_type: str) -> None:
        m = _BOUNDARY_RE.search(content_type)
        if not m:
            raise ValueError(f"multipart answer without a boundary: {content_type!r}")
        self.delim = b"--" + m.group(1).encode()
        self._buf = bytearray()
        self._state = "start"  # start -> meta -> archive
        self.metadata: dict[str, Any] | None = None

    def feed(self, data: bytes) -> tuple[bytes, bool]:
        """Return (archive bytes in ``data``, metadata just completed)."""
        if self._state == "archive":
            return data, False
        self._buf += data
        buf = self._buf
        if self._state == "start":
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                return b"", False
            if not buf.startswith(self.delim) or b'name="metadata"' not in buf[:end]:
                raise ValueError("multipart answer does not start with its metadata part")
            del buf[: end + 4]
            self._state = "meta"
        close = buf.find(b"\r\n" + self.delim)
        if close < 0:
            return b"", False
        end = buf.find(b"\r\n\r\n", close)
        if end < 0:  # the archive part's headers are not complete yet
            return b"", False
        if b'name="archive"' not in buf[close:end]:
            raise ValueError("multipart answer: the second part is not the archive")
        self.metadata = json.loads(bytes(buf[:close]))
        rest = bytes(buf[end + 4 :])
        self._buf = bytearray()
        self._state = "archive"
        return rest, True

    @property
    def closing(self) -> bytes:
        return b"\r\n" + self.delim + b"--"


class _Assembler:
    """One request's answer -> checked ``BatchEntry``s, in order (pure: bytes in, entries out)."""

    def __init__(self, req: _Request, opts: _Options, content_type: str, url: str) -> None:
        self.req = req
        self.opts = opts
        self.url = url
        self.n = len(req.items)
        self.done_count = 0
        ctype = content_type.split(";", 1)[0].strip().lower()
        self._mp = _Multipart(content_type) if ctype == "multipart/mixed" else None
        if self._mp is None and not opts.streaming:
            raise UnexpectedResponse(f"Get-Batch: expected multipart/mixed, got {content_type!r}", url=url)
        self._dec = _Decoder(opts.output_format)
        self._meta: list[dict[str, Any]] | None = None
        self.error: BatchObjNotFound | BatchEntryMismatch | None = None  # raised after what preceded it

    @property
    def complete(self) -> bool:
        return self.done_count >= self.n

    def feed(self, data: bytes) -> list[BatchEntry]:
        if self.error is not None:
            raise self.error
        try:
            if self._mp is not None:
                data, got_meta = self._mp.feed(data)
                if got_meta:
                    self._set_meta(self._mp.metadata)
                if not data:
                    return []
            members = self._dec.feed(data)
        except (ValueError, zlib.error, RuntimeError) as exc:
            raise self._cut(f"unreadable archive: {exc}") from exc
        return self._entries(members)

    def _entries(self, members: list[_Member]) -> list[BatchEntry]:
        """The entries of ``members``; an error at one is kept in ``error`` and the ones before it
        are returned first (they were delivered): the caller raises ``error`` after them."""
        out = []
        for m in members:
            try:
                out.append(self._entry(m))
            except (BatchObjNotFound, BatchEntryMismatch) as exc:
                self.error = exc
                break
        return out

    def finish(self) -> list[BatchEntry]:
        """End of the answer: the remaining entries (zip), or the error for the ones missing."""
        if self.error is not None:
            raise self.error
        closing = self._mp.closing if self._mp is not None else b""
        out = self._entries(self._dec.finish(closing))
        if not self.complete and self.error is None:
            raise self._cut()
        return out

    def _cut(self, why: str = "") -> BatchIncomplete:
        i = min(self.done_count, self.n - 1)
        return BatchIncomplete(
            self.req.first + i,
            self.req.items[i].display(),
            self.req.first + self.n,
            mid_entry=self._dec.tar.in_member or bool(why),
            detail=why,
            url=self.url,
        )

    def _set_meta(self, meta: Any) -> None:
        out = meta.get("out") if isinstance(meta, dict) else None
        if not isinstance(out, list) or len(out) != self.n:
            got = len(out) if isinstance(out, list) else "no"
            raise BatchEntryMismatch(
                self.req.first, f"metadata has {got} entries, asked {self.n}", url=self.url
            )
        self._meta = out

    def _entry(self, m: _Member) -> BatchEntry:
        i = self.done_count
        if i >= self.n:
            raise BatchEntryMismatch(self.req.first + i, f"unexpected extra entry {m.name!r}", url=self.url)
        item = self.req.items[i]
        index = self.req.first + i
        want = item.member(self.opts.only_obj_name)
        error: AISError | None = None
        meta = self._meta[i] if self._meta is not None else None
        if m.name != want:
            if m.name.startswith(MISSING_DIR) and m.name.endswith(want):
                why = str(meta.get("err_msg") or "") if meta else ""
                error = BatchObjNotFound(index, item.bck.name, item.obj_name, item.archpath, why)
            else:
                raise BatchEntryMismatch(index, f"archive holds {m.name!r}, asked {want!r}", url=self.url)
        size = len(m.data)
        # the metadata names an archived file <objname>/<archpath>
        want_meta = f"{item.obj_name}/{item.archpath}" if item.archpath else item.obj_name
        if error is None:
            if item.length > 0 and size != item.length:
                # e.g. a range outside an object a peer owns comes back whole (AIS 5.0)
                raise BatchEntryMismatch(index, f"{size} bytes, asked {item.length} ({want})", url=self.url)
            if meta is not None:
                if meta.get("err_msg"):
                    error = BatchObjNotFound(
                        index, item.bck.name, item.obj_name, item.archpath, meta["err_msg"]
                    )
                elif meta.get("size") != size or meta.get("objname") not in (item.obj_name, want_meta):
                    raise BatchEntryMismatch(
                        index, f"metadata says {meta.get('objname')!r} of {meta.get('size')} bytes, "
                        f"archive {size} bytes ({want})", url=self.url,
                    )  # fmt: skip
        if error is not None and not self.opts.cont_on_err:
            # the DT fails a batch for a missing object it owns; one a peer owns arrives as a
            # __404__ entry even without cont_on_err: fail the same way in both cases
            raise error
        self.done_count = i + 1
        return BatchEntry(
            index=index,
            obj_name=item.obj_name,
            bucket=item.bck.name,
            provider=item.bck.provider,
            archpath=item.archpath,
            opaque=item.opaque,
            size=0 if error is not None else size,
            error=error,
            _data=b"" if error is not None else m.data,
        )


# ==================================================================================================
# the user-facing builders
# ==================================================================================================


class _BatchCore:
    """What ``Batch`` and ``AsyncBatch`` share: the entries and options, validated locally."""

    def __init__(
        self,
        client: Any,
        objects: Any = None,
        bucket: Any = None,
        *,
        output_format: str = ".tar",
        cont_on_err: bool = True,
        only_obj_name: bool = False,
        streaming_get: bool = True,
        colocation: int = 0,
        request_size: int | None = None,
        max_in_flight: int | None = None,
    ) -> None:
        self._client = client
        if output_format not in OUTPUT_FORMATS:
            raise InvalidArgument(
                output_format, f"must be one of {', '.join(OUTPUT_FORMATS)}", param="output_format"
            )
        if output_format == ".tar.lz4":
            try:
                import lz4.frame  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401
            except ImportError:
                raise InvalidArgument(
                    output_format,
                    "needs the 'lz4' package (pip install aistore-hl[lz4])",
                    param="output_format",
                ) from None
        if colocation not in (0, 1, 2) or isinstance(colocation, bool):
            raise InvalidArgument(colocation, "must be 0, 1 or 2", param="colocation")
        self._opts = _Options(
            output_format, bool(cont_on_err), bool(only_obj_name), bool(streaming_get), colocation
        )
        self.request_size = _positive(request_size, DEFAULT_REQUEST_SIZE, "request_size")
        self.max_in_flight = _positive(max_in_flight, DEFAULT_MAX_IN_FLIGHT, "max_in_flight")
        self._default = _bck_of(bucket) if bucket is not None else None
        self._items: list[_Item] = []
        if objects is not None:
            if isinstance(objects, (str, bytes)) or not isinstance(objects, Iterable):
                objects = [objects]
            for obj in objects:
                self.add(obj)

    def add(
        self,
        obj: Any,
        *,
        bucket: Any = None,
        archpath: str = "",
        opaque: bytes | None = None,
        start: int = 0,
        length: int = 0,
    ) -> Self:
        """Add one entry.

        Args:
            obj: An object name (of ``bucket``, or of the batch's bucket) or an ``Object``.
            bucket: The entry's bucket (a Bucket, a Bck or an ``ais://`` bucket name).
            archpath: A file inside the object (a .tar, .tgz, .zip, .tar.lz4 shard).
            opaque: Bytes echoed back in the entry's ``opaque``.
            start: Byte offset (of the object, or of the archived file with ``archpath``).
            length: Bytes to read from ``start``; -1 reads to the end; 0 (with ``start=0``) reads
                the whole object.

        Returns:
            This batch (for chaining).

        Raises:
            InvalidObjectName: A malformed object name (nothing is sent).
            InvalidArgument: No bucket, a bad archpath, a negative ``start``, ``length`` < -1, or
                ``length=0`` with a non-zero ``start``.
        """
        if isinstance(obj, str):
            name = obj
            bck = _bck_of(bucket) if bucket is not None else self._default
        else:
            obj_name = getattr(obj, "obj_name", None)
            owner = getattr(obj, "bck", None)
            if not isinstance(obj_name, str) or owner is None:
                raise InvalidArgument(obj, "must be an object name or an Object", param="object")
            name = obj_name
            bck = _bck_of(bucket if bucket is not None else owner)
        if bck is None:
            raise InvalidArgument(name, "has no bucket: pass bucket= here or to batch()", param="object")
        validate_object_name(name)
        validate_archpath(archpath)
        _check_range(name, start, length)
        if opaque is not None and not isinstance(opaque, (bytes, bytearray)):
            raise InvalidArgument(opaque, "must be bytes", param="opaque")
        self._items.append(
            _Item(bck, name, archpath, bytes(opaque) if opaque is not None else None, start, length)
        )
        return self

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self._items)} entries, {self._opts.output_format})"

    def _requests(self) -> list[_Request]:
        if not self._items:
            raise EmptyBatch()
        return _plan(self._items, self._opts, self.request_size)


def _missing(head: Callable[[], Any]) -> bool:
    try:
        head()
    except NotFound:
        return True
    except (AISError, ConnectionFailed):
        pass
    return False


def _not_found(index: int, item: _Item) -> BatchObjNotFound:
    why = f"{item.display()} does not exist (the streamed answer ended before it)"
    return BatchObjNotFound(index, item.bck.name, item.obj_name, item.archpath, why)


def _positive(value: int | None, default: int, what: str) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgument(value, "must be an int >= 1", param=what)
    return value


class Batch(_BatchCore):
    """A Get-Batch request builder; ``get()`` runs it. Make one with ``Client.batch(...)``.

    Args:
        client: The ``Client``.
        objects: Object names (of ``bucket``) or ``Object``s, or one of them.
        bucket: The default bucket of name entries (a Bucket, a Bck or an ``ais://`` name).
        output_format: ``.tar`` (default), ``.tgz``, ``.tar.gz``, ``.zip`` or ``.tar.lz4``.
        cont_on_err: Yield a missing entry with its ``error`` (its ``data`` raises) and go on. If
            False, iterating raises ``BatchObjNotFound`` (or the server's 404) at the first missing
            entry. The server allows at most ``get_batch.max_soft_errs`` (8) missing per request.
        only_obj_name: Name archive members ``<object>`` instead of ``<bucket>/<object>`` (the
            entries are the same either way).
        streaming_get: The archive alone, streamed as assembled (default). False: the multipart
            answer, whose metadata also checks every entry's size (the DT buffers the archive).
        colocation: Hint: 1 = the entries sit on few targets, 2 = and in few shards.
        request_size: Entries per request (default ``DEFAULT_REQUEST_SIZE``).
        max_in_flight: Requests answered at a time (default ``DEFAULT_MAX_IN_FLIGHT``).
    """

    def get(self) -> Iterator[BatchEntry]:
        """Yield every entry in request order, as it arrives.

        Raises:
            EmptyBatch: No entries (nothing is sent).
            BatchObjNotFound: A missing entry without ``cont_on_err``.
            BatchIncomplete: An answer ended (or was cut) before the entry it names.
            BatchEntryMismatch: An entry is not what was asked (name, size, count).
            AISError: An error answer of the cluster (after retries).
            ConnectionFailed: A connection failure (after retries).
        """
        reqs = self._requests()
        entries = _SyncDriver.of(self._client._rc).run(reqs, self._opts, self.max_in_flight)
        return self._diagnosed(entries)

    def _diagnosed(self, entries: Iterator[BatchEntry]) -> Iterator[BatchEntry]:
        try:
            yield from entries
        except BatchIncomplete as exc:
            item = self._items[exc.index]
            if exc.mid_entry or not _missing(lambda: self._obj(item).head()):
                raise
            # a streamed batch ends early when an entry fails; a HEAD says whether it is missing
            raise _not_found(exc.index, item) from exc
        finally:
            entries.close()  # type: ignore[attr-defined]

    def _obj(self, item: _Item) -> Any:
        return self._client.bucket(item.bck.name, item.bck.provider, item.bck.ns).object(item.obj_name)

    __iter__ = get


@twin_docs(Batch)
class AsyncBatch(_BatchCore):
    """Async twin of :class:`Batch`: ``async for entry in client.batch(...).get()``."""

    def get(self) -> AsyncIterator[BatchEntry]:
        """Async twin of :meth:`Batch.get` (same errors)."""
        reqs = self._requests()
        return self._diagnosed(_AsyncDriver.of(self._client._rc).run(reqs, self._opts, self.max_in_flight))

    async def _diagnosed(self, entries: AsyncIterator[BatchEntry]) -> AsyncIterator[BatchEntry]:
        try:
            async for e in entries:
                yield e
        except BatchIncomplete as exc:
            item = self._items[exc.index]
            obj = self._client.bucket(item.bck.name, item.bck.provider, item.bck.ns).object(item.obj_name)
            try:
                await obj.head()
            except NotFound:
                raise _not_found(exc.index, item) from exc
            except (AISError, ConnectionFailed):
                pass
            raise
        finally:
            await entries.aclose()  # type: ignore[attr-defined]

    __aiter__ = get


# ==================================================================================================
# retries (shared)
# ==================================================================================================


def _retryable(exc: BaseException, policy: RetryPolicy) -> bool:
    if isinstance(exc, AISError):
        return exc.status_code in policy.retry_statuses
    if isinstance(exc, ConnectionFailed):
        return policy.retry_connection_errors
    return False


def _delay(policy: RetryPolicy, attempt: int, exc: BaseException) -> float:
    return policy.compute_delay(attempt, getattr(exc, "retry_after", None))


_NO_RETRIES: Final = RetryPolicy(max_attempts=1)
_KEEPALIVE_EXPIRY: Final = 5.0  # seconds an idle DT connection is kept: httpx's default, well below AIS's 30


def _dropped(conn: http.client.HTTPConnection) -> bool:
    """Whether the peer closed an idle connection (readable with nothing asked: EOF or a reset)."""
    return peer_closed(conn.sock)


# ==================================================================================================
# sync driver: the DT leg on http.client connections read with read1()
# ==================================================================================================
#
# The DT's answer is chunked; http.client's read(n) on a chunked body blocks until n bytes or the end,
# i.e. until the ~100 ms tail. read1(n) returns what has arrived. The client's transport reads with
# read(n), so the DT leg runs here on connections of its own (one small pool per Client).


class _SyncDriver:
    _drivers: ClassVar[weakref.WeakKeyDictionary[Any, _SyncDriver]] = weakref.WeakKeyDictionary()
    _lock = threading.Lock()

    def __init__(self, rc: RequestClient) -> None:
        self._rc = weakref.ref(rc)
        self.config: ClientConfig = rc.config
        # idle connections per host, each with the monotonic time it was put back
        self._idle: dict[tuple[str, str, int], list[tuple[http.client.HTTPConnection, float]]] = (
            collections.defaultdict(list)
        )
        self._pool_lock = threading.Lock()
        self._pid = os.getpid()
        self.pending = threading.BoundedSemaphore(MAX_PENDING)
        self._drainer = concurrent.futures.ThreadPoolExecutor(4, thread_name_prefix="ais-batch-drain")
        self._ssl: ssl.SSLContext | None = None
        weakref.finalize(self, _SyncDriver._shutdown, self._drainer, self._idle)

    @classmethod
    def of(cls, rc: RequestClient) -> _SyncDriver:
        with cls._lock:
            d = cls._drivers.get(rc)
            if d is None or d._pid != os.getpid():  # a forked child never shares its parent's sockets
                d = cls._drivers[rc] = _SyncDriver(rc)
            return d

    @staticmethod
    def _shutdown(pool: concurrent.futures.ThreadPoolExecutor, idle: dict[Any, list[Any]]) -> None:
        pool.shutdown(wait=False)
        for conns in idle.values():
            for c, _ in conns:
                c.close()

    # -- connections -----------------------------------------------------------------------------
    def _conn(
        self, key: tuple[str, str, int], *, fresh: bool = False
    ) -> tuple[http.client.HTTPConnection, bool]:
        """A kept-alive connection to ``key`` (``True``) or a new one; ``fresh`` always a new one.

        AIS closes a connection idle for 30 s (Go's ``IdleTimeout``); a request sent on one it closed
        gets no answer. Pooled connections idle longer than ``_KEEPALIVE_EXPIRY`` (httpx's default)
        or that the server has already closed (readable at EOF) are dropped here, not tried.
        """
        if not fresh:
            now = time.monotonic()
            while True:
                with self._pool_lock:
                    idle = self._idle[key]
                    if not idle:
                        break
                    pooled, since = idle.pop()
                if now - since <= _KEEPALIVE_EXPIRY and not _dropped(pooled):
                    return pooled, True
                pooled.close()
        scheme, host, port = key
        t = self.config.timeout
        if scheme == "https":
            if self._ssl is None:
                self._ssl = tls_context(self.config.verify, self.config.client_cert)
            conn: http.client.HTTPConnection = _TLSConn(host, port, timeout=t.connect, context=self._ssl)
        else:
            conn = _Conn(host, port, timeout=t.connect)
        return conn, False

    def _put_back(self, key: tuple[str, str, int], conn: http.client.HTTPConnection) -> None:
        with self._pool_lock:
            idle = self._idle[key]
            if len(idle) < self.config.max_pool_size:
                idle.append((conn, time.monotonic()))
                return
        conn.close()

    def _get(
        self, url: str, body: bytes, *, auth: bool
    ) -> tuple[http.client.HTTPResponse, http.client.HTTPConnection, tuple[str, str, int]]:
        """GET ``url`` with the JSON ``body``; the response with its headers read."""
        parts = urlsplit(url)
        scheme = parts.scheme or "http"
        key = (scheme, parts.hostname or "", parts.port or (443 if scheme == "https" else 80))
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {
            "Host": parts.netloc,
            "User-Agent": self.config.user_agent,
            "Content-Type": "application/json",
            "Content-Length": str(len(body)),
        }
        if auth and self.config.token:  # the proxy checks it; the DT's redirect carries its marker
            headers["Authorization"] = f"Bearer {self.config.token}"
        for fresh in (False, True):
            # the second try takes a new connection, never the pool's next (it may be stale too)
            conn, reused = self._conn(key, fresh=fresh)
            try:
                if conn.sock is None:
                    conn.connect()
                    if conn.sock is not None:  # headers and body go in one send anyway
                        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                conn.sock.settimeout(self.config.timeout.write)
                conn.request("GET", target, body=body, headers=headers)
                conn.sock.settimeout(self.config.timeout.read)
                return conn.getresponse(), conn, key
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                stale = isinstance(exc, (ConnectionError, http.client.RemoteDisconnected))
                if reused and not fresh and stale:
                    continue  # a kept-alive connection the server had closed: once more on a new one
                raise _conn_error(exc, url) from exc
        raise AssertionError("unreachable")

    @staticmethod
    def _error(resp: http.client.HTTPResponse, conn: http.client.HTTPConnection, url: str) -> AISError:
        try:
            body = resp.read(64 << 10)
        except (OSError, http.client.HTTPException):
            body = b""
        conn.close()
        return error_from_response(resp.status, dict(resp.getheaders()), body, method="GET", url=url)

    # -- one request -----------------------------------------------------------------------------
    def _open(self, req: _Request) -> tuple[http.client.HTTPResponse, http.client.HTTPConnection, Any, str]:
        """Both legs: the proxy's 307, then the same GET and body to the DT; the DT's 200."""
        url = self.config.endpoint.rstrip("/") + req.path
        if req.params:
            url += "?" + urlencode(req.params)
        resp, conn, key = self._get(url, req.body, auth=True)
        location = resp.getheader("location")
        if resp.status >= 400:
            raise self._error(resp, conn, url.split("?", 1)[0])
        if resp.status not in (301, 302, 307, 308) or not location:
            conn.close()
            raise UnexpectedResponse(
                f"Get-Batch: the proxy answered {resp.status} instead of redirecting to a target",
                url=url.split("?", 1)[0],
            )
        try:
            resp.read()  # Go's short HTML body
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            raise _conn_error(exc, url) from exc
        if resp.will_close:
            conn.close()
        else:
            self._put_back(key, conn)
        dt_url = location.split("?", 1)[0]
        resp, conn, key = self._get(location, req.body, auth=False)
        if resp.status >= 400:
            raise self._error(resp, conn, dt_url)
        if resp.status != 200:
            conn.close()
            raise UnexpectedResponse(f"Get-Batch: the target answered {resp.status}", url=dt_url)
        return resp, conn, key, dt_url

    def _fetch(self, req: _Request, opts: _Options) -> Generator[BatchEntry, None, None]:
        """Run one request (with retries); yield its entries in order."""
        policy = self._policy()
        attempt = 1
        done = 0
        while True:
            sub = req if done == 0 else _request(req.first + done, req.items[done:], opts)
            try:
                for e in self._once(sub, opts):
                    done += 1
                    yield e
                return
            except (AISError, ConnectionFailed) as exc:
                if isinstance(exc, BatchObjNotFound) or not (
                    attempt < policy.max_attempts and _retryable(exc, policy)
                ):
                    raise
                delay = _delay(policy, attempt, exc)
            except _Cut as cut:  # the connection failed mid-answer: ask again for what is missing
                if not (attempt < policy.max_attempts and policy.retry_connection_errors):
                    raise cut.error from cut.__cause__
                delay = _delay(policy, attempt, cut.error)
            attempt += 1
            time.sleep(delay)

    def _policy(self) -> RetryPolicy:
        rc = self._rc()
        return (rc.retry if rc is not None else None) or self.config.retry

    def _once(self, req: _Request, opts: _Options) -> Iterator[BatchEntry]:
        self.pending.acquire()
        held = True  # the pending slot: released here, or by the tail's drain
        conn: http.client.HTTPConnection | None = None
        try:
            resp, conn, key, url = self._open(req)
            asm = _Assembler(req, opts, resp.getheader("content-type", ""), url)
            while not asm.complete:
                try:
                    data = resp.read1(_READ_SIZE)
                except (OSError, http.client.HTTPException) as exc:
                    raise _Cut(asm._cut(f"{type(exc).__name__}: {exc}")) from exc
                entries = asm.feed(data) if data else asm.finish()
                if asm.complete:
                    # every entry is here: the tail (~100 ms) is read in the background, then the
                    # connection is reused; the pending slot is held until then
                    if resp.isclosed():
                        self._release(resp, conn, key)
                    else:
                        self._drainer.submit(self._drain, resp, conn, key)
                    held = False
                    conn = None
                yield from entries
                if asm.error is not None:
                    raise asm.error
                if not data:
                    break
        finally:
            if conn is not None:
                conn.close()
            if held:
                self.pending.release()

    def _release(self, resp: http.client.HTTPResponse, conn: http.client.HTTPConnection, key: Any) -> None:
        try:
            if resp.will_close or not resp.isclosed():
                conn.close()
            else:
                self._put_back(key, conn)
        finally:
            self.pending.release()

    def _drain(self, resp: http.client.HTTPResponse, conn: http.client.HTTPConnection, key: Any) -> None:
        try:
            while resp.read1(_READ_SIZE):
                pass
        except (OSError, http.client.HTTPException):
            conn.close()
            self.pending.release()
            return
        self._release(resp, conn, key)

    # -- a whole batch ---------------------------------------------------------------------------
    def run(self, reqs: list[_Request], opts: _Options, max_in_flight: int) -> Iterator[BatchEntry]:
        if len(reqs) == 1 or max_in_flight == 1:
            for req in reqs:  # on the caller's thread: no thread hand-off per entry
                yield from self._fetch(req, opts)
            return
        yield from self._parallel(reqs, opts, max_in_flight)

    def _parallel(self, reqs: list[_Request], opts: _Options, max_in_flight: int) -> Iterator[BatchEntry]:
        sentinel = object()
        queues: list[queue.SimpleQueue[Any]] = [queue.SimpleQueue() for _ in reqs]
        errors: dict[int, BaseException] = {}
        stop = threading.Event()

        def work(i: int) -> None:
            try:
                it = self._fetch(reqs[i], opts)
                try:
                    for e in it:
                        queues[i].put(e)
                        if stop.is_set():
                            break
                finally:
                    it.close()
            except BaseException as exc:
                errors[i] = exc
            finally:
                queues[i].put(sentinel)

        pool = concurrent.futures.ThreadPoolExecutor(max_in_flight, thread_name_prefix="ais-batch")
        try:
            for i in range(len(reqs)):
                pool.submit(work, i)
            for i, q in enumerate(queues):
                while (item := q.get()) is not sentinel:
                    yield item
                if i in errors:
                    raise errors[i]
        finally:
            stop.set()
            pool.shutdown(wait=False, cancel_futures=True)


class _OneSend:
    """http.client sends the header block and a bytes body in two writes; one write here (with
    TCP_NODELAY) avoids Nagle + delayed-ACK stalls (~40 ms per request measured on loopback)."""

    _buffer: list[bytes]

    def _send_output(self, message_body: Any = None, encode_chunked: bool = False) -> None:
        if isinstance(message_body, bytes):
            self._buffer.extend((b"", b""))
            msg = b"\r\n".join(self._buffer) + message_body
            del self._buffer[:]
            self.send(msg)  # type: ignore[attr-defined]
            return
        super()._send_output(message_body, encode_chunked)  # type: ignore[misc]


class _Conn(_OneSend, http.client.HTTPConnection):
    pass


class _TLSConn(_OneSend, http.client.HTTPSConnection):
    pass


class _Cut(Exception):
    """Internal: the connection failed mid-answer (``error`` names the first entry not delivered)."""

    def __init__(self, error: BatchIncomplete) -> None:
        super().__init__(error)
        self.error = error


def _conn_error(exc: BaseException, url: str) -> ConnectionFailed:
    msg = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return RequestTimeout(msg, url=url.split("?", 1)[0], phase="read")
    return ConnectionFailed(msg, url=url.split("?", 1)[0])


# ==================================================================================================
# async driver: httpx on aiohttp (its pieces are what has arrived: readany)
# ==================================================================================================


class _AsyncDriver:
    _drivers: ClassVar[weakref.WeakKeyDictionary[Any, _AsyncDriver]] = weakref.WeakKeyDictionary()

    def __init__(self, rc: AsyncRequestClient) -> None:
        self._rc = weakref.ref(rc)
        self.config: ClientConfig = rc.config
        self._drains: set[asyncio.Task[None]] = set()
        self._pending: asyncio.Semaphore | None = None

    @classmethod
    def of(cls, rc: AsyncRequestClient) -> _AsyncDriver:
        d = cls._drivers.get(rc)
        if d is None:
            d = cls._drivers[rc] = _AsyncDriver(rc)
        return d

    def _sem(self) -> asyncio.Semaphore:
        if self._pending is None:
            self._pending = asyncio.Semaphore(MAX_PENDING)
        return self._pending

    def _policy(self) -> RetryPolicy:
        rc = self._rc()
        return (rc.retry if rc is not None else None) or self.config.retry

    async def _fetch(self, req: _Request, opts: _Options, emit: Callable[[BatchEntry], None]) -> None:
        """Async twin of ``_SyncDriver._fetch``: entries go to ``emit`` in order."""
        policy = self._policy()
        attempt = 1
        done = 0

        def counted(e: BatchEntry) -> None:
            nonlocal done
            done += 1
            emit(e)

        while True:
            sub = req if done == 0 else _request(req.first + done, req.items[done:], opts)
            try:
                await self._once(sub, opts, counted)
                return
            except (AISError, ConnectionFailed) as exc:
                if isinstance(exc, BatchObjNotFound) or not (
                    attempt < policy.max_attempts and _retryable(exc, policy)
                ):
                    raise
                delay = _delay(policy, attempt, exc)
            except _Cut as cut:
                if not (attempt < policy.max_attempts and policy.retry_connection_errors):
                    raise cut.error from cut.__cause__
                delay = _delay(policy, attempt, cut.error)
            attempt += 1
            await asyncio.sleep(delay)

    async def _once(self, req: _Request, opts: _Options, emit: Callable[[BatchEntry], None]) -> None:
        rc = self._rc()
        if rc is None:
            raise ConnectionFailed("the client was closed")
        sem = self._sem()
        await sem.acquire()
        held = True
        request = rc.build(
            "GET", req.path, params=req.params, content=req.body, headers={"Content-Type": "application/json"}
        )
        try:
            try:
                with retry_scope(_NO_RETRIES):  # retries are ours: from the proxy, whatever leg failed
                    resp = await rc.send(request, stream=True)  # follows the 307 with the body
            except httpx.RequestError as exc:
                raise wrap_transport_error(exc) from exc
            url = str(resp.request.url.copy_with(query=None))
            it = resp.aiter_raw()
            try:
                asm = _Assembler(req, opts, resp.headers.get("content-type", ""), url)
                while not asm.complete:
                    try:
                        data = await it.__anext__()
                    except StopAsyncIteration:
                        data = b""
                    except httpx.RequestError as exc:
                        raise _Cut(asm._cut(f"{type(exc).__name__}: {exc}")) from exc
                    entries = asm.feed(data) if data else asm.finish()
                    for e in entries:
                        emit(e)
                    if asm.error is not None:
                        raise asm.error
                    if not data:
                        break
            except BaseException:
                await resp.aclose()
                raise
            # every entry is here: the tail (~100 ms) is read by a task, then the connection is
            # reused; the pending slot is held until then
            task = asyncio.get_running_loop().create_task(self._drain(resp, it, sem))
            self._drains.add(task)
            task.add_done_callback(self._drains.discard)
            held = False
        finally:
            if held:
                sem.release()

    @staticmethod
    async def _drain(resp: httpx.Response, it: AsyncIterator[bytes], sem: asyncio.Semaphore) -> None:
        try:
            async for _ in it:
                pass
        except (httpx.HTTPError, httpx.StreamError):
            pass
        finally:
            await resp.aclose()
            sem.release()

    async def run(
        self, reqs: list[_Request], opts: _Options, max_in_flight: int
    ) -> AsyncIterator[BatchEntry]:
        sentinel = object()
        queues: list[asyncio.Queue[Any]] = [asyncio.Queue() for _ in reqs]
        errors: dict[int, BaseException] = {}
        slots = asyncio.Semaphore(max_in_flight)

        async def work(i: int) -> None:
            try:
                async with slots:
                    await self._fetch(reqs[i], opts, queues[i].put_nowait)
            except asyncio.CancelledError:
                raise
            except BaseException as exc:
                errors[i] = exc
            finally:
                queues[i].put_nowait(sentinel)

        tasks = [asyncio.ensure_future(work(i)) for i in range(len(reqs))]
        try:
            for i, q in enumerate(queues):
                while True:
                    item = await q.get()
                    if item is sentinel:
                        break
                    yield item
                if i in errors:
                    raise errors[i]
        finally:
            for t in tasks:
                t.cancel()
            # wait for cancelled requests to close their responses (their connections)
            await asyncio.gather(*tasks, return_exceptions=True)
