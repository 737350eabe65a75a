"""Large objects (1 GiB; 256 MiB with --quick): streamed GET, GET into a file, PUT from a file."""

from __future__ import annotations

import time
from functools import partial

from bench import env
from bench.cases.base import B_LARGE, B_PUT_LARGE, Ctx, Run, rot
from bench.measure import curl_download, curl_get, curl_put, run_worker
from bench.report import Check, Results, Row

#: get_large variants: (tag, chunk size or 0 for the client's default, ours without verification)
GET_VARIANTS = [(0, "default", False), (env.MIB, "1MiB", False)]
GET_NOVERIFY = [(0, "default-noverify", True), (env.MIB, "1MiB-noverify", True)]


def get_large(ctx: Ctx, r: int, warm: bool) -> None:
    url = f"{ctx.endpoint}/v1/objects/{B_LARGE}/big"
    size = ctx.p.large_size
    runs: list[Run] = [("curl", lambda: curl_get(url))]
    for c in [*ctx.ours_clients(), "official"]:
        # official and curl never verify: show ours without it too
        for cs, tag, nov in GET_VARIANTS + (GET_NOVERIFY if c.startswith("ours") else []):
            runs.append(
                (
                    f"{c}:{tag}",
                    partial(
                        run_worker,
                        c,
                        "get_large",
                        ctx.endpoint,
                        B_LARGE,
                        obj="big",
                        chunk_size=cs or None,
                        expect=size,
                        no_verify=nov,
                    ),
                )
            )
    for k in range(1 if warm else ctx.p.large_reps):
        ctx.slot = f"{r}.{k}"
        for name, fn in rot(runs, r):
            res = ctx.attempt(f"get_large {name}", ctx.with_cluster_cpu(fn))
            if res and not warm:
                ctx.add("get_large", name, res)


def download(ctx: Ctx, r: int, warm: bool) -> None:
    """1 GiB GET into a local file: ours ``download`` (parallel ranges, verified, atomic rename)
    against the official SDK's two ways to a file and ``curl -o``; dirty pages flushed before each."""
    url = f"{ctx.endpoint}/v1/objects/{B_LARGE}/big"
    size = ctx.p.large_size
    dest = ctx.workdir / "download.bin"
    runs: list[Run] = [("curl", lambda: curl_download(url, dest))]
    variants = {"ours": [("", 0), (":w4", 4)], "ours_async": [("", 0)], "official": [("", 0), (":w4", 4)]}
    for c in [*ctx.ours_clients(), "official"]:
        for tag, workers in variants.get(c, []):
            runs.append(
                (
                    f"{c}{tag}",
                    partial(
                        run_worker,
                        c,
                        "download",
                        ctx.endpoint,
                        B_LARGE,
                        obj="big",
                        file=str(dest),
                        workers=workers or None,
                        expect=size,
                    ),
                )
            )
    for k in range(1 if warm else ctx.p.large_reps):
        ctx.slot = f"{r}.{k}"
        for name, fn in rot(runs, r):
            env.settle()  # the previous download's writeback must not bill this one
            res = ctx.attempt(f"download {name}", fn)
            dest.unlink(missing_ok=True)
            if res and not warm:
                ctx.add("download", name, res)


def _put_large(ctx: Ctx, r: int, warm: bool, key: str, endpoint: str, counted: bool) -> None:
    """1 GiB PUT from a file; ``counted``: through the counting relay (the warm-up round)."""
    relay = ctx.relay if counted else None
    ep = relay.endpoint if relay else endpoint
    f = str(ctx.big_file)
    runs: list[Run] = [("curl", lambda: curl_put(f"{ep}/v1/objects/{B_PUT_LARGE}/curl", f))]
    for c in [*ctx.ours_clients(), "official"]:
        runs.append((c, partial(run_worker, c, "put_large", ep, B_PUT_LARGE, obj=c, file=f)))
    for k in range(1 if warm else ctx.p.large_reps):
        ctx.slot = f"{r}.{k}"
        for name, fn in rot(runs, r):
            env.settle()  # every PUT starts with no dirty pages from the previous one
            if relay:
                relay.reset()
            res = ctx.attempt(f"{key} {name}", fn)
            if res is None:
                continue
            if relay:
                time.sleep(0.2)  # let the relay threads drain
                ctx.extra.setdefault("proxy_bytes", {}).setdefault(key, {})[name] = relay.stats.as_dict()
            if not warm:
                ctx.add(key, name, res)


def put_large(ctx: Ctx, r: int, warm: bool) -> None:
    _put_large(ctx, r, warm, "put_large", ctx.endpoint, counted=warm)


def put_large_tmpfs(ctx: Ctx, r: int, warm: bool) -> None:
    """The same PUT to the second own cluster, whose mountpaths are in /dev/shm (skipped without it)."""
    if ctx.tmpfs_endpoint:
        _put_large(ctx, r, warm, "put_large_tmpfs", ctx.tmpfs_endpoint, counted=False)


def size_text(large_size: int) -> str:
    return f"{large_size / (1 << 30):g} GiB" if large_size >= 1 << 30 else f"{large_size / env.MIB:g} MiB"


def rows(res: Results) -> list[Row]:
    m, ratio, stat = res.m, res.ratio, res.stat
    size = size_text(res.p.large_size)
    out: list[Row] = []
    for tag, label in (
        ("default", "default chunk size"),
        ("default-noverify", "default chunk size, ours verify_checksum=False"),
        ("1MiB", "chunk_size=1 MiB"),
        ("1MiB-noverify", "chunk_size=1 MiB, ours verify_checksum=False"),
    ):
        offtag = tag.removesuffix("-noverify")
        out.append(
            Row(
                case=f"GET {size} stream, {label}",
                unit="MB/s",
                ours=m("get_large", f"ours:{tag}"),
                ours_async=m("get_large", f"ours_async:{tag}"),
                official=m("get_large", f"official:{offtag}"),
                ceiling=m("get_large", "curl"),
                ceiling_name="curl -L",
                checks=[
                    Check("ours/curl", ratio("get_large", f"ours:{tag}", "curl"), 0.9, ">="),
                    Check(
                        "ours/official", ratio("get_large", f"ours:{tag}", f"official:{offtag}"), 1.2, ">="
                    ),
                ],
            )
        )
    if stat("get_large", "curl", "cpu_s") is not None:
        # Why verification costs throughput here: the client's CPU per GiB (hashing included) is
        # what a single reading thread has to spend, next to the target's on the same 2 cores.
        out.append(
            Row(
                case=f"  GET {size}, default chunk size: client CPU seconds (cluster's in checks)",
                unit="s",
                ours=stat("get_large", "ours:default", "cpu_s"),
                ours_async=stat("get_large", "ours_async:default", "cpu_s"),
                official=stat("get_large", "official:default", "cpu_s"),
                ceiling=stat("get_large", "curl", "cpu_s"),
                ceiling_name="curl -L",
                checks=[
                    Check(
                        "ours verify_checksum=False",
                        stat("get_large", "ours:default-noverify", "cpu_s"),
                        op="s",
                    ),
                    Check("cluster, ours", stat("get_large", "ours:default", "cluster_cpu_s"), op="s"),
                    Check("cluster, curl", stat("get_large", "curl", "cluster_cpu_s"), op="s"),
                ],
            )
        )
    if m("download", "ours") is not None:
        out.append(
            Row(
                case=f"GET {size} into a local file: ours download(), official get_reader(writer=f)",
                unit="MB/s",
                ours=m("download", "ours"),
                ours_async=m("download", "ours_async"),
                official=m("download", "official"),
                ceiling=m("download", "curl"),
                ceiling_name="curl -L -o",
                checks=[
                    Check("ours/curl", ratio("download", "ours", "curl")),
                    Check("ours/official", ratio("download", "ours", "official")),
                    Check("ours num_workers=4", m("download", "ours:w4"), op="n"),
                    Check("official num_workers=4", m("download", "official:w4"), op="n"),
                    Check("num_workers=4: ours/official", ratio("download", "ours:w4", "official:w4")),
                ],
            )
        )
    out.append(
        Row(
            case=f"PUT {size} from a file",
            unit="MB/s",
            ours=m("put_large", "ours"),
            ours_async=m("put_large", "ours_async"),
            official=m("put_large", "official"),
            ceiling=m("put_large", "curl"),
            ceiling_name="curl -T -L",
            checks=[
                Check("ours/curl", ratio("put_large", "ours", "curl"), 0.9, ">="),
                Check("ours/official", ratio("put_large", "ours", "official")),
            ],
        )
    )
    if m("put_large_tmpfs", "ours") is not None:
        out.append(
            Row(
                case=f"  PUT {size} from a file, to a cluster with tmpfs mountpaths (no disk)",
                unit="MB/s",
                ours=m("put_large_tmpfs", "ours"),
                ours_async=m("put_large_tmpfs", "ours_async"),
                official=m("put_large_tmpfs", "official"),
                ceiling=m("put_large_tmpfs", "curl"),
                ceiling_name="curl -T -L",
                checks=[
                    Check("ours/curl", ratio("put_large_tmpfs", "ours", "curl"), 0.9, ">="),
                    Check("ours/official", ratio("put_large_tmpfs", "ours", "official")),
                ],
            )
        )
    pb = res.extra.get("proxy_bytes", {}).get("put_large", {})

    def body(client: str) -> float | None:
        v: float | None = pb[client]["body_bytes"] if client in pb else None
        return v

    out.append(
        Row(
            case=f"  PUT {size}: body bytes the proxy received",
            unit="bytes",
            ours=body("ours"),
            ours_async=body("ours_async"),
            official=body("official"),
            ceiling=body("curl"),
            ceiling_name="curl -T -L",
            integer=True,
            checks=[Check("ours == 0", body("ours"), 0, "==")],
        )
    )
    return out
