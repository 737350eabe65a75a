"""Bucket info and list_archive, and a shard made with ObjectGroup.archive, on the real cluster."""

from __future__ import annotations

import asyncio
import io
import tarfile

import pytest

from aistore_hl import AsyncClient, Bucket, Client, bucket_api
from aistore_hl.errors import ErrBckNotFound, InvalidArgument
from tests.support.twin import sync_only, twin_module

# On an AsyncBucket (the async run) ba.info is ainfo, and so on.
ba = twin_module(bucket_api)


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


def _tar(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def test_info_gives_props_and_summary(bucket: Bucket) -> None:
    for i in range(3):
        bucket.object(f"i{i}").put(content=b"q" * (i + 1) * 10)
    props, summ = ba.info(bucket)
    assert props.provider == "ais" and props.checksum.type == "xxhash2"
    assert summ.name == bucket.name and summ.obj_count_present == 3
    assert summ.size_all_present_objs == 60 and (summ.obj_min_size, summ.obj_max_size) == (10, 30)
    with pytest.raises(ErrBckNotFound):
        ba.info(bucket.client.bucket("nope-" + bucket.name))
    with pytest.raises(InvalidArgument):
        ba.info(bucket, bsumm_remote="yes")  # type: ignore[arg-type]


def test_list_archive_members(bucket: Bucket) -> None:
    members = {"a.txt": b"alpha", "dir/b.bin": b"\x00" * 1000, "c.json": b"{}"}
    bucket.object("shard.tar").put(content=_tar(members))
    bucket.object("shard.tar.other").put(content=b"not a member")
    got = ba.list_archive(bucket, "shard.tar")
    assert sorted(e.name for e in got) == sorted(f"shard.tar/{m}" for m in members)
    assert {e.name: e.size for e in got}["shard.tar/dir/b.bin"] == 1000
    with_obj = ba.list_archive(bucket, "shard.tar", include_archive_obj=True)
    assert "shard.tar" in [e.name for e in with_obj] and len(with_obj) == 4
    for m, data in members.items():  # and each member reads back by archpath
        assert bucket.object("shard.tar").get(archpath=m).read_all() == data
    assert ba.list_archive(bucket, "missing.tar") == []


def test_shard_made_by_archive_lists_its_sources(client: Client, bucket: Bucket) -> None:
    names = [f"src/{i}.txt" for i in range(5)]
    for n in names:
        bucket.object(n).put(content=n.encode())
    [xid] = bucket.objects(obj_names=names).archive("made.tar")
    client.job().wait_for_idle(60, job_id=xid)
    got = ba.list_archive(bucket, "made.tar")
    assert sorted(e.name for e in got) == sorted(f"made.tar/{n}" for n in names)


@sync_only  # written in async code already; ``bucket`` only names the bucket
def test_async_twins(bucket: Bucket, ais_endpoint: str) -> None:
    bucket.object("s.tar").put(content=_tar({"x": b"1", "y": b"22"}))

    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            b = c.bucket(bucket.name)
            props, summ = await ba.ainfo(b, bsumm_remote=False)
            assert summ.obj_count_present == 1 and props.provider == "ais"
            got = await ba.alist_archive(b, "s.tar")
            assert sorted(e.name for e in got) == ["s.tar/x", "s.tar/y"]

    asyncio.run(main())
