"""The pure steps of bulk transfers: local paths, listing prefix, put verification."""

from __future__ import annotations

from pathlib import Path

import pytest
import xxhash

from aistore_hl.errors import ChecksumMismatch, InvalidArgument
from aistore_hl.header import Header
from aistore_hl.transfer import FileTask, listing_prefix, local_path_of, verify_put


@pytest.mark.parametrize(
    ("name", "prefix", "rel"),
    [
        ("data/a/b.bin", "data/", "a/b.bin"),
        ("data/a/b.bin", "data", "a/b.bin"),  # the '/' after the prefix is not part of the name
        ("data/a", "da", "ta/a"),  # a string prefix, as in put_files(prepend="da")
        ("data/x", "data/x", "x"),  # an object named exactly the prefix keeps its base name
        ("a//b", "", "a/b"),
    ],
)
def test_local_path_of(tmp_path: Path, name: str, prefix: str, rel: str) -> None:
    assert local_path_of(tmp_path, name, prefix) == tmp_path / rel


@pytest.mark.parametrize("name", ["a/../b", "../x", "a/./b"])
def test_local_path_of_never_leaves_the_directory(tmp_path: Path, name: str) -> None:
    with pytest.raises(InvalidArgument, match="no safe local path"):
        local_path_of(tmp_path, name, "")


def test_listing_prefix_is_a_string_prefix() -> None:
    tasks = [FileTask(Path(n), n, 0) for n in ("up/abc", "up/abd", "up/ab/x")]
    assert listing_prefix(tasks) == "up/ab"
    assert listing_prefix([]) == ""


def test_verify_put(tmp_path: Path) -> None:
    f = tmp_path / "f"
    f.write_bytes(b"payload")
    task = FileTask(f, "f", 7)
    good = xxhash.xxh64(b"payload", seed=0).hexdigest()
    verify_put(task, b"payload", Header({"ais-checksum-type": "xxhash2", "ais-checksum-value": good}))
    verify_put(task, None, Header({"ais-checksum-type": "xxhash2", "ais-checksum-value": good}))
    verify_put(task, b"payload", Header({"ais-checksum-type": "none"}))  # nothing to compare
    with pytest.raises(ChecksumMismatch):
        verify_put(task, b"payload", Header({"ais-checksum-type": "xxhash2", "ais-checksum-value": "0" * 16}))
    f.write_bytes(b"payload grew")  # a streamed file that changed while it was sent
    with pytest.raises(InvalidArgument, match="changed size"):
        verify_put(task, None, Header({"ais-checksum-type": "xxhash2", "ais-checksum-value": good}))
