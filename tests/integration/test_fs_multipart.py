"""fsspec ``open(..., "wb")`` streaming large files as multipart uploads, and ``open_async``."""

from __future__ import annotations

import asyncio
import errno
import io
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest

from aistore_hl import Client
from aistore_hl.fs import AISAsyncFileSystem, AISFileSystem
from tests.support.tap import requests_of

MIB = 1 << 20


@pytest.fixture
def fs(client: Client) -> AISFileSystem:
    return AISFileSystem(client=client, skip_instance_cache=True)


@pytest.fixture
def bkt(bucket_factory: Callable[..., str]) -> str:
    return bucket_factory("fsm")


@pytest.fixture(autouse=True)
def _no_instance_cache() -> Iterator[None]:
    yield
    AISFileSystem.clear_instance_cache()


def _uploads(client: Client) -> AbstractContextManager[list[str]]:
    """Method (+ "part" for a multipart part) of every request the client sends."""
    return requests_of(client, lambda r: r.method + (" part" if "partNumber=" in str(r.url.query) else ""))


def test_large_wb_streams_parts_while_written(client: Client, fs: AISFileSystem, bkt: str) -> None:
    data = os.urandom(7 * MIB + 5)
    with _uploads(client) as seen:
        f = fs.open(f"{bkt}/big.bin", "wb", part_size=2 * MIB, block_size=MIB)
        for i in range(0, 5 * MIB, MIB // 2):  # 5 MiB written: two parts already sent
            f.write(data[i : i + MIB // 2])
        assert seen.count("PUT part") == 4  # 2 parts x (proxy + target)
        assert not fs.exists(f"{bkt}/big.bin")  # invisible until close()
        f.write(data[5 * MIB :])
        f.close()
    assert seen.count("PUT part") == 8  # 4 parts: 2 + 2 + 2 + 1 MiB
    assert fs.cat(f"{bkt}/big.bin") == data
    assert fs.info(f"{bkt}/big.bin")["size"] == len(data)


def test_small_wb_is_one_put(client: Client, fs: AISFileSystem, bkt: str) -> None:
    with _uploads(client) as seen, fs.open(f"{bkt}/small", "wb", part_size=2 * MIB) as f:
        f.write(os.urandom(2 * MIB))  # exactly one part's worth: still one PUT
    assert "PUT part" not in seen and seen.count("PUT") == 2, seen


def test_transaction_commit_and_discard(fs: AISFileSystem, bkt: str) -> None:
    data = os.urandom(3 * MIB)
    with fs.transaction:
        with fs.open(f"{bkt}/tx.bin", "wb", part_size=MIB) as f:
            f.write(data)
        assert not fs.exists(f"{bkt}/tx.bin")  # completed at commit
    assert fs.cat(f"{bkt}/tx.bin") == data
    fs.pipe_file(f"{bkt}/keep", b"old")
    with pytest.raises(RuntimeError), fs.transaction:
        with fs.open(f"{bkt}/keep", "wb", part_size=MIB) as f:
            f.write(os.urandom(3 * MIB))
        raise RuntimeError("cancel the transaction")
    assert fs.cat(f"{bkt}/keep") == b"old"  # discarded: the upload was aborted


def test_ab_appends_and_flushes_at_close(fs: AISFileSystem, bkt: str) -> None:
    fs.pipe_file(f"{bkt}/log", b"old\n")
    with fs.open(f"{bkt}/log", "ab", block_size=5 * MIB) as f:
        f.write(b"new 1\n")
        f.flush(force=False)  # below the block size: nothing sent yet
        f.write(os.urandom(6 * MIB))  # past the block size: one APPEND
        assert fs.cat(f"{bkt}/log")[:4] == b"old\n" and fs.info(f"{bkt}/log")["size"] == 4
        f.write(b"tail")
    got = fs.cat(f"{bkt}/log")
    assert got.startswith(b"old\nnew 1\n") and got.endswith(b"tail") and len(got) == 4 + 6 + 6 * MIB + 4
    with fs.open(f"{bkt}/fresh", "ab") as f:  # no object yet: a new one
        f.write(b"created by append")
    assert fs.cat(f"{bkt}/fresh") == b"created by append"
    with fs.transaction:
        with fs.open(f"{bkt}/fresh", "ab") as f:
            f.write(b"+tx")
        assert fs.cat(f"{bkt}/fresh") == b"created by append"  # flushed at commit
    assert fs.cat(f"{bkt}/fresh") == b"created by append+tx"


def test_async_fs_ab_in_sync_mode(ais_endpoint: str, bkt: str) -> None:
    afs = AISAsyncFileSystem(ais_endpoint, skip_instance_cache=True)
    afs.pipe_file(f"{bkt}/l", b"a")
    with afs.open(f"{bkt}/l", "ab") as f:
        f.write(b"b")
    assert afs.cat(f"{bkt}/l") == b"ab"
    afs.close()


def test_bad_part_size(fs: AISFileSystem, bkt: str) -> None:
    with pytest.raises(ValueError):
        fs.open(f"{bkt}/x", "wb", part_size=0)


def test_async_fs_in_sync_mode_streams_parts(ais_endpoint: str, bkt: str) -> None:
    afs = AISAsyncFileSystem(ais_endpoint, skip_instance_cache=True)
    data = os.urandom(5 * MIB + 1)
    with afs.open(f"{bkt}/a.bin", "wb", part_size=2 * MIB) as f:
        f.write(data)
    assert afs.cat(f"{bkt}/a.bin") == data
    afs.close()


def test_open_async(ais_endpoint: str, bkt: str) -> None:
    data = os.urandom(3 * MIB + 7)

    async def main() -> None:
        afs = AISAsyncFileSystem(ais_endpoint, asynchronous=True, skip_instance_cache=True)
        async with await afs.open_async(f"{bkt}/o.bin", "wb", part_size=MIB) as w:
            assert w.writable() and not w.readable()
            for i in range(0, len(data), 100_000):
                await w.write(data[i : i + 100_000])
            assert not await afs._exists(f"{bkt}/o.bin")
        async with await afs.open_async(f"{bkt}/o.bin") as r:
            assert await r.size() == len(data)
            assert await r.read(10) == data[:10]
            await r.seek(-5, io.SEEK_END)
            assert await r.read() == data[-5:]
            await r.seek(0)
            assert await r.read() == data
        with pytest.raises(FileNotFoundError):
            await (await afs.open_async(f"{bkt}/missing")).read()
        with pytest.raises(FileExistsError):
            await afs.open_async(f"{bkt}/o.bin", "xb")
        with pytest.raises(ValueError):
            await afs.open_async(f"{bkt}/o.bin", "ab")
        with pytest.raises(IsADirectoryError):
            await afs.open_async(bkt, "rb")
        with pytest.raises(RuntimeError):
            async with await afs.open_async(f"{bkt}/gone", "wb", part_size=MIB) as w2:
                await w2.write(os.urandom(2 * MIB))
                raise RuntimeError("boom")
        assert not await afs._exists(f"{bkt}/gone")
        r = await afs.open_async(f"{bkt}/o.bin")
        await r.read(10)
        await r.seek(2 * MIB + 1)  # closes the GET
        await afs._pipe_file(f"{bkt}/o.bin", b"overwritten while open")
        with pytest.raises(OSError) as info:
            await r.read(1)
        assert info.value.errno == errno.ESTALE
        await r.close()

    asyncio.run(main())
