"""Bench row "Parquet read via fsspec": pyarrow reading a Parquet file from ``ais://`` through
``AISFileSystem``, against reading the same bytes with plain ranged GETs of fsspec's default block
size (5 MiB, ``AbstractBufferedFile.DEFAULT_BLOCK_SIZE``).

Clients (each measurement a fresh subprocess of the dev venv, which has pyarrow; only the read
itself is timed):

* ``ours``: ``pq.read_table("bench-parquet/x.parquet", filesystem=AISFileSystem(...))``, the
  file opened with our ``aisreadahead`` cache (kept footer, growing readahead window);
* ``ours:readahead``: the same with fsspec's stock ``readahead`` cache (``cache_type="readahead"``),
  the behaviour s3fs/gcsfs users get by default;
* ``ceiling``: the file's bytes, start to end, in sequential ranged GETs of 5 MiB through plain
  httpx (no aistore_hl, redirects followed) — the transfer with no decoding at all;
* ``ranged:hl``: those 5 MiB ranged GETs through aistore_hl's ``Object.get(byte_range=...)``
  (direct reads from the owning target, as ``ours`` does);
* ``bytes``: the file's bytes, start to end, read in 5 MiB pieces from ``AISFileSystem.open``
  (our file object and cache, no decoding): the same work as ``ceiling``, through fsspec;
* ``col`` / ``col:readahead``: one column of three, row group after row group without
  pre-buffering (``ParquetFile(f, pre_buffer=False).read(columns=[...])``), with our cache and
  with fsspec's ``readahead``: reads that jump, where the caches differ. The MB/s of these two
  is still the whole file's size over the time.

The figure is MB/s of the file's size over the wall time of the read; each result also counts
the GETs sent. ``bench.run`` runs it as case ``fsspec`` (its table rows); alone::

    AIS_ENDPOINT=http://127.0.0.1:8080 .venv/bin/python -m bench.cases.fsspec_parquet [--mib 64] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
from typing import Any

from bench import env
from bench.cases.base import Ctx, rot
from bench.report import Check, Results, Row

ROOT = env.ROOT
OUT = ROOT / "docs" / "bench" / "fsspec.json"
BUCKET, OBJ = "bench-parquet", "x.parquet"
CASE = "fsspec_parquet"
BLOCK = 5 << 20  # fsspec's default block size (AbstractBufferedFile.DEFAULT_BLOCK_SIZE)
PY = env.DEV_PY

WORKER = r"""
import json, sys, time
mode, endpoint, bucket, obj, block = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
out = {"ok": True}
if mode in ("ours", "ours:readahead", "col", "col:readahead", "bytes"):
    import pyarrow.dataset  # read_table's own lazy import: loaded before the clock starts
    import pyarrow.parquet as pq
    from aistore_hl.fs import AISFileSystem
    fs = AISFileSystem(endpoint, skip_instance_cache=True)
    gets = [0]
    fetch = fs._fetch_range
    def counted(*a, **k):
        gets[0] += 1
        return fetch(*a, **k)
    fs._fetch_range = counted
    path = f"{bucket}/{obj}"
    size = fs.info(path)["size"]
    t = time.perf_counter()
    if mode == "ours":
        table = pq.read_table(path, filesystem=fs)
    elif mode == "bytes":  # the same bytes, start to end, through our file object: no decoding
        with fs.open(path, "rb") as f:
            n = 0
            while chunk := f.read(block):
                n += len(chunk)
        assert n == size, (n, size)
        table = None
    elif mode == "ours:readahead":
        with fs.open(path, "rb", cache_type="readahead") as f:
            table = pq.read_table(f)
    else:  # one column, row group after row group, no pre-buffering: the reads jump
        cache = "readahead" if mode == "col:readahead" else "aisreadahead"
        with fs.open(path, "rb", cache_type=cache) as f:
            table = pq.ParquetFile(f, pre_buffer=False).read(columns=["value"])
    out.update(seconds=time.perf_counter() - t, bytes=size, gets=gets[0], rows=table.num_rows if table else 0)
    del table
    fs.client.close()
elif mode == "ceiling":
    import httpx
    with httpx.Client(base_url=endpoint, follow_redirects=True, timeout=60) as c:
        size = int(c.head(f"/v1/objects/{bucket}/{obj}").headers["content-length"])
        t = time.perf_counter()
        n = got = 0
        for start in range(0, size, block):
            rng = {"Range": f"bytes={start}-{min(size, start + block) - 1}"}
            r = c.get(f"/v1/objects/{bucket}/{obj}", headers=rng)
            got += len(r.content)
            n += 1
        out.update(seconds=time.perf_counter() - t, bytes=size, gets=n)
        assert got == size, (got, size)
elif mode == "ranged:hl":
    from aistore_hl import Client
    with Client(endpoint) as c:
        o = c.bucket(bucket).object(obj)
        size = o.head().size
        t = time.perf_counter()
        n = got = 0
        for start in range(0, size, block):
            with o.get(byte_range=(start, min(size, start + block) - 1), verify_checksum=False) as s:
                got += len(s.read_all())
            n += 1
        out.update(seconds=time.perf_counter() - t, bytes=size, gets=n)
        assert got == size, (got, size)
print(json.dumps(out), flush=True)
# pyarrow (25, 26) aborts ~1 exit in 3 after reading through a Python filesystem, fsspec's own
# MemoryFileSystem included ("terminate called without an active exception", apache/arrow#39162):
# the result is printed, so leave without the interpreter's teardown.
import os
os._exit(0)
"""

CLIENTS = ("ours", "ours:readahead", "ceiling", "ranged:hl", "bytes", "col", "col:readahead")


def ensure_file(endpoint: str, mib: int, seed: int = 42) -> int:
    """Upload the seeded Parquet file (about ``mib`` MiB, 8 row groups) unless it is there; its size."""
    from aistore_hl import Client
    from aistore_hl.errors import NotFound

    with Client(endpoint) as c:
        b = c.bucket(BUCKET)
        try:
            b.head()
        except NotFound:
            b.create()
        want = f"{mib}:{seed}"
        try:
            hdr = b.object(OBJ).head()
            if (
                hdr.custom_metadata.get("bench") == want
                or b.object(OBJ + ".tag").get().read_all() == want.encode()
            ):
                return int(hdr.size or 0)
        except NotFound:
            pass
        import numpy as np
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        rng = np.random.default_rng(seed)
        rows = mib * (1 << 20) // 24  # three 8-byte columns, little compression on random data
        table = pa.table(
            {
                "id": np.arange(rows, dtype=np.int64),
                "value": rng.standard_normal(rows),
                "bucket": rng.integers(0, 1 << 40, rows, dtype=np.int64),
            }
        )
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink, row_group_size=max(1, rows // 8), compression="snappy")
        data = sink.getvalue().to_pybytes()
        b.object(OBJ).put(content=data)
        b.object(OBJ + ".tag").put(content=want.encode())
        return len(data)


def measure(client: str, endpoint: str) -> dict[str, Any]:
    """One read by ``client`` in a fresh subprocess: {"seconds", "bytes", "gets", ...}."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "generated")]),
        "NO_PROXY": "127.0.0.1,localhost",
    }
    r = subprocess.run(
        [PY, "-c", WORKER, client, endpoint, BUCKET, OBJ, str(BLOCK)],
        capture_output=True, text=True, env=env, check=False, timeout=600,
    )  # fmt: skip
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("{")]
    if r.returncode or not lines:
        raise OSError(f"fsspec case {client}: rc={r.returncode} {r.stderr[-1500:]}")
    res: dict[str, Any] = json.loads(lines[-1])
    return res


def mbps(res: dict[str, Any]) -> float:
    return float(res["bytes"]) / float(res["seconds"]) / 1e6


# -- bench.run integration ------------------------------------------------------------------------
def bench_round(ctx: Ctx, r: int, warm: bool) -> None:
    """One round of the case in ``bench.run`` (clients rotated per round; round 0 discarded)."""
    if "fsspec_parquet_bytes" not in ctx.extra:
        mib = 16 if ctx.p.large_size < (1 << 30) else 64
        ctx.extra["fsspec_parquet_bytes"] = ensure_file(ctx.endpoint, mib, ctx.p.seed)
    for client in rot(list(CLIENTS), r):
        try:
            res = measure(client, ctx.endpoint)
        except (OSError, subprocess.TimeoutExpired) as e:
            ctx.extra.setdefault("errors", []).append(f"fsspec {client}: {str(e)[:600]}")
            continue
        if not warm:
            ctx.add(CASE, client, res)


def rows(res: Results) -> list[Row]:
    """The table rows of ``bench.run``."""
    m, ratio = res.m, res.ratio
    if m(CASE, "ours") is None:
        return []
    size = res.extra.get("fsspec_parquet_bytes", 0) / (1 << 20)
    runs = res.samples.get(CASE, {})
    gets = {c: statistics.median(x["gets"] for x in runs[c]) or None for c in CLIENTS if runs.get(c)}
    return [
        Row(
            case=f"Parquet read via fsspec ({size:.0f} MiB, pyarrow read_table: ours {gets.get('ours', 0):g}"
            f" GETs, fsspec readahead cache {m(CASE, 'ours:readahead') or 0:.0f} MB/s; ceiling"
            f" {gets.get('ceiling', 0):g} GETs, via aistore_hl {m(CASE, 'ranged:hl') or 0:.0f} MB/s)",
            unit="MB/s",
            ours=m(CASE, "ours"),
            ceiling=m(CASE, "ceiling"),
            ceiling_name="plain ranged GETs of 5 MiB, no decoding",
            checks=[
                Check("ours/ranged GETs", ratio(CASE, "ours", "ceiling")),
                Check("ours/fsspec readahead", ratio(CASE, "ours", "ours:readahead")),
            ],
        ),
        Row(
            case="  Parquet file's bytes read through AISFileSystem.open, no decoding"
            f" ({gets.get('bytes', 0):g} GETs)",
            unit="MB/s",
            ours=m(CASE, "bytes"),
            ceiling=m(CASE, "ceiling"),
            ceiling_name="plain ranged GETs of 5 MiB",
            checks=[Check("ours/ranged GETs", ratio(CASE, "bytes", "ceiling"))],
        ),
        Row(
            case="  Parquet read via fsspec: one column, no pre-buffering (GETs: "
            + f"ours {gets.get('col', 0):g}, fsspec readahead {gets.get('col:readahead', 0):g});"
            + " official = fsspec's readahead cache",
            unit="MB/s",
            ours=m(CASE, "col"),
            official=m(CASE, "col:readahead"),
            checks=[Check("ours/fsspec readahead", ratio(CASE, "col", "col:readahead"))],
        ),
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mib", type=int, default=64)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    endpoint = os.environ.get("AIS_ENDPOINT", "http://127.0.0.1:8080")
    size = ensure_file(endpoint, args.mib)
    results: dict[str, list[dict[str, Any]]] = {c: [] for c in CLIENTS}
    ratios: dict[str, list[float]] = {
        "ours/ceiling": [], "ours/ours:readahead": [], "bytes/ceiling": [], "col/col:readahead": [],
    }  # fmt: skip
    for r in range(args.rounds + 1):  # round 0 warms up and is discarded
        k = r % len(CLIENTS)
        got = {c: measure(c, endpoint) for c in CLIENTS[k:] + CLIENTS[:k]}
        print(
            f"round {r}{' (warm-up)' if r == 0 else ''}: "
            + ", ".join(f"{c} {mbps(v):,.0f} MB/s ({v['gets']} GETs)" for c, v in got.items())
        )
        if r:
            for c, v in got.items():
                results[c].append(v)
            ratios["ours/ceiling"].append(mbps(got["ours"]) / mbps(got["ceiling"]))
            ratios["ours/ours:readahead"].append(mbps(got["ours"]) / mbps(got["ours:readahead"]))
            ratios["col/col:readahead"].append(mbps(got["col"]) / mbps(got["col:readahead"]))
            ratios["bytes/ceiling"].append(mbps(got["bytes"]) / mbps(got["ceiling"]))
    row = {
        "case": "Parquet read via fsspec",
        "file_bytes": size,
        "unit": "MB/s",
        "median": {c: statistics.median(mbps(v) for v in vs) for c, vs in results.items()},
        "gets": {c: statistics.median(v["gets"] for v in vs) for c, vs in results.items()},
        "ratio": {k: statistics.median(v) for k, v in ratios.items()},
        "rounds": args.rounds,
        "endpoint": endpoint,
    }
    OUT.write_text(json.dumps(row, indent=2) + "\n", encoding="utf-8")
    med, q = row["median"], row["ratio"]
    print(
        f"| Parquet read via fsspec ({size / (1 << 20):.0f} MiB) | ours {med['ours']:,.0f} | "
        f"fsspec readahead {med['ours:readahead']:,.0f} | "
        f"ranged GETs of 5 MiB (httpx) {med['ceiling']:,.0f} | "
        f"(aistore_hl) {med['ranged:hl']:,.0f} MB/s | ours/ranged {q['ours/ceiling']:.2f}x |"
    )
    print(
        f"| the same bytes through AISFileSystem.open | {med['bytes']:,.0f} MB/s"
        f" ({row['gets']['bytes']:g} GETs)"
        f" | {q['bytes/ceiling']:.2f}x the plain ranged GETs |"
    )
    print(
        f"| one column, no pre-buffer | ours {med['col']:,.0f} ({row['gets']['col']:g} GETs) | "
        f"fsspec readahead {med['col:readahead']:,.0f} ({row['gets']['col:readahead']:g} GETs) MB/s | "
        f"{q['col/col:readahead']:.2f}x |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
