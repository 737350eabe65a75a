"""Reporting: typed table rows, the summary of the samples, the table, the chart and bench.json.

A case family (``bench.cases.*``) turns a ``Results`` (the samples of a run, summarised) into
``Row``s; this module renders them. bench.json keeps the rows in the shape earlier runs wrote
(``checks`` as ``[name, value, target, op]``, ``verdicts`` as objects), so readers of
docs/bench/bench.json see no change; ``--render`` rebuilds everything from the samples.
"""

from __future__ import annotations

import json
import statistics
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypedDict

from bench.cases.base import Params
from bench.env import log
from bench.measure import Result

#: how a check's value is judged: against ``target`` (">=", "<=", "<", "=="), or shown only:
#: "" as a ratio (``1.23x``), "n" as a plain number, "s" as seconds
Op = Literal[">=", "<=", "<", "==", "", "n", "s"]
_JUDGED = {">=", "<=", "<", "=="}

#: the unit of each case's samples: MB/s, operations (objects, entries) per second, milliseconds
MBPS_CASES = ("get_large", "download", "put_large", "put_large_tmpfs", "fsspec_parquet")
OPS_CASES = ("get_small", "put_small", "list")
MS_CASES = ("import",)


@dataclass(frozen=True)
class Check:
    """One figure in a row's checks column, with an optional target."""

    name: str
    value: float | None
    target: float | None = None
    op: Op = ""

    @property
    def passed(self) -> bool | None:
        """True/False against the target; None when there is no target or no value."""
        if self.target is None or self.op not in _JUDGED or self.value is None:
            return None
        v, t = self.value, self.target
        return {">=": v >= t, "<=": v <= t, "<": v < t, "==": v == t}[self.op]

    def text(self) -> str:
        if self.name.endswith("== 0") or self.name.endswith("MB"):
            val = fmt(self.value, integer=self.name.endswith("== 0"))
        elif self.op in ("n", "s"):  # a plain number (in seconds: "s"), no target
            val = fmt(self.value) + (" s" if self.op == "s" else "")
        else:
            val = f"{self.value:.2f}x" if self.value is not None else "—"
        if self.target is None or not self.op:
            return f"{self.name} {val}"
        mark = {True: "PASS", False: "MISS", None: "n/a"}[self.passed]
        tgt = f"{self.op} {self.target:g}" + ("x" if self.op in (">=", "<=") else "")
        return f"{self.name} {val} ({tgt}) {mark}"

    def verdict_json(self) -> dict[str, Any]:
        judged = self.target is not None and bool(self.op)
        return {
            "name": self.name,
            "value": self.value,
            "target": self.target if judged else None,
            "op": self.op,
            "pass": self.passed,
        }


@dataclass
class Row:
    """One line of the table: each client's figure, the ceiling, and the checks."""

    case: str
    unit: str
    ours: float | None = None
    ours_async: float | None = None
    official: float | None = None
    ceiling: float | None = None
    ceiling_name: str = ""
    integer: bool = False  # figures shown without decimals
    capped: list[str] = field(default_factory=list)  # clients that hit the per-measurement cap
    checks: list[Check] = field(default_factory=list)

    @property
    def top_level(self) -> bool:
        """False for a detail row (its case text is indented); only top-level rows are charted."""
        return not self.case.startswith("  ")

    def figures(self) -> dict[str, float | None]:
        return {
            "ours": self.ours,
            "ours_async": self.ours_async,
            "official": self.official,
            "ceiling": self.ceiling,
        }

    def has_figures(self) -> bool:
        return any(v is not None for v in self.figures().values())

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "unit": self.unit,
            **self.figures(),
            "ceiling_name": self.ceiling_name,
            "integer": self.integer,
            "capped": self.capped,
            "checks": [[c.name, c.value, c.target, c.op] for c in self.checks],
            "verdicts": [c.verdict_json() for c in self.checks],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Row:
        return cls(
            case=d["case"],
            unit=d["unit"],
            ours=d.get("ours"),
            ours_async=d.get("ours_async"),
            official=d.get("official"),
            ceiling=d.get("ceiling"),
            ceiling_name=d.get("ceiling_name", ""),
            integer=bool(d.get("integer", False)),
            capped=list(d.get("capped", [])),
            checks=[Check(c[0], c[1], c[2], c[3]) for c in d.get("checks", [])],
        )


# ------------------------------------------------------------------------------------------------
# summarising the samples
# ------------------------------------------------------------------------------------------------
class ClientSummary(TypedDict, total=False):
    """One client's figures in one case (bench.json ``summary``)."""

    median: float | None
    values: list[float]
    n: int
    capped: bool
    cpu_s: float | None
    cpu_us_per_op: float | None
    rss_growth_mb_max: float
    rss_growth_mb_median: float | None
    cluster_cpu_s: float | None
    busy_cores: float | None


Samples = dict[str, dict[str, list[Result]]]
Summary = dict[str, dict[str, ClientSummary]]


def med(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def metric(case: str, res: Result) -> float:
    """A sample's figure in its case's unit."""
    if case in MBPS_CASES:
        return float(res["bytes"]) / float(res["seconds"]) / 1e6
    if case in OPS_CASES:
        return float(res["ops"]) / float(res["seconds"])
    if case in MS_CASES:
        return float(res["seconds"]) * 1e3
    raise KeyError(case)


def summarise_client(case: str, runs: list[Result]) -> ClientSummary:
    vals = [metric(case, x) for x in runs]
    row: ClientSummary = {
        "median": med(vals),
        "values": vals,
        "n": len(vals),
        "capped": any(x.get("ops", 0) < x.get("planned", 0) for x in runs),
    }
    cpu = [float(x["cpu"]) for x in runs if "cpu" in x]
    if cpu:
        cpu_s = med(cpu)
        row["cpu_s"] = cpu_s
        ops = runs[0].get("ops")
        row["cpu_us_per_op"] = cpu_s / ops * 1e6 if ops and cpu_s is not None else None
    if case == "list" and all("rss_growth_kib" in x for x in runs):
        row["rss_growth_mb_max"] = max(x["rss_growth_kib"] for x in runs) / 1024
        row["rss_growth_mb_median"] = med([x["rss_growth_kib"] / 1024 for x in runs])
    with_c = [x for x in runs if "cluster_cpu" in x]
    if with_c:
        row["cluster_cpu_s"] = med([float(x["cluster_cpu"]) for x in with_c])
        # cores kept busy: the cluster's CPU plus the client's own, over the wall time
        row["busy_cores"] = med([(x["cluster_cpu"] + x.get("cpu", 0.0)) / x["seconds"] for x in with_c])
    return row


def summarise(samples: Samples) -> Summary:
    return {
        case: {client: summarise_client(case, runs) for client, runs in clients.items()}
        for case, clients in samples.items()
    }


@dataclass
class Results:
    """A run's samples and what row builders ask of them: medians, statistics, paired ratios."""

    p: Params
    samples: Samples
    extra: dict[str, Any]
    summary: Summary = field(init=False)

    def __post_init__(self) -> None:
        self.summary = summarise(self.samples)

    def stat(self, case: str, client: str, key: str) -> float | None:
        v = self.summary.get(case, {}).get(client, {}).get(key)
        return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None

    def m(self, case: str, client: str) -> float | None:
        """The median of ``client`` in ``case`` (None if it was not measured)."""
        return self.stat(case, client, "median")

    def ratio(self, case: str, a: str, b: str) -> float | None:
        """Median over rounds of a/b, each ratio from two measurements taken side by side (same slot).

        Round-to-round drift on a shared 2-core box moves both clients together; pairing cancels it.
        """
        runs = self.samples.get(case, {})
        sa = {x["slot"]: metric(case, x) for x in runs.get(a, [])}
        sb = {x["slot"]: metric(case, x) for x in runs.get(b, [])}
        ratios = [sa[k] / sb[k] for k in sa.keys() & sb.keys() if sb[k]]
        return statistics.median(ratios) if ratios else None

    def capped(self, case: str) -> list[str]:
        """The clients of ``case`` that did not finish every object within the cap."""
        return [c for c, row in self.summary.get(case, {}).items() if row.get("capped")]


#: a case family's rows from a run's results
RowBuilder = Callable[[Results], list[Row]]


def build_rows(res: Results, builders: Iterable[RowBuilder]) -> list[Row]:
    """Every family's rows, in table order; rows with no figure at all are left out."""
    return [row for build in builders for row in build(res) if row.has_figures()]


# ------------------------------------------------------------------------------------------------
# rendering
# ------------------------------------------------------------------------------------------------
def fmt(v: float | None, integer: bool = False) -> str:
    if v is None:
        return "—"
    if integer:
        return f"{v:,.0f}"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def render_table(rows: list[Row]) -> str:
    head = ["case", "unit", "ours", "ours async", "official", "ceiling", "checks (target) -> verdict"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for r in rows:
        ceil = fmt(r.ceiling, r.integer)
        if r.ceiling is not None and r.ceiling_name:
            ceil += f" ({r.ceiling_name})"

        def val(key: str, v: float | None, r: Row = r) -> str:
            return fmt(v, r.integer) + ("*" if key in r.capped else "")

        cells = [
            r.case,
            r.unit,
            val("ours", r.ours),
            val("ours_async", r.ours_async),
            val("official", r.official),
            ceil,
            "; ".join(c.text() for c in r.checks) or "—",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if any(r.capped for r in rows):
        lines.append("")
        lines.append(
            "\\* this client did not finish all objects within the per-measurement cap; its rate is over the "
            "objects it did finish in that time (see bench.json `planned` vs `ops`)."
        )
    return "\n".join(lines)


def render_chart(rows: list[Row], path: Path, title: str) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("matplotlib missing: no chart")
        return False
    plot_rows = [r for r in rows if r.top_level]
    n = len(plot_rows)
    if n == 0:
        log("no top-level rows: no chart")
        return False
    cols = 3
    nrows = (n + cols - 1) // cols
    fig, axes = plt.subplots(nrows, cols, figsize=(5.2 * cols, 3.6 * nrows))
    colors = {"ours": "#2a7fd4", "ours async": "#7fb8ef", "official": "#e0803a", "ceiling": "#8c8c8c"}
    for ax, r in zip(axes.flat, plot_rows, strict=False):
        labels, vals = [], []
        for key, v in r.figures().items():
            if v is not None:
                lab = key.replace("_", " ")
                labels.append(lab if key != "ceiling" else r.ceiling_name or "ceiling")
                vals.append(v)
        bars = ax.bar(range(len(vals)), vals, color=[colors.get(lab, colors["ceiling"]) for lab in labels])
        ax.set_xticks(range(len(vals)), labels, fontsize=8)
        ax.set_title(textwrap.fill(r.case.strip(), 62), fontsize=9)
        ax.set_ylabel(r.unit + (" (lower is better)" if r.unit == "ms" else ""), fontsize=8)
        for b, v in zip(bars, vals, strict=True):
            ax.annotate(
                fmt(v), (b.get_x() + b.get_width() / 2, b.get_height()), ha="center", va="bottom", fontsize=7
            )
        verd = [c.passed for c in r.checks if c.passed is not None]
        if verd:
            ok = all(verd)
            ax.text(
                0.98,
                0.95,
                "PASS" if ok else "MISS",
                transform=ax.transAxes,
                ha="right",
                va="top",
                fontsize=9,
                color="green" if ok else "red",
                fontweight="bold",
            )
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def load_note(extra: dict[str, Any]) -> str:
    """How much CPU other processes took while cases ran: on a 2-core box it skews everything."""
    rec = extra.get("foreign_cpu", [])
    if not rec:
        return ""
    worst = max(rec, key=lambda x: x[2])
    note = (
        f"- CPU used by other processes on the machine during cases: median "
        f"{med([x[2] for x in rec]):.2f} cores, max {worst[2]:.2f} (round {worst[0]} {worst[1]})"
    )
    if not extra.get("own_cluster", True):
        note += " (AIS_ENDPOINT: the cluster's own CPU counts here)"
    elif worst[2] > 0.25:
        note += (
            " — WARNING: something else was running; absolute numbers are depressed "
            "(the paired ratios much less so)"
        )
    return note


def header_lines(env: dict[str, Any], p: Params, quick: bool, elapsed: float) -> list[str]:
    curl = env["curl"].split(" (")[0]
    n = p.concurrency
    return [
        f"- {env['date']}; run took {elapsed / 60:.1f} min{' (--quick)' if quick else ''}",
        f"- machine: {env['machine']}",
        f"- cluster: {env['cluster']}; {env['cluster_detail']}; {env['aisnode']}",
        f"- ours: {env['ours_version']} ({env['ours_stack']}; in {env['ours_where']}); "
        f"official: {env['official_version']} in .venv-peer "
        f"({env['official_stack']}); Python {env['python']}; {curl}; aisloader {env['aisloader']}",
        f"- method: median of {p.rounds} rounds after 1 warm-up round, client order rotated per round, "
        "each measurement in a fresh subprocess timing only the operation; "
        f"{n}-way = {n} threads (sync) or {n} asyncio tasks; pool size 64 for every client; "
        f"aisloader {n} workers for {p.aisloader_secs}s (GET) / {p.small_count:,} PUTs; "
        f"small-object runs capped at {p.small_deadline:g}s; large-object cases measured "
        f"{p.large_reps}x per round; dirty pages flushed (sync) before every PUT; seed {p.seed}",
        "- GET 'default chunk size' = each client's own default (official 32 KiB, ours 32 KiB + checksum "
        "verification on by default; official and curl never verify); "
        "proxy body bytes measured by a counting relay in front of the proxy port in the warm-up round",
        "- MB/s = 1e6 B/s; values are medians; each ratio is the median of per-round ratios of two "
        "measurements taken side by side in the same round; ceiling = curl (large), aisloader (small) "
        "or, for listing, the same page requests with no client work (pages only)",
    ]


@dataclass
class Run:
    """Everything bench.json holds about one run."""

    env: dict[str, Any]
    params: Params
    quick: bool
    elapsed_s: float
    samples: Samples
    extra: dict[str, Any]

    @classmethod
    def load(cls, path: Path) -> Run:
        d = json.loads(path.read_text())
        return cls(d["env"], Params(**d["params"]), d["quick"], d["elapsed_s"], d["samples"], d["extra"])


def write_report(run: Run, builders: Iterable[RowBuilder], out_dir: Path) -> str:
    """Table, bench.json, bench.md and bench.png from the collected samples; returns the markdown."""
    p = run.params
    res = Results(p, run.samples, run.extra)
    rows = build_rows(res, builders)
    header = header_lines(run.env, p, run.quick, run.elapsed_s)
    if note := load_note(run.extra):
        header.append(note)
    md = "\n".join(["# aistore-hl benchmark", "", *header, "", render_table(rows), ""])
    if run.extra.get("errors"):
        first_lines = sorted({e.splitlines()[0][:200] for e in run.extra["errors"]})
        md += "\nErrors (details in bench.json):\n" + "\n".join(f"- {e}" for e in first_lines) + "\n"
    result = {
        "env": run.env,
        "params": p.__dict__,
        "quick": run.quick,
        "elapsed_s": run.elapsed_s,
        "summary": res.summary,
        "rows": [r.to_json() for r in rows],
        "samples": run.samples,
        "extra": run.extra,
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench.json").write_text(json.dumps(result, indent=1, default=str))
    (out_dir / "bench.md").write_text(md)
    charted = render_chart(
        rows,
        out_dir / "bench.png",
        f"aistore-hl vs aistore {run.env.get('official_version', '')} — {run.env['cluster']}"
        f" — median of {p.rounds}" + (" (quick)" if run.quick else ""),
    )
    log(f"wrote {out_dir}/bench.json, bench.md" + (", bench.png" if charted else ""))
    return md


def merge_rows(bench_json: Path, prefixes: tuple[str, ...], new_rows: list[Row], key: str, info: Any) -> None:
    """Replace the rows of ``bench_json`` whose case starts with one of ``prefixes`` by ``new_rows``."""
    doc = json.loads(bench_json.read_text(encoding="utf-8"))
    keep = [r for r in doc["rows"] if not r["case"].startswith(prefixes)]
    doc["rows"] = keep + [r.to_json() for r in new_rows]
    doc.setdefault("extra", {})[key] = info
    bench_json.write_text(json.dumps(doc, indent=1, default=str), encoding="utf-8")
