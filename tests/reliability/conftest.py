"""Fixtures of the reliability suite: dedicated real clusters, relays, and the fault matrix.

Dedicated clusters (1 proxy + ``ntargets`` targets on 127.0.0.1, started from fresh directories
and always stopped by PID in a ``finally``) use the port plan in ``harness.py``. Relays listen on
ephemeral ports. Every fault test adds a row to the fault matrix; at the end of the session the
matrix is printed in the terminal summary and, after a run of the whole suite, written to
``tests/reliability/fault_matrix.md`` (set ``AIS_REL_NO_MATRIX_FILE=1`` to only print it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import aiscluster
import pytest

from aistore_hl import Client

from .harness import FAULT_PORT, FaultMatrix, Relayed, relayed, running, write_summary


@pytest.fixture(scope="session")
def fault_matrix() -> FaultMatrix:
    return FaultMatrix()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    write_summary(terminalreporter)


@pytest.fixture(scope="module")
def fault_cluster() -> Iterator[aiscluster.LocalCluster]:
    """A dedicated 1 proxy + 2 targets cluster whose nodes the tests kill and restart."""
    with running(aiscluster.LocalCluster("rel-fault", base_port=FAULT_PORT, ntargets=2)) as c:
        yield c


@pytest.fixture
def relays(ais_endpoint: str) -> Iterator[Relayed]:
    """Relays in front of the session cluster (proxy + every target), fresh per test."""
    with relayed(ais_endpoint) as r:
        yield r


@pytest.fixture
def direct(ais_endpoint: str) -> Iterator[Client]:
    """A plain client on the session cluster, for setup and read-back."""
    with Client(ais_endpoint) as c:
        yield c
