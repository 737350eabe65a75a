"""Small objects (10,000 x 16 KiB; 1,000 with --quick), N-way: GET and PUT, aisloader as the ceiling."""

from __future__ import annotations

import time
from functools import partial

from bench import env
from bench.cases.base import B_SMALL, Ctx, Run, rot
from bench.measure import aisloader, run_worker
from bench.report import Check, Results, Row


def get_small(ctx: Ctx, r: int, warm: bool) -> None:
    names = ctx.small_names_warm if warm else ctx.small_names
    runs: list[Run] = []
    if (loader := ctx.loader) is not None:
        secs = max(2, ctx.p.aisloader_secs // (3 if warm else 1))
        runs.append(
            (
                "aisloader",
                lambda: aisloader(
                    loader,
                    ctx.endpoint,
                    B_SMALL,
                    put=False,
                    size=ctx.p.small_size,
                    workers=ctx.p.concurrency,
                    duration=f"{secs}s",
                ),
            )
        )
    variants = [(c, False) for c in [*ctx.ours_clients(), "official"]]
    if ctx.ours.direct_reads:  # also every read through the proxy (direct_reads=False): two requests per GET
        variants += [(c, True) for c in ctx.ours_clients()]
    for c, via_proxy in variants:
        runs.append(
            (
                f"{c}:proxy" if via_proxy else c,
                partial(
                    run_worker,
                    c,
                    "get_small",
                    ctx.endpoint,
                    B_SMALL,
                    names_file=names,
                    concurrency=ctx.p.concurrency,
                    pool=64,
                    size=ctx.p.small_size,
                    deadline=ctx.p.small_deadline,
                    via_proxy=via_proxy,
                ),
            )
        )
    for name, fn in rot(runs, r):
        res = ctx.attempt(f"get_small {name}", fn)
        if res and not warm:
            ctx.add("get_small", name, res)


def put_small(ctx: Ctx, r: int, warm: bool) -> None:
    """N-way PUTs; in the warm-up round through the counting relay (body bytes to the proxy)."""
    names = ctx.small_names_warm if warm else ctx.small_names
    count = len(names.read_text().split())
    relay = ctx.relay if warm else None
    ep = relay.endpoint if relay else ctx.endpoint
    runs: list[Run] = []
    if (loader := ctx.loader) is not None:
        runs.append(
            (
                "aisloader",
                lambda: aisloader(
                    loader,
                    ep,
                    "bench-put-aisloader",
                    put=True,
                    size=ctx.p.small_size,
                    workers=ctx.p.concurrency,
                    duration="600s",
                    maxputs=count,
                    seed=ctx.p.seed + r,
                ),
            )
        )
    for c in [*ctx.ours_clients(), "official"]:
        runs.append(
            (
                c,
                partial(
                    run_worker,
                    c,
                    "put_small",
                    ep,
                    f"bench-put-{c.replace('_', '-')}",
                    names_file=names,
                    concurrency=ctx.p.concurrency,
                    pool=64,
                    size=ctx.p.small_size,
                    seed=ctx.p.seed,
                    deadline=ctx.p.small_deadline,
                ),
            )
        )
    for name, fn in rot(runs, r):
        env.settle()
        if relay:
            relay.reset()
        res = ctx.attempt(f"put_small {name}", fn)
        if res is None:
            continue
        if relay:
            time.sleep(0.2)
            st = relay.stats.as_dict()
            st["objects"] = res.get("ops") or count
            ctx.extra.setdefault("proxy_bytes", {}).setdefault("put_small", {})[name] = st
        if not warm:
            ctx.add("put_small", name, res)


def rows(res: Results) -> list[Row]:
    m, ratio, p = res.m, res.ratio, res.p
    n_small = f"{p.small_count:,} x {p.small_size // env.KIB} KiB"
    out: list[Row] = []
    for case, verb in (("get_small", "GET"), ("put_small", "PUT")):
        cap = res.capped(case)
        out.append(
            Row(
                case=f"{verb} {n_small}, {p.concurrency}-way",
                unit="ops/s",
                ours=m(case, "ours"),
                ours_async=m(case, "ours_async"),
                official=m(case, "official"),
                ceiling=m(case, "aisloader"),
                ceiling_name="aisloader",
                capped=cap,
                checks=[
                    Check("ours/official", ratio(case, "ours", "official"), 2.0, ">="),
                    Check("async/official", ratio(case, "ours_async", "official"), 2.0, ">="),
                ],
            )
        )
        if case == "get_small" and m(case, "ours:proxy") is not None:
            out.append(
                Row(
                    case=f"  GET {n_small}, {p.concurrency}-way, ours direct_reads=False (via the proxy)",
                    unit="ops/s",
                    ours=m(case, "ours:proxy"),
                    ours_async=m(case, "ours_async:proxy"),
                    official=m(case, "official"),
                    ceiling=m(case, "aisloader"),
                    ceiling_name="aisloader",
                    capped=[k.split(":")[0] for k in cap if k.endswith(":proxy")]
                    + (["official"] if "official" in cap else []),
                    checks=[
                        Check("ours/official", ratio(case, "ours:proxy", "official")),
                        Check("async/official", ratio(case, "ours_async:proxy", "official")),
                    ],
                )
            )
    pbs = res.extra.get("proxy_bytes", {}).get("put_small", {})
    if pbs:

        def per_obj(client: str) -> float | None:
            st = pbs.get(client)
            return float(st["body_bytes"] / st["objects"]) if st else None

        out.append(
            Row(
                case="  PUT small: body bytes to the proxy per object",
                unit="bytes",
                ours=per_obj("ours"),
                ours_async=per_obj("ours_async"),
                official=per_obj("official"),
                ceiling=per_obj("aisloader"),
                ceiling_name="aisloader",
                integer=True,
            )
        )
    return out
