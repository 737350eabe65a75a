"""``Header``: the response headers of a HEAD (or GET / PUT), with typed accessors.

``Bucket.head()`` and ``Object.head()`` return a :class:`Header`. It is a read-only,
case-insensitive ``Mapping[str, str]`` of *all* response headers, so seed-era code such
as ``props["ais-version"]`` or ``props["Content-Length"]`` keeps working; a header sent
several times maps to its values joined with ``", "`` (as ``httpx.Headers`` does) and
:meth:`Header.get_list` returns them one by one.

Typed accessors sit on top (each returns None when the header is absent or malformed):

========================  =============================================================
``size``                  ``Content-Length`` as int (the object size for a HEAD)
``checksum_type``         ``Ais-Checksum-Type`` (e.g. ``xxhash2``)
``checksum_value``        ``Ais-Checksum-Value`` (hex)
``version``               ``Ais-Version``
``atime_ns``              ``Ais-Atime`` (unix nanoseconds) as int
``atime``                 the same as an aware UTC ``datetime``
``custom_metadata``       ``Ais-Custom-Md`` parsed to ``dict[str, str]`` ({} if absent)
``present``               ``Ais-Present`` as bool (object is in the cluster)
``location``              ``Ais-Location`` (``t[id]:mountpath``)
``mirror_copies``         ``Ais-Mirror-Copies`` as int
``mirror_paths``          ``Ais-Mirror-Paths`` as a list ([] if absent)
``etag``                  ``ETag`` without quotes
``content_type``          ``Content-Type``
``bucket_props``          ``Ais-Bucket-Props`` (bucket HEAD) parsed from JSON to a dict
========================  =============================================================
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

import httpx

from aistore_hl.const import (
    HEADER_ATIME,
    HEADER_BUCKET_PROPS,
    HEADER_CHECKSUM_TYPE,
    HEADER_CHECKSUM_VALUE,
    HEADER_CONTENT_LENGTH,
    HEADER_CONTENT_TYPE,
    HEADER_CUSTOM_MD,
    HEADER_EC_DATA,
    HEADER_EC_GENERATION,
    HEADER_EC_PARITY,
    HEADER_EC_REPLICATED,
    HEADER_ETAG,
    HEADER_LAST_MODIFIED,
    HEADER_MIRROR_COPIES,
    HEADER_MIRROR_PATHS,
    HEADER_OBJ_BUCKET_NAME,
    HEADER_OBJ_BUCKET_PROVIDER,
    HEADER_OBJ_LOCATION,
    HEADER_OBJ_NAME,
    HEADER_PRESENT,
    HEADER_VERSION,
)

__all__ = ["ECInfo", "Header", "ObjectProps"]

# Never shown by repr(): a Header may be built from request-ish mappings too.
_SECRET_HEADERS: Final = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})

HeaderSource = httpx.Headers | Mapping[str, str] | Iterable[tuple[str, str]]


def _parse_int(v: str | None) -> int | None:
    if v is None:
        return None
    try:
        return int(v.strip())
    except ValueError:
        return None


def _parse_bool(v: str | None) -> bool | None:
    if v is None:
        return None
    s = v.strip().lower()
    if s in ("true", "t", "1", "yes", "y", "on"):
        return True
    if s in ("false", "f", "0", "no", "n", "off"):
        return False
    return None


class Header(Mapping[str, str]):
    """Read-only, case-insensitive mapping of response headers plus typed accessors.

    Iteration yields lower-case header names, each once. Picklable.

    Args:
        headers: An ``httpx.Headers`` (repeated headers are preserved), a mapping, or an
            iterable of ``(name, value)`` pairs.
    """

    __slots__ = ("_items", "_joined", "_object")

    def __init__(self, headers: HeaderSource = ()) -> None:
        items: list[tuple[str, str]]
        if isinstance(headers, httpx.Headers):
            items = [(k.lower(), v) for k, v in headers.multi_items()]
        elif isinstance(headers, Header):
            items = list(headers._items)
        elif isinstance(headers, Mapping):
            items = [(str(k).lower(), str(v)) for k, v in headers.items()]
        else:
            items = [(str(k).lower(), str(v)) for k, v in headers]
        joined: dict[str, str] = {}
        for k, v in items:
            joined[k] = f"{joined[k]}, {v}" if k in joined else v
        self._items: tuple[tuple[str, str], ...] = tuple(items)
        self._joined = joined
        self._object: bool = headers._object if isinstance(headers, Header) else False

    @classmethod
    def for_object(cls, headers: HeaderSource = ()) -> Header:
        """The headers of a successful object HEAD: an absent ``Content-Length`` means 0 bytes.

        AIS leaves ``Content-Length`` out of an object HEAD when the size is 0
        (``cmn.ToHeader`` sets it only for ``size > 0``), so :attr:`size` of such a Header is
        ``0``, never ``None``. The mapping itself stays exactly what the server sent.
        """
        hdr = cls(headers)
        hdr._object = True
        return hdr

    # -- Mapping ---------------------------------------------------------------------

    def __getitem__(self, key: str) -> str:
        return self._joined[key.lower()]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._joined

    def __iter__(self) -> Iterator[str]:
        return iter(self._joined)

    def __len__(self) -> int:
        return len(self._joined)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Header):
            return self._joined == other._joined
        if isinstance(other, Mapping):
            return self._joined == {str(k).lower(): v for k, v in other.items()}
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-mapping semantics: not hashable

    def __repr__(self) -> str:
        shown = {k: ("[secure]" if k in _SECRET_HEADERS else v) for k, v in self._joined.items()}
        return f"Header({shown!r})"

    def __getstate__(self) -> tuple[tuple[tuple[str, str], ...], bool]:
        return self._items, self._object

    def __setstate__(self, state: Any) -> None:
        # A bare tuple of items is the pickled form of earlier releases.
        if len(state) == 2 and isinstance(state[1], bool):
            items, obj = state
        else:
            items, obj = state, False
        Header.__init__(self, items)
        self._object = obj

    def get_list(self, key: str) -> list[str]:
        """Return every value of a header, in order ([] if absent).

        Args:
            key: Header name (any case).
        """
        k = key.lower()
        return [v for name, v in self._items if name == k]

    def multi_items(self) -> list[tuple[str, str]]:
        """Return all ``(lower-case name, value)`` pairs, repeated headers included."""
        return list(self._items)

    # -- typed accessors -------------------------------------------------------------

    @property
    def size(self) -> int | None:
        """``Content-Length`` as int: the object size for an object HEAD/GET.

        For an object HEAD (``Object.head()``) a missing ``Content-Length`` is ``0``: AIS
        omits the header for an empty object. Elsewhere None means "not sent".
        """
        raw = self.get(HEADER_CONTENT_LENGTH)
        if raw is None:
            return 0 if self._object else None
        return _parse_int(raw)

    @property
    def checksum_type(self) -> str | None:
        """``Ais-Checksum-Type``: ``xxhash2`` (default), ``xxhash``, ``md5``, ``crc32c``,
        ``sha256``, ``sha512`` or ``none``."""
        return self.get(HEADER_CHECKSUM_TYPE)

    @property
    def checksum_value(self) -> str | None:
        """``Ais-Checksum-Value``: the object checksum in hex."""
        return self.get(HEADER_CHECKSUM_VALUE)

    @property
    def version(self) -> str | None:
        """``Ais-Version``: the object version (ais) or the backend's version/generation."""
        return self.get(HEADER_VERSION)

    @property
    def atime_ns(self) -> int | None:
        """``Ais-Atime``: last access time in unix nanoseconds."""
        return _parse_int(self.get(HEADER_ATIME))

    @property
    def atime(self) -> datetime.datetime | None:
        """``Ais-Atime`` as an aware UTC datetime (microsecond precision)."""
        ns = self.atime_ns
        if ns is None:
            return None
        secs, rem = divmod(ns, 1_000_000_000)
        try:
            base = datetime.datetime.fromtimestamp(secs, tz=datetime.UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return base + datetime.timedelta(microseconds=rem // 1000)

    @property
    def custom_metadata(self) -> dict[str, str]:
        """``Ais-Custom-Md`` as a dict.

        The server sends one ``k=v`` header per entry; intermediaries may join them with
        commas. A comma-separated piece without ``=`` is taken as part of the previous
        value (so values containing commas survive when headers are not joined).
        """
        out: dict[str, str] = {}
        for raw in self.get_list(HEADER_CUSTOM_MD):
            pieces = raw.split(",")
            merged: list[str] = []
            for piece in pieces:
                if "=" in piece or not merged:
                    merged.append(piece)
                else:
                    merged[-1] += "," + piece
            for entry in merged:
                key, sep, value = entry.strip().partition("=")
                if sep and key:
                    out[key] = value
        return out

    @property
    def present(self) -> bool | None:
        """``Ais-Present``: whether the object is present in the cluster."""
        return _parse_bool(self.get(HEADER_PRESENT))

    @property
    def location(self) -> str | None:
        """``Ais-Location``: ``t[<target-id>]:<mountpath>`` of the object."""
        return self.get(HEADER_OBJ_LOCATION)

    @property
    def mirror_copies(self) -> int | None:
        """``Ais-Mirror-Copies``: the number of local copies."""
        return _parse_int(self.get(HEADER_MIRROR_COPIES))

    @property
    def mirror_paths(self) -> list[str]:
        """``Ais-Mirror-Paths``: mountpaths holding copies ([] if absent)."""
        v = self.get(HEADER_MIRROR_PATHS)
        return [p.strip() for p in v.split(",") if p.strip()] if v else []

    @property
    def etag(self) -> str | None:
        """``ETag`` without surrounding quotes."""
        v = self.get(HEADER_ETAG)
        return v.strip('"') if v is not None else None

    @property
    def content_type(self) -> str | None:
        """``Content-Type``."""
        return self.get(HEADER_CONTENT_TYPE)

    @property
    def bucket_props(self) -> dict[str, Any] | None:
        """``Ais-Bucket-Props`` (bucket HEAD) parsed from JSON (``cmn.Bprops``)."""
        v = self.get(HEADER_BUCKET_PROPS)
        if v is None:
            return None
        try:
            obj = json.loads(v)
        except ValueError:
            return None
        return obj if isinstance(obj, dict) else None


@dataclass(frozen=True)
class ECInfo:
    """Erasure-coding metadata of an object (official SDK 2.0's ``ECInfo``)."""

    generation: int = 0
    data_slices: int = 0
    parity_slices: int = 0
    is_ec_copy: bool = False


@dataclass(frozen=True)
class ObjectProps:
    """An object's properties as one typed value, with the official SDK 2.0's attribute names.

    ``Object.props`` / ``Object.props_cached`` return it; built from a HEAD (:meth:`from_header`)
    and the object's identity. Absent headers read as 2.0 reads them: ``""``, ``0``, ``[]``,
    ``{}``, ``False``; ``ec`` is None without EC headers. ``header`` is the HEAD itself.
    """

    name: str
    bucket_name: str
    bucket_provider: str
    size: int
    checksum_type: str
    checksum_value: str
    access_time: str
    obj_version: str
    location: str
    mirror_copies: int
    mirror_paths: list[str]
    ec: ECInfo | None
    custom_metadata: dict[str, str]
    present: bool
    last_modified: str
    etag: str
    header: Header

    @classmethod
    def from_header(cls, header: Header, *, name: str, bucket_name: str, bucket_provider: str) -> ObjectProps:
        """The props of a HEAD answer for the object ``name`` of the bucket given."""
        ec_keys = (HEADER_EC_GENERATION, HEADER_EC_DATA, HEADER_EC_PARITY, HEADER_EC_REPLICATED)
        ec = None
        if any(header.get(k) for k in ec_keys):
            ec = ECInfo(
                generation=_parse_int(header.get(HEADER_EC_GENERATION)) or 0,
                data_slices=_parse_int(header.get(HEADER_EC_DATA)) or 0,
                parity_slices=_parse_int(header.get(HEADER_EC_PARITY)) or 0,
                is_ec_copy=_parse_bool(header.get(HEADER_EC_REPLICATED)) or False,
            )
        return cls(
            name=header.get(HEADER_OBJ_NAME) or name,
            bucket_name=header.get(HEADER_OBJ_BUCKET_NAME) or bucket_name,
            bucket_provider=header.get(HEADER_OBJ_BUCKET_PROVIDER) or bucket_provider,
            size=header.size or 0,
            checksum_type=header.checksum_type or "",
            checksum_value=header.checksum_value or "",
            access_time=header.get(HEADER_ATIME) or "",
            obj_version=header.version or "",
            location=header.location or "",
            mirror_copies=header.mirror_copies or 0,
            mirror_paths=header.mirror_paths,
            ec=ec,
            custom_metadata=header.custom_metadata,
            present=bool(header.present),
            last_modified=header.get(HEADER_LAST_MODIFIED) or "",
            etag=header.etag or "",
            header=header,
        )
