"""``AiohttpTransport`` under ``httpx.AsyncClient`` against a real HTTP server on 127.0.0.1.

The async counterpart of test_transport.py: same generic stdlib server (not AIS), same
scenarios where they apply, plus what is specific to aiohttp (header hygiene, no hidden
resend, event-loop binding). Each test drives its own event loop with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import gzip
import hashlib
import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import httpx
import psutil  # type: ignore[import-untyped,unused-ignore]
import pytest
from aiohttp.client_reqrep import ConnectionKey
from local_http import GZ_TEXT, PAYLOAD, Handler, Hangups, MiB, md5_of_size, running, serve

from aistore_hl import errors as E
from aistore_hl._http.transports.aiohttp import (
    READ_SIZE_EXTENSION,
    AiohttpTransport,
    _client_timeout,
    _map_error,
)
from aistore_hl.config import ClientConfig
from aistore_hl.const import DEFAULT_READ_CHUNK_SIZE as READ

T = TypeVar("T")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running() as url:
        yield url


def run(
    fn: Callable[[httpx.AsyncClient], Awaitable[T]], transport: AiohttpTransport | None = None, **kw: Any
) -> T:
    """Run ``fn(client)`` in a fresh event loop with an AsyncClient over ``transport``."""

    async def main() -> T:
        kw.setdefault("timeout", 10.0)
        async with httpx.AsyncClient(transport=transport or AiohttpTransport(), trust_env=False, **kw) as c:
            return await fn(c)

    return asyncio.run(main())


def _free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = int(s.getsockname()[1])
    s.close()
    return port


def _lower_headers(info: dict[str, Any]) -> list[tuple[str, str]]:
    return [(k.lower(), v) for k, v in info["header_lines"]]


# --------------------------------------------------------------------------------------
# Responses
# --------------------------------------------------------------------------------------


def test_status_headers_and_body(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        resp = await c.get(f"{server}/port")
        assert resp.status_code == 200 and resp.reason_phrase == "OK"
        assert resp.http_version == "HTTP/1.1"
        assert int(resp.headers["content-length"]) == len(resp.content) and resp.text.isdigit()
        assert resp.is_closed

    run(go)


def test_large_get_streams_in_large_pieces_with_flat_rss(server: str) -> None:
    size = 96 * MiB + 5

    async def go(c: httpx.AsyncClient) -> list[int]:
        proc = psutil.Process()
        before = peak = proc.memory_info().rss
        sizes = []
        async with c.stream("GET", f"{server}/big?size={size}") as resp:
            assert resp.status_code == 200
            async for chunk in resp.aiter_raw():
                sizes.append(len(chunk))
                if len(sizes) % 16 == 0:
                    peak = max(peak, proc.memory_info().rss)
        assert peak - before < 48 * MiB, f"RSS grew by {(peak - before) / MiB:.1f} MiB"
        return sizes

    sizes = run(go)
    assert sum(sizes) == size
    assert max(sizes) <= READ
    assert len(sizes) < size // (16 << 10)  # socket reads of loopback size, not small slices


def test_pieces_are_handed_over_as_received_unless_a_fill_is_asked(server: str) -> None:
    """By default a piece is one socket read, not joined with the next (no copy, no buffers
    built up); a READ_SIZE_EXTENSION above the transport's read size fills pieces instead."""
    url = f"{server}/drip?n=3&size=1000&gap=0.1"

    async def go(c: httpx.AsyncClient, fill: bool) -> list[bytes]:
        ext = {READ_SIZE_EXTENSION: 4 * MiB} if fill else {}
        resp = await c.send(c.build_request("GET", url, extensions=ext), stream=True)
        try:
            return [chunk async for chunk in resp.aiter_raw()]
        finally:
            await resp.aclose()

    assert run(lambda c: go(c, False)) == [bytes([k]) * 1000 for k in range(3)]
    assert run(lambda c: go(c, True)) == [b"".join(bytes([k]) * 1000 for k in range(3))]
    # Longer than the read size: split, never truncated.
    pieces = run(lambda c: go(c, False), AiohttpTransport(read_chunk_size=300))
    assert [len(p) for p in pieces] == [300, 300, 300, 100] * 3
    assert b"".join(pieces) == b"".join(bytes([k]) * 1000 for k in range(3))


def test_read_size_extension_and_small_read_chunk_size(server: str) -> None:
    async def big(c: httpx.AsyncClient) -> list[int]:
        req = c.build_request(
            "GET", f"{server}/big?size={10 * MiB}", extensions={READ_SIZE_EXTENSION: 4 * MiB}
        )
        resp = await c.send(req, stream=True)
        try:
            return [len(chunk) async for chunk in resp.aiter_raw()]
        finally:
            await resp.aclose()

    assert run(big) == [4 * MiB, 4 * MiB, 2 * MiB]

    async def small(c: httpx.AsyncClient) -> list[int]:
        # A smaller extension than the transport's default is ignored.
        req = c.build_request("GET", f"{server}/big?size=2500", extensions={READ_SIZE_EXTENSION: 10})
        resp = await c.send(req, stream=True)
        try:
            return [len(chunk) async for chunk in resp.aiter_raw()]
        finally:
            await resp.aclose()

    sizes = run(small, AiohttpTransport(read_chunk_size=1000))
    assert sum(sizes) == 2500 and max(sizes) <= 1000


def test_stream_and_aread(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        async with c.stream("GET", f"{server}/big?size=300000") as resp:
            body = await resp.aread()
        assert body == PAYLOAD[:300000]

    run(go)


def test_head_and_no_content(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        resp = await c.head(f"{server}/big?size=12345")
        assert resp.status_code == 200
        assert resp.headers["content-length"] == "12345"
        assert resp.content == b""
        resp = await c.get(f"{server}/nocontent")
        assert resp.status_code == 204 and resp.content == b""
        # The connection is still usable afterwards.
        assert (await c.get(f"{server}/port")).status_code == 200

    run(go)


def test_repeated_headers_and_gzip(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        assert (await c.get(f"{server}/dup")).headers.get_list("ais-custom-md") == ["a=1", "b=2"]
        resp = await c.get(f"{server}/gzip")
        assert resp.headers["content-encoding"] == "gzip"
        assert resp.content == GZ_TEXT  # decoded by httpx, not by aiohttp
        async with c.stream("GET", f"{server}/gzip") as raw:
            assert gzip.decompress(b"".join([c async for c in raw.aiter_raw()])) == GZ_TEXT

    run(go)


def test_error_status_is_returned_not_raised(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        resp = await c.get(f"{server}/nope")
        assert resp.status_code == 404
        with pytest.raises(E.NotFound):
            E.raise_for_status(resp)

    run(go)


# --------------------------------------------------------------------------------------
# Requests
# --------------------------------------------------------------------------------------


def test_headers_pass_through_unchanged(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        resp = await c.request(
            "GET",
            f"{server}/echo?provider=ais",
            json={"action": "list", "value": {}},
            headers={"Authorization": "Bearer t", "X-Many": "1"},
        )
        info = resp.json()
        assert info["method"] == "GET"
        assert json.loads(info["body"]) == {"action": "list", "value": {}}
        sent = _lower_headers(info)
        names = [k for k, _ in sent]
        headers = dict(sent)
        assert len(names) == len(set(names)), f"duplicate headers: {names}"  # Host, Content-Length
        assert headers["host"] == server.removeprefix("http://")
        assert headers["authorization"] == "Bearer t"
        assert headers["content-type"] == "application/json"
        assert headers["content-length"] == str(len(info["body"]))
        assert headers["user-agent"].startswith("python-httpx/")  # httpx's, not aiohttp's
        assert headers["accept"] == "*/*"
        assert headers["accept-encoding"] == c.headers["accept-encoding"]
        assert "transfer-encoding" not in headers  # framed by Content-Length
        assert "cookie" not in headers

        # A body-less GET sends no framing headers; bytes content gets no Content-Type.
        plain = dict(_lower_headers((await c.get(f"{server}/echo")).json()))
        assert "content-length" not in plain and "transfer-encoding" not in plain
        put = dict(_lower_headers((await c.request("DELETE", f"{server}/echo", content=b"raw")).json()))
        assert "content-type" not in put and put["content-length"] == "3"

        # The one header aiohttp adds: a body-less DELETE (any method but GET, HEAD, OPTIONS,
        # TRACE) says "Content-Length: 0" (httpx's transport sends no framing header there).
        delete = _lower_headers((await c.delete(f"{server}/echo")).json())
        assert [v for k, v in delete if k == "content-length"] == ["0"]

        # Headers set to a value by the caller are sent as they are, duplicates included.
        dup = await c.get(f"{server}/echo", headers=[("X-Dup", "1"), ("X-Dup", "2"), ("User-Agent", "me")])
        got = _lower_headers(dup.json())
        assert [v for k, v in got if k == "x-dup"] == ["1", "2"]
        assert [v for k, v in got if k == "user-agent"] == ["me"]

    run(go)


def test_put_streams_an_async_generator_with_content_length(server: str) -> None:
    size = 64 * MiB

    async def gen() -> AsyncIterator[bytes]:
        for _ in range(size // MiB):
            yield PAYLOAD

    async def go(c: httpx.AsyncClient) -> dict[str, Any]:
        proc = psutil.Process()
        before = proc.memory_info().rss
        resp = await c.put(f"{server}/sink", content=gen(), headers={"Content-Length": str(size)})
        grown = proc.memory_info().rss - before
        assert grown < 32 * MiB, f"RSS grew by {grown / MiB:.1f} MiB"
        return dict(resp.json())

    assert run(go) == {"n": size, "md5": md5_of_size(size), "te": "", "cl": str(size)}


def test_put_async_generator_without_length_is_chunked_once(server: str) -> None:
    parts = [b"a" * 1000, b"", b"b" * 70_000, b"c"]

    async def gen() -> AsyncIterator[bytes]:
        for p in parts:
            yield p

    async def echo_gen() -> AsyncIterator[bytes]:
        yield b"hello "
        yield b"world"

    async def go(c: httpx.AsyncClient) -> None:
        info = (await c.put(f"{server}/sink", content=gen())).json()
        assert info["te"] == "chunked" and info["cl"] == ""
        # Chunked twice, the server would have read the inner framing as the body.
        assert info["n"] == 71_001 and info["md5"] == hashlib.md5(b"".join(parts)).hexdigest()

        sent = (await c.post(f"{server}/echo", content=echo_gen())).json()
        assert sent["body"] == "hello world"
        framing = [(k, v) for k, v in _lower_headers(sent) if k in ("transfer-encoding", "content-length")]
        assert framing == [("transfer-encoding", "chunked")]

    run(go)


def test_put_bytes_and_empty(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        assert (await c.put(f"{server}/sink", content=b"xyz")).json() == {
            "n": 3,
            "md5": hashlib.md5(b"xyz").hexdigest(),
            "te": "",
            "cl": "3",
        }
        assert (await c.put(f"{server}/sink", content=b"")).json()["n"] == 0

    run(go)


def test_request_body_error_reaches_the_caller_unchanged(server: str) -> None:
    class Boom(Exception):
        pass

    async def gen() -> AsyncIterator[bytes]:
        yield b"x" * 100
        raise Boom("source failed")

    async def go(c: httpx.AsyncClient) -> None:
        with pytest.raises(Boom, match="source failed"):
            await c.put(f"{server}/sink", content=gen())
        assert (await c.get(f"{server}/port")).status_code == 200

    run(go)


# --------------------------------------------------------------------------------------
# Redirects
# --------------------------------------------------------------------------------------


def test_redirects_are_left_to_httpx(server: str) -> None:
    async def follow(c: httpx.AsyncClient) -> None:
        resp = await c.get(f"{server}/redirect")
        assert resp.status_code == 200
        assert [r.status_code for r in resp.history] == [301]
        assert str(resp.url) == f"{server}/port"

    async def no_follow(c: httpx.AsyncClient) -> None:
        resp = await c.get(f"{server}/redirect")
        assert resp.status_code == 301
        assert resp.headers["location"] == "/port"

    run(follow, follow_redirects=True)
    run(no_follow)


# --------------------------------------------------------------------------------------
# Errors and timeouts
# --------------------------------------------------------------------------------------


def test_connection_refused() -> None:
    async def go(c: httpx.AsyncClient) -> None:
        with pytest.raises(httpx.ConnectError):
            await c.get(f"http://127.0.0.1:{_free_port()}/x")

    run(go)


def test_unsupported_scheme() -> None:
    async def go(c: httpx.AsyncClient) -> None:
        with pytest.raises(httpx.UnsupportedProtocol):
            await c.get("ftp://127.0.0.1/x")

    run(go)


def test_read_timeout_waiting_for_headers(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        with pytest.raises(httpx.ReadTimeout):
            await c.get(f"{server}/slow-headers", timeout=httpx.Timeout(5.0, read=0.1))

    run(go)


def test_read_timeout_in_body(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        async with c.stream("GET", f"{server}/slow-body", timeout=httpx.Timeout(5.0, read=0.1)) as resp:
            assert resp.status_code == 200
            with pytest.raises(httpx.ReadTimeout):
                await resp.aread()

    run(go)


def test_truncated_body(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        async with c.stream("GET", f"{server}/truncate") as resp:
            with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
                await resp.aread()
        # The failed connection is not reused.
        assert (await c.get(f"{server}/port")).status_code == 200

    run(go)


def test_hangup_is_not_resent(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        before = Hangups.count
        # Idempotent methods on a connection that fails: aiohttp alone would send them twice.
        for method in ("GET", "PUT"):
            with pytest.raises(httpx.RemoteProtocolError):
                await c.request(method, f"{server}/hangup", content=b"x" if method == "PUT" else None)
        # The same on a pooled (reused) connection.
        await c.get(f"{server}/port")
        with pytest.raises(httpx.RemoteProtocolError):
            await c.get(f"{server}/hangup")
        assert Hangups.count - before == 3

    run(go)


def _key() -> ConnectionKey:
    return ConnectionKey("h", 443, True, True, None, None, None)


@pytest.mark.parametrize(
    ("exc", "reading", "expected"),
    [
        (
            aiohttp.ClientConnectorError(_key(), ConnectionRefusedError(111, "refused")),
            False,
            httpx.ConnectError,
        ),
        (aiohttp.ClientConnectorDNSError(_key(), OSError(-2, "no such host")), False, httpx.ConnectError),
        (aiohttp.ClientConnectorSSLError(_key(), ssl.SSLError()), False, httpx.ConnectError),
        (aiohttp.ServerFingerprintMismatch(b"a", b"b", "h", 443), False, httpx.ConnectError),
        (aiohttp.ClientProxyConnectionError(_key(), OSError(111, "x")), False, httpx.ProxyError),
        (aiohttp.ConnectionTimeoutError("t/o"), False, httpx.ConnectTimeout),
        (aiohttp.SocketTimeoutError("t/o"), False, httpx.ReadTimeout),
        (aiohttp.SocketTimeoutError("t/o"), True, httpx.ReadTimeout),
        (aiohttp.ServerTimeoutError("t/o"), False, httpx.ConnectTimeout),
        (TimeoutError(), True, httpx.ReadTimeout),
        (aiohttp.ServerDisconnectedError(), False, httpx.RemoteProtocolError),
        (aiohttp.ClientPayloadError("not completed"), True, httpx.RemoteProtocolError),
        (aiohttp.ClientConnectionResetError("closing transport"), False, httpx.WriteError),
        (aiohttp.ClientConnectionResetError("closing transport"), True, httpx.ReadError),
        (aiohttp.ClientOSError(32, "Can not write request body for http://h/"), False, httpx.WriteError),
        (aiohttp.ClientOSError(104, "Connection reset by peer"), False, httpx.ReadError),
        (aiohttp.ClientOSError(104, "Connection reset by peer"), True, httpx.ReadError),
        (aiohttp.ClientConnectionError("Connection closed"), True, httpx.ReadError),
        (aiohttp.NonHttpUrlClientError("ftp://h/"), False, httpx.UnsupportedProtocol),
        (aiohttp.InvalidUrlClientError("http://"), False, httpx.UnsupportedProtocol),
        (ConnectionResetError(104, "reset"), True, httpx.ReadError),
        (OSError(99, "cannot assign"), False, httpx.ConnectError),
        (ValueError("Newline or carriage return character detected"), False, httpx.LocalProtocolError),
        (aiohttp.ClientError("other"), False, httpx.TransportError),
    ],
)
def test_error_mapping(exc: Exception, reading: bool, expected: type[Exception]) -> None:
    request = httpx.Request("GET", "http://h/")
    mapped = _map_error(exc, request, reading=reading)
    assert type(mapped) is expected
    assert mapped.request is request


def test_bad_response_is_a_protocol_error() -> None:
    # A server answering garbage: aiohttp's ClientResponseError becomes RemoteProtocolError.
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)

    def answer() -> None:
        conn, _ = srv.accept()
        conn.recv(65536)
        conn.sendall(b"NOT HTTP AT ALL\r\n\r\n")
        conn.close()

    threading.Thread(target=answer, daemon=True).start()

    async def go(c: httpx.AsyncClient) -> None:
        with pytest.raises(httpx.RemoteProtocolError):
            await c.get(f"http://127.0.0.1:{srv.getsockname()[1]}/x")

    try:
        run(go)
    finally:
        srv.close()


def test_timeouts_map_to_client_timeout() -> None:
    t = _client_timeout(5.0, 60.0, 10.0)
    assert (t.total, t.connect, t.sock_connect, t.sock_read) == (None, 15.0, 5.0, 60.0)
    t = _client_timeout(None, None, 10.0)
    assert (t.total, t.connect, t.sock_connect, t.sock_read) == (None, None, None, None)
    assert _client_timeout(5.0, 60.0, 10.0) is _client_timeout(5.0, 60.0, 10.0)  # cached


# --------------------------------------------------------------------------------------
# Connection pool
# --------------------------------------------------------------------------------------


def test_connection_is_reused(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> set[str]:
        return {(await c.get(f"{server}/port")).text for _ in range(10)}

    assert len(run(go, AiohttpTransport(pool_maxsize=1))) == 1
    assert len(run(go, AiohttpTransport())) == 1  # sequential requests never need a second one


def test_pool_limit_queues_concurrent_requests(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> set[str]:
        resps = await asyncio.gather(*(c.get(f"{server}/port") for _ in range(40)))
        assert all(r.status_code == 200 for r in resps)
        return {r.text for r in resps}

    assert len(run(go, AiohttpTransport(pool_maxsize=1))) == 1
    assert 1 <= len(run(go, AiohttpTransport(pool_maxsize=4))) <= 4


def test_full_pool_times_out_as_connect_timeout(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        async with c.stream("GET", f"{server}/big?size={64 * MiB}") as held:  # the only slot
            assert held.status_code == 200
            t0 = time.monotonic()
            with pytest.raises(httpx.ConnectTimeout):
                await c.get(f"{server}/port", timeout=httpx.Timeout(5.0, connect=0.2, pool=0.2))
            assert 0.3 < time.monotonic() - t0 < 2.0  # connect + pool
        assert (await c.get(f"{server}/port")).status_code == 200  # the slot is back

    run(go, AiohttpTransport(pool_maxsize=1))


def test_abandoned_bodies_do_not_leak_pool_slots(server: str) -> None:
    timeout = httpx.Timeout(5.0, connect=1.0, pool=1.0)

    async def go(c: httpx.AsyncClient) -> None:
        ports = set()
        for _ in range(5):
            async with c.stream("GET", f"{server}/big?size={256 * MiB}") as resp:
                first = await resp.aiter_raw().__anext__()  # one piece of 256 MiB, then abandon
                assert 0 < len(first) <= READ
            # With a leaked slot this would raise httpx.ConnectTimeout after 2 s.
            ports.add((await c.get(f"{server}/port")).text)
        assert len(ports) == 5  # each half-read connection was dropped, not reused

        # A task cancelled mid-body frees its slot too.
        async def reader() -> None:
            async with c.stream("GET", f"{server}/big?size={256 * MiB}") as resp:
                async for _ in resp.aiter_raw():
                    await asyncio.sleep(0.01)

        task = asyncio.create_task(reader())
        await asyncio.sleep(0.2)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        assert (await c.get(f"{server}/port")).status_code == 200

    run(go, AiohttpTransport(pool_maxsize=1), timeout=timeout)


def test_fully_received_body_keeps_the_connection(server: str) -> None:
    async def go(c: httpx.AsyncClient) -> None:
        port1 = (await c.get(f"{server}/port")).text
        async with c.stream("GET", f"{server}/big?size=50000") as resp:
            assert len(await resp.aiter_raw().__anext__()) == 1000
            await asyncio.sleep(0.2)  # the rest arrives: the response is complete, if unread
        assert (await c.get(f"{server}/port")).text == port1  # released, not dropped

    run(go, AiohttpTransport(pool_maxsize=1, read_chunk_size=1000))


def test_from_config_lazy_session_and_aclose(server: str) -> None:
    cfg = ClientConfig(server, verify=False, max_pool_size=3, read_chunk_size=4096)
    transport = AiohttpTransport.from_config(cfg)
    assert transport.session is None  # nothing is created outside a running loop

    async def go(c: httpx.AsyncClient) -> aiohttp.ClientSession:
        assert (await c.get(f"{server}/port")).status_code == 200
        session = transport.session
        assert session is not None and session.connector is not None
        assert session.connector.limit == 0 and session.connector.limit_per_host == 3
        return session

    session = run(go, transport)
    assert session.closed and transport.session is None  # AsyncClient.aclose() closed it


def test_a_new_event_loop_gets_a_new_session(server: str) -> None:
    transport = AiohttpTransport()

    async def get(close: bool = False) -> int:
        resp = await transport.handle_async_request(httpx.Request("GET", f"{server}/port"))
        await resp.aread()
        await resp.aclose()
        if close:
            await transport.aclose()
        return resp.status_code

    # Closed in its loop (what AsyncClient.aclose() does): the next loop starts afresh.
    assert asyncio.run(get(close=True)) == 200
    assert transport.session is None
    # Left open when its loop ended: replaced too (its sockets died with the loop).
    assert asyncio.run(get()) == 200
    first = transport.session
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # the abandoned session's sockets
        assert asyncio.run(get(close=True)) == 200
        assert transport.session is None and first is not None and not first.closed
        del first
        gc.collect()


def test_another_running_loop_is_refused(server: str) -> None:
    transport = AiohttpTransport()

    async def get() -> int:
        resp = await transport.handle_async_request(httpx.Request("GET", f"{server}/port"))
        await resp.aread()
        await resp.aclose()
        return resp.status_code

    def from_another_loop() -> None:
        with pytest.raises(RuntimeError, match="another event loop"):
            asyncio.run(get())

    async def main() -> None:
        assert await get() == 200
        await asyncio.to_thread(from_another_loop)  # while the first loop still runs
        await transport.aclose()

    asyncio.run(main())


def test_unread_sync_stream_is_refused() -> None:
    with pytest.raises(RuntimeError, match="async request stream"):
        asyncio.run(
            AiohttpTransport().handle_async_request(
                httpx.Request("PUT", "http://127.0.0.1:1/", content=iter([b"x"]))  # sync iterator
            )
        )


# --------------------------------------------------------------------------------------
# TLS
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An HTTPS server with a certificate for 127.0.0.1 signed by a throwaway CA."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    d = tmp_path_factory.mktemp("tls")

    def sh(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True)

    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    ca_ext = ["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"]
    sh("req", "-x509", *ec, *ca_ext, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=ca")
    sh("req", *ec, "-keyout", "srv.key", "-out", "srv.csr", "-subj", "/CN=127.0.0.1")
    (d / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    sign = ["-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-extfile", "ext.cnf"]
    sh("x509", "-req", "-in", "srv.csr", *sign, "-out", "srv.pem", "-days", "2")

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(d / "srv.pem", d / "srv.key")
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    serve(srv)
    try:
        yield f"https://127.0.0.1:{srv.server_address[1]}", d / "ca.pem"
    finally:
        srv.shutdown()
        srv.server_close()


def test_tls_with_a_ca_file(tls_server: tuple[str, Path]) -> None:
    url, ca = tls_server

    async def get(c: httpx.AsyncClient) -> int:
        return (await c.get(f"{url}/big?size=100000")).status_code

    assert run(get, AiohttpTransport(verify=str(ca))) == 200
    assert run(get, AiohttpTransport(verify=ssl.create_default_context(cafile=str(ca)))) == 200
    assert run(get, AiohttpTransport(verify=False)) == 200
    assert run(get, AiohttpTransport.from_config(ClientConfig(url, verify=str(ca)))) == 200


def test_tls_certificate_failure_keeps_the_cause(tls_server: tuple[str, Path]) -> None:
    url, _ = tls_server

    async def go(c: httpx.AsyncClient) -> None:
        with pytest.raises(httpx.ConnectError) as info:
            await c.get(f"{url}/port")
        chain: list[BaseException] = []
        e: BaseException | None = info.value
        while e is not None:
            chain.append(e)
            e = e.__cause__ or e.__context__
        assert any(isinstance(x, ssl.SSLCertVerificationError) for x in chain), chain

    run(go, AiohttpTransport(verify=True))  # the system CAs do not know the test CA
