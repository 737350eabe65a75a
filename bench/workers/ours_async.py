"""Bench worker for our asyncio client (``aistore_hl.AsyncClient``). Runs in .venv.

Concurrency = N asyncio tasks on one event loop, task k handling items[k::N] (the same split the
thread workers use). Same public surface as the sync worker, with awaits.
"""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any

from bench.workers import _common as cm


async def _tasks(n: int, items: list[Any], fn: Any, deadline: float = 0.0) -> tuple[int, int]:
    """n tasks, task k handles items[k::n]; (ops done, sum of results); same deadline rule as threads."""
    t_end = time.perf_counter() + deadline if deadline else 0.0

    async def work(k: int) -> tuple[int, int]:
        t = c = 0
        for it in items[k::n]:
            if t_end and time.perf_counter() > t_end:
                break
            t += await fn(it)
            c += 1
        return c, t

    res = await asyncio.gather(*(work(k) for k in range(n)))
    return sum(c for c, _ in res), sum(t for _, t in res)


async def arun() -> dict[str, object]:
    a = cm.parser(__doc__ or "").parse_args()
    import aistore_hl
    from aistore_hl import AsyncClient

    res: dict[str, object] = {"client": f"aistore_hl {getattr(aistore_hl, '__version__', '?')} async"}
    try:
        extra: dict[str, Any] = {"direct_reads": False} if a.via_proxy else {}
        client_cm = AsyncClient(a.endpoint, max_pool_size=a.pool, **extra)
    except TypeError:  # no pool knob: its default
        client_cm = AsyncClient(a.endpoint)
    async with client_cm as client:
        bck = client.bucket(a.bucket)
        if a.case == "probe":
            return res

        if a.case == "get_large":
            obj = bck.object(a.obj)
            kw: dict[str, Any] = {"chunk_size": a.chunk_size} if a.chunk_size else {}
            if a.no_verify:
                kw["verify_checksum"] = False
            with cm.Timer(a.profile) as t:
                n = 0
                s = await obj.get(**kw)
                async with s:
                    async for chunk in s:
                        n += len(chunk)
            cm.check(a.expect, n, "bytes")
            res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n)
            return res

        if a.case == "download":
            obj = bck.object(a.obj)
            dkw: dict[str, Any] = {"num_workers": a.workers} if a.workers else {}
            if a.no_verify:
                dkw["verify_checksum"] = False
            with cm.Timer(a.profile) as t:
                await obj.download(a.file, **dkw)
            n = os.path.getsize(a.file)
            cm.check(a.expect, n, "bytes")
            res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n)
            return res

        if a.case == "put_large":
            obj = bck.object(a.obj)
            size = os.path.getsize(a.file)
            with cm.Timer(a.profile) as t:
                await obj.put(path=a.file)
            res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=size)
            return res

        if a.case == "get_small":
            names = cm.names(a.names_file)

            async def get1(name: str) -> int:
                s = await bck.object(name).get()
                return len(await s.read_all())

            with cm.Timer(a.profile) as t:
                ops, n = await _tasks(a.concurrency, names, get1, a.deadline)
            cm.check(ops * a.size, n, "bytes")
            res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n, ops=ops, planned=len(names))
            return res

        if a.case == "put_small":
            names = cm.names(a.names_file)
            data = cm.payloads(a.size, a.seed)
            idx = {nm: i for i, nm in enumerate(names)}

            async def put1(name: str) -> int:
                body = data[idx[name] % len(data)]
                await bck.object(name).put(content=body)
                return len(body)

            with cm.Timer(a.profile) as t:
                ops, n = await _tasks(a.concurrency, names, put1, a.deadline)
            res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n, ops=ops, planned=len(names))
            return res

        if a.case == "list":
            res.update(
                await cm.alist_case(
                    a, lambda props, page_size: bck.list_objects_iter(props=props, page_size=page_size)
                )
            )
            return res

    raise SystemExit(f"unknown case {a.case}")


def run() -> dict[str, object]:
    return asyncio.run(arun())


if __name__ == "__main__":
    cm.main_guard(run)
