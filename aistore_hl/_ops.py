"""Every AIS operation the high-level layer uses, as a plan: which generated endpoint, which
arguments, which extra headers, and how to read the answer.

Plans are pure (no I/O), so ``Client`` and ``AsyncClient`` share them: the sync side runs
``RequestClient.run(plan)``, the async side ``await AsyncRequestClient.run(plan)``. URL, query and
JSON body building is the generated code's (``request_kwargs`` of each endpoint module); request
and response bodies are the generated models; only transport, errors and decoding choices live
here (e.g. list pages as msgpack through msgspec instead of JSON through attrs).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import httpx
from aistore_ll.models import (
    ActMsg,
    ArchiveBckMsg,
    ArgsMsg,
    EvdMsg,
    LsoMsg,
    PrefetchMsg,
    QueryMsg,
    TCBMsg,
    TCOMsg,
)
from aistore_ll.models import Bck as LLBck
from aistore_ll.models import Namespace as LLNamespace
from aistore_ll.models.etl_spec_msg import ETLSpecMsg
from aistore_ll.models.init_spec_msg import InitSpecMsg
from aistore_ll.models.tcb_msg_ext import TCBMsgExt
from aistore_ll.types import UNSET, File

from aistore_hl._endpoints import (
    Endpoint,
    archive_objects,
    delete_bucket,
    delete_etl,
    delete_object,
    get_daemon_info,
    get_etl,
    get_health,
    get_object,
    head_bucket,
    head_object,
    init_etl,
    list_buckets,
    list_etls,
    list_objects,
    perform_bucket_action,
    perform_cluster_action,
    put_object,
    query_cluster,
    start_etl,
    stop_etl,
)
from aistore_hl.header import Header
from aistore_hl.listing import BucketList, decode_page
from aistore_hl.types import ETL, Bck, ETLDetails, JobStatus, Smap

T = TypeVar("T")

MSGPACK = "application/msgpack"


@dataclass(frozen=True, slots=True)
class Plan(Generic[T]):
    """One request: ``op.request_kwargs(*args, **kwargs)`` + ``headers``, read by ``parse``."""

    op: Endpoint
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    parse: Callable[[httpx.Response], T]
    headers: Mapping[str, str] = field(default_factory=dict)

    def request_kwargs(self) -> dict[str, Any]:
        kw: dict[str, Any] = self.op.request_kwargs(*self.args, **self.kwargs)
        if self.headers:
            kw["headers"] = {**kw.get("headers", {}), **self.headers}
        return kw


# -- answer readers --------------------------------------------------------------------------------
def _none(_: httpx.Response) -> None:
    return None


def _xid(resp: httpx.Response) -> str:
    """Job-starting operations answer with the job id as plain text (several: comma-separated)."""
    return resp.text.strip()


def _json(resp: httpx.Response) -> Any:
    return json.loads(resp.content) if resp.content else None


def _header(resp: httpx.Response) -> Header:
    return Header(resp.headers)


def _obj_header(resp: httpx.Response) -> Header:
    return Header.for_object(resp.headers)


# -- argument helpers ------------------------------------------------------------------------------
def _opt(value: Any) -> Any:
    """Empty values are left out of the request (the server's defaults apply)."""
    return value if value not in ("", None, False, 0) else UNSET


def bck_query(bck: Bck) -> dict[str, Any]:
    """Generated-endpoint keyword arguments naming a bucket's provider and namespace."""
    q: dict[str, Any] = {"provider": bck.provider}
    if bck.ns is not None and not bck.ns.is_global():
        q["namespace"] = bck.ns.get_path()
    return q


def ll_bck(bck: Bck) -> LLBck:
    ns = bck.ns
    return LLBck(
        name=bck.name,
        provider=bck.provider,
        namespace=LLNamespace(uuid=ns.uuid, name=ns.name) if ns is not None else UNSET,
    )


class ActBody(ActMsg):
    """An ``ActMsg`` that writes its value without the generated union walk: the same JSON, but
    the generated ``to_dict`` imports the model of every action the union names on its first call
    (19 modules, ~20 ms, measured as a slower first listing in a fresh process)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"action": self.action}
        if self.name is not UNSET:
            body["name"] = self.name
        value: Any = self.value
        if value is not UNSET:
            if isinstance(value, list):
                value = [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
            elif hasattr(value, "to_dict"):
                value = value.to_dict()
            body["value"] = value
        return body


def _act(action: str, value: Any = UNSET, name: str = "") -> ActMsg:
    return ActBody(action=action, value=value, name=name or UNSET)


# -- cluster ---------------------------------------------------------------------------------------
def health(*, prr: bool = False) -> Plan[None]:
    return Plan(get_health, (), {"prr": _opt(prr)}, _none)


def smap() -> Plan[Smap]:
    return Plan(get_daemon_info, (), {"what": "smap"}, lambda r: Smap.from_json(_json(r)))


def buckets(provider: str, namespace: str = "") -> Plan[list[Bck]]:
    # An empty provider means "all providers" here (the server does not default it to ais).
    return Plan(
        list_buckets,
        (),
        {"provider": _opt(provider), "namespace": _opt(namespace), "body": _act("list")},
        lambda r: [Bck.from_json(b) for b in (_json(r) or [])],
    )


# -- buckets ---------------------------------------------------------------------------------------
def create_bucket(bck: Bck) -> Plan[None]:
    return Plan(perform_bucket_action, (bck.name,), {**bck_query(bck), "body": _act("create-bck")}, _none)


def destroy_bucket(bck: Bck) -> Plan[None]:
    return Plan(delete_bucket, (bck.name,), {**bck_query(bck), "body": _act("destroy-bck")}, _none)


def move_bucket(bck: Bck, to: Bck) -> Plan[str]:
    return Plan(
        perform_bucket_action,
        (bck.name,),
        {**bck_query(bck), "bck_to": to.uname(), "body": _act("move-bck")},
        _xid,
    )


def evict_bucket(bck: Bck, keep_md: bool) -> Plan[None]:
    return Plan(
        delete_bucket,
        (bck.name,),
        {**bck_query(bck), "keep_bck_md": _opt(keep_md), "body": _act("evict-remote-bck")},
        _none,
    )


def head_bck(bck: Bck) -> Plan[Header]:
    return Plan(head_bucket, (bck.name,), bck_query(bck), _header)


def copy_bucket(
    bck: Bck,
    to: Bck,
    *,
    prefix: str = "",
    prepend: str = "",
    dry_run: bool = False,
    force: bool = False,
    etl_name: str = "",
    ext: Mapping[str, str] | None = None,
) -> Plan[str]:
    """``copy-bck`` (or ``etl-bck`` when ``etl_name`` is set) from ``bck`` into ``to``."""
    msg = TCBMsg(
        prefix=_opt(prefix),
        prepend=_opt(prepend),
        dry_run=_opt(dry_run),
        force=_opt(force),
        id=_opt(etl_name),
    )
    if ext:
        msg.ext = TCBMsgExt.from_dict(dict(ext))
    action = "etl-bck" if etl_name else "copy-bck"
    return Plan(
        perform_bucket_action,
        (bck.name,),
        {**bck_query(bck), "bck_to": to.uname(), "body": _act(action, msg)},
        _xid,
    )


def list_page(
    bck: Bck, *, prefix: str, props: str, page_size: int, uuid: str, continuation_token: str, flags: int = 0
) -> Plan[BucketList]:
    msg = LsoMsg(
        prefix=_opt(prefix),
        props=_opt(props),
        pagesize=_opt(page_size),
        uuid=_opt(uuid),
        continuation_token=_opt(continuation_token),
        flags=str(flags) if flags else UNSET,  # a string on the wire (Go `json:",string"`)
    )
    return Plan(
        list_objects,
        (bck.name,),
        {**bck_query(bck), "body": _act("list", msg)},
        lambda r: decode_page(r.content),
        headers={"Accept": MSGPACK},
    )


# -- objects ---------------------------------------------------------------------------------------
def head_obj(bck: Bck, name: str) -> Plan[Header]:
    return Plan(head_object, (bck.name, name), bck_query(bck), _obj_header)


def delete_obj(bck: Bck, name: str) -> Plan[None]:
    return Plan(delete_object, (bck.name, name), bck_query(bck), _none)


def get_obj_kwargs(bck: Bck, name: str, *, archpath: str = "", etl_name: str = "") -> dict[str, Any]:
    """Request kwargs for a streaming object GET (sent with ``stream=True`` by the caller)."""
    kw: dict[str, Any] = get_object.request_kwargs(
        bck.name, name, **bck_query(bck), archpath=_opt(archpath), etl_name=_opt(etl_name)
    )
    return kw


def put_obj_kwargs(bck: Bck, name: str) -> dict[str, Any]:
    """URL and query of an object PUT; the body is sent by ``put_redirected``, not here."""
    kw: dict[str, Any] = put_object.request_kwargs(bck.name, name, **bck_query(bck), body=File(payload=None))  # type: ignore[arg-type]
    kw.pop("content", None)
    return kw


# -- multi-object ----------------------------------------------------------------------------------
def _selection(obj_names: list[str] | None, template: str | None) -> dict[str, Any]:
    return {"objnames": list(obj_names) if obj_names is not None else UNSET, "template": template or UNSET}


def delete_objects(bck: Bck, obj_names: list[str] | None, template: str | None) -> Plan[str]:
    body = _act("delete-listrange", EvdMsg(**_selection(obj_names, template)))
    return Plan(delete_bucket, (bck.name,), {**bck_query(bck), "body": body}, _xid)


def evict_objects(bck: Bck, obj_names: list[str] | None, template: str | None) -> Plan[str]:
    body = _act("evict-listrange", EvdMsg(**_selection(obj_names, template)))
    return Plan(delete_bucket, (bck.name,), {**bck_query(bck), "body": body}, _xid)


def prefetch_objects(bck: Bck, obj_names: list[str] | None, template: str | None) -> Plan[str]:
    body = _act("prefetch-listrange", PrefetchMsg(**_selection(obj_names, template)))
    return Plan(perform_bucket_action, (bck.name,), {**bck_query(bck), "body": body}, _xid)


def _job_ids(resp: httpx.Response) -> list[str]:
    """Multi-object copy/transform/archive answer with one job id or several, comma-separated."""
    return [x for x in (p.strip() for p in resp.text.split(",")) if x]


def copy_objects(
    bck: Bck,
    obj_names: list[str] | None,
    template: str | None,
    to: Bck,
    *,
    prepend: str = "",
    continue_on_error: bool = False,
    dry_run: bool = False,
    force: bool = False,
    latest: bool = False,
    sync: bool = False,
    num_workers: int | None = None,
    etl_name: str = "",
    timeout: str = "",
    ext: Mapping[str, str] | None = None,
    etl_pipeline: list[str] | None = None,
) -> Plan[list[str]]:
    """``copy-listrange`` (or ``etl-listrange`` when ``etl_name`` is set) from ``bck`` into ``to``."""
    msg = TCOMsg(
        tobck=ll_bck(to),
        **_selection(obj_names, template),
        prepend=_opt(prepend),
        coer=_opt(continue_on_error),
        dry_run=_opt(dry_run),
        force=_opt(force),
        latest_ver=_opt(latest),
        synchronize=_opt(sync),
        num_workers=num_workers if num_workers else UNSET,
        id=_opt(etl_name),
        request_timeout=_opt(timeout),
        pipeline=list(etl_pipeline) if etl_pipeline else UNSET,
    )
    if ext:
        msg.ext = TCBMsgExt.from_dict(dict(ext))
    action = "etl-listrange" if etl_name else "copy-listrange"
    return Plan(perform_bucket_action, (bck.name,), {**bck_query(bck), "body": _act(action, msg)}, _job_ids)


def archive_objs(
    bck: Bck,
    obj_names: list[str] | None,
    template: str | None,
    archive_name: str,
    *,
    to: Bck | None = None,
    mime: str = "",
    include_source_name: bool = False,
    allow_append: bool = False,
    continue_on_err: bool = False,
    base_name_only: bool = False,
) -> Plan[list[str]]:
    """``archive``: the selected objects of ``bck`` into the shard ``archive_name`` (in ``to``)."""
    msg = ArchiveBckMsg(
        archname=archive_name,
        **_selection(obj_names, template),
        tobck=ll_bck(to) if to is not None else UNSET,
        mime=_opt(mime),
        isbn=_opt(include_source_name),
        aate=_opt(allow_append),
        coer=_opt(continue_on_err),
        bnonly=_opt(base_name_only),
    )
    return Plan(archive_objects, (bck.name,), {**bck_query(bck), "body": _act("archive", msg)}, _job_ids)


# -- jobs ------------------------------------------------------------------------------------------
def _query(job_id: str, job_kind: str, daemon_id: str, only_running: bool) -> QueryMsg:
    return QueryMsg(
        id=_opt(job_id),
        kind=_opt(job_kind),
        node=_opt(daemon_id),
        show_active=True if only_running else UNSET,
    )


def job_status(job_id: str, job_kind: str, daemon_id: str, only_running: bool) -> Plan[JobStatus]:
    return Plan(
        query_cluster,
        (),
        {"what": "status", "body": _query(job_id, job_kind, daemon_id, only_running)},
        lambda r: JobStatus.from_json(_json(r)),
    )


def job_snaps(job_id: str, job_kind: str, daemon_id: str) -> Plan[dict[str, list[dict[str, Any]]]]:
    """Per-target job snapshots (``what=qryxstats``): ``{target_id: [snap, ...]}``."""
    return Plan(
        query_cluster,
        (),
        {"what": "qryxstats", "body": _query(job_id, job_kind, daemon_id, False)},
        lambda r: {k: list(v or []) for k, v in (_json(r) or {}).items()},
    )


def start_job(job_kind: str, daemon_id: str, force: bool, buckets: list[Bck] | None) -> Plan[str]:
    args = ArgsMsg(kind=_opt(job_kind), daemon_id=_opt(daemon_id))
    if buckets:
        if len(buckets) == 1:
            args.bck = ll_bck(buckets[0])
        else:
            args.buckets = [ll_bck(b) for b in buckets]
    return Plan(perform_cluster_action, (), {"frc": _opt(force), "body": _act("start", args)}, _xid)


# -- ETL -------------------------------------------------------------------------------------------
def etl_init(msg: ETLSpecMsg | InitSpecMsg) -> Plan[str]:
    return Plan(init_etl, (), {"body": msg}, _xid)


def etl_list() -> Plan[list[ETL]]:
    return Plan(list_etls, (), {}, lambda r: [ETL.from_json(e) for e in (_json(r) or [])])


def etl_view(name: str) -> Plan[ETLDetails]:
    return Plan(get_etl, (name,), {}, lambda r: ETLDetails.from_json(_json(r)))


def etl_start(name: str) -> Plan[None]:
    return Plan(start_etl, (name,), {}, _none)


def etl_stop(name: str) -> Plan[None]:
    return Plan(stop_etl, (name,), {}, _none)


def etl_delete(name: str) -> Plan[None]:
    return Plan(delete_etl, (name,), {}, _none)
