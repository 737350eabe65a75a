"""What every case shares: the run's parameters, its context, and the round helpers."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bench import env
from bench.measure import MeasureError, Result
from tests.support.relay import CountingRelay

B_LARGE, B_PUT_LARGE, B_SMALL, B_LIST = "bench-large", "bench-put-large", "bench-small", "bench-list"
#: the buckets ``put_small`` writes into, one per client
PUT_SMALL_BUCKETS = ("bench-put-ours", "bench-put-ours-async", "bench-put-official", "bench-put-aisloader")

T = TypeVar("T")
#: one named measurement of a round: (client name, the call that measures it)
Run = tuple[str, Callable[[], Result]]


@dataclass
class Params:
    large_size: int
    small_count: int
    small_size: int
    list_count: int
    concurrency: int
    aisloader_secs: int
    rounds: int
    import_reps: int
    seed: int
    large_reps: int = 2  # measurements per client per round for the (cheap, noisy) 1 GiB cases
    small_deadline: float = 60.0  # cap per small-object measurement, seconds
    #: ours' iteration page size on ais:// (bench/run.py's ITER_PAGE_SIZE, kept in step by a unit test)
    list_page_size: int = 40_000


@dataclass
class Ctx:
    endpoint: str
    p: Params
    workdir: Path
    loader: Path | None
    ours: env.OursSupport
    samples: dict[str, dict[str, list[Result]]]  # case -> client -> per-round results
    extra: dict[str, Any]
    slot: str = ""  # "<round>.<repetition>": pairs measurements taken side by side
    tmpfs_endpoint: str = ""  # a second own cluster with tmpfs mountpaths (the put_large_tmpfs case)
    cluster_pids: list[int] = field(default_factory=list)  # our own cluster's aisnode processes
    relay: CountingRelay | None = None  # in front of the proxy port: the warm-up round's PUTs

    @property
    def big_file(self) -> Path:
        return self.workdir / "big.bin"

    @property
    def small_names(self) -> Path:
        return self.workdir / "small.txt"

    @property
    def small_names_warm(self) -> Path:
        return self.workdir / "small-warm.txt"

    def add(self, case: str, client: str, res: Result) -> None:
        self.samples.setdefault(case, {}).setdefault(client, []).append({**res, "slot": self.slot})

    def ours_clients(self, with_async: bool = True) -> list[str]:
        out = []
        if self.ours.sync:
            out.append("ours")
            if with_async and self.ours.asyncio:
                out.append("ours_async")
        return out

    def attempt(self, what: str, fn: Callable[[], Result]) -> Result | None:
        """``fn()``, or None with the error logged and kept in bench.json."""
        try:
            return fn()
        except (MeasureError, subprocess.TimeoutExpired, OSError) as e:
            env.log(f"FAILED {what}: {e}")
            self.extra.setdefault("errors", []).append(f"{what}: {str(e)[:600]}")
            return None

    def with_cluster_cpu(self, fn: Callable[[], Result]) -> Callable[[], Result]:
        """``fn`` whose result also says how much CPU the cluster used meanwhile (own cluster only)."""

        def run() -> Result:
            before = env.cluster_cpu_s(self.cluster_pids)
            res = fn()
            if self.cluster_pids and res.get("ok", True):
                res = {**res, "cluster_cpu": env.cluster_cpu_s(self.cluster_pids) - before}
            return res

        return run


def rot(items: list[T], r: int) -> list[T]:
    """``items`` rotated by the round number: every client takes every place in the order."""
    k = r % len(items) if items else 0
    return items[k:] + items[:k]


#: one round of a case: (context, round number, warm-up round?)
RoundFn = Callable[[Ctx, int, bool], None]
