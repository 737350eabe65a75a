"""Helpers for the reliability tests: target ports, JWTs, fd/connection counts, RSS, sleeps.

The request tap (attempt records, port mapping) and the relays live in ``tests/support``.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import threading
import time
from collections.abc import Iterator
from typing import Any

import psutil

from aistore_hl import Client


def target_ports(endpoint: str) -> list[int]:
    """Public ports of the cluster's targets, from its Smap."""
    with Client(endpoint) as c:
        smap = c.cluster().get_info()
    return sorted(int(t.public_net.daemon_port) for t in smap.tmap.values() if t.public_net)


# ---------------------------------------------------------------------------------------------
# JWT (HS256) for AIS 5.0 auth: claims checked by cmd/authn/tok/token.go (sub and exp required,
# strict base64url decoding, admin claim for full access).
# ---------------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def make_jwt(
    secret: str,
    *,
    sub: str = "reliability-admin",
    admin: bool = True,
    exp_in: float = 3600,
    alg: str = "HS256",
) -> str:
    header = {"alg": alg, "typ": "JWT"}
    now = int(time.time())
    claims: dict[str, Any] = {"sub": sub, "iat": now, "exp": now + int(exp_in), "admin": admin}
    signing_input = (
        _b64(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + _b64(json.dumps(claims, separators=(",", ":")).encode())
    )
    sig = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + _b64(sig)


# ---------------------------------------------------------------------------------------------
# Resource accounting
# ---------------------------------------------------------------------------------------------


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def tcp_connections_to(ports: set[int]) -> int:
    """Established/closing TCP connections of this process to any of ``ports`` on 127.0.0.1."""
    n = 0
    for c in psutil.Process().net_connections(kind="tcp"):
        if c.raddr and c.raddr.port in ports and c.status != psutil.CONN_TIME_WAIT:
            n += 1
    return n


class RssSampler:
    """Samples this process's RSS every ``interval`` seconds in a thread; ``peak`` in bytes."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.proc = psutil.Process()
        self.baseline = self.proc.memory_info().rss
        self.peak = self.baseline
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, self.proc.memory_info().rss)

    def __enter__(self) -> RssSampler:
        self._t.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, self.proc.memory_info().rss)


@contextlib.contextmanager
def recorded_sleeps(monkeypatch: Any) -> Iterator[list[float]]:
    """Record the delays the retry layers sleep (the sleeps still happen)."""
    import aistore_hl._http.request as req_mod
    import aistore_hl._http.retrying as retry_mod

    delays: list[float] = []
    real_sleep = time.sleep

    class _Time:
        def __getattr__(self, name: str) -> Any:
            return getattr(time, name)

        @staticmethod
        def sleep(s: float) -> None:
            delays.append(s)
            real_sleep(s)

    monkeypatch.setattr(retry_mod, "time", _Time())
    monkeypatch.setattr(req_mod, "time", _Time())
    yield delays
