"""Import time: ``import aistore_hl`` vs ``import aistore``, each in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import tempfile

from bench import env
from bench.cases.base import Ctx, rot
from bench.report import Check, Results, Row

_SNIPPET = "import time; t=time.perf_counter(); {stmt}; print(time.perf_counter()-t)"
#: name -> (interpreter: "ours" / "peer" / "dev", statement); resolved at run time (ours may change)
IMPORTS = {
    "ours": ("ours", "import aistore_hl"),
    "official": ("peer", "import aistore"),
    "ours:client": ("ours", "from aistore_hl import Client"),
    "official:client": ("peer", "from aistore.sdk import Client"),
    "ours:devvenv": ("dev", "import aistore_hl"),
}


def import_round(ctx: Ctx, r: int, warm: bool) -> None:
    reps = 1 if warm else ctx.p.import_reps
    names = [n for n in IMPORTS if ctx.ours.sync or not n.startswith("ours")]
    for k in range(reps):
        ctx.slot = f"{r}.{k}"
        for name in rot(names, r):
            where, stmt = IMPORTS[name]
            py = {"ours": env.ours(), "peer": env.PEER, "dev": env.DEV}[where]
            out = subprocess.run(
                [py.exe, "-c", _SNIPPET.format(stmt=stmt)],
                capture_output=True,
                text=True,
                cwd=tempfile.gettempdir(),
                env={**os.environ, **py.env},
            )
            if out.returncode != 0:
                ctx.extra.setdefault("errors", []).append(f"import {name}: {out.stderr[-300:]}")
                continue
            if not warm:
                ctx.add("import", name, {"seconds": float(out.stdout.strip().splitlines()[-1])})


def rows(res: Results) -> list[Row]:
    m, ratio = res.m, res.ratio
    out = [
        Row(
            case=label,
            unit="ms",
            ours=m("import", f"ours{name}"),
            official=m("import", f"official{name}"),
            checks=[Check("ours/official", ratio("import", f"ours{name}", f"official{name}"), 1.0, "<=")],
        )
        for name, label in (
            ("", "import aistore_hl  vs  import aistore"),
            (":client", "from aistore_hl import Client  vs  from aistore.sdk import Client"),
        )
    ]
    dev = m("import", "ours:devvenv")
    if dev is not None and res.extra.get("ours_where", "").startswith("clean"):  # informative only then
        out.append(
            Row(
                case="  import aistore_hl in the dev .venv (toolchain installed: httpx loads its CLI)",
                unit="ms",
                ours=dev,
                official=m("import", "official"),
                checks=[Check("ours/official", ratio("import", "ours:devvenv", "official"))],
            )
        )
    return out
