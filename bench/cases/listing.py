"""Listing (100,000 objects; 20,000 with --quick): every client's paged iteration, and the cluster's pace.

Ours asks for ``Params.list_page_size`` (40,000) entries per page on ais:// (const.ITER_PAGE_SIZE_AIS),
the official SDK for the server default 10,000: it also runs with ours' page size, to separate the
two effects. The ceiling sends the same page requests with no client work but reading the token
(bench/workers/ceiling_list.py), at ours' page size (the faster) and at the server default. The
workers share one listing loop (bench/workers/_common.py ``list_case``).
"""

from __future__ import annotations

from functools import partial

from bench.cases.base import B_LIST, Ctx, Run, rot
from bench.measure import run_worker
from bench.report import Check, Results, Row


def list_round(ctx: Ctx, r: int, warm: bool) -> None:
    n, ep, big = ctx.p.list_count, ctx.endpoint, ctx.p.list_page_size
    runs: list[Run] = [
        (c, partial(run_worker, c, "list", ep, B_LIST, expect=n)) for c in [*ctx.ours_clients(), "official"]
    ]
    runs.append(("official:big", lambda: run_worker("official", "list", ep, B_LIST, expect=n, page_size=big)))
    runs.append(("ceiling", lambda: run_worker("ceiling_list", "list", ep, B_LIST, expect=n, page_size=big)))
    runs.append(("ceiling:10k", lambda: run_worker("ceiling_list", "list", ep, B_LIST, expect=n)))
    for name, fn in rot(runs, r):
        res = ctx.attempt(f"list {name}", ctx.with_cluster_cpu(fn))
        if res and not warm:
            ctx.add("list", name, res)


def rows(res: Results) -> list[Row]:
    m, ratio, stat = res.m, res.ratio, res.stat
    count, page = f"{res.p.list_count:,}", f"{res.p.list_page_size:,}"
    out = [
        Row(
            case=f"List {count} objects",
            unit="entries/s",
            ours=m("list", "ours"),
            ours_async=m("list", "ours_async"),
            official=m("list", "official"),
            ceiling=m("list", "ceiling"),
            ceiling_name=f"pages only, {page}/page",
            checks=[
                Check("ours/official", ratio("list", "ours", "official"), 3.0, ">="),
                Check("async/official", ratio("list", "ours_async", "official"), 3.0, ">="),
                Check("ours/pages-only", ratio("list", "ours", "ceiling")),
                Check("official/pages-only", ratio("list", "official", "ceiling")),
            ],
        )
    ]
    if m("list", "official:big") is not None:
        out.append(
            Row(
                case=f"  List {count}: official with page_size={page} (ours' default);"
                " ceiling at the server default 10,000/page",
                unit="entries/s",
                official=m("list", "official:big"),
                ceiling=m("list", "ceiling:10k"),
                ceiling_name="pages only, 10,000/page",
                checks=[
                    Check("ours/this official", ratio("list", "ours", "official:big")),
                    Check("ours/10k pages-only", ratio("list", "ours", "ceiling:10k")),
                ],
            )
        )
    # Listing is paced by the cluster producing pages; the client's own CPU shows what decoding costs.
    cpu_ours, cpu_off = stat("list", "ours", "cpu_s"), stat("list", "official", "cpu_s")
    out.append(
        Row(
            case=f"  List {count}: client CPU seconds (the rest of the wall time is the cluster)",
            unit="s",
            ours=cpu_ours,
            ours_async=stat("list", "ours_async", "cpu_s"),
            official=cpu_off,
            checks=[Check("official/ours", cpu_off / cpu_ours if cpu_ours and cpu_off else None)],
        )
    )
    if stat("list", "ours", "cluster_cpu_s") is not None:
        # Where the rest of the wall time goes: the proxy and targets building pages on the same
        # 2 cores. Cores busy near 2 means no client can list faster on this machine.
        out.append(
            Row(
                case=f"  List {count}: cluster CPU seconds (proxy + targets, own cluster)",
                unit="s",
                ours=stat("list", "ours", "cluster_cpu_s"),
                ours_async=stat("list", "ours_async", "cluster_cpu_s"),
                official=stat("list", "official", "cluster_cpu_s"),
                ceiling=stat("list", "ceiling", "cluster_cpu_s"),
                ceiling_name="pages only",
                checks=[
                    Check("cores busy: ours", stat("list", "ours", "busy_cores"), op="n"),
                    Check("cores busy: official", stat("list", "official", "busy_cores"), op="n"),
                    Check("cores busy: pages only", stat("list", "ceiling", "busy_cores"), op="n"),
                ],
            )
        )

    def rss(client: str) -> float | None:
        return stat("list", client, "rss_growth_mb_max")

    out.append(
        Row(
            case="  List: peak RSS growth while iterating (max of runs)",
            unit="MB",
            ours=rss("ours"),
            ours_async=rss("ours_async"),
            official=rss("official"),
            checks=[
                Check("ours < 50 MB", rss("ours"), 50.0, "<"),
                Check("async < 50 MB", rss("ours_async"), 50.0, "<"),
            ],
        )
    )
    return out
