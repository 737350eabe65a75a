"""TLS: a real cluster serving HTTPS with a CA and node certificate made by the test.

Every node (proxy and targets) serves HTTPS with a certificate signed by the test CA, so the
proxy's redirects point at ``https://127.0.0.1:<target port>`` and the client must trust the
targets as well as the proxy.
"""

from __future__ import annotations

import asyncio
import os
import ssl
import time
from collections.abc import Iterator
from pathlib import Path

import aiscluster
import pytest

from aistore_hl import AsyncClient, Client, RetryPolicy
from aistore_hl.errors import BadRequest, ConnectionFailed
from tests.support.tap import Tap

from .certs import Certs, make_certs
from .harness import TLS_PORT, FaultMatrix, running


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def tls_cluster(certs: Certs) -> Iterator[aiscluster.LocalCluster]:
    http = {
        "use_https": True,
        "server_crt": str(certs.cert),
        "server_key": str(certs.key),
        # Root CA of the nodes' own intra-cluster clients (cmn.HTTPConf.ToTLS -> cmn.NewTLS).
        "client_ca_tls": str(certs.ca),
        "client_auth_tls": 0,
        "skip_verify": False,
    }
    cluster = aiscluster.LocalCluster(
        "rel-tls",
        base_port=TLS_PORT,
        ntargets=2,
        https=True,
        cluster_config={"net": {"http": http}},
        ssl_context=ssl.create_default_context(cafile=str(certs.ca)),
        env={"AIS_USE_HTTPS": "true"},
    )
    with running(cluster) as c:
        yield c


@pytest.fixture(autouse=True)
def _no_tls_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in (
        "AIS_CLIENT_CA",
        "AIS_SKIP_VERIFY_CRT",
        "AIS_CRT",
        "AIS_CRT_KEY",
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
    ):
        monkeypatch.delenv(var, raising=False)


def _roundtrip(client: Client, name: str) -> tuple[list[str], int]:
    data = os.urandom(2 * 1024 * 1024 + 17)
    b = client.bucket(name)
    b.create()
    try:
        b.object("o").put(content=data)  # 307 to https://<target>
        hdr = b.object("o").head()  # 307 to the target
        got = b.object("o").get()  # 301 to the target, streamed, verified
        body = got.read_all()
        assert body == data and got.checksum_verified
        assert hdr.size == len(data)
        names = [e.name for e in b.list_all_objects()]
    finally:
        b.delete()
    return names, len(data)


def test_verify_with_ca_follows_redirects_to_targets(
    tls_cluster: aiscluster.LocalCluster, certs: Certs, fault_matrix: FaultMatrix
) -> None:
    assert tls_cluster.endpoint.startswith("https://")
    tap = Tap()
    with Client(tls_cluster.endpoint, verify=str(certs.ca), transport=tap.wrap) as client:
        names, size = _roundtrip(client, "tls-sync")
    assert names == ["o"]
    target_ports = {t.port for t in tls_cluster.targets}
    on_targets = {(a.method, a.status) for a in tap.attempts if a.port in target_ports}
    assert {("PUT", 200), ("HEAD", 200), ("GET", 200)} <= on_targets, tap.summary()
    assert all(a.url.startswith("https://") for a in tap.attempts)
    fault_matrix.add(
        "PUT/HEAD/GET/list over HTTPS, verify=CA",
        "-",
        "works, incl. redirects to https targets",
        f"OK ({size} B object, xxhash2 verified)",
        retries=0,
        verified="1/1 identical",
    )


def test_async_verify_with_ca(tls_cluster: aiscluster.LocalCluster, certs: Certs) -> None:
    async def run() -> bytes:
        async with AsyncClient(tls_cluster.endpoint, verify=str(certs.ca)) as client:
            b = client.bucket("tls-async")
            await b.create()
            try:
                await b.object("o").put(content=b"async over tls")
                await b.object("o").head()
                return await (await b.object("o").get()).read_all()
            finally:
                await b.delete()

    assert asyncio.run(run()) == b"async over tls"


def test_ca_from_environment(
    tls_cluster: aiscluster.LocalCluster, certs: Certs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIS_CLIENT_CA", str(certs.ca))
    with Client(tls_cluster.endpoint) as client:
        assert len(client.cluster().get_info().tmap) == 2


@pytest.mark.parametrize("trust", ["system", "other-ca"])
def test_untrusted_certificate_is_a_clear_typed_error(
    trust: str, tls_cluster: aiscluster.LocalCluster, certs: Certs, fault_matrix: FaultMatrix
) -> None:
    verify: bool | str = True if trust == "system" else str(certs.other_ca)
    tap = Tap()
    with Client(tls_cluster.endpoint, verify=verify, retry=RetryPolicy(), transport=tap.wrap) as client:
        t0 = time.monotonic()
        with pytest.raises(ConnectionFailed) as info:
            client.cluster().get_info()
        elapsed = time.monotonic() - t0
    msg = str(info.value)
    assert "CERTIFICATE_VERIFY_FAILED" in msg or "certificate verify failed" in msg, msg
    assert tls_cluster.endpoint.replace("https://", "") in msg
    # A certificate that does not verify will not verify on a retry either.
    assert len(tap.attempts) == 1 and elapsed < 2, tap.summary()

    async def run() -> ConnectionFailed:
        async with AsyncClient(tls_cluster.endpoint, verify=verify) as client:
            try:
                await client.cluster().get_info()
            except ConnectionFailed as exc:
                return exc
        raise AssertionError("no error")

    amsg = str(asyncio.run(run()))
    assert "CERTIFICATE_VERIFY_FAILED" in amsg or "certificate verify failed" in amsg, amsg
    fault_matrix.add(
        f"GET smap over HTTPS, trusting {'the system CAs' if trust == 'system' else 'another CA'}",
        "server certificate not trusted",
        "typed ConnectionFailed with the SSL reason, no retries",
        f"{type(info.value).__name__}: ...{msg[msg.find('CERTIFICATE') :][:60]}...",
        retries=0,
    )


@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
def test_verify_false(tls_cluster: aiscluster.LocalCluster) -> None:
    with Client(tls_cluster.endpoint, verify=False) as client:
        names, _ = _roundtrip(client, "tls-noverify")
    assert names == ["o"]

    async def run() -> int:
        async with AsyncClient(tls_cluster.endpoint, verify=False) as client:
            return len((await client.cluster().get_info()).tmap)

    assert asyncio.run(run()) == 2


def test_plain_http_to_https_cluster_is_typed(tls_cluster: aiscluster.LocalCluster) -> None:
    # Go's TLS listener answers a plain-HTTP request with a 400 and a self-explaining message.
    plain = tls_cluster.endpoint.replace("https://", "http://")
    with (
        Client(plain, retry=RetryPolicy.no_retries()) as client,
        pytest.raises(BadRequest, match="HTTP request to an HTTPS server"),
    ):
        client.cluster().get_info()


def test_certs_are_what_the_cluster_serves(tls_cluster: aiscluster.LocalCluster, certs: Certs) -> None:
    """Sanity: the target port serves the test certificate (so the redirect leg was really TLS)."""
    ctx = ssl.create_default_context(cafile=str(certs.ca))
    import socket

    port = tls_cluster.targets[0].port
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        ctx.wrap_socket(raw, server_hostname="127.0.0.1") as s,
    ):
        cert = s.getpeercert()
    assert any(v == "127.0.0.1" for k, v in cert.get("subjectAltName", ()) if k == "IP Address")
    assert Path(certs.cert).exists()
