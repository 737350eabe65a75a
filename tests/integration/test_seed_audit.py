"""One test per row of ``tests/SEED_AUDIT.md``: a seed-era call, on the real cluster, gives the seed's result.

Each test is named after its row (``test_c02_...`` is row C02). "The seed" is the official SDK at
NVIDIA/aistore ``12f92a9c5`` (``python/aistore/sdk``); what it did was observed by running it against
this cluster and reading the seed-era server where today's answers differently (see the table's notes).

Where a row says "before any request", the call is also made on a client of a port nothing listens on
(``nowhere``): a request would raise ``ConnectionFailed`` instead of the typed error.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from aistore_hl import Bck, Bucket, Client, Namespace, ObjectRange
from aistore_hl.config import RetryPolicy
from aistore_hl.errors import (
    AISError,
    BadRequest,
    ConnectionFailed,
    ErrBckAlreadyExists,
    ErrBckNotFound,
    ErrObjNotFound,
    InvalidArgument,
    InvalidBckProvider,
    InvalidBucketName,
    InvalidETLName,
    InvalidObjectName,
    InvalidObjectRangeIndex,
    InvalidPath,
    InvalidRequest,
    NotFound,
    Timeout,
    UnknownBckProvider,
    Unsupported,
)
from aistore_hl.header import Header
from aistore_hl.job import JobFailed
from aistore_hl.listing import BucketEntry, BucketList

NOWHERE = "http://127.0.0.1:1"
THREE = ["p/1", "p/2", "q"]


@pytest.fixture(scope="module")
def nowhere() -> Iterator[Client]:
    """A client whose every request fails: a typed error from it proves nothing was sent."""
    with Client(NOWHERE, retry=RetryPolicy(max_attempts=1)) as c:
        yield c


@pytest.fixture
def three(bucket: Bucket) -> Bucket:
    for n in THREE:
        bucket.object(n).put(content=b"x")
    return bucket


def _names(b: Bucket) -> list[str]:
    return sorted(e.name for e in b.list_objects_iter())


def _raw_names(raw: httpx.Client, name: str) -> list[str]:
    """The bucket's objects, listed without aistore_hl."""
    r = raw.request(
        "GET", f"/v1/buckets/{name}", params={"provider": "ais"}, json={"action": "list", "value": {}}
    )
    r.raise_for_status()
    return sorted(e["name"] for e in (r.json().get("entries") or []))


def _refused_before_sending(
    nowhere: Client, call: Callable[[Client], Any], cls: type[Exception]
) -> Exception:
    with pytest.raises(cls) as info:
        call(nowhere)
    assert not isinstance(info.value, ConnectionFailed)
    return info.value


def _is_seed_400(err: BaseException) -> None:
    """The seed raised the server's AISError(400): its except clauses must still catch this."""
    assert isinstance(err, AISError) and isinstance(err, BadRequest)
    assert err.status_code == 400 and err.message


# ======================================================================================
# Client
# ======================================================================================


def test_c01_endpoint_with_trailing_slash(ais_endpoint: str) -> None:
    with Client(ais_endpoint + "/") as c:
        assert c.cluster().get_info().proxy_si.daemon_type == "proxy"


@pytest.mark.parametrize("name", ["", "a b"], ids=["empty", "space"])
def test_c02_c03_bucket_name_the_server_refuses(client: Client, nowhere: Client, name: str) -> None:
    """Seed: built the bucket, its first request got 400 (AISError; HTTPError for head).

    aistore_hl refuses at construction, with an error the seed's ``except AISError`` catches.
    """
    err = _refused_before_sending(nowhere, lambda c: c.bucket(name), InvalidBucketName)
    _is_seed_400(err)
    with pytest.raises(AISError) as info:  # the seed-era code path: bucket, then create
        client.bucket(name).create()
    assert info.value.status_code == 400


@pytest.mark.parametrize(("given", "canonical"), [("", "ais"), (None, "ais"), ("s3", "aws"), ("AWS", "aws")])
def test_c04_c05_c06_provider_spellings(client: Client, given: Any, canonical: str) -> None:
    """Seed: kept the spelling ("" / "s3" / "AWS"; None was a pydantic ValidationError) and the
    server read it as the canonical provider. aistore_hl stores the canonical name."""
    b = client.bucket("x", provider=given)
    assert b.provider == canonical and b.bck.provider == canonical and b.qparam == {"provider": canonical}


@pytest.mark.parametrize("provider", ["hdfs", "bogus"])
def test_c07_provider_the_server_does_not_know(client: Client, nowhere: Client, provider: str) -> None:
    err = _refused_before_sending(nowhere, lambda c: c.bucket("x", provider=provider), UnknownBckProvider)
    assert isinstance(err, InvalidBckProvider)
    _is_seed_400(err)


def test_c08_c09_global_namespace_query(client: Client, bucket: Bucket) -> None:
    """Seed: ``qparam`` was ``{"provider": "ais"}`` with ns None or Namespace()."""
    assert client.bucket(bucket.name).qparam == {"provider": "ais"}
    assert client.bucket(bucket.name).namespace is None
    glob = client.bucket(bucket.name, ns=Namespace())
    assert glob.qparam == {"provider": "ais"}
    assert glob.head()["ais-bucket-props"]


def test_c10_remote_namespace_query(client: Client, remote_bucket: Bucket) -> None:
    """Seed: dropped the namespace from ``qparam`` (every request went to a local bucket of that
    name). aistore_hl sends it: the remote cluster's bucket answers."""
    assert remote_bucket.qparam == {"provider": "ais", "namespace": f"@{remote_bucket.namespace.uuid}#"}  # type: ignore[union-attr]
    remote_bucket.object("r").put(content=b"r")
    assert [e.name for e in remote_bucket.list_objects_iter()] == ["r"]


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"provider": ""}, {"prefix": None}, {"props": None}, {"page_size": None}, {"page_size": 1}],
    ids=["defaults", "provider-empty", "prefix-None", "props-None", "page_size-None", "page_size-1"],
)
def test_c11_c12_c14_client_list_objects_iter(client: Client, three: Bucket, kwargs: dict[str, Any]) -> None:
    assert [e.name for e in client.list_objects_iter(three.name, **kwargs)] == THREE


def test_c13_client_list_objects_iter_page_size_str(client: Client, nowhere: Client, three: Bucket) -> None:
    err = _refused_before_sending(
        nowhere, lambda c: c.list_objects_iter(three.name, page_size="1"), InvalidRequest
    )
    _is_seed_400(err)


def test_c15_client_list_objects_iter_missing_bucket(
    client: Client, bucket_factory: Callable[..., str]
) -> None:
    with pytest.raises(ErrBckNotFound) as info:
        list(client.list_objects_iter(bucket_factory("gone", create=False)))
    assert info.value.status_code == 404


def test_c16_c19_client_get_object_archpath_none_default_chunk(client: Client, bucket: Bucket) -> None:
    bucket.object("o").put(content=b"xy")
    s = client.get_object(bucket.name, "o", archpath=None)  # type: ignore[arg-type]
    assert (s.content_length, s.chunk_size) == (2, 1)
    assert list(s) == [b"x", b"y"]


@pytest.mark.parametrize("chunk_size", [None, "1", 0], ids=["None", "str", "zero"])
def test_c17_c18_client_get_object_bad_chunk_size(client: Client, bucket: Bucket, chunk_size: Any) -> None:
    """Seed: None / "1" were pydantic ValidationErrors (ValueError); 0 hung forever in
    ``iter_content(0)``. aistore_hl raises a ValueError before the request."""
    bucket.object("o").put(content=b"x")
    with pytest.raises(ValueError):
        client.get_object(bucket.name, "o", chunk_size=chunk_size)


def test_c20_client_get_object_missing(client: Client, bucket: Bucket) -> None:
    with pytest.raises(ErrObjNotFound) as info:
        client.get_object(bucket.name, "nope").read_all()
    assert info.value.status_code == 404


# ======================================================================================
# Cluster and the Smap value types
# ======================================================================================

SMAP_KEYS = ["tmap", "pmap", "proxy_si", "version", "uuid", "creation_time"]
SNODE_KEYS = ["daemon_id", "daemon_type", "public_net", "intra_control_net", "intra_data_net", "flags"]
NETINFO_KEYS = ["node_hostname", "daemon_port", "direct_url"]


def test_k01_k03_k05_get_info_dict_has_the_seeds_fields_and_nesting(
    client: Client, raw: httpx.Client
) -> None:
    d = client.cluster().get_info().dict()
    truth = raw.get("/v1/daemon", params={"what": "smap"}).json()
    assert list(d) == SMAP_KEYS
    assert set(d["tmap"]) == set(truth["tmap"]) and set(d["pmap"]) == set(truth["pmap"])
    node = d["proxy_si"]
    assert list(node) == SNODE_KEYS and node["daemon_id"] == truth["proxy_si"]["daemon_id"]
    assert list(node["public_net"]) == NETINFO_KEYS
    assert node["public_net"]["direct_url"] == truth["proxy_si"]["public_net"]["direct_url"]
    assert isinstance(d["version"], int) and d["version"] == int(truth["version"])  # k05
    for t in d["tmap"].values():
        assert list(t) == SNODE_KEYS and t["daemon_type"] == "target"


def test_k02_get_info_json_is_a_json_string(client: Client) -> None:
    smap = client.cluster().get_info()
    text = smap.json()
    assert isinstance(text, str)
    back = json.loads(text)
    assert back == json.loads(json.dumps(smap.dict()))
    assert back["proxy_si"]["public_net"]["daemon_port"] == smap.proxy_si.public_net.daemon_port  # type: ignore[union-attr]
    assert smap.proxy_si.json().startswith('{"daemon_id": ')  # pydantic v1 / json.dumps separators


def test_k04_netinfo_node_hostname(client: Client, raw: httpx.Client) -> None:
    """Seed: "" (today's server names the key ``node_ip_addr``); aistore_hl reads it."""
    truth = raw.get("/v1/daemon", params={"what": "smap"}).json()["proxy_si"]["public_net"]
    assert client.cluster().get_info().proxy_si.public_net.node_hostname == truth["node_ip_addr"]  # type: ignore[union-attr]


def test_k06_list_buckets_gives_bck_with_the_seeds_dict(client: Client, bucket: Bucket) -> None:
    found = [b for b in client.cluster().list_buckets() if b.name == bucket.name]
    assert len(found) == 1 and isinstance(found[0], Bck)
    assert found[0].dict() == {"name": bucket.name, "provider": "ais", "ns": None}


@pytest.mark.parametrize("provider", ["", None], ids=["empty", "None"])
def test_k07_k08_list_buckets_all_providers(client: Client, bucket: Bucket, provider: Any) -> None:
    assert bucket.name in {b.name for b in client.cluster().list_buckets(provider=provider)}


@pytest.mark.parametrize("provider", ["s3", "aws"])
def test_k09_list_buckets_missing_backend(client: Client, provider: str) -> None:
    with pytest.raises(AISError) as info:
        client.cluster().list_buckets(provider=provider)
    assert info.value.status_code == 400 and "backend" in info.value.message.lower()


@pytest.mark.parametrize("provider", ["hdfs", "bogus"])
def test_k10_list_buckets_unknown_provider(nowhere: Client, provider: str) -> None:
    err = _refused_before_sending(
        nowhere, lambda c: c.cluster().list_buckets(provider=provider), UnknownBckProvider
    )
    _is_seed_400(err)


def test_k11_is_aistore_running(client: Client, nowhere: Client) -> None:
    assert client.cluster().is_aistore_running() is True
    assert nowhere.cluster().is_aistore_running() is False


# ======================================================================================
# Bucket
# ======================================================================================


def test_b01_b02_b03_create(
    client: Client, bucket: Bucket, bucket_factory: Callable[..., str], remote_alias: str
) -> None:
    with pytest.raises(ErrBckAlreadyExists) as info:
        bucket.create()
    assert info.value.status_code == 409
    remote = client.bucket(bucket_factory("rc", create=False), ns=Namespace(uuid=remote_alias))
    remote.create()
    assert remote.head()["ais-bucket-props"]
    with pytest.raises(InvalidBckProvider):
        client.bucket("x", provider="aws").create()


def test_b04_b05_delete(client: Client, bucket_factory: Callable[..., str]) -> None:
    with pytest.raises(ErrBckNotFound):
        client.bucket(bucket_factory("gone", create=False)).delete()
    with pytest.raises(InvalidBckProvider):
        client.bucket("x", provider="aws").delete()


@pytest.mark.parametrize("to", ["", "a b"], ids=["empty", "space"])
def test_b06_b08_rename_to_a_name_the_server_refuses(bucket: Bucket, nowhere: Client, to: str) -> None:
    err = _refused_before_sending(nowhere, lambda c: c.bucket("src").rename(to), InvalidBucketName)
    _is_seed_400(err)
    with pytest.raises(AISError):
        bucket.rename(to)
    assert bucket.head()["ais-bucket-props"]  # still there, under its name


def test_b07_rename_to_none(bucket: Bucket) -> None:
    """Seed: renamed the bucket to "None" (an f-string of None). aistore_hl refuses."""
    with pytest.raises(InvalidBucketName):
        bucket.rename(None)  # type: ignore[arg-type]
    assert bucket.head()["ais-bucket-props"]


def test_b09_rename_of_a_cloud_bucket(client: Client) -> None:
    with pytest.raises(InvalidBckProvider):
        client.bucket("x", provider="gcp").rename("y")


@pytest.mark.parametrize("keep_md", [False, None])
def test_b10_evict_an_ais_bucket(bucket: Bucket, keep_md: Any) -> None:
    with pytest.raises(InvalidBckProvider):
        bucket.evict(keep_md=keep_md)
    assert bucket.head()["ais-bucket-props"]


def test_b11_evict_a_remote_ais_bucket(remote_bucket: Bucket) -> None:
    """Seed: InvalidBckProvider (its check was ``provider is "ais"``). AIS 5.0 evicts buckets of an
    attached remote cluster; aistore_hl does (accepting more than the seed)."""
    remote_bucket.object("r").put(content=b"r")
    remote_bucket.evict(keep_md=True)
    assert [e.name for e in remote_bucket.list_objects_iter()] == ["r"]  # still in the remote cluster


def test_b12_b13_head(client: Client, bucket: Bucket, bucket_factory: Callable[..., str]) -> None:
    """Seed: a case-insensitive dict of the headers; a missing bucket raised requests' HTTPError(404).
    aistore_hl: a case-insensitive ``Header``; a missing bucket raises ErrBckNotFound (AISError, 404)."""
    props = bucket.head()
    assert isinstance(props, Header) and props["AIS-Bucket-Props"] == props["ais-bucket-props"]
    with pytest.raises(ErrBckNotFound) as info:
        client.bucket(bucket_factory("gone", create=False)).head()
    assert info.value.status_code == 404


def _copied(client: Client, src: Bucket, dst: str, **kwargs: Any) -> list[str]:
    job_id = src.copy(dst, **kwargs)
    client.job().wait_for_job(job_id=job_id, timeout=60)
    deadline = time.monotonic() + 10
    while True:  # the copy's last objects may land just after the job reports its end
        names = _names(client.bucket(dst))
        if names or time.monotonic() > deadline or kwargs.get("dry_run"):
            return names
        time.sleep(0.2)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"prefix": None}, THREE),
        ({"prefix": "p/"}, ["p/1", "p/2"]),
        ({"dry_run": None, "force": None}, THREE),
        ({"to_provider": ""}, THREE),
        ({"to_provider": None}, THREE),
    ],
    ids=[
        "b14-prefix-None",
        "b15-prefix",
        "b16-dry_run-force-None",
        "b18-to_provider-empty",
        "b18-to_provider-None",
    ],
)
def test_b14_b15_b16_b18_copy(
    client: Client,
    three: Bucket,
    bucket_factory: Callable[..., str],
    kwargs: dict[str, Any],
    expected: list[str],
) -> None:
    dst = bucket_factory("cp", create=False)
    assert _copied(client, three, dst, **kwargs) == expected


def test_b17_copy_dry_run_str(three: Bucket, bucket_factory: Callable[..., str]) -> None:
    with pytest.raises(BadRequest):
        three.copy(bucket_factory("cp", create=False), dry_run="true")  # type: ignore[arg-type]


def test_b19_copy_to_an_empty_name(three: Bucket, nowhere: Client) -> None:
    err = _refused_before_sending(nowhere, lambda c: c.bucket("src").copy(""), InvalidBucketName)
    _is_seed_400(err)
    with pytest.raises(AISError):
        three.copy("")


@pytest.mark.parametrize(
    "kwargs",
    [{"page_size": None}, {"prefix": None, "props": None, "uuid": None, "continuation_token": None}],
    ids=["b20-page_size-None", "b23-str-params-None"],
)
def test_b20_b23_list_objects_none_is_the_servers_default(three: Bucket, kwargs: dict[str, Any]) -> None:
    page = three.list_objects(**kwargs)
    assert isinstance(page, BucketList)
    assert [e.name for e in page.entries] == THREE and page.continuation_token == ""  # type: ignore[union-attr]


@pytest.mark.parametrize("page_size", ["2", True, -1], ids=["str", "bool", "negative"])
def test_b21_b22_list_objects_page_size_the_server_refuses(
    three: Bucket, nowhere: Client, page_size: Any
) -> None:
    """Seed: sent it; the server answered 400 (a negative size also crashes AIS 5.0 targets)."""
    err = _refused_before_sending(
        nowhere, lambda c: c.bucket(three.name).list_objects(page_size=page_size), InvalidRequest
    )
    _is_seed_400(err)
    with pytest.raises(AISError):
        three.list_objects(page_size=page_size)


def test_b24_b25_b26_list_objects_props_uuid_token(three: Bucket) -> None:
    assert [e.name for e in three.list_objects(props="name,size,bogus").entries] == THREE  # type: ignore[union-attr]
    with pytest.raises(BadRequest):
        three.list_objects(uuid="bogus")
    assert [e.name for e in three.list_objects(continuation_token="p/2").entries] == ["q"]  # type: ignore[union-attr]
    two = three.list_objects(page_size=2)
    assert [e.name for e in two.entries] == ["p/1", "p/2"] and two.continuation_token  # type: ignore[union-attr]


def test_b27_b28_bucket_list_and_entry_dict_json(bucket: Bucket) -> None:
    bucket.object("a").put(content=b"x")
    page = bucket.list_objects(props="name,size,checksum,atime,version,copies")
    d = page.dict()
    assert list(d) == ["uuid", "entries", "continuation_token", "flags"]
    entry = d["entries"][0]
    assert list(entry) == ["name", "size", "checksum", "atime", "version", "target_url", "copies", "flags"]
    assert (entry["name"], entry["size"], entry["copies"], entry["target_url"]) == ("a", 1, 1, "")
    assert entry["checksum"] and entry["atime"] and entry["version"] == "1"
    assert json.loads(page.json()) == d
    e = page.entries[0]  # type: ignore[index]
    assert isinstance(e, BucketEntry) and e.is_ok() and e.is_cached()


@pytest.mark.parametrize(
    "kwargs",
    [{"page_size": None}, {"prefix": None}, {"props": None}, {"page_size": 1}],
    ids=["page_size-None", "prefix-None", "props-None", "page_size-1"],
)
def test_b29_b30_iter_and_all_accept_none(three: Bucket, kwargs: dict[str, Any]) -> None:
    assert [e.name for e in three.list_objects_iter(**kwargs)] == THREE
    assert [e.name for e in three.list_all_objects(**kwargs)] == THREE


def test_b29_iter_page_size_str(three: Bucket, nowhere: Client) -> None:
    err = _refused_before_sending(
        nowhere, lambda c: c.bucket(three.name).list_objects_iter(page_size="1"), InvalidRequest
    )
    _is_seed_400(err)


def test_b30_list_all_objects_of_an_empty_bucket(bucket: Bucket) -> None:
    assert bucket.list_all_objects() == []


def test_b31_transform_with_an_invalid_etl_name(bucket: Bucket, nowhere: Client) -> None:
    """Seed: sent it (this cluster, built without ETL, answers 404 ErrUnsupp). aistore_hl refuses
    before sending, as a BadRequest: both are AISErrors."""
    err = _refused_before_sending(nowhere, lambda c: c.bucket("b").transform("x", "dst"), InvalidETLName)
    _is_seed_400(err)


@pytest.mark.parametrize("kwargs", [{"prefix": None}, {"ext": {}}], ids=["b32-prefix-None", "b33-ext-empty"])
def test_b32_b33_transform_reaches_the_server(bucket: Bucket, kwargs: dict[str, Any]) -> None:
    with pytest.raises(Unsupported) as info:  # the seed's AISError(404): no ETL in this build
        bucket.transform("md5-etl", "dst", **kwargs)
    assert info.value.status_code == 404


def test_b34_object_with_an_empty_name(bucket: Bucket, nowhere: Client) -> None:
    err = _refused_before_sending(nowhere, lambda c: c.bucket("b").object(""), InvalidObjectName)
    _is_seed_400(err)


def test_b35_object_with_a_dot_segment(nowhere: Client) -> None:
    """Seed: built it; HTTP stacks collapse ``a/../b`` into ``b``. aistore_hl refuses it."""
    _refused_before_sending(nowhere, lambda c: c.bucket("b").object("a/../b"), InvalidObjectName)


def test_b36_objects_needs_exactly_one_selection(bucket: Bucket) -> None:
    with pytest.raises(ValueError):  # the seed's ValueError
        bucket.objects()
    with pytest.raises(ValueError):
        bucket.objects(obj_names=["a"], obj_template="b")


@pytest.mark.parametrize(
    "sel", [{"obj_names": []}, {"obj_template": ""}], ids=["b37-names-empty", "b38-template-empty"]
)
def test_b37_b38_objects_empty_selection_builds_the_group(bucket: Bucket, sel: dict[str, Any]) -> None:
    group = bucket.objects(**sel)
    assert group.bck is bucket and group.selects_nothing


def test_b39_objects_names_as_a_str(bucket: Bucket, nowhere: Client) -> None:
    """Seed: built the group; its delete sent ``objnames: "abc"`` and the server answered 400."""
    err = _refused_before_sending(nowhere, lambda c: c.bucket("b").objects(obj_names="abc"), InvalidRequest)
    _is_seed_400(err)


def test_b40_objects_names_as_a_tuple(client: Client, three: Bucket) -> None:
    job_id = three.objects(obj_names=("q",)).delete()  # type: ignore[arg-type]
    client.job().wait_for_job(job_id=job_id, timeout=60)
    assert _names(three) == ["p/1", "p/2"]


def test_b41_make_request(three: Bucket) -> None:
    r = three.make_request("get", "list", value={"prefix": "p/"})
    assert r.status_code == 200
    assert three.make_request("HEAD", "x").status_code == 200
    assert three.make_request("get", "list", value={}, params={}).status_code == 200
    with pytest.raises(BadRequest):
        three.make_request("post", "bogus-act")


# ======================================================================================
# ObjectGroup
# ======================================================================================


@pytest.mark.parametrize(
    "sel", [{"obj_names": []}, {"obj_template": ""}], ids=["g01-names-empty", "g02-template-empty"]
)
def test_g01_g02_delete_of_an_empty_selection_deletes_nothing(
    three: Bucket, raw: httpx.Client, sel: dict[str, Any]
) -> None:
    """Seed-era server: the job failed ("empty range template") and deleted nothing. AIS 5.0 would
    take the same null selection for the whole bucket; aistore_hl sends nothing and returns ""."""
    assert three.objects(**sel).delete() == ""
    assert _raw_names(raw, three.name) == THREE


def test_g03_g06_delete_by_names_template_range(client: Client, bucket: Bucket) -> None:
    for n in ["o1", "o2", "o3", "other"]:
        bucket.object(n).put(content=b"x")
    client.job().wait_for_job(job_id=bucket.objects(obj_names=["o1"]).delete(), timeout=60)
    assert _names(bucket) == ["o2", "o3", "other"]
    client.job().wait_for_job(job_id=bucket.objects(obj_template="o{2..2}").delete(), timeout=60)
    assert _names(bucket) == ["o3", "other"]
    client.job().wait_for_job(job_id=bucket.objects(obj_range=ObjectRange("o", 3, 4)).delete(), timeout=60)
    assert _names(bucket) == ["other"]
    client.job().wait_for_job(job_id=bucket.objects(obj_template="oth").delete(), timeout=60)  # a prefix
    assert _names(bucket) == []


def test_g04_delete_with_an_empty_name_in_the_list(three: Bucket, nowhere: Client) -> None:
    """Seed: the server answered 400 and deleted nothing."""
    err = _refused_before_sending(
        nowhere, lambda c: c.bucket("b").objects(obj_names=["q", ""]), InvalidObjectName
    )
    _is_seed_400(err)
    assert _names(three) == THREE


def test_g05_j10_delete_naming_a_missing_object_and_waiting(client: Client, three: Bucket) -> None:
    """Seed: the job ended with an error ("... does not exist") and ``wait_for_job`` returned."""
    job_id = three.objects(obj_names=["q", "nope"]).delete()
    status = client.job().wait_for_job(job_id=job_id, timeout=60)
    assert status.end_time and "does not exist" in status.err
    assert _names(three) == ["p/1", "p/2"]
    with pytest.raises(JobFailed):
        client.job().wait_for_job(job_id=job_id, timeout=60, raise_on_failure=True)


@pytest.mark.parametrize("op", ["evict", "prefetch"])
@pytest.mark.parametrize(
    "sel",
    [{"obj_names": []}, {"obj_template": ""}, {"obj_names": ["q"]}],
    ids=["names-empty", "template-empty", "names"],
)
def test_g07_g08_evict_prefetch_of_an_ais_bucket(
    three: Bucket, nowhere: Client, op: str, sel: dict[str, Any]
) -> None:
    """Seed: ``verify_cloud_bucket`` raised InvalidBckProvider before any request, for any selection."""
    _refused_before_sending(
        nowhere, lambda c: getattr(c.bucket("b").objects(**sel), op)(), InvalidBckProvider
    )
    with pytest.raises(InvalidBckProvider):
        getattr(three.objects(**sel), op)()
    assert _names(three) == THREE


@pytest.mark.parametrize("op", ["evict", "prefetch"])
def test_g09_evict_prefetch_of_an_empty_selection_in_a_remote_bucket(
    remote_bucket: Bucket, raw: httpx.Client, op: str
) -> None:
    """Seed-era server: a failed job that touched nothing. aistore_hl: "" and nothing sent; the
    objects stay cached."""
    remote_bucket.object("r").put(content=b"r")
    assert getattr(remote_bucket.objects(obj_names=[]), op)() == ""
    r = raw.head(f"/v1/objects/{remote_bucket.name}/r", params={**remote_bucket.qparam, "presence": "2"})
    assert r.status_code == 200  # still cached locally: not evicted


# ======================================================================================
# ObjectRange
# ======================================================================================


@pytest.mark.parametrize(
    ("args", "kwargs", "template"),
    [
        (("o", 1, 5), {}, "o{1..5..1}"),
        (("o", 5, 5), {}, "o{5..5..1}"),
        (("o", 1, 100), {"pad_width": 2}, "o{01..100..1}"),
        (("o", "1", "5"), {}, "o{1..5..1}"),
        (("", 1, 5), {}, "{1..5..1}"),
        (("o", 1, 5), {"step": 2, "suffix": ".t"}, "o{1..5..2}.t"),
    ],
    ids=[
        "r01",
        "r02-min-eq-max",
        "r04-pad-fits-min",
        "r07-int-strings",
        "r10-empty-prefix",
        "r01-step-suffix",
    ],
)
def test_r01_r02_r04_r07_r10_object_range_templates(
    args: tuple[Any, ...], kwargs: dict[str, Any], template: str
) -> None:
    assert str(ObjectRange(*args, **kwargs)) == template


def test_r04_pad_fits_min_deletes_on_the_server(client: Client, bucket: Bucket) -> None:
    for n in ["o01", "o02", "o100"]:
        bucket.object(n).put(content=b"x")
    job_id = bucket.objects(obj_range=ObjectRange("o", 1, 2, pad_width=2)).delete()
    client.job().wait_for_job(job_id=job_id, timeout=60)
    assert _names(bucket) == ["o100"]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("o", 5, 1), {}),
        (("o", 100, 200), {"pad_width": 2}),
        (("o", -1, 5), {}),
        (("o", 1, 5), {"step": 0}),
        (("o", 1, 5), {"pad_width": None}),
    ],
    ids=["r03-min-gt-max", "r05-pad-too-small-for-min", "r06-negative", "r08-step-0", "r09-pad-None"],
)
def test_r03_r05_r06_r08_r09_object_range_refused(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidObjectRangeIndex):
        ObjectRange(*args, **kwargs)


# ======================================================================================
# Object
# ======================================================================================


def test_o01_o02_object_head(bucket: Bucket) -> None:
    bucket.object("o").put(content=b"x")
    props = bucket.object("o").head()
    assert isinstance(props, Header) and props["content-length"] == props["Content-Length"] == "1"
    with pytest.raises(ErrObjNotFound) as info:  # seed: requests' HTTPError(404)
        bucket.object("nope").head()
    assert info.value.status_code == 404


@pytest.mark.parametrize(
    "kwargs",
    [{"archpath": None}, {"etl_id": ""}, {"etl_id": None}],
    ids=["o03-archpath-None", "o06-etl_id-empty", "o06-etl_id-None"],
)
def test_o03_o06_object_get_plain(bucket: Bucket, kwargs: dict[str, Any]) -> None:
    bucket.object("o").put(content=b"xyz")
    assert bucket.object("o").get(**kwargs).read_all() == b"xyz"


@pytest.mark.parametrize("chunk_size", [None, "2", 0], ids=["o04-None", "o04-str", "o05-zero"])
def test_o04_o05_object_get_bad_chunk_size(bucket: Bucket, chunk_size: Any) -> None:
    bucket.object("o").put(content=b"x")
    with pytest.raises(ValueError):
        bucket.object("o").get(chunk_size=chunk_size)


def test_o07_object_get_with_an_invalid_etl_name(bucket: Bucket, nowhere: Client) -> None:
    err = _refused_before_sending(
        nowhere, lambda c: c.bucket("b").object("o").get(etl_id="x"), InvalidETLName
    )
    _is_seed_400(err)


def test_o08_o09_object_get_errors(bucket: Bucket) -> None:
    bucket.object("o").put(content=b"x")
    with pytest.raises(BadRequest):
        bucket.object("o").get(archpath="a/b").read_all()
    with pytest.raises(ErrObjNotFound) as info:
        bucket.object("nope").get().read_all()
    assert info.value.status_code == 404


def test_o10_objstream_attributes(bucket: Bucket) -> None:
    bucket.object("o").put(content=b"x")
    s = bucket.object("o").get()
    assert (s.content_length, s.chunk_size, s.e_tag_type) == (1, 32768, "xxhash2") and s.e_tag


@pytest.fixture
def a_file(tmp_path: Path) -> str:
    f = tmp_path / "f"
    f.write_bytes(b"file")
    return str(f)


@pytest.mark.parametrize(
    ("kwargs", "stored"),
    [
        ({}, b""),
        ({"path": None, "content": None}, b""),
        ({"content": b""}, b""),
        ({"path": "", "content": b"x"}, b"x"),
        ({"path": "@", "content": b""}, b"file"),
        ({"path": "@"}, b"file"),
        ({"content": "str"}, b"str"),
        ({"content": "caf\u00e9"}, "caf\u00e9".encode("iso-8859-1")),
    ],
    ids=[
        "o11-neither",
        "o11-both-None",
        "o12-empty-bytes",
        "o13-empty-path",
        "o14-empty-content",
        "o14-path",
        "o17-str",
        "o17-latin1",
    ],
)
def test_o11_o17_o18_put_emptiness_decides(
    bucket: Bucket, raw: httpx.Client, a_file: str, kwargs: dict[str, Any], stored: bytes
) -> None:
    kwargs = {k: (a_file if v == "@" else v) for k, v in kwargs.items()}
    props = bucket.object("n").put(**kwargs)
    assert isinstance(props, Header)  # o18: the target's response headers
    assert raw.get(f"/v1/objects/{bucket.name}/n", follow_redirects=True).content == stored


def test_o15_o16_put_refused(bucket: Bucket, a_file: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="mutually exclusive"):
        bucket.object("n").put(path=a_file, content=b"x")
    with pytest.raises(FileNotFoundError) as info:  # the seed's open() error
        bucket.object("n").put(path=str(tmp_path / "missing"))
    assert isinstance(info.value, InvalidPath) and info.value.filename == str(tmp_path / "missing")
    with pytest.raises(UnicodeEncodeError):  # text outside Latin-1, as the seed's http.client raised
        bucket.object("n").put(content="\u20ac")
    assert bucket.list_all_objects() == []


def test_o19_object_delete(bucket: Bucket) -> None:
    bucket.object("o").put(content=b"x")
    bucket.object("o").delete()
    with pytest.raises(ErrObjNotFound):
        bucket.object("o").delete()
    assert bucket.list_all_objects() == []


def test_o20_objstream_stream_is_the_seeds_response(bucket: Bucket) -> None:
    """Seed: ``ObjStream.stream`` was the GET's ``requests.Response``."""
    bucket.object("o").put(content=b"abcdefg")
    s = bucket.object("o").get()
    assert (s.stream.status_code, s.stream.ok, s.stream.headers["content-length"]) == (200, True, "7")
    assert list(s.stream.iter_content(3)) == [b"abc", b"def", b"g"]
    assert b"".join(bucket.object("o").get().stream.iter_content(None)) == b"abcdefg"
    assert bucket.object("o").get().stream.raw.read() == b"abcdefg"
    closing = bucket.object("o").get()
    closing.stream.close()
    with pytest.raises(ValueError):  # closed through the view: reading it again is an error
        closing.read_all()


# ======================================================================================
# Job
# ======================================================================================


@pytest.fixture
def copy_job(client: Client, three: Bucket, bucket_factory: Callable[..., str]) -> str:
    return three.copy(bucket_factory("jb", create=False))


def test_j01_j05_status(client: Client, copy_job: str) -> None:
    s = client.job().status(job_id=copy_job, daemon_id=None, only_running=None)  # type: ignore[arg-type]
    assert s.uuid == copy_job
    assert list(s.dict()) == ["uuid", "err", "end_time", "aborted"]
    assert json.loads(s.json())["uuid"] == copy_job


def test_j02_status_without_id_or_kind(nowhere: Client) -> None:
    err = _refused_before_sending(nowhere, lambda c: c.job().status(), InvalidRequest)
    _is_seed_400(err)


@pytest.mark.parametrize(
    "kwargs", [{"job_id": "bogus"}, {"job_kind": "blob-download"}], ids=["j03-bogus", "j04-kind-never-run"]
)
def test_j03_j04_status_not_found(client: Client, kwargs: dict[str, str]) -> None:
    with pytest.raises(NotFound) as info:
        client.job().status(**kwargs)
    assert info.value.status_code == 404


def test_j06_wait_for_job_returns_the_status(client: Client, copy_job: str) -> None:
    """Seed: returned None. aistore_hl returns the final status (more, not less)."""
    assert client.job().wait_for_job(job_id=copy_job, timeout=60).end_time != 0


def test_j07_wait_for_job_timeout_str(client: Client, copy_job: str) -> None:
    """Seed: TypeError (``"30" / 8.0``). aistore_hl: InvalidArgument (a ValueError), before polling."""
    with pytest.raises(InvalidArgument):
        client.job().wait_for_job(job_id=copy_job, timeout="30")  # type: ignore[arg-type]


def test_j08_wait_for_job_timeout_zero_polls_once(client: Client, copy_job: str) -> None:
    """Seed: one status request, then Timeout while the job runs (or return if it ended)."""
    with contextlib.suppress(Timeout):  # still running at the single poll
        client.job().wait_for_job(job_id=copy_job, timeout=0)
    assert client.job().wait_for_job(job_id=copy_job, timeout=60).end_time != 0


def test_j09_wait_for_a_job_that_does_not_exist(client: Client) -> None:
    """Seed: the server's 404 as AISError; aistore_hl raises NotFound (an AISError), not Timeout."""
    with pytest.raises(NotFound):
        client.job().wait_for_job(job_id="bogus", timeout=1)


def test_j11_j12_j13_start(client: Client) -> None:
    job_id = client.job().start(job_kind="lru", force=None, buckets=[])  # type: ignore[arg-type]
    assert isinstance(job_id, str) and job_id
    with pytest.raises(BadRequest):
        client.job().start()


def test_j14_start_with_buckets(client: Client, bucket: Bucket) -> None:
    """Seed: TypeError (a pydantic Bck is not JSON serializable). aistore_hl sends it."""
    assert client.job().start(job_kind="lru", buckets=[Bck(name=bucket.name)])


# ======================================================================================
# Etl (this aisnode build has no ETL: the server answers 501 / 404 ErrUnsupp)
# ======================================================================================


def test_e01_etl_list(client: Client) -> None:
    with pytest.raises(Unsupported) as info:
        client.etl().list()
    assert info.value.status_code == 501


@pytest.mark.parametrize("op", ["view", "start", "stop", "delete"])
def test_e02_etl_calls_with_an_invalid_name(nowhere: Client, op: str) -> None:
    err = _refused_before_sending(nowhere, lambda c: getattr(c.etl(), op)("x"), InvalidETLName)
    _is_seed_400(err)


@pytest.mark.parametrize(
    "kwargs",
    [{"template": ""}, {"communication_type": "hrev"}, {"timeout": ""}],
    ids=["e03-template-empty", "e04-hrev", "e05-timeout-empty"],
)
def test_e03_e04_e05_init_spec_refused(nowhere: Client, kwargs: dict[str, str]) -> None:
    args = {"template": "spec", "etl_id": "etl-abcdef", **kwargs}
    err = _refused_before_sending(nowhere, lambda c: c.etl().init_spec(**args), InvalidRequest)
    _is_seed_400(err)


def test_e06_e07_init_code_communication_type(nowhere: Client) -> None:
    with pytest.raises(ValueError):  # the seed's own ValueError
        nowhere.etl().init_code(lambda b: b, "etl-abcdef", communication_type="bogus")
    err = _refused_before_sending(
        nowhere,
        lambda c: c.etl().init_code(lambda b: b, "etl-abcdef", communication_type="io"),
        InvalidRequest,
    )
    _is_seed_400(err)


@pytest.mark.parametrize(
    "kwargs",
    [{"dependencies": []}, {"chunk_size": 0}, {}],
    ids=["e08-deps-empty", "e09-chunk-0", "e08-defaults"],
)
def test_e08_e09_init_code_reaches_the_server(client: Client, kwargs: dict[str, Any]) -> None:
    with pytest.raises(Unsupported) as info:
        client.etl().init_code(lambda b: b, "etl-abcdef", **kwargs)
    assert info.value.status_code == 501


@pytest.mark.parametrize(
    ("kwargs", "cls"),
    [
        ({"runtime": "python3.8v2"}, InvalidArgument),
        ({"transform": None}, InvalidArgument),
        ({"etl_id": "x"}, InvalidETLName),
    ],
    ids=["e10-runtime-3.8", "e11-transform-None", "e12-etl_id-short"],
)
def test_e10_e11_e12_init_code_refused(nowhere: Client, kwargs: dict[str, Any], cls: type[Exception]) -> None:
    args: dict[str, Any] = {"transform": lambda b: b, "etl_id": "etl-abcdef", **kwargs}
    _refused_before_sending(nowhere, lambda c: c.etl().init_code(**args), cls)
