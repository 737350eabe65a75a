"""``aistore_hl._ops``: the exact request (method, path, query string, JSON body) of each plan, as
httpx puts it on the wire — and the seed-meaning mappings (copy ``prefix`` is a source filter,
transform ``prefix`` is ``prepend``, evict ``keep_md`` is ``keep_bck_md``, ``to_provider`` goes into
the destination uname, job ``force`` is ``frc``, list ``flags`` is a string)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import msgspec
import pytest
from hl_mock import Recorder, mock_client

from aistore_hl import Bck, Namespace, _ops
from aistore_hl.listing import BucketList
from aistore_hl.types import JobStatus, Smap

LOCAL = Bck("src")
REMOTE = Bck("rb", ns=Namespace(uuid="remais"))


def wire(plan: _ops.Plan[Any]) -> tuple[str, str, str, Any]:
    """(method, path, raw query string, decoded JSON body or None) as httpx would send the plan."""
    with httpx.Client(base_url="http://proxy.test:8080") as c:
        req = c.build_request(**plan.request_kwargs())
    body = json.loads(req.content) if req.content else None
    return req.method, req.url.raw_path.decode().split("?")[0], req.url.query.decode(), body


# -- buckets ------------------------------------------------------------------------------------------
def test_create_and_destroy() -> None:
    assert wire(_ops.create_bucket(LOCAL)) == (
        "POST",
        "/v1/buckets/src",
        "provider=ais",
        {"action": "create-bck"},
    )
    assert wire(_ops.create_bucket(REMOTE)) == (
        "POST",
        "/v1/buckets/rb",
        "provider=ais&namespace=%40remais%23",
        {"action": "create-bck"},
    )
    assert wire(_ops.destroy_bucket(LOCAL)) == (
        "DELETE",
        "/v1/buckets/src",
        "provider=ais",
        {"action": "destroy-bck"},
    )


def test_rename_is_move_bck_to_a_uname_with_trailing_slash() -> None:
    assert wire(_ops.move_bucket(LOCAL, Bck("dst"))) == (
        "POST",
        "/v1/buckets/src",
        "provider=ais&bck_to=ais%2F%40%23%2Fdst%2F",  # ais/@#/dst/
        {"action": "move-bck"},
    )


def test_evict_keep_md_is_keep_bck_md() -> None:
    assert wire(_ops.evict_bucket(REMOTE, True)) == (
        "DELETE",
        "/v1/buckets/rb",
        "provider=ais&namespace=%40remais%23&keep_bck_md=true",
        {"action": "evict-remote-bck"},
    )
    method, _, query, body = wire(_ops.evict_bucket(REMOTE, False))
    assert (method, query, body) == (
        "DELETE",
        "provider=ais&namespace=%40remais%23",
        {"action": "evict-remote-bck"},
    )


def test_copy_prefix_is_a_source_filter_and_to_provider_is_in_the_uname() -> None:
    method, path, query, body = wire(
        _ops.copy_bucket(LOCAL, Bck("dst", "aws"), prefix="img/", dry_run=True, force=True)
    )
    assert (method, path) == ("POST", "/v1/buckets/src")
    assert httpx.QueryParams(query) == httpx.QueryParams({"provider": "ais", "bck_to": "aws/@#/dst/"})
    assert body == {"action": "copy-bck", "value": {"prefix": "img/", "dry_run": True, "force": True}}
    # defaults: nothing but the action and an empty message
    assert wire(_ops.copy_bucket(LOCAL, Bck("dst")))[3] == {"action": "copy-bck", "value": {}}


@pytest.mark.parametrize(
    ("to_provider", "uname"), [("ais", "ais/@#/d/"), ("gcp", "gcp/@#/d/"), ("s3", "aws/@#/d/")]
)
def test_bucket_copy_to_provider_through_the_client(to_provider: str, uname: str) -> None:
    rec = Recorder(lambda r: httpx.Response(200, text="job-1"))
    assert mock_client(rec).bucket("src").copy("d", to_provider=to_provider) == "job-1"
    assert rec.seen[0].query == {"provider": "ais", "bck_to": uname}


def test_bucket_copy_and_transform_prefix_mean_different_fields() -> None:
    rec = Recorder(lambda r: httpx.Response(200, text="j"))
    b = mock_client(rec).bucket("src")
    b.copy("dst", prefix="p/")
    b.transform("md5-etl", "dst", prefix="p/")
    assert rec.seen[0].json()["value"] == {"prefix": "p/"}
    assert rec.seen[1].json()["value"] == {"prepend": "p/", "id": "md5-etl"}


def test_bucket_evict_through_the_client_sends_keep_bck_md() -> None:
    rec = Recorder(lambda r: httpx.Response(200))
    b = mock_client(rec).bucket("rb", ns=Namespace(uuid="remais"))
    b.evict(keep_md=True)
    b.evict()
    assert [s.query.get("keep_bck_md") for s in rec.seen] == ["true", None]
    assert "keep_md" not in rec.seen[0].query


def test_head_bucket_and_list_buckets() -> None:
    assert wire(_ops.head_bck(REMOTE)) == (
        "HEAD",
        "/v1/buckets/rb",
        "provider=ais&namespace=%40remais%23",
        None,
    )
    assert wire(_ops.buckets("ais")) == ("GET", "/v1/buckets", "provider=ais", {"action": "list"})
    assert wire(_ops.buckets("")) == ("GET", "/v1/buckets", "", {"action": "list"})  # all providers


# -- listing ------------------------------------------------------------------------------------------
def test_list_page_body_and_msgpack() -> None:
    plan = _ops.list_page(
        LOCAL, prefix="a/", props="name,size", page_size=10, uuid="u1", continuation_token="tok", flags=5
    )
    method, path, query, body = wire(plan)
    assert (method, path, query) == ("GET", "/v1/buckets/src", "provider=ais")
    assert body == {
        "action": "list",
        "value": {
            "prefix": "a/",
            "props": "name,size",
            "pagesize": 10,
            "uuid": "u1",
            "continuation_token": "tok",
            "flags": "5",  # a string: Go's `json:",string"`
        },
    }
    assert plan.request_kwargs()["headers"]["Accept"] == "application/msgpack"
    assert wire(_ops.list_page(LOCAL, prefix="", props="", page_size=0, uuid="", continuation_token=""))[
        3
    ] == {
        "action": "list",
        "value": {},
    }


def test_list_page_parses_a_msgpack_page_with_nil_entries() -> None:
    plan = _ops.list_page(LOCAL, prefix="", props="", page_size=0, uuid="", continuation_token="")
    raw = msgspec.msgpack.encode({"UUID": "u", "ContinuationToken": "", "Entries": None, "Flags": 0})
    page = plan.parse(httpx.Response(200, content=raw))
    assert isinstance(page, BucketList) and page.entries == [] and page.uuid == "u"


# -- objects ------------------------------------------------------------------------------------------
def test_object_requests() -> None:
    assert wire(_ops.head_obj(REMOTE, "a/b c")) == (
        "HEAD",
        "/v1/objects/rb/a/b%20c",
        "provider=ais&namespace=%40remais%23",
        None,
    )
    assert wire(_ops.delete_obj(LOCAL, "o")) == ("DELETE", "/v1/objects/src/o", "provider=ais", None)
    kw = _ops.get_obj_kwargs(LOCAL, "o", archpath="x/y.txt", etl_name="md5-etl")
    assert (kw["method"].upper(), kw["url"]) == ("GET", "/v1/objects/src/o")
    assert kw["params"] == {"provider": "ais", "archpath": "x/y.txt", "etl_name": "md5-etl"}
    assert _ops.get_obj_kwargs(LOCAL, "o")["params"] == {"provider": "ais"}
    put = _ops.put_obj_kwargs(REMOTE, "d/o")
    assert (put["method"].upper(), put["url"], put["params"]) == (
        "PUT",
        "/v1/objects/rb/d/o",
        {"provider": "ais", "namespace": "@remais#"},
    )
    assert "content" not in put


@pytest.mark.parametrize(
    ("plan", "method", "action", "value"),
    [
        (
            _ops.delete_objects(LOCAL, ["a", "b"], None),
            "DELETE",
            "delete-listrange",
            {"objnames": ["a", "b"]},
        ),
        (
            _ops.delete_objects(LOCAL, None, "o-{0..9}"),
            "DELETE",
            "delete-listrange",
            {"template": "o-{0..9}"},
        ),
        (_ops.evict_objects(REMOTE, None, "o{0..3}"), "DELETE", "evict-listrange", {"template": "o{0..3}"}),
        (_ops.prefetch_objects(REMOTE, ["x"], None), "POST", "prefetch-listrange", {"objnames": ["x"]}),
    ],
)
def test_multi_object_plans(plan: _ops.Plan[str], method: str, action: str, value: dict[str, Any]) -> None:
    m, _, _, body = wire(plan)
    assert (m, body) == (method, {"action": action, "value": value})
    assert plan.parse(httpx.Response(200, text="job-9\n")) == "job-9"


# -- cluster and jobs ---------------------------------------------------------------------------------
def test_cluster_plans() -> None:
    assert wire(_ops.smap()) == ("GET", "/v1/daemon", "what=smap", None)
    assert wire(_ops.health(prr=True)) == ("GET", "/v1/health", "prr=true", None)
    assert wire(_ops.health()) == ("GET", "/v1/health", "", None)


def test_job_plans() -> None:
    assert wire(_ops.job_status("j1", "", "", False)) == ("GET", "/v1/cluster", "what=status", {"id": "j1"})
    assert wire(_ops.job_status("", "lru", "t1", True))[3] == {
        "kind": "lru",
        "node": "t1",
        "show_active": True,
    }
    assert wire(_ops.job_snaps("j", "", "")) == ("GET", "/v1/cluster", "what=qryxstats", {"id": "j"})
    assert wire(_ops.start_job("lru", "", True, [LOCAL])) == (
        "PUT",
        "/v1/cluster",
        "frc=true",  # the seed's force
        {"action": "start", "value": {"Kind": "lru", "Bck": {"name": "src", "provider": "ais"}}},
    )
    _, _, query, body = wire(_ops.start_job("lru", "", False, [LOCAL, REMOTE]))
    assert query == ""
    assert body["value"]["Buckets"] == [
        {"name": "src", "provider": "ais"},
        {"name": "rb", "provider": "ais", "namespace": {"uuid": "remais", "name": ""}},
    ]


def test_answer_readers() -> None:
    st = _ops.job_status("j", "", "", False).parse(
        httpx.Response(200, json={"uuid": "j", "end_time": 5, "aborted": False, "err": "", "kind": "lru"})
    )
    assert isinstance(st, JobStatus) and (st.uuid, st.end_time, st.kind) == ("j", 5, "lru")
    node = {"daemon_id": "p1", "daemon_type": "proxy", "public_net": {"direct_url": "http://h:1"}}
    smap = _ops.smap().parse(
        httpx.Response(
            200, json={"uuid": "u", "version": "3", "pmap": {"p1": node}, "tmap": {}, "proxy_si": node}
        )
    )
    assert isinstance(smap, Smap) and smap.version == 3 and smap.proxy_si.daemon_id == "p1"
    assert _ops.buckets("ais").parse(httpx.Response(200, json=None)) == []
    assert _ops.buckets("ais").parse(httpx.Response(200, json=[{"name": "b", "provider": "ais"}])) == [
        Bck("b")
    ]
