#!/usr/bin/env python3
"""Start and stop real local AIStore clusters (aisnode processes) on 127.0.0.1.

Stdlib only, so it runs before the project's venv exists. Used three ways:

* CLI: ``python scripts/aiscluster.py up|down|status`` (the Makefile's ``cluster-up`` etc.).
  ``up`` starts the main cluster (1 proxy + 2 targets) and a second cluster attached to it as
  remote AIS backend ``remais``; its state (PIDs, endpoints, root dir) goes to ``.ais/state.json``.
* Library: ``LocalCluster(...)`` from tests that need a cluster of their own (TLS, auth, a target
  killed and restarted).
* pytest: ``tests/conftest.py`` starts the pair once per session unless ``AIS_ENDPOINT`` is set.

Every node runs from fresh directories (stale ``.ais.conf``/Smap files would override the config
we write), and is stopped by the PID we started: graceful cluster shutdown, then SIGINT, then
SIGKILL. Never ``pkill``: other clusters on the machine are not ours.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
STATE_FILE = Path(os.environ.get("AIS_STATE_FILE", ROOT / ".ais" / "state.json"))
HOST = "127.0.0.1"


def aisnode_binary() -> str:
    """Path of the aisnode binary built by scripts/build-ais.sh."""
    explicit = os.environ.get("AISNODE_BIN")
    if explicit:
        return explicit
    out = subprocess.run(
        [str(ROOT / "scripts" / "build-ais.sh"), "--print-bin-dir"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return str(Path(out) / "aisnode")


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return False
    return True


def _http(
    method: str,
    url: str,
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 5.0,
    ssl_context: Any = None,
) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    # aisnode never uses HTTP proxies; neither must we on loopback.
    handlers: list[Any] = [urllib.request.ProxyHandler({})]
    if ssl_context is not None:
        handlers.append(urllib.request.HTTPSHandler(context=ssl_context))
    opener = urllib.request.build_opener(*handlers)
    try:
        with opener.open(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@dataclass
class Node:
    """One aisnode process."""

    name: str
    role: str  # "proxy" | "target"
    port: int
    dir: Path
    pid: int | None = None
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def conf_dir(self) -> Path:
        return self.dir / "conf"

    @property
    def log_dir(self) -> Path:
        return self.dir / "log"

    def alive(self) -> bool:
        if self.proc is not None:
            return self.proc.poll() is None
        if self.pid is None:
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        # A zombie child still "exists"; treat it as dead.
        try:
            with open(f"/proc/{self.pid}/stat") as f:
                return f.read().split(")")[-1].split()[0] != "Z"
        except OSError:
            return False


class ClusterError(RuntimeError):
    """The cluster did not start or stop as expected; the message carries node logs."""


class LocalCluster:
    """A real AIStore cluster of aisnode processes on 127.0.0.1.

    Args:
        name: Label used for directories and logs ("main", "remote", "tls", ...).
        base_port: Proxy public port; targets use base_port+1..n, intra-control +1000,
            intra-data +2000 (the upstream dev-deploy layout).
        ntargets: Number of targets.
        root: Directory for this cluster's conf, logs and mountpaths (created fresh, removed on stop).
        cluster_config: Deep-merged over the default cluster config (e.g. TLS or auth sections).
        https: Serve HTTPS (requires ``cluster_config`` net.http certificate settings).
        env: Extra environment for the nodes.
    """

    def __init__(
        self,
        name: str = "main",
        *,
        base_port: int = 8080,
        ntargets: int = 2,
        root: Path | None = None,
        cluster_config: dict[str, Any] | None = None,
        https: bool = False,
        env: dict[str, str] | None = None,
        ssl_context: Any = None,
    ) -> None:
        self.name = name
        self.base_port = base_port
        self.ntargets = ntargets
        self.root = Path(root) if root else Path(tempfile.mkdtemp(prefix=f"ais-{name}-", dir=_run_base()))
        self.https = https
        self.extra_env = env or {}
        self.ssl_context = ssl_context
        self.cluster_config_overrides = cluster_config or {}
        self.nodes: list[Node] = [Node("p0", "proxy", base_port, self.root / "p0")]
        self.nodes += [
            Node(f"t{i}", "target", base_port + i, self.root / f"t{i}") for i in range(1, ntargets + 1)
        ]

    # -- addresses -------------------------------------------------------------------------------
    @property
    def scheme(self) -> str:
        return "https" if self.https else "http"

    @property
    def endpoint(self) -> str:
        return f"{self.scheme}://{HOST}:{self.base_port}"

    @property
    def proxy(self) -> Node:
        return self.nodes[0]

    @property
    def targets(self) -> list[Node]:
        return self.nodes[1:]

    # -- config ----------------------------------------------------------------------------------
    def _cluster_config(self) -> dict[str, Any]:
        cfg: dict[str, Any] = {
            "backend": {},
            "proxy": {"primary_url": self.endpoint, "original_url": self.endpoint, "discovery_url": ""},
            "timeout": {
                "cplane_operation": "2s",
                "max_keepalive": "5s",
                "max_host_busy": "20s",
                "startup_time": "30s",
                "join_startup_time": "3m",
                "send_file_time": "5m",
                "cold_get_conflict": "5s",
                "ec_streams_time": "10m",
                "object_md": "2h",
            },
            "net": {
                "l4": {"proto": "tcp", "sndrcv_buf_size": 131072},
                "http": {
                    "use_https": self.https,
                    "idle_conn_time": "6s",
                    "idle_conns_per_host": 32,
                    "idle_conns": 256,
                },
                "use_ipv6": False,
            },
            "auth": {},
            "memsys": {"min_free": "2gb", "default_buf": "32kb", "to_gc": "4gb", "hk_time": "3m"},
            # Watermarks are measured against the whole host filesystem: keep them high so a busy
            # dev disk doesn't turn PUTs into out-of-space errors (upstream CI uses the same).
            "space": {"cleanupwm": 65, "lowwm": 90, "highwm": 96, "out_of_space": 99},
            "versioning": {"enabled": True, "validate_warm_get": False},
            "resilver": {"enabled": True},
            # Jobs (copy, rename, ...) end only after their data streams have been quiet this
            # long; 8s is the server's minimum (default 10s), shaving seconds off every job.
            "transport": {"quiescent": "8s", "idle_teardown": "4s"},
        }
        _deep_merge(cfg, self.cluster_config_overrides)
        return cfg

    def _local_config(self, node: Node, idx: int) -> dict[str, Any]:
        return {
            "confdir": str(node.conf_dir),
            "log_dir": str(node.log_dir),
            "host_net": {
                "hostname": HOST,
                "hostname_intra_control": HOST,
                "hostname_intra_data": HOST,
                "port": str(node.port),
                "port_intra_control": str(node.port + 1000),
                "port_intra_data": str(node.port + 2000),
            },
            "fspaths": {},
            # Testing mode: targets create <root>/mp<i>/<instance> mountpaths themselves and may
            # share one filesystem between them.
            "test_fspaths": {"root": str(self.root / "data"), "count": 2, "instance": idx},
        }

    def _write_configs(self) -> None:
        cluster_cfg = self._cluster_config()
        for idx, node in enumerate(self.nodes):
            node.conf_dir.mkdir(parents=True, exist_ok=True)
            node.log_dir.mkdir(parents=True, exist_ok=True)
            (node.conf_dir / "ais.json").write_text(json.dumps(cluster_cfg, indent=2))
            (node.conf_dir / "ais_local.json").write_text(json.dumps(self._local_config(node, idx), indent=2))

    # -- lifecycle -------------------------------------------------------------------------------
    def _spawn(self, node: Node) -> None:
        args = [
            aisnode_binary(),
            f"-config={node.conf_dir / 'ais.json'}",
            f"-local_config={node.conf_dir / 'ais_local.json'}",
            f"-role={node.role}",
        ]
        if node.role == "proxy":
            args.append(f"-ntargets={self.ntargets}")
        env = {k: v for k, v in os.environ.items() if not k.startswith("KUBERNETES_SERVICE_")}
        env.update(self.extra_env)
        out = open(node.dir / "stdout.log", "ab")  # noqa: SIM115 - handed to the child
        node.proc = subprocess.Popen(
            args, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
        out.close()
        node.pid = node.proc.pid

    def start(self, timeout: float = 120.0) -> LocalCluster:
        """Start all nodes from fresh directories and wait until the cluster is ready."""
        self.launch()
        return self.wait_started(timeout)

    def ports(self) -> set[int]:
        """Every port this cluster listens on (public, intra-control, intra-data)."""
        return {p for n in self.nodes for p in (n.port, n.port + 1000, n.port + 2000)}

    def launch(self) -> None:
        """Spawn all nodes from fresh directories without waiting (see ``wait_started``)."""
        busy = sorted(p for p in self.ports() if not _port_free(p))
        if busy:
            raise ClusterError(f"{self.name}: ports already in use: {busy}")
        if self.root.exists():
            shutil.rmtree(self.root)
        self.root.mkdir(parents=True)
        self._write_configs()
        self._t0 = time.monotonic()
        for node in self.nodes:  # proxy first: targets retry their join, so order is forgiving
            self._spawn(node)

    def wait_started(self, timeout: float = 120.0) -> LocalCluster:
        """Wait for a launched cluster; on failure stop it and raise with the node logs."""
        try:
            self.wait_ready(timeout)
        except ClusterError:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - self._t0
        return self

    def restart_node(self, node: Node, timeout: float = 120.0) -> None:
        """Start a stopped node again with its existing directories (its data survives)."""
        if node.alive():
            raise ClusterError(f"{node.name} is still running")
        self._spawn(node)
        self.wait_ready(timeout)

    def kill_node(self, node: Node, sig: int = signal.SIGKILL) -> None:
        """Signal one node we started and wait for it to exit."""
        if node.proc is not None and node.proc.poll() is None:
            node.proc.send_signal(sig)
            node.proc.wait(timeout=30)
        elif node.pid and node.alive():
            os.kill(node.pid, sig)
            _wait_pid(node.pid, 30)

    def smap(self) -> dict[str, Any]:
        status, body = _http("GET", f"{self.endpoint}/v1/daemon?what=smap", ssl_context=self.ssl_context)
        if status != 200:
            raise ClusterError(f"smap: HTTP {status}")
        return json.loads(body)

    def is_ready(self) -> bool:
        try:
            status, _ = _http(
                "GET", f"{self.endpoint}/v1/health?prr=true", timeout=3, ssl_context=self.ssl_context
            )
            if status != 200:
                return False
            smap = self.smap()
        except (OSError, ValueError, ClusterError):
            return False
        live = [t for t in smap.get("tmap", {}).values() if not (t.get("flags", 0) & (4 | 8))]
        return len(live) >= sum(1 for t in self.targets if t.alive())

    def wait_ready(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            dead = [n.name for n in self.nodes if n.proc is not None and not n.alive()]
            if dead:
                raise ClusterError(f"{self.name}: node(s) exited: {dead}\n{self.logs_tail()}")
            if self.is_ready():
                return
            time.sleep(0.5)
        raise ClusterError(f"{self.name}: not ready after {timeout:.0f}s\n{self.logs_tail()}")

    def stop(self, grace: float = 15.0) -> None:
        """Shut the cluster down gracefully, then SIGINT, then SIGKILL; remove its directories."""
        if any(n.alive() for n in self.nodes):
            with contextlib.suppress(OSError):
                _http(
                    "PUT",
                    f"{self.endpoint}/v1/cluster",
                    body=b'{"action":"shutdown"}',
                    headers={"Content-Type": "application/json"},
                    timeout=5,
                    ssl_context=self.ssl_context,
                )
        for sig, wait in ((None, grace), (signal.SIGINT, 10.0), (signal.SIGKILL, 10.0)):
            alive = [n for n in self.nodes if n.alive()]
            if not alive:
                break
            for n in alive:
                if sig is not None and n.pid:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(n.pid, sig)
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline and any(n.alive() for n in alive):
                for n in alive:
                    if n.proc is not None:
                        n.proc.poll()
                time.sleep(0.2)
        shutil.rmtree(self.root, ignore_errors=True)

    def logs_tail(self, lines: int = 30) -> str:
        parts = []
        for n in self.nodes:
            for f in (
                sorted(n.log_dir.glob("ais*.INFO"))
                + sorted(n.log_dir.glob("ais*.ERROR"))
                + [n.dir / "stdout.log"]
            ):
                if f.exists():
                    text = f.read_text(errors="replace").splitlines()[-lines:]
                    parts.append(f"--- {self.name}/{n.name}: {f.name}\n" + "\n".join(text))
        return "\n".join(parts)

    # -- remote AIS backend ------------------------------------------------------------------------
    def attach_remote(self, alias: str, remote: LocalCluster, timeout: float = 60.0) -> None:
        """Attach ``remote`` as remote-AIS backend ``alias`` and wait until the alias resolves."""
        status, body = _http(
            "PUT",
            f"{self.endpoint}/v1/cluster/attach?what=remote",
            headers={"Ais-Remote-Ais-Alias": alias, "Ais-Remote-Ais-Url": remote.endpoint},
            ssl_context=self.ssl_context,
        )
        if status != 200:
            raise ClusterError(f"attach {alias}: HTTP {status}: {body[:500]!r}")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, body = _http(
                "GET", f"{self.endpoint}/v1/cluster?what=remote", ssl_context=self.ssl_context
            )
            if status == 200:
                for rc in json.loads(body).get("a") or []:
                    if rc.get("alias") == alias and rc.get("uuid") not in ("", "defunct", None):
                        return
            time.sleep(0.5)
        raise ClusterError(f"remote alias {alias} did not resolve within {timeout:.0f}s")

    def to_state(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "endpoint": self.endpoint,
            "base_port": self.base_port,
            "root": str(self.root),
            "nodes": [{"name": n.name, "role": n.role, "port": n.port, "pid": n.pid} for n in self.nodes],
        }

    @classmethod
    def from_state(cls, st: dict[str, Any]) -> LocalCluster:
        c = cls(st["name"], base_port=st["base_port"], ntargets=len(st["nodes"]) - 1, root=Path(st["root"]))
        for n, ns in zip(c.nodes, st["nodes"], strict=True):
            n.pid = ns["pid"]
        return c


def _deep_merge(dst: dict[str, Any], src: dict[str, Any]) -> None:
    for k, v in src.items():
        if isinstance(v, dict) and isinstance(dst.get(k), dict):
            _deep_merge(dst[k], v)
        else:
            dst[k] = v


def _wait_pid(pid: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)


def _run_base() -> str:
    # Mountpaths need user xattrs: keep them on the project's disk rather than a possible tmpfs /tmp.
    base = Path(os.environ.get("AIS_RUN_DIR", ROOT / ".ais" / "run"))
    base.mkdir(parents=True, exist_ok=True)
    return str(base)


@dataclass
class ClusterPair:
    """The standard test setup: main cluster + a remote cluster attached as ``remais``."""

    main: LocalCluster
    remote: LocalCluster | None
    alias: str = "remais"

    @classmethod
    def start(
        cls, *, main_port: int = 8080, remote_port: int = 11080, with_remote: bool = True
    ) -> ClusterPair:
        main = LocalCluster("main", base_port=main_port, ntargets=2)
        remote = LocalCluster("remote", base_port=remote_port, ntargets=1) if with_remote else None
        pair = cls(main, remote)
        if remote is not None and main.ports() & remote.ports():
            raise ClusterError(
                f"port layouts overlap: main {main_port} and remote {remote_port} "
                "(each cluster uses base..base+n, +1000 and +2000; space them >= 3000 apart)"
            )
        # Boot both at once (each waits ~10 s for target joins); attach only once the remote is
        # ready, because an offline remote at attach time is silently skipped.
        try:
            for c in (main, remote):
                if c:
                    c.launch()
            for c in (main, remote):
                if c:
                    c.wait_started()
        except Exception:
            pair.stop()
            raise
        if remote:
            try:
                main.attach_remote(pair.alias, remote)
            except Exception:
                pair.stop()
                raise
        return pair

    def stop(self) -> None:
        self.main.stop()
        if self.remote:
            self.remote.stop()


def _cmd_up(args: argparse.Namespace) -> int:
    if STATE_FILE.exists():
        print(f"state file {STATE_FILE} exists: run 'down' first", file=sys.stderr)
        return 1
    t0 = time.monotonic()
    pair = ClusterPair.start(
        main_port=args.port, remote_port=args.remote_port, with_remote=not args.no_remote
    )
    STATE_FILE.parent.mkdir(parents=True, exist_ok=True)
    STATE_FILE.write_text(
        json.dumps(
            {
                "main": pair.main.to_state(),
                "remote": pair.remote.to_state() if pair.remote else None,
                "alias": pair.alias,
            },
            indent=2,
        )
    )
    print(
        f"AIS cluster ready in {time.monotonic() - t0:.1f}s: {pair.main.endpoint}"
        + (f" (remote '{pair.alias}' = {pair.remote.endpoint})" if pair.remote else "")
    )
    return 0


def _load_state() -> ClusterPair | None:
    if not STATE_FILE.exists():
        return None
    st = json.loads(STATE_FILE.read_text())
    main = LocalCluster.from_state(st["main"])
    remote = LocalCluster.from_state(st["remote"]) if st.get("remote") else None
    return ClusterPair(main, remote, st.get("alias", "remais"))


def _cmd_down(_: argparse.Namespace) -> int:
    pair = _load_state()
    if pair is None:
        print("no cluster state: nothing to stop")
        return 0
    pair.stop()
    STATE_FILE.unlink(missing_ok=True)
    print("AIS clusters stopped")
    return 0


def _cmd_status(_: argparse.Namespace) -> int:
    pair = _load_state()
    if pair is None:
        print("no cluster started by this project (.ais/state.json absent)")
        return 1
    ok = True
    for c in (pair.main, pair.remote):
        if c is None:
            continue
        alive = {n.name: n.alive() for n in c.nodes}
        ready = c.is_ready()
        ok &= ready
        print(f"{c.name}: {c.endpoint} ready={ready} nodes={alive}")
        if ready:
            smap = c.smap()
            print(
                f"  smap v{smap.get('version')}: "
                f"{len(smap.get('pmap', {}))} proxy, {len(smap.get('tmap', {}))} targets"
            )
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    up = sub.add_parser("up", help="start the main cluster and the remote 'remais' cluster")
    up.add_argument("--port", type=int, default=int(os.environ.get("AIS_PORT", 8080)))
    up.add_argument("--remote-port", type=int, default=int(os.environ.get("AIS_REMOTE_PORT", 11080)))
    up.add_argument("--no-remote", action="store_true")
    up.set_defaults(fn=_cmd_up)
    sub.add_parser("down", help="stop the clusters started by 'up'").set_defaults(fn=_cmd_down)
    sub.add_parser("status", help="show the clusters started by 'up'").set_defaults(fn=_cmd_status)
    args = p.parse_args(argv)
    return int(args.fn(args))


if __name__ == "__main__":
    sys.exit(main())
