"""The official SDK 2.0 names of jobs, ETL, dSort, ``Client.bucket(namespace=)`` and ``Client.batch``:
what each call sends, byte for byte, through the ``transport=`` seam (``hl_mock``), and the pure
steps (time window, total time, single-node wait).

The real cluster has neither ETL nor dSort; tests/integration/test_job_etl_official_names.py checks
that its answers surface as ``Unsupported``.
"""

from __future__ import annotations

import asyncio
import base64
import datetime
import json
import logging
import pickle
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from hl_mock import Recorder, mock_async_client, mock_client

from aistore_hl import Client, Namespace
from aistore_hl import job as job_mod
from aistore_hl.dsort import NO_DSORT
from aistore_hl.errors import InvalidArgument, InvalidETLName, Timeout, Unsupported
from aistore_hl.etl import ETLNodeLogs, RuntimeServer, duration_seconds
from aistore_hl.job_api import JobDetails, SingleNodeWait, check_timeframe, total_time, within_timeframe

HERE = f"{sys.version_info.major}.{sys.version_info.minor}"
NO_DSORT_TEXT = "dsort not enabled (build with -tags=dsort)\n"
UTC = datetime.UTC


def _ok(text: str = "xid-1") -> Recorder:
    return Recorder(lambda r: httpx.Response(200, text=text))


def _json_ok(body: Any) -> Recorder:
    return Recorder(lambda r: httpx.Response(200, json=body))


# -- Client factories --------------------------------------------------------------------------------
def test_bucket_namespace_alias() -> None:
    c = mock_client(_ok())
    ns = Namespace(uuid="remais", name="")
    assert c.bucket("b", namespace=ns).namespace == c.bucket("b", "ais", ns).namespace == ns
    with pytest.raises(InvalidArgument, match="not both"):
        c.bucket("b", ns=ns, namespace=ns)


def test_job_and_etl_factories_bind() -> None:
    c = mock_client(_ok())
    j = c.job("xid-1", "copy-bck")
    assert (j.job_id, j.job_kind) == ("xid-1", "copy-bck")
    assert (c.job().job_id, c.job().job_kind) == ("", "")
    with pytest.raises(InvalidArgument):
        c.job(5)  # type: ignore[arg-type]
    assert c.etl("my-etl").name == "my-etl" and c.etl().name == ""
    with pytest.raises(InvalidETLName):
        c.etl("Bad_Name")


def test_batch_takes_the_official_option_names() -> None:
    c = mock_client(_ok())
    b = c.batch(["a"], bucket=c.bucket("b"), output_format=".zip", cont_on_err=False, only_obj_name=True,
                streaming_get=False, colocation=2, request_size=5)  # fmt: skip
    opts = b._opts
    assert (opts.output_format, opts.cont_on_err, opts.only_obj_name, opts.streaming, opts.colocation) == (
        ".zip", False, True, False, 2,
    )  # fmt: skip
    assert b.request_size == 5
    with pytest.raises(InvalidArgument):
        c.batch(["a"], bucket=c.bucket("b"), colocation=3)


# -- Job: bound id / kind on the wire ------------------------------------------------------------------
def test_bound_job_id_is_sent() -> None:
    rec = _json_ok({"uuid": "xid-1", "end_time": 5, "kind": "copy-bck"})
    c = mock_client(rec)
    assert c.job("xid-1").status().uuid == "xid-1"
    assert c.job("xid-1").wait_for_job(timeout=5).end_time == 5
    assert c.job().status("xid-2").uuid == "xid-1"  # the seed way, explicit id
    bodies = [s.json() for s in rec.seen]
    assert [b["id"] for b in bodies] == ["xid-1", "xid-1", "xid-2"]
    assert all(s.query == {"what": "status"} for s in rec.seen)


def test_bound_kind_starts_the_job() -> None:
    rec = _ok("xid-9")
    assert mock_client(rec).job(job_kind="lru").start() == "xid-9"
    assert rec.seen[0].json() == {"action": "start", "value": {"Kind": "lru"}}


def test_abort_with_the_bound_id() -> None:
    rec = _ok("")
    mock_client(rec).job("xid-1").abort()
    assert rec.seen[0].json() == {"action": "stop", "value": {"ID": "xid-1"}}


def test_verbose_logs_progress_at_info(caplog: pytest.LogCaptureFixture) -> None:
    answers = iter([{"uuid": "x", "end_time": 0}, {"uuid": "x", "end_time": 7}])
    c = mock_client(Recorder(lambda r: httpx.Response(200, json=next(answers))))
    with caplog.at_level(logging.INFO, logger="aistore_hl.job"):
        c.job("x").wait(job_kind="copy-bck", timeout=5, verbose=True)
    msgs = [r.getMessage() for r in caplog.records if r.name == "aistore_hl.job"]
    assert any("running" in m for m in msgs) and any("finished" in m for m in msgs)
    assert all(r.levelno == logging.INFO for r in caplog.records if r.name == "aistore_hl.job")


def _snap(xid: str, kind: str, start: str, end: str = "0001-01-01T00:00:00Z", **kw: Any) -> dict[str, Any]:
    return {"id": xid, "kind": kind, "start-time": start, "end-time": end, **kw}


def test_get_total_time_and_timeframe_query_the_bound_job() -> None:
    snaps = {
        "t1": [_snap("x1", "copy-bck", "2026-01-01T00:00:00.5Z", "2026-01-01T00:00:02Z")],
        "t2": [_snap("x1", "copy-bck", "2026-01-01T00:00:00Z", "2026-01-01T00:00:03.25Z")],
    }
    rec = _json_ok(snaps)
    job = mock_client(rec).job("x1")
    assert job.get_total_time() == datetime.timedelta(seconds=3.25)
    found = job.get_within_timeframe(datetime.datetime(2025, 12, 31, tzinfo=UTC))
    assert [s.node for s in found] == ["t1", "t2"]
    assert all(s.query == {"what": "qryxstats"} and s.json()["id"] == "x1" for s in rec.seen)


def test_wait_single_node_polls_snapshots(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(job_mod.time, "sleep", lambda s: None)
    answers = iter(
        [
            httpx.Response(404, json={"message": "x-[b1] does not exist", "status": 404}),
            httpx.Response(200, json={"t1": [_snap("b1", "blob-download", "2026-01-01T00:00:00Z")]}),
            httpx.Response(
                200,
                json={"t1": [_snap("b1", "blob-download", "2026-01-01T00:00:00Z", "2026-01-01T00:00:04Z")]},
            ),
        ]
    )
    rec = Recorder(lambda r: next(answers))
    st = mock_client(rec).job("b1", "blob-download").wait_single_node(timeout=10)
    assert (st.uuid, st.kind, st.aborted, st.err) == ("b1", "blob-download", False, "")
    assert st.end_time == int(datetime.datetime(2026, 1, 1, 0, 0, 4, tzinfo=UTC).timestamp() * 1e9)
    assert len(rec.seen) == 3 and all(s.json()["id"] == "b1" for s in rec.seen)


def test_wait_single_node_needs_a_bound_job() -> None:
    rec = _ok()
    with pytest.raises(InvalidArgument):
        mock_client(rec).job().wait_single_node(timeout=1)
    assert rec.seen == []


# -- pure steps ----------------------------------------------------------------------------------------
def _details(snaps: dict[str, list[dict[str, Any]]]) -> JobDetails:
    return JobDetails.from_json(snaps)


def test_total_time_is_none_until_every_snapshot_ended() -> None:
    t0 = "2026-01-01T00:00:00Z"
    assert total_time(_details({})) is None
    assert total_time(_details({"t1": [_snap("x", "k", t0)]})) is None
    running_and_done = {"t1": [_snap("x", "k", t0, "2026-01-01T00:00:01Z")], "t2": [_snap("x", "k", t0)]}
    assert total_time(_details(running_and_done)) is None
    aborted_no_end = {"t1": [_snap("x", "k", t0, "", aborted=True)]}
    assert total_time(_details(aborted_no_end)) is None  # the official SDK: no end time, no total


def test_within_timeframe() -> None:
    d = _details(
        {
            "t1": [
                _snap("a", "copy-bck", "2026-01-01T10:00:00Z", "2026-01-01T10:00:05Z"),
                _snap("b", "copy-bck", "2026-01-01T12:00:00Z"),  # still running
                _snap("c", "lru", "2026-01-01T10:30:00Z", "2026-01-01T10:31:00Z"),
            ]
        }
    )
    start = datetime.datetime(2026, 1, 1, 9, tzinfo=UTC)
    end = datetime.datetime(2026, 1, 1, 11, tzinfo=UTC)
    assert [s.id for s in within_timeframe(d, "", "copy-bck", start)] == ["a", "b"]
    assert [s.id for s in within_timeframe(d, "", "copy-bck", start, end)] == ["a"]  # b has not ended
    assert [s.id for s in within_timeframe(d, "c", "", start, end)] == ["c"]
    late = datetime.datetime(2026, 1, 1, 11, tzinfo=UTC)
    assert [s.id for s in within_timeframe(d, "", "copy-bck", late)] == ["b"]
    assert within_timeframe(d, "", "ec-put", start) == []


def test_check_timeframe() -> None:
    naive = datetime.datetime(2026, 1, 1, 9)
    start, end = check_timeframe(naive)
    assert start.tzinfo is not None and end is None and start == naive.astimezone()
    with pytest.raises(InvalidArgument):
        check_timeframe("2026-01-01")
    with pytest.raises(InvalidArgument):
        check_timeframe(naive, 5)


def test_single_node_wait_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    w = SingleNodeWait("x", "", 5)
    assert w.on_details(None, False) is None
    assert w.on_details(_details({"t1": [_snap("x", "k", "2026-01-01T00:00:00Z")]}), False) is None
    aborted = _details({"t1": [_snap("x", "k", "2026-01-01T00:00:00Z", "", aborted=True, err="boom")]})
    st = w.on_details(aborted, False)
    assert st is not None and st.aborted and st.err == "boom" and st.end_time == 0
    with pytest.raises(job_mod.JobFailed):
        w.on_details(aborted, True)
    monkeypatch.setattr(w, "start", w.start - 10)
    with pytest.raises(Timeout):
        w.next_delay()
    with pytest.raises(InvalidArgument):
        SingleNodeWait("x", "", 0)


# -- dSort ---------------------------------------------------------------------------------------------
def _no_dsort(r: httpx.Request) -> httpx.Response:
    if r.method == "GET":
        return httpx.Response(200, json=[])
    return httpx.Response(501, text=NO_DSORT_TEXT, headers={"content-type": "text/plain; charset=utf-8"})


def test_dsort_wire() -> None:
    spec = {"input_bck": {"name": "src", "provider": "ais"}, "input_format": {"template": "shard-{0..9}"}}
    rec = _ok("dsort-1")
    d = mock_client(rec).dsort()
    assert d.dsort_id == ""
    assert d.start(spec) == "dsort-1" and d.dsort_id == "dsort-1"
    start = rec.seen[0]
    assert (start.method, start.path, start.query, start.json()) == ("POST", "/v1/sort", {}, spec)
    assert start.headers["content-type"] == "application/json"
    d.abort()
    assert (rec.seen[1].method, rec.seen[1].path, rec.seen[1].query) == (
        "DELETE", "/v1/sort/abort", {"uuid": "dsort-1"},
    )  # fmt: skip
    info = {"t1": {"id": "dsort-1", "Metrics": {"shard_creation": {"finished": True}}}}
    rec2 = _json_ok(info)
    d2 = mock_client(rec2).dsort("dsort-1")
    assert d2.get_job_info() == info
    assert d2.wait(timeout=5) == info
    assert all((s.method, s.path, s.query) == ("GET", "/v1/sort", {"uuid": "dsort-1"}) for s in rec2.seen)


def test_dsort_spec_files(tmp_path: Path) -> None:
    spec = {"input_extension": ".tar", "output_shard_size": "10MB"}
    (tmp_path / "s.json").write_text(json.dumps(spec))
    (tmp_path / "s.yaml").write_text("input_extension: .tar\noutput_shard_size: 10MB\n")
    (tmp_path / "s.txt").write_text("x")
    (tmp_path / "list.json").write_text("[1]")
    rec = _ok("d")
    d = mock_client(rec).dsort()
    d.start(tmp_path / "s.json")
    d.start(str(tmp_path / "s.yaml"))
    assert [s.json() for s in rec.seen] == [spec, spec]
    for bad in (tmp_path / "s.txt", tmp_path / "list.json", tmp_path / "missing.json", 5):
        with pytest.raises(InvalidArgument):
            d.start(bad)  # type: ignore[arg-type]
    assert len(rec.seen) == 2


def test_dsort_without_dsort_build_is_unsupported() -> None:
    d = mock_client(Recorder(_no_dsort)).dsort("dsort-1")
    for call in (lambda: d.start({}), d.abort):
        with pytest.raises(Unsupported) as ei:
            call()
        assert ei.value.status_code == 501 and ei.value.message == NO_DSORT_TEXT.strip()
    with pytest.raises(Unsupported) as ei:
        d.get_job_info()
    assert ei.value.status_code == 200 and ei.value.message == NO_DSORT and ei.value.method == "GET"
    with pytest.raises(Unsupported):
        d.wait(timeout=1)
    with pytest.raises(InvalidArgument):
        mock_client(Recorder(_no_dsort)).dsort().abort()  # no id: nothing sent


def test_async_dsort_wire() -> None:
    async def go() -> None:
        rec = Recorder(_no_dsort)
        c = mock_async_client(rec)
        d = c.dsort("dsort-1")
        with pytest.raises(Unsupported):
            await d.start({"a": 1})
        with pytest.raises(Unsupported):
            await d.get_job_info()
        with pytest.raises(Unsupported):
            await d.abort()
        await c.close()
        assert [(s.method, s.path, s.query) for s in rec.seen] == [
            ("POST", "/v1/sort", {}),
            ("GET", "/v1/sort", {"uuid": "dsort-1"}),
            ("DELETE", "/v1/sort/abort", {"uuid": "dsort-1"}),
        ]

    asyncio.run(go())


# -- ETL -----------------------------------------------------------------------------------------------
def test_etl_init_sends_an_etl_spec_msg() -> None:
    rec = _ok("etl-xid")
    etl = mock_client(rec).etl("md5-etl")
    assert etl.init("aistorage/transformer_md5:latest", "python server.py", "hpull", "10m", "1m",
                    direct_file_access=True, FOO="bar") == "etl-xid"  # fmt: skip
    (req,) = rec.seen
    assert (req.method, req.path, req.query) == ("PUT", "/v1/etl", {})
    assert req.json() == {
        "name": "md5-etl",
        "runtime": {
            "image": "aistorage/transformer_md5:latest",
            "command": ["python", "server.py"],
            "env": [{"name": "FOO", "value": "bar"}, {"name": "ETL_DIRECT_FQN", "value": "true"}],
        },
        "communication": "hpull://",
        "init_timeout": "10m",
        "obj_timeout": "1m",
        "support_direct_put": False,
    }


def test_etl_init_defaults_and_timeout() -> None:
    seen_timeouts: list[Any] = []

    def handler(r: httpx.Request) -> httpx.Response:
        seen_timeouts.append(r.extensions.get("timeout"))
        return httpx.Response(200, text="x")

    rec = Recorder(handler)
    mock_client(rec).etl("echo-etl").init("img", init_timeout="2m")
    assert rec.seen[0].json() == {
        "name": "echo-etl",
        "runtime": {"image": "img"},
        "communication": "hpush://",
        "init_timeout": "2m",
        "obj_timeout": "45s",
        "support_direct_put": False,
    }
    assert seen_timeouts[0]["read"] == 180  # init_timeout + a minute: the server answers when pods run
    assert duration_seconds("1h30m") == 5400 and duration_seconds("1.5s") == 1.5


def test_etl_init_refuses_before_sending() -> None:
    rec = _ok()
    c = mock_client(rec)
    with pytest.raises(InvalidETLName):
        c.etl().init("img")  # no bound name
    for kw in ({"image": ""}, {"image": "i", "comm_type": "io"}, {"image": "i", "init_timeout": "5 min"},
               {"image": "i", "command": [1]}, {"image": "i", "NUM": 4}):  # fmt: skip
        with pytest.raises(InvalidArgument):
            c.etl("my-etl").init(**kw)
    assert rec.seen == []


class Upper(RuntimeServer):
    def transform(self, data: bytes, path: str, etl_args: str) -> bytes:
        return data.upper()


def test_etl_init_class_sends_the_pickled_class() -> None:
    rec = _ok("x")
    deco = mock_client(rec).etl("upper-etl").init_class(dependencies=["numpy"], os_packages=["ffmpeg"],
                                                        NUM_WORKERS="2")  # fmt: skip
    assert deco(Upper) is Upper
    body = rec.seen[0].json()
    assert body["runtime"]["image"] == f"aistorage/runtime_python:{HERE}"
    assert body["support_direct_put"] is True and body["communication"] == "hpush://"
    env = {e["name"]: e["value"] for e in body["runtime"]["env"]}
    assert env["PACKAGES"] == "numpy" and env["OS_PACKAGES"] == "ffmpeg" and env["NUM_WORKERS"] == "2"
    payload = base64.b64decode(env["ETL_CLASS_PAYLOAD"])
    # the base class is a reference to the runtime's FastAPIServer, not ours
    assert b"aistore.sdk.etl.webserver.fastapi_server" in payload and b"FastAPIServer" in payload
    with pytest.raises(ModuleNotFoundError):
        pickle.loads(payload)  # only loads where the official SDK (the runtime) is installed
    with pytest.raises(InvalidArgument):
        mock_client(rec).etl("upper-etl").init_class()(object)  # no transform
    assert len(rec.seen) == 1


def test_etl_logs_view_and_bound_name() -> None:
    logs = [{"target_id": "t1", "logs": base64.b64encode(b"hello\n").decode()}]

    def handler(r: httpx.Request) -> httpx.Response:
        if r.url.path.endswith("/logs/t2"):
            return httpx.Response(200, json={"target_id": "t2", "logs": base64.b64encode(b"two").decode()})
        if "/logs" in r.url.path:
            return httpx.Response(200, json=logs)
        if r.method == "GET":
            return httpx.Response(200, json={"init_msg": {"name": "md5-etl"}, "obj_errors": []})
        return httpx.Response(200, text="")

    rec = Recorder(handler)
    etl = mock_client(rec).etl("md5-etl")
    assert etl.logs() == [ETLNodeLogs("t1", "hello\n")]
    assert etl.logs("t2") == [ETLNodeLogs("t2", "two")]
    etl.view("", job_id="xid-7")
    etl.view("other-etl")
    etl.stop("")
    etl.delete("")
    assert [(s.method, s.path, s.query) for s in rec.seen] == [
        ("GET", "/v1/etl/md5-etl/logs", {}),
        ("GET", "/v1/etl/md5-etl/logs/t2", {}),
        ("GET", "/v1/etl/md5-etl", {"uuid": "xid-7"}),
        ("GET", "/v1/etl/other-etl", {}),
        ("POST", "/v1/etl/md5-etl/stop", {}),
        ("DELETE", "/v1/etl/md5-etl", {}),
    ]
    with pytest.raises(InvalidETLName):
        mock_client(rec).etl().view("")


def test_etl_pipeline_and_validate_name() -> None:
    c: Client = mock_client(_ok())
    a, b, d = c.etl("etl-aaa"), c.etl("etl-bbb"), c.etl("etl-ddd")
    chain = a >> b >> d
    assert chain.name == "etl-aaa" and chain.pipeline == ["etl-bbb", "etl-ddd"]
    assert a.pipeline == [] and (a >> (b >> d)).pipeline == ["etl-bbb", "etl-ddd"]
    c.etl().validate_etl_name("good-name")
    for bad in ("short", "x" * 33, "Upper-case", "-leading", "trailing-"):
        with pytest.raises(InvalidETLName):
            c.etl().validate_etl_name(bad)


def test_async_etl_init_class_is_awaited() -> None:
    async def go() -> None:
        rec = _ok("x")
        c = mock_async_client(rec)
        assert await c.etl("upper-etl").init_class()(Upper) is Upper
        assert rec.seen[0].json()["runtime"]["image"] == f"aistorage/runtime_python:{HERE}"
        await c.close()
        rec2 = _json_ok([])
        c2 = mock_async_client(rec2)
        assert await c2.etl("upper-etl").logs("t1") == []
        assert rec2.seen[0].path == "/v1/etl/upper-etl/logs/t1"
        await c2.close()

    asyncio.run(go())
