"""Seed-era value types, as immutable, typed, picklable dataclasses.

Field names follow the SDK of the seed's time (NVIDIA/aistore ``12f92a9c5``,
``python/aistore/sdk/types.py``); fields the AIStore 5.0 server returns today are added
next to them. Every type that comes from the server has a ``from_json(dict)`` constructor
that ignores unknown keys, so newer servers do not break older clients.

``BucketEntry``, ``BucketList`` and ``BucketLister`` are not here: they are built on the
generated msgspec models elsewhere.
"""

from __future__ import annotations

import base64
import binascii
import builtins
import dataclasses
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Final

from aistore_hl.const import (
    NS_GLOBAL_UNAME,
    NS_NAME_PREFIX,
    NS_UUID_PREFIX,
    PROVIDER_SCHEMES,
    ProviderAIS,
)
from aistore_hl.errors import InvalidArgument, InvalidObjectRangeIndex
from aistore_hl.validation import normalize_provider

__all__ = [
    "ETL",
    "ActionMsg",
    "Bck",
    "ETLDetails",
    "ETLObjError",
    "JobStatus",
    "Namespace",
    "NetInfo",
    "ObjectRange",
    "SeedModel",
    "Smap",
    "Snode",
    "model_dict",
]


# ======================================================================================
# pydantic-v1 methods of the seed's value types
# ======================================================================================

_NO_DEFAULT: Any = object()


def _plain(value: Any, exclude_defaults: bool, exclude_none: bool) -> Any:
    """A field value as pydantic v1's ``.dict()`` gives it: nested models become dicts."""
    as_dict = getattr(value, "dict", None)
    if isinstance(value, SeedModel) or (callable(as_dict) and hasattr(value, "_seed_fields")):
        return value.dict(exclude_defaults=exclude_defaults, exclude_none=exclude_none)
    if isinstance(value, Mapping):
        return {k: _plain(v, exclude_defaults, exclude_none) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_plain(v, exclude_defaults, exclude_none) for v in value)
    return value


def model_dict(
    obj: Any,
    seed_fields: tuple[str, ...],
    all_fields: tuple[str, ...],
    default_of: Callable[[str], Any],
    *,
    include: Any = None,
    exclude: Any = None,
    exclude_defaults: bool = False,
    exclude_none: bool = False,
) -> builtins.dict[str, Any]:
    """pydantic v1 ``BaseModel.dict()`` over ``obj``'s fields (shared by dataclasses and Structs).

    Without ``include`` the keys are the seed's fields, in the seed's order (fields today's server
    added are attributes, and can be named in ``include``). ``include`` / ``exclude`` are sets (or
    dict keys) of top-level field names, as in pydantic v1.
    """
    names = [n for n in all_fields if n in include] if include is not None else list(seed_fields)
    if exclude is not None:
        names = [n for n in names if n not in exclude]
    out: builtins.dict[str, Any] = {}
    for name in names:
        value = getattr(obj, name)
        if exclude_none and value is None:
            continue
        if exclude_defaults and value == default_of(name):
            continue
        out[name] = _plain(value, exclude_defaults, exclude_none)
    return out


def _json_default(value: Any) -> Any:
    # pydantic v1's encoder: bytes as text, other unknown types by str()
    if isinstance(value, bytes):
        return value.decode()
    return str(value)


def model_json(
    data: builtins.dict[str, Any], encoder: Callable[[Any], Any] | None, **dumps_kwargs: Any
) -> str:
    """pydantic v1 ``BaseModel.json()``: ``json.dumps`` of ``.dict()`` with its encoder."""
    return json.dumps(data, default=encoder or _json_default, **dumps_kwargs)


class SeedModel:
    """The pydantic (v1) ``BaseModel`` methods that seed-era code calls on the seed's value types.

    The seed's types were pydantic v1 models; code written for it calls ``.dict()``, ``.json()``
    and ``.copy()`` and reads fields as attributes. These give the same results with the seed's
    field names and nesting, without depending on pydantic. ``_seed_fields`` lists the seed's
    fields in its order; fields added for today's server are attributes too.
    """

    __slots__ = ()
    _seed_fields: ClassVar[tuple[str, ...]] = ()

    def _default_of(self, name: str) -> Any:
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            if f.name == name:
                if f.default is not dataclasses.MISSING:
                    return f.default
                if f.default_factory is not dataclasses.MISSING:
                    return f.default_factory()
        return _NO_DEFAULT

    def dict(
        self,
        *,
        include: Any = None,
        exclude: Any = None,
        by_alias: bool = False,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> builtins.dict[str, Any]:
        """Generate a dictionary representation of the model (pydantic v1 ``BaseModel.dict``).

        Args:
            include: Field names to include (may name fields added for today's server).
            exclude: Field names to leave out.
            by_alias: Accepted for compatibility; the seed's types had no aliases.
            exclude_unset: Treated as ``exclude_defaults`` (these types do not record which
                fields were passed explicitly).
            exclude_defaults: Leave out fields equal to their default.
            exclude_none: Leave out fields that are None.

        Returns:
            The seed's fields (nested models as dicts).
        """
        all_fields = tuple(f.name for f in dataclasses.fields(self))  # type: ignore[arg-type]
        return model_dict(
            self,
            self._seed_fields or all_fields,
            all_fields,
            self._default_of,
            include=include,
            exclude=exclude,
            exclude_defaults=exclude_defaults or exclude_unset,
            exclude_none=exclude_none,
        )

    def json(
        self,
        *,
        include: Any = None,
        exclude: Any = None,
        by_alias: bool = False,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        encoder: Callable[[Any], Any] | None = None,
        **dumps_kwargs: Any,
    ) -> str:
        """Generate a JSON representation of the model (pydantic v1 ``BaseModel.json``).

        Args:
            include: See ``dict``.
            exclude: See ``dict``.
            by_alias: See ``dict``.
            exclude_unset: See ``dict``.
            exclude_defaults: See ``dict``.
            exclude_none: See ``dict``.
            encoder: ``default=`` function for values JSON cannot encode (bytes are decoded).
            **dumps_kwargs: Passed to ``json.dumps`` (e.g. ``indent=2``).

        Returns:
            A JSON string.
        """
        data = self.dict(
            include=include,
            exclude=exclude,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
        )
        return model_json(data, encoder, **dumps_kwargs)

    def copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Any:
        """Duplicate the model, with ``update`` applied (pydantic v1 ``BaseModel.copy``).

        Args:
            update: Field values to change in the copy (validated as on construction).
            deep: Accepted for compatibility; the values are immutable, so a copy is never shared
                state.

        Returns:
            The new instance.
        """
        return dataclasses.replace(self, **dict(update or {}))  # type: ignore[type-var]


def _str(d: Mapping[str, Any], key: str, default: str = "") -> str:
    v = d.get(key)
    if v is None:
        return default
    return v if isinstance(v, str) else str(v)


def _int(d: Mapping[str, Any], key: str, default: int = 0) -> int:
    v = d.get(key)
    if v is None or v == "":
        return default
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return v
    try:
        return int(v)
    except (TypeError, ValueError):
        return default


def _bool(d: Mapping[str, Any], key: str, default: bool = False) -> bool:
    v = d.get(key)
    if v is None:
        return default
    if isinstance(v, str):
        return v.strip().lower() in ("true", "t", "1", "yes", "y", "on")
    return bool(v)


# ======================================================================================
# Bucket identity
# ======================================================================================


@dataclass(frozen=True, slots=True)
class Namespace(SeedModel):
    """A bucket namespace: a remote cluster (``uuid``) and/or a name inside it.

    The default ``Namespace()`` is the global namespace.

    Attributes:
        uuid: The remote cluster's UUID or alias ("" for this cluster).
        name: The namespace name ("" for the default).
    """

    _seed_fields: ClassVar[tuple[str, ...]] = ("uuid", "name")

    uuid: str = ""
    name: str = ""

    def is_global(self) -> bool:
        """Return True for the global namespace (empty uuid and name)."""
        return not self.uuid and not self.name

    def get_path(self) -> str:
        """Return the namespace's uname, ``@<uuid>#<name>`` (``@#`` when global).

        This is the value of the ``namespace`` query parameter.
        """
        return f"{NS_UUID_PREFIX}{self.uuid}{NS_NAME_PREFIX}{self.name}"

    uname = get_path

    @classmethod
    def from_uname(cls, uname: str) -> Namespace:
        """Parse a namespace uname (``@uuid#name``, ``@uuid``, ``#name``, ``@#`` or "").

        Args:
            uname: The uname, as the server writes it.

        Returns:
            The namespace.
        """
        if uname in ("", NS_GLOBAL_UNAME):
            return cls()
        s = uname[1:] if uname.startswith(NS_UUID_PREFIX) else uname
        uuid, sep, name = s.partition(NS_NAME_PREFIX)
        return cls(uuid=uuid, name=name if sep else "")

    def as_dict(self) -> dict[str, str]:
        """Return the JSON shape used inside request bodies: ``{"uuid", "name"}``."""
        return {"uuid": self.uuid, "name": self.name}

    @classmethod
    def from_json(cls, d: Mapping[str, Any] | None) -> Namespace:
        """Build from ``{"uuid", "name"}`` (None gives the global namespace)."""
        if not d:
            return cls()
        return cls(uuid=_str(d, "uuid"), name=_str(d, "name"))


@dataclass(frozen=True, slots=True)
class Bck(SeedModel):
    """A bucket: name, provider and optional namespace.

    The provider is normalized on construction (``""`` -> ``ais``, ``s3`` -> ``aws``,
    ``gs`` -> ``gcp``, ``az`` -> ``azure``, ``oc`` -> ``oci``).

    Attributes:
        name: The bucket name.
        provider: The canonical provider.
        ns: The namespace, or None for the global one.

    Raises:
        InvalidBckProvider: For an unknown provider.
    """

    _seed_fields: ClassVar[tuple[str, ...]] = ("name", "provider", "ns")

    name: str
    provider: str = ProviderAIS
    ns: Namespace | None = None

    def __post_init__(self) -> None:
        p = normalize_provider(self.provider)
        if p != self.provider:
            object.__setattr__(self, "provider", p)

    def as_query(self) -> dict[str, str]:
        """Return the bucket's query parameters: ``provider`` and, if not global, ``namespace``.

        For a global namespace (None or ``Namespace()``) this is the seed's ``{"provider": ...}``.
        """
        q = {"provider": self.provider}
        if self.ns is not None and not self.ns.is_global():
            q["namespace"] = self.ns.get_path()
        return q

    def uname(self) -> str:
        """Return the bucket uname, ``<provider>/<ns-uname>/<name>/`` (e.g. ``ais/@#/b/``).

        This is the form of the ``bck_to`` query parameter; the trailing slash is required.
        """
        ns = self.ns.get_path() if self.ns is not None else NS_GLOBAL_UNAME
        return f"{self.provider}/{ns}/{self.name}/"

    get_path = uname

    @classmethod
    def from_uname(cls, uname: str) -> Bck:
        """Parse a bucket uname (``ais/@#/name/``; the trailing object part is ignored).

        Args:
            uname: The uname.

        Returns:
            The bucket.

        Raises:
            InvalidArgument: If the uname has fewer than three ``/``-separated parts.
        """
        parts = uname.split("/", 3)
        if len(parts) < 3 or not parts[2]:
            raise InvalidArgument(uname, "expected <provider>/<namespace>/<name>/", param="uname")
        ns = Namespace.from_uname(parts[1])
        return cls(name=parts[2], provider=parts[0], ns=None if ns.is_global() else ns)

    def cname(self, obj_name: str = "") -> str:
        """Return the canonical name, e.g. ``s3://b`` or ``ais://@uuid#ns/b/obj``."""
        s = f"{PROVIDER_SCHEMES.get(self.provider, self.provider)}://"
        if self.ns is not None and not self.ns.is_global():
            s += self.ns.get_path() + "/"
        s += self.name
        return f"{s}/{obj_name}" if obj_name else s

    def is_ais(self) -> bool:
        """Return True for an ``ais`` bucket of this cluster (global or local namespace)."""
        return self.provider == ProviderAIS and (self.ns is None or not self.ns.uuid)

    def is_remote(self) -> bool:
        """Return True for a cloud bucket or a bucket of a remote AIS cluster."""
        return not self.is_ais()

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON shape used inside request bodies (``cmn.Bck``)."""
        ns = self.ns if self.ns is not None else Namespace()
        return {"name": self.name, "provider": self.provider, "namespace": ns.as_dict()}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Bck:
        """Build from ``{"name", "provider", "namespace": {...}}``."""
        ns_raw = d.get("namespace")
        ns = Namespace.from_json(ns_raw if isinstance(ns_raw, Mapping) else None)
        return cls(
            name=_str(d, "name"),
            provider=_str(d, "provider", ProviderAIS),
            ns=None if ns.is_global() else ns,
        )


@dataclass(frozen=True, slots=True)
class ActionMsg(SeedModel):
    """The ``{"action", "name", "value"}`` body of most control-plane requests.

    Attributes:
        action: The action, e.g. ``"create-bck"``.
        name: An action-specific name (e.g. the new name for ``rename-obj``).
        value: An action-specific JSON value. ``None`` matters: ``{"action":"list"}`` with
            a null value lists buckets, any non-null value lists objects.
    """

    _seed_fields: ClassVar[tuple[str, ...]] = ("action", "name", "value")

    action: str
    name: str = ""
    value: Any = None

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON body."""
        return {"action": self.action, "name": self.name, "value": self.value}


# ======================================================================================
# Cluster map
# ======================================================================================


@dataclass(frozen=True, slots=True)
class NetInfo(SeedModel):
    """One network endpoint of a node.

    Attributes:
        node_hostname: Host or IP (the server's JSON key is ``node_ip_addr`` today).
        daemon_port: Port, as a string.
        direct_url: ``scheme://host:port`` of the node on this network.
    """

    _seed_fields: ClassVar[tuple[str, ...]] = ("node_hostname", "daemon_port", "direct_url")

    node_hostname: str = ""
    daemon_port: str = ""
    direct_url: str = ""

    @classmethod
    def from_json(cls, d: Mapping[str, Any] | None) -> NetInfo:
        """Build from the server's JSON (``node_ip_addr`` or the seed's ``node_hostname``)."""
        if not d:
            return cls()
        host = d.get("node_ip_addr")
        if host is None:
            host = d.get("node_hostname")
        return cls(
            node_hostname="" if host is None else str(host),
            daemon_port=_str(d, "daemon_port"),
            direct_url=_str(d, "direct_url"),
        )


# Snode.flags bits (core/meta/smap.go)
_SNODE_NON_ELECTABLE = 1 << 0
_SNODE_IC = 1 << 1
_SNODE_MAINT = 1 << 2
_SNODE_DECOMM = 1 << 3


@dataclass(frozen=True, slots=True)
class Snode(SeedModel):
    """A cluster node (proxy or target).

    Attributes:
        daemon_id: The node ID.
        daemon_type: ``"proxy"`` or ``"target"``.
        public_net: The public endpoint.
        intra_control_net: The intra-cluster control endpoint.
        intra_data_net: The intra-cluster data endpoint.
        flags: Bit flags (non-electable 1, IC member 2, maintenance 4, decommissioning 8).
        id_digest: The node's HRW digest (today's server).
        pub_extra: Extra public endpoints of a multihomed node (today's server).
    """

    _seed_fields: ClassVar[tuple[str, ...]] = (
        "daemon_id",
        "daemon_type",
        "public_net",
        "intra_control_net",
        "intra_data_net",
        "flags",
    )

    daemon_id: str
    daemon_type: str
    public_net: NetInfo | None = None
    intra_control_net: NetInfo | None = None
    intra_data_net: NetInfo | None = None
    flags: int = 0
    id_digest: int = 0
    pub_extra: tuple[NetInfo, ...] = ()

    @property
    def in_maintenance_or_decommission(self) -> bool:
        """True if the node is in maintenance or being decommissioned."""
        return bool(self.flags & (_SNODE_MAINT | _SNODE_DECOMM))

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Snode:
        """Build from the server's JSON node (extra keys are ignored)."""

        def net(key: str) -> NetInfo | None:
            raw = d.get(key)
            return NetInfo.from_json(raw) if isinstance(raw, Mapping) else None

        extra_raw = d.get("pub_extra")
        extra = (
            tuple(NetInfo.from_json(x) for x in extra_raw if isinstance(x, Mapping))
            if isinstance(extra_raw, list)
            else ()
        )
        return cls(
            daemon_id=_str(d, "daemon_id"),
            daemon_type=_str(d, "daemon_type"),
            public_net=net("public_net"),
            intra_control_net=net("intra_control_net"),
            intra_data_net=net("intra_data_net"),
            flags=_int(d, "flags"),
            id_digest=_int(d, "id_digest"),
            pub_extra=extra,
        )


@dataclass(frozen=True, slots=True)
class Smap(SeedModel):
    """The cluster map.

    Attributes:
        tmap: Targets by ID.
        pmap: Proxies by ID.
        proxy_si: The primary proxy.
        version: The map's version (the server sends it as a JSON string).
        uuid: The cluster's UUID.
        creation_time: When the cluster was created (server-formatted string).
    """

    _seed_fields: ClassVar[tuple[str, ...]] = ("tmap", "pmap", "proxy_si", "version", "uuid", "creation_time")

    tmap: Mapping[str, Snode]
    pmap: Mapping[str, Snode]
    proxy_si: Snode
    version: int = 0
    uuid: str = ""
    creation_time: str = ""

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Smap:
        """Build from the server's JSON Smap (extra keys are ignored)."""

        def nodes(key: str) -> dict[str, Snode]:
            raw = d.get(key)
            if not isinstance(raw, Mapping):
                return {}
            return {k: Snode.from_json(v) for k, v in raw.items() if isinstance(v, Mapping)}

        primary_raw = d.get("proxy_si")
        primary = (
            Snode.from_json(primary_raw)
            if isinstance(primary_raw, Mapping)
            else Snode(daemon_id="", daemon_type="proxy")
        )
        return cls(
            tmap=nodes("tmap"),
            pmap=nodes("pmap"),
            proxy_si=primary,
            version=_int(d, "version"),
            uuid=_str(d, "uuid"),
            creation_time=_str(d, "creation_time"),
        )

    @property
    def primary_url(self) -> str:
        """The primary proxy's public URL ("" if unknown)."""
        return self.proxy_si.public_net.direct_url if self.proxy_si.public_net else ""


# ======================================================================================
# Jobs
# ======================================================================================


@dataclass(frozen=True, slots=True)
class JobStatus(SeedModel):
    """The status of one job (xaction), as ``GET /v1/cluster?what=status`` returns it.

    Attributes:
        uuid: The job ID.
        err: The error message ("" if none).
        end_time: When the job ended, in unix nanoseconds (0 while running).
        aborted: Whether the job was aborted.
        kind: The job kind, e.g. ``"copy-bck"`` (today's server).
        is_idle: Whether the job is idle (today's server, may be absent).
    """

    _seed_fields: ClassVar[tuple[str, ...]] = ("uuid", "err", "end_time", "aborted")

    uuid: str = ""
    err: str = ""
    end_time: int = 0
    aborted: bool = False
    kind: str = ""
    is_idle: bool = False

    @property
    def is_finished(self) -> bool:
        """True once the job has ended (successfully or not)."""
        return self.end_time != 0

    @property
    def succeeded(self) -> bool:
        """True if the job ended without error and was not aborted."""
        return self.is_finished and not self.err and not self.aborted

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> JobStatus:
        """Build from the server's ``nl.Status`` JSON (extra keys are ignored)."""
        return cls(
            uuid=_str(d, "uuid"),
            err=_str(d, "err"),
            end_time=_int(d, "end_time"),
            aborted=_bool(d, "aborted"),
            kind=_str(d, "kind"),
            is_idle=_bool(d, "is_idle"),
        )


# ======================================================================================
# Object range
# ======================================================================================


def _check_index(name: str, v: object) -> int:
    # The seed-era ObjectRange formatted its indices with str(), so ints given as strings ("1")
    # worked there; they are read as ints here.
    if isinstance(v, str) and v.strip().lstrip("-").isdigit():
        return int(v)
    if isinstance(v, bool) or not isinstance(v, int):
        raise InvalidObjectRangeIndex(f"{name} must be an int, got {v!r}")
    return v


@dataclass(frozen=True, slots=True)
class ObjectRange(SeedModel):
    """A range of object names, rendered as the AIS template ``prefix{min..max..step}suffix``.

    Indices are zero-padded to ``pad_width`` digits, e.g.
    ``str(ObjectRange("shard-", 1, 99, pad_width=4, suffix=".tar"))`` is
    ``"shard-{0001..0099..1}.tar"``.

    Attributes:
        prefix: Text before the index.
        min_index: First index (>= 0).
        max_index: Last index, inclusive (>= min_index).
        pad_width: Zero-pad indices to this many digits (0: no padding).
        step: Step between indices (>= 1).
        suffix: Text after the index.

    Raises:
        InvalidObjectRangeIndex: On construction, for a negative or non-int index,
            ``min_index > max_index``, ``step < 1``, a negative ``pad_width``, a
            ``pad_width`` too small for ``min_index``, or braces in prefix / suffix.
            As in the seed, only ``min_index`` must fit ``pad_width``: ``ObjectRange("o", 1,
            100, pad_width=2)`` is ``o{01..100..1}``. Unlike the seed, ``min_index ==
            max_index`` (a range of one name) is accepted; today's official SDK refuses it.
    """

    _seed_fields: ClassVar[tuple[str, ...]] = (
        "prefix",
        "min_index",
        "max_index",
        "pad_width",
        "step",
        "suffix",
    )

    prefix: str
    min_index: int
    max_index: int
    pad_width: int = 0
    step: int = 1
    suffix: str = ""

    def __post_init__(self) -> None:
        lo = _check_index("min_index", self.min_index)
        hi = _check_index("max_index", self.max_index)
        pad = _check_index("pad_width", self.pad_width)
        step = _check_index("step", self.step)
        for name, v in (("min_index", lo), ("max_index", hi), ("pad_width", pad), ("step", step)):
            if getattr(self, name) is not v:
                object.__setattr__(self, name, v)
        if lo < 0:
            raise InvalidObjectRangeIndex(f"min_index {lo} must not be negative")
        if lo > hi:
            raise InvalidObjectRangeIndex(f"min_index {lo} must not be greater than {hi}")
        if step < 1:
            raise InvalidObjectRangeIndex(f"step {step} must be >= 1")
        if pad < 0:
            raise InvalidObjectRangeIndex(f"pad_width {pad} must not be negative")
        if pad and len(str(lo)) > pad:
            raise InvalidObjectRangeIndex(
                f"number of digits in min index {lo} must not be greater than pad width {pad}"
            )
        for part in (self.prefix, self.suffix):
            if "{" in part or "}" in part:
                raise InvalidObjectRangeIndex(f"prefix/suffix must not contain braces: {part!r}")

    def __str__(self) -> str:
        w = self.pad_width
        return f"{self.prefix}{{{self.min_index:0{w}d}..{self.max_index:0{w}d}..{self.step}}}{self.suffix}"

    def __iter__(self) -> Iterator[str]:
        """Yield every object name in the range, in order."""
        w = self.pad_width
        for i in range(self.min_index, self.max_index + 1, self.step):
            yield f"{self.prefix}{i:0{w}d}{self.suffix}"

    def __len__(self) -> int:
        return len(range(self.min_index, self.max_index + 1, self.step))


# ======================================================================================
# ETL
# ======================================================================================


@dataclass(frozen=True, slots=True)
class ETL(SeedModel):
    """One entry of the ETL list (``GET /v1/etl``).

    Attributes:
        id: The ETL's name (the server's JSON key is still ``id``).
        obj_count: Objects transformed.
        in_bytes: Bytes read.
        out_bytes: Bytes written.
        stage: ``Initializing``, ``Running``, ``Aborted`` or ``Unknown`` (today's server).
        xaction_id: The ETL's job ID (today's server).
    """

    _seed_fields: ClassVar[tuple[str, ...]] = ("id", "obj_count", "in_bytes", "out_bytes")

    id: str = ""
    obj_count: int = 0
    in_bytes: int = 0
    out_bytes: int = 0
    stage: str = ""
    xaction_id: str = ""

    @property
    def name(self) -> str:
        """The ETL's name (same as ``id``)."""
        return self.id

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ETL:
        """Build from one list entry (extra keys are ignored)."""
        return cls(
            id=_str(d, "id") or _str(d, "name"),
            obj_count=_int(d, "obj_count"),
            in_bytes=_int(d, "in_bytes"),
            out_bytes=_int(d, "out_bytes"),
            stage=_str(d, "stage"),
            xaction_id=_str(d, "xaction_id"),
        )


@dataclass(frozen=True, slots=True)
class ETLObjError:
    """A per-object error recorded by an ETL.

    Attributes:
        obj_name: The object.
        message: The error.
        ecode: The HTTP-like error code.
    """

    obj_name: str = ""
    message: str = ""
    ecode: int = 0

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ETLObjError:
        """Build from ``{"obj_name", "msg", "ecode"}``."""
        return cls(obj_name=_str(d, "obj_name"), message=_str(d, "msg"), ecode=_int(d, "ecode"))


def _b64decode(v: object) -> bytes | None:
    if v is None or v == "":
        return None
    if isinstance(v, bytes):
        raw = v
    elif isinstance(v, str):
        raw = v.encode("ascii", errors="ignore")
    else:
        return None
    try:
        return base64.b64decode(raw, validate=False)
    except (binascii.Error, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class ETLDetails(SeedModel):
    """What the server knows about one ETL (``GET /v1/etl/<name>``).

    Built with :meth:`from_json` from today's ``{"init_msg": ..., "obj_errors": [...]}``
    answer, or from the seed-era flat init message.

    Attributes:
        id: The ETL's name (``init_msg.name``; the seed-era key was ``id``).
        communication: ``hpush://``, ``hpull://`` or ``ws://``.
        timeout: The init timeout (``init_timeout``; seed era: ``timeout``), e.g. ``"5m"``.
        code: Decoded transform code (seed-era init-from-code only; None today).
        spec: The pod spec, base64-decoded (``str`` when it is UTF-8, else ``bytes``).
        dependencies: Decoded dependencies (seed-era init-from-code only).
        runtime: The runtime: the container image today (``init_msg.runtime.image``),
            or the seed-era runtime name (e.g. ``python3.11v2``).
        chunk_size: The seed-era streaming chunk size (0 today).
        obj_timeout: The per-object timeout (today's server), e.g. ``"45s"``.
        support_direct_put: Whether the ETL writes directly to targets (today's server).
        init_msg: The raw init message as returned by the server.
        obj_errors: Per-object errors (today's server).
    """

    _seed_fields: ClassVar[tuple[str, ...]] = (
        "id",
        "communication",
        "timeout",
        "code",
        "spec",
        "dependencies",
        "runtime",
        "chunk_size",
    )

    id: str
    communication: str = ""
    timeout: str = ""
    code: bytes | None = None
    spec: str | bytes | None = None
    dependencies: str | None = None
    runtime: str | None = None
    chunk_size: int = 0
    obj_timeout: str = ""
    support_direct_put: bool = False
    init_msg: Mapping[str, Any] = field(default_factory=dict)
    obj_errors: tuple[ETLObjError, ...] = ()

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ETLDetails:
        """Build from the server's answer (today's or the seed-era shape)."""
        raw_init = d.get("init_msg")
        msg: Mapping[str, Any] = raw_init if isinstance(raw_init, Mapping) else d
        spec_bytes = _b64decode(msg.get("spec"))
        spec: str | bytes | None = spec_bytes
        if spec_bytes is not None:
            try:
                spec = spec_bytes.decode("utf-8")
            except UnicodeDecodeError:
                spec = spec_bytes
        deps = _b64decode(msg.get("dependencies"))
        runtime_raw = msg.get("runtime")
        runtime: str | None
        if isinstance(runtime_raw, Mapping):
            runtime = _str(runtime_raw, "image") or None
        elif isinstance(runtime_raw, str):
            runtime = runtime_raw or None
        else:
            runtime = None
        errs_raw = d.get("obj_errors")
        errs = (
            tuple(ETLObjError.from_json(e) for e in errs_raw if isinstance(e, Mapping))
            if isinstance(errs_raw, list)
            else ()
        )
        return cls(
            id=_str(msg, "name") or _str(msg, "id"),
            communication=_str(msg, "communication"),
            timeout=_str(msg, "init_timeout") or _str(msg, "timeout"),
            code=_b64decode(msg.get("code")),
            spec=spec,
            dependencies=deps.decode("utf-8", errors="replace") if deps is not None else None,
            runtime=runtime,
            chunk_size=_int(msg, "chunk_size"),
            obj_timeout=_str(msg, "obj_timeout"),
            support_direct_put=_bool(msg, "support_direct_put"),
            init_msg=dict(msg),
            obj_errors=errs,
        )


# -- reader / copy options with the official SDK 2.0's names --------------------------------------
#: ``ArchiveConfig.mode`` values (the GET's ``archmode``; AIS ``archive.MatchMode``).
ARCHIVE_MODES: Final = ("regexp", "prefix", "suffix", "substr", "wdskey")


@dataclass(frozen=True)
class ArchiveConfig:
    """What to read from an archive object (official SDK 2.0's ``ArchiveConfig``).

    Args:
        archpath: One member, by its path inside the archive (the GET's ``archpath``).
        regex: Several members matching ``regex`` per ``mode`` (``archregx``; the answer is a
            tar of the matches).
        mode: One of ``regexp``, ``prefix``, ``suffix``, ``substr``, ``wdskey`` (``archmode``);
            2.0's ``ArchiveMode`` enum members are accepted too.

    Raises:
        InvalidArgument: ``mode`` without ``regex`` (or the reverse), both ``regex`` and
            ``archpath``, or an unknown mode.
    """

    archpath: str = ""
    regex: str = ""
    mode: Any = None

    def __post_init__(self) -> None:
        check_archive_config(self)


def check_archive_config(cfg: Any) -> dict[str, str]:
    """The GET query of an ``ArchiveConfig`` (ours or 2.0's: any object with its attributes)."""
    archpath = getattr(cfg, "archpath", "") or ""
    regex = getattr(cfg, "regex", "") or ""
    mode = getattr(cfg, "mode", None)
    mode = getattr(mode, "value", mode)
    if not all(isinstance(v, str) for v in (archpath, regex)) or (
        mode is not None and not isinstance(mode, str)
    ):
        raise InvalidArgument(cfg, "archpath, regex and mode must be str", param="archive_config")
    if bool(mode) != bool(regex):
        raise InvalidArgument(cfg, "regex and mode go together", param="archive_config")
    if regex and archpath:
        raise InvalidArgument(cfg, "give archpath or regex, not both", param="archive_config")
    if mode and mode not in ARCHIVE_MODES:
        raise InvalidArgument(mode, f"must be one of {', '.join(ARCHIVE_MODES)}", param="archive_config.mode")
    q = {"archpath": archpath} if archpath else {}
    if regex:
        q.update(archregx=regex, archmode=mode or "")
    return q


@dataclass(frozen=True)
class BlobDownloadConfig:
    """A GET served by the blob downloader (official SDK 2.0's ``BlobDownloadConfig``): sent as
    the ``Ais-Blob-Download`` / ``Ais-Blob-Chunk`` / ``Ais-Blob-Workers`` request headers.

    Args:
        chunk_size: Chunk size (bytes, or IEC/SI text such as ``"1MiB"``; server default if None).
        num_workers: Concurrent blob readers (server default if None).
    """

    chunk_size: str | int | None = None
    num_workers: str | int | None = None


@dataclass(frozen=True)
class ETLConfig:
    """An ETL to apply (official SDK 2.0's ``ETLConfig``): the ``etl_name`` / ``etl_args`` query.

    Args:
        name: The ETL's name.
        args: Its arguments: a str, or a dict sent as compact JSON.
    """

    name: str = ""
    args: str | dict[str, Any] | None = None

    def query(self) -> dict[str, str]:
        """The ``etl_name`` / ``etl_args`` query parameters ({} without a name)."""
        return etl_query(self)


def etl_query(cfg: Any) -> dict[str, str]:
    """``etl_name`` / ``etl_args`` of an ``ETLConfig`` (ours or 2.0's; a name str alone works)."""
    from aistore_hl.validation import validate_etl_name

    if isinstance(cfg, str):
        return {"etl_name": validate_etl_name(cfg)}
    name = getattr(cfg, "name", None)
    name = getattr(name, "name", name)  # 2.0 takes an Etl object too
    if not name:
        return {}
    if not isinstance(name, str):
        raise InvalidArgument(cfg, "must be an ETLConfig with a str name", param="etl")
    q = {"etl_name": validate_etl_name(name)}
    args = getattr(cfg, "args", None)
    if isinstance(args, dict):
        q["etl_args"] = json.dumps(args, separators=(",", ":"))
    elif isinstance(args, str) and args:
        q["etl_args"] = args
    elif args:
        raise InvalidArgument(args, "must be a str or a dict", param="etl.args")
    return q
