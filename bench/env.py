"""The bench's environment: venvs and interpreters, clusters, the machine's description, CPU use.

Our side runs in a clean venv holding only the runtime dependencies from pyproject.toml, with the
working tree on PYTHONPATH: what a user's ``pip install aistore-hl`` gives. The dev .venv also
holds the toolchain (click, rich, ... make ``import httpx`` load its CLI), which would bill ours
for it. The official SDK runs in .venv-peer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import aisutil

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PEER_VENV = ROOT / ".venv-peer"
PEER_PKG = "aistore==2.0.0"
_DEV = ROOT / ".venv" / "bin" / "python"
DEV_PY = str(_DEV) if _DEV.exists() else sys.executable
CLEAN_VENV = ROOT / ".venv-bench"
OURS_PATH = os.pathsep.join([str(ROOT), str(ROOT / "generated")])
PEER_PY = str(PEER_VENV / "bin" / "python")
MIB = 1 << 20
KIB = 1 << 10


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Python:
    """An interpreter a measurement runs in: its path, the variables it needs, where it is."""

    exe: str
    env: dict[str, str]
    where: str


PEER = Python(PEER_PY, {}, ".venv-peer")
DEV = Python(DEV_PY, {}, "dev .venv")
_ours = DEV  # until ensure_ours_venv() has prepared the clean venv


def ours() -> Python:
    """The interpreter of our side (the clean venv once ``ensure_ours_venv`` has run)."""
    return _ours


# ------------------------------------------------------------------------------------------------
# venvs
# ------------------------------------------------------------------------------------------------
def ensure_peer_venv() -> None:
    if Path(PEER_PY).exists():
        probe = [PEER_PY, "-c", "import aistore.sdk, psutil"]
        if subprocess.run(probe, capture_output=True).returncode == 0:
            return
    log(f"creating {PEER_VENV} with {PEER_PKG}")
    if not Path(PEER_PY).exists():
        subprocess.run(["python3", "-m", "venv", str(PEER_VENV)], check=True)
    subprocess.run([PEER_PY, "-m", "pip", "install", "-q", PEER_PKG, "psutil"], check=True)


def runtime_deps() -> list[str]:
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as f:
        return list(tomllib.load(f)["project"]["dependencies"])


def ensure_ours_venv() -> Python:
    """Our side in the clean venv (created/updated when the dependency list changes), else the dev one."""
    global _ours
    py = CLEAN_VENV / "bin" / "python"
    stamp = CLEAN_VENV / ".deps.json"
    deps = [*runtime_deps(), "psutil"]
    try:
        if not py.exists() or not stamp.exists() or json.loads(stamp.read_text()) != deps:
            log(f"preparing {CLEAN_VENV.name} (runtime deps only): {', '.join(deps)}")
            if not py.exists():
                subprocess.run(["python3", "-m", "venv", str(CLEAN_VENV)], check=True)
            subprocess.run([str(py), "-m", "pip", "install", "-q", *deps], check=True)
            stamp.write_text(json.dumps(deps))
    except (OSError, subprocess.CalledProcessError) as e:
        log(f"cannot prepare {CLEAN_VENV.name} ({e}): running our side in the dev .venv")
        return _ours
    _ours = Python(
        str(py),
        {"PYTHONPATH": OURS_PATH},
        f"clean {CLEAN_VENV.name} (pyproject runtime deps) + working tree on PYTHONPATH",
    )
    return _ours


@dataclass(frozen=True)
class OursSupport:
    """What the working tree's aistore_hl offers (probed in our side's interpreter)."""

    sync: bool
    asyncio: bool
    direct_reads: bool
    why: str = ""


def ours_importable() -> OursSupport:
    code = (
        "import inspect, aistore_hl; c = aistore_hl.Client; "
        "print(hasattr(aistore_hl, 'AsyncClient'), 'direct_reads' in inspect.signature(c).parameters)"
    )
    py = ours()
    r = subprocess.run(
        [py.exe, "-c", code],
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
        env={**os.environ, **py.env},
    )
    if r.returncode != 0:
        return OursSupport(False, False, False, (r.stderr.strip().splitlines() or ["?"])[-1])
    has_async, has_direct = (x == "True" for x in r.stdout.split())
    return OursSupport(True, has_async, has_direct)


def bin_dir() -> Path:
    out = subprocess.run(
        [str(ROOT / "scripts" / "build-ais.sh"), "--print-bin-dir"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return Path(out)


def cmd_version(cmd: list[str]) -> str:
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "n/a"


# ------------------------------------------------------------------------------------------------
# clusters
# ------------------------------------------------------------------------------------------------
def start_cluster(port: int) -> Any:
    """The bench's own cluster (1 proxy + 2 targets, scripts/aiscluster.py) on ``port``."""
    from scripts.aiscluster import LocalCluster

    log(f"starting bench cluster (1 proxy + 2 targets) on port {port}")
    return LocalCluster("bench", base_port=port, ntargets=2).start()


def start_tmpfs_cluster(port: int, large_size: int, bucket: str) -> Any:
    """A second own cluster whose mountpaths live in /dev/shm, or None when there is no room.

    On the bench machine's virtual disk a 1 GiB PUT swings 260-1,000 MB/s from round to round
    for every client alike, which drowns the client's share; in memory the ratio to curl -T
    shows what the client costs. 4 PUT objects + their work files must fit.
    """
    shm = Path("/dev/shm")
    if not shm.is_dir():
        return None
    st = os.statvfs(shm)
    if st.f_bavail * st.f_frsize < 6 * large_size + (1 << 30):
        return None
    from scripts.aiscluster import LocalCluster

    root = Path(tempfile.mkdtemp(prefix="ais-bench-tmpfs-", dir=shm))
    log(f"starting tmpfs bench cluster (1 proxy + 2 targets, mountpaths in {root}) on port {port}")
    c = LocalCluster("bench-tmpfs", base_port=port, ntargets=2, root=root).start()
    aisutil.create_bucket(c.endpoint, bucket)
    return c


def stop_cluster(cluster: Any, what: str, remove_root: bool = False) -> None:
    log(f"stopping {what}")
    cluster.stop()
    if remove_root:
        shutil.rmtree(cluster.root, ignore_errors=True)


def node_pids(cluster: Any) -> list[int]:
    """The aisnode pids of one of our own clusters (none for ``None``)."""
    return [n.pid for n in cluster.nodes if n.pid] if cluster is not None else []


def state_file_pids(endpoint: str) -> list[int]:
    """The aisnode pids of the cluster at ``endpoint`` from scripts/aiscluster.py's state file."""
    state = Path(os.environ.get("AIS_STATE_FILE", ROOT / ".ais" / "state.json"))
    try:
        clusters = json.loads(state.read_text(encoding="utf-8")).values()
    except (OSError, ValueError):
        return []
    for c in clusters:
        if isinstance(c, dict) and c.get("endpoint", "").rstrip("/") == endpoint:
            return [int(n["pid"]) for n in c.get("nodes", []) if n.get("pid")]
    return []


# ------------------------------------------------------------------------------------------------
# CPU accounting
# ------------------------------------------------------------------------------------------------
def settle() -> None:
    """Flush dirty pages so one measurement's writeback doesn't bill the next one."""
    os.sync()
    time.sleep(0.5)


def cluster_cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds the cluster's processes have used so far (all their threads)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError), open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


class ForeignCPU:
    """CPU used by processes that are not this bench (other work on the box) over an interval.

    Busy time of the whole machine (/proc/stat) minus our own: this process, every child it
    waited for (workers, curl, aisloader: ``os.times`` children) and the cluster nodes we started
    (read from /proc/<pid>/stat). With ``AIS_ENDPOINT`` the cluster counts as foreign.
    """

    TICK = os.sysconf("SC_CLK_TCK")

    def __init__(self, node_pids: list[int]) -> None:
        self.node_pids = node_pids

    @staticmethod
    def _busy() -> float:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        idle = v[3] + (v[4] if len(v) > 4 else 0)  # idle + iowait
        return (sum(v[:8]) - idle) / ForeignCPU.TICK

    def _ours(self) -> float:
        t = os.times()
        total = t.user + t.system + t.children_user + t.children_system
        for pid in self.node_pids:
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / self.TICK
            except (OSError, IndexError, ValueError):
                pass
        return total

    def start(self) -> tuple[float, float, float]:
        return time.monotonic(), self._busy(), self._ours()

    def cores(self, started: tuple[float, float, float]) -> float:
        """Average number of cores used by foreign processes since ``started``."""
        t0, b0, o0 = started
        wall = time.monotonic() - t0
        return max(0.0, (self._busy() - b0) - (self._ours() - o0)) / wall if wall > 0 else 0.0


# ------------------------------------------------------------------------------------------------
# the machine's description (the table's header)
# ------------------------------------------------------------------------------------------------
def cpu_model() -> str:
    """The CPU's model name and per-core L2 size (the read-size trade-off depends on the cache)."""
    name = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                name = line.split(":", 1)[1].strip()
                break
    l2 = "?"
    with contextlib.suppress(OSError):
        l2 = Path("/sys/devices/system/cpu/cpu0/cache/index2/size").read_text().strip()
    return f"{name}, L2 {l2} per core"


def cluster_disk() -> str:
    try:
        out = (
            subprocess.run(
                ["df", "-h", "--output=source,fstype", str(ROOT / ".ais")], capture_output=True, text=True
            )
            .stdout.splitlines()[-1]
            .split()
        )
        return f"{out[0]} {out[1]}"
    except (OSError, IndexError):
        return "?"


def describe(
    endpoint: str,
    *,
    own_cluster: bool,
    tmpfs_endpoint: str,
    has_loader: bool,
    ours_probe: dict[str, Any],
    peer_probe: dict[str, Any],
) -> dict[str, str]:
    """The ``env`` of bench.json: machine, cluster, versions of everything measured."""
    sm = aisutil.smap(endpoint)
    mp = aisutil.mountpaths(endpoint)
    cfg = aisutil.cluster_config(endpoint)
    tmp = mp.get("targets", mp) if isinstance(mp, dict) else {}
    nmp = {tid: len((v or {}).get("available") or []) for tid, v in tmp.items() if isinstance(v, dict)}
    bdir = bin_dir()
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores ({cpu_model()}), "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / (1 << 30):.0f} GiB RAM, "
        f"Linux {platform.release()}",
        "cluster": f"{len(sm.get('pmap', {}))} proxy + {len(sm.get('tmap', {}))} targets"
        + (f", {'/'.join(str(v) for v in nmp.values())} mountpaths" if nmp else ""),
        "cluster_detail": (
            f"{'own LocalCluster on 127.0.0.1 (scripts/aiscluster.py), ' if own_cluster else 'AIS_ENDPOINT '}"
            f"{endpoint}; mountpaths on local disk ({cluster_disk()}); same 2 cores as the clients; "
            f"checksum {cfg.get('checksum', {}).get('type', '?')}, "
            f"memsys min_free {cfg.get('memsys', {}).get('min_free', '?')}"
            + (
                f"; the tmpfs PUT row: a second own cluster of the same shape at {tmpfs_endpoint}"
                " with its mountpaths in /dev/shm"
                if tmpfs_endpoint
                else ""
            )
        ),
        "aisnode": cmd_version([str(bdir / "aisnode"), "version"]),
        "aisloader": cmd_version([str(bdir / "aisloader"), "version"]) if has_loader else "missing",
        "curl": cmd_version(["curl", "--version"]),
        "python": platform.python_version(),
        "ours_version": ours_probe.get("client", "not importable"),
        "ours_where": ours().where,
        "ours_stack": ours_probe.get("stack", ""),
        "official_version": peer_probe.get("client", "?"),
        "official_stack": peer_probe.get("stack", ""),
    }
