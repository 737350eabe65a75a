"""Bucket jobs: n-way mirroring, rechunking, shard indexing, erasure coding, and the shard summary;
sync and async.

Each job-starting action is one POST ``/v1/buckets/{bucket}`` with an ``ActMsg`` and answers with
the job id (``Job.wait`` it). The shard summary is a GET that starts a job, then is polled with its
id: a pure step (``ShardSummPoll``) with one short driver per twin, bounded by a timeout, as the
bucket summary (``bucket_props.SummaryPoll``).

What the server expects (AIS 5.0, ``ais/proxy.go``, ``ais/prxtxn.go``, ``api/bucket.go``):

- ``make-n-copies``: the value is the number of copies, a JSON number;
- ``rechunk``: the target refuses a message without a chunk size ("chunk size is not set"), so an
  omitted ``chunk_size`` / ``objsize_limit`` is the bucket's ``chunks`` property, as the CLI fills it
  (one HEAD first);
- ``ec-encode``: the value is the ``ECConfToSet`` JSON *as a string* (``api.ECEncodeBucket``); sent
  as an object, the proxy answers 400 "invalid ec-encode request" whatever the config. Check and
  recover is the ActMsg name ``recover``, not a config field.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import httpx
from aistore_ll.models import ActMsg, ECEncodeMsg, IndexShardMsg, RechunkMsg, ShardSummMsg
from aistore_ll.types import UNSET

from aistore_hl import _ops
from aistore_hl._endpoints import list_objects, perform_bucket_action
from aistore_hl._ops import Plan, bck_query
from aistore_hl.bucket_props import BucketProps, ShardSummary
from aistore_hl.errors import InvalidArgument, Timeout, UnexpectedResponse

if TYPE_CHECKING:
    from aistore_hl.bucket import AsyncBucket, Bucket

__all__ = ["ShardSummPoll", "ShardSummary"]

#: ``apc.MinSliceCount`` / ``apc.MaxSliceCount``: data and parity slices of an EC config.
EC_SLICES: Final = (1, 32)
#: ``ActMsg.name`` of an ``ec-encode`` that also checks and recovers slices (``apc.ActEcRecover``).
_EC_RECOVER: Final = "recover"
# A size as the server writes a ``cos.SizeIEC`` ("0B", "1GiB", "1.5MiB"); K/M/G/T are binary there.
_SIZE_RE: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:([KMGT])I?B?|B)?\s*$", re.I)
_UNITS: Final = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def _act(action: str, value: Any = UNSET, name: str = "") -> ActMsg:
    return _ops.ActBody(action=action, value=value, name=name or UNSET)


def _text(resp: httpx.Response) -> str:
    return resp.text.strip()


def _int(value: object, param: str, low: int, high: int | None = None) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < low or (high and value > high):
        want = f"in [{low}, {high}]" if high else f">= {low}"
        raise InvalidArgument(value, f"must be an int {want}", param=param)
    return value


def _str(value: object, param: str) -> str:
    if not isinstance(value, str):
        raise InvalidArgument(value, "must be a str", param=param)
    return value


def _bool(value: object, param: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidArgument(value, "must be a bool", param=param)
    return value


def size_of(value: object) -> int:
    """Bytes of a size the server writes as a number or an IEC string (``"1GiB"``, ``"0B"``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    m = _SIZE_RE.match(value) if isinstance(value, str) else None
    if m is None:
        raise UnexpectedResponse(f"bucket chunks property: not a size: {value!r}")
    return int(float(m.group(1)) * _UNITS.get((m.group(2) or "").upper(), 1))


# -- make-n-copies, rechunk, index-shard, ec-encode ------------------------------------------------
def check_copies(copies: object) -> int:
    return _int(copies, "copies", 1)


def plan_make_n_copies(bucket: Any, copies: int) -> Plan[str]:
    body = _act("make-n-copies", copies)
    return Plan(perform_bucket_action, (bucket.bck.name,), {**bck_query(bucket.bck), "body": body}, _text)


def check_rechunk(objsize_limit: object, chunk_size: object, prefix: object) -> bool:
    """The local checks of ``rechunk``; True if the bucket's props must fill a size in."""
    if objsize_limit is not None:
        _int(objsize_limit, "objsize_limit", 0)
    if chunk_size is not None:
        _int(chunk_size, "chunk_size", 1)
    _str(prefix, "prefix")
    return objsize_limit is None or chunk_size is None


def rechunk_msg(
    props: BucketProps | None, objsize_limit: int | None, chunk_size: int | None, prefix: str
) -> RechunkMsg:
    """The ``rechunk`` message; sizes not given are the bucket's ``chunks`` props (``props``)."""
    chunks: Mapping[str, Any] = props.chunks if props is not None else {}
    if objsize_limit is None:
        objsize_limit = size_of(chunks.get("objsize_limit", 0))
    if chunk_size is None:
        chunk_size = size_of(chunks.get("chunk_size", 0))
        if chunk_size <= 0:
            raise UnexpectedResponse(f"bucket chunks property: no chunk_size in {dict(chunks)}")
    return RechunkMsg(objsize_limit=objsize_limit, chunk_size=chunk_size, prefix=prefix or UNSET)


def plan_rechunk(bucket: Any, msg: RechunkMsg) -> Plan[str]:
    body = _act("rechunk", msg)
    return Plan(perform_bucket_action, (bucket.bck.name,), {**bck_query(bucket.bck), "body": body}, _text)


def plan_index_shards(bucket: Any, prefix: object, num_workers: object, skip_verify: object) -> Plan[str]:
    """``index-shard``, after the local checks."""
    msg = IndexShardMsg(
        prefix=_str(prefix, "prefix") or UNSET,
        num_workers=_int(num_workers, "num_workers", -1) or UNSET,
        skip_verify=_bool(skip_verify, "skip_verify") or UNSET,
    )
    body = _act("index-shard", msg)
    return Plan(perform_bucket_action, (bucket.bck.name,), {**bck_query(bucket.bck), "body": body}, _text)


def plan_ec_encode(
    bucket: Any, data_slices: object, parity_slices: object, objsize_limit: object, check_and_recover: object
) -> Plan[str]:
    """``ec-encode``, after the local checks: the config as a JSON string (see the module doc)."""
    conf = ECEncodeMsg(
        data_slices=_int(data_slices, "data_slices", *EC_SLICES),
        parity_slices=_int(parity_slices, "parity_slices", *EC_SLICES),
        enabled=True,
        objsize_limit=_int(objsize_limit, "objsize_limit", -1) if objsize_limit is not None else UNSET,
    )
    name = _EC_RECOVER if _bool(check_and_recover, "check_and_recover") else ""
    body = _act("ec-encode", json.dumps(conf.to_dict()), name=name)
    return Plan(perform_bucket_action, (bucket.bck.name,), {**bck_query(bucket.bck), "body": body}, _text)


# -- shard summary ---------------------------------------------------------------------------------
def plan_shard_summary(bucket: Any, uuid: str, prefix: str) -> Plan[tuple[int, Any]]:
    """``summary-shard``: ``(202, job id)`` when started, then with ``uuid`` ``(status,
    ShardSummResult JSON)``: 202 nothing yet, 206 the aggregate so far, 200 the final one."""
    body = _act("summary-shard", ShardSummMsg(uuid=uuid or UNSET, prefix=prefix or UNSET))

    def parse(r: httpx.Response) -> tuple[int, Any]:
        text = r.text.strip()
        return r.status_code, json.loads(text) if text.startswith("{") else text

    return Plan(list_objects, (bucket.bck.name,), {**bck_query(bucket.bck), "body": body}, parse)


class ShardSummPoll:
    """The pure steps of a shard summary job: start, then poll with its id until 200.

    ``step(status, payload)`` takes each answer and returns None while the job runs, or the
    ``ShardSummary`` once done (a 206's partial one is kept in ``partial``); ``next_delay()`` is
    how long to wait before the next poll (50 ms doubling to 1 s).
    """

    def __init__(self, timeout: float) -> None:
        if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
            raise InvalidArgument(timeout, "must be a number of seconds > 0", param="timeout")
        self.timeout = float(timeout)
        self.job_id = ""
        self.partial: ShardSummary | None = None
        self._start = time.monotonic()
        self._polls = 0

    def step(self, status: int, payload: Any) -> ShardSummary | None:
        """Consume one answer of ``summary-shard``."""
        if not self.job_id:
            if status != 202 or not isinstance(payload, str) or not payload:
                raise UnexpectedResponse(f"shard summary: expected 202 and a job id, got {status}")
            self.job_id = payload
            return None
        if status not in (200, 202, 206):
            raise UnexpectedResponse(f"shard summary: unexpected status {status}")
        if status == 202:
            return None
        if not isinstance(payload, Mapping):
            raise UnexpectedResponse(f"shard summary: {status} without a ShardSummResult")
        summ = ShardSummary.from_json(payload)
        if status == 206:
            self.partial = summ
            return None
        return summ

    def next_delay(self) -> float:
        """Seconds before the next poll; raises ``Timeout`` once the time is up."""
        elapsed = time.monotonic() - self._start
        if elapsed >= self.timeout:
            so_far = f" ({self.partial.tar_objs} TAR objects so far)" if self.partial else ""
            raise Timeout("shard summary", f"job {self.job_id} still running after {self.timeout}s{so_far}")
        delay = min(1.0, 0.05 * float(2**self._polls))
        self._polls += 1
        return min(delay, self.timeout - elapsed)


# -- sync ------------------------------------------------------------------------------------------
def make_n_copies(bucket: Bucket, copies: int) -> str:
    """Sync driver of ``Bucket.make_n_copies``: the job id."""
    return bucket.client._rc.run(plan_make_n_copies(bucket, check_copies(copies)))


def rechunk(
    bucket: Bucket, objsize_limit: int | None = None, chunk_size: int | None = None, prefix: str = ""
) -> str:
    """Sync driver of ``Bucket.rechunk``: the job id."""
    from aistore_hl import bucket_props

    props = bucket_props.get_props(bucket) if check_rechunk(objsize_limit, chunk_size, prefix) else None
    return bucket.client._rc.run(plan_rechunk(bucket, rechunk_msg(props, objsize_limit, chunk_size, prefix)))


def index_shards(bucket: Bucket, prefix: str = "", num_workers: int = 0, skip_verify: bool = False) -> str:
    """Sync driver of ``Bucket.index_shards``: the job id."""
    return bucket.client._rc.run(plan_index_shards(bucket, prefix, num_workers, skip_verify))


def ec_encode(
    bucket: Bucket,
    data_slices: int,
    parity_slices: int,
    objsize_limit: int | None = None,
    check_and_recover: bool = False,
) -> str:
    """Sync driver of ``Bucket.ec_encode``: the job id."""
    plan = plan_ec_encode(bucket, data_slices, parity_slices, objsize_limit, check_and_recover)
    return bucket.client._rc.run(plan)


def shard_summary(bucket: Bucket, prefix: str = "", timeout: float = 300) -> ShardSummary:
    """Sync driver of ``Bucket.shard_summary``."""
    _str(prefix, "prefix")
    poll, rc = ShardSummPoll(timeout), bucket.client._rc
    while True:
        result = poll.step(*rc.run(plan_shard_summary(bucket, poll.job_id, prefix)))
        if result is not None:
            return result
        time.sleep(poll.next_delay())


# -- async -----------------------------------------------------------------------------------------
async def amake_n_copies(bucket: AsyncBucket, copies: int) -> str:
    """Async driver of ``AsyncBucket.make_n_copies``."""
    return await bucket.client._rc.run(plan_make_n_copies(bucket, check_copies(copies)))


async def arechunk(
    bucket: AsyncBucket, objsize_limit: int | None = None, chunk_size: int | None = None, prefix: str = ""
) -> str:
    """Async driver of ``AsyncBucket.rechunk``."""
    from aistore_hl import bucket_props

    need_props = check_rechunk(objsize_limit, chunk_size, prefix)
    props = await bucket_props.aget_props(bucket) if need_props else None
    msg = rechunk_msg(props, objsize_limit, chunk_size, prefix)
    return await bucket.client._rc.run(plan_rechunk(bucket, msg))


async def aindex_shards(
    bucket: AsyncBucket, prefix: str = "", num_workers: int = 0, skip_verify: bool = False
) -> str:
    """Async driver of ``AsyncBucket.index_shards``."""
    return await bucket.client._rc.run(plan_index_shards(bucket, prefix, num_workers, skip_verify))


async def aec_encode(
    bucket: AsyncBucket,
    data_slices: int,
    parity_slices: int,
    objsize_limit: int | None = None,
    check_and_recover: bool = False,
) -> str:
    """Async driver of ``AsyncBucket.ec_encode``."""
    plan = plan_ec_encode(bucket, data_slices, parity_slices, objsize_limit, check_and_recover)
    return await bucket.client._rc.run(plan)


async def ashard_summary(bucket: AsyncBucket, prefix: str = "", timeout: float = 300) -> ShardSummary:
    """Async driver of ``AsyncBucket.shard_summary``."""
    _str(prefix, "prefix")
    poll, rc = ShardSummPoll(timeout), bucket.client._rc
    while True:
        result = poll.step(*(await rc.run(plan_shard_summary(bucket, poll.job_id, prefix))))
        if result is not None:
            return result
        await asyncio.sleep(poll.next_delay())
