"""Bulk transfers on the real cluster: Bucket.put_files / download_files, sync and async."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from aistore_hl import AsyncClient, Bucket, Client
from aistore_hl.errors import ErrBckNotFound, InvalidArgument, InvalidObjectName, TransferError
from aistore_hl.transfer import TransferSummary
from tests.support.twin import sync_only

KIB = 1024


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


def make_tree(root: Path) -> dict[str, bytes]:
    """A small tree: nested directories, an empty file, one file over the in-memory limit."""
    files = {
        "a.txt": b"alpha",
        "b.bin": os.urandom(64 * KIB),
        "empty": b"",
        "sub/c.txt": b"charlie",
        "sub/deeper/d.bin": os.urandom(9 * 1024 * KIB),  # > 8 MiB: streamed from the file
        "sub/skip.log": b"log",
        "name with space+%.txt": b"odd",
    }
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    return files


def stored(bucket: Bucket, prefix: str = "") -> dict[str, bytes]:
    return {e.name: bucket.object(e.name).get().read_all() for e in bucket.list_all_objects(prefix=prefix)}


def test_put_files_recursive_prepend_verified(bucket: Bucket, tmp_path: Path) -> None:
    files = make_tree(tmp_path)
    summary = bucket.put_files(tmp_path, recursive=True, prepend="up/", num_workers=4, progress=False)
    assert isinstance(summary, TransferSummary) and isinstance(summary, list)
    assert summary == sorted(f"up/{r}" for r in files)  # official put_files returns the names
    assert summary.transferred == list(summary) and not summary.skipped and not summary.failed
    assert summary.files == len(files) and summary.bytes == sum(len(d) for d in files.values())
    assert stored(bucket) == {f"up/{r}": d for r, d in files.items()}


def test_put_files_filters_like_the_official_sdk(bucket: Bucket, tmp_path: Path) -> None:
    files = make_tree(tmp_path)
    # not recursive: the top directory only
    assert bucket.put_files(tmp_path, progress=False) == sorted(r for r in files if "/" not in r)
    # pattern and prefix_filter (on the file name), basename drops the directories
    got = bucket.put_files(tmp_path, pattern="*.txt", recursive=True, basename=True, prepend="t-")
    assert got == ["t-a.txt", "t-c.txt", "t-name with space+%.txt"]
    got = bucket.put_files(tmp_path, prefix_filter="s", recursive=True, prefix="p/")
    assert got == ["p/sub/skip.log"]
    assert stored(bucket, "p/") == {"p/sub/skip.log": b"log"}


def test_put_files_dry_run_sends_nothing(bucket: Bucket, tmp_path: Path) -> None:
    make_tree(tmp_path)
    summary = bucket.put_files(tmp_path, recursive=True, dry_run=True)
    assert summary.dry_run and len(summary) == 7 and not summary.transferred
    assert bucket.list_all_objects() == []


def test_put_files_skip_unchanged(bucket: Bucket, tmp_path: Path) -> None:
    files = make_tree(tmp_path)
    first = bucket.put_files(tmp_path, recursive=True, skip_unchanged=True)
    assert len(first.transferred) == len(files)
    again = bucket.put_files(tmp_path, recursive=True, skip_unchanged=True)
    assert again.skipped == list(again) and not again.transferred and again.bytes == 0
    (tmp_path / "sub/c.txt").write_bytes(b"CHARLIE")  # same size, other bytes: the checksum decides
    (tmp_path / "a.txt").write_bytes(b"alpha, longer")
    third = bucket.put_files(tmp_path, recursive=True, skip_unchanged=True)
    assert third.transferred == ["a.txt", "sub/c.txt"] and len(third.skipped) == len(files) - 2
    assert bucket.object("sub/c.txt").get().read_all() == b"CHARLIE"
    # without skip_unchanged everything is sent again (the official SDK's behaviour)
    assert len(bucket.put_files(tmp_path, recursive=True).transferred) == len(files)


def test_put_files_one_failure_loses_nothing(bucket: Bucket, tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"ok{i}").write_bytes(b"ok%d" % i)
    # A file the OS refuses to read (as root, permissions would not stop us): EIO at offset 0.
    (tmp_path / "unreadable").symlink_to("/proc/self/mem")
    with pytest.raises(TransferError) as ei:
        bucket.put_files(tmp_path, num_workers=3)
    err = ei.value
    assert list(err.failed) == ["unreadable"] and isinstance(err.failed["unreadable"], OSError)
    assert "1 of 6 files failed to put: unreadable: OSError" in str(err)
    assert err.summary.transferred == [f"ok{i}" for i in range(5)]
    assert stored(bucket) == {f"ok{i}": b"ok%d" % i for i in range(5)}
    summary = bucket.put_files(tmp_path, raise_on_error=False)
    assert list(summary.failed) == ["unreadable"] and len(summary) == 5


def test_put_files_bad_input_before_any_request(
    client: Client, bucket: Bucket, tmp_path: Path, bucket_factory: Callable[..., str]
) -> None:
    (tmp_path / "f").write_bytes(b"x")
    with pytest.raises(InvalidArgument, match="is not a directory"):
        bucket.put_files(tmp_path / "f")
    with pytest.raises(ValueError):  # the official SDK's ValueError still catches it
        bucket.put_files(tmp_path / "missing")
    for bad in (0, -1, 1.5, True):
        with pytest.raises(InvalidArgument, match="num_workers"):
            bucket.put_files(tmp_path, num_workers=bad)  # type: ignore[arg-type]
    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    (tmp_path / "d1" / "same").write_bytes(b"1")
    (tmp_path / "d2" / "same").write_bytes(b"2")
    with pytest.raises(InvalidArgument, match="would be put as this object"):
        bucket.put_files(tmp_path, recursive=True, basename=True)
    with pytest.raises(InvalidArgument, match="another name for prepend"):
        bucket.put_files(tmp_path, prepend="a/", prefix="b/")
    (tmp_path / "f").unlink()
    with pytest.raises(InvalidObjectName):
        bucket.put_files(tmp_path, recursive=True, prepend="../")
    assert bucket.list_all_objects() == []
    missing = client.bucket(bucket_factory("nb", create=False))
    with pytest.raises(ErrBckNotFound):  # one HEAD, not one failure per file
        missing.put_files(tmp_path, recursive=True)


def test_download_files_round_trip(bucket: Bucket, tmp_path: Path) -> None:
    files = make_tree(tmp_path / "src")
    bucket.put_files(tmp_path / "src", recursive=True, prepend="data/")
    bucket.object("other").put(content=b"not under the prefix")
    dest = tmp_path / "dest"
    summary = bucket.download_files(dest, prefix="data/", num_workers=4)
    assert summary == sorted(f"data/{r}" for r in files)
    got = {p.relative_to(dest).as_posix(): p.read_bytes() for p in dest.rglob("*") if p.is_file()}
    assert got == files
    assert not [p for p in dest.rglob("*") if ".tmp" in p.name or p.name.startswith(".")]

    again = bucket.download_files(dest, prefix="data/", skip_unchanged=True)
    assert again.skipped == list(again) and not again.transferred
    (dest / "sub/c.txt").write_bytes(b"changed")
    third = bucket.download_files(dest, prefix="data/", skip_unchanged=True)
    assert third.transferred == ["data/sub/c.txt"] and (dest / "sub/c.txt").read_bytes() == b"charlie"

    plan = bucket.download_files(tmp_path / "dry", prefix="data/", dry_run=True)
    assert len(plan) == len(files) and not (tmp_path / "dry").exists()


def test_download_files_one_failure_loses_nothing(bucket: Bucket, tmp_path: Path) -> None:
    for n in ("a", "b/x", "c"):
        bucket.object(n).put(content=n.encode())
    (tmp_path / "b").write_bytes(b"a file where the directory b/ would go")
    with pytest.raises(TransferError) as ei:
        bucket.download_files(tmp_path)
    assert list(ei.value.failed) == ["b/x"] and isinstance(ei.value.failed["b/x"], OSError)
    assert ei.value.summary.transferred == ["a", "c"]
    assert (tmp_path / "a").read_bytes() == b"a" and (tmp_path / "c").read_bytes() == b"c"
    assert (tmp_path / "b").read_bytes().startswith(b"a file")  # untouched
    with pytest.raises(InvalidArgument, match="not a directory"):
        bucket.download_files(tmp_path / "a")


def test_download_files_same_local_file_refused(bucket: Bucket, tmp_path: Path) -> None:
    # Without the prefix, both names are "x" locally: refused before any object is read.
    # AIS 5.0 lists prefix "p" by walking only the directory p/ of a mountpath that has one
    # (fs/walk.go, the virtual-dir optimization), so "px" on the same mountpath as "p/x" is not
    # listed and nothing collides: use the first pair the server lists both of.
    for i in range(8):
        prefix = f"p{i}"
        bucket.object(f"{prefix}/x").put(content=b"1")
        bucket.object(f"{prefix}x").put(content=b"2")
        if len(bucket.list_all_objects(prefix=prefix)) == 2:
            break
    else:
        pytest.fail("the server never listed both names of a pair")
    with pytest.raises(InvalidArgument, match="same file"):
        bucket.download_files(tmp_path, prefix=prefix)
    assert list(tmp_path.iterdir()) == []


def test_progress_bar(bucket: Bucket, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(20):
        (tmp_path / f"f{i:02d}").write_bytes(os.urandom(4 * KIB))
    bucket.put_files(tmp_path, progress=True, num_workers=2)
    err = capsys.readouterr().err
    assert "files 20/20" in err and "80.0k/80.0k" in err
    bucket.put_files(tmp_path)  # progress=None and stderr is no terminal here: no bar
    assert capsys.readouterr().err == ""


def test_many_small_files_in_parallel(bucket: Bucket, tmp_path: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    data = {f"{i:04d}.bin": os.urandom(i % 7 * 1000) for i in range(300)}
    for n, d in data.items():
        (src / n).write_bytes(d)
    summary = bucket.put_files(src, num_workers=16)
    assert len(summary.transferred) == 300
    back = bucket.download_files(tmp_path / "back", num_workers=16)
    assert len(back.transferred) == 300
    assert {p.name: p.read_bytes() for p in (tmp_path / "back").iterdir()} == data


@sync_only  # written in async code already; ``bucket`` only names the bucket
def test_async_put_and_download_files(ais_endpoint: str, bucket: Bucket, tmp_path: Path) -> None:
    files = make_tree(tmp_path / "src")
    (tmp_path / "src" / "unreadable").symlink_to("/proc/self/mem")

    async def main() -> tuple[TransferSummary, TransferSummary, TransferSummary]:
        async with AsyncClient(ais_endpoint) as c:
            b = c.bucket(bucket.name)
            with pytest.raises(TransferError) as ei:
                await b.put_files(tmp_path / "src", recursive=True, prefix="as/", num_workers=4)
            assert list(ei.value.failed) == ["as/unreadable"]
            again = await b.put_files(
                tmp_path / "src", recursive=True, prefix="as/", skip_unchanged=True, raise_on_error=False
            )
            down = await b.download_files(tmp_path / "dest", prefix="as/", num_workers=4)
            return ei.value.summary, again, down

    put, again, down = asyncio.run(main())
    assert put.transferred == sorted(f"as/{r}" for r in files)
    assert again.skipped == list(again) and list(again.failed) == ["as/unreadable"]
    assert down == sorted(f"as/{r}" for r in files)
    dest = tmp_path / "dest"
    assert {p.relative_to(dest).as_posix(): p.read_bytes() for p in dest.rglob("*") if p.is_file()} == files
