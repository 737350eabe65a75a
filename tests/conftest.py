"""Shared pytest fixtures: a real AIStore cluster for the whole session.

If ``AIS_ENDPOINT`` is set, tests use that cluster and start nothing (``AIS_REMOTE_ALIAS`` names a
remote AIS backend attached to it, if any). Otherwise the session starts its own pair of real
aisnode clusters on 127.0.0.1 (main: 1 proxy + 2 targets; remote: 1 + 1, attached as ``remais``)
from fresh directories and stops them by PID at the end. A cluster left running by
``make cluster-up`` is reused.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import aiscluster
import httpx
import pytest


@dataclass
class ClusterInfo:
    """What tests know about the cluster under test."""

    endpoint: str
    remote_alias: str | None
    pair: aiscluster.ClusterPair | None  # set only when this session (or cluster-up) started it


def _started_by_make() -> aiscluster.ClusterPair | None:
    if not aiscluster.STATE_FILE.exists():
        return None
    st = json.loads(aiscluster.STATE_FILE.read_text())
    pair = aiscluster.ClusterPair(
        aiscluster.LocalCluster.from_state(st["main"]),
        aiscluster.LocalCluster.from_state(st["remote"]) if st.get("remote") else None,
        st.get("alias", "remais"),
    )
    return pair if pair.main.is_ready() else None


@pytest.fixture(scope="session")
def ais_cluster() -> Iterator[ClusterInfo]:
    endpoint = os.environ.get("AIS_ENDPOINT")
    if endpoint:
        yield ClusterInfo(endpoint.rstrip("/"), os.environ.get("AIS_REMOTE_ALIAS") or None, None)
        return
    reused = _started_by_make()
    if reused is not None:
        yield ClusterInfo(reused.main.endpoint, reused.alias if reused.remote else None, reused)
        return
    pair = aiscluster.ClusterPair.start(
        main_port=int(os.environ.get("AIS_TEST_PORT", 8080)),
        remote_port=int(os.environ.get("AIS_TEST_REMOTE_PORT", 11080)),
    )
    try:
        yield ClusterInfo(pair.main.endpoint, pair.alias, pair)
    finally:
        pair.stop()


@pytest.fixture(scope="session")
def ais_endpoint(ais_cluster: ClusterInfo) -> str:
    """URL of the primary proxy of the cluster under test."""
    return ais_cluster.endpoint


@pytest.fixture(scope="session")
def remote_alias(ais_cluster: ClusterInfo) -> str:
    """Alias of the remote AIS cluster attached as a backend (``ais://@<alias>/<bucket>``)."""
    if ais_cluster.remote_alias is None:
        pytest.skip("the cluster at AIS_ENDPOINT has no remote AIS attached: set AIS_REMOTE_ALIAS")
    return ais_cluster.remote_alias


def unique_name(prefix: str = "t") -> str:
    """A bucket name no other test (or earlier run) uses."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def _destroy(endpoint: str, name: str, provider: str, namespace: str) -> None:
    params = {"provider": provider}
    if namespace:
        params["namespace"] = namespace
    with httpx.Client(timeout=30) as c:
        r = c.request(
            "DELETE", f"{endpoint}/v1/buckets/{name}", params=params, json={"action": "destroy-bck"}
        )
        if r.status_code not in (200, 404):
            raise AssertionError(f"cleanup of bucket {name}: HTTP {r.status_code} {r.text}")


@pytest.fixture
def bucket_factory(ais_endpoint: str) -> Iterator[Callable[..., str]]:
    """Create uniquely named buckets; every one is destroyed after the test.

    Call as ``bucket_factory()`` for a new ais bucket, or ``bucket_factory(create=False)`` to only
    reserve a name (the test creates it) that is still cleaned up. ``namespace`` (uname form,
    e.g. ``@remais#``) targets a remote AIS cluster.
    """
    made: list[tuple[str, str, str]] = []

    def make(prefix: str = "t", *, create: bool = True, provider: str = "ais", namespace: str = "") -> str:
        name = unique_name(prefix)
        made.append((name, provider, namespace))
        if create:
            params = {"provider": provider}
            if namespace:
                params["namespace"] = namespace
            with httpx.Client(timeout=30) as c:
                r = c.post(f"{ais_endpoint}/v1/buckets/{name}", params=params, json={"action": "create-bck"})
                r.raise_for_status()
        return name

    yield make
    for name, provider, namespace in reversed(made):
        _destroy(ais_endpoint, name, provider, namespace)
