"""Integration-only fixtures: a shared ``Client``, fresh buckets, remote buckets, measured figures.

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

FIGURES_FILE = Path(__file__).resolve().parent.parent / ".figures.json"
_figures: dict[str, dict[str, Any]] = {}


@pytest.fixture(scope="session")
def client(ais_endpoint: str) -> Iterator[Client]:
    """One client (one connection pool) for the whole session, as an application would use it."""
    with Client(ais_endpoint) as c:
        yield c


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
