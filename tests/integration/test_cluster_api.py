"""Cluster stats, node logs, backends, remote clusters, on the real cluster."""

from __future__ import annotations

import asyncio
import gzip
import io
import tarfile

import pytest

from aistore_hl import AsyncClient, Bucket, Client, cluster_api
from aistore_hl.errors import InvalidArgument, NotFound
from tests.support.twin import twin_module

# On the async run's client ca.get_stats is aget_stats, and so on.
ca = twin_module(cluster_api)


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


def _target(client: Client) -> str:
    return sorted(client.cluster().get_info().tmap)[0]


def test_cluster_stats_count_what_we_do(client: Client, bucket: Bucket) -> None:
    before = ca.get_stats(client)
    smap = client.cluster().get_info()
    assert set(before.targets) == set(smap.tmap) and before.proxy.node_id == smap.proxy_si.daemon_id
    assert before.proxy.node_type == "proxy" and all(t.node_type == "target" for t in before.targets.values())
    for i in range(10):
        bucket.object(f"o{i}").put(content=b"x" * 100)
        bucket.object(f"o{i}").get().read_all()
    after = ca.get_stats(client)
    assert after.total("put.n") - before.total("put.n") >= 10
    assert after.total("get.n") - before.total("get.n") >= 10
    assert all(t.capacity.get("total_avail") for t in after.targets.values())
    assert after.proxy.get("up.ns.time") > 0 and after.proxy.get("no.such.counter", -1) == -1


def test_node_stats_and_logs(client: Client) -> None:
    tid = _target(client)
    s = ca.get_node_stats(client, tid)
    assert s.node_id == tid and s.node_type == "target" and s.get("up.ns.time") > 0
    # aisnode rotates its log files as they grow (on a busy machine, now and then between two
    # of these requests): a log that shrank between the reads is read again, up to 3 times
    for _ in range(3):
        log = ca.get_node_log(client, tid)
        errors = ca.get_node_log(client, tid, severity="error")
        tail = ca.get_node_log(client, tid, offset=max(0, len(log.encode()) - 50))
        if len(log) > 100 and tail:
            break
    assert len(log) > 100 and "\n" in log
    assert isinstance(errors, str) and errors != log  # the error log is a file of its own
    assert 0 < len(tail.encode()) <= len(log.encode())
    archive = ca.get_node_log_archive(client, tid)
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(archive))) as tar:
        assert tar.getnames()  # every log file of the node
    with pytest.raises(NotFound):
        ca.get_node_stats(client, "no-such-node")
    for bad in ("", None):
        with pytest.raises(InvalidArgument):
            ca.get_node_log(client, bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        ca.get_node_log(client, tid, severity="debug")
    with pytest.raises(InvalidArgument):
        ca.get_node_log(client, tid, offset=-1)


def test_backends_and_remote_clusters(client: Client, remote_alias: str) -> None:
    backends = ca.list_backends(client)
    assert isinstance(backends, list) and all(isinstance(b, str) for b in backends)
    assert "ais" not in backends  # cloud backends built in (none in this build)
    remotes = ca.list_remote_clusters(client)
    mine = [r for r in remotes if r.alias == remote_alias]
    assert len(mine) == 1 and mine[0].online and mine[0].url.startswith("http")
    assert mine[0].smap is not None and mine[0].smap.tmap and mine[0].uuid


def test_async_twins(ais_endpoint: str, remote_alias: str) -> None:
    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            stats = await ca.aget_stats(c)
            tid = sorted(stats.targets)[0]
            assert (await ca.aget_node_stats(c, tid)).node_id == tid
            assert "\n" in await ca.aget_node_log(c, tid)
            assert (await ca.aget_node_log_archive(c, tid))[:2] == b"\x1f\x8b"
            assert isinstance(await ca.alist_backends(c), list)
            assert any(r.alias == remote_alias for r in await ca.alist_remote_clusters(c))

    asyncio.run(main())
