"""Seed ``ObjectGroup``: delete (local bucket), evict and prefetch (a real remote AIS bucket,
``ais://@<alias>/<name>``, whose objects the local cluster caches)."""

from __future__ import annotations

import httpx
import pytest

from aistore_hl import Bucket, Client, ObjectRange
from aistore_hl.errors import InvalidArgument, InvalidBckProvider

NAMES = [f"obj-{i:02d}" for i in range(6)]


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` and
    ``remote_bucket`` are built on this)."""
    return any_client


def _names(b: Bucket) -> list[str]:
    return [e.name for e in b.list_all_objects()]


def _cached(b: Bucket) -> dict[str, bool]:
    """What the local cluster holds: listed with the ``cached`` property."""
    return {e.name: e.is_cached() for e in b.list_objects_iter(props="name,size,cached")}


def _present(raw: httpx.Client, b: Bucket, name: str) -> bool:
    """Independent check: HEAD asking only for local presence (never fetches from the remote)."""
    r = raw.head(f"/v1/objects/{b.name}/{name}", params={**b.qparam, "presence": "2"})
    assert r.status_code in (200, 404), r.status_code
    return r.status_code == 200


@pytest.fixture
def filled_remote(remote_bucket: Bucket) -> Bucket:
    for n in NAMES:
        remote_bucket.object(n).put(content=n.encode() * 10)
    assert _cached(remote_bucket) == dict.fromkeys(NAMES, True)  # written through, so cached
    return remote_bucket


# -- delete -------------------------------------------------------------------------------------------
def test_delete_by_names_range_and_template(client: Client, bucket: Bucket) -> None:
    for n in [*NAMES, "other"]:
        bucket.object(n).put(content=b"x")

    job_id = bucket.objects(obj_names=["obj-00", "obj-05"]).delete()
    assert isinstance(job_id, str) and job_id
    status = client.job().wait_for_job(job_id=job_id, timeout=60)
    assert status.kind == "delete-listrange" and status.succeeded
    assert _names(bucket) == ["obj-01", "obj-02", "obj-03", "obj-04", "other"]

    rng = ObjectRange("obj-", 1, 3, pad_width=2)
    client.job().wait_for_job(job_id=bucket.objects(obj_range=rng).delete(), timeout=60)
    assert _names(bucket) == ["obj-04", "other"]

    client.job().wait_for_job(job_id=bucket.objects(obj_template="obj-{04..09}").delete(), timeout=60)
    assert _names(bucket) == ["other"]


def test_delete_in_a_remote_bucket_deletes_remotely(client: Client, filled_remote: Bucket) -> None:
    client.job().wait_for_job(job_id=filled_remote.objects(obj_names=NAMES[:2]).delete(), timeout=60)
    assert _names(filled_remote) == NAMES[2:]  # gone from the remote cluster, not just evicted


def test_selection_is_validated_before_sending(bucket: Bucket) -> None:
    with pytest.raises(InvalidArgument):
        bucket.objects()
    with pytest.raises(InvalidArgument):
        bucket.objects(obj_names=["a"], obj_template="b{0..1}")
    with pytest.raises(InvalidArgument):
        bucket.objects(obj_names="a")  # type: ignore[arg-type]
    # An empty list is a group that selects nothing (the seed built it): see test_seed_audit.
    assert bucket.objects(obj_names=[]).selects_nothing


# -- evict / prefetch -----------------------------------------------------------------------------------
def test_evict_then_prefetch_by_names(client: Client, filled_remote: Bucket, raw: httpx.Client) -> None:
    group = filled_remote.objects(obj_names=NAMES[:3])

    job_id = group.evict()

    assert isinstance(job_id, str) and job_id
    assert client.job().wait_for_job(job_id=job_id, timeout=60).kind == "evict-listrange"
    assert _cached(filled_remote) == {n: n not in NAMES[:3] for n in NAMES}
    assert [_present(raw, filled_remote, n) for n in NAMES] == [False] * 3 + [True] * 3
    # evicted, not deleted: the remote cluster still has them
    assert _names(filled_remote) == NAMES

    job_id = group.prefetch()

    assert isinstance(job_id, str) and job_id
    status = client.job().wait_for_job(job_id=job_id, timeout=60)
    assert status.kind == "prefetch-listrange" and status.succeeded
    assert _cached(filled_remote) == dict.fromkeys(NAMES, True)
    assert all(_present(raw, filled_remote, n) for n in NAMES)
    assert filled_remote.object("obj-01").get().read_all() == b"obj-01" * 10


def test_evict_then_prefetch_by_range_and_template(
    client: Client, filled_remote: Bucket, raw: httpx.Client
) -> None:
    jid = filled_remote.objects(obj_range=ObjectRange("obj-", 2, 5, pad_width=2)).evict()
    client.job().wait_for_job(job_id=jid, timeout=60)
    assert _cached(filled_remote) == {n: n < "obj-02" for n in NAMES}

    jid = filled_remote.objects(obj_template="obj-{03..04}").prefetch()
    client.job().wait_for_job(job_id=jid, timeout=60)
    assert _cached(filled_remote) == {n: n in ("obj-00", "obj-01", "obj-03", "obj-04") for n in NAMES}
    assert not _present(raw, filled_remote, "obj-05")


def test_evict_and_prefetch_refuse_local_buckets_before_sending(bucket: Bucket) -> None:
    bucket.object("obj-00").put(content=b"x")
    with pytest.raises(InvalidBckProvider):
        bucket.objects(obj_names=["obj-00"]).evict()
    with pytest.raises(InvalidBckProvider):
        bucket.objects(obj_names=["obj-00"]).prefetch()
    assert _names(bucket) == ["obj-00"]


# -- list_names (official SDK 2.0) ----------------------------------------------------------------
def test_list_names_are_the_objects_the_server_selects(client: Client, bucket: Bucket) -> None:
    """Names, a stepped range and a two-range template expand to exactly what AIS's job touches."""
    everything = [f"s{i:03d}-{j}.tar" for i in range(12) for j in (0, 1)]
    for n in everything:
        bucket.object(n).put(content=b"x")
    groups = [
        bucket.objects(obj_names=["s000-0.tar", "s011-1.tar"]),
        bucket.objects(obj_range=ObjectRange("s", 1, 9, step=4, suffix="-0.tar", pad_width=3)),
        bucket.objects(obj_template="s{002..003}-{0..1}.tar"),
    ]
    expected = [
        ["s000-0.tar", "s011-1.tar"],
        ["s001-0.tar", "s005-0.tar", "s009-0.tar"],
        ["s002-0.tar", "s002-1.tar", "s003-0.tar", "s003-1.tar"],
    ]
    left = set(everything)
    for group, names in zip(groups, expected, strict=True):
        assert group.list_names() == names
        client.job().wait_for_job(job_id=group.delete(), timeout=60)
        left -= set(names)
        assert set(_names(bucket)) == left  # the server deleted exactly the listed names
    assert bucket.objects(obj_names=[]).list_names() == []
    assert bucket.objects(obj_template="").list_names() == []
    assert client.bucket(bucket.name).objects(obj_template="x{3..1}").selects_nothing is False
    with pytest.raises(InvalidArgument):
        bucket.objects(obj_template="x{3..1}").list_names()
