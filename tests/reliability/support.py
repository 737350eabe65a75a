"""Helpers for the reliability tests: request taps, port maps, JWTs, fd/connection counts.

**How the client reaches relayed targets.** A client talks to the proxy, and the proxy redirects
(301/307) to the target's public URL, ``http://127.0.0.1:<target port>``. AIS 5.0 advertises the
port it listens on (``host_net.port``; there is no separate "advertised port"), so a relay cannot
sit on the advertised address. The tests therefore install a *tap* below the client's retry layer
(``RetryTransport -> Tap -> Urllib3Transport``): it records every HTTP attempt (method, URL,
``Range``, status or error) and, like a NAT rule, sends connections for a mapped target port to
that target's relay instead. Everything the client does - following the redirect to the target URL
from the cluster, retries, resumes - is unchanged; only the TCP destination differs. The proxy
needs no mapping: the client's endpoint simply *is* the proxy relay.
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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
import psutil

from aistore_hl import AsyncClient, Client


@dataclass
class Attempt:
    """One HTTP attempt as seen below the retry layer."""

    method: str
    url: str
    range: str | None
    status: int | None = None
    error: str | None = None
    t: float = field(default_factory=time.monotonic)

    @property
    def port(self) -> int | None:
        return httpx.URL(self.url).port

    def short(self) -> str:
        u = httpx.URL(self.url)
        what = self.error if self.error else str(self.status)
        rng = f" Range={self.range}" if self.range else ""
        return f"{self.method} :{u.port}{u.path}{rng} -> {what}"


class _TapCore:
    def __init__(self, port_map: Mapping[int, int] | None) -> None:
        self.port_map = dict(port_map or {})
        self.attempts: list[Attempt] = []
        self._lock = threading.Lock()
        self.on_request: list[Any] = []

    def _route(self, request: httpx.Request) -> tuple[httpx.Request, Attempt]:
        att = Attempt(request.method, str(request.url), request.headers.get("range"))
        for cb in self.on_request:
            cb(att)
        with self._lock:
            self.attempts.append(att)
        port = request.url.port
        if port in self.port_map:
            routed = httpx.Request(
                request.method,
                request.url.copy_with(port=self.port_map[port]),
                headers=request.headers,
                stream=request.stream,
                extensions=request.extensions,
            )
            return routed, att
        return request, att

    def count(
        self, method: str | None = None, *, status: int | None = None, error: bool | None = None
    ) -> int:
        with self._lock:
            atts = list(self.attempts)
        return sum(
            1
            for a in atts
            if (method is None or a.method == method)
            and (status is None or a.status == status)
            and (error is None or (a.error is not None) == error)
        )

    def clear(self) -> None:
        with self._lock:
            self.attempts.clear()

    def summary(self) -> str:
        with self._lock:
            return "\n".join(a.short() for a in self.attempts)


class Tap(_TapCore, httpx.BaseTransport):
    """Sync tap: records attempts, maps ports (see module docstring)."""

    def __init__(self, inner: httpx.BaseTransport, port_map: Mapping[int, int] | None = None) -> None:
        super().__init__(port_map)
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        routed, att = self._route(request)
        try:
            resp = self.inner.handle_request(routed)
        except Exception as exc:
            att.error = type(exc).__name__
            raise
        att.status = resp.status_code
        return resp

    def close(self) -> None:
        self.inner.close()


class AsyncTap(_TapCore, httpx.AsyncBaseTransport):
    """Async tap."""

    def __init__(self, inner: httpx.AsyncBaseTransport, port_map: Mapping[int, int] | None = None) -> None:
        super().__init__(port_map)
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        routed, att = self._route(request)
        try:
            resp = await self.inner.handle_async_request(routed)
        except Exception as exc:
            att.error = type(exc).__name__
            raise
        att.status = resp.status_code
        return resp

    async def aclose(self) -> None:
        await self.inner.aclose()


def install_tap(client: Client | AsyncClient, port_map: Mapping[int, int] | None = None) -> Any:
    """Insert a tap between the client's retry transport and its socket transport."""
    retry_transport = client._rc.http._transport  # RetryTransport / AsyncRetryTransport
    inner = retry_transport._inner
    tap = AsyncTap(inner, port_map) if isinstance(client, AsyncClient) else Tap(inner, port_map)
    retry_transport._inner = tap
    return tap


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
    import aistore_hl._request as req_mod
    import aistore_hl._retrying as retry_mod

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
