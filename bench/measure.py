"""One measurement: a client worker in its own fresh subprocess, curl, or aisloader.

A worker is a module of ``bench.workers`` run as ``python -m bench.workers.<name>`` from the
repository root, in its client's interpreter (``bench.env``); it prints one JSON line.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from bench import env

#: a worker's (or curl's, aisloader's) JSON result
Result = dict[str, Any]

#: client kind -> (worker module, our side's interpreter? else the official SDK's)
WORKERS: dict[str, tuple[str, bool]] = {
    "ours": ("bench.workers.ours", True),
    "ours_async": ("bench.workers.ours_async", True),
    "official": ("bench.workers.peer", False),
    "ceiling_list": ("bench.workers.ceiling_list", True),
}
_NO_PROXY = "127.0.0.1,localhost"


class MeasureError(RuntimeError):
    pass


def run_worker(kind: str, case: str, endpoint: str, bucket: str, timeout: float = 900, **kw: Any) -> Result:
    """One measurement by ``kind``'s worker; ``kw`` become its ``--options`` (None/""/False: left out)."""
    module, ours_side = WORKERS[kind]
    py = env.ours() if ours_side else env.PEER
    argv = [py.exe, "-m", module, case, "--endpoint", endpoint, "--bucket", bucket]
    for k, v in kw.items():
        if v is None or v == "" or v is False:
            continue
        argv += [f"--{k.replace('_', '-')}"] if v is True else [f"--{k.replace('_', '-')}", str(v)]
    child = dict(os.environ, NO_PROXY=_NO_PROXY, no_proxy=_NO_PROXY, **py.env)
    child.pop("AIS_ENDPOINT", None)
    r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=env.ROOT, env=child)
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise MeasureError(f"{kind} {case}: no result (rc={r.returncode}): {r.stderr[-1500:]}")
    res: Result = json.loads(lines[-1])
    if not res.get("ok"):
        raise MeasureError(f"{kind} {case}: {res.get('error')}\n{res.get('traceback', '')[-1500:]}")
    return res


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _curl(args: list[str], write_out: str, what: str) -> list[str]:
    argv = ["curl", "-s", "-L", "--noproxy", "*", *args, "-w", write_out]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=600).stdout.split()
    if not out or out[0] != "200":
        raise MeasureError(f"curl {what}: {out}")
    return out


def curl_get(url: str) -> Result:
    cpu0 = _children_cpu()
    out = _curl(
        ["-o", "/dev/null", url], "%{http_code} %{size_download} %{time_total} %{num_redirects}", f"GET {url}"
    )
    cpu = _children_cpu() - cpu0  # the whole curl process (start-up included: a few ms)
    return {"bytes": int(out[1]), "seconds": float(out[2]), "redirects": int(out[3]), "cpu": cpu}


def curl_put(url: str, path: str) -> Result:
    out = _curl(
        ["-o", "/dev/null", "-T", path, url],
        "%{http_code} %{size_upload} %{time_total} %{num_redirects}",
        f"PUT {url}",
    )
    return {
        "bytes": os.path.getsize(path),
        "uploaded": int(out[1]),
        "seconds": float(out[2]),
        "redirects": int(out[3]),
    }


def curl_download(url: str, dest: Path) -> Result:
    out = _curl(["-o", str(dest), url], "%{http_code} %{time_total}", f"GET -o {url}")
    return {"bytes": dest.stat().st_size, "seconds": float(out[1])}


def aisloader(
    binary: Path,
    endpoint: str,
    bucket: str,
    *,
    put: bool,
    size: int,
    workers: int,
    duration: str,
    maxputs: int = 0,
    seed: int = 42,
) -> Result:
    host_port = endpoint.rsplit("//", 1)[-1]
    host, port = host_port.rsplit(":", 1)
    argv = [
        str(binary),
        "-ip",
        host,
        "-port",
        port,
        f"-bucket=ais://{bucket}",
        f"-duration={duration}",
        f"-numworkers={workers}",
        f"-pctput={100 if put else 0}",
        f"-minsize={size}",
        f"-maxsize={size}",
        "-cleanup=false",
        "-quiet",
        "-json",
        "-statsinterval=0",
        f"-seed={seed}",
    ]
    if put:
        argv += ["-skiplist"]
        if maxputs:
            argv += [f"-maxputs={maxputs}"]
    child = {k: v for k, v in os.environ.items() if k != "AIS_ENDPOINT"}
    r = subprocess.run(
        argv, capture_output=True, text=True, timeout=900, env=child, cwd=tempfile.gettempdir()
    )
    text = r.stdout
    try:
        blob = json.loads(text[text.index("[") : text.rindex("]") + 1])[0]
    except (ValueError, IndexError) as e:
        raise MeasureError(
            f"aisloader: cannot parse output (rc={r.returncode}): {text[-800:]} {r.stderr[-800:]}"
        ) from e
    st = blob["put" if put else "get"]
    count, secs = int(st["count"]), int(st["duration"]) / 1e9
    if int(st.get("errors", 0)):
        raise MeasureError(f"aisloader: {st['errors']} errors")
    return {"ops": count, "seconds": secs, "bytes": int(st["bytes"]), "latency_ms": int(st["latency"]) / 1e6}
