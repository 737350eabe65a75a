"""Pure path logic of ``aistore_hl.fs``: parsing, fsspec ranges, and directory trees from listings."""

from __future__ import annotations

import pytest

from aistore_hl.fs import _paths
from aistore_hl.fs._core import AISFileSystem, common_prefix
from aistore_hl.listing import BucketEntry
from aistore_hl.types import Namespace


def _e(name: str, size: int = 1) -> BucketEntry:
    return BucketEntry(name=name, size=size)


@pytest.mark.parametrize(
    ("path", "ns", "bucket", "key"),
    [
        ("", None, "", ""),
        ("b", None, "b", ""),
        ("b/k", None, "b", "k"),
        ("b/a/b/c.txt", None, "b", "a/b/c.txt"),
        ("@remais/b/k", Namespace(uuid="remais"), "b", "k"),
        ("@uuid#ns/b/k", Namespace(uuid="uuid", name="ns"), "b", "k"),
        ("#ns/b", Namespace(name="ns"), "b", ""),
        ("@remais", Namespace(uuid="remais"), "", ""),
    ],
)
def test_parse(path: str, ns: Namespace | None, bucket: str, key: str) -> None:
    p = _paths.parse(path)
    assert (p.ns, p.bucket, p.key) == (ns, bucket, key)
    if bucket:
        assert p.join(p.key) == path  # the name a path round-trips to


def test_strip_protocol_and_unstrip() -> None:
    assert AISFileSystem._strip_protocol("ais://b/k/") == "b/k"
    assert AISFileSystem._strip_protocol(["ais://b/x", "b/y/"]) == ["b/x", "b/y"]
    assert AISFileSystem._strip_protocol("ais://@remais/b/k") == "@remais/b/k"
    assert AISFileSystem._strip_protocol("/b/k") == "b/k"


@pytest.mark.parametrize(
    ("start", "end", "size", "expected"),
    [
        (None, None, None, None),
        (0, None, None, None),
        (5, None, None, (5, None)),
        (0, 10, None, (0, 9)),
        (10, 20, 100, (10, 19)),
        (10, 200, 100, (10, 99)),
        (-10, None, 100, (90, None)),
        (-10, -2, 100, (90, 97)),
        (5, -5, 100, (5, 94)),
        (-500, 10, 100, (0, 9)),
        (20, 10, 100, (20, 9)),  # empty: end before start
    ],
)
def test_byte_range(
    start: int | None, end: int | None, size: int | None, expected: tuple[int, int | None] | None
) -> None:
    assert _paths.byte_range(start, end, size) == expected


def test_byte_range_negative_needs_size() -> None:
    with pytest.raises(ValueError):
        _paths.byte_range(-5, 10, None)
    assert _paths.suffix_only(-5, None) and not _paths.suffix_only(-5, -1) and not _paths.suffix_only(5, None)


def test_children_makes_directories_of_prefixes_and_markers() -> None:
    p = _paths.parse("b/a")
    kids = _paths.children(p, [_e("a/x"), _e("a/sub/y"), _e("a/sub/z"), _e("a/marker/"), _e("a/")])
    assert kids == {
        "b/a/x": {"name": "b/a/x", "size": 1, "type": "file"},
        "b/a/sub": {"name": "b/a/sub", "size": 0, "type": "directory"},
        "b/a/marker": {"name": "b/a/marker", "size": 0, "type": "directory"},
    }


def test_tree_with_maxdepth() -> None:
    p = _paths.parse("b")
    entries = [_e("f"), _e("d/g"), _e("d/e/h"), _e("d/e/k/l"), _e("m/")]
    files, dirs = _paths.tree(p, entries, None)
    assert sorted(files) == ["b/d/e/h", "b/d/e/k/l", "b/d/g", "b/f"]
    assert sorted(dirs) == ["b/d", "b/d/e", "b/d/e/k", "b/m"]
    files, dirs = _paths.tree(p, entries, 2)
    assert sorted(files) == ["b/d/g", "b/f"] and sorted(dirs) == ["b/d", "b/d/e", "b/m"]


def test_walk_tree_topdown_bottomup_and_depth() -> None:
    p = _paths.parse("b")
    files, dirs = _paths.tree(p, [_e("f"), _e("d/g"), _e("d/e/h")], None)
    down = list(_paths.walk_tree("b", files, dirs, topdown=True, maxdepth=None, detail=False))
    assert down == [("b", ["d"], ["f"]), ("b/d", ["e"], ["g"]), ("b/d/e", [], ["h"])]
    up = list(_paths.walk_tree("b", files, dirs, topdown=False, maxdepth=None, detail=False))
    assert [t for t, _, _ in up] == ["b/d/e", "b/d", "b"]
    assert [t for t, _, _ in _paths.walk_tree("b", files, dirs, topdown=True, maxdepth=1, detail=False)] == [
        "b"
    ]
    detailed = next(_paths.walk_tree("b", files, dirs, topdown=True, maxdepth=None, detail=True))
    assert detailed[1]["d"]["type"] == "directory" and detailed[2]["f"]["type"] == "file"


def test_common_prefix_ends_at_a_slash() -> None:
    assert common_prefix(["a/b/c", "a/b/d", "a/bx"]) == "a/"
    assert common_prefix(["x/source/subdir.txt", "x/source/subdir/f"]) == "x/source/"
    assert common_prefix(["d/x", "d/y"]) == "d/" and common_prefix(["d/x"]) == "d/"
    assert common_prefix(["x"]) == "" and common_prefix([]) == "" and common_prefix(["a", "b"]) == ""


def test_importing_aistore_hl_does_not_import_fsspec() -> None:
    import subprocess
    import sys

    code = "import sys, aistore_hl; from aistore_hl import Client; assert 'fsspec' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
    code = (
        "import fsspec; fs = fsspec.filesystem('ais', endpoint='http://127.0.0.1:1');"
        " assert type(fs).__name__ == 'AISFileSystem'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)  # found through the fsspec.specs entry point
