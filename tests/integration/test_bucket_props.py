"""Bucket props (typed get / set / reset) and bucket summary, on the real cluster."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from aistore_hl import AsyncClient, Bucket, Client, bucket_props
from aistore_hl.bucket_props import BucketProps, ChecksumProps, MirrorProps, VersioningProps
from aistore_hl.errors import ErrBckNotFound, InvalidArgument
from tests.support.twin import sync_only, twin_module

# On an AsyncBucket (the async run) bp.get_props is aget_props, and so on.
bp = twin_module(bucket_props)


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


def _raw_props(raw: httpx.Client, bucket: Bucket) -> dict[str, object]:
    r = raw.head(f"/v1/buckets/{bucket.name}", params=bucket.qparam)
    assert r.status_code == 200
    props: dict[str, object] = json.loads(r.headers["ais-bucket-props"])
    return props


def test_props_are_typed(bucket: Bucket, raw: httpx.Client) -> None:
    props = bp.get_props(bucket)
    assert isinstance(props, BucketProps) and props.provider == "ais" and props.backend_bck is None
    assert props.checksum.type == "xxhash2" and props.versioning.enabled is True
    assert isinstance(props.mirror.copies, int) and props.mirror.enabled is False
    assert props.write_policy.data == "immediate"
    assert props.access == int(str(_raw_props(raw, bucket)["access"])) and props.access > 0
    assert props.bid > 0 and props.created is not None and props.created.year >= 2024
    assert "enabled" in props.ec and "dont_evict_time" in props.lru


def test_set_then_reset(bucket: Bucket, raw: httpx.Client) -> None:
    xid = bp.set_props(
        bucket,
        bp.props_to_set(
            checksum=ChecksumProps(type="md5", validate_warm_get=True),
            versioning={"enabled": False},
            lru={"dont_evict_time": "3h0m"},
        ),
    )
    assert xid == ""  # nothing here starts a job
    props = bp.get_props(bucket)
    assert props.checksum.type == "md5" and props.checksum.validate_warm_get is True
    assert props.versioning.enabled is False and props.lru["dont_evict_time"] == "3h0m"
    assert json.loads(json.dumps(_raw_props(raw, bucket)["checksum"]))["type"] == "md5"
    # Objects written now get the bucket's checksum type.
    assert bucket.object("o").put(content=b"x").checksum_type == "md5"
    bp.reset_props(bucket)
    props = bp.get_props(bucket)
    assert props.checksum.type == "xxhash2" and props.versioning.enabled is True


def test_set_mirror_starts_a_job(bucket: Bucket) -> None:
    bucket.object("m").put(content=b"mirror me")
    xid = bp.set_props(bucket, bp.props_to_set(mirror=MirrorProps(enabled=True, copies=2)))
    assert xid  # make-n-copies
    bucket.client.job().wait_for_job(xid, timeout=60)
    assert bp.get_props(bucket).mirror == MirrorProps(copies=2, burst_buffer=512, enabled=True)


def test_bad_props_are_refused_before_any_request(bucket: Bucket) -> None:
    with pytest.raises(InvalidArgument, match="unknown"):
        bp.props_to_set(checksum={"kind": "md5"})
    with pytest.raises(InvalidArgument, match="wrong type"):
        bp.props_to_set(versioning=VersioningProps(enabled="yes"))  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="unknown bucket property section"):
        bp.props_to_set(colour={"a": 1})
    with pytest.raises(InvalidArgument):
        bp.props_to_set(access=-1)
    with pytest.raises(InvalidArgument, match="nothing to set"):
        bp.props_to_set()
    want = {"access": "5", "features": "0", "force": True}
    assert bp.props_to_set(access=5, features=0, force=True) == want


def test_missing_bucket(bucket: Bucket) -> None:
    gone = bucket.client.bucket("nope-" + bucket.name)
    with pytest.raises(ErrBckNotFound):
        bp.get_props(gone)
    with pytest.raises(ErrBckNotFound):
        bp.set_props(gone, bp.props_to_set(versioning={"enabled": False}))
    with pytest.raises(ErrBckNotFound):
        bp.summary(gone)


def test_summary(bucket: Bucket) -> None:
    sizes = [10, 200, 3000, 40_000]
    for i, n in enumerate(sizes):
        bucket.object(f"s/{i}").put(content=b"z" * n)
    bucket.object("other").put(content=b"q" * 5)
    s = bp.summary(bucket)
    assert s.name == bucket.name and s.provider == "ais"
    assert s.obj_count_present == 5 and s.obj_count_remote == 0
    assert (s.obj_min_size, s.obj_max_size) == (5, 40_000)
    assert s.size_all_present_objs == sum(sizes) + 5 and s.size_on_disk >= s.size_all_present_objs
    assert s.total_disks_size > s.size_on_disk
    part = bp.summary(bucket, prefix="s/")
    assert part.obj_count_present == 4 and part.size_all_present_objs == sum(sizes)
    with pytest.raises(InvalidArgument):
        bp.summary(bucket, timeout=0)


@sync_only  # written in async code already; ``bucket`` only names the bucket
def test_async_twins(bucket: Bucket, ais_endpoint: str) -> None:
    bucket.object("a").put(content=b"abc")

    async def main() -> None:
        async with AsyncClient(ais_endpoint) as c:
            b = c.bucket(bucket.name)
            assert (await bp.aget_props(b)).checksum.type == "xxhash2"
            await bp.aset_props(b, bp.props_to_set(checksum={"type": "sha256"}))
            assert (await bp.aget_props(b)).checksum.type == "sha256"
            await bp.areset_props(b)
            assert (await bp.aget_props(b)).checksum.type == "xxhash2"
            s = await bp.asummary(b)
            assert s.obj_count_present == 1 and s.size_all_present_objs == 3

    asyncio.run(main())
