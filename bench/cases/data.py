"""The seeded data every run starts from (kept in the cluster between runs where it can be)."""

from __future__ import annotations

import random
import time
from pathlib import Path

from bench import aisutil, env
from bench.cases.base import B_LARGE, B_LIST, B_PUT_LARGE, B_SMALL, PUT_SMALL_BUCKETS, Ctx
from bench.measure import aisloader, curl_put


def make_big_file(path: Path, size: int, seed: int) -> None:
    if path.exists() and path.stat().st_size == size:
        return
    r = random.Random(seed)
    block = 64 * env.MIB
    with open(path, "wb") as f:
        left = size
        while left:
            n = min(block, left)
            f.write(r.randbytes(n))
            left -= n


def setup_data(ctx: Ctx) -> None:
    p, ep = ctx.p, ctx.endpoint
    t0 = time.monotonic()
    small = f"{p.small_count} x {p.small_size // env.KIB} KiB"
    env.log(f"seeded data: {p.large_size / env.MIB:.0f} MiB file, {small}, {p.list_count} objects to list")
    make_big_file(ctx.big_file, p.large_size, p.seed)
    for b in (B_LARGE, B_PUT_LARGE, B_SMALL, B_LIST, *PUT_SMALL_BUCKETS):
        aisutil.create_bucket(ep, b)
    curl_put(f"{ep}/v1/objects/{B_LARGE}/big", str(ctx.big_file))

    names = [f"obj-{i:05d}" for i in range(p.small_count)]
    ctx.small_names.write_text("\n".join(names) + "\n")
    ctx.small_names_warm.write_text("\n".join(names[: max(200, p.small_count // 10)]) + "\n")
    have = set(aisutil.list_names(ep, B_SMALL))
    todo = [n for n in names if n not in have]
    if todo:
        payloads = aisutil.seeded_payloads(p.small_size, p.seed)
        aisutil.populate(ep, B_SMALL, todo, lambda i: payloads[i % len(payloads)], threads=16)

    have_list = len(aisutil.list_names(ep, B_LIST))
    if have_list < p.list_count:
        need = p.list_count - have_list
        if ctx.loader:
            aisloader(
                ctx.loader,
                ep,
                B_LIST,
                put=True,
                size=256,
                workers=64,
                duration="900s",
                maxputs=need,
                seed=p.seed,
            )
        else:
            body = aisutil.seeded_payloads(256, p.seed, 1)[0]
            aisutil.populate(
                ep, B_LIST, [f"l/{i:07d}" for i in range(have_list, p.list_count)], lambda i: body, threads=32
            )
    got = len(aisutil.list_names(ep, B_LIST))
    if got != p.list_count:
        raise SystemExit(f"{B_LIST}: expected {p.list_count} objects, found {got}")
    env.log(f"setup done in {time.monotonic() - t0:.0f}s")
