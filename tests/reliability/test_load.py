"""Load: 64 concurrent workers of mixed operations on the real session cluster, sync and async.

Each worker owns a name prefix and does a weighted mix of PUT (30 %), GET (30 %, content
compared), HEAD (15 %, size compared), list (10 %, one page of its prefix) and DELETE (15 %).
Checked: no error at all; no file descriptor or TCP connection left after ``close()``; bounded
memory (peak RSS over the baseline); ops/s, fds before/after and peak RSS are printed and written
to the fault-matrix file.

* ``make test``: 64 workers x 30 ops (sync) and x 15 ops (async), under a minute together.
* ``make soak`` (``-m soak``): 64 workers x 5,000 ops each, sync and async (``AIS_SOAK_OPS``
  changes the 5,000). Expect ~20 min for the sync run and over an hour for the async one on a
  2-core machine that also runs the cluster.
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from aistore_hl import AsyncClient, Client
from aistore_hl.errors import AISException

from .harness import FaultMatrix
from .support import RssSampler, open_fds, target_ports, tcp_connections_to

WORKERS = 64
# make test: small enough for < 60 s on a busy 2-core machine (AsyncClient is CPU-bound in
# httpcore's connection pool at 64-way concurrency: ~15 ms of client CPU per operation).
SMALL_OPS = {"sync": 30, "async": 15}
SOAK_OPS = int(os.environ.get("AIS_SOAK_OPS", "5000"))  # per worker
MAX_RSS_GROWTH = 400 * 1024 * 1024

_POOL = random.Random(7).randbytes(2 * 1024 * 1024)
_WEIGHTS = (("put", 30), ("get", 30), ("head", 15), ("list", 10), ("delete", 15))


def _size(rnd: random.Random) -> int:
    r = rnd.random()
    if r < 0.70:
        return rnd.randint(0, 4096)
    if r < 0.97:
        return rnd.randint(4097, 64 * 1024)
    return rnd.randint(64 * 1024, 1024 * 1024)


def _content(name: str, spec: tuple[int, int]) -> bytes:
    off, size = spec
    return name.encode() + _POOL[off : off + size]


@dataclass
class Result:
    ops: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def done(self, op: str) -> None:
        with self.lock:
            self.ops += 1
            self.counts[op] = self.counts.get(op, 0) + 1

    def fail(self, op: str, detail: str) -> None:
        with self.lock:
            self.errors.append(f"{op}: {detail}")


class Worker:
    """The op mix of one worker, shared by the sync and async runs (the I/O is passed in)."""

    def __init__(self, wid: int, seed: int) -> None:
        self.wid = wid
        self.rnd = random.Random(seed * 1000 + wid)
        self.live: dict[str, tuple[int, int]] = {}  # name -> (pool offset, size): regenerable
        self.ops = [name for name, w in _WEIGHTS for _ in range(w)]
        self.n = 0

    @property
    def prefix(self) -> str:
        return f"w{self.wid:02d}/"

    def next(self) -> tuple[str, str, tuple[int, int] | None]:
        op = self.rnd.choice(self.ops)
        if op in ("get", "head", "delete") and not self.live:
            op = "put"
        if op == "put":
            self.n += 1
            name = f"{self.prefix}{self.n:05d}"
            size = _size(self.rnd)
            spec = (self.rnd.randint(0, len(_POOL) - size), size)
            return op, name, spec
        if op == "list":
            return op, self.prefix, None
        name = self.rnd.choice(list(self.live))
        return op, name, self.live[name]


def _run_sync(endpoint: str, bucket: str, ops_per_worker: int, result: Result) -> None:
    with Client(endpoint, max_pool_size=WORKERS) as client:
        b = client.bucket(bucket)

        def work(wid: int) -> None:
            w = Worker(wid, 1)
            for _ in range(ops_per_worker):
                op, name, spec = w.next()
                try:
                    if op == "put":
                        assert spec is not None
                        b.object(name).put(content=_content(name, spec))
                        w.live[name] = spec
                    elif op == "get":
                        assert spec is not None
                        if b.object(name).get().read_all() != _content(name, spec):
                            result.fail(op, f"{name}: content differs")
                    elif op == "head":
                        assert spec is not None
                        if b.object(name).head().size != len(_content(name, spec)):
                            result.fail(op, f"{name}: size differs")
                    elif op == "list":
                        page = b.list_objects(prefix=name, page_size=100)
                        if not all(e.name.startswith(name) for e in page.entries or []):
                            result.fail(op, "foreign entry")
                    else:
                        b.object(name).delete()
                        del w.live[name]
                except AISException as exc:
                    result.fail(op, f"{type(exc).__name__}: {exc}")
                result.done(op)

        threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(WORKERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=1800)
        assert not any(t.is_alive() for t in threads), "a worker hung"


def _run_async(endpoint: str, bucket: str, ops_per_worker: int, result: Result) -> None:
    async def main() -> None:
        async with AsyncClient(endpoint, max_pool_size=WORKERS) as client:
            b = client.bucket(bucket)

            async def work(wid: int) -> None:
                w = Worker(wid, 2)
                for _ in range(ops_per_worker):
                    op, name, spec = w.next()
                    try:
                        if op == "put":
                            assert spec is not None
                            await b.object(name).put(content=_content(name, spec))
                            w.live[name] = spec
                        elif op == "get":
                            assert spec is not None
                            got = await (await b.object(name).get()).read_all()
                            if got != _content(name, spec):
                                result.fail(op, f"{name}: content differs")
                        elif op == "head":
                            assert spec is not None
                            if (await b.object(name).head()).size != len(_content(name, spec)):
                                result.fail(op, f"{name}: size differs")
                        elif op == "list":
                            page = await b.list_objects(prefix=name, page_size=100)
                            if not all(e.name.startswith(name) for e in page.entries or []):
                                result.fail(op, "foreign entry")
                        else:
                            await b.object(name).delete()
                            del w.live[name]
                    except AISException as exc:
                        result.fail(op, f"{type(exc).__name__}: {exc}")
                    result.done(op)

            await asyncio.gather(*(work(i) for i in range(WORKERS)))

    asyncio.run(main())


def _measure(
    label: str, endpoint: str, bucket: str, ops: int, run: Callable[..., None], fault_matrix: FaultMatrix
) -> None:
    ports = {int(endpoint.rsplit(":", 1)[1]), *target_ports(endpoint)}
    gc.collect()
    fds_before = open_fds()
    conns_before = tcp_connections_to(ports)
    result = Result()
    with RssSampler() as rss:
        t0 = time.monotonic()
        run(endpoint, bucket, ops, result)
        elapsed = time.monotonic() - t0
    gc.collect()
    time.sleep(0.2)
    fds_after = open_fds()
    conns_after = tcp_connections_to(ports)
    rate = result.ops / elapsed
    growth = rss.peak - rss.baseline
    line = (
        f"| {label} | {result.ops} ({WORKERS} x {ops}) | {rate:,.0f} | {len(result.errors)} | "
        f"{fds_before} -> {fds_after} | {conns_before} -> {conns_after} | "
        f"{rss.peak / 2**20:.0f} MiB (+{growth / 2**20:.0f} MiB) |"
    )
    print(
        f"\n{label}: {result.ops} ops in {elapsed:.1f}s = {rate:,.0f} ops/s; mix {result.counts}; "
        f"errors {len(result.errors)}; fds {fds_before} -> {fds_after}; TCP connections to the cluster "
        f"{conns_before} -> {conns_after}; RSS baseline {rss.baseline / 2**20:.0f} MiB, "
        f"peak {rss.peak / 2**20:.0f} MiB"
    )
    fault_matrix.add_load(line)
    assert not result.errors, result.errors[:20]
    assert result.ops == WORKERS * ops
    assert fds_after <= fds_before, f"file descriptors leaked: {fds_before} -> {fds_after}"
    assert conns_after <= conns_before, f"connections left open: {conns_before} -> {conns_after}"
    assert growth < MAX_RSS_GROWTH, f"RSS grew by {growth / 2**20:.0f} MiB"


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_load_small(
    kind: str, ais_endpoint: str, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    run = _run_sync if kind == "sync" else _run_async
    _measure(
        f"{kind} (Client)" if kind == "sync" else "async (AsyncClient)",
        ais_endpoint,
        bucket_factory("load"),
        SMALL_OPS[kind],
        run,
        fault_matrix,
    )


@pytest.mark.soak
@pytest.mark.timeout(4 * 3600)
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_load_soak(
    kind: str, ais_endpoint: str, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    run = _run_sync if kind == "sync" else _run_async
    _measure(f"soak {kind}", ais_endpoint, bucket_factory("soak"), SOAK_OPS, run, fault_matrix)
