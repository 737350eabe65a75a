"""``Urllib3Transport``: an ``httpx`` transport that moves bytes with urllib3.

httpx's default transport (httpcore + h11) reads the socket 64 KiB at a time and copies
every piece through h11's buffer; urllib3 reads large bodies in large pieces. Not a default of
this package (docs/bench/transports.md says why); offered for your own ``httpx.Client``. It
implements httpx's *public* transport interface (``httpx.BaseTransport.handle_request``) on a
``urllib3.PoolManager``, so everything above it - ``httpx.Client``, redirects, auth, timeouts,
the generated low-level client - keeps httpx semantics, while response bodies are read in large
pieces::

    client = httpx.Client(transport=Urllib3Transport(), follow_redirects=True)

Details:

* urllib3 never retries and never follows redirects (``retries=False``,
  ``redirect=False``): httpx handles redirects, the high-level layer handles retries.
* Responses are not preloaded and not decoded by urllib3 (``preload_content=False``,
  ``decode_content=False``): httpx applies ``Content-Encoding`` itself.
* Request bodies stream from ``request.stream`` chunk by chunk, framed by the
  ``Content-Length`` (or ``Transfer-Encoding``) header httpx already set.
* urllib3 errors become the matching httpx exceptions (``ConnectError``,
  ``ConnectTimeout``, ``ReadTimeout``, ``PoolTimeout``, ``ReadError``, ``WriteError``,
  ``RemoteProtocolError``, ``ProxyError``...).
* Closing the httpx response returns the connection to the pool; a body abandoned half-way
  is discarded by closing its socket (a small remainder is drained instead), so no
  connection leaks and no pool slot is lost.
* urllib3 uses the *connect* timeout for sending the request (it has no write timeout).
* There is no async variant: ``AiohttpTransport`` serves
  ``httpx.AsyncClient``. (The sync ``Client`` uses ``HTTPClientTransport``; this one remains for
  your own ``httpx.Client``.)
* When passing this transport to ``httpx.Client``, set ``trust_env=False`` or configure
  proxies explicitly: httpx mounts its own transports for ``HTTP(S)_PROXY`` URLs.
"""

from __future__ import annotations

import http.client
import ssl
from collections.abc import Iterator
from typing import Any, Final

import httpx
import urllib3
from urllib3 import exceptions as u3

from aistore_hl._http.transports._common import (
    read_size_for,
    transport_kwargs,
)
from aistore_hl.config import DEFAULT_MAX_POOL_SIZE, ClientConfig
from aistore_hl.const import DEFAULT_READ_CHUNK_SIZE

__all__ = ["Urllib3Transport"]

#: An abandoned body with at most this many bytes left is drained to keep the connection.
_DRAIN_LIMIT: Final = 64 * 1024

_HTTP_VERSIONS: Final = {9: b"HTTP/0.9", 10: b"HTTP/1.0", 11: b"HTTP/1.1", 20: b"HTTP/2"}


def _map_error(exc: Exception, request: httpx.Request, *, reading: bool) -> httpx.RequestError:
    """Translate a urllib3 error into the httpx exception httpx's own transport would raise."""
    msg = str(exc)
    if isinstance(exc, u3.EmptyPoolError):
        return httpx.PoolTimeout(msg, request=request)
    if isinstance(exc, u3.NewConnectionError):  # includes NameResolutionError
        return httpx.ConnectError(msg, request=request)
    if isinstance(exc, u3.ConnectTimeoutError):
        return httpx.ConnectTimeout(msg, request=request)
    if isinstance(exc, u3.ReadTimeoutError):
        return httpx.ReadTimeout(msg, request=request)
    if isinstance(exc, u3.TimeoutError):
        return (httpx.ReadTimeout if reading else httpx.ConnectTimeout)(msg, request=request)
    if isinstance(exc, u3.SSLError):
        return httpx.ConnectError(msg, request=request)
    if isinstance(exc, u3.ProxyError):
        return httpx.ProxyError(msg, request=request)
    if isinstance(exc, u3.ProtocolError):
        inner = exc.args[1] if len(exc.args) > 1 else None
        if isinstance(inner, (http.client.IncompleteRead, http.client.RemoteDisconnected)):
            return httpx.RemoteProtocolError(msg, request=request)
        if isinstance(inner, BrokenPipeError) and not reading:
            return httpx.WriteError(msg, request=request)
        if isinstance(inner, OSError):
            return httpx.ReadError(msg, request=request)
        return httpx.RemoteProtocolError(msg, request=request)
    if isinstance(exc, u3.DecodeError):
        return httpx.DecodingError(msg, request=request)
    if isinstance(exc, (u3.LocationValueError, u3.LocationParseError)):
        return httpx.UnsupportedProtocol(msg, request=request)
    if isinstance(exc, OSError):
        return (httpx.ReadError if reading else httpx.ConnectError)(msg, request=request)
    return httpx.TransportError(msg, request=request)


_URLLIB3_ERRORS: Final = (u3.HTTPError, OSError)


class _ResponseStream(httpx.SyncByteStream):
    """httpx byte stream over a urllib3 response, read ``chunk_size`` bytes at a time."""

    def __init__(self, response: urllib3.BaseHTTPResponse, request: httpx.Request, chunk_size: int) -> None:
        self._response = response
        self._request = request
        self._chunk_size = chunk_size
        self._closed = False

    def __iter__(self) -> Iterator[bytes]:
        r = self._response
        try:
            while True:
                data = r.read(self._chunk_size, decode_content=False)
                if not data:
                    break
                yield data
        except _URLLIB3_ERRORS as exc:
            raise _map_error(exc, self._request, reading=True) from exc

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        r = self._response
        try:
            remaining = getattr(r, "length_remaining", None)
            done = r.isclosed() if isinstance(r, urllib3.HTTPResponse) else False
            if not done:
                if remaining is not None and 0 <= remaining <= _DRAIN_LIMIT:
                    r.drain_conn()  # cheap: keep the connection for reuse
                else:
                    r.close()  # unknown or large remainder: drop the socket
        except Exception:  # best effort; the connection is discarded below
            r.close()
        finally:
            r.release_conn()


class Urllib3Transport(httpx.BaseTransport):
    """An ``httpx.BaseTransport`` backed by ``urllib3.PoolManager``.

    Args:
        verify: TLS server verification: True (system CAs), False, a CA bundle path, or an
            ``ssl.SSLContext`` (used as is).
        cert: Client certificate: a PEM path, or ``(cert_path, key_path)``.
        pool_maxsize: Connections kept per host (proxy and each target).
        num_pools: Number of per-host pools kept (LRU); size it to the cluster.
        block: Wait for a free connection (up to the pool timeout) instead of opening an
            extra, non-pooled one when a host's pool is exhausted.
        read_chunk_size: Bytes per socket read when streaming a response body.
        pool_manager: Use this ``PoolManager`` instead of building one (the other pool and
            TLS arguments are then ignored); it is cleared by :meth:`close`.
    """

    def __init__(
        self,
        *,
        verify: bool | str | ssl.SSLContext = True,
        cert: str | tuple[str, str] | None = None,
        pool_maxsize: int = DEFAULT_MAX_POOL_SIZE,
        num_pools: int = 128,
        block: bool = False,
        read_chunk_size: int = DEFAULT_READ_CHUNK_SIZE,
        pool_manager: urllib3.PoolManager | None = None,
    ) -> None:
        self._read_chunk_size = read_chunk_size
        self._block = block
        if pool_manager is not None:
            self._pool = pool_manager
            return
        kw: dict[str, Any] = {
            "num_pools": num_pools,
            "maxsize": pool_maxsize,
            "block": block,
            "retries": False,
        }
        if isinstance(verify, ssl.SSLContext):
            kw["ssl_context"] = verify
        elif verify is False:
            kw["cert_reqs"] = "CERT_NONE"
        else:
            kw["cert_reqs"] = "CERT_REQUIRED"
            if isinstance(verify, str):
                kw["ca_certs"] = verify
        if isinstance(cert, tuple):
            kw["cert_file"], kw["key_file"] = cert
        elif cert:
            kw["cert_file"] = cert
        self._pool = urllib3.PoolManager(**kw)

    @classmethod
    def from_config(cls, config: ClientConfig) -> Urllib3Transport:
        """Build a transport from a :class:`~aistore_hl.config.ClientConfig`."""
        return cls(**transport_kwargs(config))

    @property
    def pool_manager(self) -> urllib3.PoolManager:
        """The underlying ``urllib3.PoolManager`` (e.g. to inspect pools in tests)."""
        return self._pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and return a streaming ``httpx.Response``."""
        url = request.url
        headers = urllib3.HTTPHeaderDict()
        for name, value in request.headers.raw:
            headers.add(name.decode("latin-1"), value.decode("latin-1"))
        has_body = "content-length" in headers or "transfer-encoding" in headers
        body = request.stream if has_body else None
        if has_body and headers.get("content-length", "").strip() == "0":
            body = None

        t = request.extensions.get("timeout") or {}
        timeout = urllib3.Timeout(connect=t.get("connect"), read=t.get("read"))
        pool_timeout = t.get("pool") if self._block else None
        try:
            pool = self._pool.connection_from_host(url.host, port=url.port, scheme=url.scheme)
            response = pool.urlopen(
                request.method,
                url.raw_path.decode("ascii"),
                body=body,  # type: ignore[arg-type]  # an iterable of bytes is accepted
                headers=headers,
                retries=False,
                redirect=False,
                assert_same_host=False,
                timeout=timeout,
                pool_timeout=pool_timeout,
                preload_content=False,
                decode_content=False,
                enforce_content_length=True,
            )
        except _URLLIB3_ERRORS as exc:
            raise _map_error(exc, request, reading=False) from exc

        return httpx.Response(
            status_code=response.status,
            headers=list(response.headers.items()),
            stream=_ResponseStream(response, request, read_size_for(request, self._read_chunk_size)),
            extensions={
                "http_version": _HTTP_VERSIONS.get(response.version, b"HTTP/1.1"),
                "reason_phrase": (response.reason or "").encode("latin-1", errors="replace"),
            },
        )

    def close(self) -> None:
        """Close every pooled connection."""
        self._pool.clear()
