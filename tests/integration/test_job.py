"""``Job``: start, status, wait_for_job, wait_for_idle — on real jobs of the local cluster.

Startable kinds come from aisnode v1.5.0 ``xact/api_table.go`` (``Startable: true``); ``lru`` and
``cleanup-store`` work on any cluster. Copy-bucket jobs serve as long-running jobs: whatever they copy,
they last until their streams go quiet (``transport.quiescent``, 10 s by default).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest

from aistore_hl import Bucket, Client, JobStatus
from aistore_hl.errors import BadRequest, InvalidArgument, NotFound, Timeout


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


def test_start_lru_then_status_and_wait(client: Client) -> None:
    job = client.job()
    job_id = job.start(job_kind="lru")
    assert isinstance(job_id, str) and job_id
    status = job.wait_for_job(job_id=job_id, timeout=60)
    assert isinstance(status, JobStatus)
    assert (status.uuid, status.kind) == (job_id, "lru")
    assert status.end_time > 0 and status.succeeded and not status.aborted and status.err == ""
    again = job.status(job_id=job_id)
    assert (again.uuid, again.end_time) == (job_id, status.end_time)
    by_kind = job.status(job_kind="lru")
    assert by_kind.kind == "lru"


def test_start_cleanup_with_bucket_scope(client: Client, bucket: Bucket) -> None:
    bucket.object("o").put(content=b"x")
    job = client.job()
    job_id = job.start(job_kind="cleanup-store", buckets=[bucket.bck], force=True)
    status = job.wait_for_job(job_id=job_id, timeout=60)
    assert status.kind == "cleanup-store" and status.succeeded
    assert bucket.object("o").get().read_all() == b"x"  # cleanup keeps good objects


def test_start_errors(client: Client) -> None:
    with pytest.raises(BadRequest) as ei:
        client.job().start(job_kind="no-such-kind")
    assert "invalid xaction (job) kind" in ei.value.message
    with pytest.raises(InvalidArgument):
        client.job().start(job_kind="lru", buckets=["not-a-Bck"])  # type: ignore[list-item]


def test_status_errors(client: Client) -> None:
    with pytest.raises(NotFound) as ei:
        client.job().status(job_id="nonexistent1")
    assert ei.value.status_code == 404
    with pytest.raises(InvalidArgument):
        client.job().status()  # neither id nor kind: the server needs one, nothing is sent


def _snaps_all_done(raw: httpx.Client, job_id: str) -> bool:
    r = raw.request("GET", "/v1/cluster", params={"what": "qryxstats"}, json={"ID": job_id})
    r.raise_for_status()
    snaps = [s for per_target in r.json().values() for s in per_target or []]
    assert snaps
    return all(s.get("is_idle") or not str(s.get("end-time", "")).startswith("0001-") for s in snaps)


def test_wait_for_job_and_wait_for_idle_on_long_running_copies(
    client: Client, bucket: Bucket, bucket_factory: Callable[..., str], raw: httpx.Client
) -> None:
    for i in range(20):
        bucket.object(f"o{i:02d}").put(content=bytes([i]) * 1000)
    dst1, dst2 = (
        client.bucket(bucket_factory("wj", create=False)),
        client.bucket(bucket_factory("wi", create=False)),
    )
    job = client.job()
    jid1, jid2 = bucket.copy(dst1.name), bucket.copy(dst2.name)

    assert job.status(job_id=jid1).end_time == 0  # still running
    t0 = time.monotonic()
    with pytest.raises(Timeout):
        job.wait_for_job(job_id=jid1, timeout=0.5)
    assert 0.4 < time.monotonic() - t0 < 5

    final = job.wait_for_job(job_id=jid1, timeout=120)
    assert final.end_time > 0 and final.succeeded
    assert len(dst1.list_all_objects()) == 20

    job.wait_for_idle(job_id=jid2, timeout=120)
    assert _snaps_all_done(raw, jid2)
    assert sorted(e.name for e in dst2.list_all_objects()) == [f"o{i:02d}" for i in range(20)]
    assert dst2.object("o07").get().read_all() == bytes([7]) * 1000


def test_wait_for_idle_by_kind_when_nothing_runs(client: Client) -> None:
    jid = client.job().start(job_kind="lru")
    client.job().wait_for_job(job_id=jid, timeout=60)
    t0 = time.monotonic()
    client.job().wait_for_idle(job_kind="lru", timeout=30)
    assert time.monotonic() - t0 < 10


def test_wait_arguments_are_checked(client: Client) -> None:
    with pytest.raises(InvalidArgument):
        client.job().wait_for_job()
    with pytest.raises(InvalidArgument):
        client.job().wait_for_idle(job_kind="lru", timeout=0)
