"""Integration-only fixtures: a shared ``Client``, fresh buckets, remote buckets, measured figures.

``any_client`` / ``connect`` run a test against both twins, ``Client`` and ``AsyncClient`` (the
latter through the sync surface: tests/support/twin.py); a module whose tests all do overrides
``client`` with ``any_client``.

Everything here talks to the real cluster of ``tests/conftest.py`` (``ais_endpoint``). Buckets come
from ``bucket_factory``, so each has a unique name and is destroyed after its test.

Figures measured by the tests (``record_figure``) are printed in the terminal summary (whether or
not ``-s`` is given), attached to the test as a junit ``record_property``, and merged into
``tests/.figures.json``.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from aistore_hl import Bucket, Client, Namespace
from tests.support.twin import TwinLoop

FIGURES_FILE = Path(__file__).resolve().parent.parent / ".figures.json"
_figures: dict[str, dict[str, Any]] = {}


@pytest.fixture(scope="session")
def sync_client(ais_endpoint: str) -> Iterator[Client]:
    """One client (one connection pool) for the whole session, as an application would use it."""
    with Client(ais_endpoint) as c:
        yield c


@pytest.fixture(scope="session")
def client(sync_client: Client) -> Client:
    """The session's sync ``Client`` (``any_client`` below for both twins)."""
    return sync_client


@pytest.fixture(scope="session")
def twin_loop() -> Iterator[TwinLoop]:
    """The event loop thread behind every ``AsyncClient`` the tests drive through the sync surface."""
    loop = TwinLoop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def async_client(ais_endpoint: str, twin_loop: TwinLoop) -> Iterator[Client]:
    """One ``AsyncClient`` for the session, seen through the sync surface (tests/support/twin.py):
    the same test body runs on it and on ``client``."""
    with twin_loop.connect(ais_endpoint) as c:
        yield c


@pytest.fixture(params=["sync", "async"])
def client_kind(request: pytest.FixtureRequest) -> str:
    """Which twin a test runs against: each test asking for it (or for ``any_client`` / ``connect``)
    runs twice, ``[sync]`` on ``Client`` and ``[async]`` on ``AsyncClient``."""
    kind: str = request.param
    return kind


@pytest.fixture
def any_client(client_kind: str, request: pytest.FixtureRequest) -> Client:
    """The session's ``Client`` or its ``AsyncClient`` twin (through the sync surface). A module whose
    tests all run on both overrides ``client`` with it, so ``bucket`` and ``remote_bucket``, built on
    ``client``, follow::

        @pytest.fixture
        def client(any_client: Client) -> Client:
            return any_client
    """
    c: Client = request.getfixturevalue("sync_client" if client_kind == "sync" else "async_client")
    return c


@pytest.fixture
def connect(client_kind: str, twin_loop: TwinLoop) -> Iterator[Callable[..., Client]]:
    """``connect(endpoint, **kw)``: a new client of ``client_kind`` (closed after the test), for tests
    that need a client of their own (a dead endpoint, other options)."""
    made: list[Client] = []

    def make(endpoint: str, **kw: Any) -> Client:
        c = Client(endpoint, **kw) if client_kind == "sync" else twin_loop.connect(endpoint, **kw)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


@pytest.fixture
def bucket(client: Client, bucket_factory: Callable[..., str]) -> Bucket:
    """A new, empty ais bucket of the cluster under test."""
    return client.bucket(bucket_factory("it"))


@pytest.fixture
def remote_bucket(client: Client, bucket_factory: Callable[..., str], remote_alias: str) -> Bucket:
    """A new bucket of the attached remote AIS cluster: ``ais://@<alias>/<name>``, created (and later
    destroyed) through the local cluster, so the local cluster caches its objects."""
    name = bucket_factory("rem", namespace=Namespace(uuid=remote_alias).get_path())
    return client.bucket(name, ns=Namespace(uuid=remote_alias))


@pytest.fixture(scope="module")
def module_bucket_factory(ais_endpoint: str) -> Iterator[Callable[..., str]]:
    """Module-scoped twin of ``bucket_factory`` (same call signature), for fixtures that set up one
    long server-side job and share its result between several tests of a module."""
    made: list[tuple[str, dict[str, str]]] = []
    with httpx.Client(base_url=ais_endpoint, timeout=30) as http:

        def make(
            prefix: str = "t", *, create: bool = True, provider: str = "ais", namespace: str = ""
        ) -> str:
            name = f"{prefix}-{uuid.uuid4().hex[:12]}"
            params = {"provider": provider, **({"namespace": namespace} if namespace else {})}
            made.append((name, params))
            if create:
                http.post(
                    f"/v1/buckets/{name}", params=params, json={"action": "create-bck"}
                ).raise_for_status()
            return name

        yield make
        for name, params in reversed(made):
            r = http.request("DELETE", f"/v1/buckets/{name}", params=params, json={"action": "destroy-bck"})
            assert r.status_code in (200, 404), f"cleanup of bucket {name}: HTTP {r.status_code} {r.text}"


@pytest.fixture
def raw(ais_endpoint: str) -> Iterator[httpx.Client]:
    """A plain httpx client to the proxy, to check what the cluster holds independently of aistore_hl."""
    with httpx.Client(base_url=ais_endpoint, timeout=30, follow_redirects=True) as c:
        yield c


@pytest.fixture
def record_figure(record_property: Callable[[str, object], None]) -> Callable[..., None]:
    """``record_figure(key, value, unit=..., bound=...)``: keep a measured number for the report."""

    def record(key: str, value: float, *, unit: str, bound: str) -> None:
        _figures[key] = {"value": value, "unit": unit, "bound": bound}
        record_property(key, value)

    return record


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _figures or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    try:
        merged = json.loads(FIGURES_FILE.read_text()) if FIGURES_FILE.exists() else {}
    except (OSError, ValueError):
        merged = {}
    merged.update(_figures)
    FIGURES_FILE.write_text(json.dumps(merged, indent=2, sort_keys=True) + "\n")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _figures:
        return
    terminalreporter.section("aistore-hl measured figures")
    for key, fig in sorted(_figures.items()):
        terminalreporter.write_line(f"{key}: {fig['value']} {fig['unit']}  (bound: {fig['bound']})")
    terminalreporter.write_line(f"(also in {FIGURES_FILE})")
