"""A generic HTTP/1.1 test server on 127.0.0.1 (stdlib, not AIS) for the transport tests.

Routes: /big?size=N[&md5=1] (a deterministic body, optionally with an md5 checksum header),
/port (the client's port: tells connections apart), /redirect, /nocontent, /slow-headers,
/slow-body, /drip?n=K&size=S&gap=G (K pieces of S bytes, G seconds apart), /truncate,
/hangup (closes without answering; counted), /gzip, /dup (a repeated header), /echo (method,
body and headers back as JSON); PUT/POST to anything else: md5 and framing of the body
received.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

MiB = 1 << 20
PAYLOAD = bytes(range(256)) * (MiB // 256)  # 1 MiB, deterministic
GZ_TEXT = b"aistore " * 1000


class Hangups:
    """Requests to /hangup seen by the server (to prove a transport sends them once)."""

    count = 0
    lock = threading.Lock()


def md5_of_size(size: int) -> str:
    h = hashlib.md5()
    full, rest = divmod(size, MiB)
    for _ in range(full):
        h.update(PAYLOAD)
    h.update(PAYLOAD[:rest])
    return h.hexdigest()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            out = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    return bytes(out)
                out += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length", "0"))
        return self.rfile.read(n) if n else b""

    def _stream_big(self, size: int, with_md5: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(size))
        if with_md5:
            self.send_header("Ais-Checksum-Type", "md5")
            self.send_header("Ais-Checksum-Value", md5_of_size(size))
        self.end_headers()
        if self.command == "HEAD":
            return
        view = memoryview(PAYLOAD)
        left = size
        try:
            while left > 0:
                n = min(left, MiB)
                self.wfile.write(view[:n])
                left -= n
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        u = urlsplit(self.path)
        q = parse_qs(u.query)
        if u.path == "/big":
            self._stream_big(int(q["size"][0]), "md5" in q)
        elif u.path == "/port":
            self._send(200, str(self.client_address[1]).encode())
        elif u.path == "/redirect":
            self._send(301, b"", {"Location": "/port"})
        elif u.path == "/nocontent":
            self.send_response(204)
            self.end_headers()
        elif u.path == "/slow-headers":
            time.sleep(0.6)
            self._send(200, b"late")
        elif u.path == "/slow-body":
            self.send_response(200)
            self.send_header("Content-Length", "4")
            self.end_headers()
            self.wfile.flush()
            time.sleep(0.6)
            with contextlib.suppress(OSError):
                self.wfile.write(b"late")
        elif u.path == "/drip":
            n, size, gap = int(q["n"][0]), int(q["size"][0]), float(q["gap"][0])
            self.send_response(200)
            self.send_header("Content-Length", str(n * size))
            self.end_headers()
            for k in range(n):
                self.wfile.write(bytes([k]) * size)
                self.wfile.flush()
                if k < n - 1:
                    time.sleep(gap)
        elif u.path == "/truncate":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"x" * 500)
            self.close_connection = True
        elif u.path == "/hangup":  # close the connection without answering
            with Hangups.lock:
                Hangups.count += 1
            self.close_connection = True
        elif u.path == "/gzip":
            self._send(200, gzip.compress(GZ_TEXT), {"Content-Encoding": "gzip"})
        elif u.path == "/dup":
            self.send_response(200)
            self.send_header("Ais-Custom-Md", "a=1")
            self.send_header("Ais-Custom-Md", "b=2")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif u.path == "/echo":
            body = self._read_body()
            info = {
                "body": body.decode("latin-1"),
                "headers": dict(self.headers.items()),
                "header_lines": list(self.headers.items()),  # every header line, duplicates kept
                "method": self.command,
            }
            self._send(200, json.dumps(info).encode(), {"Content-Type": "application/json"})
        else:
            self._send(404, b'{"message":"no such path","status":404}', {"Content-Type": "application/json"})

    def do_DELETE(self) -> None:
        self.do_GET()

    def do_PUT(self) -> None:
        if urlsplit(self.path).path == "/hangup":
            self._read_body()
            with Hangups.lock:
                Hangups.count += 1
            self.close_connection = True
            return
        te = self.headers.get("Transfer-Encoding", "")
        cl = self.headers.get("Content-Length", "")
        h = hashlib.md5()
        n = 0
        if te.lower() == "chunked":
            body = self._read_body()
            h.update(body)
            n = len(body)
        else:
            left = int(cl or "0")
            while left:
                data = self.rfile.read(min(left, MiB))
                if not data:
                    break
                h.update(data)
                n += len(data)
                left -= len(data)
        self._send(200, json.dumps({"n": n, "md5": h.hexdigest(), "te": te, "cl": cl}).encode())

    def do_POST(self) -> None:
        if urlsplit(self.path).path == "/echo":
            self.do_GET()
        else:
            self.do_PUT()


def serve(srv: ThreadingHTTPServer) -> threading.Thread:
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    return thread


@contextlib.contextmanager
def running() -> Iterator[str]:
    """Serve ``Handler`` on a free port for the ``with`` block; yields the base URL."""
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    serve(srv)
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()
