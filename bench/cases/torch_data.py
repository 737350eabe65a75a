"""`make bench`: PyTorch DataLoader and shard reader, ours (aistore_hl.torch) vs the official SDK 2.0.

Two rows (issue 21), one run, one cluster, every measurement a fresh subprocess timing one epoch
(every sample's bytes touched):

* ``DataLoader 10,000 x 16 KiB, 4 workers``: ``DataLoader(ds, batch_size=32, num_workers=4)`` over
  the 10,000 objects of bench/cases/batch.py's bucket. Ours: ``AISIterDataset`` (Get-Batch, its
  default batch size) and ``AISMapDataset`` (one Get-Batch per DataLoader batch). Official:
  ``AISIterDataset``, ``AISMapDataset`` (one GET per sample) and ``AISBatchIterDataset`` at its
  default ``max_batch_size=32`` and at our batch size. Ours is compared with the fastest official.
* ``Shard reader 100 shards x 100 samples``: one process iterating ``AISShardReader`` over 100 TAR
  shards of 100 samples (a 16 KiB ``.jpg`` and a ``.cls`` each), ours vs the official.

Ours runs in the dev .venv (torch pinned by requirements-torch.txt; the clean .venv-bench holds
only the runtime dependencies), the official SDK in .venv-peer (torch and alive-progress added).
Rounds are interleaved (client order rotated; round 0 warms up and is discarded); figures are
samples/s, medians; ratios are medians of per-round ratios. ``bench.run`` runs this case
(``--cases ...,torch``); alone, ``--publish`` merges the rows into docs/bench/bench.json and writes
docs/bench/torch.json:

    AIS_ENDPOINT=http://127.0.0.1:8080 .venv/bin/python -m bench.cases.torch_data [--rounds 3] [--publish]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import subprocess
import tarfile
import time
from collections.abc import Callable
from typing import Any

from bench import env
from bench.cases import batch as batch_case  # its bucket of 10,000 x 16 KiB
from bench.report import Check, Results, Row, merge_rows

ROOT = env.ROOT
SHARDS, PER_SHARD, SAMPLE = 100, 100, 16 << 10
SHARD_BUCKET = "bench-shards"
OUT = ROOT / "docs" / "bench" / "torch.json"
# aistore_hl.torch.DEFAULT_BATCH_SIZE, read from the source (importing it would import torch here)
OUR_BATCH = int(
    re.search(r"^DEFAULT_BATCH_SIZE = ([\d_]+)", (ROOT / "aistore_hl/torch/_datasets.py").read_text(), re.M)[
        1
    ]  # type: ignore[index]
)
ROW_DL, ROW_SHARD = "DataLoader 10,000 x 16 KiB, 4 workers", "Shard reader 100 shards x 100 samples"

# argv: endpoint bucket kind [batch]; prints seconds of one epoch and the bytes seen
OURS = """
import json, sys, time
from torch.utils.data import DataLoader
from aistore_hl import Client
from aistore_hl.torch import AISIterDataset, AISMapDataset, AISShardReader
ep, bck, kind = sys.argv[1], sys.argv[2], sys.argv[3]
b = Client(ep).bucket(bck)
if kind == "shards":
    ds = AISShardReader(b)
    t = time.monotonic()
    got = sum(len(v) for _k, s in ds for v in s.values())
    print(json.dumps({"s": time.monotonic() - t, "bytes": got, "n": 0})); sys.exit()
ds = AISIterDataset(b) if kind == "iter" else AISMapDataset(b)
t = time.monotonic()
got = n = 0
for names, datas in DataLoader(ds, batch_size=32, num_workers=4):
    n += len(names); got += sum(map(len, datas))
print(json.dumps({"s": time.monotonic() - t, "bytes": got, "n": n}))
"""
PEER = """
import json, sys, time, warnings
warnings.filterwarnings("ignore")
from torch.utils.data import DataLoader
from aistore.sdk import Client
from aistore.pytorch import AISIterDataset, AISMapDataset, AISShardReader
from aistore.pytorch.batch_iter_dataset import AISBatchIterDataset
ep, bck, kind = sys.argv[1], sys.argv[2], sys.argv[3]
c = Client(ep)
b = c.bucket(bck)
if kind == "shards":
    ds = AISShardReader(b)
    t = time.monotonic()
    got = sum(len(v) for _k, s in ds for v in s.values())
    print(json.dumps({"s": time.monotonic() - t, "bytes": got, "n": 0})); sys.exit()
if kind == "iter":
    ds = AISIterDataset(b)
elif kind == "map":
    ds = AISMapDataset(b)
else:
    ds = AISBatchIterDataset(b, c, **({"max_batch_size": int(sys.argv[4])} if len(sys.argv) > 4 else {}))
t = time.monotonic()
got = n = 0
for names, datas in DataLoader(ds, batch_size=32, num_workers=4):
    n += len(names); got += sum(map(len, datas))
print(json.dumps({"s": time.monotonic() - t, "bytes": got, "n": n}))
"""

# client -> (side, kind, extra argv)
DL: dict[str, tuple[str, str, list[str]]] = {
    "ours": ("ours", "iter", []),
    "ours:map": ("ours", "map", []),
    "official:iter": ("peer", "iter", []),
    "official:map": ("peer", "map", []),
    "official:batch": ("peer", "batch", []),
    "official:batch@ours": ("peer", "batch", [str(OUR_BATCH)]),
}
SH: dict[str, tuple[str, str, list[str]]] = {
    "ours:shards": ("ours", "shards", []),
    "official:shards": ("peer", "shards", []),
}
CLIENTS = {**DL, **SH}


def ensure_peer_torch() -> None:
    """torch (the pinned set) and alive-progress (its pytorch module imports it) in .venv-peer."""
    env.ensure_peer_venv()
    probe = "import torch, alive_progress, aistore.pytorch"
    if subprocess.run([env.PEER_PY, "-c", probe], capture_output=True).returncode == 0:
        return
    env.log("installing torch and alive-progress into .venv-peer")
    pip = [env.PEER_PY, "-m", "pip", "install", "-q"]
    subprocess.run([*pip, "--no-deps", "-r", str(ROOT / "requirements-torch.txt")], check=True)
    subprocess.run([*pip, "alive-progress"], check=True)


def measure(client: str, endpoint: str) -> float:
    """Samples/s of one fresh-process epoch of ``client``."""
    side, kind, extra = CLIENTS[client]
    py, code = (env.DEV_PY, OURS) if side == "ours" else (env.PEER_PY, PEER)
    child = {**os.environ, "PYTHONPATH": env.OURS_PATH, "NO_PROXY": "127.0.0.1,localhost"}
    bucket = SHARD_BUCKET if kind == "shards" else batch_case.BUCKET
    argv = [py, "-c", code, endpoint, bucket, kind, *extra]
    out = subprocess.run(argv, capture_output=True, text=True, env=child, check=False, timeout=900)
    if out.returncode:
        raise RuntimeError(f"{client}: {out.stderr[-2000:]}")
    res = json.loads(out.stdout.strip().splitlines()[-1])
    if kind == "shards":
        want = SHARDS * PER_SHARD * (SAMPLE + 1)
        assert res["bytes"] == want, (client, res, want)
        return SHARDS * PER_SHARD / float(res["s"])
    assert res["n"] == batch_case.N and res["bytes"] == batch_case.N * batch_case.SIZE, (client, res)
    return batch_case.N / float(res["s"])


def setup(endpoint: str, log: Callable[[str], None]) -> None:
    """batch_case's bucket, and SHARDS TAR shards of PER_SHARD samples (kept between runs)."""
    from aistore_hl import Client
    from aistore_hl.errors import ErrBckAlreadyExists

    batch_case.setup(endpoint, log)
    with Client(endpoint) as c:
        b = c.bucket(SHARD_BUCKET)
        try:
            b.create()
        except ErrBckAlreadyExists:
            if sum(1 for _ in b.list_objects_iter(props="name")) >= SHARDS:
                return
        log(f"torch: writing {SHARDS} shards x {PER_SHARD} samples into {SHARD_BUCKET}")
        for s in range(SHARDS):
            buf = io.BytesIO()
            with tarfile.open(fileobj=buf, mode="w") as t:
                for j in range(PER_SHARD):
                    for ext, data in (("jpg", bytes([j]) * SAMPLE), ("cls", bytes([j % 10 + 48]))):
                        info = tarfile.TarInfo(f"{s:03d}{j:03d}.{ext}")
                        info.size = len(data)
                        t.addfile(info, io.BytesIO(data))
            b.object(f"shard-{s:04d}.tar").put(content=buf.getvalue())


def collect(
    endpoint: str, rounds: int, log: Callable[[str], None], node_pids: list[int] | None = None
) -> dict[str, Any]:
    """Every client, ``rounds`` timed rounds after a warm-up; medians and paired ratios."""
    foreign = env.ForeignCPU(node_pids or [])
    other: list[float] = []
    setup(endpoint, log)
    ensure_peer_torch()
    order = list(CLIENTS)
    samples: dict[str, list[float]] = {c: [] for c in order}
    per_round: list[dict[str, float]] = []
    for r in range(rounds + 1):
        got: dict[str, float] = {}
        for c in order[r % len(order) :] + order[: r % len(order)]:
            env.settle()
            fc = foreign.start()
            got[c] = measure(c, endpoint)
            if r:
                other.append(foreign.cores(fc))
        log(
            f"torch round {r}{' (warm-up)' if r == 0 else ''}: "
            + ", ".join(f"{k} {v:,.0f}" for k, v in got.items())
        )
        if r:
            per_round.append(got)
            for c, v in got.items():
                samples[c].append(v)
    med = {c: statistics.median(v) for c, v in samples.items()}
    official = [c for c in DL if c.startswith("official")]
    best = max(official, key=lambda c: med[c])
    per_object = max(("official:iter", "official:map"), key=lambda c: med[c])

    def ratio(a: str, b: str) -> float:
        return statistics.median(g[a] / g[b] for g in per_round)

    ratios = {
        "ours/best official": ratio("ours", best),
        "ours/official per-object": ratio("ours", per_object),
        "ours:map/best official": ratio("ours:map", best),
        "ours:shards/official:shards": ratio("ours:shards", "official:shards"),
    }
    return {"median": med, "ratio": ratios, "best_official": best, "per_object_official": per_object,
            "rounds": rounds, "samples": samples, "endpoint": endpoint,
            "other_cores": {"median": statistics.median(other), "max": max(other)}}  # fmt: skip


def rows(res: dict[str, Any]) -> list[Row]:
    """The two table rows."""
    m, q = res["median"], res["ratio"]
    best, po = res["best_official"], res["per_object_official"]
    dl = Row(
        case=f"{ROW_DL} (samples/s, batch_size=32; ours AISIterDataset; official at its fastest: {best})",
        unit="samples/s",
        ours=m["ours"],
        official=m[best],
        integer=True,
        checks=[
            Check("ours/fastest official", q["ours/best official"], 1.25, ">="),
            Check(f"ours/official per-object ({po})", q["ours/official per-object"], 3.0, ">="),
            Check("ours AISMapDataset/fastest official", q["ours:map/best official"]),
        ],
    )
    sh = Row(
        case=f"{ROW_SHARD} (samples/s, one process, AISShardReader)",
        unit="samples/s",
        ours=m["ours:shards"],
        official=m["official:shards"],
        integer=True,
        checks=[Check("ours/official", q["ours:shards/official:shards"], 1.5, ">=")],
    )
    return [dl, sh]


def rows_of_run(res: Results) -> list[Row]:
    """The rows in bench.run's table, when the run measured this case."""
    return rows(res.extra["torch"]) if "torch" in res.extra else []


def publish(res: dict[str, Any], new_rows: list[Row]) -> None:
    """docs/bench/torch.json (details) and the rows merged into docs/bench/bench.json."""
    OUT.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    info = {"when": time.strftime("%Y-%m-%d %H:%M"), **res["median"]}
    merge_rows(ROOT / "docs" / "bench" / "bench.json", (ROW_DL, ROW_SHARD), new_rows, "torch_case", info)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--only", help="comma-separated clients (development: one quick measurement each)")
    ap.add_argument(
        "--publish", action="store_true", help="write docs/bench/torch.json, merge into bench.json"
    )
    args = ap.parse_args()
    endpoint = os.environ.get("AIS_ENDPOINT", "http://127.0.0.1:8080").rstrip("/")
    if args.only:
        setup(endpoint, env.log)
        ensure_peer_torch()
        for c in args.only.split(","):
            env.log(f"{c}: {measure(c, endpoint):,.0f} samples/s")
        return 0
    res = collect(endpoint, args.rounds, env.log, node_pids=env.state_file_pids(endpoint))
    oc = res["other_cores"]
    env.log(f"other processes: median {oc['median']:.2f} cores, max {oc['max']:.2f}")
    new_rows = rows(res)
    for r in new_rows:
        checks = "; ".join(f"{c.name} {c.value:.2f}x" for c in r.checks if c.value is not None)
        print(f"| {r.case} | ours {r.ours or 0:,.0f} | official {r.official or 0:,.0f} | {checks} |")
    if args.publish:
        publish(res, new_rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
