"""Native bucket inventories (create / show / list through / destroy), on the real cluster.

create-inventory runs only on a bucket of the attached remote AIS cluster: on an ais:// bucket
without a backend AIS 5.0 crashes every target (``target.Backend`` dereferences the missing
backend bucket), which ``create_inventory`` refuses before sending anything.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from aistore_hl import AsyncClient, Bucket, Client, bucket_nbi
from aistore_hl.errors import BadRequest, InvalidArgument
from tests.support.tap import requests_of
from tests.support.twin import sync_only, twin_module

# On an AsyncBucket (the async run) nbi.create_inventory is acreate_inventory, and so on.
nbi = twin_module(bucket_nbi)


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` and ``remote_bucket``
    are built on this)."""
    return any_client


def test_ais_bucket_is_refused_before_create(client: Client, bucket: Bucket) -> None:
    with (
        requests_of(client, lambda r: r.method) as sent,
        pytest.raises(nbi.NBIUnsupported, match="remote buckets only"),
    ):
        nbi.create_inventory(bucket)
    assert sent == ["HEAD"], sent  # the props, then nothing: no create-inventory was sent
    assert nbi.show_inventory(bucket) == {}
    nbi.destroy_inventory(bucket)  # none: a no-op on the server
    with pytest.raises(BadRequest, match="has no inventories"):
        nbi.list_inventory(bucket)


def test_bad_input(remote_bucket: Bucket) -> None:
    with pytest.raises(InvalidArgument):
        nbi.create_inventory(remote_bucket, names_per_chunk=1)
    with pytest.raises(InvalidArgument):
        nbi.show_inventory(remote_bucket, name=5)  # type: ignore[arg-type]


def test_remote_bucket_inventory_lifecycle(client: Client, remote_bucket: Bucket) -> None:
    names = sorted(f"inv/{i:03d}" for i in range(25))
    for n in names:
        remote_bucket.object(n).put(content=b"x")
    xid = nbi.create_inventory(remote_bucket, name="inv1", names_per_chunk=10)
    assert xid
    client.job().wait(xid, job_kind="create-inventory", timeout=120, raise_on_failure=True)
    deadline = time.monotonic() + 30
    while not (infos := nbi.show_inventory(remote_bucket)) and time.monotonic() < deadline:
        time.sleep(0.2)
    [info] = infos.values()
    assert info.name == "inv1" and info.ntotal == 25 and info.chunks >= 1 and info.size > 0
    assert info.finished >= info.started > 0
    assert nbi.show_inventory(remote_bucket, "inv1") == infos
    listed = nbi.list_inventory(remote_bucket, "inv1")
    assert sorted(e.name for e in listed) == names
    assert sorted(e.name for e in nbi.list_inventory(remote_bucket, "inv1", prefix="inv/02")) == names[20:]
    nbi.destroy_inventory(remote_bucket, "inv1")
    assert nbi.show_inventory(remote_bucket) == {}


@sync_only  # written in async code already; ``bucket`` only names the bucket
def test_async_twins(bucket: Bucket, ais_endpoint: str) -> None:
    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            b = c.bucket(bucket.name)
            with pytest.raises(nbi.NBIUnsupported):
                await nbi.acreate_inventory(b)
            assert await nbi.ashow_inventory(b) == {}
            await nbi.adestroy_inventory(b)
            with pytest.raises(BadRequest):
                await nbi.alist_inventory(b)

    asyncio.run(main())


def test_entry_points(client: Client, bucket: Bucket, remote_bucket: Bucket) -> None:
    with pytest.raises(nbi.NBIUnsupported):
        bucket.create_inventory()
    remote_bucket.object("e/1").put(content=b"1")
    xid = remote_bucket.create_inventory(name="ep")
    client.job().wait(xid, job_kind="create-inventory", timeout=120, raise_on_failure=True)
    deadline = time.monotonic() + 30
    while not remote_bucket.show_inventory("ep") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [i.name for i in remote_bucket.show_inventory("ep").values()] == ["ep"]
    assert [e.name for e in remote_bucket.list_inventory("ep")] == ["e/1"]
    remote_bucket.destroy_inventory("ep")
    assert remote_bucket.show_inventory() == {}
