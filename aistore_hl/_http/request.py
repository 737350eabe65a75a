"""The HTTP core under every high-level call: one pooled httpx client per ``Client``.

It owns what the generated client cannot do on its own:

* one ``httpx.Client`` over a transport that reads sockets in large pieces, with finite default
  timeouts, shared with the generated ``aistore_ll`` client;
* errors: a response hook turns every 4xx/5xx into the typed ``AISError`` tree (HEAD errors come
  from the ``Hdr-Error`` header); transport failures become ``ConnectionFailed`` /
  ``RequestTimeout``;
* retries per hop (``_retrying``), plus whole-upload retries for object PUTs whose body can be
  produced again;
* streaming GET (the proxy's 301 to the target is followed; the body is never buffered);
* object PUT with a manual redirect: the proxy gets an empty request and answers 307, and the body
  goes once, straight to the target's ``Location``.

The sync calls of the high-level layer are sent by ``RequestClient.send``: it builds the
``httpx.Request`` from the generated ``request_kwargs``, hands it to the same retrying transport the
``httpx.Client`` uses, and follows redirects itself. That skips what ``httpx.Client.send`` does and
AIS never needs (cookie jar, auth flows, event hooks, per-request default merging) - about a third
of the client's CPU per small request, which is what bounds many-small-object throughput.
``RequestClient.request`` (the raw escape hatch) and the generated client keep the full
``httpx.Client``.
"""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from urllib.parse import urlencode

import httpx
from aistore_ll import Client as LowLevelClient

from aistore_hl import _body, _ops
from aistore_hl._http import hrw as _hrw
from aistore_hl._http.retrying import (
    TRANSIENT_TCODES,
    AsyncRetryTransport,
    RetryTransport,
    retry_scope,
    scoped_policy,
    tls_verify_failed,
)
from aistore_hl._http.transports.httpclient import SENDFILE_EXTENSION, HTTPClientTransport
from aistore_hl._ops import Plan
from aistore_hl.config import ClientConfig, RetryPolicy
from aistore_hl.errors import (
    AISClientError,
    AISError,
    Forbidden,
    InvalidArgument,
    NotFound,
    Unauthorized,
    UnexpectedResponse,
    aerror_body,
    error_body,
    error_from_response,
    wrap_transport_error,
)

T = TypeVar("T")
_log = logging.getLogger("aistore_hl.http")

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
    raise _error_for(response, error_body(response))


async def araise_on_error(response: httpx.Response) -> None:
    """Async twin of ``raise_on_error``."""
    if response.status_code < 400:
        return
    raise _error_for(response, await aerror_body(response))


_NO_RETRIES = RetryPolicy(max_attempts=1)


def _put_retryable(exc: Exception, policy: RetryPolicy) -> bool:
    if isinstance(exc, _PUT_RETRY_ERRORS):
        return policy.retry_connection_errors and not tls_verify_failed(exc)
    return isinstance(exc, AISError) and (
        exc.status_code in policy.retry_statuses
        or (exc.tcode in TRANSIENT_TCODES and 503 in policy.retry_statuses)
    )


def _default_headers(config: ClientConfig) -> dict[str, str]:
    headers = {"User-Agent": config.user_agent}
    if config.token:
        # Dropped on the cross-host redirect to a target, which needs none (the proxy checked it
        # and the redirect carries the proxy's marker).
        headers["Authorization"] = f"Bearer {config.token}"
    return headers


def _client_kwargs(config: ClientConfig) -> dict[str, Any]:
    headers = _default_headers(config)
    return {
        "base_url": config.endpoint.rstrip("/"),
        "timeout": config.timeout.to_httpx(),
        "follow_redirects": True,
        "headers": headers,
        # Proxy env vars would make httpx bypass our transports (and their retries); AIS clients
        # talk to the cluster directly, as aisnode itself does.
        "trust_env": False,
    }


_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_MAX_REDIRECTS = 10


def _query_value(value: Any) -> str:
    if value is True or value is False:
        return "true" if value else "false"  # as httpx renders booleans
    return str(value)


def _query_string(params: Mapping[str, Any]) -> str:
    """``params`` as httpx would encode them (None dropped, sequences repeated, bools lowercase)."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            pairs.extend((key, _query_value(v)) for v in value)
        else:
            pairs.append((key, _query_value(value)))
    return urlencode(pairs)


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


def _redirect_request(request: httpx.Request, response: httpx.Response) -> httpx.Request:
    """The next hop of a redirect, as ``httpx.Client`` would build it."""
    location = response.headers["location"]
    # AIS redirects to absolute target URLs: parse those once (``join`` parses both URLs again).
    url = httpx.URL(location) if location.startswith(("http://", "https://")) else request.url.join(location)
    method = request.method
    status = response.status_code
    if (status == 303 and method != "HEAD") or (status in (301, 302) and method == "POST"):
        method = "GET"
    headers = request.headers.copy()
    headers["Host"] = url.netloc.decode("ascii")  # httpx derives it only when it builds the body
    if _origin(url) != _origin(request.url):
        headers.pop("authorization", None)  # the token stays with the origin it was given to
    stream: Any = request.stream
    if method != request.method:  # the body is dropped with the method change
        stream = None
        headers.pop("content-length", None)
        headers.pop("transfer-encoding", None)
    return httpx.Request(method, url, headers=headers, stream=stream, extensions=request.extensions)


def _log_hop(request: httpx.Request, response: httpx.Response) -> None:
    if _log.isEnabledFor(logging.DEBUG):  # the URL without its query; never headers
        _log.debug("%s %s -> %d", request.method, request.url.copy_with(query=None), response.status_code)


def _too_many_redirects(request: httpx.Request) -> UnexpectedResponse:
    return UnexpectedResponse(
        f"more than {_MAX_REDIRECTS} redirects", url=str(request.url.copy_with(query=None))
    )


def _not_redirected(proxy_resp: httpx.Response) -> UnexpectedResponse:
    # The data would never be sent: refuse rather than report a write that did not happen.
    return UnexpectedResponse(
        f"PUT: the proxy answered {proxy_resp.status_code} instead of redirecting to a target; "
        "no data was sent",
        url=str(proxy_resp.request.url.copy_with(query=None)),
    )


def _location(proxy_resp: httpx.Response) -> str:
    return str(proxy_resp.headers["location"])


class _Routing:
    """Direct-read state of one client: the targets of its cached cluster map, and whether the
    cluster refused direct target access (AuthN clusters answer 403; then every read goes through
    the proxy, without paying a refused request each time)."""

    __slots__ = ("refused", "targets")

    def __init__(self) -> None:
        self.targets: list[tuple[int, str]] | None = None  # (id digest, public URL)
        self.refused = False


# The cluster map could not be used for a direct read: read through the proxy instead.
_NO_MAP_ERRORS = (AISError, AISClientError, KeyError, TypeError, ValueError)


class RedirectedPut:
    """An object PUT through the proxy's redirect, as pure steps; each twin's driver sends them.

    The proxy never reads a PUT body: it answers 307 with the target's ``Location``. Following
    that redirect with the body would send the data twice (proxy, then target), and httpx cannot
    resend a streamed body at all. So the proxy gets an empty PUT (``proxy_request``), its answer
    gives the target request with the body (``target_request``), and a failure of either leg
    (``retry_delay``) is retried from the proxy when the body can be produced again (bytes, a
    path, a seekable file) - one retry budget for both legs. Multipart and append uploads are
    the same shape.
    """

    def __init__(
        self, core: _RequestCore, kw: Mapping[str, Any], body: _body.BodySource, policy: RetryPolicy
    ) -> None:
        self.core, self.kw, self.body, self.policy = core, kw, body, policy
        self.headers = dict(kw.get("headers", {}))
        self.attempt = 1
        self.opened = False  # the body was opened for this attempt (so it may be consumed)

    def proxy_request(self) -> httpx.Request:
        """The empty PUT to the proxy that starts an attempt."""
        self.opened = False
        return self.core.build("PUT", self.kw["url"], params=self.kw.get("params"), content=b"")

    def target_request(self, proxy_resp: httpx.Response, *, aio: bool = False) -> httpx.Request:
        """The PUT with the body to where the proxy's answer redirected (``aio``: async body)."""
        if not proxy_resp.is_redirect:
            raise _not_redirected(proxy_resp)
        if self.body.length is not None:
            self.headers["Content-Length"] = str(self.body.length)
        self.opened = True
        data = self.body.open()
        content: Any = _body.aiter_chunks(data) if aio and not isinstance(data, bytes) else data
        request = self.core.build("PUT", _location(proxy_resp), headers=self.headers, content=content)
        if not aio and (source := self.body.sendfile_source()) is not None:
            request.extensions[SENDFILE_EXTENSION] = source  # zero-copy on plain http
        return request

    def retry_delay(self, exc: AISError | httpx.RequestError) -> float:
        """Seconds to wait before the next attempt; raises (typed) when there is none."""
        again = self.body.replayable or not self.opened  # the proxy leg never reads the body
        if not (again and self.attempt < self.policy.max_attempts and _put_retryable(exc, self.policy)):
            if isinstance(exc, httpx.RequestError):
                raise wrap_transport_error(exc) from exc
            raise exc
        delay = self.policy.compute_delay(self.attempt, getattr(exc, "retry_after", None))
        self.attempt += 1
        return delay


class _RequestCore:
    """Identity and per-view defaults shared by the sync and async request clients."""

    def __init__(self, config: ClientConfig) -> None:
        self.config = config
        self.endpoint = config.endpoint.rstrip("/")
        self.ll = LowLevelClient(base_url=self.endpoint)
        self.retry: RetryPolicy | None = None  # per-view override (``with_options``)
        self.timeout: Any = httpx.USE_CLIENT_DEFAULT  # an httpx.Timeout once overridden
        self._timeouts = config.timeout.to_httpx().as_dict()  # what ``send`` puts on a request
        self._headers = _default_headers(config)
        self.routing = _Routing()  # shared by ``derive``d views (a shallow copy keeps the object)

    def forget_targets(self) -> None:
        """Drop the cached cluster map (a direct read showed it stale)."""
        self.routing.targets = None

    def direct_failed(self, exc: BaseException) -> None:
        """A direct read failed with ``exc`` (the caller then reads through the proxy)."""
        if isinstance(exc, (Unauthorized, Forbidden)):
            self.refuse_direct(exc)
        elif not isinstance(exc, NotFound):  # a 404 may be a missing object: see ``Object.get``
            self.forget_targets()

    def refuse_direct(self, exc: BaseException) -> None:
        """Stop reading directly from targets for the rest of this client's life."""
        if not self.routing.refused:
            self.routing.refused = True
            _log.info("direct reads off for %s: %s (reads go through the proxy)", self.endpoint, exc)

    def derive(self, *, retry: RetryPolicy | None = None, timeout: httpx.Timeout | None = None) -> Self:
        """A view sharing this pool, with other default retry policy and/or timeouts."""
        clone = copy.copy(self)
        if retry is not None:
            clone.retry = retry
        if timeout is not None:
            clone.timeout = timeout
            clone._timeouts = timeout.as_dict()
        return clone

    def build(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        **body: Any,
    ) -> httpx.Request:
        """An ``httpx.Request`` for ``send``: ``url`` relative to the endpoint (or absolute),
        ``body`` as httpx takes it (``content=`` / ``json=``)."""
        if url.startswith("/"):
            url = self.endpoint + url
        if params:
            # One URL parse instead of httpx's parse + merge + re-parse of the query.
            url = f"{url}{'&' if '?' in url else '?'}{_query_string(params)}"
        extensions: dict[str, Any] = {"timeout": self._timeouts}
        return httpx.Request(
            method,
            url,
            headers={**self._headers, **headers} if headers else self._headers,
            extensions=extensions,
            **body,
        )

    def build_from(self, kw: Mapping[str, Any], headers: Mapping[str, str] | None = None) -> httpx.Request:
        """``build`` from a generated endpoint's ``request_kwargs``."""
        body = {k: kw[k] for k in ("content", "json") if k in kw}
        hdrs = kw.get("headers")
        if headers:
            hdrs = {**hdrs, **headers} if hdrs else headers
        return self.build(kw["method"], kw["url"], params=kw.get("params"), headers=hdrs, **body)


def _is_wrapper(transport: Any, base: type) -> bool:
    """A callable that is not itself a transport wraps the built-in one (``transport=`` seam)."""
    return callable(transport) and not isinstance(transport, base)


class RequestClient(_RequestCore):
    """Owns the connection pool and performs requests for one ``Client``."""

    def __init__(self, config: ClientConfig, transport: Any = None) -> None:
        super().__init__(config)
        # ``transport`` replaces only the socket layer: retries and redirects still run above it.
        # A callable receives the built-in transport and returns the one to use (a wrapper).
        inner: Any = transport
        if transport is None or _is_wrapper(transport, httpx.BaseTransport):
            inner = HTTPClientTransport.from_config(config)
            if transport is not None:
                inner = transport(inner)
        if not isinstance(inner, httpx.BaseTransport):
            raise InvalidArgument(
                inner,
                "must be an httpx.BaseTransport, or a callable returning one (Client)",
                param="transport",
            )
        self.transport: httpx.BaseTransport = RetryTransport(inner, config.retry)
        self.http = httpx.Client(
            transport=self.transport,
            event_hooks={"response": [raise_on_error]},
            **_client_kwargs(config),
        )
        # The generated client sends through the same pool, hooks and retries.
        self.ll.set_httpx_client(self.http)

    def send(self, request: httpx.Request, *, stream: bool = False, follow: bool = True) -> httpx.Response:
        """Send ``request`` through the retrying transport, following redirects; errors raise.

        An error status raises the typed ``AISError`` (body read, response closed). Without
        ``stream`` the body is read and the connection returned before this returns. Transport
        failures raise httpx's ``RequestError`` (callers wrap them).
        """
        for _ in range(_MAX_REDIRECTS + 1):
            response = self.transport.handle_request(request)
            response.request = request
            _log_hop(request, response)
            if not (follow and response.status_code in _REDIRECT_STATUSES and "location" in response.headers):
                break
            response.close()
            request = _redirect_request(request, response)
        else:
            response.close()
            raise _too_many_redirects(request)
        raise_on_error(response)
        if not stream:
            try:
                response.read()
            finally:
                response.close()
        return response

    def close(self) -> None:
        """Close every pooled connection."""
        self.http.close()

    def run(self, plan: Plan[T], *, retry: RetryPolicy | None = None) -> T:
        """Send one planned request and read its answer; errors raise."""
        request = self.build_from(plan.request_kwargs())
        try:
            with retry_scope(retry or self.retry):
                response = self.send(request)
        except httpx.RequestError as exc:
            raise wrap_transport_error(exc) from exc
        return plan.parse(response)

    def owner_url(self, uname: str) -> str | None:
        """The public URL of the target owning ``uname`` (cluster map fetched once, then cached);
        None when direct reads are refused or the map cannot be had (read through the proxy)."""
        routing = self.routing
        if routing.refused:
            return None
        if routing.targets is None:
            try:
                routing.targets = _hrw.targets_of(self.run(_ops.smap()))
            except _NO_MAP_ERRORS as exc:
                self.refuse_direct(exc)
                return None
        return _hrw.owner_url(routing.targets, uname)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """A raw request to ``/v1/...`` (escape hatch, e.g. ``Bucket.make_request``)."""
        try:
            with retry_scope(self.retry):  # a ``with_options`` policy covers every kind of call
                return self.http.request(method, url, **{"timeout": self.timeout, **kwargs})
        except httpx.RequestError as exc:
            raise wrap_transport_error(exc) from exc

    def open_stream(self, kw: Mapping[str, Any], headers: Mapping[str, str] | None = None) -> httpx.Response:
        """Open a streaming GET from generated ``request_kwargs``; the caller closes it.

        The transport reads the body in its own cache-sized pieces whatever the consumer's chunk
        size: ``_Chunker`` joins them into bigger chunks, which is faster than reading the
        socket in chunk-sized pieces (see ``obj_stream._Chunker``).
        """
        request = self.build_from(kw, headers)
        try:
            with retry_scope(self.retry):
                return self.send(request, stream=True)
        except httpx.RequestError as exc:
            raise wrap_transport_error(exc) from exc

    def put_redirected(
        self, kw: Mapping[str, Any], body: _body.BodySource, *, retry: RetryPolicy | None = None
    ) -> httpx.Response:
        """PUT ``body`` to the target the proxy redirects to, sending the data exactly once
        (the steps and why: ``RedirectedPut``)."""
        put = RedirectedPut(self, kw, body, retry or self.retry or scoped_policy() or self.config.retry)
        while True:
            try:
                # This loop owns the retries of both legs (one budget for the whole PUT): the
                # transport below must not retry them again, or the attempts would multiply.
                with retry_scope(_NO_RETRIES):
                    proxy_resp = self.send(put.proxy_request(), follow=False)
                    return self.send(put.target_request(proxy_resp), follow=False)
            except (AISError, httpx.RequestError) as exc:
                time.sleep(put.retry_delay(exc))
            finally:
                body.close()


class AsyncRequestClient(_RequestCore):
    """Async twin of ``RequestClient``, on ``AiohttpTransport`` (httpx's own async transport,
    httpcore, was CPU-bound at 32 concurrent small requests; docs/bench/transports.md)."""

    def __init__(self, config: ClientConfig, transport: Any = None) -> None:
        super().__init__(config)
        inner: Any = transport
        if transport is None or _is_wrapper(transport, httpx.AsyncBaseTransport):
            from aistore_hl._http.transports.aiohttp import AiohttpTransport  # loads aiohttp

            inner = AiohttpTransport.from_config(config)
            if transport is not None:
                inner = transport(inner)
        if not isinstance(inner, httpx.AsyncBaseTransport):
            raise InvalidArgument(
                inner,
                "must be an httpx.AsyncBaseTransport, or a callable returning one (AsyncClient)",
                param="transport",
            )
        self.transport: httpx.AsyncBaseTransport = AsyncRetryTransport(inner, config.retry)
        self.http = httpx.AsyncClient(
            transport=self.transport,
            event_hooks={"response": [araise_on_error]},
            **_client_kwargs(config),
        )
        self.ll.set_async_httpx_client(self.http)

    async def close(self) -> None:
        """Close every pooled connection."""
        await self.http.aclose()

    async def send(
        self, request: httpx.Request, *, stream: bool = False, follow: bool = True
    ) -> httpx.Response:
        """Async twin of ``RequestClient.send``."""
        for _ in range(_MAX_REDIRECTS + 1):
            response = await self.transport.handle_async_request(request)
            response.request = request
            _log_hop(request, response)
            if not (follow and response.status_code in _REDIRECT_STATUSES and "location" in response.headers):
                break
            await response.aclose()
            request = _redirect_request(request, response)
        else:
            await response.aclose()
            raise _too_many_redirects(request)
        await araise_on_error(response)
        if not stream:
            try:
                await response.aread()
            finally:
                await response.aclose()
        return response

    async def run(self, plan: Plan[T], *, retry: RetryPolicy | None = None) -> T:
        """Send one planned request and read its answer; errors raise."""
        request = self.build_from(plan.request_kwargs())
        try:
            with retry_scope(retry or self.retry):
                response = await self.send(request)
        except httpx.RequestError as exc:
            raise wrap_transport_error(exc) from exc
        return plan.parse(response)

    async def owner_url(self, uname: str) -> str | None:
        """Async twin of ``RequestClient.owner_url``."""
        routing = self.routing
        if routing.refused:
            return None
        if routing.targets is None:
            try:
                routing.targets = _hrw.targets_of(await self.run(_ops.smap()))
            except _NO_MAP_ERRORS as exc:
                self.refuse_direct(exc)
                return None
        return _hrw.owner_url(routing.targets, uname)

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
        """Open a streaming GET from generated ``request_kwargs``; the caller closes it (body
        pieces as for the sync ``open_stream``)."""
        request = self.build_from(kw, headers)
        try:
            with retry_scope(self.retry):
                return await self.send(request, stream=True)
        except httpx.RequestError as exc:
            raise wrap_transport_error(exc) from exc

    async def put_redirected(
        self, kw: Mapping[str, Any], body: _body.BodySource, *, retry: RetryPolicy | None = None
    ) -> httpx.Response:
        """Async twin of ``RequestClient.put_redirected``."""
        import asyncio  # here, not at the top: the sync path never loads asyncio

        put = RedirectedPut(self, kw, body, retry or self.retry or scoped_policy() or self.config.retry)
        while True:
            try:
                with retry_scope(_NO_RETRIES):  # one retry budget for both legs (see sync twin)
                    proxy_resp = await self.send(put.proxy_request(), follow=False)
                    return await self.send(put.target_request(proxy_resp, aio=True), follow=False)
            except (AISError, httpx.RequestError) as exc:
                await asyncio.sleep(put.retry_delay(exc))
            finally:
                body.close()
