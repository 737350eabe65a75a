"""HTTPClientTransport's own pool: reuse, stale keep-alive connections, abandoned bodies, errors.

Behaviour shared with Urllib3Transport (bodies, redirects, timeouts, truncation) is tested for
both transports in test_transport.py; this file covers what only the http.client pool does.
"""

from __future__ import annotations

import http.client
import os
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from aistore_hl._http.transports.httpclient import _KERNEL_READ_TIMEOUTS, HTTPClientTransport, _map_error
from aistore_hl.config import ClientConfig

SERVED: list[str] = []  # request lines, in order, as the server saw them


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, body: bytes, close: bool = False) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if close:  # close without announcing it: the client finds out on its next request
            self.close_connection = True

    def do_GET(self) -> None:
        SERVED.append(f"{self.command} {self.path}")
        if self.path.startswith("/port"):
            self._send(str(self.client_address[1]).encode())
        elif self.path.startswith("/close-after"):
            self._send(str(self.client_address[1]).encode(), close=True)
        elif self.path.startswith("/big"):
            self._send(b"x" * (4 << 20))
        elif self.path.startswith("/smallish"):
            self._send(b"y" * 10_000)
        elif self.path.startswith("/stall-big"):  # /stall-big/<bytes before the stall>
            first = int(self.path.rsplit("/", 1)[1])
            self.send_response(200)
            self.send_header("Content-Length", str(4 << 20))
            self.end_headers()
            self.wfile.write(b"z" * first)
            self.wfile.flush()
            time.sleep(1.5)
            self.close_connection = True  # the client has given up by now
        else:
            self.send_error(404)

    def do_PUT(self) -> None:
        SERVED.append(f"{self.command} {self.path}")
        n = int(self.headers.get("Content-Length", "0"))
        self._send(str(len(self.rfile.read(n))).encode())


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture
def transport() -> HTTPClientTransport:
    return HTTPClientTransport(pool_maxsize=4)


def _client(transport: HTTPClientTransport) -> httpx.Client:
    return httpx.Client(transport=transport, trust_env=False, timeout=10.0)


def test_sequential_requests_reuse_one_connection(server: str, transport: HTTPClientTransport) -> None:
    with _client(transport) as c:
        ports = {c.get(f"{server}/port").text for _ in range(20)}
        assert len(ports) == 1
        assert transport.idle_connections() == {server.removeprefix("http://"): 1}
    assert transport.idle_connections() == {server.removeprefix("http://"): 0}  # closed with the client


def test_stale_keepalive_connection_is_replaced_and_the_request_sent_once(
    server: str, transport: HTTPClientTransport
) -> None:
    with _client(transport) as c:
        first = c.get(f"{server}/close-after").text  # the server drops this connection afterwards
        SERVED.clear()
        for method, body in (("GET", None), ("PUT", b"abc")):
            r = c.request(method, f"{server}/port" if method == "GET" else f"{server}/put", content=body)
            assert r.status_code == 200
        assert SERVED == ["GET /port", "PUT /put"]  # each request reached the server exactly once
        assert c.get(f"{server}/close-after").text != first  # a new connection (new client port)
        # A streamed (non-replayable) body on a stale connection is not re-sent: it fails.
        with pytest.raises((httpx.RemoteProtocolError, httpx.WriteError, httpx.ReadError)):
            c.put(f"{server}/put", content=iter([b"abc"]), headers={"Content-Length": "3"})


def test_abandoned_large_body_drops_the_connection(server: str, transport: HTTPClientTransport) -> None:
    with _client(transport) as c:
        with c.stream("GET", f"{server}/big") as r:
            next(r.iter_raw())  # read 1 piece of 4 MiB... then abandon
        assert transport.idle_connections()[server.removeprefix("http://")] == 0
        assert c.get(f"{server}/port").status_code == 200


def test_abandoned_small_remainder_is_drained_and_reused(server: str) -> None:
    transport = HTTPClientTransport(read_chunk_size=1000)
    with _client(transport) as c:
        port = c.get(f"{server}/port").text
        with c.stream("GET", f"{server}/smallish") as r:
            next(r.iter_raw())  # 1,000 of 10,000 bytes
        assert c.get(f"{server}/port").text == port  # same connection: the rest was drained


def test_idle_connections_are_capped(server: str) -> None:
    transport = HTTPClientTransport(pool_maxsize=2)
    with _client(transport) as c:
        streams = [c.stream("GET", f"{server}/port") for _ in range(5)]
        responses = [s.__enter__() for s in streams]  # 5 connections busy at once
        assert len({r.read() for r in responses}) == 5
        for s in streams:
            s.__exit__(None, None, None)
        assert transport.idle_connections()[server.removeprefix("http://")] == 2


def test_concurrent_threads_share_the_pool(server: str, transport: HTTPClientTransport) -> None:
    errors: list[BaseException] = []
    with _client(transport) as c:

        def work() -> None:
            try:
                for _ in range(50):
                    assert c.put(f"{server}/put", content=b"z" * 100).text == "100"
            except BaseException as e:
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors


def test_from_config_and_unsupported_scheme() -> None:
    t = HTTPClientTransport.from_config(ClientConfig(endpoint="http://h:1", max_pool_size=3, verify=False))
    assert (t._pool_maxsize, t._verify) == (3, False)
    with httpx.Client(transport=t) as c, pytest.raises(httpx.UnsupportedProtocol):
        c.get("ftp://h/x")


@pytest.mark.parametrize(
    ("exc", "phase", "expected"),
    [
        (ConnectionRefusedError(), "connect", httpx.ConnectError),
        (socket.gaierror(), "connect", httpx.ConnectError),
        (TimeoutError(), "connect", httpx.ConnectTimeout),
        (TimeoutError(), "write", httpx.WriteTimeout),
        (TimeoutError(), "read", httpx.ReadTimeout),
        (ssl.SSLError(), "connect", httpx.ConnectError),
        (BrokenPipeError(), "write", httpx.WriteError),
        (ConnectionResetError(), "read", httpx.ReadError),
        (http.client.RemoteDisconnected("gone"), "read", httpx.RemoteProtocolError),
        (http.client.IncompleteRead(b"x", 5), "read", httpx.RemoteProtocolError),
        (http.client.BadStatusLine("x"), "read", httpx.RemoteProtocolError),
        (ValueError("other"), "read", httpx.TransportError),
    ],
)
def test_error_mapping(exc: BaseException, phase: str, expected: type[Exception]) -> None:
    request = httpx.Request("GET", "http://h/")
    mapped = _map_error(exc, request, phase)
    assert type(mapped) is expected
    assert mapped.request is request


def test_connection_refused_through_the_transport(transport: HTTPClientTransport) -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    with _client(transport) as c, pytest.raises(httpx.ConnectError):
        c.get(f"http://127.0.0.1:{port}/")


def test_a_connection_idle_past_the_stale_limit_is_checked_and_replaced(
    server: str, transport: HTTPClientTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aistore_hl._http.transports import httpclient as ht

    with _client(transport) as c:
        c.get(f"{server}/close-after")  # pooled, but the server closes it right after answering
        time.sleep(0.2)  # ... give it time to do so
        monkeypatch.setattr(ht, "_STALE_AFTER", 0.0)  # every idle connection gets checked
        SERVED.clear()
        # even a non-replayable body is safe: the dead connection is found before sending
        r = c.put(f"{server}/put", content=iter([b"abc"]), headers={"Content-Length": "3"})
        assert r.text == "3" and SERVED == ["PUT /put"]


def test_sendfile_extension_sends_the_file_and_ignores_the_stream(server: str, tmp_path: Any) -> None:
    from aistore_hl._http.transports.httpclient import SENDFILE_EXTENSION

    path = tmp_path / "f.bin"
    data = os.urandom(3 << 20)
    path.write_bytes(data)
    transport = HTTPClientTransport(sendfile_loopback=True)  # the test server is on 127.0.0.1
    with _client(transport) as c, open(path, "rb") as fh:
        req = c.build_request(
            "PUT",
            f"{server}/put",
            content=iter([b"never sent"]),
            headers={"Content-Length": str(len(data))},
            extensions={SENDFILE_EXTENSION: (fh, 0, len(data))},
        )
        assert c.send(req).text == str(len(data))
        # a file shorter than the count announced is an error, not a silent short body
        req = c.build_request(
            "PUT",
            f"{server}/put",
            content=iter([b""]),
            headers={"Content-Length": str(len(data) + 10)},
            extensions={SENDFILE_EXTENSION: (fh, 0, len(data) + 10)},
        )
        with pytest.raises(httpx.TransportError):
            c.send(req)


def test_sendfile_is_not_used_towards_loopback_by_default(
    server: str, transport: HTTPClientTransport, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    from aistore_hl._http.transports.httpclient import SENDFILE_EXTENSION, _is_loopback

    used: list[int] = []
    real = socket.socket.sendfile

    def spy(self: socket.socket, file: Any, offset: int = 0, count: int | None = None) -> int:
        used.append(count or 0)
        return real(self, file, offset, count)

    monkeypatch.setattr(socket.socket, "sendfile", spy)
    path = tmp_path / "f.bin"
    data = os.urandom(1 << 20)
    path.write_bytes(data)
    for t, want in ((transport, []), (HTTPClientTransport(sendfile_loopback=True), [len(data)])):
        used.clear()
        with _client(t) as c, open(path, "rb") as fh, open(path, "rb") as stream:
            req = c.build_request(
                "PUT",
                f"{server}/put",
                content=iter(lambda: stream.read(1 << 16), b""),  # the same bytes, streamed
                headers={"Content-Length": str(len(data))},
                extensions={SENDFILE_EXTENSION: (fh, 0, len(data))},
            )
            assert c.send(req).text == str(len(data))
        assert used == want
    assert _is_loopback("127.0.0.1") and _is_loopback("localhost") and _is_loopback("[::1]")
    assert not _is_loopback("10.0.0.7") and not _is_loopback("ais-proxy.example")


def test_after_close_no_connection_is_kept(server: str, transport: HTTPClientTransport) -> None:
    transport.close()
    with _client(transport) as c:  # the lean path can still reach a closed transport
        assert c.get(f"{server}/port").status_code == 200
    assert transport.idle_connections() == {server.removeprefix("http://"): 0}


linux_only = pytest.mark.skipif(not _KERNEL_READ_TIMEOUTS, reason="kernel read timeouts: Linux only")


def _rcvtimeo(sock: socket.socket) -> tuple[int, int]:
    raw = sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, 16)
    return int.from_bytes(raw[:8], "little"), int.from_bytes(raw[8:], "little")


@linux_only
def test_a_large_body_is_read_in_blocking_mode_and_the_pooled_connection_restored(
    server: str, transport: HTTPClientTransport
) -> None:
    def send(path: str, read: float) -> tuple[httpx.Response, Any]:
        ext = {"timeout": {"connect": 5.0, "write": 5.0, "read": read, "pool": 5.0}}
        resp = transport.handle_request(httpx.Request("GET", f"{server}{path}", extensions=ext))
        return resp, getattr(resp.stream, "_conn", None)

    resp, conn = send("/big", 2.5)
    pieces = iter(resp.stream)
    first = next(pieces)
    assert conn.sock.gettimeout() is None  # blocking: no poll before every recv...
    assert _rcvtimeo(conn.sock) == (2, 500_000)  # ... the kernel enforces the read timeout
    assert len(first) + sum(len(p) for p in pieces) == 4 << 20
    # Back in the pool without a kernel timeout; the next request sets its own timeouts.
    assert transport.idle_connections()[server.removeprefix("http://")] == 1
    assert _rcvtimeo(conn.sock) == (0, 0)
    resp, again = send("/smallish", 3.0)
    assert again is conn
    assert b"".join(resp.stream) == b"y" * 10_000  # a small body keeps Python's timeouts
    assert conn.sock.gettimeout() == 3.0 and _rcvtimeo(conn.sock) == (0, 0)


@linux_only
@pytest.mark.parametrize("first", [0, 1_500_000])
def test_a_stalled_large_body_times_out_in_blocking_mode(
    server: str, transport: HTTPClientTransport, first: int
) -> None:
    with _client(transport) as c:
        got = 0
        t0 = time.monotonic()
        with (
            c.stream("GET", f"{server}/stall-big/{first}", timeout=httpx.Timeout(10.0, read=0.5)) as r,
            pytest.raises(httpx.ReadTimeout),
        ):
            for piece in r.iter_raw():
                got += len(piece)
        # One read timeout: not the server's 1.5 s stall, nor a second timeout after a short piece.
        assert 0.45 < time.monotonic() - t0 < 0.95
        assert got == first  # everything that came is delivered first
        assert transport.idle_connections()[server.removeprefix("http://")] == 0  # dropped
        assert c.get(f"{server}/port").status_code == 200
