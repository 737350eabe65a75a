"""Bucket info (props + summary in one HEAD job) and listing the members of a shard, sync and
async (official SDK names: ``Bucket.info``, ``Bucket.list_archive``).

AIS 5.0 lists a *chunked* shard (a multipart upload, ``rechunk``) by reading only its first chunk:
no member is listed, with a 200 (measured: a 12-member 930 KiB TAR in 4 x 256 KiB chunks lists
none; the same bytes PUT whole, or as a multipart of one chunk, list 12). So ``list_archive``
asks HEAD v2 for ``chunked`` first (one extra request) and raises ``ArchiveListUnsupported`` on a
shard of more than one chunk, before listing.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

from aistore_hl import _ops, _plans_api
from aistore_hl._endpoints import Endpoint
from aistore_hl.bucket_props import BucketProps, BucketSummary, SummaryPoll
from aistore_hl.errors import ArchiveListUnsupported, ErrObjNotFound, InvalidArgument, UnexpectedResponse
from aistore_hl.header import Header
from aistore_hl.listing import BucketEntry
from aistore_hl.validation import validate_object_name

if TYPE_CHECKING:
    from aistore_hl.bucket import AsyncBucket, Bucket

#: ``LsoMsg`` flag: list the files inside shards, as ``<shard>/<member>`` entries.
LS_ARCH_DIR: Final = 8
#: Entry flag of a shard member (``apc.EntryInArch``).
ENTRY_IN_ARCH: Final = 128
_ARCH_PROPS: Final = "name,size"


class InfoPoll(SummaryPoll):
    """The pure steps of ``info``: HEAD with ``bsumm_remote`` (202 + job id), then with ``uuid``
    until 200 (props in ``Ais-Bucket-Props``, summary in ``Ais-Bucket-Summ``)."""

    def step_info(self, status: int, hdr: Header) -> tuple[BucketProps, BucketSummary] | None:
        if not self.job_id:
            xid = (hdr.get("ais-xaction-id") or "").strip('"')
            if status != 202 or not xid:
                raise UnexpectedResponse(f"bucket info: expected 202 and Ais-Xaction-Id, got {status}")
            self.job_id = xid
            return None
        if status == 200:
            summ = hdr.get("ais-bucket-summ")
            if not summ:
                raise UnexpectedResponse("bucket info: 200 without Ais-Bucket-Summ")
            return BucketProps.from_header(hdr), BucketSummary.from_json(json.loads(summ))
        if status not in (202, 206):
            raise UnexpectedResponse(f"bucket info: unexpected status {status}")
        return None


def check_info_args(bsumm_remote: object, flt_presence: object = 0, prefix: object = "") -> None:
    if not isinstance(bsumm_remote, bool):
        raise InvalidArgument(bsumm_remote, "must be a bool", param="bsumm_remote")
    # 0..5: apc.FltExists, FltExistsNoProps, FltPresent, FltPresentNoProps, FltPresentCluster,
    # FltExistsOutside (an IntEnum such as the official SDK's FLTPresence is an int).
    if not isinstance(flt_presence, int) or isinstance(flt_presence, bool) or not 0 <= flt_presence <= 5:
        raise InvalidArgument(flt_presence, "must be an FLTPresence value, 0..5", param="flt_presence")
    if not isinstance(prefix, str):
        raise InvalidArgument(prefix, "must be a str", param="prefix")


class _HeadUnder(Endpoint):
    """``head_bucket`` at ``/v1/buckets/<bucket>/<prefix>``: bucket info of the names under a
    prefix (Go ``api.GetBucketInfo``; the proxy reads the prefix from the path)."""

    __slots__ = ("prefix",)

    def __init__(self, prefix: str) -> None:
        super().__init__("bucket.head_bucket")
        self.prefix = prefix

    def request_kwargs(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        kw = super().request_kwargs(*args, **kwargs)
        kw["url"] = f"{kw['url']}/{quote(self.prefix, safe='/')}"
        return kw


def info_plan(
    bucket: Any, uuid: str, bsumm_remote: bool, flt_presence: int = 0, prefix: str = ""
) -> _ops.Plan[tuple[int, Header]]:
    """One HEAD of ``info``: ``presence`` and the prefix path on every call (as the Go API)."""
    plan = _plans_api.bucket_info(bucket.bck, uuid=uuid, bsumm_remote=bsumm_remote)
    if not flt_presence and not prefix:
        return plan
    op = _HeadUnder(prefix) if prefix else plan.op
    kwargs = {**plan.kwargs, "presence": _ops._opt(int(flt_presence))}
    return _ops.Plan(op, plan.args, kwargs, plan.parse, headers=plan.headers)


def archive_page_plan(
    bucket: Any, archive_name: str, uuid: str, token: str, props: str = "", page_size: int = 0
) -> _ops.Plan[Any]:
    return _ops.list_page(
        bucket.bck,
        prefix=archive_name,
        props=props or _ARCH_PROPS,
        page_size=page_size,
        uuid=uuid,
        continuation_token=token,
        flags=LS_ARCH_DIR,
    )


def check_archive_args(props: object, page_size: object) -> None:
    if not isinstance(props, str):
        raise InvalidArgument(props, "must be a str (comma-separated properties)", param="props")
    if not isinstance(page_size, int) or isinstance(page_size, bool) or page_size < 0:
        raise InvalidArgument(page_size, "must be an int >= 0 (0: the backend's maximum)", param="page_size")


def chunked_plan(bucket: Any, archive_name: str) -> _ops.Plan[int]:
    """The chunk count a shard is checked with before it is listed."""
    return _plans_api.chunk_count(bucket.bck, archive_name)


def check_not_chunked(bucket: Any, archive_name: str, chunks: int) -> None:
    """Raise ``ArchiveListUnsupported`` for a shard of more than one chunk (one lists right)."""
    if chunks > 1:
        raise ArchiveListUnsupported(f"{bucket.name}/{archive_name}", chunks)


def archive_entries(
    entries: list[BucketEntry], archive_name: str, include_archive_obj: bool
) -> list[BucketEntry]:
    """The entries of ``archive_name``'s members (and the shard itself when asked)."""
    out = []
    for e in entries:
        if e.name == archive_name:
            if include_archive_obj:
                out.append(e)
        elif e.name.startswith(archive_name + "/") and e.flags & ENTRY_IN_ARCH:
            out.append(e)
    return out


# -- sync ------------------------------------------------------------------------------------------
def info(
    bucket: Bucket,
    bsumm_remote: bool = True,
    timeout: float = 300,
    *,
    flt_presence: int = 0,
    prefix: str = "",
) -> tuple[BucketProps, BucketSummary]:
    """Sync driver of ``Bucket.info``."""
    check_info_args(bsumm_remote, flt_presence, prefix)
    poll = InfoPoll(timeout)
    rc = bucket.client._rc
    while True:
        plan = info_plan(bucket, poll.job_id, bsumm_remote, flt_presence, prefix)
        result = poll.step_info(*rc.run(plan))
        if result is not None:
            return result
        time.sleep(poll.next_delay())


def list_archive(
    bucket: Bucket,
    archive_name: str,
    include_archive_obj: bool = False,
    *,
    props: str = "",
    page_size: int = 0,
) -> list[BucketEntry]:
    """Sync driver of ``Bucket.list_archive``."""
    validate_object_name(archive_name)
    check_archive_args(props, page_size)
    rc, uuid, token, entries = bucket.client._rc, "", "", []
    with contextlib.suppress(ErrObjNotFound):  # no such shard: the listing says so (empty)
        check_not_chunked(bucket, archive_name, rc.run(chunked_plan(bucket, archive_name)))
    while True:
        page = rc.run(archive_page_plan(bucket, archive_name, uuid, token, props, page_size))
        entries.extend(page.get_entries())
        uuid, token = page.uuid, page.continuation_token
        if not token:
            return archive_entries(entries, archive_name, include_archive_obj)


# -- async -----------------------------------------------------------------------------------------
async def ainfo(
    bucket: AsyncBucket,
    bsumm_remote: bool = True,
    timeout: float = 300,
    *,
    flt_presence: int = 0,
    prefix: str = "",
) -> tuple[BucketProps, BucketSummary]:
    """Async driver of ``AsyncBucket.info``."""
    check_info_args(bsumm_remote, flt_presence, prefix)
    poll = InfoPoll(timeout)
    rc = bucket.client._rc
    while True:
        plan = info_plan(bucket, poll.job_id, bsumm_remote, flt_presence, prefix)
        result = poll.step_info(*(await rc.run(plan)))
        if result is not None:
            return result
        await asyncio.sleep(poll.next_delay())


async def alist_archive(
    bucket: AsyncBucket,
    archive_name: str,
    include_archive_obj: bool = False,
    *,
    props: str = "",
    page_size: int = 0,
) -> list[BucketEntry]:
    """Async driver of ``AsyncBucket.list_archive``."""
    validate_object_name(archive_name)
    check_archive_args(props, page_size)
    rc, uuid, token, entries = bucket.client._rc, "", "", []
    with contextlib.suppress(ErrObjNotFound):
        check_not_chunked(bucket, archive_name, await rc.run(chunked_plan(bucket, archive_name)))
    while True:
        page = await rc.run(archive_page_plan(bucket, archive_name, uuid, token, props, page_size))
        entries.extend(page.get_entries())
        uuid, token = page.uuid, page.continuation_token
        if not token:
            return archive_entries(entries, archive_name, include_archive_obj)
