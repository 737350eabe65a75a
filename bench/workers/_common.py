"""Shared helpers for the per-client bench workers (stdlib only: imported by both venvs).

A worker runs ONE measurement in a fresh process and prints ONE JSON line on stdout:
``{"ok": true, "seconds": ..., "bytes": ..., "ops": ..., ...}``. Only the operation itself is timed
(imports, client construction and data generation are not). Workers run from the repository root
as ``python -m bench.workers.<name>`` (bench/measure.py), so this module is ``bench.workers._common``.

The list case is written once, here (``list_case``; ``alist_case`` is its asyncio twin): a worker
only hands it the client's iteration, ``iterate(props, page_size)``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import threading
import time
import traceback
from collections.abc import AsyncIterable, Callable, Iterable, Sequence
from typing import Any, Protocol

KIB = 1024
MIB = 1024 * 1024


def parser(doc: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=doc)
    p.add_argument(
        "case", choices=["get_large", "download", "put_large", "get_small", "put_small", "list", "probe"]
    )
    p.add_argument("--endpoint", required=True)
    p.add_argument("--bucket", required=True)
    p.add_argument("--obj", default="big")
    p.add_argument("--file", help="local file for put_large; the destination for download")
    p.add_argument(
        "--workers", type=int, default=0, help="download: parallel parts; 0 = the client's default"
    )
    p.add_argument("--names-file", help="one object name per line (get_small / put_small)")
    p.add_argument("--size", type=int, default=16 * KIB)
    p.add_argument("--concurrency", type=int, default=32)
    p.add_argument("--chunk-size", type=int, default=0, help="0 = the client's default")
    p.add_argument(
        "--page-size", type=int, default=0, help="list: entries per page; 0 = the client's default"
    )
    p.add_argument("--pool", type=int, default=64, help="connection pool size")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--expect", type=int, default=0, help="expected total (bytes or entries); 0 = unchecked")
    p.add_argument(
        "--deadline",
        type=float,
        default=0.0,
        help="small cases: take no new item after this many seconds (0 = run all)",
    )
    p.add_argument("--via-proxy", action="store_true", help="ours: Client(direct_reads=False)")
    p.add_argument("--no-verify", action="store_true", help="ours: get(verify_checksum=False)")
    p.add_argument("--profile", default="", help="write a cProfile pstats dump of the timed section here")
    return p


def names(path: str) -> list[str]:
    with open(path) as f:
        return [ln.strip() for ln in f if ln.strip()]


def payloads(size: int, seed: int, n: int = 64) -> list[bytes]:
    """n distinct seeded payloads of ``size`` bytes; object i gets payloads[i % n]."""
    r = random.Random(seed)
    return [r.randbytes(size) for _ in range(n)]


def rss_kib() -> int:
    with open("/proc/self/status") as f:
        for ln in f:
            if ln.startswith("VmRSS:"):
                return int(ln.split()[1])
    return 0


def hwm_kib() -> int:
    with open("/proc/self/status") as f:
        for ln in f:
            if ln.startswith("VmHWM:"):
                return int(ln.split()[1])
    return 0


def reset_hwm() -> bool:
    """Reset the peak-RSS watermark (VmHWM) to the current RSS (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _minflt() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


class Timer:
    def __init__(self, profile: str = "") -> None:
        self.profile = profile
        self._prof: Any = None

    def __enter__(self) -> Timer:
        if self.profile:
            import cProfile

            self._prof = cProfile.Profile()
            self._prof.enable()
        self.flt0 = _minflt()
        self.cpu0 = time.process_time()
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.t0
        self.cpu = time.process_time() - self.cpu0
        self.minflt = _minflt() - self.flt0  # page faults: ~256 per MiB when buffers come from fresh pages
        if self._prof is not None:
            self._prof.disable()
            self._prof.dump_stats(self.profile)


def run_threads(
    n: int, items: Sequence[Any], fn: Callable[[Any], int], deadline: float = 0.0
) -> tuple[int, int]:
    """n threads, thread k handles items[k::n]; returns (ops done, sum of fn's results).

    With ``deadline`` (seconds, 0 = none) a thread takes no new item once that much time has
    passed since the start: a slow client then reports its rate over a capped run instead of
    stretching the whole bench. Re-raises the first error.
    """
    t_end = time.perf_counter() + deadline if deadline else 0.0
    if n == 1:  # inline: keeps cProfile (which is per-thread) meaningful
        ops = tot = 0
        for it in items:
            if t_end and time.perf_counter() > t_end:
                break
            tot += fn(it)
            ops += 1
        return ops, tot
    totals = [0] * n
    counts = [0] * n
    errors: list[BaseException] = []

    def work(k: int) -> None:
        t = c = 0
        try:
            for it in items[k::n]:
                if t_end and time.perf_counter() > t_end:
                    break
                t += fn(it)
                c += 1
        except BaseException as e:
            errors.append(e)
        totals[k] = t
        counts[k] = c

    threads = [threading.Thread(target=work, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return sum(counts), sum(totals)


def emit(result: dict[str, Any]) -> None:
    result.setdefault("ok", True)
    result.setdefault("python", sys.version.split()[0])
    result.setdefault("pid", os.getpid())
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


def main_guard(fn: Callable[[], dict[str, Any]]) -> None:
    try:
        emit(fn())
    except BaseException as e:
        emit({"ok": False, "error": f"{type(e).__name__}: {e}", "traceback": traceback.format_exc()[-4000:]})
        sys.exit(1)


def check(expect: int, got: int, what: str) -> None:
    if expect and got != expect:
        raise RuntimeError(f"{what}: expected {expect}, got {got}")


# ------------------------------------------------------------------------------------------------
# the list case
# ------------------------------------------------------------------------------------------------
LIST_PROPS = "name,size"


class Entry(Protocol):
    """What the list case reads of an entry (every client's entry type has both)."""

    @property
    def name(self) -> str: ...

    @property
    def size(self) -> int | None: ...


class _Listing:
    """Everything of the list case but the loop: the memory watermark, the timer, the result."""

    def __init__(self, a: argparse.Namespace) -> None:
        self.a = a
        self.rss0 = rss_kib()
        self.hwm_ok = reset_hwm()
        self.timer = Timer(a.profile)

    def result(self, n: int, total: int) -> dict[str, object]:
        peak = hwm_kib()
        check(self.a.expect, n, "entries")
        t = self.timer
        return {
            "seconds": t.seconds,
            "cpu": t.cpu,
            "ops": n,
            "bytes_listed": total,
            "rss0_kib": self.rss0,
            "peak_kib": peak,
            "rss_growth_kib": peak - self.rss0,
            "hwm_reset": self.hwm_ok,
        }


def list_case(a: argparse.Namespace, iterate: Callable[[str, int], Iterable[Entry]]) -> dict[str, object]:
    """Iterate the whole bucket, touching every entry's name and size; timed from the first request.

    ``iterate(props, page_size)``: the client's paged iteration (page size 0 = its default).
    """
    ls = _Listing(a)
    with ls.timer:
        n = 0
        total = 0
        for e in iterate(LIST_PROPS, a.page_size):
            n += 1
            total += e.size or 0
            _ = e.name
    return ls.result(n, total)


async def alist_case(
    a: argparse.Namespace, iterate: Callable[[str, int], AsyncIterable[Entry]]
) -> dict[str, object]:
    """``list_case`` for an asyncio client (``async for``; the same work per entry)."""
    ls = _Listing(a)
    with ls.timer:
        n = 0
        total = 0
        async for e in iterate(LIST_PROPS, a.page_size):
            n += 1
            total += e.size or 0
            _ = e.name
    return ls.result(n, total)
