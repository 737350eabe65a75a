"""Cluster information beyond the seed, sync and async: performance counters of every node or of
one, per-target performance and status (the official SDK 2.0's ``get_performance``), node logs,
configured backends, attached remote clusters, the ETL list by stage.

Counters come as the server names them (``get.n``, ``put.ns``, ``err.get.n``,
``disk.<dev>.util``...: ``stats.Tracker``), as ints; sizes and capacity as the server reports.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from aistore_hl import _ops, _plans_api
from aistore_hl.errors import InvalidArgument, UnexpectedResponse
from aistore_hl.types import ETL, Smap

if TYPE_CHECKING:
    import httpx

    from aistore_hl.client import AsyncClient, Client

__all__ = ["ClusterStats", "NodeStats", "NodeStatus", "RemoteCluster"]

LOG_SEVERITIES: Final = ("info", "warning", "error")
#: ``role`` of ``get_cluster_logs``: the official SDK's ``NodeFilter`` values.
LOG_ROLES: Final = ("target", "proxy", "all")
#: The ETL stage ``list_etls`` keeps by default (the server's ``Running``).
ETL_STAGE_RUNNING: Final = "Running"


def _ints(d: Mapping[str, Any] | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for k, v in (d or {}).items():
        try:
            out[k] = int(v)
        except (TypeError, ValueError):
            continue  # not a counter
    return out


@dataclass(frozen=True, slots=True)
class NodeStats:
    """One node's performance counters and capacity (``stats.Node``).

    Attributes:
        node_id: The node's id; ``node_type`` ``"proxy"`` or ``"target"``.
        counters: ``{name: value}`` as the server names them (``get.n``: GETs served,
            ``get.ns``: their latency in ns, ``err.*``: error counts, ``up.ns.time``: uptime...).
        capacity: Targets' mountpath capacity (``total_used``, ``total_avail``, ``pct_*``,
            ``mountpaths``), as the server sent it.
        raw: Everything the server sent.
    """

    node_id: str
    node_type: str
    counters: Mapping[str, int]
    capacity: Mapping[str, Any]
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    def get(self, counter: str, default: int = 0) -> int:
        """One counter (``default`` when the node has not counted it yet)."""
        return self.counters.get(counter, default)

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> NodeStats:
        """Build from one node's ``stats.Node`` JSON."""
        snode = d.get("snode") or {}
        return cls(
            node_id=str(snode.get("daemon_id") or ""),
            node_type=str(snode.get("daemon_type") or ""),
            counters=_ints(d.get("tracker")),
            capacity=dict(d.get("capacity") or {}),
            raw=dict(d),
        )


@dataclass(frozen=True, slots=True)
class NodeStatus:
    """One node's performance counters, capacity and status (``what=node_status``:
    ``stats.NodeStatus``), as ``Cluster.get_performance`` returns it per target.

    Attributes:
        node_id: The node's id; ``node_type`` ``"proxy"`` or ``"target"``.
        counters: ``{name: value}`` as the server names them (``get.n``, ``get.ns``,
            ``put.size``, ``err.*``, ``disk.<dev>.util``, ``up.ns.time``...), ints.
        capacity: Mountpath capacity (``total_used``, ``total_avail``, ``pct_*``,
            ``mountpaths``), as the server sent it.
        sys_info: Memory and CPU use (``mem_used``, ``pct_cpu_used``, ``load_avg``...).
        status: The node's status text ("" when it has nothing to report).
        ais_version: The ``aisnode`` version (``5.0.v1.5.0``...); ``build_time`` its build time.
        deployment: ``dev``, ``k8s``...; ``k8s_pod_name`` the pod on Kubernetes ("" otherwise).
        smap_version: The version of the cluster map the node has.
        raw: Everything the server sent.
    """

    node_id: str
    node_type: str
    counters: Mapping[str, int]
    capacity: Mapping[str, Any]
    sys_info: Mapping[str, Any]
    status: str = ""
    ais_version: str = ""
    build_time: str = ""
    deployment: str = ""
    k8s_pod_name: str = ""
    smap_version: int = 0
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def get(self, counter: str, default: int = 0) -> int:
        """One counter (``default`` when the node has not counted it yet)."""
        return self.counters.get(counter, default)

    @property
    def stats(self) -> NodeStats:
        """The counters and capacity alone, as ``Cluster.get_node_stats`` returns them."""
        return NodeStats(self.node_id, self.node_type, self.counters, self.capacity, self.raw)

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> NodeStatus:
        """Build from one node's ``stats.NodeStatus`` JSON."""
        if not isinstance(d, Mapping):
            raise UnexpectedResponse("node status is not a JSON object")
        snode = d.get("snode") or {}
        try:
            smap_version = int(d.get("smap_version") or 0)
        except (TypeError, ValueError):
            smap_version = 0
        return cls(
            node_id=str(snode.get("daemon_id") or ""),
            node_type=str(snode.get("daemon_type") or ""),
            counters=_ints(d.get("tracker")),
            capacity=dict(d.get("capacity") or {}),
            sys_info=dict(d.get("sys_info") or {}),
            status=str(d.get("status") or ""),
            ais_version=str(d.get("ais_version") or ""),
            build_time=str(d.get("build_time") or ""),
            deployment=str(d.get("deployment") or ""),
            k8s_pod_name=str(d.get("k8s_pod_name") or ""),
            smap_version=smap_version,
            raw=dict(d),
        )


@dataclass(frozen=True, slots=True)
class ClusterStats:
    """Counters of the primary proxy and of every target (``GET /v1/cluster?what=node_stats``).

    Attributes:
        proxy: The primary proxy's stats.
        targets: ``{target id: NodeStats}``.
    """

    proxy: NodeStats
    targets: Mapping[str, NodeStats]

    def total(self, counter: str) -> int:
        """A counter summed over the targets (e.g. ``get.n``, ``put.size``)."""
        return sum(t.get(counter) for t in self.targets.values())

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ClusterStats:
        """Build from the ``what=node_stats`` answer."""
        if not isinstance(d, Mapping) or "proxy" not in d:
            raise UnexpectedResponse("cluster stats without a 'proxy' section")
        targets = {tid: NodeStats.from_json(v) for tid, v in (d.get("target") or {}).items()}
        return cls(NodeStats.from_json(d["proxy"]), targets)


@dataclass(frozen=True, slots=True)
class RemoteCluster:
    """An attached remote AIS cluster (``meta.RemAis``).

    Attributes:
        alias: The name buckets use (``ais://@<alias>/bucket``); ``uuid`` the cluster's UUID.
        url: The remote proxy's URL.
        smap: Its cluster map, None when it was unreachable.
    """

    alias: str
    uuid: str
    url: str
    smap: Smap | None

    @property
    def online(self) -> bool:
        """True when the remote cluster answered (its map is known)."""
        return self.smap is not None


def remote_clusters_from_json(d: dict[str, Any]) -> list[RemoteCluster]:
    out = []
    for r in d.get("a") or []:
        smap = r.get("smap")
        out.append(
            RemoteCluster(
                alias=str(r.get("alias") or ""),
                uuid=str(r.get("uuid") or ""),
                url=str(r.get("url") or ""),
                smap=Smap.from_json(smap) if smap else None,
            )
        )
    return out


def check_node_id(node_id: object) -> str:
    if not isinstance(node_id, str) or not node_id:
        raise InvalidArgument(node_id, "must be a node id (Smap pmap/tmap key)", param="node_id")
    return node_id


def log_query(severity: object, offset: object) -> dict[str, Any]:
    if severity not in LOG_SEVERITIES:
        raise InvalidArgument(severity, f"must be one of {LOG_SEVERITIES}", param="severity")
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise InvalidArgument(offset, "must be an int >= 0", param="offset")
    return {"severity": severity, "offset": offset}


def log_role(role: object) -> str:
    if role not in LOG_ROLES:
        raise InvalidArgument(role, f"must be one of {LOG_ROLES}", param="role")
    return str(role)


def check_stages(stages: object) -> tuple[str, ...]:
    if stages is None:
        return (ETL_STAGE_RUNNING,)
    if (
        isinstance(stages, str)
        or not isinstance(stages, Sequence)
        or not all(isinstance(x, str) for x in stages)
    ):
        raise InvalidArgument(stages, "must be a list of ETL stages (e.g. ['Running'])", param="stages")
    return tuple(stages)


def nodes_of(smap: Smap, role: str) -> list[str]:
    """Ids of the nodes of ``role`` (``target``, ``proxy``, ``all``): targets first, each sorted."""
    ids = sorted(smap.tmap) if role in ("target", "all") else []
    return ids + (sorted(smap.pmap) if role in ("proxy", "all") else [])


def _node_stats(resp: httpx.Response) -> NodeStats:
    return NodeStats.from_json(json.loads(resp.content))


def _node_status(resp: httpx.Response) -> NodeStatus:
    return NodeStatus.from_json(json.loads(resp.content))


# -- sync ------------------------------------------------------------------------------------------
def get_stats(client: Client) -> ClusterStats:
    """Sync driver of ``Cluster.get_stats``."""
    return ClusterStats.from_json(client._rc.run(_plans_api.cluster_stats()))


def get_node_stats(client: Client, node_id: str) -> NodeStats:
    """Sync driver of ``Cluster.get_node_stats``."""
    return _node_stats(client._rc.run(_plans_api.node_info(check_node_id(node_id), "node_stats")))


def get_node_log(client: Client, node_id: str, severity: str = "info", offset: int = 0) -> str:
    """Sync driver of ``Cluster.get_node_log``."""
    q = log_query(severity, offset)
    return client._rc.run(_plans_api.node_info(check_node_id(node_id), "log", **q)).text


def get_node_log_archive(client: Client, node_id: str, severity: str = "info") -> bytes:
    """Sync driver of ``Cluster.get_node_log_archive``: every log of the node, gzipped TAR."""
    q = log_query(severity, 0)
    plan = _plans_api.node_info(check_node_id(node_id), "log", severity=q["severity"], all_=True)
    return client._rc.run(plan).content


def list_backends(client: Client) -> list[str]:
    """Sync driver of ``Cluster.list_backends``."""
    return client._rc.run(_plans_api.backends())


def list_remote_clusters(client: Client) -> list[RemoteCluster]:
    """Sync driver of ``Cluster.list_remote_clusters``."""
    return remote_clusters_from_json(client._rc.run(_plans_api.remote_clusters()))


def get_performance(client: Client) -> dict[str, NodeStatus]:
    """Sync driver of ``Cluster.get_performance``: one ``what=node_status`` per target."""
    tids = sorted(client._rc.run(_ops.smap()).tmap)
    return {tid: _node_status(client._rc.run(_plans_api.node_info(tid, "node_status"))) for tid in tids}


def get_cluster_logs(client: Client, severity: str = "info", role: str = "target") -> dict[str, str]:
    """Sync driver of ``Cluster.get_cluster_logs``."""
    q, role = log_query(severity, 0), log_role(role)
    ids = nodes_of(client._rc.run(_ops.smap()), role)
    return {nid: client._rc.run(_plans_api.node_info(nid, "log", **q)).text for nid in ids}


def list_etls(client: Client, stages: list[str] | None = None) -> list[ETL]:
    """Sync driver of ``Cluster.list_etls``."""
    keep = check_stages(stages)
    return [e for e in client._rc.run(_ops.etl_list()) if e.stage in keep]


# -- async -----------------------------------------------------------------------------------------
async def aget_stats(client: AsyncClient) -> ClusterStats:
    """Async driver of ``AsyncCluster.get_stats``."""
    return ClusterStats.from_json(await client._rc.run(_plans_api.cluster_stats()))


async def aget_node_stats(client: AsyncClient, node_id: str) -> NodeStats:
    """Async driver of ``AsyncCluster.get_node_stats``."""
    return _node_stats(await client._rc.run(_plans_api.node_info(check_node_id(node_id), "node_stats")))


async def aget_node_log(client: AsyncClient, node_id: str, severity: str = "info", offset: int = 0) -> str:
    """Async driver of ``AsyncCluster.get_node_log``."""
    q = log_query(severity, offset)
    return (await client._rc.run(_plans_api.node_info(check_node_id(node_id), "log", **q))).text


async def aget_node_log_archive(client: AsyncClient, node_id: str, severity: str = "info") -> bytes:
    """Async driver of ``AsyncCluster.get_node_log_archive``."""
    q = log_query(severity, 0)
    plan = _plans_api.node_info(check_node_id(node_id), "log", severity=q["severity"], all_=True)
    return (await client._rc.run(plan)).content


async def alist_backends(client: AsyncClient) -> list[str]:
    """Async driver of ``AsyncCluster.list_backends``."""
    return await client._rc.run(_plans_api.backends())


async def alist_remote_clusters(client: AsyncClient) -> list[RemoteCluster]:
    """Async driver of ``AsyncCluster.list_remote_clusters``."""
    return remote_clusters_from_json(await client._rc.run(_plans_api.remote_clusters()))


async def aget_performance(client: AsyncClient) -> dict[str, NodeStatus]:
    """Async driver of ``AsyncCluster.get_performance``: the targets are asked concurrently."""
    tids = sorted((await client._rc.run(_ops.smap())).tmap)
    answers = await asyncio.gather(*(client._rc.run(_plans_api.node_info(t, "node_status")) for t in tids))
    return {tid: _node_status(r) for tid, r in zip(tids, answers, strict=True)}


async def aget_cluster_logs(
    client: AsyncClient, severity: str = "info", role: str = "target"
) -> dict[str, str]:
    """Async driver of ``AsyncCluster.get_cluster_logs``: the nodes are asked concurrently."""
    q, role = log_query(severity, 0), log_role(role)
    ids = nodes_of(await client._rc.run(_ops.smap()), role)
    answers = await asyncio.gather(*(client._rc.run(_plans_api.node_info(n, "log", **q)) for n in ids))
    return {nid: r.text for nid, r in zip(ids, answers, strict=True)}


async def alist_etls(client: AsyncClient, stages: list[str] | None = None) -> list[ETL]:
    """Async driver of ``AsyncCluster.list_etls``."""
    keep = check_stages(stages)
    return [e for e in await client._rc.run(_ops.etl_list()) if e.stage in keep]
