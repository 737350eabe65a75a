"""Auth: a real cluster that requires client tokens (AIS 5.0 ``auth`` config, HS256 secret set here).

Tokens are HS256 JWTs made by the test (``support.make_jwt``) with the claims the proxy checks
(``cmd/authn/tok/token.go``: ``sub`` and ``exp`` required, ``admin`` for full access). The token
must never show up in ``repr``/``str`` of the client or its config, in log records (all loggers
at DEBUG, httpx/httpcore/urllib3 included) or in error messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pickle
import secrets
from collections.abc import Iterator
from typing import Any

import aiscluster
import pytest

from aistore_hl import AsyncClient, Client, ClientConfig, RetryPolicy
from aistore_hl.errors import AISError, Forbidden, Unauthorized
from tests.support.tap import Tap

from .harness import AUTH_PORT, FaultMatrix, running
from .support import make_jwt

SECRET = "rel-" + secrets.token_hex(16)


class AuthCluster(aiscluster.LocalCluster):
    """A LocalCluster whose own control calls (Smap for readiness, shutdown) carry a token."""

    def __init__(self, *args: Any, token: str, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.token = token

    def _hdr(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def smap(self) -> dict[str, Any]:
        import json

        status, body = aiscluster._http("GET", f"{self.endpoint}/v1/daemon?what=smap", headers=self._hdr())
        if status != 200:
            raise aiscluster.ClusterError(f"smap: HTTP {status}")
        return dict(json.loads(body))

    def stop(self, grace: float = 15.0) -> None:
        if any(n.alive() for n in self.nodes):
            with contextlib.suppress(OSError):
                aiscluster._http(
                    "PUT",
                    f"{self.endpoint}/v1/cluster",
                    body=b'{"action":"shutdown"}',
                    headers={"Content-Type": "application/json", **self._hdr()},
                    timeout=5,
                )
        super().stop(grace)


@pytest.fixture(scope="module")
def admin_token() -> str:
    return make_jwt(SECRET, sub="rel-admin", admin=True)


@pytest.fixture(scope="module")
def auth_cluster(admin_token: str) -> Iterator[AuthCluster]:
    cluster = AuthCluster(
        "rel-auth",
        base_port=AUTH_PORT,
        ntargets=1,
        token=admin_token,
        cluster_config={
            "auth": {"client_auth_required": True, "signature": {"key": SECRET, "method": "HS256"}}
        },
        env={"AIS_AUTHN_SECRET_KEY": ""},
    )
    with running(cluster) as c:
        yield c


@pytest.fixture(autouse=True)
def _no_env_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AIS_AUTHN_TOKEN", raising=False)


def test_no_token_is_typed_unauthorized(
    auth_cluster: AuthCluster, admin_token: str, fault_matrix: FaultMatrix
) -> None:
    with Client(auth_cluster.endpoint, token=admin_token) as admin:
        admin.bucket("rel-auth-none").create()
        admin.bucket("rel-auth-none").object("o").put(content=b"x")
    try:
        with Client(auth_cluster.endpoint) as client:
            with pytest.raises(Unauthorized) as info:
                client.cluster().list_buckets()
            assert info.value.status_code == 401
            with pytest.raises(Unauthorized):
                client.bucket("rel-auth-new").create()
            b = client.bucket("rel-auth-none")
            for op in (
                lambda: b.object("o").put(content=b"y"),
                lambda: b.object("o").get().read_all(),
                lambda: b.object("o").head(),
                b.list_objects,
            ):
                with pytest.raises(Unauthorized):
                    op()
    finally:
        with Client(auth_cluster.endpoint, token=admin_token) as admin:
            admin.bucket("rel-auth-none").delete()
    fault_matrix.add(
        "list buckets / create / PUT / GET / HEAD / list objects, no token",
        "cluster requires tokens",
        "typed Unauthorized (401)",
        f"Unauthorized: {info.value.message[:60]}",
        retries=0,
    )


def test_admin_token_works(auth_cluster: AuthCluster, admin_token: str, fault_matrix: FaultMatrix) -> None:
    data = os.urandom(100_000)
    tap = Tap()
    with Client(auth_cluster.endpoint, token=admin_token, transport=tap.wrap) as client:
        b = client.bucket("rel-auth-ok")
        b.create()
        try:
            b.object("o").put(content=data)  # proxy (token) -> 307 -> target (no token needed)
            assert b.object("o").head().size == len(data)
            assert b.object("o").get().read_all() == data
            assert [e.name for e in b.list_all_objects()] == ["o"]
            assert "rel-auth-ok" in [x.name for x in client.cluster().list_buckets()]
        finally:
            b.delete()
    target = auth_cluster.targets[0].port
    assert {a.method for a in tap.attempts if a.port == target} >= {"PUT", "HEAD", "GET"}

    async def run() -> bytes:
        async with AsyncClient(auth_cluster.endpoint, token=admin_token) as ac:
            ab = ac.bucket("rel-auth-async")
            await ab.create()
            try:
                await ab.object("o").put(content=b"async token")
                return await (await ab.object("o").get()).read_all()
            finally:
                await ab.delete()

    assert asyncio.run(run()) == b"async token"
    fault_matrix.add(
        "create/PUT/HEAD/GET/list/delete, admin token",
        "cluster requires tokens",
        "works (redirect to the target needs no token)",
        "OK (sync and async)",
        retries=0,
        verified="1/1 identical",
    )


@pytest.mark.parametrize(
    ("label", "make", "error"),
    [
        ("wrong secret", lambda: make_jwt("not-the-secret", admin=True), Unauthorized),
        ("expired", lambda: make_jwt(SECRET, admin=True, exp_in=-60), Unauthorized),
        ("garbage", lambda: "not.a.jwt", Unauthorized),
        ("valid, not admin, no ACLs", lambda: make_jwt(SECRET, sub="nobody", admin=False), Forbidden),
    ],
)
def test_bad_tokens_are_typed(
    label: str, make: Any, error: type[AISError], auth_cluster: AuthCluster, fault_matrix: FaultMatrix
) -> None:
    token = make()
    with (
        Client(auth_cluster.endpoint, token=token, retry=RetryPolicy.no_retries()) as client,
        pytest.raises(error) as info,
    ):
        client.bucket("rel-auth-bad").create()
    assert token not in str(info.value) and token not in repr(info.value)
    fault_matrix.add(
        f"create bucket, token: {label}",
        "cluster requires tokens",
        f"typed {error.__name__}",
        f"{type(info.value).__name__}({info.value.status_code})",
        retries=0,
    )


def test_token_never_shown(
    auth_cluster: AuthCluster,
    admin_token: str,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    loggers = ["", "aistore_hl", "httpx", "httpcore", "urllib3", "urllib3.connectionpool", "aiohttp"]
    saved = {name: logging.getLogger(name).level for name in loggers}
    for name in loggers:
        logging.getLogger(name).setLevel(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    wrong = make_jwt("not-the-secret")
    messages: list[str] = []
    try:
        with Client(auth_cluster.endpoint, token=admin_token) as client:
            messages += [repr(client), str(client), repr(client.config), str(client.config)]
            b = client.bucket("rel-auth-log")
            b.create()
            b.object("o").put(content=b"secret data")
            b.object("o").get().read_all()
            try:
                b.object("missing").get()
            except AISError as exc:
                messages += [str(exc), repr(exc)]
            b.delete()
        for kw in ({}, {"token": wrong}):
            with Client(auth_cluster.endpoint, retry=RetryPolicy.no_retries(), **kw) as c2:
                try:
                    c2.cluster().list_buckets()
                except AISError as exc:
                    messages += [str(exc), repr(exc), str(exc.__dict__)]

        async def async_ops() -> list[str]:  # httpx + httpcore log at DEBUG on this path
            out = []
            async with AsyncClient(auth_cluster.endpoint, token=admin_token) as ac:
                out += [repr(ac), repr(ac.config)]
                ab = ac.bucket("rel-auth-log-async")
                await ab.create()
                await ab.object("o").put(content=b"secret data")
                await (await ab.object("o").get()).read_all()
                try:
                    await ab.object("missing").head()
                except AISError as exc:
                    out += [str(exc), repr(exc)]
                await ab.delete()
            return out

        messages += asyncio.run(async_ops())
        cfg = ClientConfig(auth_cluster.endpoint, token=admin_token)
        messages += [repr(cfg), str(cfg)]
        restored = pickle.loads(pickle.dumps(cfg))  # the token travels (it is needed) ...
        assert restored.token == admin_token
        messages.append(repr(restored))  # ... but is still not shown
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)
    records = [r.getMessage() for r in caplog.records]
    assert any("127.0.0.1" in m for m in records), "expected DEBUG records from the HTTP stack"
    by_logger = {r.name.split(".")[0] for r in caplog.records}
    # Every request of the high-level layer (sync and async) is logged by aistore_hl.http; the
    # transports below (http.client, aiohttp) log nothing of their own at DEBUG.
    assert "aistore_hl" in by_logger, by_logger
    out = capsys.readouterr()
    for text in [*messages, *records, out.out, out.err]:
        assert admin_token not in text
        assert wrong not in text
        assert SECRET not in text
        # not even the signature part of a token
        assert admin_token.rsplit(".", 1)[1] not in text


def test_direct_reads_turn_themselves_off_on_an_authn_cluster(
    auth_cluster: AuthCluster, admin_token: str
) -> None:
    """Targets of a cluster that requires tokens answer 403 to a GET the proxy did not redirect:
    the first read finds out (and still succeeds through the proxy), later reads go straight
    through the proxy without a refused request each time."""
    data = os.urandom(50_000)
    tap = Tap()
    with Client(auth_cluster.endpoint, token=admin_token, transport=tap.wrap) as client:  # direct_reads on
        b = client.bucket("rel-auth-direct")
        b.create()
        try:
            b.object("o").put(content=data)
            tap.clear()  # record the reads only
            assert b.object("o").get().read_all() == data
            first = [(a.port, a.status) for a in tap.attempts]
            proxy = int(auth_cluster.endpoint.rsplit(":", 1)[1])
            assert [x[1] for x in first] == [200, 403, 301, 200], first  # map, refused, proxy, target
            assert first[0][0] == proxy and first[1][0] != proxy and first[2][0] == proxy
            tap.attempts.clear()
            for _ in range(3):
                assert b.object("o").get().read_all() == data
            assert [a.status for a in tap.attempts] == [301, 200] * 3
            assert client._rc.routing.refused
        finally:
            b.delete()
