"""Make the generated client importable when the project is not installed (`pip install -e .`)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("aistore_ll") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "generated"))
