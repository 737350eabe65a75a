"""Every class, method, property, parameter name, order and default the seed documents exists.

The seed document (../shared/seeds/000_*.txt) is parsed here, not transcribed: each ``<a id=...>``
anchor names a member, and the ```python block under it is its signature. Code written against
the seed must run unchanged, so our parameters must start with the seed's, in order, with equal
defaults; anything we add must come after them and be optional.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path
from typing import Any

import pytest

import aistore_hl
from aistore_hl import const

# A copy of the seed document lives in the repo; the steering copy, when checked out beside the
# repo (../shared/seeds), must be identical.
SEED = Path(__file__).resolve().parents[1] / "data" / "seed_python_api.md"
SHARED_SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

# Module names in the seed's anchors -> our objects.
_MODULES: dict[str, Any] = {
    "api": aistore_hl,  # the seed's Client lived in aistore.sdk.api
    "cluster": aistore_hl,
    "bucket": aistore_hl,
    "object": aistore_hl,
    "object_group": aistore_hl,
    "etl": aistore_hl,
}

# Names the seed uses in defaults, resolved in the seed's own namespace.
_DEFAULT_NAMES = {
    "ProviderAIS": const.ProviderAIS,
    "DEFAULT_CHUNK_SIZE": const.DEFAULT_CHUNK_SIZE,
    "None": None,
}


def _seed_members() -> list[tuple[str, str | None, str, str]]:
    """(module, class or None, member, python signature block) for every seed anchor."""
    text = SEED.read_text()
    out = []
    for m in re.finditer(r'<a id="([\w.]+)"></a>\s*\n\s*#+ [^\n]*\n\s*```python\n(.*?)```', text, re.S):
        anchor, code = m.group(1), m.group(2)
        parts = anchor.split(".")
        if len(parts) == 2:
            mod, name = parts
            out.append((mod, None, name, code))
        else:
            mod, cls, name = parts
            out.append((mod, cls, name, code))
    return out


MEMBERS = _seed_members()


def test_seed_copy_is_current() -> None:
    shared = sorted(SHARED_SEEDS.glob("000_*.txt")) if SHARED_SEEDS.is_dir() else []
    if not shared:
        pytest.skip("no ../shared/seeds checkout beside the repo to compare with")
    assert shared[0].read_bytes() == SEED.read_bytes(), "tests/data/seed_python_api.md is stale"


def test_seed_parsed_completely() -> None:
    # 6 classes + 1 module function + 46 members: if the regex misses anchors, this fails.
    classes = [m for m in MEMBERS if m[1] is None and m[3].lstrip().startswith("class")]
    members = [m for m in MEMBERS if m[1] is not None or not m[3].lstrip().startswith("class")]
    assert len(classes) == 6, classes
    assert len(members) == 47, [m[2] for m in members]


def _eval_default(node: ast.expr | None) -> Any:
    if node is None:
        return inspect.Parameter.empty
    if isinstance(node, ast.Name):
        return _DEFAULT_NAMES[node.id]
    if isinstance(node, ast.Call):  # runtime: str = get_default_runtime()
        return aistore_hl.get_default_runtime()
    return ast.literal_eval(node)


def _seed_params(code: str) -> tuple[list[tuple[str, Any]], bool]:
    src = code.strip()
    is_property = src.startswith("@property")
    func_src = src.replace("@property\n", "")
    func_src = re.sub(r"\)\s*->[^\n]*$", ")", func_src.strip())
    fn = ast.parse(func_src + ":\n    pass").body[0]
    assert isinstance(fn, ast.FunctionDef)
    args = fn.args.args
    defaults: list[ast.expr | None] = [None] * (len(args) - len(fn.args.defaults)) + list(fn.args.defaults)
    return [(a.arg, _eval_default(d)) for a, d in zip(args, defaults, strict=True)], is_property


@pytest.mark.parametrize(
    ("mod", "cls", "name", "code"),
    [m for m in MEMBERS if not m[3].lstrip().startswith("class")],
    ids=lambda v: v if isinstance(v, str) and "\n" not in v else "",
)
def test_seed_member_signature(mod: str, cls: str | None, name: str, code: str) -> None:
    owner = getattr(_MODULES[mod], cls) if cls else _MODULES[mod]
    assert hasattr(owner, name), f"{cls or mod}.{name} is missing"
    seed_params, is_property = _seed_params(code)
    member = inspect.getattr_static(owner, name) if cls else getattr(owner, name)
    if is_property:
        assert isinstance(member, property), f"{cls}.{name} must be a property"
        return
    assert callable(member), f"{cls}.{name} must be callable"
    ours = [p for p in inspect.signature(getattr(owner, name)).parameters.values() if p.name != "self"]
    for i, (pname, pdefault) in enumerate(seed_params):
        assert i < len(ours), f"{cls}.{name}: parameter {pname!r} missing"
        p = ours[i]
        assert p.name == pname, f"{cls}.{name}: parameter {i} is {p.name!r}, seed says {pname!r}"
        assert p.kind in (p.POSITIONAL_OR_KEYWORD, p.POSITIONAL_ONLY), (
            f"{cls}.{name}: {pname} must be positional"
        )
        assert p.default == pdefault, (
            f"{cls}.{name}({pname}=...): default {p.default!r}, seed says {pdefault!r}"
        )
    for extra in ours[len(seed_params) :]:
        assert extra.default is not inspect.Parameter.empty or extra.kind in (
            extra.VAR_POSITIONAL,
            extra.VAR_KEYWORD,
        ), f"{cls}.{name}: added parameter {extra.name!r} must be optional"


@pytest.mark.parametrize("cls", ["Client", "Cluster", "Bucket", "Object", "ObjectGroup", "Etl", "Job"])
def test_classes_exported(cls: str) -> None:
    assert inspect.isclass(getattr(aistore_hl, cls))
    assert cls in aistore_hl.__all__


def test_seed_constructor_shapes() -> None:
    """Constructors as the seed-era SDK had them (the seed documents their Arguments)."""
    params = lambda c: [p for p in inspect.signature(c).parameters if p != "self"]  # noqa: E731
    assert params(aistore_hl.Client)[0] == "endpoint"
    assert params(aistore_hl.Bucket)[:4] == ["client", "bck_name", "provider", "ns"]
    assert params(aistore_hl.Object)[:2] == ["bck", "obj_name"]
    assert params(aistore_hl.ObjectGroup)[:4] == ["bck", "obj_names", "obj_range", "obj_template"]
    for c in (aistore_hl.Cluster, aistore_hl.Etl, aistore_hl.Job):
        assert params(c)[:1] == ["client"]
