"""Bucket properties (typed, get / set / reset) and bucket summary / info, sync and async.

``BucketProps`` is the server's ``cmn.Bprops`` (the ``Ais-Bucket-Props`` header of a bucket HEAD)
with typed sections; the same section classes, with ``None`` for "leave unchanged", are what
``set_props`` sends (``cmn.BpropsToSet``). Unknown section names and wrongly typed values are
refused before any request. Summary and info start a server job and poll it: the poll is a pure
step (``SummaryPoll``) with one short driver per twin, bounded by a timeout.
"""

from __future__ import annotations

import asyncio
import datetime
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any, ClassVar, Final, Self

from aistore_hl import _ops, _plans_api
from aistore_hl.errors import InvalidArgument, Timeout, UnexpectedResponse
from aistore_hl.header import Header
from aistore_hl.types import Bck, Namespace

if TYPE_CHECKING:
    from aistore_hl.bucket import AsyncBucket, Bucket

__all__ = [
    "BucketProps",
    "BucketSummary",
    "ChecksumProps",
    "MirrorProps",
    "ShardSummary",
    "VersioningProps",
    "WritePolicyProps",
]


def _u64(value: Any) -> int:
    """A uint64 the server writes as a string (``access``, ``features``, counts, sizes)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@dataclass(frozen=True, slots=True)
class _Section:
    """A props section: read, every field is set; to set, ``None`` leaves a field unchanged."""

    _types: ClassVar[Mapping[str, type | tuple[type, ...]]] = {}

    def to_json(self) -> dict[str, Any]:
        """The fields that are set, as the server's JSON keys."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_json(cls, d: Mapping[str, Any] | None) -> Self:
        """Build from the server's JSON section (unknown keys are ignored)."""
        d = d or {}
        return cls(**{f.name: d.get(f.name) for f in fields(cls)})

    @classmethod
    def coerce(cls, value: object, param: str) -> dict[str, Any]:
        """A section given to ``set_props`` (this class or a mapping), checked locally."""
        if isinstance(value, cls):
            out = value.to_json()
        elif isinstance(value, Mapping):
            names = {f.name for f in fields(cls)}
            unknown = sorted(set(value) - names)
            if unknown:
                raise InvalidArgument(
                    unknown, f"unknown {param} properties; known: {sorted(names)}", param=param
                )
            out = {k: v for k, v in value.items() if v is not None}
        else:
            raise InvalidArgument(value, f"must be a {cls.__name__} or a mapping", param=param)
        for k, v in out.items():
            want = cls._types[k]
            if not isinstance(v, want) or (isinstance(v, bool) and want is int):
                raise InvalidArgument(v, f"{param}.{k} has the wrong type", param=f"{param}.{k}")
        return out


@dataclass(frozen=True, slots=True)
class ChecksumProps(_Section):
    """``checksum``: the type objects get (``xxhash2``, ``md5``, ``crc32c``, ``sha256``,
    ``sha512``, ``none``) and when it is validated."""

    _types: ClassVar[Mapping[str, type | tuple[type, ...]]] = {
        "type": str,
        "validate_cold_get": bool,
        "validate_warm_get": bool,
        "validate_obj_move": bool,
        "enable_read_range": bool,
    }
    type: str | None = None
    validate_cold_get: bool | None = None
    validate_warm_get: bool | None = None
    validate_obj_move: bool | None = None
    enable_read_range: bool | None = None


@dataclass(frozen=True, slots=True)
class VersioningProps(_Section):
    """``versioning``: object versions, and re-validation against a remote backend."""

    _types: ClassVar[Mapping[str, type | tuple[type, ...]]] = {
        "enabled": bool,
        "validate_warm_get": bool,
        "synchronize": bool,
    }
    enabled: bool | None = None
    validate_warm_get: bool | None = None
    synchronize: bool | None = None


@dataclass(frozen=True, slots=True)
class MirrorProps(_Section):
    """``mirror``: n-way local mirroring (setting it may start a ``make-n-copies`` job)."""

    _types: ClassVar[Mapping[str, type | tuple[type, ...]]] = {
        "copies": int,
        "burst_buffer": int,
        "enabled": bool,
    }
    copies: int | None = None
    burst_buffer: int | None = None
    enabled: bool | None = None


@dataclass(frozen=True, slots=True)
class WritePolicyProps(_Section):
    """``write_policy``: when data and metadata are written (``immediate``, ``delayed``, ``never``)."""

    _types: ClassVar[Mapping[str, type | tuple[type, ...]]] = {"data": str, "md": str}
    data: str | None = None
    md: str | None = None


_SECTIONS: Final[Mapping[str, type[_Section]]] = {
    "checksum": ChecksumProps,
    "versioning": VersioningProps,
    "mirror": MirrorProps,
    "write_policy": WritePolicyProps,
}
# Sections passed through as mappings (their keys vary by release: EC, LRU, chunks, rate limits).
_OPEN_SECTIONS: Final = ("ec", "lru", "chunks", "rate_limit", "extra")


@dataclass(frozen=True, slots=True)
class BucketProps:
    """A bucket's properties (``Bucket.props()``; the server's ``cmn.Bprops``).

    Attributes:
        provider: ``ais``, ``aws``, ``gcp``, ``azure``, ``oci``.
        backend_bck: The backend bucket of an ais bucket with one (else None).
        checksum, versioning, mirror, write_policy: Typed sections.
        ec, lru, chunks, rate_limit, extra: The other sections, as the server sent them.
        access: Access permission bits (``apc.AccessAttrs``).
        features: Feature flags.
        bid: The bucket id.
        created: Creation time (None if not reported).
        raw: Everything the server sent.
    """

    provider: str
    backend_bck: Bck | None
    checksum: ChecksumProps
    versioning: VersioningProps
    mirror: MirrorProps
    write_policy: WritePolicyProps
    ec: Mapping[str, Any]
    lru: Mapping[str, Any]
    chunks: Mapping[str, Any]
    rate_limit: Mapping[str, Any]
    extra: Mapping[str, Any]
    access: int
    features: int
    bid: int
    created: datetime.datetime | None
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> BucketProps:
        """Build from the ``Ais-Bucket-Props`` JSON."""
        backend = d.get("backend_bck") or {}
        created_ns = _u64(d.get("created"))
        return cls(
            provider=str(d.get("provider") or ""),
            backend_bck=Bck.from_json(backend) if backend.get("name") else None,
            checksum=ChecksumProps.from_json(d.get("checksum")),
            versioning=VersioningProps.from_json(d.get("versioning")),
            mirror=MirrorProps.from_json(d.get("mirror")),
            write_policy=WritePolicyProps.from_json(d.get("write_policy")),
            ec=dict(d.get("ec") or {}),
            lru=dict(d.get("lru") or {}),
            chunks=dict(d.get("chunks") or {}),
            rate_limit=dict(d.get("rate_limit") or {}),
            extra=dict(d.get("extra") or {}),
            access=_u64(d.get("access")),
            features=_u64(d.get("features")),
            bid=_u64(d.get("bid")),
            created=datetime.datetime.fromtimestamp(created_ns / 1e9, datetime.UTC) if created_ns else None,
            raw=dict(d),
        )

    @classmethod
    def from_header(cls, hdr: Header) -> BucketProps:
        """Build from a bucket HEAD's headers."""
        props = hdr.bucket_props
        if props is None:
            raise UnexpectedResponse("bucket HEAD without a usable Ais-Bucket-Props header")
        return cls.from_json(props)


def props_to_set(
    *,
    checksum: object = None,
    versioning: object = None,
    mirror: object = None,
    write_policy: object = None,
    access: object = None,
    features: object = None,
    force: bool = False,
    **open_sections: object,
) -> dict[str, Any]:
    """The ``BpropsToSet`` JSON of a ``set_props`` call; raises ``InvalidArgument`` locally."""
    out: dict[str, Any] = {}
    for name, value in (
        ("checksum", checksum),
        ("versioning", versioning),
        ("mirror", mirror),
        ("write_policy", write_policy),
    ):
        if value is not None:
            section = _SECTIONS[name].coerce(value, name)
            if section:
                out[name] = section
    for name, value in open_sections.items():
        if name not in _OPEN_SECTIONS:
            known = sorted([*_SECTIONS, *_OPEN_SECTIONS, "access", "features", "force"])
            raise InvalidArgument(name, f"unknown bucket property section; known: {known}", param=name)
        if value is not None:
            if not isinstance(value, Mapping):
                raise InvalidArgument(value, "must be a mapping", param=name)
            out[name] = dict(value)
    for name, value in (("access", access), ("features", features)):
        if value is not None:
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise InvalidArgument(value, "must be an int >= 0 (a bit mask)", param=name)
            out[name] = str(value)  # uint64 as a string on the wire
    if not isinstance(force, bool):
        raise InvalidArgument(force, "must be a bool", param="force")
    if not out:
        raise InvalidArgument("", "nothing to set: give at least one property", param="props")
    if force:
        out["force"] = True
    return out


# -- summary ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BucketSummary:
    """A bucket's summary (the server's ``cmn.BsummResult``).

    Attributes:
        name, provider, namespace: The bucket.
        obj_count_present: Objects in the cluster; ``obj_count_remote`` in the remote backend
            only (counted by ``info(bsumm_remote=True)``).
        obj_min_size, obj_avg_size, obj_max_size: Object sizes, in bytes.
        size_on_disk: Bytes the bucket takes on the targets' disks (with metadata, copies);
            ``size_all_present_objs`` / ``size_all_remote_objs``: the objects' own bytes.
        total_disks_size: Capacity of all the targets' disks.
        used_pct: ``size_on_disk`` as a percentage of ``total_disks_size``.
        is_present: Whether a remote bucket is in the cluster's metadata.
    """

    name: str
    provider: str
    namespace: Namespace | None
    obj_count_present: int
    obj_count_remote: int
    obj_min_size: int
    obj_avg_size: int
    obj_max_size: int
    size_on_disk: int
    size_all_present_objs: int
    size_all_remote_objs: int
    total_disks_size: int
    used_pct: int
    is_present: bool

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> BucketSummary:
        """Build from one ``BsummResult`` JSON object."""
        count, size, total = d.get("ObjCount") or {}, d.get("ObjSize") or {}, d.get("TotalSize") or {}
        ns = d.get("namespace") or {}
        return cls(
            name=str(d.get("name") or ""),
            provider=str(d.get("provider") or ""),
            namespace=Namespace(uuid=ns.get("uuid", ""), name=ns.get("name", "")) if ns else None,
            obj_count_present=_u64(count.get("obj_count_present")),
            obj_count_remote=_u64(count.get("obj_count_remote")),
            obj_min_size=_u64(size.get("obj_min_size")),
            obj_avg_size=_u64(size.get("obj_avg_size")),
            obj_max_size=_u64(size.get("obj_max_size")),
            size_on_disk=_u64(total.get("size_on_disk")),
            size_all_present_objs=_u64(total.get("size_all_present_objs")),
            size_all_remote_objs=_u64(total.get("size_all_remote_objs")),
            total_disks_size=_u64(total.get("total_disks_size")),
            used_pct=_u64(d.get("used_pct")),
            is_present=bool(d.get("is_present")),
        )


@dataclass(frozen=True, slots=True)
class ShardSummary:
    """A bucket's TAR shards and their shard-index coverage (the server's ``apc.ShardSummResult``,
    summed over the targets; ``Bucket.shard_summary()``).

    Attributes:
        tar_objs: TAR objects in the cluster; ``tar_size`` their bytes.
        shards: TAR objects with a valid shard index; ``shard_size`` their bytes.
        archived_objs: Files inside the validly indexed shards.
        stale_indexes: TAR objects whose index is older than the object (re-index them).
        invalid_indexes: TAR objects whose index failed to load.
    """

    tar_objs: int
    tar_size: int
    shards: int
    shard_size: int
    archived_objs: int
    stale_indexes: int
    invalid_indexes: int

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ShardSummary:
        """Build from one ``ShardSummResult`` JSON object (uint64 strings, ``tar-objs``...)."""
        return cls(**{f.name: _u64(d.get(f.name.replace("_", "-"))) for f in fields(cls)})


class SummaryPoll:
    """The pure steps of a summary job: start, then poll with its id until 200.

    ``step(status, payload)`` takes each answer and returns None while the job runs, or the
    result once done; ``next_delay()`` is how long to wait before the next poll.
    """

    def __init__(self, timeout: float, job_id: str = "") -> None:
        if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
            raise InvalidArgument(timeout, "must be a number of seconds > 0", param="timeout")
        if not isinstance(job_id, str):
            raise InvalidArgument(job_id, "must be a str (a summary job id)", param="uuid")
        self.timeout = float(timeout)
        self.job_id = job_id
        self._start = time.monotonic()
        self._polls = 0

    def step(self, status: int, payload: Any) -> list[BucketSummary] | None:
        """Consume one answer of ``summary-bck``."""
        if not self.job_id:
            if status != 202 or not isinstance(payload, str) or not payload:
                raise UnexpectedResponse(f"bucket summary: expected 202 and a job id, got {status}")
            self.job_id = payload
            return None
        if status == 200:
            return [BucketSummary.from_json(s) for s in payload or []]
        if status not in (202, 206):
            raise UnexpectedResponse(f"bucket summary: unexpected status {status}")
        return None

    def next_delay(self) -> float:
        """Seconds before the next poll; raises ``Timeout`` once the time is up."""
        elapsed = time.monotonic() - self._start
        if elapsed >= self.timeout:
            raise Timeout("bucket summary", f"job {self.job_id} still running after {self.timeout}s")
        delay = min(1.0, 0.05 * float(2**self._polls))  # small buckets take milliseconds
        self._polls += 1
        return min(delay, self.timeout - elapsed)


def check_summary_args(prefix: object, cached: object, present: object) -> None:
    if not isinstance(prefix, str):
        raise InvalidArgument(prefix, "must be a str", param="prefix")
    for name, v in (("cached", cached), ("present", present)):
        if not isinstance(v, bool):
            raise InvalidArgument(v, "must be a bool", param=name)


# -- sync ------------------------------------------------------------------------------------------
def get_props(bucket: Bucket) -> BucketProps:
    """Sync driver of ``Bucket.props``."""
    return BucketProps.from_header(bucket.client._rc.run(_ops.head_bck(bucket.bck)))


def set_props(bucket: Bucket, props: dict[str, Any]) -> str:
    """Sync driver of ``Bucket.set_props`` (``props`` from ``props_to_set``)."""
    return bucket.client._rc.run(_plans_api.set_bucket_props(bucket.bck, props))


def reset_props(bucket: Bucket) -> str:
    """Sync driver of ``Bucket.reset_props``."""
    return bucket.client._rc.run(_plans_api.reset_bucket_props(bucket.bck))


def summary(
    bucket: Bucket,
    prefix: str = "",
    cached: bool = True,
    present: bool = True,
    timeout: float = 300,
    *,
    uuid: str = "",
) -> BucketSummary:
    """Sync driver of ``Bucket.summary`` (``uuid``: poll that job, start none)."""
    check_summary_args(prefix, cached, present)
    poll = SummaryPoll(timeout, job_id=uuid)
    rc, bck = bucket.client._rc, bucket.bck
    while True:
        plan = _plans_api.bucket_summary(bck, uuid=poll.job_id, prefix=prefix, cached=cached, present=present)
        result = poll.step(*rc.run(plan))
        if result is not None:
            return _one(result, bck)
        time.sleep(poll.next_delay())


def _one(results: list[BucketSummary], bck: Bck) -> BucketSummary:
    for r in results:
        if r.name == bck.name:
            return r
    if len(results) == 1:
        return results[0]
    raise UnexpectedResponse(f"bucket summary: no result for {bck.cname('')!r} in {len(results)} results")


# -- async -----------------------------------------------------------------------------------------
async def aget_props(bucket: AsyncBucket) -> BucketProps:
    """Async driver of ``AsyncBucket.props``."""
    return BucketProps.from_header(await bucket.client._rc.run(_ops.head_bck(bucket.bck)))


async def aset_props(bucket: AsyncBucket, props: dict[str, Any]) -> str:
    """Async driver of ``AsyncBucket.set_props``."""
    return await bucket.client._rc.run(_plans_api.set_bucket_props(bucket.bck, props))


async def areset_props(bucket: AsyncBucket) -> str:
    """Async driver of ``AsyncBucket.reset_props``."""
    return await bucket.client._rc.run(_plans_api.reset_bucket_props(bucket.bck))


async def asummary(
    bucket: AsyncBucket,
    prefix: str = "",
    cached: bool = True,
    present: bool = True,
    timeout: float = 300,
    *,
    uuid: str = "",
) -> BucketSummary:
    """Async driver of ``AsyncBucket.summary``."""
    check_summary_args(prefix, cached, present)
    poll = SummaryPoll(timeout, job_id=uuid)
    rc, bck = bucket.client._rc, bucket.bck
    while True:
        plan = _plans_api.bucket_summary(bck, uuid=poll.job_id, prefix=prefix, cached=cached, present=present)
        result = poll.step(*(await rc.run(plan)))
        if result is not None:
            return _one(result, bck)
        await asyncio.sleep(poll.next_delay())
