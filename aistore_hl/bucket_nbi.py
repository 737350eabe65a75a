"""Native bucket inventories (NBI): create / show / destroy, and listing through one; sync and
async (official SDK names: ``create_inventory``, ``show_inventory``, ``destroy_inventory``).

AIS 5.0 builds an inventory of a *remote* bucket. On an ``ais://`` bucket without a backend,
``create-inventory`` crashes every target (a nil dereference, ``xact/xs/create_nbi.go:195``, seen
on the shared test cluster), so ``create_inventory`` reads the bucket's props first and refuses
such a bucket with ``NBIUnsupported`` before sending anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

import httpx
from aistore_ll.models import ActMsg, CreateNBIMsg
from aistore_ll.types import UNSET

from aistore_hl import _ops
from aistore_hl._endpoints import delete_bucket, list_objects, perform_bucket_action
from aistore_hl._ops import Plan, bck_query
from aistore_hl.bucket_props import BucketProps
from aistore_hl.errors import InvalidArgument, NBIUnsupported
from aistore_hl.listing import BucketEntry, BucketList
from aistore_hl.types import Bck

if TYPE_CHECKING:
    from aistore_hl.bucket import AsyncBucket, Bucket

__all__ = ["NBIInfo", "NBIUnsupported"]

#: ``LsoMsg`` flag: list through the bucket's inventory (``apc.LsNBI``).
LS_NBI: Final = 32768
_INV_HEADER: Final = "Ais-Inv-Name"


@dataclass(frozen=True, slots=True)
class NBIInfo:
    """One inventory (``apc.NBIInfo``).

    Attributes:
        name: The inventory's name; ``obj_name`` the object that holds it, ``size`` its bytes.
        bucket: The bucket it lists; ``prefix`` the names it covers.
        ntotal: How many names it holds; ``chunks`` in how many chunks.
        started, finished: Unix nanoseconds (0 while building).
        raw: Everything the server sent.
    """

    name: str
    obj_name: str
    bucket: str
    size: int
    prefix: str = ""
    ntotal: int = 0
    chunks: int = 0
    started: int = 0
    finished: int = 0
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> NBIInfo:
        """Build from one ``NBIInfo`` JSON object."""

        def num(k: str) -> int:
            try:
                return int(d.get(k) or 0)
            except (TypeError, ValueError):
                return 0

        return cls(
            name=str(d.get("name") or ""),
            obj_name=str(d.get("obj_name") or ""),
            bucket=str(d.get("bucket") or ""),
            size=num("size"),
            prefix=str(d.get("prefix") or ""),
            ntotal=num("ntotal"),
            chunks=num("chunks"),
            started=num("started"),
            finished=num("finished"),
            raw=dict(d),
        )


def _act(action: str, value: Any = UNSET, name: str = "") -> ActMsg:
    return _ops.ActBody(action=action, value=value, name=name or UNSET)


def _name(name: object) -> str:
    if not isinstance(name, str):
        raise InvalidArgument(name, "must be a str (an inventory name, or '' for all)", param="name")
    return name


def check_create(
    props: BucketProps,
    bck: Bck,
    name: object,
    prefix: object,
    names_per_chunk: object,
    obj_props: object = "",
    force: object = False,
) -> CreateNBIMsg:
    """The ``create-inventory`` message, after the local checks (bucket kind, arguments)."""
    if not bck.is_remote() and props.backend_bck is None:
        raise NBIUnsupported(
            bck.cname(""),
            "AIS 5.0 inventories remote buckets only (on an ais:// bucket without a backend "
            "create-inventory crashes every target)",
            param="bucket",
        )
    if not isinstance(prefix, str):
        raise InvalidArgument(prefix, "must be a str", param="prefix")
    if names_per_chunk is not None and (
        not isinstance(names_per_chunk, int)
        or isinstance(names_per_chunk, bool)
        or not 2 <= names_per_chunk <= 640_000
    ):
        raise InvalidArgument(names_per_chunk, "must be an int in [2, 640000]", param="names_per_chunk")
    if not isinstance(obj_props, str):
        raise InvalidArgument(obj_props, "must be a str (comma-separated properties)", param="props")
    if not isinstance(force, bool):
        raise InvalidArgument(force, "must be a bool", param="force")
    return CreateNBIMsg(
        name=_name(name) or UNSET,
        prefix=prefix or UNSET,
        names_per_chunk=names_per_chunk if names_per_chunk is not None else UNSET,
        props=obj_props or UNSET,
        force=force or UNSET,
    )


def plan_create(bucket: Any, msg: CreateNBIMsg) -> Plan[str]:
    return Plan(
        perform_bucket_action,
        (bucket.bck.name,),
        {**bck_query(bucket.bck), "body": _act("create-inventory", msg)},
        lambda r: r.text.strip(),
    )


def _infos(r: httpx.Response) -> dict[str, NBIInfo]:
    d = r.json() if r.content else {}
    return {k: NBIInfo.from_json(v) for k, v in (d or {}).items()}


def plan_show(bucket: Any, name: str) -> Plan[dict[str, NBIInfo]]:
    body = _act("show-inventory", name=_name(name))
    return Plan(list_objects, (bucket.bck.name,), {**bck_query(bucket.bck), "body": body}, _infos)


def plan_destroy(bucket: Any, name: str) -> Plan[None]:
    body = _act("destroy-inventory", name=_name(name))
    return Plan(delete_bucket, (bucket.bck.name,), {**bck_query(bucket.bck), "body": body}, lambda r: None)


def plan_page(bucket: Any, name: str, prefix: str, uuid: str, token: str) -> Plan[BucketList]:
    plan = _ops.list_page(
        bucket.bck, prefix=prefix, props="", page_size=0, uuid=uuid, continuation_token=token, flags=LS_NBI
    )
    headers = {**plan.headers, _INV_HEADER: name} if name else dict(plan.headers)
    return Plan(plan.op, plan.args, plan.kwargs, plan.parse, headers=headers)


# -- sync ------------------------------------------------------------------------------------------
def create_inventory(
    bucket: Bucket,
    name: str = "",
    prefix: str = "",
    names_per_chunk: int | None = None,
    *,
    props: str = "",
    force: bool = False,
) -> str:
    """Sync driver of ``Bucket.create_inventory``: the job id."""
    from aistore_hl import bucket_props

    bprops = bucket_props.get_props(bucket)
    msg = check_create(bprops, bucket.bck, name, prefix, names_per_chunk, props, force)
    return bucket.client._rc.run(plan_create(bucket, msg))


def show_inventory(bucket: Bucket, name: str = "") -> dict[str, NBIInfo]:
    """Sync driver of ``Bucket.show_inventory``: ``{object name: NBIInfo}`` ({} if none)."""
    return bucket.client._rc.run(plan_show(bucket, name))


def destroy_inventory(bucket: Bucket, name: str = "") -> None:
    """Sync driver of ``Bucket.destroy_inventory`` (no-op if there is none)."""
    bucket.client._rc.run(plan_destroy(bucket, name))


def list_inventory(bucket: Bucket, name: str = "", prefix: str = "") -> list[BucketEntry]:
    """Sync driver of ``Bucket.list_objects(..., inventory)``: every name, through the inventory."""
    _name(name)
    rc, uuid, token, out = bucket.client._rc, "", "", []
    while True:
        page = rc.run(plan_page(bucket, name, prefix, uuid, token))
        out.extend(page.get_entries())
        uuid, token = page.uuid, page.continuation_token
        if not token:
            return out


# -- async -----------------------------------------------------------------------------------------
async def acreate_inventory(
    bucket: AsyncBucket,
    name: str = "",
    prefix: str = "",
    names_per_chunk: int | None = None,
    *,
    props: str = "",
    force: bool = False,
) -> str:
    """Async driver of ``AsyncBucket.create_inventory``."""
    from aistore_hl import bucket_props

    bprops = await bucket_props.aget_props(bucket)
    msg = check_create(bprops, bucket.bck, name, prefix, names_per_chunk, props, force)
    return await bucket.client._rc.run(plan_create(bucket, msg))


async def ashow_inventory(bucket: AsyncBucket, name: str = "") -> dict[str, NBIInfo]:
    """Async driver of ``AsyncBucket.show_inventory``."""
    return await bucket.client._rc.run(plan_show(bucket, name))


async def adestroy_inventory(bucket: AsyncBucket, name: str = "") -> None:
    """Async driver of ``AsyncBucket.destroy_inventory``."""
    await bucket.client._rc.run(plan_destroy(bucket, name))


async def alist_inventory(bucket: AsyncBucket, name: str = "", prefix: str = "") -> list[BucketEntry]:
    """Async driver of listing through an inventory."""
    _name(name)
    rc, uuid, token, out = bucket.client._rc, "", "", []
    while True:
        page = await rc.run(plan_page(bucket, name, prefix, uuid, token))
        out.extend(page.get_entries())
        uuid, token = page.uuid, page.continuation_token
        if not token:
            return out
