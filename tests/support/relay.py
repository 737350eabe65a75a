"""TCP relays on 127.0.0.1 for the tests and the benchmark (stdlib only, threads).

Two relays, one module:

* ``CountingRelay(upstream_port)`` - a clean pipe that counts. Put it in front of the proxy port
  only: the proxy builds its redirect ``Location`` from the target's own public URL, so after the
  307/301 the client talks to the targets directly and the relay sees only the proxy leg. It parses
  the client->proxy byte stream as HTTP/1.1 requests and counts, per request, the header bytes and
  the body bytes (``Content-Length`` framed; a chunked body is followed through its chunk framing,
  which counts as body bytes). So ``stats.body_bytes == 0`` after a PUT means the proxy received
  no body byte at all. ``client_to_upstream`` / ``upstream_to_client`` are the raw byte counts::

      with CountingRelay(8080) as relay:
          Client(relay.endpoint).bucket("b").object("o").put(content=data)
          assert relay.client_to_upstream < 64 << 10

* ``FaultRelay(upstream_port)`` - a fault-injecting relay for the reliability tests.
  It listens on an ephemeral port of 127.0.0.1 and forwards every connection byte for byte to
  ``127.0.0.1:upstream_port``. Faults are *armed* and each one is consumed by the next new
  connection (one fault per connection, in arming order); a connection with no fault armed is a
  clean pipe. A fault acts on the first response of its connection only (the test uses a fresh
  client, so that response is the one under test) or, for uploads, on the request bytes:

  * ``Fault.reset_after(n)``     forward the response head and ``n`` body bytes, then RST both sides;
  * ``Fault.stall_after(n, s)``  forward the head and ``n`` body bytes, then send nothing for ``s``
    seconds (the client's read timeout fires first), then RST;
  * ``Fault.stall_head(s)``      forward nothing of the response for ``s`` seconds, then RST;
  * ``Fault.corrupt_at(off)``    flip one byte (xor 0xFF) at body offset ``off`` and go on as a pipe;
  * ``Fault.status(503, n)``     do not contact the upstream: read the request head, answer ``503``
    (``Retry-After`` optional, ``Connection: close``) and close; ``Fault.status(...)`` arms one
    connection, ``FaultRelay.arm_status_burst`` arms several;
  * ``Fault.reset_upload_after(n)`` forward ``n`` request bytes to the upstream, then RST both sides
    (an upload cut off mid-body).

  Nothing is rewritten except the one corrupted byte. ``FaultRelay.log`` lists what happened
  (connection number, fault, bytes) for the test report. ``stop()`` closes the listener and every
  open socket and joins the threads, so a relay never outlives its test.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

HOST = "127.0.0.1"
_BUF = 64 * 1024
_HEAD_LIMIT = 64 * 1024

# ---------------------------------------------------------------------------------------------
# CountingRelay
# ---------------------------------------------------------------------------------------------


@dataclass
class RelayStats:
    connections: int = 0
    requests: int = 0
    header_bytes: int = 0
    body_bytes: int = 0
    c2p_bytes: int = 0  # everything client -> proxy
    p2c_bytes: int = 0  # everything proxy -> client
    request_lines: list[str] = field(default_factory=list)
    expect_100: int = 0
    chunked: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "connections": self.connections,
            "requests": self.requests,
            "header_bytes": self.header_bytes,
            "body_bytes": self.body_bytes,
            "c2p_bytes": self.c2p_bytes,
            "p2c_bytes": self.p2c_bytes,
            "expect_100": self.expect_100,
            "chunked": self.chunked,
            "request_lines": self.request_lines[:8],
        }


class _ReqParser:
    """Incremental HTTP/1.1 request framing on the client->proxy stream.

    Headers, then the body framed by ``Content-Length`` or ``Transfer-Encoding: chunked``; body
    bytes (chunk framing included) are counted, header bytes separately.
    """

    def __init__(self, stats: RelayStats, lock: threading.Lock) -> None:
        self.stats = stats
        self.lock = lock
        self.buf = b""
        self.state = "head"  # head | body | csize | cdata | ccrlf | trailer
        self.left = 0

    def _body(self, n: int) -> None:
        with self.lock:
            self.stats.body_bytes += n

    def feed(self, data: bytes) -> None:
        if self.buf:
            data, self.buf = self.buf + data, b""
        while data:
            if self.state in ("body", "cdata"):
                n = min(self.left, len(data))
                self.left -= n
                self._body(n)
                data = data[n:]
                if not self.left:
                    self.state = "head" if self.state == "body" else "ccrlf"
                continue
            if self.state == "ccrlf":
                if len(data) < 2:
                    self.buf = data
                    return
                self._body(2)
                data = data[2:]
                self.state = "csize"
                continue
            if self.state in ("csize", "trailer"):
                end = data.find(b"\r\n")
                if end < 0:
                    self.buf = data
                    return
                line, data = data[:end], data[end + 2 :]
                self._body(len(line) + 2)
                if self.state == "csize":
                    size = int(line.split(b";")[0].strip() or b"0", 16)
                    if size:
                        self.state, self.left = "cdata", size
                    else:
                        self.state = "trailer"
                elif not line:  # empty line ends the trailer: request complete
                    self.state = "head"
                continue
            # head
            end = data.find(b"\r\n\r\n")
            if end < 0:
                if len(data) > 1 << 20:  # not HTTP: count it all as body
                    self._body(len(data))
                else:
                    self.buf = data
                return
            head, data = data[: end + 4], data[end + 4 :]
            lines = head.decode("latin-1").split("\r\n")
            clen, chunked = 0, False
            for line in lines[1:]:
                k, _, v = line.partition(":")
                k = k.strip().lower()
                if k == "content-length":
                    clen = int(v.strip() or 0)
                elif k == "transfer-encoding" and "chunked" in v.lower():
                    chunked = True
                elif k == "expect" and "100-continue" in v.lower():
                    with self.lock:
                        self.stats.expect_100 += 1
            with self.lock:
                self.stats.requests += 1
                self.stats.header_bytes += len(head)
                if chunked:
                    self.stats.chunked += 1
                if len(self.stats.request_lines) < 64:
                    self.stats.request_lines.append(lines[0])
            if chunked:
                self.state = "csize"
            elif clen:
                self.state, self.left = "body", clen


class CountingRelay:
    """``with CountingRelay(upstream_port) as r: ... r.endpoint ... r.stats``

    Accepts on an ephemeral loopback port from construction on and forwards each connection to
    ``(upstream_host, upstream_port)``; ``close()`` (or leaving the ``with``) closes the listener
    and every relayed socket and joins the threads. ``reset()`` starts fresh ``stats``.
    """

    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self.stats = RelayStats()
        self._lock = threading.Lock()
        self._srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._srv.bind((HOST, 0))
        self._srv.listen(256)
        self.port: int = self._srv.getsockname()[1]
        self._closed = False
        self._socks: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept_loop, name="counting-relay-accept", daemon=True)
        self._acceptor.start()

    @property
    def endpoint(self) -> str:
        return f"http://{HOST}:{self.port}"

    # Raw byte and connection counts (since the last ``reset()``).
    @property
    def client_to_upstream(self) -> int:
        with self._lock:
            return self.stats.c2p_bytes

    @property
    def upstream_to_client(self) -> int:
        with self._lock:
            return self.stats.p2c_bytes

    @property
    def connections(self) -> int:
        with self._lock:
            return self.stats.connections

    def reset(self) -> None:
        with self._lock:
            self.stats = RelayStats()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            socks = list(self._socks)
            threads = list(self._threads)
        with contextlib.suppress(OSError):
            self._srv.close()
        for s in socks:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                s.close()
        self._acceptor.join(timeout=5)
        for t in threads:
            t.join(timeout=5)

    def __enter__(self) -> CountingRelay:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _accept_loop(self) -> None:
        while True:
            try:
                c, _ = self._srv.accept()
            except OSError:
                return  # closed
            try:
                u = socket.create_connection(self.upstream, timeout=10)
            except OSError:
                c.close()
                continue
            u.settimeout(None)
            for s in (c, u):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                if self._closed:
                    c.close()
                    u.close()
                    return
                self.stats.connections += 1
                self._socks += [c, u]
                parser = _ReqParser(self.stats, self._lock)
                for args in ((c, u, parser, True), (u, c, None, False)):
                    t = threading.Thread(target=self._pump, args=args, daemon=True)
                    self._threads = [x for x in self._threads if x.is_alive()]
                    self._threads.append(t)
                    t.start()

    def _pump(self, src: socket.socket, dst: socket.socket, parser: _ReqParser | None, c2p: bool) -> None:
        try:
            while True:
                data = src.recv(1 << 20)
                if not data:
                    break
                with self._lock:
                    if c2p:
                        self.stats.c2p_bytes += len(data)
                    else:
                        self.stats.p2c_bytes += len(data)
                    stats = self.stats
                if parser is not None:
                    parser.stats = stats  # follow reset()
                    parser.feed(data)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                src.close()
            with self._lock, contextlib.suppress(ValueError):
                self._socks.remove(src)


# ---------------------------------------------------------------------------------------------
# FaultRelay
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fault:
    """One fault, applied to one connection."""

    kind: str
    n: int = 0
    seconds: float = 0.0
    status_code: int = 503
    retry_after: str | None = None

    @classmethod
    def reset_after(cls, body_bytes: int) -> Fault:
        return cls("reset_after", n=body_bytes)

    @classmethod
    def stall_after(cls, body_bytes: int, seconds: float) -> Fault:
        return cls("stall_after", n=body_bytes, seconds=seconds)

    @classmethod
    def stall_head(cls, seconds: float) -> Fault:
        return cls("stall_head", seconds=seconds)

    @classmethod
    def corrupt_at(cls, body_offset: int) -> Fault:
        return cls("corrupt", n=body_offset)

    @classmethod
    def status(cls, code: int = 503, retry_after: str | None = None) -> Fault:
        return cls("status", status_code=code, retry_after=retry_after)

    @classmethod
    def reset_upload_after(cls, request_bytes: int) -> Fault:
        return cls("reset_upload_after", n=request_bytes)


@dataclass
class _Conn:
    num: int
    fault: Fault | None
    sockets: list[socket.socket] = field(default_factory=list)
    up_bytes: int = 0  # client -> upstream
    down_bytes: int = 0  # upstream -> client


def _rst(sock: socket.socket) -> None:
    """Close with an RST (SO_LINGER 0), as a crashed peer or a middlebox would."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RD)  # wakes a thread blocked in recv(); sends nothing
    with contextlib.suppress(OSError):
        sock.close()


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


class FaultRelay:
    """A fault-injecting TCP relay in front of ``127.0.0.1:upstream_port``; see the module docstring."""

    def __init__(self, upstream_port: int, *, name: str = "") -> None:
        self.upstream_port = upstream_port
        self.name = name or f"relay->{upstream_port}"
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((HOST, 0))
        self._listener.listen(256)
        self.port: int = self._listener.getsockname()[1]
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._conns: list[_Conn] = []
        self._count = 0
        self.log: list[str] = []
        self._acceptor = threading.Thread(target=self._accept_loop, name=f"{self.name}-accept", daemon=True)

    # -- control -------------------------------------------------------------------------------
    def start(self) -> FaultRelay:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        _close(self._listener)
        with self._lock:
            conns = list(self._conns)
        for c in conns:
            for s in c.sockets:
                _close(s)
        self._acceptor.join(timeout=5)
        for t in list(self._threads):
            t.join(timeout=5)

    def __enter__(self) -> FaultRelay:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def arm(self, *faults: Fault) -> None:
        with self._lock:
            self._faults.extend(faults)

    def arm_status_burst(self, count: int, code: int = 503, retry_after: str | None = None) -> None:
        self.arm(*[Fault.status(code, retry_after) for _ in range(count)])

    def disarm(self) -> None:
        with self._lock:
            self._faults.clear()

    @property
    def armed(self) -> int:
        with self._lock:
            return len(self._faults)

    @property
    def connections(self) -> int:
        with self._lock:
            return self._count

    def _note(self, msg: str) -> None:
        with self._lock:
            self.log.append(f"{time.monotonic():.3f} {self.name} {msg}")

    # -- plumbing -------------------------------------------------------------------------------
    def _spawn(self, target: Any, *args: Any) -> None:
        t = threading.Thread(target=target, args=args, daemon=True)
        with self._lock:
            self._threads = [x for x in self._threads if x.is_alive()]
            self._threads.append(t)
        t.start()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._count += 1
                fault = self._faults.popleft() if self._faults else None
                conn = _Conn(self._count, fault, [client])
                self._conns.append(conn)
            self._spawn(self._serve, conn, client)

    def _serve(self, conn: _Conn, client: socket.socket) -> None:
        fault = conn.fault
        if fault is not None and fault.kind == "status":
            self._answer_status(conn, client, fault)
            return
        try:
            upstream = socket.create_connection((HOST, self.upstream_port), timeout=5)
        except OSError as exc:
            self._note(f"#{conn.num} upstream connect failed: {exc}")
            _rst(client)
            return
        upstream.settimeout(None)
        upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.sockets.append(upstream)
        self._spawn(self._pump_up, conn, client, upstream)
        self._pump_down(conn, upstream, client)

    def _answer_status(self, conn: _Conn, client: socket.socket, fault: Fault) -> None:
        client.settimeout(5)
        head = b""
        try:
            while b"\r\n\r\n" not in head and len(head) < _HEAD_LIMIT:
                data = client.recv(_BUF)
                if not data:
                    break
                head += data
        except OSError:
            pass
        line = head.split(b"\r\n", 1)[0].decode("latin-1", "replace")
        body = b'{"message":"injected by relay","status":%d}' % fault.status_code
        extra = f"Retry-After: {fault.retry_after}\r\n" if fault.retry_after is not None else ""
        reason = {
            503: "Service Unavailable",
            429: "Too Many Requests",
            500: "Internal Server Error",
            502: "Bad Gateway",
            504: "Gateway Timeout",
        }.get(fault.status_code, "Error")
        resp = (
            f"HTTP/1.1 {fault.status_code} {reason}\r\nContent-Type: application/json\r\n{extra}"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode("latin-1") + body
        with contextlib.suppress(OSError):
            client.sendall(resp)
        self._note(f"#{conn.num} answered {fault.status_code} to {line!r}")
        _close(client)

    def _pump_up(self, conn: _Conn, client: socket.socket, upstream: socket.socket) -> None:
        """client -> upstream; applies ``reset_upload_after``."""
        fault = conn.fault if conn.fault is not None and conn.fault.kind == "reset_upload_after" else None
        try:
            while True:
                data = client.recv(_BUF)
                if not data:
                    with contextlib.suppress(OSError):
                        upstream.shutdown(socket.SHUT_WR)
                    return
                if fault is not None and conn.up_bytes + len(data) >= fault.n:
                    keep = fault.n - conn.up_bytes
                    if keep > 0:
                        upstream.sendall(data[:keep])
                    conn.up_bytes += max(keep, 0)
                    self._note(f"#{conn.num} RST after {conn.up_bytes} request bytes")
                    time.sleep(0.05)
                    _rst(client)
                    _rst(upstream)
                    return
                upstream.sendall(data)
                conn.up_bytes += len(data)
        except OSError:
            _close(upstream)

    def _pump_down(self, conn: _Conn, upstream: socket.socket, client: socket.socket) -> None:
        """upstream -> client; applies the response faults to the first response."""
        fault = conn.fault if conn.fault is not None and conn.fault.kind != "reset_upload_after" else None
        head = b""
        in_body = False
        body_off = 0  # body bytes of the first response forwarded so far
        try:
            if fault is not None and fault.kind == "stall_head":
                self._note(f"#{conn.num} stalling the response for {fault.seconds}s")
                self._stop.wait(fault.seconds)
                _rst(client)
                _rst(upstream)
                return
            while True:
                data = upstream.recv(_BUF)
                if not data:
                    _close(client)
                    return
                if fault is None:
                    client.sendall(data)
                    conn.down_bytes += len(data)
                    continue
                # Split the first response into head and body to place the fault exactly.
                if not in_body:
                    head += data
                    end = head.find(b"\r\n\r\n")
                    if end < 0:
                        if len(head) > _HEAD_LIMIT:
                            fault = None
                            client.sendall(head)
                        continue
                    in_body = True
                    data = head[end + 4 :]
                    client.sendall(head[: end + 4])
                    conn.down_bytes += end + 4
                if fault.kind == "corrupt":
                    if body_off <= fault.n < body_off + len(data):
                        i = fault.n - body_off
                        data = data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1 :]
                        self._note(f"#{conn.num} flipped body byte {fault.n}")
                        client.sendall(data)
                        conn.down_bytes += len(data)
                        fault = None
                        continue
                    client.sendall(data)
                    body_off += len(data)
                    conn.down_bytes += len(data)
                    continue
                # reset_after / stall_after: forward up to n body bytes, then act.
                room = fault.n - body_off
                if len(data) < room:
                    client.sendall(data)
                    body_off += len(data)
                    conn.down_bytes += len(data)
                    continue
                if room > 0:
                    client.sendall(data[:room])
                    body_off += room
                    conn.down_bytes += room
                if fault.kind == "stall_after":
                    self._note(f"#{conn.num} stalled after {body_off} body bytes for {fault.seconds}s")
                    self._stop.wait(fault.seconds)
                else:
                    self._note(f"#{conn.num} RST after {body_off} body bytes")
                    time.sleep(0.1)  # let the bytes reach the client before the RST
                _rst(client)
                _rst(upstream)
                return
        except OSError:
            _close(client)
            _close(upstream)
