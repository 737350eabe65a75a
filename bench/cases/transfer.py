"""`make bench`: ``Bucket.put_files`` of 2,000 files x 64 KiB, ours vs the official SDK, same run.

Every measurement is a fresh subprocess that times only the ``put_files`` call: ours in the dev
venv (defaults: 16 workers, and ``num_workers=1`` to show what parallelism buys), the official
SDK 2.0 in ``.venv-peer`` (``put_files(path, verbose=False)``: one file at a time). Rounds are
interleaved with the client order rotated; each round writes into a fresh bucket. The figure is
files/s; the ratio is the median of per-round ratios.

    AIS_ENDPOINT=http://127.0.0.1:8080 .venv/bin/python -m bench.cases.transfer [--files N] [--rounds R]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from aistore_hl import Client
from bench import env

ROOT = env.ROOT
OUT = ROOT / "docs" / "bench" / "transfer.json"

OURS = """
import json, sys, time
from aistore_hl import Client
with Client(sys.argv[1]) as c:
    b = c.bucket(sys.argv[2])
    t = time.monotonic()
    s = b.put_files(sys.argv[3], num_workers=int(sys.argv[4]), progress=False)
    print(json.dumps({"s": time.monotonic() - t, "n": len(s)}))
"""
OURS_ASYNC = """
import asyncio, json, sys, time
from aistore_hl import AsyncClient
async def main():
    async with AsyncClient(sys.argv[1]) as c:
        b = c.bucket(sys.argv[2])
        t = time.monotonic()
        s = await b.put_files(sys.argv[3], num_workers=int(sys.argv[4]), progress=False)
        print(json.dumps({"s": time.monotonic() - t, "n": len(s)}))
asyncio.run(main())
"""
PEER = """
import json, sys, time
from aistore.sdk import Client
b = Client(sys.argv[1]).bucket(sys.argv[2])
t = time.monotonic()
s = b.put_files(sys.argv[3], verbose=False)
print(json.dumps({"s": time.monotonic() - t, "n": len(s)}))
"""
CLIENTS = {
    "ours": (sys.executable, OURS, "16"),
    "ours:w1": (sys.executable, OURS, "1"),
    "ours:async": (sys.executable, OURS_ASYNC, "16"),
    "official": (env.PEER_PY, PEER, "0"),
}


def measure(client: str, endpoint: str, bucket: str, src: str, files: int) -> float:
    py, code, workers = CLIENTS[client]
    child = {**os.environ, "PYTHONPATH": str(ROOT), "NO_PROXY": "127.0.0.1,localhost"}
    out = subprocess.run(
        [py, "-c", code, endpoint, bucket, src, workers],
        capture_output=True,
        text=True,
        env=child,
        check=False,
    )
    if out.returncode:
        raise RuntimeError(f"{client}: {out.stderr[-2000:]}")
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res["n"] == files, res
    return files / float(res["s"])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--size", type=int, default=64 * 1024)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    endpoint = os.environ.get("AIS_ENDPOINT", "http://127.0.0.1:8080")
    env.ensure_peer_venv()
    rates: dict[str, list[float]] = {c: [] for c in CLIENTS}
    ratios: dict[str, list[float]] = {"ours/official": [], "ours:w1/official": [], "ours:async/official": []}
    with tempfile.TemporaryDirectory() as src, Client(endpoint) as client:
        for i in range(args.files):
            Path(src, f"f{i:05d}.bin").write_bytes(os.urandom(args.size))
        order = list(CLIENTS)
        for r in range(args.rounds + 1):  # round 0 warms up and is discarded
            got: dict[str, float] = {}
            for c in order[r % len(order) :] + order[: r % len(order)]:
                b = client.bucket(f"bench-pf-{uuid.uuid4().hex[:8]}")
                b.create()
                try:
                    got[c] = measure(c, endpoint, b.name, src, args.files)
                finally:
                    b.delete()
            print(
                f"round {r}{' (warm-up)' if r == 0 else ''}: "
                + ", ".join(f"{k} {v:,.0f}/s" for k, v in got.items())
            )
            if r:
                for c, v in got.items():
                    rates[c].append(v)
                ratios["ours/official"].append(got["ours"] / got["official"])
                ratios["ours:w1/official"].append(got["ours:w1"] / got["official"])
                ratios["ours:async/official"].append(got["ours:async"] / got["official"])
    row = {
        "case": f"put_files {args.files:,} x {args.size // 1024} KiB",
        "unit": "files/s",
        "median": {c: statistics.median(v) for c, v in rates.items()},
        "ratio": {k: statistics.median(v) for k, v in ratios.items()},
        "rounds": args.rounds,
        "endpoint": endpoint,
    }
    OUT.write_text(json.dumps(row, indent=2) + "\n", encoding="utf-8")
    m, q = row["median"], row["ratio"]
    print(
        f"| {row['case']} | ours {m['ours']:,.0f} | ours (1 worker) {m['ours:w1']:,.0f} | "
        f"ours async {m['ours:async']:,.0f} | official {m['official']:,.0f} files/s | "
        f"{q['ours/official']:.2f}x (1 worker: {q['ours:w1/official']:.2f}x, "
        f"async: {q['ours:async/official']:.2f}x) |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
