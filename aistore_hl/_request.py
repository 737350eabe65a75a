"""The HTTP core under every high-level call: one pooled httpx client per ``Client``.

It owns what the generated client cannot do on its own:

* one ``httpx.Client`` over a transport that reads sockets in large pieces, with finite default
  timeouts, shared with the generated ``aistore_ll`` client;
* errors: a response hook turns every 4xx/5xx into the typed ``AISError`` tree (HEAD errors come
  from the ``Hdr-Error`` header); transport failures become ``ConnectionFailed`` /
  ``RequestTimeout``;
* retries per hop (``_retrying``), plus whole-upload retries for object PUTs whose body can be
  produced again;
* streaming GET (httpx follows the proxy's 301 to the target; the body is never buffered);
* object PUT with a manual redirect: the proxy gets an empty request and answers 307, and the body
  goes once, straight to the target's ``Location``.
"""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import Mapping
from typing import Any, Self, TypeVar

import httpx
from aistore_ll import Client as LowLevelClient

from aistore_hl import _body, _hrw, _ops
from aistore_hl._ops import Plan
from aistore_hl._retrying import (
    TRANSIENT_TCODES,
    AsyncRetryTransport,
    RetryTransport,
    retry_scope,
    scoped_policy,
    tls_verify_failed,
)
from aistore_hl.config import ClientConfig, RetryPolicy
from aistore_hl.errors import AISError, UnexpectedResponse, error_from_response, wrap_transport_error
from aistore_hl.transport import READ_SIZE_EXTENSION, Urllib3Transport

T = TypeVar("T")

USER_AGENT = "aistore-hl/0.1.0"
# An object PUT is retried as a whole (proxy leg + target leg) on these, if its body is replayable.
_PUT_RETRY_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)


def _error_for(response: httpx.Response, body: bytes) -> AISError:
    return error_from_response(
        response.status_code,
        response.headers,
        body,
        method=response.request.method,
        url=str(response.request.url.copy_with(query=None)),
    )


def raise_on_error(response: httpx.Response) -> None:
    """httpx response hook: raise the typed AIS error for any 4xx/5xx answer (closes it first)."""
    if response.status_code < 400:
        return
    try:
        body = response.read()
    finally:
        response.close()
    raise _error_for(response, body)


async def araise_on_error(response: httpx.Response) -> None:
    """Async twin of ``raise_on_error``."""
    if response.status_code < 400:
        return
    try:
        body = await response.aread()
    finally:
        await response.aclose()
    raise _error_for(response, body)


_NO_RETRIES = RetryPolicy(max_attempts=1)


def _put_retryable(exc: Exception, policy: RetryPolicy) -> bool:
    if isinstance(exc, _PUT_RETRY_ERRORS):
        return policy.retry_connection_errors and not tls_verify_failed(exc)
    return isinstance(exc, AISError) and (
        exc.status_code in policy.retry_statuses
        or (exc.tcode in TRANSIENT_TCODES and 503 in policy.retry_statuses)
    )


def _client_kwargs(config: ClientConfig) -> dict[str, Any]:
    headers = {"User-Agent": USER_AGENT}
    if config.token:
        # httpx drops it on the cross-host redirect to a target, which needs none (the proxy
        # checked it and the redirect carries the proxy's marker).
        headers["Authorization"] = f"Bearer {config.token}"
    return {
        "base_url": config.endpoint.rstrip("/"),
        "timeout": config.timeout.to_httpx(),
        "follow_redirects": True,
        "headers": headers,
        # Proxy env vars would make httpx bypass our transports (and their retries); AIS clients
        # talk to the cluster directly, as aisnode itself does.
        "trust_env": False,
    }


def _not_redirected(proxy_resp: httpx.Response) -> UnexpectedResponse:
    # The data would never be sent: refuse rather than report a write that did not happen.
    return UnexpectedResponse(
        f"PUT: the proxy answered {proxy_resp.status_code} instead of redirecting to a target; "
        "no data was sent",
        url=str(proxy_resp.request.url.copy_with(query=None)),
    )


def _location(proxy_resp: httpx.Response) -> str:
    return str(proxy_resp.headers["location"])


class _RequestCore:
    """Identity and per-view defaults shared by the sync and async request clients."""

    def __init__(self, config: ClientConfig) -> None:
        self.config = config
        self.endpoint = config.endpoint.rstrip("/")
        self.ll = LowLevelClient(base_url=self.endpoint)
        self.retry: RetryPolicy | None = None  # per-view override (``with_options``)
        self.timeout: Any = httpx.USE_CLIENT_DEFAULT  # an httpx.Timeout once overridden

    _targets: list[tuple[int, str]] | None = None  # (id_digest, url) for direct reads; lazily fetched

    def forget_targets(self) -> None:
        """Drop the cached cluster map (after a direct read went wrong)."""
        self._targets = None

    def derive(self, *, retry: RetryPolicy | None = None, timeout: httpx.Timeout | None = None) -> Self:
        """A view sharing this pool, with other default retry policy and/or timeouts."""
        clone = copy.copy(self)
        if retry is not None:
            clone.retry = retry
        if timeout is not None:
            clone.timeout = timeout
        return clone


class RequestClient(_RequestCore):
    """Owns the connection pool and performs requests for one ``Client``."""

    def __init__(self, config: ClientConfig) -> None:
        super().__init__(config)
        inner = Urllib3Transport.from_config(config)
        self.http = httpx.Client(
            transport=RetryTransport(inner, config.retry),
            event_hooks={"response": [raise_on_error]},
            **_client_kwargs(config),
        )
        # The generated client sends through the same pool, hooks and retries.
        self.ll.set_httpx_client(self.http)

    def close(self) -> None:
        """Close every pooled connection."""
        self.http.close()

    def run(self, plan: Plan[T], *, retry: RetryPolicy | None = None) -> T:
        """Send one planned request and read its answer; errors raise."""
        kw = plan.request_kwargs()
        try:
            with retry_scope(retry or self.retry):
                response = self.http.request(**kw, timeout=self.timeout)
        except httpx.RequestError as exc:
            raise wrap_transport_error(exc) from exc
        return plan.parse(response)

    def owner_url(self, uname: str) -> str | None:
        """The public URL of the target owning ``uname`` (cluster map fetched once, then cached)."""
        if self._targets is None:
            self._targets = _hrw.targets_of(self.run(_ops.smap()))
        return _hrw.owner_url(self._targets, uname)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """A raw request to ``/v1/...`` (escape hatch, e.g. ``Bucket.make_request``)."""
        try:
            with retry_scope(self.retry):  # a ``with_options`` policy covers every kind of call
                return self.http.request(method, url, **{"timeout": self.timeout, **kwargs})
        except httpx.RequestError as exc:
            raise wrap_transport_error(exc) from exc

    def open_stream(
        self, kw: Mapping[str, Any], headers: Mapping[str, str] | None = None, read_size: int = 0
    ) -> httpx.Response:
        """Open a streaming GET from generated ``request_kwargs``; the caller closes it.

        ``read_size``: the consumer's chunk size; the transport then reads the body in pieces of
        at least that size (``transport.READ_SIZE_EXTENSION``), so big chunks are not re-assembled.
        """
        request = self.http.build_request(
            kw["method"],
            kw["url"],
            params=kw.get("params"),
            headers={**kw.get("headers", {}), **(headers or {})},
            extensions={READ_SIZE_EXTENSION: read_size} if read_size else None,
            timeout=self.timeout,
        )
        try:
            with retry_scope(self.retry):
                return self.http.send(request, stream=True)
        except httpx.RequestError as exc:
            raise wrap_transport_error(exc) from exc

    def put_redirected(
        self, kw: Mapping[str, Any], body: _body.BodySource, *, retry: RetryPolicy | None = None
    ) -> httpx.Response:
        """PUT ``body`` to the target the proxy redirects to, sending the data exactly once.

        The proxy never reads a PUT body: it answers 307 with the target's ``Location``. Following
        that redirect with the body would send the data twice (proxy, then target), and httpx
        cannot resend a streamed body at all. So the proxy gets an empty PUT without following,
        and the data goes to the target alone. A failed attempt is retried from the proxy when
        the body can be produced again (bytes, a path, a seekable file).
        """
        policy = retry or self.retry or scoped_policy() or self.config.retry
        headers = dict(kw.get("headers", {}))
        attempt = 1
        while True:
            opened = False
            try:
                # This loop owns the retries of both legs (one budget for the whole PUT): the
                # transport below must not retry them again, or the attempts would multiply.
                with retry_scope(_NO_RETRIES):
                    proxy_resp = self.http.request(
                        "PUT",
                        kw["url"],
                        params=kw.get("params"),
                        content=b"",
                        follow_redirects=False,
                        timeout=self.timeout,
                    )
                    if not proxy_resp.is_redirect:
                        raise _not_redirected(proxy_resp)
                    if body.length is not None:
                        headers["Content-Length"] = str(body.length)
                    opened = True
                    return self.http.request(
                        "PUT",
                        _location(proxy_resp),
                        content=body.open(),
                        headers=headers,
                        follow_redirects=False,
                        timeout=self.timeout,
                    )
            except (AISError, httpx.RequestError) as exc:
                # Sent again only if it can be produced again, or was not read yet (proxy leg).
                again = body.replayable or not opened
                if not (again and attempt < policy.max_attempts and _put_retryable(exc, policy)):
                    if isinstance(exc, httpx.RequestError):
                        raise wrap_transport_error(exc) from exc
                    raise
                time.sleep(policy.compute_delay(attempt, getattr(exc, "retry_after", None)))
                attempt += 1
            finally:
                body.close()


class AsyncRequestClient(_RequestCore):
    """Async twin of ``RequestClient`` (httpx's asyncio transport)."""

    def __init__(self, config: ClientConfig) -> None:
        super().__init__(config)
        limits = httpx.Limits(
            max_connections=config.max_pool_size, max_keepalive_connections=config.max_pool_size
        )
        inner = httpx.AsyncHTTPTransport(verify=config.httpx_verify(), cert=config.client_cert, limits=limits)
        self.http = httpx.AsyncClient(
            transport=AsyncRetryTransport(inner, config.retry),
            event_hooks={"response": [araise_on_error]},
            **_client_kwargs(config),
        )
        self.ll.set_async_httpx_client(self.http)

    async def close(self) -> None:
        """Close every pooled connection."""
        await self.http.aclose()

    async def run(self, plan: Plan[T], *, retry: RetryPolicy | None = None) -> T:
        """Send one planned request and read its answer; errors raise."""
        kw = plan.request_kwargs()
        try:
            with retry_scope(retry or self.retry):
                response = await self.http.request(**kw, timeout=self.timeout)
        except httpx.RequestError as exc:
            raise wrap_transport_error(exc) from exc
        return plan.parse(response)

    async def owner_url(self, uname: str) -> str | None:
        """The public URL of the target owning ``uname`` (cluster map fetched once, then cached)."""
        if self._targets is None:
            self._targets = _hrw.targets_of(await self.run(_ops.smap()))
        return _hrw.owner_url(self._targets, uname)

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """A raw request to ``/v1/...``."""
        try:
            with retry_scope(self.retry):
                return await self.http.request(method, url, **{"timeout": self.timeout, **kwargs})
        except httpx.RequestError as exc:
            raise wrap_transport_error(exc) from exc

    async def open_stream(
        self, kw: Mapping[str, Any], headers: Mapping[str, str] | None = None
    ) -> httpx.Response:
        """Open a streaming GET from generated ``request_kwargs``; the caller closes it."""
        request = self.http.build_request(
            kw["method"],
            kw["url"],
            params=kw.get("params"),
            headers={**kw.get("headers", {}), **(headers or {})},
            timeout=self.timeout,
        )
        try:
            with retry_scope(self.retry):
                return await self.http.send(request, stream=True)
        except httpx.RequestError as exc:
            raise wrap_transport_error(exc) from exc

    async def put_redirected(
        self, kw: Mapping[str, Any], body: _body.BodySource, *, retry: RetryPolicy | None = None
    ) -> httpx.Response:
        """Async twin of ``RequestClient.put_redirected``."""
        policy = retry or self.retry or scoped_policy() or self.config.retry
        headers = dict(kw.get("headers", {}))
        attempt = 1
        while True:
            opened = False
            try:
                with retry_scope(_NO_RETRIES):  # one retry budget for both legs (see sync twin)
                    proxy_resp = await self.http.request(
                        "PUT",
                        kw["url"],
                        params=kw.get("params"),
                        content=b"",
                        follow_redirects=False,
                        timeout=self.timeout,
                    )
                    if not proxy_resp.is_redirect:
                        raise _not_redirected(proxy_resp)
                    if body.length is not None:
                        headers["Content-Length"] = str(body.length)
                    opened = True
                    data = body.open()
                    content = data if isinstance(data, bytes) else _body.aiter_chunks(data)
                    return await self.http.request(
                        "PUT",
                        _location(proxy_resp),
                        content=content,
                        headers=headers,
                        follow_redirects=False,
                        timeout=self.timeout,
                    )
            except (AISError, httpx.RequestError) as exc:
                again = body.replayable or not opened
                if not (again and attempt < policy.max_attempts and _put_retryable(exc, policy)):
                    if isinstance(exc, httpx.RequestError):
                        raise wrap_transport_error(exc) from exc
                    raise
                await asyncio.sleep(policy.compute_delay(attempt, getattr(exc, "retry_after", None)))
                attempt += 1
            finally:
                body.close()
