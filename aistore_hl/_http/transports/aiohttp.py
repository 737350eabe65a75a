"""``AiohttpTransport``: an async ``httpx`` transport that moves bytes with aiohttp.

httpx's default async transport (httpcore + h11 over anyio) spends most of a small request's
time in Python; aiohttp's HTTP parser is in C (the figures: docs/bench/transports.md). It
implements httpx's *public* async transport interface (``httpx.AsyncBaseTransport.handle_async_request``)
on one ``aiohttp.ClientSession``, so everything above it - ``httpx.AsyncClient``, redirects,
auth, timeouts, content decoding - keeps httpx semantics::

    client = httpx.AsyncClient(transport=AiohttpTransport(), follow_redirects=True)

Details:

* One ``ClientSession`` over a ``TCPConnector`` (``pool_maxsize`` connections in all and per
  host), created on the first request inside the running event loop and bound to it;
  :meth:`AiohttpTransport.aclose` (called by ``AsyncClient.aclose()``) closes it.
* The request goes out as httpx built it: aiohttp adds no ``User-Agent``, ``Accept``,
  ``Accept-Encoding`` or ``Content-Type`` of its own (``skip_auto_headers``), keeps no
  cookies (``DummyCookieJar``), and httpx's ``Host`` and ``Content-Length`` replace aiohttp's
  rather than being sent twice. A body httpx frames with ``Transfer-Encoding: chunked`` is
  handed to aiohttp as ``chunked=True`` (that header removed), so it is chunked exactly once.
  The one header aiohttp still adds is ``Content-Length: 0`` on a body-less request whose
  method is not GET, HEAD, OPTIONS or TRACE (e.g. DELETE), which httpx leaves unframed.
* Request bodies: ``httpx.ByteStream`` content is passed as bytes; any other stream is sent
  chunk by chunk as it is iterated. An exception raised by the body stream itself reaches the
  caller unchanged.
* No redirects (``allow_redirects=False``: httpx follows them) and no retries: aiohttp's
  own one-time resend of an idempotent request whose connection failed is disabled (by a
  session middleware), so a dead pooled connection surfaces as an error, as with httpx's
  transport, and the high-level layer's retry policy decides.
* Responses are not decoded (``auto_decompress=False``): httpx applies ``Content-Encoding``.
  Body pieces are handed over as aiohttp received them (one socket read each, up to 256 KiB,
  no copy), split only when longer than ``read_chunk_size``. A request whose
  ``READ_SIZE_EXTENSION`` asks for more than ``read_chunk_size`` gets pieces filled up to that
  size instead (filling by default cost page faults and half the speed on large GETs: see
  docs/bench/transports.md).
* Closing the httpx response releases the connection to the pool once the whole body has been
  received; a body abandoned half-way closes its connection, so a half-read connection is
  never reused and no pool slot leaks.
* Timeouts (from httpx's ``timeout`` request extension) become an ``aiohttp.ClientTimeout``:

  - ``connect`` -> ``sock_connect``: establishing a new TCP (+TLS) connection;
  - ``pool + connect`` -> ``connect``: waiting for a pooled connection *and* establishing a
    new one (aiohttp has a single budget for both); ``None`` if either is ``None``;
  - ``read`` -> ``sock_read``: waiting for response data (headers, then between two reads);
  - ``write``: not enforced (aiohttp has no write timeout);
  - no ``total`` limit. Timeouts of 5 s or more are rounded up to whole seconds by aiohttp.

  Every connection-phase timeout, including a full pool, raises ``httpx.ConnectTimeout``
  (aiohttp does not tell them apart); ``httpx.PoolTimeout`` is never raised.
* aiohttp errors become the matching httpx exceptions (``ConnectError``, ``ConnectTimeout``,
  ``ReadTimeout``, ``ReadError``, ``WriteError``, ``RemoteProtocolError``,
  ``UnsupportedProtocol``, ``ProxyError``...), raised ``from`` the aiohttp error: a failed
  certificate check keeps ``ssl.SSLCertVerificationError`` in the cause chain.
* HTTP/1.1 only. When passing this transport to ``httpx.AsyncClient``, set
  ``trust_env=False`` or configure proxies explicitly: httpx mounts its own transports for
  ``HTTP(S)_PROXY`` URLs.
"""

from __future__ import annotations

import asyncio
import errno
import functools
import ssl
from collections.abc import AsyncIterator
from typing import Final

import aiohttp
import httpx
from yarl import URL

from aistore_hl._http.transports._common import (
    READ_SIZE_EXTENSION,
    read_size_for,
    tls_context,
    transport_kwargs,
)
from aistore_hl.config import DEFAULT_MAX_POOL_SIZE, ClientConfig
from aistore_hl.const import DEFAULT_READ_CHUNK_SIZE

__all__ = ["READ_SIZE_EXTENSION", "AiohttpTransport"]

#: Headers aiohttp would add on its own; httpx already sets the ones the request needs.
_SKIP_AUTO_HEADERS: Final = frozenset({"User-Agent", "Accept", "Accept-Encoding", "Content-Type"})

#: Response size limits: aiohttp's 8 KiB line/field defaults are smaller than h11's 64 KiB header
#: block, and AIS object metadata can travel in long headers.
_MAX_LINE_SIZE: Final = 64 * 1024
_MAX_FIELD_SIZE: Final = 64 * 1024

_HTTP_VERSIONS: Final = {(1, 1): b"HTTP/1.1", (1, 0): b"HTTP/1.0", (0, 9): b"HTTP/0.9"}


# --------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------


def _map_error(exc: BaseException, request: httpx.Request, *, reading: bool) -> httpx.RequestError:
    """Translate an aiohttp (or OS) error into the httpx exception httpx's transport would raise.

    Args:
        exc: The error raised by aiohttp.
        request: The request being sent (attached to the httpx exception).
        reading: True while reading the response body, False while connecting, sending the
            request or waiting for the response headers.

    Returns:
        The httpx exception to raise (``from exc``).
    """
    msg = str(exc) or type(exc).__name__
    # Order matters: the aiohttp classes overlap (timeouts are OSErrors, TLS errors are
    # connector errors, connector errors are ClientOSErrors).
    if isinstance(exc, (aiohttp.NonHttpUrlClientError, aiohttp.InvalidURL)):
        return httpx.UnsupportedProtocol(msg, request=request)
    if isinstance(exc, aiohttp.ConnectionTimeoutError):  # pool wait or connect
        return httpx.ConnectTimeout(msg, request=request)
    if isinstance(exc, aiohttp.SocketTimeoutError):  # sock_read, before or in the body
        return httpx.ReadTimeout(msg, request=request)
    if isinstance(exc, TimeoutError):  # asyncio.TimeoutError is TimeoutError since 3.11
        return (httpx.ReadTimeout if reading else httpx.ConnectTimeout)(msg, request=request)
    if isinstance(exc, (aiohttp.ClientProxyConnectionError, aiohttp.ClientHttpProxyError)):
        return httpx.ProxyError(msg, request=request)
    if isinstance(exc, (aiohttp.ClientConnectorError, aiohttp.ServerFingerprintMismatch)):
        return httpx.ConnectError(msg, request=request)  # refused, DNS, TLS, certificate
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return httpx.RemoteProtocolError(msg, request=request)
    if isinstance(exc, aiohttp.ClientPayloadError):  # truncated body, bad chunked framing
        return httpx.RemoteProtocolError(msg, request=request)
    if isinstance(exc, aiohttp.ClientResponseError):  # unparsable status line or headers
        return httpx.RemoteProtocolError(msg, request=request)
    if isinstance(exc, aiohttp.ClientConnectionResetError):  # write to a closing transport
        return (httpx.ReadError if reading else httpx.WriteError)(msg, request=request)
    if isinstance(exc, aiohttp.ClientOSError):
        writing = not reading and (exc.errno == errno.EPIPE or "write request body" in msg)
        return (httpx.WriteError if writing else httpx.ReadError)(msg, request=request)
    if isinstance(exc, aiohttp.ClientConnectionError):
        return (httpx.ReadError if reading else httpx.WriteError)(msg, request=request)
    if isinstance(exc, OSError):
        return (httpx.ReadError if reading else httpx.ConnectError)(msg, request=request)
    if isinstance(exc, ValueError) and not reading:  # a method or header aiohttp refuses
        return httpx.LocalProtocolError(msg, request=request)
    return httpx.TransportError(msg, request=request)


#: What :func:`_map_error` translates; anything else propagates unchanged.
_MAPPED_ERRORS: Final = (aiohttp.ClientError, OSError)  # OSError includes TimeoutError


class _NoRetry(aiohttp.ClientError):
    """Carries a connection error past aiohttp's one-time resend of idempotent requests."""

    def __init__(self, original: BaseException) -> None:
        super().__init__(str(original))
        self.original = original


async def _no_retry(req: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType) -> aiohttp.ClientResponse:
    # ClientSession re-sends an idempotent request once on ClientOSError or
    # ServerDisconnectedError; any other ClientError propagates, so wrap those two.
    try:
        return await handler(req)
    except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError) as exc:
        raise _NoRetry(exc) from exc


# --------------------------------------------------------------------------------------
# Request and response bodies
# --------------------------------------------------------------------------------------


class _RequestBody:
    """Async iterable over an httpx request stream that remembers the stream's own error.

    aiohttp wraps an exception raised while producing the body into a connection error; the
    transport re-raises the original instead. Empty chunks are skipped, so none can end a
    chunked body early.
    """

    def __init__(self, stream: httpx.AsyncByteStream) -> None:
        self._stream = stream
        self.error: BaseException | None = None

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._stream:
                if chunk:
                    yield chunk
        except Exception as exc:
            self.error = exc
            raise


class _ResponseStream(httpx.AsyncByteStream):
    """httpx byte stream over an aiohttp response.

    Pieces are at most ``chunk_size`` bytes: what the socket delivered (split if longer), or,
    with ``fill``, exactly ``chunk_size`` bytes but for the last one.
    """

    def __init__(
        self, response: aiohttp.ClientResponse, request: httpx.Request, chunk_size: int, fill: bool = False
    ) -> None:
        self._response = response
        self._request = request
        self._chunk_size = chunk_size
        self._fill = fill
        self._failed = False
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        content = self._response.content
        n = self._chunk_size
        while not content.at_eof():
            data = await self._read(content)
            if not data:
                break
            if len(data) <= n:
                yield data
                continue
            view = memoryview(data)
            for at in range(0, len(data), n):
                yield bytes(view[at : at + n])

    async def _read(self, content: aiohttp.StreamReader) -> bytes:
        """The next piece: what is buffered, or (``fill``) ``chunk_size`` bytes unless at the end."""
        try:
            if not self._fill:
                return await content.readany()
            n = self._chunk_size
            data = await content.read(n)
            if len(data) == n or not data or content.at_eof():
                return data
            parts = [data]
            have = len(data)
            while have < n and not content.at_eof():
                more = await content.read(n - have)
                if not more:
                    break
                parts.append(more)
                have += len(more)
            return b"".join(parts)
        except _MAPPED_ERRORS as exc:
            self._failed = True
            raise _map_error(exc, self._request, reading=True) from exc
        except BaseException:  # cancelled mid-read: the connection is in an unknown state
            self._failed = True
            raise

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        r = self._response
        if not self._failed and r.content.is_eof():
            r.release()  # the whole body was received: the connection can be reused
        else:
            r.close()  # half-read or failed: drop the socket, never reuse it


# --------------------------------------------------------------------------------------
# Transport
# --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _client_timeout(connect: float | None, read: float | None, pool: float | None) -> aiohttp.ClientTimeout:
    """The ``aiohttp.ClientTimeout`` for httpx's per-phase timeouts (see the module doc)."""
    acquire = None if connect is None or pool is None else connect + pool
    return aiohttp.ClientTimeout(total=None, connect=acquire, sock_connect=connect, sock_read=read)


def _ssl_param(
    verify: bool | str | ssl.SSLContext, cert: str | tuple[str, str] | None
) -> ssl.SSLContext | bool:
    """The connector's ``ssl=``: an SSLContext, False (no verification) or True (defaults)."""
    if cert is None and isinstance(verify, bool):
        return verify  # True: aiohttp's shared verifying context, built once at its import
    return tls_context(verify, cert)


class AiohttpTransport(httpx.AsyncBaseTransport):
    """An ``httpx.AsyncBaseTransport`` backed by one ``aiohttp.ClientSession``.

    The session is created on the first request, inside the running event loop, and the
    transport stays bound to that loop until :meth:`aclose`.

    Args:
        verify: TLS server verification: True (system CAs), False, a CA bundle path, or an
            ``ssl.SSLContext`` (used as is; a ``cert`` is loaded into it).
        cert: Client certificate: a PEM path, or ``(cert_path, key_path)``.
        pool_maxsize: Connections open at once, to all hosts together (proxy and targets
            share them); a request beyond that waits for a free one, within the connect +
            pool timeout.
        read_chunk_size: Bytes per piece when streaming a response body.
        read_bufsize: Bytes aiohttp buffers per response before it stops reading the socket
            (it resumes as the body is consumed).
        keepalive_timeout: Seconds an idle pooled connection is kept.

    Raises:
        OSError: A missing or unreadable CA bundle or client certificate (``ssl.SSLError``
            for an invalid one).
    """

    def __init__(
        self,
        *,
        verify: bool | str | ssl.SSLContext = True,
        cert: str | tuple[str, str] | None = None,
        pool_maxsize: int = DEFAULT_MAX_POOL_SIZE,
        read_chunk_size: int = DEFAULT_READ_CHUNK_SIZE,
        read_bufsize: int = 256 * 1024,
        keepalive_timeout: float = 15.0,
    ) -> None:
        self._ssl = _ssl_param(verify, cert)
        self._pool_maxsize = pool_maxsize
        self._read_chunk_size = read_chunk_size
        self._read_bufsize = read_bufsize
        self._keepalive_timeout = keepalive_timeout
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @classmethod
    def from_config(cls, config: ClientConfig) -> AiohttpTransport:
        """Build a transport from a :class:`~aistore_hl.config.ClientConfig`."""
        return cls(**transport_kwargs(config))

    @property
    def session(self) -> aiohttp.ClientSession | None:
        """The underlying ``aiohttp.ClientSession``, or None before the first request."""
        return self._session

    def _get_session(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        session = self._session
        if session is not None and not session.closed:
            if self._loop is loop:
                return session
            if self._loop is not None and not self._loop.is_closed():
                raise RuntimeError("AiohttpTransport is bound to another event loop; use one per loop")
            # The old loop is gone and its connections with it: start afresh.
        connector = aiohttp.TCPConnector(
            limit=0,  # per host, as the sync transports count (the proxy and each target)
            limit_per_host=self._pool_maxsize,
            ssl=self._ssl,
            keepalive_timeout=self._keepalive_timeout,
        )
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            skip_auto_headers=_SKIP_AUTO_HEADERS,
            auto_decompress=False,
            raise_for_status=False,
            trust_env=False,
            timeout=aiohttp.ClientTimeout(total=None),
            read_bufsize=self._read_bufsize,
            max_line_size=_MAX_LINE_SIZE,
            max_field_size=_MAX_FIELD_SIZE,
            middlewares=(_no_retry,),
        )
        self._session, self._loop = session, loop
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and return a streaming ``httpx.Response``."""
        url = request.url
        if url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"unsupported URL scheme {url.scheme!r}", request=request)
        # httpx has encoded the URL already: keep it byte for byte (no userinfo: httpx turned
        # it into an Authorization header).
        target = URL(
            f"{url.scheme}://{url.netloc.decode('ascii')}{url.raw_path.decode('ascii')}", encoded=True
        )

        chunked = False
        has_length = False
        headers: list[tuple[str, str]] = []
        for name, value in request.headers.raw:
            lname = name.lower()
            if lname == b"transfer-encoding":
                if b"chunked" in value.lower():
                    chunked = True
                    continue  # aiohttp writes it (and the chunk framing) for chunked=True
            elif lname == b"content-length":
                has_length = value.strip() != b"0"
            headers.append((name.decode("latin-1"), value.decode("latin-1")))

        body: _RequestBody | None = None
        data: bytes | _RequestBody | None = None
        if chunked or has_length:
            stream = request.stream
            if isinstance(stream, httpx.ByteStream):
                data = b"".join(stream)  # in-memory content: one piece, no copy
            elif isinstance(stream, httpx.AsyncByteStream):
                data = body = _RequestBody(stream)
            else:
                raise RuntimeError("AiohttpTransport needs an async request stream (httpx.AsyncClient)")

        session = self._get_session()
        t = request.extensions.get("timeout") or {}
        timeout = _client_timeout(t.get("connect"), t.get("read"), t.get("pool"))
        try:
            response = await session.request(
                request.method,
                target,
                headers=headers,
                data=data,
                chunked=True if chunked else None,
                allow_redirects=False,
                timeout=timeout,
            )
        except _MAPPED_ERRORS as exc:
            if body is not None and body.error is not None:
                raise body.error from None  # the request body's own failure, not the network's
            cause = exc.original if isinstance(exc, _NoRetry) else exc
            raise _map_error(cause, request, reading=False) from cause
        except ValueError as exc:  # a method, header or body aiohttp refuses to send
            raise _map_error(exc, request, reading=False) from exc

        extensions = {
            "http_version": _HTTP_VERSIONS.get(response.version or (1, 1), b"HTTP/1.1"),
            "reason_phrase": (response.reason or "").encode("latin-1", errors="replace"),
        }
        if request.method == "HEAD" or response.status in (204, 304) or response.content_length == 0:
            # No body (the proxy's 307, a PUT's answer, HEAD): the connection goes back to the pool
            # now, and the response comes already read (httpx reads a ByteStream at once).
            response.release()
            answer: httpx.AsyncByteStream | httpx.ByteStream = httpx.ByteStream(b"")
        else:
            size = read_size_for(request, self._read_chunk_size)
            answer = _ResponseStream(response, request, size, fill=size > self._read_chunk_size)
        return httpx.Response(
            status_code=response.status, headers=response.raw_headers, stream=answer, extensions=extensions
        )

    async def aclose(self) -> None:
        """Close the session and every pooled connection."""
        session, self._session, self._loop = self._session, None, None
        if session is not None:
            await session.close()
