"""The issue-19 members through their entry points (Object / Bucket / Job / Cluster and the
async twins), on the real cluster. The behaviour behind each is tested in depth in
test_object_file, test_multipart, test_append, test_object_ops, test_bucket_props,
test_bucket_api, test_job_api and test_cluster_api."""

from __future__ import annotations

import asyncio
import io
import os
import tarfile
from collections.abc import Callable

import pytest

from aistore_hl import AsyncClient, Bucket, Client
from aistore_hl.append import AppendHandleError
from aistore_hl.bucket_props import ChecksumProps
from aistore_hl.errors import AppendUnsupported, InvalidArgument
from aistore_hl.multipart import AsyncMultipartUpload, MultipartUpload
from aistore_hl.object_file import (
    AsyncObjectFileAppender,
    AsyncObjectFileReader,
    AsyncObjectFileWriter,
    ObjectFileAppender,
    ObjectFileReader,
    ObjectFileWriter,
)
from tests.support.twin import sync_only

MIB = 1 << 20


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


def _shard() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        info = tarfile.TarInfo("m.txt")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"abc"))
    return buf.getvalue()


def test_object_entry_points(client: Client, bucket: Bucket, bucket_factory: Callable[..., str]) -> None:
    data = os.urandom(3 * MIB + 1)
    obj = bucket.object("o")
    with obj.get_writer(part_size=MIB) as w:
        assert isinstance(w, ObjectFileWriter)
        w.write(data)
    with obj.open() as f:
        assert isinstance(f, ObjectFileReader)
        f.seek(MIB)
        assert f.read(5) == data[MIB : MIB + 5]
    with obj.open("wb") as w2:
        w2.write(b"small")
    assert obj.open("rb").read() == b"small"
    grown = bucket.object("grown")
    grown.put(content=b"small")
    with grown.open("ab") as a:
        assert isinstance(a, ObjectFileAppender)
        a.write(b" more")
    assert grown.open("rb").read() == b"small more"
    for bad in ("xb", "r", "a", "rb+"):
        with pytest.raises(InvalidArgument):
            obj.open(bad)
    mpu = bucket.object("m").multipart_upload()
    assert isinstance(mpu, MultipartUpload)
    mpu.upload_content(data, part_size=MIB, num_workers=2)
    assert bucket.object("m").get().read_all() == data
    h = bucket.object("a").append_content(b"one ")
    assert bucket.object("a").append_content(b"two", handle=h, flush=True) == ""
    with pytest.raises(AppendHandleError):
        bucket.object("a").append_content(b"x", handle=h)
    assert bucket.object("a").get().read_all() == b"one two"
    obj.set_custom_props({"k": "v"})
    assert obj.head_v2("custom").custom_metadata == {"k": "v"}
    dst = client.bucket(bucket_factory("surf"))
    obj.copy(dst.object("c"))
    assert dst.object("c").get().read_all() == b"small"
    with pytest.raises(InvalidArgument):
        obj.promote("/tmp/x")
    with pytest.raises(InvalidArgument):
        obj.blob_download()  # an ais:// bucket


def test_bucket_job_cluster_entry_points(client: Client, bucket: Bucket) -> None:
    bucket.object("s.tar").put(content=_shard())
    assert bucket.props().checksum.type == "xxhash2"
    bucket.set_props(checksum=ChecksumProps(type="md5"))
    assert bucket.props().checksum.type == "md5"
    bucket.reset_props()
    assert bucket.summary().obj_count_present == 1
    props, summ = bucket.info(bsumm_remote=False)
    assert props.provider == "ais" and summ.obj_count_present == 1
    assert [e.name for e in bucket.list_archive("s.tar")] == ["s.tar/m.txt"]
    names = [f"x{i}" for i in range(3)]
    for n in names:
        bucket.object(n).put(content=b"1")
    [xid] = bucket.objects(obj_names=names).archive("made.tar")
    job = client.job()
    assert job.wait(xid, timeout=60).kind == "archive"  # an idle kind: done once idle
    assert job.get_details(xid).kind == "archive"
    job.abort(xid)
    assert job.wait(xid, timeout=30).aborted
    cluster = client.cluster()
    assert isinstance(cluster.list_jobs_status(), list)
    assert all("[" in r for r in cluster.list_running_jobs())
    stats = cluster.get_stats()
    tid = sorted(stats.targets)[0]
    assert cluster.get_node_stats(tid).node_id == tid
    assert cluster.get_node_log(tid) and cluster.get_node_log_archive(tid)[:2] == b"\x1f\x8b"
    assert isinstance(cluster.list_backends(), list)
    assert isinstance(cluster.list_remote_clusters(), list)


@sync_only  # written in async code already; ``bucket`` only names the bucket
def test_async_entry_points(bucket: Bucket, ais_endpoint: str) -> None:
    bucket.object("s.tar").put(content=_shard())

    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            b = c.bucket(bucket.name)
            obj = b.object("o")
            w = obj.get_writer(part_size=MIB)
            assert isinstance(w, AsyncObjectFileWriter)
            async with w:
                await w.write(os.urandom(2 * MIB + 1))
            r = obj.open()
            assert isinstance(r, AsyncObjectFileReader)
            async with r:
                assert len(await r.read()) == 2 * MIB + 1 and r.checksum_verified
            ap = obj.open("ab")
            assert isinstance(ap, AsyncObjectFileAppender)
            with pytest.raises(AppendUnsupported):  # 3 chunks: AIS 5.0 would keep the first only
                async with ap:
                    await ap.write(b"+")
            assert (await obj.head()).size == 2 * MIB + 1
            mpu = b.object("m").multipart_upload()
            assert isinstance(mpu, AsyncMultipartUpload)
            await mpu.upload_content(b"z" * 100, part_size=40)
            h = await b.object("a").append_content(b"1")
            await b.object("a").append_content(b"2", handle=h, flush=True)
            await obj.set_custom_props({"a": "b"})
            assert (await obj.head_v2(["custom"])).custom_metadata == {"a": "b"}
            await obj.copy(b.object("o2"))
            assert (await b.props()).checksum.type == "xxhash2"
            await b.set_props(versioning={"enabled": False})
            assert (await b.props()).versioning.enabled is False
            await b.reset_props()
            assert (await b.summary()).obj_count_present >= 4
            assert (await b.info(bsumm_remote=False))[1].obj_count_present >= 4
            assert [e.name for e in await b.list_archive("s.tar")] == ["s.tar/m.txt"]
            [xid] = await b.objects(obj_names=["a", "m"]).archive("made.tar")
            assert (await c.job().wait(xid, timeout=60)).kind == "archive"
            assert (await c.job().get_details(xid)).kind == "archive"
            await c.job().abort(xid)
            cl = c.cluster()
            stats = await cl.get_stats()
            tid = sorted(stats.targets)[0]
            assert (await cl.get_node_stats(tid)).node_id == tid
            assert await cl.get_node_log(tid)
            assert isinstance(await cl.list_jobs_status(), list)
            assert isinstance(await cl.list_running_jobs(), list)
            assert isinstance(await cl.list_backends(), list)
            assert isinstance(await cl.list_remote_clusters(), list)
            assert (await cl.get_node_log_archive(tid))[:2] == b"\x1f\x8b"

    asyncio.run(main())
