"""Seed ``Bucket`` (everything but listing and transform, see test_bucket_listing.py and test_etl.py),
proved against the real cluster: what each call changes on the cluster is checked independently."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import pytest

from aistore_hl import Bck, Bucket, Client, Header, JobStatus, Namespace, Object, ObjectGroup, ObjectRange
from aistore_hl.errors import (
    Conflict,
    ErrBckAlreadyExists,
    ErrBckNotFound,
    InvalidBckProvider,
    InvalidBucketName,
    InvalidObjectName,
    NotFound,
)
from tests.support.twin import TwinLoop


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` and ``remote_bucket``
    are built on this; ``copies`` and ``connect`` follow ``client_kind`` too)."""
    return any_client


def _exists(raw: httpx.Client, bck: Bucket | Bck) -> bool:
    b = bck.bck if isinstance(bck, Bucket) else bck
    status = raw.head(f"/v1/buckets/{b.name}", params=b.as_query()).status_code
    assert status in (200, 404), status
    return status == 200


def _names(b: Bucket) -> list[str]:
    return [e.name for e in b.list_all_objects()]


# -- identity properties ----------------------------------------------------------------------------
def test_identity_properties(client: Client, bucket: Bucket, raw: httpx.Client) -> None:
    assert bucket.client is client
    assert bucket.name.startswith("it-")
    assert bucket.provider == "ais"
    assert bucket.namespace is None
    assert bucket.bck == Bck(name=bucket.name, provider="ais", ns=None)
    assert bucket.qparam == {"provider": "ais"}
    # qparam is what the server needs to find the bucket
    assert raw.head(f"/v1/buckets/{bucket.name}", params=bucket.qparam).status_code == 200


def test_identity_properties_of_a_remote_ais_bucket(
    remote_bucket: Bucket, remote_alias: str, raw: httpx.Client
) -> None:
    ns = Namespace(uuid=remote_alias)
    assert remote_bucket.namespace == ns
    assert remote_bucket.bck == Bck(remote_bucket.name, "ais", ns)
    assert remote_bucket.bck.is_remote()
    assert remote_bucket.qparam == {"provider": "ais", "namespace": f"@{remote_alias}#"}
    assert raw.head(f"/v1/buckets/{remote_bucket.name}", params=remote_bucket.qparam).status_code == 200
    assert raw.head(f"/v1/buckets/{remote_bucket.name}", params={"provider": "ais"}).status_code == 404
    q = remote_bucket.qparam
    q["provider"] = "aws"
    assert remote_bucket.qparam["provider"] == "ais"  # a copy: the bucket cannot be mutated through it


# -- create / delete ----------------------------------------------------------------------------------
def test_create(client: Client, bucket_factory: Callable[..., str], raw: httpx.Client) -> None:
    b = client.bucket(bucket_factory("cr", create=False))
    assert not _exists(raw, b)
    assert b.create() is None
    assert _exists(raw, b)
    assert _names(b) == []
    with pytest.raises(ErrBckAlreadyExists) as ei:
        b.create()
    assert ei.value.status_code == 409


def test_create_in_the_remote_cluster(
    client: Client, bucket_factory: Callable[..., str], remote_alias: str, raw: httpx.Client
) -> None:
    name = bucket_factory("crr", create=False, namespace=f"@{remote_alias}#")
    b = client.bucket(name, ns=Namespace(uuid=remote_alias))
    b.create()
    assert _exists(raw, b)
    assert not _exists(raw, Bck(name))  # not a local bucket


def test_create_refuses_cloud_providers_locally(connect: Callable[..., Client]) -> None:
    dead = connect("http://127.0.0.1:9")  # nothing is sent: a dead endpoint is never reached
    with pytest.raises(InvalidBckProvider):
        dead.bucket("cloudy", provider="aws").create()
    with pytest.raises(InvalidBckProvider):
        dead.bucket("cloudy", provider="gcp").delete()


def test_delete_removes_content_and_metadata(client: Client, bucket: Bucket, raw: httpx.Client) -> None:
    for i in range(3):
        bucket.object(f"o{i}").put(content=b"data")
    assert bucket.delete() is None
    assert not _exists(raw, bucket)
    with pytest.raises(ErrBckNotFound):
        bucket.delete()
    # re-created under the same name, it is empty: the content went with it
    bucket.create()
    assert _names(bucket) == []


# -- rename -------------------------------------------------------------------------------------------
def test_rename_returns_a_job_and_the_new_bucket_has_the_objects(
    client: Client, bucket: Bucket, bucket_factory: Callable[..., str], raw: httpx.Client
) -> None:
    contents = {f"dir/o{i}": bytes([i]) * (100 + i) for i in range(5)}
    for name, data in contents.items():
        bucket.object(name).put(content=data)
    old = bucket.bck
    new_name = bucket_factory("ren", create=False)

    job_id = bucket.rename(new_name)

    assert isinstance(job_id, str) and job_id
    status = client.job().wait_for_job(job_id=job_id, timeout=120)
    assert status.uuid == job_id and status.kind == "move-bck" and status.succeeded
    assert bucket.name == new_name and bucket.bck == Bck(new_name)  # the object names the new bucket
    assert not _exists(raw, old)
    renamed = client.bucket(new_name)
    assert sorted(_names(renamed)) == sorted(contents)
    for name, data in contents.items():
        assert renamed.object(name).get().read_all() == data


def test_rename_errors(client: Client, bucket: Bucket, bucket_factory: Callable[..., str]) -> None:
    other = bucket_factory("ren")
    with pytest.raises(Conflict):
        bucket.rename(other)  # destination exists
    with pytest.raises(InvalidBucketName):
        bucket.rename("bad/name")
    assert bucket.name.startswith("it-")  # unchanged after failures


def test_rename_of_a_remote_ais_bucket_is_refused_locally_as_the_server_would(
    remote_bucket: Bucket, bucket_factory: Callable[..., str], raw: httpx.Client
) -> None:
    dst = bucket_factory("ren", create=False)
    # What the server says to this request (sent raw): the local refusal mirrors it.
    r = raw.post(
        f"/v1/buckets/{remote_bucket.name}",
        params={**remote_bucket.qparam, "bck_to": f"ais/@#/{dst}/"},
        json={"action": "move-bck"},
    )
    assert r.status_code == 400 and "can only rename AIS" in r.text
    with pytest.raises(InvalidBckProvider):
        remote_bucket.rename(dst)
    assert remote_bucket.name != dst  # unchanged
    remote_bucket.head()  # still there


# -- evict --------------------------------------------------------------------------------------------
def _in_bmd(raw: httpx.Client, b: Bucket) -> bool:
    """Is the (remote) bucket present in this cluster's metadata? Asked without adding it."""
    params = {**b.qparam, "presence": "2", "dont_add_remote_bck_md": "true"}
    status = raw.head(f"/v1/buckets/{b.name}", params=params).status_code
    assert status in (200, 404), status
    return status == 200


def _cached(b: Bucket) -> dict[str, bool]:
    return {e.name: e.is_cached() for e in b.list_all_objects(props="name,size,cached")}


def test_evict_keep_md_keeps_the_bucket_metadata(remote_bucket: Bucket, raw: httpx.Client) -> None:
    for i in range(3):
        remote_bucket.object(f"o{i}").put(content=b"remote data")
    assert _cached(remote_bucket) == {"o0": True, "o1": True, "o2": True}
    assert _in_bmd(raw, remote_bucket)

    assert remote_bucket.evict(keep_md=True) is None

    assert _cached(remote_bucket) == {"o0": False, "o1": False, "o2": False}  # data gone from here
    assert _in_bmd(raw, remote_bucket)  # sent as keep_bck_md: the metadata stayed
    assert remote_bucket.object("o1").get().read_all() == b"remote data"  # still in the remote cluster


def test_evict_without_keep_md_drops_the_bucket_metadata(remote_bucket: Bucket, raw: httpx.Client) -> None:
    remote_bucket.object("o").put(content=b"remote data")
    assert _in_bmd(raw, remote_bucket)

    remote_bucket.evict()

    assert not _in_bmd(raw, remote_bucket)
    assert _cached(remote_bucket) == {"o": False}  # listing re-adds it; the object is remote only
    assert remote_bucket.object("o").get().read_all() == b"remote data"


def test_evict_refuses_a_local_bucket_before_sending(bucket: Bucket) -> None:
    bucket.object("o").put(content=b"x")
    with pytest.raises(InvalidBckProvider):
        bucket.evict()
    assert _names(bucket) == ["o"]


# -- head ---------------------------------------------------------------------------------------------
def test_head(client: Client, bucket: Bucket, raw: httpx.Client) -> None:
    props = bucket.head()
    assert isinstance(props, Header)
    truth = raw.head(f"/v1/buckets/{bucket.name}", params=bucket.qparam).headers
    assert props["ais-bucket-props"] == props["AIS-Bucket-Props"] == truth["ais-bucket-props"]
    bp = props.bucket_props
    assert bp is not None and bp["provider"] == "ais"
    assert bp["checksum"]["type"]  # the cluster's default checksum, e.g. xxhash2
    with pytest.raises(ErrBckNotFound) as ei:  # decoded from the Hdr-Error header of a HEAD
        client.bucket(bucket.name + "-missing").head()
    assert ei.value.status_code == 404


# -- copy ---------------------------------------------------------------------------------------------
# A copy job lasts until its data streams go quiet (``transport.quiescent``, 10 s by default) however
# few objects it copies, so the three copies below (for each twin: six) run concurrently, set up once
# for the module.
SOURCE = {"img-1": b"one", "img-2": b"two", "img/3": b"three", "doc-1": b"four", "x/img-4": b"five"}


@dataclass
class Copies:
    src: Bucket
    by_prefix: Bucket
    forced: Bucket
    dry: Bucket
    job_ids: list[str]
    statuses: list[JobStatus]


def _start_copies(c: Client, make_bucket: Callable[..., str]) -> Copies:
    src = c.bucket(make_bucket("cps"))
    for name, data in SOURCE.items():
        src.object(name).put(content=data)
    by_prefix = c.bucket(make_bucket("cpp", create=False))
    forced = c.bucket(make_bucket("cpf"))
    forced.object("already-there").put(content=b"old")
    dry = c.bucket(make_bucket("cpd", create=False))

    job_ids = [
        src.copy(by_prefix.name, prefix="img-"),
        src.copy(forced.name, force=True),
        src.copy(dry.name, dry_run=True),
    ]
    return Copies(src, by_prefix, forced, dry, job_ids, [])


@pytest.fixture(scope="module")
def both_copies(
    ais_endpoint: str, twin_loop: TwinLoop, module_bucket_factory: Callable[..., str]
) -> Iterator[dict[str, Copies]]:
    """The copies made by each twin (sync ``Client``, ``AsyncClient``), all six jobs at once."""
    with Client(ais_endpoint) as sync, twin_loop.connect(ais_endpoint) as asy:
        made = {
            "sync": _start_copies(sync, module_bucket_factory),
            "async": _start_copies(asy, module_bucket_factory),
        }
        for c, cp in ((sync, made["sync"]), (asy, made["async"])):
            cp.statuses.extend(c.job().wait_for_job(job_id=j, timeout=120) for j in cp.job_ids)
        yield made


@pytest.fixture
def copies(both_copies: dict[str, Copies], client_kind: str) -> Copies:
    return both_copies[client_kind]


def test_copy_returns_a_job_id(copies: Copies) -> None:
    assert all(isinstance(j, str) and j for j in copies.job_ids)
    assert len(set(copies.job_ids)) == 3
    for jid, st in zip(copies.job_ids, copies.statuses, strict=True):
        assert (st.uuid, st.kind) == (jid, "copy-bck") and st.succeeded


def test_copy_prefix_filters_source_names(copies: Copies) -> None:
    """The seed's ``prefix`` ("only the objects starting with prefix will be copied") is today's
    ``TCBMsg.prefix``: a source filter; destination names are unchanged.

    (A prefix ending in "/" is matched by aisnode v1.5.0 without its slash — ``filepath.Join`` in
    fs/mpather/jogger.go drops it, so prefix "a/" also copies "ab" — hence "img-" here.)"""
    assert sorted(_names(copies.by_prefix)) == ["img-1", "img-2"]
    assert copies.by_prefix.client.bucket(copies.by_prefix.name).object("img-2").get().read_all() == b"two"
    assert sorted(_names(copies.src)) == sorted(SOURCE)  # source untouched


def test_copy_whole_bucket_into_an_existing_one_with_force(copies: Copies) -> None:
    assert sorted(_names(copies.forced)) == sorted([*SOURCE, "already-there"])
    for name, data in SOURCE.items():
        assert copies.forced.object(name).get().read_all() == data


def test_copy_dry_run_copies_nothing(copies: Copies, raw: httpx.Client) -> None:
    assert not _exists(raw, copies.dry) or _names(copies.dry) == []


def test_copy_to_provider_names_the_destination_provider(
    bucket: Bucket, bucket_factory: Callable[..., str]
) -> None:
    """``to_provider`` is part of the destination sent to the server: with ``aws`` the real server
    looks up ``s3://<name>`` (and fails: this cluster has no AWS backend)."""
    bucket.object("o").put(content=b"x")
    dst_name = bucket_factory("cpp", create=False)
    with pytest.raises(NotFound) as ei:
        bucket.copy(dst_name, to_provider="aws")
    assert f"s3://{dst_name}" in ei.value.message
    assert "AWS backend is missing" in ei.value.message


# -- factories ------------------------------------------------------------------------------------------
def test_object_factory(bucket: Bucket) -> None:
    obj = bucket.object("dir/name.bin")
    assert isinstance(obj, Object)
    assert obj.bck is bucket and obj.obj_name == "dir/name.bin"
    obj.put(content=b"payload")
    assert bucket.object("dir/name.bin").get().read_all() == b"payload"
    with pytest.raises(InvalidObjectName):
        bucket.object("")


def test_objects_factory_selections(client: Client, bucket: Bucket) -> None:
    for i in range(10):
        bucket.object(f"f-{i:02d}.txt").put(content=b"x")
    by_names = bucket.objects(obj_names=["f-00.txt", "f-01.txt"])
    by_range = bucket.objects(obj_range=ObjectRange("f-", 2, 4, pad_width=2, suffix=".txt"))
    by_template = bucket.objects(obj_template="f-{05..09}.txt")
    assert all(isinstance(g, ObjectGroup) and g.bck is bucket for g in (by_names, by_range, by_template))
    client.job().wait_for_job(job_id=by_range.delete(), timeout=60)
    assert _names(bucket) == ["f-00.txt", "f-01.txt"] + [f"f-{i:02d}.txt" for i in range(5, 10)]
    client.job().wait_for_job(job_id=by_template.delete(), timeout=60)
    client.job().wait_for_job(job_id=by_names.delete(), timeout=60)
    assert _names(bucket) == []


# -- make_request -----------------------------------------------------------------------------------------
def test_make_request_sends_an_action_message(bucket: Bucket) -> None:
    resp = bucket.make_request("PATCH", "set-bprops", value={"checksum": {"type": "sha256"}})
    assert resp.status_code == 200
    assert bucket.head().bucket_props["checksum"]["type"] == "sha256"  # type: ignore[index]
    bucket.object("o").put(content=b"hashed")
    head = bucket.object("o").head()
    assert (head.checksum_type, head.checksum_value) == ("sha256", hashlib.sha256(b"hashed").hexdigest())

    listing = bucket.make_request("GET", "list", value={"props": "name,size"})
    assert [(e["name"], int(e["size"])) for e in listing.json()["entries"]] == [("o", 6)]


def test_make_request_params_default_to_qparam(remote_bucket: Bucket) -> None:
    remote_bucket.object("r").put(content=b"remote")
    # qparam carries the remote namespace: the listing is the remote bucket's
    assert [e["name"] for e in remote_bucket.make_request("GET", "list", value={}).json()["entries"]] == ["r"]
    with pytest.raises(ErrBckNotFound):  # explicit params replace qparam: the local namesake does not exist
        remote_bucket.make_request("GET", "list", value={}, params={"provider": "ais"})
