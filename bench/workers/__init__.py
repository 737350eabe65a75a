"""Per-client measurement processes: ``python -m bench.workers.<ours|ours_async|peer|ceiling_list>``.

``peer`` runs in .venv-peer (the official SDK, no aistore_hl): nothing in ``bench`` or here may
import more than the standard library at import time.
"""
