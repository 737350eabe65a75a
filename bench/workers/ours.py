"""Bench worker for our sync client (``aistore_hl.Client``). Runs in .venv.

Uses the public surface only, with its defaults unless the runner passes a knob explicitly:
* streaming GET: ``o.get(chunk_size=...)`` iterated (``--chunk-size 0`` = the library default);
* download: ``o.download(path, num_workers=...)`` (``--workers 0`` = the default, 1; verified);
* small GET: ``o.get().read_all()``; PUT: ``o.put(path=...)`` / ``o.put(content=...)``;
* list: ``b.list_objects_iter()`` (props name,size; page size 0 = ours' default, 40,000 on ais://).
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

from bench.workers import _common as cm


def _versions() -> str:
    parts = []
    for mod in ("httpx", "aiohttp", "msgspec", "xxhash"):  # the sync transport is the stdlib
        with contextlib.suppress(Exception):
            parts.append(f"{mod} {__import__(mod).__version__}")
    return ", ".join(parts)


def run() -> dict[str, object]:
    a = cm.parser(__doc__ or "").parse_args()
    import aistore_hl
    from aistore_hl import Client

    extra: dict[str, Any] = {"direct_reads": False} if a.via_proxy else {}
    client = Client(a.endpoint, max_pool_size=a.pool, **extra)
    bck = client.bucket(a.bucket)
    res: dict[str, object] = {
        "client": f"aistore_hl {getattr(aistore_hl, '__version__', '?')}",
        "stack": _versions(),
    }

    if a.case == "probe":
        return res

    if a.case == "get_large":
        obj = bck.object(a.obj)
        kw: dict[str, Any] = {"chunk_size": a.chunk_size} if a.chunk_size else {}
        if a.no_verify:
            kw["verify_checksum"] = False
        with cm.Timer(a.profile) as t:
            n = 0
            with obj.get(**kw) as s:
                for chunk in s:
                    n += len(chunk)
        cm.check(a.expect, n, "bytes")
        res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n)
        return res

    if a.case == "download":
        obj = bck.object(a.obj)
        kw = {"num_workers": a.workers} if a.workers else {}
        if a.no_verify:
            kw["verify_checksum"] = False
        with cm.Timer(a.profile) as t:
            obj.download(a.file, **kw)
        n = os.path.getsize(a.file)
        cm.check(a.expect, n, "bytes")
        res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n)
        return res

    if a.case == "put_large":
        obj = bck.object(a.obj)
        size = os.path.getsize(a.file)
        with cm.Timer(a.profile) as t:
            obj.put(path=a.file)
        res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=size)
        return res

    if a.case == "get_small":
        names = cm.names(a.names_file)

        def get1(name: str) -> int:
            return len(bck.object(name).get().read_all())

        with cm.Timer(a.profile) as t:
            ops, n = cm.run_threads(a.concurrency, names, get1, a.deadline)
        cm.check(ops * a.size, n, "bytes")
        res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n, ops=ops, planned=len(names))
        return res

    if a.case == "put_small":
        names = cm.names(a.names_file)
        data = cm.payloads(a.size, a.seed)
        idx = {nm: i for i, nm in enumerate(names)}

        def put1(name: str) -> int:
            body = data[idx[name] % len(data)]
            bck.object(name).put(content=body)
            return len(body)

        with cm.Timer(a.profile) as t:
            ops, n = cm.run_threads(a.concurrency, names, put1, a.deadline)
        res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n, ops=ops, planned=len(names))
        return res

    if a.case == "list":
        res.update(
            cm.list_case(a, lambda props, page_size: bck.list_objects_iter(props=props, page_size=page_size))
        )
        return res

    raise SystemExit(f"unknown case {a.case}")


if __name__ == "__main__":
    cm.main_guard(run)
