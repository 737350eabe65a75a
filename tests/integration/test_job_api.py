"""Jobs beyond the seed (list, abort, details, wait for any kind), on the real cluster."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable

import pytest

from aistore_hl import AsyncClient, Bucket, Client, job_api
from aistore_hl.errors import InvalidArgument
from aistore_hl.job import JobFailed
from tests.support.twin import sync_only, twin_module

# On the async run's client ja.abort is aabort, ja.wait is await_job, and so on.
ja = twin_module(job_api)


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


def _fill(bucket: Bucket, n: int, size: int = 1000) -> list[str]:
    names = [f"o-{i:04d}" for i in range(n)]
    for name in names:
        bucket.object(name).put(content=name.encode() * (size // len(name)))
    return names


def test_terminal_kind_wait_details_and_listing(
    client: Client, bucket: Bucket, bucket_factory: Callable[..., str]
) -> None:
    _fill(bucket, 20)
    dst = client.bucket(bucket_factory("jdst", create=False))
    xid = bucket.copy(dst.name)  # copy-bck: a kind that ends
    assert ja.wait_mode("copy-bck") == "end"
    status = ja.wait(client.job(), xid, "", "", 60, True)  # the kind is looked up by id
    assert status.uuid == xid and status.end_time != 0 and not status.aborted and not status.err
    assert len(dst.list_all_objects()) == 20
    details = ja.get_details(client, xid)
    assert details.kind == "copy-bck" and details.is_finished and not details.aborted
    assert details.objs == 20 and details.bytes == 20 * 996  # every target's local share, summed
    snaps = details.list_snapshots()
    assert {s.node for s in snaps} == set(details.snaps) and all(s.id == xid for s in snaps)
    assert all(s.src_bck is not None and s.src_bck.name == bucket.name for s in snaps)
    total = details.get_total_time()
    assert total is not None and total.total_seconds() >= 0
    listed = ja.list_jobs_status(client, "copy-bck")
    assert any(s.uuid == xid and s.kind == "copy-bck" and s.end_time for s in listed), listed
    assert all(s.kind == "copy-bck" for s in listed)
    running = ja.list_running_jobs(client)
    assert all(re.fullmatch(r"[a-z0-9-]+\[[^\]]+\]", r) for r in running), running
    assert f"copy-bck[{xid}]" not in running  # it ended


def test_idle_kind_wait_and_abort(client: Client, bucket: Bucket, bucket_factory: Callable[..., str]) -> None:
    names = _fill(bucket, 10)
    dst = client.bucket(bucket_factory("jidle"))
    [xid] = bucket.objects(obj_names=names).copy(dst)  # copy-listrange: lingers idle after its work
    assert ja.wait_mode("copy-listrange") == "idle"
    status = ja.wait(client.job(), xid, "", "", 60, True)  # returns once idle, not at its end
    assert status.uuid == xid and status.kind == "copy-listrange" and status.is_idle
    assert not status.aborted and status.end_time == 0
    assert sorted(e.name for e in dst.list_all_objects()) == names
    # Still alive (idle), so still listed as running, until it is aborted.
    assert f"copy-listrange[{xid}]" in ja.list_running_jobs(client, "copy-listrange")
    ja.abort(client, xid)
    with pytest.raises(JobFailed) as info:
        ja.wait(client.job(), xid, "", "", 30, True)
    assert info.value.status.aborted and info.value.status.uuid == xid
    assert ja.get_details(client, xid).aborted
    assert f"copy-listrange[{xid}]" not in ja.list_running_jobs(client, "copy-listrange")


def test_abort_a_running_job_by_kind(
    client: Client, bucket: Bucket, bucket_factory: Callable[..., str]
) -> None:
    names = _fill(bucket, 5)
    dst = client.bucket(bucket_factory("jab"))
    [xid] = bucket.objects(obj_names=names).copy(dst)
    client.job().wait_for_idle(60, job_id=xid)
    assert not ja.get_details(client, xid).aborted
    ja.abort(client, job_kind="copy-listrange")  # every copy-listrange job
    status = ja.wait(client.job(), xid, "", "", 30, False)
    assert status.aborted and ja.get_details(client, xid).aborted


def test_bad_input_is_refused_before_any_request(client: Client) -> None:
    with pytest.raises(InvalidArgument):
        ja.abort(client)  # an empty "stop" would abort every job of the cluster
    with pytest.raises(InvalidArgument):
        ja.get_details(client)


@sync_only  # written in async code already; ``bucket`` only names the bucket
def test_async_twins(bucket: Bucket, bucket_factory: Callable[..., str], ais_endpoint: str) -> None:
    names = _fill(bucket, 6)

    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            src = c.bucket(bucket.name)
            dst = c.bucket(bucket_factory("jasync"))
            [xid] = await src.objects(obj_names=names).copy(dst)
            status = await ja.await_job(c.job(), xid, "", "", 60, True)
            assert status.uuid == xid and status.is_idle
            details = await ja.aget_details(c, xid)
            assert details.kind == "copy-listrange" and details.all_idle() and details.objs == 6
            assert f"copy-listrange[{xid}]" in await ja.alist_running_jobs(c, "copy-listrange")
            await ja.aabort(c, xid)
            assert (await ja.await_job(c.job(), xid, "", "", 30, False)).aborted
            cpb = await src.copy(bucket_factory("jasync2", create=False))
            assert any(s.uuid == cpb for s in await ja.alist_jobs_status(c, "copy-bck"))
            assert (await ja.await_job(c.job(), cpb, "", "", 60, True)).end_time != 0
            with pytest.raises(InvalidArgument):
                await ja.aabort(c)

    asyncio.run(main())
