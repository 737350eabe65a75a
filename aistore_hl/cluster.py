"""Cluster-wide information: the cluster map, buckets, readiness."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from aistore_hl import _ops
from aistore_hl.const import ProviderAIS
from aistore_hl.errors import AISError, ConnectionFailed
from aistore_hl.types import Bck, Smap
from aistore_hl.validation import normalize_provider

if TYPE_CHECKING:
    from aistore_hl.client import Client


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
