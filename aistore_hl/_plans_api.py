"""Plans of the issue-19 surface (jobs, cluster info, bucket props and summary; object write
paths as their operations land): each a pure ``Plan`` over a generated endpoint's
``request_kwargs``, run by ``RequestClient.run`` / ``AsyncRequestClient.run`` as in ``_ops``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import httpx
from aistore_ll.models import (
    ActMsg,
    ArgsMsg,
    BlobMsg,
    BpropsToSet,
    BsummCtrlMsg,
    CustomMD,
    MptCompletedPart,
    PromoteArgs,
    QueryMsg,
)
from aistore_ll.types import UNSET, File

from aistore_hl._endpoints import (
    delete_object,
    get_node_info,
    head_bucket,
    head_object,
    list_objects,
    perform_cluster_action,
    perform_object_action,
    perform_objects_action,
    put_object,
    query_cluster,
    update_bucket_props,
    update_object_props,
)
from aistore_hl._ops import ActBody, Plan, bck_query, ll_bck
from aistore_hl.header import Header
from aistore_hl.types import Bck, JobStatus


def _opt(value: Any) -> Any:
    """Empty values are left out of the request (the server's defaults apply)."""
    return value if value not in ("", None, False, 0) else UNSET


def _json(resp: httpx.Response) -> Any:
    return json.loads(resp.content) if resp.content else None


def _none(_: httpx.Response) -> None:
    return None


def _text(resp: httpx.Response) -> str:
    return resp.text.strip()


def _act(action: str, value: Any = UNSET, name: str = "") -> ActMsg:
    return ActBody(action=action, value=value, name=name or UNSET)


# -- jobs ------------------------------------------------------------------------------------------
def _query(job_id: str, job_kind: str, daemon_id: str, only_running: bool, bck: Bck | None) -> QueryMsg:
    return QueryMsg(
        id=_opt(job_id),
        kind=_opt(job_kind),
        node=_opt(daemon_id),
        show_active=True if only_running else UNSET,
        bck=ll_bck(bck) if bck is not None else UNSET,
    )


def jobs_status(
    job_kind: str, daemon_id: str, only_running: bool, bck: Bck | None = None
) -> Plan[list[JobStatus]]:
    """``what=status_all``: the status of every job matching (``null`` when none)."""
    return Plan(
        query_cluster,
        (),
        {"what": "status_all", "body": _query("", job_kind, daemon_id, only_running, bck)},
        lambda r: [JobStatus.from_json(s) for s in (_json(r) or [])],
    )


def running_jobs(job_kind: str, daemon_id: str, bck: Bck | None = None) -> Plan[list[str]]:
    """``what=running_all``: ``"kind[id]"`` of every running job matching."""
    return Plan(
        query_cluster,
        (),
        {"what": "running_all", "body": _query("", job_kind, daemon_id, False, bck)},
        lambda r: [str(s) for s in (_json(r) or [])],
    )


def abort_job(job_id: str, job_kind: str, bck: Bck | None = None) -> Plan[None]:
    """``stop``: abort the job with this id, or every job of this kind (on ``bck``)."""
    args = ArgsMsg(id=_opt(job_id), kind=_opt(job_kind), bck=ll_bck(bck) if bck is not None else UNSET)
    return Plan(perform_cluster_action, (), {"body": _act("stop", args)}, _none)


# -- cluster ---------------------------------------------------------------------------------------
def backends() -> Plan[list[str]]:
    """``what=backends``: the backend providers this cluster was built and configured with."""
    return Plan(query_cluster, (), {"what": "backends"}, lambda r: [str(b) for b in (_json(r) or [])])


def remote_clusters() -> Plan[dict[str, Any]]:
    """``what=remote``: the attached remote AIS clusters (``{"a": [...], "ver": n}``)."""
    return Plan(query_cluster, (), {"what": "remote"}, lambda r: dict(_json(r) or {}))


# -- bucket props and summary ----------------------------------------------------------------------
def set_bucket_props(bck: Bck, props: Mapping[str, Any]) -> Plan[str]:
    """``set-bprops``: the job id when the change started one (e.g. mirroring), else ""."""
    body = _act("set-bprops", BpropsToSet.from_dict(dict(props)))
    return Plan(update_bucket_props, (bck.name,), {**bck_query(bck), "body": body}, _text)


def reset_bucket_props(bck: Bck) -> Plan[str]:
    """``reset-bprops``: back to the cluster's defaults."""
    return Plan(update_bucket_props, (bck.name,), {**bck_query(bck), "body": _act("reset-bprops")}, _text)


def bucket_summary(
    bck: Bck, *, uuid: str = "", prefix: str = "", cached: bool = False, present: bool = False
) -> Plan[tuple[int, Any]]:
    """``summary-bck``: ``(status, xid)`` when started (202 + job id as text), then
    ``(status, [BsummResult JSON])`` with ``uuid`` once done (200; 202/206 while running)."""
    msg = BsummCtrlMsg(uuid=_opt(uuid), prefix=_opt(prefix), cached=_opt(cached), present=_opt(present))

    def parse(r: httpx.Response) -> tuple[int, Any]:
        if r.status_code == 200:
            return 200, _json(r) or []
        text = r.text.strip()
        if text.startswith("["):  # 206: a partial result
            return r.status_code, json.loads(text)
        return r.status_code, text

    return Plan(list_objects, (bck.name,), {**bck_query(bck), "body": _act("summary-bck", msg)}, parse)


def bucket_info(bck: Bck, *, uuid: str = "", bsumm_remote: bool = False) -> Plan[tuple[int, Header]]:
    """HEAD ``bsumm_remote=``: ``(202, headers)`` with ``Ais-Xaction-Id`` while the summary job
    runs, ``(200, headers)`` with ``Ais-Bucket-Summ`` once done."""
    kw = {**bck_query(bck), "bsumm_remote": bsumm_remote, "uuid": _opt(uuid)}
    return Plan(head_bucket, (bck.name,), kw, lambda r: (r.status_code, Header(r.headers)))


# -- cluster: nodes --------------------------------------------------------------------------------
def cluster_stats() -> Plan[Any]:
    """``what=node_stats`` on ``/v1/cluster``: every node's counters and capacity."""
    return Plan(query_cluster, (), {"what": "node_stats"}, _json)


def node_info(node_id: str, what: str, **query: Any) -> Plan[httpx.Response]:
    """``/v1/reverse/daemon?what=`` of one node (the answer is read by the caller: JSON or text)."""
    kw = {"what": what, "ais_node_id": node_id, **{k: _opt(v) for k, v in query.items()}}
    return Plan(get_node_info, (), kw, lambda r: r)


# -- objects: write paths --------------------------------------------------------------------------
def obj_put_kwargs(bck: Bck, name: str, **query: Any) -> dict[str, Any]:
    """URL and query of an object PUT (append, part, copy...); the body goes by ``put_redirected``."""
    q = {k: _opt(v) for k, v in query.items()}
    no_body = File(payload=None)  # type: ignore[arg-type]  # the body is sent by put_redirected
    kw: dict[str, Any] = put_object.request_kwargs(bck.name, name, **bck_query(bck), body=no_body, **q)
    kw.pop("content", None)
    return kw


def mpt_create(bck: Bck, name: str) -> Plan[str]:
    """``mpt-upload``: start a multipart upload; the answer is its upload id (text)."""
    return Plan(
        perform_object_action, (bck.name, name), {**bck_query(bck), "body": _act("mpt-upload")}, _text
    )


def mpt_complete(bck: Bck, name: str, upload_id: str, part_numbers: list[int]) -> Plan[None]:
    """``mpt-complete``: assemble the listed parts (ascending) into the object."""
    parts = [MptCompletedPart(part_number=n) for n in part_numbers]
    kw = {**bck_query(bck), "upload_id": upload_id, "body": _act("mpt-complete", parts)}
    return Plan(perform_object_action, (bck.name, name), kw, _none)


def mpt_abort(bck: Bck, name: str, upload_id: str) -> Plan[None]:
    """``mpt-abort``: drop the upload and its parts."""
    kw = {**bck_query(bck), "upload_id": upload_id, "body": _act("mpt-abort")}
    return Plan(delete_object, (bck.name, name), kw, _none)


def set_custom_props(bck: Bck, name: str, custom: Mapping[str, str], replace: bool) -> Plan[None]:
    """PATCH the object's custom metadata (merged, or replacing it all with ``set-new-custom``)."""
    body = _act("", CustomMD.from_dict(dict(custom)))
    kw = {**bck_query(bck), "set_new_custom": _opt(replace), "body": body}
    return Plan(update_object_props, (bck.name, name), kw, _none)


def head_v2(bck: Bck, name: str, props: str) -> Plan[Header]:
    """HEAD v2: only the requested properties (``props=name,size,...``)."""
    kw = {**bck_query(bck), "props": props}
    return Plan(head_object, (bck.name, name), kw, lambda r: Header.for_object(r.headers))


def chunk_count(bck: Bck, name: str) -> Plan[int]:
    """HEAD v2 ``props=chunked``: the object's chunk count (``Ais-Chunks-Count``; 0 = monolithic).
    Appends and archive listings check it first (AIS 5.0 reads only a chunked object's first
    chunk there)."""
    kw = {**bck_query(bck), "props": "chunked"}
    return Plan(head_object, (bck.name, name), kw, lambda r: int(r.headers.get("ais-chunks-count") or 0))


def promote(bck: Bck, args: PromoteArgs) -> Plan[str]:
    """``promote``: files on the targets' file systems into objects; a job id, or "" for a
    small promotion done in line."""
    return Plan(perform_objects_action, (bck.name,), {**bck_query(bck), "body": _act("promote", args)}, _text)


def blob_download(bck: Bck, name: str, msg: BlobMsg) -> Plan[str]:
    """``blob-download`` of one remote object (``name`` in the ActMsg): the job id."""
    body = _act("blob-download", msg, name=name)
    return Plan(perform_objects_action, (bck.name,), {**bck_query(bck), "body": body}, _text)
