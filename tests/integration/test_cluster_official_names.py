"""The official SDK 2.0's ``Cluster`` names: get_primary_url, get_uuid, is_ready, get_performance,
get_cluster_logs, list_etls, get_node_log_archive(severity) — against the real cluster.

Where 2.0 differs by design: ``get_performance`` returns ``{target id: NodeStatus}`` (typed)
instead of ``{target id: raw dict}`` (``NodeStatus.raw`` is that dict); ``is_ready`` sends its one
probe to the configured endpoint (a non-primary proxy forwards ``prr`` to the primary) and, like
2.0, answers False instead of raising when nothing listens — without 2.0's retries first.
"""

from __future__ import annotations

import http.server
import inspect
import io
import tarfile
import threading
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from aistore_hl import Bucket, Client, Cluster
from aistore_hl.cluster_api import NodeStats, NodeStatus
from aistore_hl.errors import InvalidArgument, Unsupported


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


def test_parameters_are_the_official_sdks() -> None:
    # Same names, order and defaults as aistore 2.0's Cluster (its enums' values as strings).
    expected: dict[str, list[tuple[str, Any]]] = {
        "get_primary_url": [],
        "get_uuid": [],
        "is_ready": [],
        "get_performance": [],
        "get_cluster_logs": [("severity", "info"), ("role", "target")],
        "get_node_log_archive": [("node_id", inspect.Parameter.empty), ("severity", "info")],
        "list_etls": [("stages", None)],
    }
    for name, params in expected.items():
        sig = inspect.signature(getattr(Cluster, name))
        assert [(p.name, p.default) for p in list(sig.parameters.values())[1:]] == params, name


def test_get_primary_url_is_the_smap_primary(client: Client, raw: httpx.Client, ais_endpoint: str) -> None:
    url = client.cluster().get_primary_url()
    truth = raw.get("/v1/daemon", params={"what": "smap"}).json()
    assert url == truth["proxy_si"]["public_net"]["direct_url"] == client.cluster().get_info().primary_url
    assert urlsplit(url).port == urlsplit(ais_endpoint).port  # the dev cluster's primary is the one we use


def test_get_uuid_is_the_smap_uuid(client: Client, raw: httpx.Client) -> None:
    uuid = client.cluster().get_uuid()
    assert uuid and uuid == raw.get("/v1/daemon", params={"what": "smap"}).json()["uuid"]
    assert uuid == client.cluster().get_info().uuid


def test_is_ready_true_on_the_real_cluster(client: Client) -> None:
    cluster = client.cluster()
    assert cluster.is_ready() is True and cluster.is_aistore_running() is True


def test_is_ready_false_on_a_closed_port(connect: Callable[..., Client]) -> None:
    # 2.0 catches every exception and answers False; so do we (one attempt, no 30 s of retries).
    assert connect("http://127.0.0.1:1").cluster().is_ready() is False


@pytest.fixture
def starting_node() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server answering every request 503, as a cluster still starting up does."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}", seen
    finally:
        srv.shutdown()
        srv.server_close()


def test_is_ready_false_on_503_asked_once(
    starting_node: tuple[str, list[str]], connect: Callable[..., Client]
) -> None:
    endpoint, seen = starting_node
    assert connect(endpoint).cluster().is_ready() is False
    assert seen == ["/v1/health?prr=true"]  # the readiness probe, once


def test_get_performance_has_every_target_counting_what_we_do(
    client: Client, bucket: Bucket, raw: httpx.Client
) -> None:
    cluster = client.cluster()
    smap = cluster.get_info()
    before = cluster.get_performance()
    assert set(before) == set(smap.tmap) and len(before) >= 1
    for i in range(8):
        bucket.object(f"p{i}").put(content=b"y" * 256)
        assert bucket.object(f"p{i}").get().read_all() == b"y" * 256
    after = cluster.get_performance()
    assert set(after) == set(smap.tmap)
    for tid, st in after.items():
        assert isinstance(st, NodeStatus)
        assert st.node_id == tid and st.node_type == "target"
        assert st.ais_version and st.smap_version >= 1
        assert st.counters and all(v >= 0 for v in st.counters.values()), st.counters
        assert st.get("up.ns.time") > 0 and st.get("no.such.counter", -1) == -1
        assert int(st.capacity["total_avail"]) > 0 and st.sys_info["mem_used"] > 0
        assert st.get("get.n") >= before[tid].get("get.n") and st.get("put.n") >= before[tid].get("put.n")
        stats = st.stats
        assert isinstance(stats, NodeStats) and stats.node_id == tid and stats.get("get.n") == st.get("get.n")
    # ``*.n`` count since start; ``*.size`` / ``*.bps`` are per-interval figures, so not compared
    total = {c: sum(after[t].get(c) - before[t].get(c) for t in after) for c in ("put.n", "get.n")}
    assert total["put.n"] >= 8 and total["get.n"] >= 8
    # the same answer an independent what=node_status request gives
    tid = sorted(after)[0]
    truth = raw.get("/v1/reverse/daemon", params={"what": "node_status"}, headers={"ais-node-id": tid}).json()
    assert truth["snode"]["daemon_id"] == tid and truth["ais_version"] == after[tid].ais_version
    assert set(truth["tracker"]) <= set(after[tid].raw["tracker"]) | set(after[tid].counters)


def test_get_cluster_logs_by_role(client: Client) -> None:
    cluster = client.cluster()
    smap = cluster.get_info()
    targets = cluster.get_cluster_logs()
    assert set(targets) == set(smap.tmap) and all(isinstance(v, str) and v for v in targets.values())
    assert set(cluster.get_cluster_logs("error", "proxy")) == set(smap.pmap)
    assert set(cluster.get_cluster_logs(role="all")) == set(smap.tmap) | set(smap.pmap)
    with pytest.raises(InvalidArgument):
        cluster.get_cluster_logs(role="gateway")
    with pytest.raises(InvalidArgument):
        cluster.get_cluster_logs(severity="debug")


def test_get_node_log_archive_by_severity(client: Client) -> None:
    cluster = client.cluster()
    tid = sorted(cluster.get_info().tmap)[0]

    def names(*severity: str) -> list[str]:
        with tarfile.open(fileobj=io.BytesIO(cluster.get_node_log_archive(tid, *severity))) as tar:
            return tar.getnames()

    info, err = names("info"), names("error")
    assert info and all(".INFO." in n for n in info)
    assert err and all(".ERROR." in n for n in err)
    assert names("warning") == err  # aisnode writes warnings to its ERROR log
    assert names() == info  # the default severity is info
    with pytest.raises(InvalidArgument):
        cluster.get_node_log_archive(tid, "debug")


def test_list_etls(client: Client, raw: httpx.Client) -> None:
    cluster = client.cluster()
    with pytest.raises(InvalidArgument):
        cluster.list_etls("Running")  # type: ignore[arg-type]  # a list, not a string
    answer = raw.get("/v1/etl")
    if answer.status_code == 501:  # this dev build has no ETL: the typed error, as every ETL call
        with pytest.raises(Unsupported) as ei:
            cluster.list_etls()
        assert ei.value.status_code == 501
        return
    every = {e["id"]: e["stage"] for e in answer.json() or []}
    assert {e.id for e in cluster.list_etls()} == {n for n, s in every.items() if s == "Running"}
    assert {e.id for e in cluster.list_etls(list(set(every.values())))} == set(every)
    assert cluster.list_etls([]) == []
