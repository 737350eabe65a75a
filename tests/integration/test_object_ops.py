"""One-object operations: custom metadata, copy / transform, promote, blob download, HEAD v2."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from aistore_hl import AsyncClient, Bucket, Client, job_api, object_ops
from aistore_hl.errors import ErrBckNotFound, ErrObjNotFound, InvalidArgument, Unsupported
from tests.support.twin import sync_only, twin_module

# On the async run's objects oo.copy is acopy, ja.wait is await_job, and so on.
oo, ja = twin_module(object_ops), twin_module(job_api)


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` and ``remote_bucket``
    are built on this)."""
    return any_client


@pytest.fixture
def promote_dir() -> Iterator[Path]:
    """A fresh directory under the targets' promote root (the cluster runs on this machine)."""
    d = Path(oo.PROMOTE_ROOT) / f"it-{uuid.uuid4().hex[:10]}"
    d.mkdir(parents=True)
    yield d
    shutil.rmtree(d, ignore_errors=True)


def test_custom_props_merge_and_replace(bucket: Bucket) -> None:
    obj = bucket.object("md")
    obj.put(content=b"x")
    oo.set_custom_props(obj, {"a": "1", "b": "2"})
    assert obj.head().custom_metadata == {"a": "1", "b": "2"}
    oo.set_custom_props(obj, {"b": "3", "c": "4"})  # merged
    assert obj.head().custom_metadata == {"a": "1", "b": "3", "c": "4"}
    oo.set_custom_props(obj, {"z": "9"}, replace_existing=True)
    assert obj.head().custom_metadata == {"z": "9"}
    assert obj.get().read_all() == b"x"  # data untouched
    with pytest.raises(ErrObjNotFound):
        oo.set_custom_props(bucket.object("missing"), {"a": "1"})
    for bad in ({"": "x"}, {"a": 1}, {"a=b": "c"}, ["a"], {}):
        with pytest.raises(InvalidArgument):
            oo.set_custom_props(obj, bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        oo.set_custom_props(obj, {"a": "1"}, replace_existing="yes")  # type: ignore[arg-type]


def test_copy_one_object(client: Client, bucket: Bucket, bucket_factory: Callable[..., str]) -> None:
    data = os.urandom(3 << 20)
    src = bucket.object("src")
    src.put(content=data)
    oo.set_custom_props(src, {"k": "v"})
    dst_bck = client.bucket(bucket_factory("cpdst"))
    oo.copy(src, dst_bck.object("copied/here"))
    got = dst_bck.object("copied/here").get()
    assert got.read_all() == data and got.checksum_verified
    assert dst_bck.object("copied/here").head().custom_metadata == {"k": "v"}
    oo.copy(src, bucket.object("same-bucket"))  # within the bucket, under another name
    assert bucket.object("same-bucket").get().read_all() == data
    with pytest.raises(InvalidArgument, match="source object"):
        oo.copy(src, src)
    with pytest.raises(InvalidArgument):
        oo.copy(src, "dst")  # type: ignore[arg-type]
    with pytest.raises(ErrObjNotFound):
        oo.copy(bucket.object("missing"), dst_bck.object("x"))
    with pytest.raises(ErrBckNotFound):
        oo.copy(src, client.bucket("nope-" + bucket.name).object("x"))


def test_transform_needs_an_etl_build(client: Client, bucket: Bucket) -> None:
    src = bucket.object("t")
    src.put(content=b"x")
    with pytest.raises(Unsupported):  # this build has no ETL: 501 from the proxy
        oo.copy(src, bucket.object("t2"), etl_name="some-etl")
    with pytest.raises(InvalidArgument):
        oo.copy(src, bucket.object("t2"), etl_name="Bad Name")


def test_promote_files(client: Client, bucket: Bucket, promote_dir: Path) -> None:
    (promote_dir / "sub").mkdir()
    files = {"a.txt": b"alpha", "b.bin": os.urandom(100_000), "sub/c.txt": b"gamma"}
    for rel, data in files.items():
        (promote_dir / rel).write_bytes(data)
    xid = oo.promote(bucket.object("pr"), str(promote_dir), recursive=True)
    if xid:
        client.job().wait_for_job(xid, timeout=60)
    for rel, data in files.items():
        assert bucket.object(f"pr/{rel}").get().read_all() == data
    assert (promote_dir / "a.txt").exists()  # delete_source=False keeps them
    one = promote_dir / "one.txt"
    one.write_bytes(b"single file")
    # On this one-host cluster every target sees the file (a "file share"): with delete_source,
    # name the target that promotes it, or another one may find it gone (404 PathError, seen).
    tid = sorted(client.cluster().get_info().tmap)[0]
    xid = oo.promote(bucket.object("single.txt"), str(one), target_id=tid, delete_source=True)
    if xid:
        client.job().wait_for_job(xid, timeout=60)
    assert bucket.object("single.txt").get().read_all() == b"single file"
    assert not one.exists()  # delete_source
    with pytest.raises(InvalidArgument, match="must be under"):
        oo.promote(bucket.object("x"), "/tmp")
    with pytest.raises(InvalidArgument):
        oo.promote(bucket.object("x"), str(one), recursive="yes")  # type: ignore[arg-type]


def test_blob_download_of_a_remote_object(client: Client, remote_bucket: Bucket) -> None:
    data = os.urandom(3 << 20)
    obj = remote_bucket.object("blob")
    obj.put(content=data)
    remote_bucket.evict(keep_md=True)  # the remote cluster keeps it; the local copy goes
    assert obj.head().present is False or obj.head().present is None
    xid = oo.blob_download(obj, chunk_size=1 << 20, num_workers=2)
    assert xid
    status = ja.wait(client.job(), xid, "", "", 60, True)  # no what=status record: snapshots
    assert status.kind == "blob-download" and status.end_time != 0
    assert obj.head().present is True
    got = obj.get()
    assert got.read_all() == data and got.checksum_verified


def test_blob_download_input(bucket: Bucket, remote_bucket: Bucket) -> None:
    with pytest.raises(InvalidArgument, match="remote bucket"):
        oo.blob_download(bucket.object("x"))
    with pytest.raises(InvalidArgument):
        oo.blob_download(remote_bucket.object("x"), chunk_size=0)


def test_head_v2(bucket: Bucket) -> None:
    obj = bucket.object("h")
    obj.put(content=b"0123456789")
    oo.set_custom_props(obj, {"k": "v"})
    h = oo.head_v2(obj, "size,checksum,custom,last-modified,etag")
    assert h.size == 10 and h.checksum_type == "xxhash2" and h.custom_metadata == {"k": "v"}
    assert h.get("last-modified") and h.etag
    assert h.get("ais-atime") is None and h.get("ais-location") is None  # only what was asked
    assert oo.head_v2(obj, ["location"]).location
    with pytest.raises(InvalidArgument):
        oo.head_v2(obj, "cached")
    with pytest.raises(InvalidArgument):
        oo.head_v2(obj, "")
    with pytest.raises(ErrObjNotFound):
        oo.head_v2(bucket.object("missing"), "size")


@sync_only  # written in async code already; ``bucket`` only names the bucket
def test_async_twins(bucket: Bucket, ais_endpoint: str, promote_dir: Path) -> None:
    (promote_dir / "p.txt").write_bytes(b"promoted")

    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            b = c.bucket(bucket.name)
            obj = b.object("a")
            await obj.put(content=b"async")
            await oo.aset_custom_props(obj, {"x": "y"})
            assert (await obj.head()).custom_metadata == {"x": "y"}
            await oo.acopy(obj, b.object("a-copy"))
            assert await (await b.object("a-copy").get()).read_all() == b"async"
            h = await oo.ahead_v2(obj, "size,custom")
            assert h.size == 5 and h.custom_metadata == {"x": "y"}
            xid = await oo.apromote(b.object("ap.txt"), str(promote_dir / "p.txt"))
            if xid:
                await c.job().wait_for_job(xid, timeout=60)
            assert await (await b.object("ap.txt").get()).read_all() == b"promoted"
            with pytest.raises(InvalidArgument):
                await oo.ablob_download(obj)

    asyncio.run(main())
