"""``AsyncClient``: each async method family against the real cluster (run with ``asyncio.run``)."""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
import pytest

from aistore_hl import (
    AsyncBucket,
    AsyncClient,
    AsyncObjStream,
    BucketEntry,
    Namespace,
    ObjectRange,
    RetryPolicy,
)
from aistore_hl.errors import (
    ConnectionFailed,
    ErrBckAlreadyExists,
    ErrBckNotFound,
    ErrObjNotFound,
    InvalidArgument,
    InvalidBckProvider,
    NotFound,
    Unsupported,
)


def run(coro_fn: Callable[[AsyncClient], Coroutine[Any, Any, None]], endpoint: str, **kw: Any) -> None:
    async def main() -> None:
        async with AsyncClient(endpoint, **kw) as c:
            await coro_fn(c)

    asyncio.run(main())


def test_cluster(ais_endpoint: str, bucket_factory: Callable[..., str]) -> None:
    name = bucket_factory("as")

    async def body(c: AsyncClient) -> None:
        cluster = c.cluster()
        assert cluster.client is c
        assert await cluster.is_aistore_running() is True
        smap = await cluster.get_info()
        assert len(smap.tmap) >= 1 and smap.proxy_si.daemon_id in smap.pmap
        assert name in {b.name for b in await cluster.list_buckets()}

    run(body, ais_endpoint)


def test_create_head_delete_bucket(
    ais_endpoint: str, bucket_factory: Callable[..., str], raw: httpx.Client
) -> None:
    name = bucket_factory("as", create=False)

    async def body(c: AsyncClient) -> None:
        b = c.bucket(name)
        assert isinstance(b, AsyncBucket) and b.client is c and b.qparam == {"provider": "ais"}
        await b.create()
        assert raw.head(f"/v1/buckets/{name}", params={"provider": "ais"}).status_code == 200
        with pytest.raises(ErrBckAlreadyExists):
            await b.create()
        props = await b.head()
        assert props.bucket_props is not None and props.bucket_props["provider"] == "ais"
        resp = await b.make_request("GET", "list", value={})
        assert resp.json()["entries"] in (None, [])
        await b.delete()
        with pytest.raises(ErrBckNotFound):
            await b.head()

    run(body, ais_endpoint)
    assert raw.head(f"/v1/buckets/{name}", params={"provider": "ais"}).status_code == 404


def test_put_get_stream_head_delete_objects(
    ais_endpoint: str, bucket_factory: Callable[..., str], tmp_path: Any
) -> None:
    name = bucket_factory("as")
    big = os.urandom((3 << 20) + 17)
    f = tmp_path / "big.bin"
    f.write_bytes(big)

    async def body(c: AsyncClient) -> None:
        b = c.bucket(name)
        # concurrent puts of every content kind
        props = await asyncio.gather(
            b.object("bytes").put(content=b"hello async"),
            b.object("file").put(path=str(f)),
            b.object("iter").put(content=(bytes([i]) * 100 for i in range(3))),
        )
        assert all(p["ais-checksum-value"] for p in props)

        obj = b.object("bytes")
        assert obj.bck is b and obj.obj_name == "bytes"
        head = await obj.head()
        assert head.size == 11 and head.checksum_value == props[0].checksum_value

        stream = await obj.get()
        assert isinstance(stream, AsyncObjStream)
        assert await stream.read_all() == b"hello async"

        chunks = [c async for c in await b.object("file").get(chunk_size=1 << 20)]
        assert [len(x) for x in chunks] == [1 << 20] * 3 + [17]
        assert hashlib.sha256(b"".join(chunks)).digest() == hashlib.sha256(big).digest()
        assert await (await b.object("iter").get(byte_range=(100, 199))).read_all() == b"\x01" * 100

        one = await c.get_object(name, "bytes")
        assert [x async for x in one] == [bytes([ch]) for ch in b"hello async"]  # chunk_size=1

        await obj.delete()
        with pytest.raises(ErrObjNotFound):
            await obj.head()
        with pytest.raises(ErrObjNotFound):
            await obj.get()

    run(body, ais_endpoint)


def test_list_objects_iter_and_pages(ais_endpoint: str, bucket_factory: Callable[..., str]) -> None:
    name = bucket_factory("as")
    names = [f"p/{i:02d}" for i in range(7)]

    async def body(c: AsyncClient) -> None:
        b = c.bucket(name)
        await asyncio.gather(*(b.object(n).put(content=n.encode()) for n in names))
        it = b.list_objects_iter(prefix="p/", props="name,size", page_size=3)
        assert it.pages_fetched == 0
        got = [e async for e in it]
        assert [e.name for e in got] == names and all(isinstance(e, BucketEntry) for e in got)
        assert [e.size for e in got] == [4] * 7 and it.pages_fetched == 3
        page = await b.list_objects(page_size=5)
        assert len(page.entries) == 5 and page.continuation_token
        rest = await b.list_objects(page_size=5, uuid=page.uuid, continuation_token=page.continuation_token)
        assert [e.name for e in rest.entries] == names[5:] and rest.continuation_token == ""
        assert [e.name for e in await b.list_all_objects()] == names
        assert [e.name async for e in c.list_objects_iter(name, prefix="p/0", page_size=2)] == names

    run(body, ais_endpoint)


def test_object_groups_and_job_wait(ais_endpoint: str, bucket_factory: Callable[..., str]) -> None:
    name = bucket_factory("as")

    async def body(c: AsyncClient) -> None:
        b = c.bucket(name)
        await asyncio.gather(*(b.object(f"g-{i}").put(content=b"x") for i in range(6)))
        job = c.job()
        assert job.client is c
        jid = await b.objects(obj_range=ObjectRange("g-", 0, 2)).delete()
        status = await job.wait_for_job(job_id=jid, timeout=60)
        assert status.kind == "delete-listrange" and status.succeeded and status.uuid == jid
        assert (await job.status(job_id=jid)).end_time == status.end_time
        await job.wait_for_job(job_id=await b.objects(obj_template="g-{3..4}").delete(), timeout=60)
        assert [e.name for e in await b.list_all_objects()] == ["g-5"]

        lru = await job.start(job_kind="lru")
        await job.wait_for_idle(job_id=lru, timeout=60)
        assert (await job.status(job_id=lru)).end_time > 0
        with pytest.raises(InvalidBckProvider):
            await b.objects(obj_names=["g-5"]).evict()

    run(body, ais_endpoint)


def test_remote_evict_prefetch(ais_endpoint: str, remote_bucket: Any, remote_alias: str) -> None:
    async def body(c: AsyncClient) -> None:
        rb = c.bucket(remote_bucket.name, ns=Namespace(uuid=remote_alias))
        await asyncio.gather(*(rb.object(f"r{i}").put(content=b"remote") for i in range(3)))

        async def cached() -> list[bool]:
            return [e.is_cached() for e in await rb.list_all_objects(props="name,cached")]

        assert await cached() == [True] * 3
        await c.job().wait_for_job(job_id=await rb.objects(obj_names=["r0", "r2"]).evict(), timeout=60)
        assert await cached() == [False, True, False]
        await c.job().wait_for_job(job_id=await rb.objects(obj_template="r{0..2}").prefetch(), timeout=60)
        assert await cached() == [True] * 3
        await rb.evict(keep_md=True)
        assert await cached() == [False] * 3

    run(body, ais_endpoint)


def test_errors(ais_endpoint: str, bucket_factory: Callable[..., str]) -> None:
    name = bucket_factory("as")

    async def body(c: AsyncClient) -> None:
        b = c.bucket(name)
        await b.object("o").put(content=b"x")
        with pytest.raises(ErrBckNotFound):
            await c.bucket(name + "-none").list_objects()
        with pytest.raises(NotFound):
            await c.job().status(job_id="nonexistent1")
        with pytest.raises(InvalidArgument):
            await b.object("o").put(path="/nonexistent/file")
        with pytest.raises(Unsupported) as ei:
            await c.etl().list()
        assert (ei.value.status_code, ei.value.tcode) == (501, "ErrUnsupp")
        with pytest.raises(Unsupported) as ei:
            await b.transform("md5-etl", name + "-dst")
        assert (ei.value.status_code, ei.value.tcode) == (404, "ErrUnsupp")
        with pytest.raises(Unsupported):
            await b.object("o").get(etl_id="md5-etl")
        for call in (
            c.etl().init_code(lambda d: d, "async-etl"),
            c.etl().view("md5-etl"),
            c.etl().start("md5-etl"),
            c.etl().stop("md5-etl"),
            c.etl().delete("md5-etl"),
        ):
            with pytest.raises(Unsupported):
                await call

    run(body, ais_endpoint)

    async def dead(c: AsyncClient) -> None:
        assert await c.cluster().is_aistore_running() is False
        with pytest.raises(ConnectionFailed):
            await c.bucket("x").head()

    run(dead, "http://127.0.0.1:9", retry=RetryPolicy.no_retries())
