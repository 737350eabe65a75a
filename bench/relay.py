"""A counting TCP relay on 127.0.0.1, placed in front of the AIS proxy port only.

Clients talk to the relay as if it were the proxy. The proxy builds its redirect ``Location`` from the
target's own public URL, so after the 307/301 the client talks to the targets directly and the relay
sees only the proxy leg. The relay parses the client->proxy byte stream as HTTP/1.1 requests and
counts, per request, the header bytes and the body bytes (``Content-Length`` framed; a chunked body
is followed through its chunk framing, which counts as body bytes).

So ``body_bytes == 0`` after a PUT means the proxy received no body byte at all.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field


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
    """``with CountingRelay(upstream_port) as r: ... r.endpoint ... r.stats``"""

    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self.stats = RelayStats()
        self._lock = threading.Lock()
        self._srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._srv.bind(("127.0.0.1", 0))
        self._srv.listen(256)
        self.port = self._srv.getsockname()[1]
        self._stop = False
        self._threads: list[threading.Thread] = []

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self) -> None:
        with self._lock:
            self.stats = RelayStats()

    def __enter__(self) -> CountingRelay:
        t = threading.Thread(target=self._accept_loop, daemon=True)
        t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop = True
        with contextlib.suppress(OSError):
            self._srv.close()

    def _accept_loop(self) -> None:
        while not self._stop:
            try:
                c, _ = self._srv.accept()
            except OSError:
                return
            try:
                u = socket.create_connection(self.upstream)
            except OSError:
                c.close()
                continue
            for s in (c, u):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self.stats.connections += 1
            parser = _ReqParser(self.stats, self._lock)
            threading.Thread(target=self._pump, args=(c, u, parser, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(u, c, None, False), daemon=True).start()

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
                if parser is not None:
                    parser.stats = self.stats  # follow reset()
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
