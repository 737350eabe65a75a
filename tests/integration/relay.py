"""A counting TCP relay on 127.0.0.1, for measuring what one node receives.

Put it in front of the proxy port only: a client pointed at ``relay.endpoint`` reaches the proxy
through it, but a redirect (the proxy's 307 to the target's own URL) takes the client straight to the
target, around the relay. ``client_to_upstream`` counts every byte the client sent to the proxy.

    with CountingRelay(("127.0.0.1", 8080)) as relay:
        Client(relay.endpoint).bucket("b").object("o").put(content=data)
        assert relay.client_to_upstream < 64 << 10
"""

from __future__ import annotations

import contextlib
import socket
import threading
from types import TracebackType

_BUF = 1 << 16


class CountingRelay:
    """Accepts on an ephemeral loopback port and forwards each connection to ``upstream``."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.client_to_upstream = 0
        self.upstream_to_client = 0
        self.connections = 0
        self._lock = threading.Lock()
        self._srv = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._srv.getsockname()[1]
        self._socks: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._closed = False
        self._acceptor = threading.Thread(target=self._accept, name="relay-accept", daemon=True)
        self._acceptor.start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                down, _ = self._srv.accept()
            except OSError:
                return  # closed
            try:
                up = socket.create_connection(self.upstream, timeout=10)
            except OSError:
                down.close()
                continue
            up.settimeout(None)
            with self._lock:
                if self._closed:
                    down.close()
                    up.close()
                    return
                self.connections += 1
                self._socks += [down, up]
                for src, dst, upstream_bound in ((down, up, True), (up, down, False)):
                    t = threading.Thread(target=self._pump, args=(src, dst, upstream_bound), daemon=True)
                    self._threads.append(t)
                    t.start()

    def _pump(self, src: socket.socket, dst: socket.socket, upstream_bound: bool) -> None:
        try:
            while True:
                data = src.recv(_BUF)
                if not data:
                    break
                with self._lock:
                    if upstream_bound:
                        self.client_to_upstream += len(data)
                    else:
                        self.upstream_to_client += len(data)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                dst.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            socks = list(self._socks)
        self._srv.close()
        for s in socks:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()
        self._acceptor.join(timeout=5)
        for t in self._threads:
            t.join(timeout=5)

    def __enter__(self) -> CountingRelay:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
