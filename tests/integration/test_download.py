"""``Object.download`` / ``AsyncObject.download`` against the real cluster: parallel ranged reads
into a temporary file renamed over the destination only when complete and verified."""

from __future__ import annotations

import asyncio
import os
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from aistore_hl import AsyncClient, Bucket, Client, Header
from aistore_hl.errors import ErrObjNotFound, InvalidArgument
from tests.support.twin import sync_only

MIB = 1 << 20
PART = 256 << 10


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` and ``connect`` follow)."""
    return any_client


def _leftovers(d: Path) -> list[str]:
    return [p.name for p in d.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize(
    ("size", "workers"),
    [
        (3 * MIB + 12345, 4),  # 13 parts, the last one short
        (4 * PART, 3),  # parts line up with the size; fewer workers than parts
        (PART * 2, 16),  # more workers than parts
        (PART - 1, 4),  # one part: a single verified GET
        (5 * PART + 7, 1),  # one worker: a single verified GET
        (0, 4),  # empty object
    ],
)
def test_download_writes_the_exact_bytes(bucket: Bucket, tmp_path: Path, size: int, workers: int) -> None:
    data = os.urandom(size)
    put = bucket.object("d").put(content=data)
    dest = tmp_path / "out.bin"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # verified without "not verified" warnings
        props = bucket.object("d").download(dest, num_workers=workers, part_size=PART)
    assert dest.read_bytes() == data
    assert isinstance(props, Header)
    # AIS 5.0 leaves Content-Length out of an empty object's HEAD (cmn/objattrs.go ToHeader):
    # the size is still 0, never None.
    assert props.size == size and props.checksum_value == put.checksum_value
    assert _leftovers(tmp_path) == []


def test_download_replaces_an_existing_file(bucket: Bucket, tmp_path: Path) -> None:
    dest = tmp_path / "out.bin"
    dest.write_bytes(b"x" * (10 * MIB))  # longer than the object: must not keep a stale tail
    data = os.urandom(MIB + 1)
    bucket.object("d").put(content=data)
    bucket.object("d").download(str(dest), part_size=PART)
    assert dest.read_bytes() == data


def test_failed_download_leaves_the_destination_untouched(bucket: Bucket, tmp_path: Path) -> None:
    dest = tmp_path / "out.bin"
    dest.write_bytes(b"old")
    with pytest.raises(ErrObjNotFound):
        bucket.object("missing").download(dest)
    assert dest.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_download_checks_arguments_before_any_request(tmp_path: Path, connect: Callable[..., Client]) -> None:
    # Nothing listens on port 9: any request would raise ConnectionFailed, not InvalidArgument.
    obj = connect("http://127.0.0.1:9", retry=None).bucket("b").object("o")
    bad = [
        ({"path": tmp_path}, "path"),  # a directory
        ({"path": tmp_path / "no" / "such" / "dir"}, "path"),
        ({"path": 42}, "path"),
        ({"path": tmp_path / "f", "num_workers": 0}, "num_workers"),
        ({"path": tmp_path / "f", "num_workers": True}, "num_workers"),
        ({"path": tmp_path / "f", "part_size": 1024}, "part_size"),
        ({"path": tmp_path / "f", "part_size": 1.5}, "part_size"),
    ]
    for kwargs, param in bad:
        with pytest.raises(InvalidArgument) as ei:
            obj.download(**kwargs)  # type: ignore[arg-type]
        assert ei.value.param == param, kwargs
    assert list(tmp_path.iterdir()) == []


@sync_only  # written in async code already; ``bucket`` only names the bucket
def test_async_download(ais_endpoint: str, bucket: Bucket, tmp_path: Path) -> None:
    data = os.urandom(2 * MIB + 999)
    bucket.object("d").put(content=data)

    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            obj = c.bucket(bucket.name).object("d")
            for workers in (1, 4):
                dest = tmp_path / f"out-{workers}.bin"
                props = await obj.download(dest, num_workers=workers, part_size=PART)
                assert dest.read_bytes() == data and props.size == len(data)
            dest = tmp_path / "kept.bin"
            dest.write_bytes(b"old")
            with pytest.raises(ErrObjNotFound):
                await c.bucket(bucket.name).object("missing").download(dest)
            assert dest.read_bytes() == b"old"
            with pytest.raises(InvalidArgument):
                await obj.download(dest, num_workers=0)

    asyncio.run(main())
    assert _leftovers(tmp_path) == []
