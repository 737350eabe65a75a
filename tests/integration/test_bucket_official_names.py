"""``Bucket`` parameters and methods under the official SDK 2.0's names, beyond the seed, proved on
the real cluster (both twins): exist_ok / missing_ok, the 2.0 listing parameters (flags, target,
inventory_name, start_after), list_all_objects_iter, list_urls, copy / transform / inspect
parameters and a Bucket destination, summary(uuid=), info(flt_presence=, prefix=), make_request
(name=), create_inventory(props=, force=), list_archive(props=, page_size=), get_path, as_model
and verify_cloud_bucket. Bad or conflicting arguments are refused with zero requests.
"""

from __future__ import annotations

import io
import json
import tarfile
import time
from collections.abc import Callable
from enum import Enum
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from aistore_hl import Bck, Bucket, Client, Namespace, Object
from aistore_hl.errors import (
    BadRequest,
    ErrBckAlreadyExists,
    ErrBckNotFound,
    InvalidArgument,
    InvalidBckProvider,
    InvalidETLName,
    Unsupported,
)
from aistore_hl.header import ObjectProps
from aistore_hl.listing import ListObjectFlag
from aistore_hl.types import ETLConfig
from tests.support.tap import requests_of


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` and
    ``remote_bucket`` are built on this)."""
    return any_client


def _exists(raw: httpx.Client, b: Bucket) -> bool:
    status = raw.head(f"/v1/buckets/{b.name}", params=b.qparam).status_code
    assert status in (200, 404), status
    return status == 200


def _body(r: httpx.Request) -> Any:
    try:
        content = r.content
    except httpx.RequestNotRead:  # a streamed body (no JSON control message)
        return None
    return json.loads(content) if content else None


def _fill(b: Bucket, names: list[str]) -> None:
    for n in names:
        b.object(n).put(content=n.encode())


def _wait(client: Client, job_id: str) -> None:
    status = client.job().wait_for_job(job_id=job_id, timeout=120)
    assert status.succeeded, status


# -- create(exist_ok) / delete(missing_ok) -------------------------------------------------------------
def test_create_exist_ok(client: Client, bucket_factory: Callable[..., str], raw: httpx.Client) -> None:
    b = client.bucket(bucket_factory("eok", create=False))
    assert b.create(exist_ok=True) is None  # a new bucket: created
    assert _exists(raw, b)
    with pytest.raises(ErrBckAlreadyExists):
        b.create()  # default exist_ok=False: the 409, as the seed
    with requests_of(client, lambda r: r.method) as sent:
        assert b.create(exist_ok=True) is None  # the server's 409 is swallowed
    assert sent == ["POST"]
    assert _exists(raw, b)


def test_delete_missing_ok(client: Client, bucket_factory: Callable[..., str], raw: httpx.Client) -> None:
    b = client.bucket(bucket_factory("mok"))
    assert b.delete(missing_ok=True) is None  # an existing bucket: destroyed
    assert not _exists(raw, b)
    with pytest.raises(ErrBckNotFound):
        b.delete()
    with requests_of(client, lambda r: r.method) as sent:
        assert b.delete(missing_ok=True) is None  # the server's 404 is swallowed
    assert sent == ["DELETE"]


# -- listing: start_after, flags, target, list_all_objects_iter ----------------------------------------
NAMES = [f"n{i:02d}" for i in range(10)]


def test_start_after_lists_greater_names_and_pages_on(client: Client, bucket: Bucket) -> None:
    _fill(bucket, NAMES)
    assert [e.name for e in bucket.list_objects(start_after="n06").entries] == ["n07", "n08", "n09"]
    assert [e.name for e in bucket.list_all_objects(start_after="n03")] == NAMES[4:]
    with requests_of(client, _body) as bodies:
        lister = bucket.list_objects_iter(page_size=2, start_after="n03")
        assert [e.name for e in lister] == NAMES[4:]
    assert lister.pages_fetched >= 3  # 2 per page (and maybe an empty last one)
    # start_after seeds the first page only; the continuation token carries on from there
    sent = [b["value"] for b in bodies if b and b.get("action") == "list"]
    assert sent[0]["start_after"] == "n03"
    assert all("start_after" not in v for v in sent[1:]), sent
    assert [e.name for e in bucket.list_all_objects_iter(start_after="n07")] == ["n08", "n09"]
    entries = list(bucket.list_all_objects_iter(prefix="n0"))
    assert [e.name for e in entries] == NAMES
    assert all(e.size == 3 for e in entries)  # 2.0's default props "name,size"


def test_start_after_on_a_remote_bucket_is_refused_before_sending(
    client: Client, remote_bucket: Bucket
) -> None:
    cloud = client.bucket("some-bucket", provider="aws")
    with requests_of(client, lambda r: r.method) as sent:
        for b in (cloud, remote_bucket):  # the server answers 400 for ais://@remais too
            with pytest.raises(InvalidBckProvider):
                b.list_objects(start_after="x")
            with pytest.raises(InvalidBckProvider):
                b.list_objects_iter(start_after="x")
            with pytest.raises(InvalidBckProvider):
                b.list_all_objects(start_after="x")
    assert sent == []


class OtherFlag(Enum):
    """Stands for the official SDK 2.0's own ``ListObjectFlag`` (an Enum of bit positions)."""

    NAME_ONLY = 4


def test_flags_enum_or_int_are_ored_into_lsomsg(client: Client, bucket: Bucket) -> None:
    _fill(bucket, NAMES[:3])
    assert [e.size for e in bucket.list_all_objects(props="name,size")] == [3, 3, 3]
    with requests_of(client, _body) as bodies:
        for flags in ([ListObjectFlag.NAME_ONLY], [OtherFlag.NAME_ONLY], 16, [16]):
            got = bucket.list_all_objects(props="name,size", flags=flags)
            assert [(e.name, e.size) for e in got] == [(n, 0) for n in NAMES[:3]]  # names only
        page = bucket.list_objects(flags=[ListObjectFlag.NAME_ONLY, ListObjectFlag.NO_DIRS, 1])
        assert [e.name for e in page.entries] == NAMES[:3]
    flags = [b["value"]["flags"] for b in bodies]
    assert flags == ["16"] * 4 + [str(16 | 8192 | 1)]
    assert ListObjectFlag.join_flags([ListObjectFlag.NOT_CACHED, ListObjectFlag.NAME_ONLY]) == 528


def test_bad_list_arguments_send_nothing(client: Client, bucket: Bucket) -> None:
    with requests_of(client, lambda r: r.method) as sent:
        for kw in (
            {"flags": ["cached"]},
            {"flags": [True]},
            {"flags": -1},
            {"flags": "16"},
            {"target": 5},
            {"inventory_name": 1},
            {"start_after": 2},
        ):
            with pytest.raises(InvalidArgument):
                bucket.list_objects(**kw)
            with pytest.raises(InvalidArgument):
                bucket.list_objects_iter(**kw)
    assert sent == []


def test_target_reaches_the_server_as_lsomsg_target(client: Client, bucket: Bucket) -> None:
    """AIS 5.0 reads ``LsoMsg.target`` as the target that pages a remote backend's listing: the
    entries are still every target's (merged by the proxy), though HRW placed them on both."""
    names = [f"t{i:02d}" for i in range(24)]
    _fill(bucket, names)
    tids = sorted(client.cluster().get_info().tmap)
    assert len(tids) >= 2
    listed = bucket.list_all_objects(props="name,location")
    owner = {e.name: e.location.split("]")[0].removeprefix("t[") for e in listed}
    assert set(owner.values()) == set(tids)  # spread over the targets
    assert owner["t05"] == bucket.object("t05").head()["ais-location"].split("]")[0].removeprefix("t[")
    for tid in tids:
        with requests_of(client, _body) as bodies:
            got = bucket.list_all_objects(props="name,location", target=tid)
        assert sorted(e.name for e in got) == names
        assert {b["value"]["target"] for b in bodies} == {tid}
    with pytest.raises(BadRequest, match="not present in Smap"):
        bucket.list_objects(target="no-such-target")


def test_inventory_name_lists_through_the_inventory(client: Client, remote_bucket: Bucket) -> None:
    names = sorted(f"inv/{i:03d}" for i in range(12))
    _fill(remote_bucket, names)
    with requests_of(client, _body) as bodies:
        xid = remote_bucket.create_inventory(name="inv2", props="name,size", force=True)
    msg = bodies[-1]["value"]
    assert (msg["name"], msg["props"], msg["force"]) == ("inv2", "name,size", True)
    client.job().wait(xid, job_kind="create-inventory", timeout=120, raise_on_failure=True)
    deadline = time.monotonic() + 30
    while not remote_bucket.show_inventory("inv2") and time.monotonic() < deadline:
        time.sleep(0.2)
    with requests_of(client, lambda r: (r.headers.get("ais-inv-name"), _body(r))) as sent:
        got = remote_bucket.list_all_objects(prefix="inv/", inventory_name="inv2")
    assert [e.name for e in got] == names
    hdr, body = sent[0]
    assert hdr == "inv2" and int(body["value"]["flags"]) & (1 << 15)  # the NBI flag
    # force: the existing inventory is replaced, not refused
    xid = remote_bucket.create_inventory(name="inv3", force=True)
    client.job().wait(xid, job_kind="create-inventory", timeout=120, raise_on_failure=True)
    deadline = time.monotonic() + 30
    while "inv2" in {i.name for i in remote_bucket.show_inventory().values()} and time.monotonic() < deadline:
        time.sleep(0.2)
    assert {i.name for i in remote_bucket.show_inventory().values()} == {"inv3"}
    remote_bucket.destroy_inventory()


# -- list_urls, get_path, as_model, verify_cloud_bucket, object(props=) --------------------------------
def test_list_urls(client: Client, bucket: Bucket, remote_bucket: Bucket, raw: httpx.Client) -> None:
    names = ["a/1", "a/sp ace", "b"]
    _fill(bucket, names)
    urls = list(bucket.list_urls(prefix="a/"))
    base = client.endpoint.rstrip("/")
    assert urls == [f"{base}/v1/objects/{bucket.name}/{quote(n)}?provider=ais" for n in names[:2]]
    assert [raw.get(u).content for u in urls] == [b"a/1", b"a/sp ace"]  # GETs of the objects
    _fill(remote_bucket, ["r"])
    (url,) = remote_bucket.list_urls()
    ns = quote(Namespace(uuid=remote_bucket.namespace.uuid).get_path(), safe="")  # type: ignore[union-attr]
    assert url == f"{base}/v1/objects/{remote_bucket.name}/r?provider=ais&namespace={ns}"
    assert raw.get(url).content == b"r"
    (etl_url,) = bucket.list_urls(prefix="b", etl="md5-etl")
    assert etl_url.endswith("/b?provider=ais&etl_name=md5-etl")
    (etl_url,) = bucket.list_urls(prefix="b", etl=ETLConfig(name="md5-etl", args={"k": 1}))
    assert etl_url.endswith("/b?provider=ais&etl_name=md5-etl&etl_args=%7B%22k%22%3A1%7D")
    with requests_of(client, lambda r: r.method) as sent, pytest.raises(InvalidETLName):
        next(iter(bucket.list_urls(etl="Bad_Name")))
    assert sent == []


def test_path_model_cloud_check_and_object_props(
    client: Client, bucket: Bucket, remote_bucket: Bucket
) -> None:
    with requests_of(client, lambda r: r.method) as sent:
        assert bucket.get_path() == f"ais/@#/{bucket.name}/"
        ns = remote_bucket.namespace
        assert remote_bucket.get_path() == f"ais/@{ns.uuid}#/{remote_bucket.name}/"  # type: ignore[union-attr]
        assert bucket.as_model() == Bck(name=bucket.name, provider="ais")
        assert remote_bucket.as_model() == remote_bucket.bck
        for b in (bucket, remote_bucket):
            with pytest.raises(InvalidBckProvider):
                b.verify_cloud_bucket()
        assert client.bucket("x", provider="gcp").verify_cloud_bucket() is None
        with pytest.raises(InvalidArgument):
            bucket.object("o", props={"size": 1})  # type: ignore[arg-type]
    assert sent == []
    bucket.object("o").put(content=b"abc")
    head = bucket.object("o")
    head.head()  # caches the props
    props = head.props_cached
    assert isinstance(props, ObjectProps) and props.size == 3
    with requests_of(client, lambda r: r.method) as sent:
        obj = bucket.object("o", props=props)  # 2.0's pre-initialized props: kept, no HEAD
        assert isinstance(obj, Object) and obj.obj_name == "o"
        assert obj.props_cached is props
    assert sent == []


# -- copy ---------------------------------------------------------------------------------------------
def test_copy_to_a_bucket_with_prepend_latest_num_workers(
    client: Client, bucket: Bucket, bucket_factory: Callable[..., str]
) -> None:
    _fill(bucket, ["img-1.jpg", "img-2.jpg", "txt-1.jpg"])
    dst = client.bucket(bucket_factory("cpd", create=False))
    with requests_of(client, lambda r: (dict(r.url.params), _body(r))) as sent:
        job_id = bucket.copy(
            dst, prefix_filter="img-", prepend="p/", latest=True, num_workers=2, ext={"jpg": "txt"}
        )
    params, body = sent[0]
    assert params["bck_to"] == f"ais/@#/{dst.name}/"
    assert body["action"] == "copy-bck"
    v = body["value"]
    assert (v["prefix"], v["prepend"], v["latest-ver"], v["num-workers"]) == ("img-", "p/", True, 2)
    assert v["ext"] == {"jpg": "txt"}
    _wait(client, job_id)
    assert sorted(e.name for e in dst.list_all_objects()) == ["p/img-1.txt", "p/img-2.txt"]
    assert dst.object("p/img-1.txt").get().read_all() == b"img-1.jpg"
    # sync reaches the server as TCBMsg.synchronize: AIS 5.0 refuses it with prepend
    with pytest.raises(BadRequest, match="incompatible with the request to synchronize"):
        bucket.copy(dst, prepend="p/", sync=True)
    _wait(client, bucket.copy(dst, prefix_filter="txt-", sync=True))
    assert "txt-1.jpg" in {e.name for e in dst.list_all_objects()}


def test_copy_to_a_remote_ais_bucket_uses_its_namespace(
    client: Client, bucket: Bucket, remote_bucket: Bucket
) -> None:
    """The destination is ``ais://@remais/<name>`` (its namespace in ``bck_to``). The copies land in
    this cluster's copy of the remote bucket (listed with ``CACHED``); measured on AIS 5.0, the
    remote cluster itself does not always have every one when the job reports success, so a plain
    listing (which asks the remote) is not checked here."""
    _fill(bucket, ["x", "y"])
    with requests_of(client, lambda r: dict(r.url.params)) as sent:
        job_id = bucket.copy(remote_bucket, num_workers=-1)
    assert sent[0]["bck_to"] == f"ais/@{remote_bucket.bck.ns.uuid}#/{remote_bucket.name}/"  # type: ignore[union-attr]
    _wait(client, job_id)
    cached = remote_bucket.list_all_objects(flags=[ListObjectFlag.CACHED])
    assert sorted(e.name for e in cached) == ["x", "y"]


def test_copy_aliases_and_conflicts_send_nothing(client: Client, bucket: Bucket) -> None:
    dst = client.bucket("cp-never-made")
    with requests_of(client, lambda r: r.method) as sent:
        with pytest.raises(InvalidArgument, match="prefix_filter"):
            bucket.copy(dst, prefix="a", prefix_filter="b")
        with pytest.raises(InvalidArgument, match="to_provider"):
            bucket.copy(dst, to_provider="aws")  # a Bucket destination has its own provider
        for kw in ({"num_workers": -2}, {"latest": "yes"}, {"sync": 1}, {"ext": {"a": 1}}, {"prepend": 3}):
            with pytest.raises(InvalidArgument):
                bucket.copy(dst, **kw)
    assert sent == []


# -- transform / inspect (the dev cluster has no ETL: the wire is checked, then the 404) -------------
def test_transform_sends_the_tcbmsg_fields(client: Client, bucket: Bucket, remote_bucket: Bucket) -> None:
    with requests_of(client, lambda r: (dict(r.url.params), _body(r))) as sent, pytest.raises(Unsupported):
        bucket.transform(
            "md5-etl", remote_bucket, prepend="p/", timeout="2m", prefix_filter="a", latest=True,
            sync=True, num_workers=3, cont_on_err=True, etl_pipeline=["next-etl"],
        )  # fmt: skip
    params, body = sent[0]
    assert params["bck_to"] == remote_bucket.get_path()
    assert body["action"] == "etl-bck"
    v = body["value"]
    assert v == {
        "prefix": "a",
        "prepend": "p/",
        "latest-ver": True,
        "synchronize": True,
        "num-workers": 3,
        "id": "md5-etl",
        "pipeline": ["next-etl"],
        "request_timeout": "2m",
        "coer": True,
    }
    with requests_of(client, lambda r: (dict(r.url.params), _body(r))) as sent, pytest.raises(Unsupported):
        bucket.inspect("md5-etl", timeout=30, prefix_filter="b")
    params, body = sent[0]
    assert params["bck_to"] == bucket.get_path()  # into itself, writing nothing
    v = body["value"]
    assert (v["dry_run"], v["coer"], v["prefix"], v["request_timeout"]) == (True, True, "b", "30s")


def test_transform_conflicts_send_nothing(client: Client, bucket: Bucket) -> None:
    with requests_of(client, lambda r: r.method) as sent:
        with pytest.raises(InvalidArgument, match="prepend"):
            bucket.transform("md5-etl", "dst", prefix="a", prepend="b")
        with pytest.raises(InvalidArgument, match="timeout"):
            bucket.transform("md5-etl", "dst", timeout="soon")
        with pytest.raises(InvalidETLName):
            bucket.transform("md5-etl", "dst", etl_pipeline=["Bad_Name"])
        with pytest.raises(InvalidArgument):
            bucket.transform("md5-etl", "dst", etl_pipeline="next-etl")  # type: ignore[arg-type]
    assert sent == []


# -- rename to a Bucket ---------------------------------------------------------------------------------
def test_rename_to_a_bucket(client: Client, bucket_factory: Callable[..., str], raw: httpx.Client) -> None:
    src = client.bucket(bucket_factory("rn"))
    _fill(src, ["o"])
    dst = client.bucket(bucket_factory("rnd", create=False))
    old = client.bucket(src.name)
    job_id = src.rename(dst)
    _wait(client, job_id)
    assert src.name == dst.name and not _exists(raw, old)
    assert [e.name for e in dst.list_all_objects()] == ["o"]
    with pytest.raises(InvalidBckProvider):
        dst.rename(client.bucket("x", provider="gcp"))


# -- summary(uuid=), info(flt_presence=, prefix=) -------------------------------------------------------
def test_summary_polls_a_started_job(client: Client, bucket: Bucket, raw: httpx.Client) -> None:
    _fill(bucket, NAMES[:4])
    r = raw.request(
        "GET", f"/v1/buckets/{bucket.name}", params=bucket.qparam,
        json={"action": "summary-bck", "value": {"prefix": "", "cached": True, "present": True}},
    )  # fmt: skip
    assert r.status_code == 202, r.text
    job_id = r.text.strip().strip('"')
    with requests_of(client, _body) as bodies:
        summ = bucket.summary(uuid=job_id)
    assert summ.obj_count_present == 4 and summ.size_all_present_objs == 12
    assert bodies and all(b["value"]["uuid"] == job_id for b in bodies)  # polled, none started
    with pytest.raises(InvalidArgument):
        bucket.summary(uuid=5)  # type: ignore[arg-type]


def test_info_prefix_and_presence(client: Client, bucket: Bucket) -> None:
    _fill(bucket, ["a/1", "a/2", "b/1"])
    with requests_of(client, lambda r: (r.method, r.url.path, dict(r.url.params))) as sent:
        props, summ = bucket.info(prefix="a/", flt_presence=2)
    assert props.provider == "ais"
    assert summ.obj_count_present == 2  # only the names under a/
    assert all(m == "HEAD" and p == f"/v1/buckets/{bucket.name}/a/" for m, p, _ in sent)
    assert all(q["presence"] == "2" for _, _, q in sent)
    assert bucket.info()[1].obj_count_present == 3
    with requests_of(client, lambda r: r.method) as none:
        for kw in ({"flt_presence": 6}, {"flt_presence": True}, {"prefix": 1}):
            with pytest.raises(InvalidArgument):
                bucket.info(**kw)
    assert none == []


# -- make_request(name=), list_archive(props=, page_size=) ---------------------------------------------
def test_make_request_name(client: Client, bucket: Bucket) -> None:
    # make_request is the raw escape hatch (not a plan): the request it sent is on the response
    resp = bucket.make_request("GET", "show-inventory", name="none-such")
    assert resp.status_code == 200 and resp.json() == {}
    assert _body(resp.request) == {"action": "show-inventory", "name": "none-such", "value": None}
    with pytest.raises(InvalidArgument):
        bucket.make_request("GET", "show-inventory", name=5)  # type: ignore[arg-type]


def test_list_archive_props_and_page_size(client: Client, bucket: Bucket) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for i in range(5):
            data = f"member {i}".encode()
            info = tarfile.TarInfo(f"m{i}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    bucket.object("s.tar").put(content=buf.getvalue())
    with requests_of(client, _body) as bodies:
        got = bucket.list_archive("s.tar", props="name,size,checksum", page_size=2)
    assert [e.name for e in got] == [f"s.tar/m{i}.txt" for i in range(5)]
    assert all(e.size == 8 for e in got)
    pages = [b["value"] for b in bodies if b and b.get("action") == "list"]
    assert len(pages) >= 3 and all(v["pagesize"] == 2 and v["props"] == "name,size,checksum" for v in pages)
    with pytest.raises(InvalidArgument):
        bucket.list_archive("s.tar", page_size=-1)
