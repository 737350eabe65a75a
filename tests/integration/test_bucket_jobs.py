"""Bucket jobs (make-n-copies, rechunk, index-shard, ec-encode) and the shard summary, on the real
cluster, through ``Bucket`` and ``AsyncBucket`` (the ``[async]`` runs)."""

from __future__ import annotations

import io
import tarfile

import httpx
import pytest

from aistore_hl import Bucket, Client
from aistore_hl.bucket_props import MirrorProps, ShardSummary
from aistore_hl.errors import BadRequest, InvalidArgument, Timeout
from tests.support.tap import requests_of


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


def _tar(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _obj_headers(raw: httpx.Client, bucket: Bucket, name: str) -> httpx.Headers:
    r = raw.head(f"/v1/objects/{bucket.name}/{name}", params=bucket.qparam)
    assert r.status_code == 200, r.text
    return r.headers


def test_make_n_copies_mirrors_the_objects(client: Client, bucket: Bucket, raw: httpx.Client) -> None:
    bucket.object("m").put(content=b"mirror me")
    xid = bucket.make_n_copies(2)
    assert xid
    status = client.job().wait(xid, job_kind="make-n-copies", timeout=120, raise_on_failure=True)
    assert status.kind == "make-n-copies" and status.end_time > 0
    mirror = bucket.props().mirror
    assert (mirror.copies, mirror.enabled) == (2, True)
    assert _obj_headers(raw, bucket, "m")["ais-mirror-copies"] == "2"

    xid = bucket.make_n_copies(1)  # back to one copy: mirroring off
    client.job().wait(xid, job_kind="make-n-copies", timeout=120, raise_on_failure=True)
    assert bucket.props().mirror == MirrorProps(copies=1, burst_buffer=mirror.burst_buffer, enabled=False)
    assert _obj_headers(raw, bucket, "m")["ais-mirror-copies"] == "1"
    assert bucket.object("m").get_reader().read_all() == b"mirror me"


def test_rechunk_keeps_the_bytes(client: Client, bucket: Bucket, raw: httpx.Client) -> None:
    big, small = bytes(range(256)) * 20, b"s" * 100  # 5,120 bytes: five 1 KiB chunks; 100: below
    bucket.object("r/big").put(content=big)
    bucket.object("r/small").put(content=small)
    bucket.object("other").put(content=big)
    assert _obj_headers(raw, bucket, "r/big")["ais-version"] == "1"

    with requests_of(client, lambda r: r.method) as sent:
        xid = bucket.rechunk(objsize_limit=1024, chunk_size=1024, prefix="r/")
    assert sent == ["POST"]  # both sizes given: no HEAD of the props
    client.job().wait(xid, job_kind="rechunk", timeout=120, raise_on_failure=True)
    snaps = client.job().get_details(xid).list_snapshots()
    assert snaps and all("chunk-size:1KiB" in s.ctlmsg for s in snaps), [s.ctlmsg for s in snaps]
    assert sum(s.objs for s in snaps) == 2  # the prefix: r/big, r/small visited; "other" not
    assert _obj_headers(raw, bucket, "r/big")["ais-version"] == "2"  # rewritten, chunked
    assert _obj_headers(raw, bucket, "other")["ais-version"] == "1"
    assert bucket.object("r/big").get_reader().read_all() == big
    assert bucket.object("r/small").get_reader().read_all() == small

    # Sizes left out are the bucket's chunks props (objsize_limit 0 by default: monolithic again).
    chunks = bucket.props().chunks
    with requests_of(client, lambda r: r.method) as sent:
        xid = bucket.rechunk()
    assert sent == ["HEAD", "POST"]
    client.job().wait(xid, job_kind="rechunk", timeout=120, raise_on_failure=True)
    want = f"objsize-limit:{chunks['objsize_limit']}, chunk-size:{chunks['chunk_size']}"
    assert all(want in s.ctlmsg for s in client.job().get_details(xid).list_snapshots())
    assert _obj_headers(raw, bucket, "r/big")["ais-version"] == "3"
    assert bucket.object("r/big").get_reader().read_all() == big
    assert bucket.object("other").get_reader().read_all() == big


def test_index_shards_then_shard_summary(client: Client, bucket: Bucket) -> None:
    s1 = _tar({"a.txt": b"abc", "b.txt": b"defg", "c/d.txt": b"h"})
    s2 = _tar({"x.bin": b"x" * 600, "y.bin": b"y"})
    bucket.object("a/s1.tar").put(content=s1)
    bucket.object("b/s2.tar").put(content=s2)
    bucket.object("b/plain.bin").put(content=b"not a shard")

    before = bucket.shard_summary()
    assert isinstance(before, ShardSummary)
    assert before == ShardSummary(
        tar_objs=2, tar_size=len(s1) + len(s2), shards=0, shard_size=0, archived_objs=0,
        stale_indexes=0, invalid_indexes=0,
    )  # fmt: skip

    xid = bucket.index_shards(prefix="a/")
    client.job().wait(xid, job_kind="index-shard", timeout=120, raise_on_failure=True)
    part = bucket.shard_summary()
    assert (part.tar_objs, part.shards, part.shard_size, part.archived_objs) == (2, 1, len(s1), 3)
    assert bucket.shard_summary(prefix="b/") == ShardSummary(1, len(s2), 0, 0, 0, 0, 0)

    xid = bucket.index_shards(num_workers=-1, skip_verify=True)
    client.job().wait(xid, job_kind="index-shard", timeout=120, raise_on_failure=True)
    after = bucket.shard_summary(timeout=60)
    assert (after.tar_objs, after.shards, after.archived_objs) == (2, 2, 5)
    assert after.shard_size == after.tar_size == len(s1) + len(s2)
    assert (after.stale_indexes, after.invalid_indexes) == (0, 0)
    assert bucket.shard_summary(prefix="a/") == ShardSummary(1, len(s1), 1, len(s1), 3, 0, 0)


def test_ec_encode_too_few_targets_is_a_typed_400(client: Client, bucket: Bucket, raw: httpx.Client) -> None:
    targets = len(raw.get("/v1/daemon", params={"what": "smap"}).json()["tmap"])
    bucket.object("e").put(content=b"ec")
    # D + P + 1 targets are needed: one more than the cluster has.
    with requests_of(client, lambda r: r.method) as sent, pytest.raises(BadRequest) as exc:
        bucket.ec_encode(data_slices=targets - 1, parity_slices=1)
    assert sent == ["POST"]
    err = exc.value
    assert err.status_code == 400 and err.tcode == "ErrNotEnoughTargets", repr(err)
    assert f"requires at least {targets + 1} targets (have {targets})" in err.message
    assert bucket.props().ec["enabled"] is False  # nothing changed
    with pytest.raises(BadRequest, match="not enough target"):
        bucket.ec_encode(1, targets, objsize_limit=-1, check_and_recover=True)


def test_shard_summary_timeout(client: Client, bucket: Bucket) -> None:
    bucket.object("t.tar").put(content=_tar({"f": b"1"}))
    with requests_of(client, lambda r: r.method) as sent, pytest.raises(Timeout, match="shard summary"):
        bucket.shard_summary(timeout=1e-9)  # started (one GET), then out of time before a poll
    assert sent == ["GET"]
    with requests_of(client, lambda r: r.method) as sent:
        for bad in (0, -1, True, "5"):
            with pytest.raises(InvalidArgument):
                bucket.shard_summary(timeout=bad)  # type: ignore[arg-type]
        with pytest.raises(InvalidArgument):
            bucket.shard_summary(prefix=5)  # type: ignore[arg-type]
    assert sent == []


def test_bad_input_sends_nothing(client: Client, bucket: Bucket) -> None:
    calls = [
        lambda: bucket.make_n_copies(0),
        lambda: bucket.make_n_copies(True),
        lambda: bucket.make_n_copies("2"),
        lambda: bucket.make_n_copies(2.0),
        lambda: bucket.rechunk(objsize_limit=-1, chunk_size=1024),
        lambda: bucket.rechunk(chunk_size=0),
        lambda: bucket.rechunk(objsize_limit=True),
        lambda: bucket.rechunk(prefix=b"r/"),
        lambda: bucket.index_shards(prefix=None),
        lambda: bucket.index_shards(num_workers=-2),
        lambda: bucket.index_shards(num_workers=False),
        lambda: bucket.index_shards(skip_verify="yes"),
        lambda: bucket.ec_encode(0, 1),
        lambda: bucket.ec_encode(1, 33),
        lambda: bucket.ec_encode(True, 1),
        lambda: bucket.ec_encode(1, 1, objsize_limit=-2),
        lambda: bucket.ec_encode(1, 1, check_and_recover=1),
    ]
    with requests_of(client, lambda r: r.method) as sent:
        for i, call in enumerate(calls):
            with pytest.raises(InvalidArgument):
                call()
            assert sent == [], (i, sent)


def test_value_type() -> None:
    wire = {"tar-objs": "2", "tar-size": "20480", "shards": "1", "shard-size": "10240",
            "archived-objs": "3", "stale-indexes": "0", "invalid-indexes": "1"}  # fmt: skip
    s = ShardSummary.from_json(wire)
    assert s == ShardSummary(2, 20480, 1, 10240, 3, 0, 1)
    assert ShardSummary.from_json({}) == ShardSummary(0, 0, 0, 0, 0, 0, 0)
