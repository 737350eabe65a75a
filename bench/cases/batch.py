"""`make bench`: Get-Batch of 10,000 x 16 KiB objects, ours vs the official SDK vs aisloader.

Two rows (issue 21), one run, one cluster, every measurement a fresh subprocess timing only the
reads (every entry's bytes touched):

* ``GET-batch 10,000 x 16 KiB``: ours ``client.batch(names, bucket=b).get()`` over all 10,000
  names (its defaults), also at aisloader's shape (requests of 1,000, 4 in flight) and async; the
  official ``Client.batch`` at its best shape of the run (one call over all names, or batches of
  1,000 on 4 threads); the ceiling is aisloader's own Get-Batch (Go) at 1,000 x 4; aisloader's
  per-object GET (32 workers) is shown as a reference.
* ``GET-batch 32 x 16 KiB``: the 10,000 objects in batches of 32 (a training batch), one thread,
  ours vs the official.

Rounds are interleaved (client order rotated; round 0 warms up and is discarded); figures are
objects/s, medians; ratios are medians of per-round ratios. ``bench.run`` runs this case
(``--cases ...,batch``) and adds its rows to its table; alone, ``--publish`` merges the rows into
docs/bench/bench.json (replacing rows of the same name) and writes docs/bench/batch.json:

    AIS_ENDPOINT=http://127.0.0.1:8080 .venv/bin/python -m bench.cases.batch [--rounds 3] [--publish]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import time
from collections.abc import Callable
from typing import Any

from bench import env
from bench.report import Check, Results, Row, merge_rows

ROOT = env.ROOT
BUCKET = "bench-batch"
N, SIZE = 10_000, 16 << 10
OUT = ROOT / "docs" / "bench" / "batch.json"
ROW_BIG, ROW_32 = "GET-batch 10,000 x 16 KiB", "GET-batch 32 x 16 KiB"

# argv: endpoint bucket n batch threads passes [request_size max_in_flight]; every worker reads
# the n names ``passes`` times (one measurement lasts 1-2 s: a single 0.5 s pass was all noise)
OURS = """
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
from aistore_hl import Client
ep, bck, n, bs, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
passes = int(sys.argv[6])
kw = {"request_size": int(sys.argv[7]), "max_in_flight": int(sys.argv[8])} if len(sys.argv) > 7 else {}
names = [f"o-{i:05d}" for i in range(n)] * passes
with Client(ep) as c:
    b = c.bucket(bck)
    def one(chunk):
        return sum(len(e.data) for e in c.batch(chunk, bucket=b, **kw).get())
    chunks = [names[i:i + bs] for i in range(0, len(names), bs)]
    t = time.monotonic()
    if threads == 1:
        got = sum(one(ch) for ch in chunks)
    else:
        with ThreadPoolExecutor(threads) as ex:
            got = sum(ex.map(one, chunks))
    s = time.monotonic() - t
print(json.dumps({"s": s, "bytes": got}))
"""
OURS_ASYNC = """
import asyncio, json, sys, time
from aistore_hl import AsyncClient
ep, bck, n, bs, passes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[6])
names = [f"o-{i:05d}" for i in range(n)] * passes
async def main():
    async with AsyncClient(ep) as c:
        b = c.bucket(bck)
        t = time.monotonic()
        got = 0
        for i in range(0, len(names), bs):
            async for e in c.batch(names[i:i + bs], bucket=b).get():
                got += len(e.data)
        return time.monotonic() - t, got
s, got = asyncio.run(main())
print(json.dumps({"s": s, "bytes": got}))
"""
PEER = """
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
from aistore.sdk import Client
ep, bck, n, bs, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
names = [f"o-{i:05d}" for i in range(n)] * int(sys.argv[6])
c = Client(ep)
b = c.bucket(bck)
def one(chunk):
    return sum(len(data) for _info, data in c.batch(chunk, bucket=b).get())
chunks = [names[i:i + bs] for i in range(0, len(names), bs)]
t = time.monotonic()
if threads == 1:
    got = sum(one(ch) for ch in chunks)
else:
    with ThreadPoolExecutor(threads) as ex:
        got = sum(ex.map(one, chunks))
print(json.dumps({"s": time.monotonic() - t, "bytes": got}))
"""

# client -> (side, code, batch size, threads, passes, extra argv); side: ours (bench.env.ours())
# or peer. The official SDK at batch 32 needs ~35 s for one pass: one is enough.
CLIENTS: dict[str, tuple[str, str, int, int, int, list[str]]] = {
    "ours": ("ours", OURS, N, 1, 3, []),
    "ours:1000x4": ("ours", OURS, N, 1, 3, ["1000", "4"]),
    "ours_async": ("ours", OURS_ASYNC, N, 1, 3, []),
    "official": ("peer", PEER, N, 1, 3, []),
    "official:1000x4": ("peer", PEER, 1000, 4, 3, []),
    "ours:32": ("ours", OURS, 32, 1, 1, []),
    "ours_async:32": ("ours", OURS_ASYNC, 32, 1, 1, []),
    "official:32": ("peer", PEER, 32, 1, 1, []),
}


def measure(client: str, endpoint: str, ours: env.Python | None = None) -> float:
    """Objects/s of one fresh-process run of ``client`` (``ours``: the interpreter of our side)."""
    side, code, bs, threads, passes, extra = CLIENTS[client]
    py = (ours or env.ours()) if side == "ours" else env.PEER
    child = {**os.environ, **py.env, "PYTHONPATH": env.OURS_PATH, "NO_PROXY": "127.0.0.1,localhost"}
    argv = [py.exe, "-c", code, endpoint, BUCKET, str(N), str(bs), str(threads), str(passes), *extra]
    out = subprocess.run(argv, capture_output=True, text=True, env=child, check=False, timeout=600)
    if out.returncode:
        raise RuntimeError(f"{client}: {out.stderr[-2000:]}")
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res["bytes"] == passes * N * SIZE, (client, res)
    return passes * N / float(res["s"])


def loader_rate(endpoint: str, *, batch: int, workers: int, secs: int) -> float:
    """aisloader objects/s: its Get-Batch (``-get-batchsize``) or per-object GETs (``batch=0``)."""
    binary = env.bin_dir() / "aisloader"
    host, port = endpoint.rsplit("//", 1)[-1].rsplit(":", 1)
    argv = [
        str(binary), "-ip", host, "-port", port, f"-bucket=ais://{BUCKET}", f"-duration={secs}s",
        f"-numworkers={workers}", "-pctput=0", f"-minsize={SIZE}", f"-maxsize={SIZE}", "-cleanup=false",
        "-quiet", "-json", "-statsinterval=0", "-seed=42",
    ]  # fmt: skip
    if batch:
        argv.append(f"-get-batchsize={batch}")
    child = {k: v for k, v in os.environ.items() if k != "AIS_ENDPOINT"}
    r = subprocess.run(argv, capture_output=True, text=True, timeout=300, env=child, cwd="/tmp", check=False)
    text = r.stdout
    blob = json.loads(text[text.index("[") : text.rindex("]") + 1])[0]
    st = blob["get_batch" if batch else "get"]
    if int(st.get("errors", 0)):
        raise RuntimeError(f"aisloader: {st['errors']} errors")
    return int(st["bytes"]) / SIZE / (int(st["duration"]) / 1e9)


def setup(endpoint: str, log: Callable[[str], None]) -> None:
    """The bucket with N x SIZE seeded objects ``o-00000``... (kept between runs)."""
    from concurrent.futures import ThreadPoolExecutor

    from aistore_hl import Client
    from aistore_hl.errors import ErrBckAlreadyExists

    with Client(endpoint) as c:
        b = c.bucket(BUCKET)
        try:
            b.create()
        except ErrBckAlreadyExists:
            have = sum(1 for e in b.list_objects_iter(props="name,size") if e.size == SIZE)
            if have >= N:
                return
        log(f"batch: writing {N:,} x {SIZE >> 10} KiB into {BUCKET}")
        seed = bytes(range(256)) * (SIZE // 256)

        def put(i: int) -> None:
            b.object(f"o-{i:05d}").put(content=i.to_bytes(4, "big") + seed[4:])

        with ThreadPoolExecutor(16) as ex:
            list(ex.map(put, range(N)))


def collect(
    endpoint: str,
    rounds: int,
    log: Callable[[str], None],
    ours: env.Python | None = None,
    node_pids: list[int] | None = None,
) -> dict[str, Any]:
    """Every client, ``rounds`` timed rounds after a warm-up; medians and paired ratios.

    ``node_pids``: the cluster's aisnode processes, so that "other processes" (CPU used on the box
    by neither this bench nor the cluster, e.g. a test run) can be reported per measurement.
    """
    foreign = env.ForeignCPU(node_pids or [])
    other: list[float] = []
    setup(endpoint, log)
    env.ensure_peer_venv()
    loaders = {
        "aisloader:getbatch": lambda: loader_rate(endpoint, batch=1000, workers=4, secs=8),
        "aisloader:get": lambda: loader_rate(endpoint, batch=0, workers=32, secs=8),
    }
    order = [*CLIENTS, *loaders]
    samples: dict[str, list[float]] = {c: [] for c in order}
    per_round: list[dict[str, float]] = []
    for r in range(rounds + 1):
        got: dict[str, float] = {}
        for c in order[r % len(order) :] + order[: r % len(order)]:
            env.settle()
            fc = foreign.start()
            got[c] = loaders[c]() if c in loaders else measure(c, endpoint, ours)
            if r:
                other.append(foreign.cores(fc))
        log(
            f"batch round {r}{' (warm-up)' if r == 0 else ''}: "
            + ", ".join(f"{k} {v:,.0f}" for k, v in got.items())
        )
        if r:
            per_round.append(got)
            for c, v in got.items():
                samples[c].append(v)
    med = {c: statistics.median(v) for c, v in samples.items()}

    def ratio(a: str, b: Callable[[dict[str, float]], float]) -> float:
        return statistics.median(g[a] / b(g) for g in per_round)

    best_official = "official" if med["official"] >= med["official:1000x4"] else "official:1000x4"
    ratios = {
        "ours/aisloader": ratio("ours", lambda g: g["aisloader:getbatch"]),
        "ours:1000x4/aisloader": ratio("ours:1000x4", lambda g: g["aisloader:getbatch"]),
        "ours/official": ratio("ours", lambda g: g[best_official]),
        "ours_async/official": ratio("ours_async", lambda g: g[best_official]),
        "ours/aisloader GET": ratio("ours", lambda g: g["aisloader:get"]),
        "ours:32/official:32": ratio("ours:32", lambda g: g["official:32"]),
        "ours_async:32/official:32": ratio("ours_async:32", lambda g: g["official:32"]),
    }
    return {"median": med, "ratio": ratios, "best_official": best_official, "rounds": rounds,
            "samples": samples, "endpoint": endpoint,
            "other_cores": {"median": statistics.median(other), "max": max(other)}}  # fmt: skip


def rows(res: dict[str, Any]) -> list[Row]:
    """The two table rows."""
    m, q = res["median"], res["ratio"]
    best = res["best_official"]
    shape = "one call over all names" if best == "official" else "batches of 1,000 on 4 threads"
    big = Row(
        case=f"{ROW_BIG} (objects/s; official at its best shape: {shape})",
        unit="obj/s",
        ours=m["ours"],
        ours_async=m["ours_async"],
        official=m[best],
        ceiling=m["aisloader:getbatch"],
        ceiling_name="aisloader Get-Batch 1,000 x 4",
        integer=True,
        checks=[
            Check("ours/ceiling", q["ours/aisloader"], 0.9, ">="),
            Check("ours/official", q["ours/official"], 1.25, ">="),
            Check("ours 1,000 x 4/ceiling (same shape)", q["ours:1000x4/aisloader"]),
            Check("ours/aisloader per-object GET (32 workers)", q["ours/aisloader GET"]),
        ],
    )
    small = Row(
        case=f"{ROW_32} (10,000 objects in batches of 32, 1 thread; objects/s)",
        unit="obj/s",
        ours=m["ours:32"],
        ours_async=m["ours_async:32"],
        official=m["official:32"],
        integer=True,
        checks=[
            Check("ours/official", q["ours:32/official:32"], 5.0, ">="),
            Check("async/official", q["ours_async:32/official:32"]),
        ],
    )
    return [big, small]


def rows_of_run(res: Results) -> list[Row]:
    """The rows in bench.run's table, when the run measured this case."""
    return rows(res.extra["batch"]) if "batch" in res.extra else []


def publish(res: dict[str, Any], new_rows: list[Row]) -> None:
    """docs/bench/batch.json (details) and the rows merged into docs/bench/bench.json."""
    OUT.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    info = {"when": time.strftime("%Y-%m-%d %H:%M"), **res["median"]}
    merge_rows(ROOT / "docs" / "bench" / "bench.json", (ROW_BIG, ROW_32), new_rows, "batch_case", info)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument(
        "--publish", action="store_true", help="write docs/bench/batch.json, merge into bench.json"
    )
    args = ap.parse_args()
    endpoint = os.environ.get("AIS_ENDPOINT", "http://127.0.0.1:8080").rstrip("/")
    res = collect(endpoint, args.rounds, env.log, node_pids=env.state_file_pids(endpoint))
    oc = res["other_cores"]
    env.log(f"other processes: median {oc['median']:.2f} cores, max {oc['max']:.2f}")
    new_rows = rows(res)
    for r in new_rows:
        checks = "; ".join(f"{c.name} {c.value:.2f}x" for c in r.checks if c.value is not None)
        print(f"| {r.case} | ours {r.ours or 0:,.0f} | async {r.ours_async or 0:,.0f} | official "
              f"{r.official or 0:,.0f} | ceiling {r.ceiling or 0:,.0f} | {checks} |")  # fmt: skip
    if args.publish:
        publish(res, new_rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
