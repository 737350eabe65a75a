"""aistore_hl.torch's pure parts: worker x rank splits, TAR parsing, templates; torch stays unimported."""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
from collections import Counter

import pytest

from aistore_hl.errors import InvalidArgument, ShardError
from aistore_hl.object_group import expand_template
from aistore_hl.torch._source import parse_url
from aistore_hl.torch._split import env_rank, part_of, split
from aistore_hl.torch._tar import members, samples, split_key


@pytest.mark.parametrize("n", [*range(0, 40), 97, 1000, 1001])
def test_every_index_read_exactly_once_across_workers_and_ranks(n: int) -> None:
    items = list(range(n))
    for workers in range(1, 6):
        for world in range(1, 5):
            got: Counter[int] = Counter()
            sizes = []
            for rank in range(world):
                for w in range(workers):
                    part = split(items, *part_of(w, workers, rank, world))
                    sizes.append(len(part))
                    got.update(part)
            assert got == Counter(items), (n, workers, world)  # none twice, none skipped
            assert max(sizes) - min(sizes) <= 1  # uneven splits differ by one sample at most


def test_uneven_split_counts_per_rank_and_worker() -> None:
    # 10 samples, 2 ranks x 3 workers = 6 parts: 2,2,2,2,1,1
    counts = {
        (r, w): len(split(list(range(10)), *part_of(w, 3, r, 2))) for r in range(2) for w in range(3)
    }
    assert counts == {(0, 0): 2, (0, 1): 2, (0, 2): 2, (1, 0): 2, (1, 1): 1, (1, 2): 1}


@pytest.mark.parametrize("args", [(0, 0, 0, 1), (0, 1, 0, 0), (2, 2, 0, 1), (0, 1, 1, 1), (-1, 2, 0, 1)])
def test_part_of_refuses_out_of_range(args: tuple[int, int, int, int]) -> None:
    with pytest.raises(ValueError):
        part_of(*args)


def test_env_rank(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RANK", raising=False)
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    assert env_rank() == (0, 1)
    monkeypatch.setenv("RANK", "2")
    monkeypatch.setenv("WORLD_SIZE", "3")
    assert env_rank() == (2, 3)
    monkeypatch.setenv("RANK", "3")
    with pytest.raises(ValueError):
        env_rank()


def _tar(files: list[tuple[str, bytes]], fmt: int = tarfile.USTAR_FORMAT) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        d = tarfile.TarInfo("dir")
        d.type = tarfile.DIRTYPE
        t.addfile(d)  # a non-file member: skipped
        for name, data in files:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


@pytest.mark.parametrize("fmt", [tarfile.USTAR_FORMAT, tarfile.GNU_FORMAT, tarfile.PAX_FORMAT])
@pytest.mark.parametrize("piece", [1, 7, 512, 1 << 20])
def test_members_in_any_piece_size_and_format(fmt: int, piece: int) -> None:
    long = "d/" + "x" * 150 + "/0002.cls"
    files = [("0001.jpg", b"a" * 1000), ("0001.cls", b"1"), (long, b""), ("0003.seg.png", b"z" * 512)]
    if fmt == tarfile.USTAR_FORMAT:
        files[2] = ("0002.cls", b"")
    blob = _tar(files, fmt)
    pieces = [blob[i : i + piece] for i in range(0, len(blob), piece)]
    assert list(members(pieces, "s")) == files


def test_cut_shard_raises() -> None:
    blob = _tar([("0001.jpg", b"a" * 5000)])
    with pytest.raises(ShardError, match="ends inside member"):
        list(members([blob[:3000]], "s"))
    with pytest.raises(ShardError, match="inside a header"):
        list(members([blob[:600]], "s"))


def test_webdataset_grouping() -> None:
    assert split_key("a/b/0001.seg.png") == ("a/b/0001", "seg.png")
    assert split_key("a.b/c") == ("a.b/c", "")
    files = [("k1.jpg", b"1"), ("k1.cls", b"2"), ("k2.jpg", b"3"), ("x/k2.jpg", b"4")]
    assert list(samples(files)) == [
        ("k1", {"jpg": b"1", "cls": b"2"}),
        ("k2", {"jpg": b"3"}),
        ("x/k2", {"jpg": b"4"}),
    ]


def test_templates_and_urls() -> None:
    assert expand_template("shard-{0000..0003}.tar") == [f"shard-{i:04d}.tar" for i in range(4)]
    assert expand_template("a{0..4..2}b{1..2}") == ["a0b1", "a0b2", "a2b1", "a2b2", "a4b1", "a4b2"]
    assert expand_template("plain") == ["plain"]
    with pytest.raises(InvalidArgument):
        expand_template("x{5..1}")
    assert parse_url("ais://b/train/") == ("ais", "b", "train/")
    assert parse_url("s3://b") == ("aws", "b", "")
    with pytest.raises(InvalidArgument):
        parse_url("b/x")


def test_import_aistore_hl_does_not_import_torch() -> None:
    code = "import sys, aistore_hl; from aistore_hl import Client; assert 'torch' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
