"""A request tap: records every HTTP attempt of a client and maps ports, through the public seam.

**How a client reaches relayed targets.** A client talks to the proxy, and the proxy redirects
(301/307) to the target's public URL, ``http://127.0.0.1:<target port>``. AIS 5.0 advertises the
port it listens on (``host_net.port``; there is no separate "advertised port"), so a relay cannot
sit on the advertised address. The tests therefore build the client with a *tap* below its retry
layer (``RetryTransport -> tap -> socket transport``), through the ``transport=`` seam: a callable
that receives the built-in socket transport and returns the one to use. The tap records every HTTP
attempt (method, URL, ``Range``, status or error) and, like a NAT rule, sends connections for a
mapped target port to that target's relay instead. Everything the client does - following the
redirect to the target URL from the cluster, retries, resumes - is unchanged; only the TCP
destination differs. The proxy needs no mapping: the client's endpoint simply *is* the proxy
relay.

    tap = Tap(port_map)
    client = Client(endpoint, transport=tap.wrap)           # sync
    atap = AsyncTap(port_map)
    aclient = AsyncClient(endpoint, transport=atap.wrap)    # async

One tap may wrap the transports of several clients; they share its record.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

T = TypeVar("T")


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
    """The record and the port map shared by ``Tap`` and ``AsyncTap``."""

    def __init__(self, port_map: Mapping[int, int] | None = None) -> None:
        self.port_map = dict(port_map or {})
        self.attempts: list[Attempt] = []
        self.on_request: list[Callable[[Attempt], object]] = []
        self._lock = threading.Lock()

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


class Tap(_TapCore):
    """Sync tap: ``Client(url, transport=tap.wrap)`` puts it in front of the built-in transport."""

    def wrap(self, inner: httpx.BaseTransport) -> httpx.BaseTransport:
        return _TapTransport(self, inner)


class AsyncTap(_TapCore):
    """Async tap: ``AsyncClient(url, transport=atap.wrap)``."""

    def wrap(self, inner: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        return _AsyncTapTransport(self, inner)


class _TapTransport(httpx.BaseTransport):
    def __init__(self, tap: _TapCore, inner: httpx.BaseTransport) -> None:
        self.tap = tap
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        routed, att = self.tap._route(request)
        try:
            resp = self.inner.handle_request(routed)
        except Exception as exc:
            att.error = type(exc).__name__
            raise
        att.status = resp.status_code
        return resp

    def close(self) -> None:
        self.inner.close()


class _AsyncTapTransport(httpx.AsyncBaseTransport):
    def __init__(self, tap: _TapCore, inner: httpx.AsyncBaseTransport) -> None:
        self.tap = tap
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        routed, att = self.tap._route(request)
        try:
            resp = await self.inner.handle_async_request(routed)
        except Exception as exc:
            att.error = type(exc).__name__
            raise
        att.status = resp.status_code
        return resp

    async def aclose(self) -> None:
        await self.inner.aclose()


@contextmanager
def requests_of(client: Any, record: Callable[[httpx.Request], T]) -> Iterator[list[T]]:
    """``record(request)`` of every request ``client`` sends in the block, in order: one entry per
    request (each redirect hop is one), taken *above* the retry layer, so a retried attempt is not
    counted twice. Sync and async clients alike.

    The ``transport=`` seam sits below the retry layer and is fixed when the client is built; to
    count the requests of a client that already exists (a fixture's) this swaps its request
    transport for the block - the one place the tests reach inside a client to do so.
    """
    rc = client._rc
    inner = rc.transport
    seen: list[T] = []

    class Counting:
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(record(request))
            response: httpx.Response = inner.handle_request(request)
            return response

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(record(request))
            response: httpx.Response = await inner.handle_async_request(request)
            return response

    rc.transport = Counting()
    try:
        yield seen
    finally:
        rc.transport = inner
