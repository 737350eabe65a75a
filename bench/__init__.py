"""`make bench`: aistore_hl vs the official `aistore` SDK vs the ceiling (curl / aisloader).

A package run from the repository root (``python -m bench.run``); see bench/README.md.

* ``bench.env``      venvs and interpreters, clusters, the machine's description, CPU accounting;
* ``bench.measure``  one measurement: a worker subprocess, curl, aisloader;
* ``bench.cases``    one module per case family: its rounds and its table rows;
* ``bench.report``   typed rows (``Row``, ``Check``), summaries, the table, the chart, bench.json;
* ``bench.workers``  the per-client measurement processes (``python -m bench.workers.ours``...);
* ``bench.run``      the driver.

Nothing here imports more than the standard library at import time: the official SDK's worker
imports ``bench.workers._common`` in .venv-peer, which has no aistore_hl.
"""
