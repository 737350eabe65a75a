"""Seed ``Cluster``: client, get_info, list_buckets, is_aistore_running — against the real cluster."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from aistore_hl import Bck, Client, Smap
from aistore_hl.errors import BadRequest, InvalidBckProvider


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``connect`` follows ``client_kind``)."""
    return any_client


def test_client_property(client: Client) -> None:
    cluster = client.cluster()
    assert cluster.client is client


def test_get_info_matches_the_proxy_smap(client: Client, raw: httpx.Client, ais_endpoint: str) -> None:
    smap = client.cluster().get_info()
    truth = raw.get("/v1/daemon", params={"what": "smap"}).json()
    assert isinstance(smap, Smap)
    assert smap.uuid == truth["uuid"] and smap.uuid
    assert smap.version == int(truth["version"])
    assert set(smap.tmap) == set(truth["tmap"]) and len(smap.tmap) >= 1
    assert set(smap.pmap) == set(truth["pmap"]) and len(smap.pmap) >= 1
    assert smap.proxy_si.daemon_id == truth["proxy_si"]["daemon_id"]
    assert smap.proxy_si.daemon_id in smap.pmap
    assert smap.primary_url == truth["proxy_si"]["public_net"]["direct_url"]
    assert urlsplit(smap.primary_url).port == urlsplit(ais_endpoint).port  # the proxy we talk to
    for tid, target in smap.tmap.items():
        assert target.daemon_id == tid and target.daemon_type == "target"
        assert target.public_net is not None
        assert target.public_net.direct_url == truth["tmap"][tid]["public_net"]["direct_url"]


def test_list_buckets(client: Client, bucket_factory: Callable[..., str]) -> None:
    cluster = client.cluster()
    a, b = bucket_factory("lsb"), bucket_factory("lsb")
    listed = cluster.list_buckets()
    assert all(isinstance(x, Bck) for x in listed)
    assert {Bck(a), Bck(b)} <= set(listed)
    assert all(x.provider == "ais" for x in listed)
    assert {Bck(a), Bck(b)} <= set(cluster.list_buckets(provider=""))  # "": all providers
    client.bucket(a).delete()
    names = {x.name for x in cluster.list_buckets("ais")}
    assert a not in names and b in names
    with pytest.raises(BadRequest) as ei:  # the real answer: this cluster has no AWS backend
        cluster.list_buckets(provider="aws")
    assert ei.value.tcode == "ErrMissingBackend" and ei.value.status_code == 400
    with pytest.raises(InvalidBckProvider):
        cluster.list_buckets(provider="hdfs")  # removed in AIS 5.0: refused locally


def test_is_aistore_running_true_on_the_real_cluster(client: Client) -> None:
    assert client.cluster().is_aistore_running() is True


def test_is_aistore_running_false_when_nothing_listens(connect: Callable[..., Client]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert connect(f"http://127.0.0.1:{port}").cluster().is_aistore_running() is False


@pytest.fixture
def starting_node() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server answering every request 503, as a node still starting up does."""
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
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}", seen
    finally:
        srv.shutdown()
        srv.server_close()


def test_is_aistore_running_false_on_503_with_one_attempt(
    starting_node: tuple[str, list[str]], connect: Callable[..., Client]
) -> None:
    endpoint, seen = starting_node
    assert connect(endpoint).cluster().is_aistore_running() is False
    assert seen == ["/v1/health?prr=true"]  # asked once, not retried
