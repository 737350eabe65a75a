"""Test helper: a real ``Client`` / ``AsyncClient`` whose HTTP goes to an ``httpx.MockTransport``.

The client is built normally, then its pooled httpx client is replaced by one with the same base URL,
timeouts, headers and error hook, over ``RetryTransport(MockTransport(handler))`` — so everything
above the socket (plans, generated request building, redirects, retries, typed errors) is the code
under test. Every request the handler sees is recorded with its body.
"""

from __future__ import annotations

import asyncio
import json
import time
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from aistore_hl import AsyncClient, Client, RetryPolicy

PROXY = "http://proxy.test:8080"
TARGET = "http://target.test:8081"


@dataclass
class Seen:
    """One request as it reached the transport."""

    method: str
    url: httpx.URL
    headers: httpx.Headers
    content: bytes

    @property
    def path(self) -> str:
        return self.url.path

    @property
    def query(self) -> dict[str, str]:
        return dict(self.url.params)

    def json(self) -> Any:
        return json.loads(self.content)


@dataclass
class Recorder:
    """Wraps a handler; keeps every request it was given."""

    handler: Callable[[httpx.Request], httpx.Response]
    seen: list[Seen] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(Seen(request.method, request.url, request.headers, request.read()))
        return self.handler(request)


def mock_client(
    handler: Callable[[httpx.Request], httpx.Response], *, retry: RetryPolicy | None = None
) -> Client:
    # The transport seam: the mock replaces only the sockets; retries and redirects run above it.
    return Client(PROXY, retry=retry, direct_reads=False, transport=httpx.MockTransport(handler))


def mock_async_client(
    handler: Callable[[httpx.Request], httpx.Response], *, retry: RetryPolicy | None = None
) -> AsyncClient:
    """Build inside a running event loop; ``await c.close()`` when done."""
    return AsyncClient(PROXY, retry=retry, direct_reads=False, transport=httpx.MockTransport(handler))


def ais_error(status: int, message: str, tcode: str = "") -> httpx.Response:
    body: dict[str, Any] = {"message": message, "status": status}
    if tcode:
        body["tcode"] = tcode
    return httpx.Response(status, json=body)


def patch_sleeps(monkeypatch: pytest.MonkeyPatch, *modules: types.ModuleType) -> list[float]:
    """Make ``time.sleep`` as seen by ``modules``, and ``asyncio.sleep``, record the delay instead
    of sleeping; returns the list of delays (other ``time``/``asyncio`` functions are untouched)."""
    delays: list[float] = []

    async def asleep(d: float, result: Any = None) -> Any:
        delays.append(d)
        return result

    fake_time = types.SimpleNamespace(**{k: getattr(time, k) for k in dir(time) if not k.startswith("__")})
    fake_time.sleep = delays.append
    for mod in modules:
        if hasattr(mod, "time"):
            monkeypatch.setattr(mod, "time", fake_time)
    # the async paths import asyncio where they use it (the sync path never loads it), so the
    # module's own name cannot be patched: asyncio.sleep itself is, for this test only
    monkeypatch.setattr(asyncio, "sleep", asleep)
    return delays
