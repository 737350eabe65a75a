"""Cluster-wide information: the cluster map, buckets, readiness, performance, logs, ETLs."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from aistore_hl import _ops
from aistore_hl._twins import twin_docs
from aistore_hl.const import ProviderAIS
from aistore_hl.errors import AISError, ConnectionFailed
from aistore_hl.types import Bck, Smap
from aistore_hl.validation import normalize_provider

if TYPE_CHECKING:
    from aistore_hl.client import AsyncClient, Client
    from aistore_hl.cluster_api import ClusterStats, NodeStats, NodeStatus, RemoteCluster
    from aistore_hl.types import ETL, JobStatus


class Cluster:
    """A class representing a cluster bound to an AIS client.

    Args:
        client: The client this cluster object is bound to.
    """

    def __init__(self, client: Client) -> None:
        self._client = client

    @property
    def client(self) -> Client:
        """The client object bound to this cluster."""
        return self._client

    def get_info(self) -> Smap:
        """Returns state of AIS cluster, including the detailed information about its nodes.

        Returns:
            aistore_hl.types.Smap: Smap containing cluster information (``GET /v1/daemon?what=smap``).

        Raises:
            AISError: The cluster answered with an error.
            ConnectionFailed: The cluster could not be reached (``RequestTimeout`` on timeouts).
        """
        return self._client._rc.run(_ops.smap())

    def get_primary_url(self) -> str:
        """Returns the public URL of the cluster's primary proxy.

        Returns:
            str: The primary proxy's ``public_net.direct_url`` in the cluster map (``Smap``).

        Raises:
            AISError: The cluster answered with an error.
            ConnectionFailed: The cluster could not be reached.
        """
        return self.get_info().primary_url

    def get_uuid(self) -> str:
        """Returns the UUID of the AIS cluster.

        Returns:
            str: The cluster map's ``uuid``.

        Raises:
            AISError: The cluster answered with an error.
            ConnectionFailed: The cluster could not be reached.
        """
        return self.get_info().uuid

    def list_buckets(self, provider: str = ProviderAIS) -> list[Bck]:
        """Returns list of buckets in AIStore cluster.

        Args:
            provider (str, optional): Name of bucket provider, one of "ais", "aws", "gcp", "azure"
                or "oci" (AIS 5.0 removed "hdfs" and "ht"). Defaults to "ais". Empty provider
                returns buckets of all providers.

        Returns:
            List[Bck]: A list of buckets.

        Raises:
            InvalidBckProvider: Unknown provider (before any request).
            AISError: The cluster answered with an error.
            ConnectionFailed: The cluster could not be reached.
        """
        if provider:
            provider = normalize_provider(provider)
        return self._client._rc.run(_ops.buckets(provider))

    def is_aistore_running(self) -> bool:
        """Returns True if cluster is ready, or false if cluster is still setting up.

        Asks the primary proxy whether the cluster has started and finished its startup
        bookkeeping (``GET /v1/health?prr=true``). One attempt, no retries: a node that is not
        reachable, or answers 503, is "not running yet".

        Returns:
            bool: True if cluster is ready, or false if cluster is still setting up.
        """
        try:
            self._client._rc.run(
                _ops.health(prr=True), retry=dataclasses.replace(self._client.config.retry, max_attempts=1)
            )
        except (AISError, ConnectionFailed):
            return False
        return True

    def is_ready(self) -> bool:
        """Checks if cluster is ready or still setting up (the official SDK's name for
        ``is_aistore_running``, and the same probe).

        Sends ``GET /v1/health?prr=true`` (primary ready to rebalance) once, with no retries; a
        proxy that is not the primary forwards it to the primary. Never raises: an unreachable
        cluster, a 503 or any error answer is "not ready".

        Returns:
            bool: True if cluster is ready, or false if cluster is still setting up
                (or cannot be reached).
        """
        return self.is_aistore_running()

    # -- issue 19: jobs, stats, logs, backends, remote clusters -------------------------------------
    def list_jobs_status(self, job_kind: str = "", target_id: str = "") -> list[JobStatus]:
        """Returns the status of every job (of ``job_kind``; on ``target_id``), running or not.

        Returns:
            ``JobStatus`` per job known to the cluster (empty when none).
        """
        from aistore_hl import job_api

        return job_api.list_jobs_status(self._client, job_kind, target_id)

    def list_running_jobs(self, job_kind: str = "", target_id: str = "") -> list[str]:
        """Returns ``"kind[id]"`` of every running job (of ``job_kind``; on ``target_id``)."""
        from aistore_hl import job_api

        return job_api.list_running_jobs(self._client, job_kind, target_id)

    def get_stats(self) -> ClusterStats:
        """Returns the performance counters and capacity of the primary proxy and every target.

        Returns:
            ``ClusterStats`` (``proxy``, ``targets``; ``total("get.n")`` sums a counter).
        """
        from aistore_hl import cluster_api

        return cluster_api.get_stats(self._client)

    def get_performance(self) -> dict[str, NodeStatus]:
        """Returns the performance counters, capacity and status of each target in the cluster.

        One ``what=node_status`` request per target of the cluster map (through the proxy).

        Returns:
            dict[str, NodeStatus]: ``{target id: NodeStatus}`` for every target in the map; a
                ``NodeStatus`` has the counters (``get("get.n")``, ``counters``), ``capacity``,
                ``sys_info``, ``ais_version`` and the whole answer as ``raw``.

        Raises:
            AISError: The cluster, or a target, answered with an error.
            ConnectionFailed: The cluster could not be reached.
        """
        from aistore_hl import cluster_api

        return cluster_api.get_performance(self._client)

    def get_node_stats(self, node_id: str) -> NodeStats:
        """Returns one node's counters and capacity.

        Raises:
            NotFound: No such node.
        """
        from aistore_hl import cluster_api

        return cluster_api.get_node_stats(self._client, node_id)

    def get_node_log(self, node_id: str, severity: str = "info", offset: int = 0) -> str:
        """Returns a node's current log (``severity`` ``info``, ``warning`` or ``error``),
        from byte ``offset``."""
        from aistore_hl import cluster_api

        return cluster_api.get_node_log(self._client, node_id, severity, offset)

    def get_node_log_archive(self, node_id: str, severity: str = "info") -> bytes:
        """Returns every log file of a node (of ``severity``: ``info``, ``warning`` or
        ``error``) as a gzipped TAR."""
        from aistore_hl import cluster_api

        return cluster_api.get_node_log_archive(self._client, node_id, severity)

    def get_cluster_logs(self, severity: str = "info", role: str = "target") -> dict[str, str]:
        """Returns the current log of every node of a role.

        Args:
            severity (str, optional): ``info``, ``warning`` or ``error``. Defaults to ``info``.
            role (str, optional): ``target``, ``proxy`` or ``all``. Defaults to ``target``.

        Returns:
            dict[str, str]: ``{node id: log text}`` for the nodes of the cluster map of that role.

        Raises:
            InvalidArgument: Unknown severity or role (before any request).
            AISError: The cluster, or a node, answered with an error.
            ConnectionFailed: The cluster could not be reached.
        """
        from aistore_hl import cluster_api

        return cluster_api.get_cluster_logs(self._client, severity, role)

    def list_backends(self) -> list[str]:
        """Returns the cloud backends the cluster is built and configured with (``aws``, ...)."""
        from aistore_hl import cluster_api

        return cluster_api.list_backends(self._client)

    def list_remote_clusters(self) -> list[RemoteCluster]:
        """Returns the attached remote AIS clusters (alias, uuid, url, map if reachable)."""
        from aistore_hl import cluster_api

        return cluster_api.list_remote_clusters(self._client)

    def list_etls(self, stages: list[str] | None = None) -> list[ETL]:
        """Lists ETLs filtered by their stages.

        Args:
            stages (List[str], optional): Stages to keep (``Initializing``, ``Running``,
                ``Aborted``, ``Unknown``). Defaults to ``["Running"]``.

        Returns:
            List[ETL]: The ETLs (``GET /v1/etl``) whose ``stage`` is one of ``stages``.

        Raises:
            InvalidArgument: ``stages`` is not a list of strings (before any request).
            Unsupported: The cluster is built without ETL support.
            AISError: The cluster answered with another error.
            ConnectionFailed: The cluster could not be reached.
        """
        from aistore_hl import cluster_api

        return cluster_api.list_etls(self._client, stages)


@twin_docs(Cluster)
class AsyncCluster:
    """Async twin of ``Cluster``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @property
    def client(self) -> AsyncClient:
        """The client object bound to this cluster."""
        return self._client

    async def get_info(self) -> Smap:
        return await self._client._rc.run(_ops.smap())

    async def get_primary_url(self) -> str:
        return (await self.get_info()).primary_url

    async def get_uuid(self) -> str:
        return (await self.get_info()).uuid

    async def list_buckets(self, provider: str = ProviderAIS) -> list[Bck]:
        return await self._client._rc.run(_ops.buckets(normalize_provider(provider) if provider else ""))

    async def is_aistore_running(self) -> bool:
        try:
            await self._client._rc.run(
                _ops.health(prr=True), retry=dataclasses.replace(self._client.config.retry, max_attempts=1)
            )
        except (AISError, ConnectionFailed):
            return False
        return True

    async def is_ready(self) -> bool:
        return await self.is_aistore_running()

    async def list_jobs_status(self, job_kind: str = "", target_id: str = "") -> list[JobStatus]:
        from aistore_hl import job_api

        return await job_api.alist_jobs_status(self._client, job_kind, target_id)

    async def list_running_jobs(self, job_kind: str = "", target_id: str = "") -> list[str]:
        from aistore_hl import job_api

        return await job_api.alist_running_jobs(self._client, job_kind, target_id)

    async def get_stats(self) -> ClusterStats:
        from aistore_hl import cluster_api

        return await cluster_api.aget_stats(self._client)

    async def get_performance(self) -> dict[str, NodeStatus]:
        """Returns the performance counters, capacity and status of each target in the cluster
        (the targets are asked concurrently)."""
        from aistore_hl import cluster_api

        return await cluster_api.aget_performance(self._client)

    async def get_node_stats(self, node_id: str) -> NodeStats:
        from aistore_hl import cluster_api

        return await cluster_api.aget_node_stats(self._client, node_id)

    async def get_node_log(self, node_id: str, severity: str = "info", offset: int = 0) -> str:
        from aistore_hl import cluster_api

        return await cluster_api.aget_node_log(self._client, node_id, severity, offset)

    async def get_node_log_archive(self, node_id: str, severity: str = "info") -> bytes:
        from aistore_hl import cluster_api

        return await cluster_api.aget_node_log_archive(self._client, node_id, severity)

    async def get_cluster_logs(self, severity: str = "info", role: str = "target") -> dict[str, str]:
        """Returns the current log of every node of a role (the nodes are asked concurrently)."""
        from aistore_hl import cluster_api

        return await cluster_api.aget_cluster_logs(self._client, severity, role)

    async def list_backends(self) -> list[str]:
        from aistore_hl import cluster_api

        return await cluster_api.alist_backends(self._client)

    async def list_remote_clusters(self) -> list[RemoteCluster]:
        from aistore_hl import cluster_api

        return await cluster_api.alist_remote_clusters(self._client)

    async def list_etls(self, stages: list[str] | None = None) -> list[ETL]:
        from aistore_hl import cluster_api

        return await cluster_api.alist_etls(self._client, stages)
