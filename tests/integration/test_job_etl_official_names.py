"""The official SDK 2.0 names of jobs, ETL, dSort, ``Client.bucket(namespace=)`` and ``Client.batch``,
on the real cluster, on ``Client`` and ``AsyncClient`` alike (``any_client``).

Jobs run for real: a bucket copy (``copy-bck``) waited for through ``client.job(xid)``, its total
time and its place in a time window; a ``blob-download`` (a job that runs on one target: the
object's owner) of an object of the attached remote cluster for ``wait_single_node``.

This aisnode is built without ETL and without dSort: ETL calls are answered 501 ``ErrUnsupp`` (as
in test_etl.py), dSort start/abort 501 with a plain-text body, and a dSort metrics query 200 ``[]``;
each surfaces as ``Unsupported``. What the calls send is pinned by
tests/unit/test_official_names_wire.py.
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import os
import time
from collections.abc import Callable

import pytest

from aistore_hl import AsyncClient, Bucket, Client, Namespace, object_ops
from aistore_hl.errors import Conflict, InvalidArgument, InvalidETLName, Unsupported
from aistore_hl.etl import RuntimeServer
from tests.integration.test_etl import NO_ETL, _assert_no_etl
from tests.support.twin import twin_module

oo = twin_module(object_ops)

NO_DSORT = "dsort not enabled (build with -tags=dsort)"


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs on ``Client`` and ``AsyncClient`` (``bucket``, ``remote_bucket`` follow)."""
    return any_client


def _copied(
    client: Client, bucket: Bucket, bucket_factory: Callable[..., str], n: int = 20
) -> tuple[str, str]:
    for i in range(n):
        bucket.object(f"o{i}").put(content=os.urandom(1024))
    dst = bucket_factory("dst", create=False)
    deadline = time.monotonic() + 120
    while True:
        try:
            xid = bucket.copy(dst)
            break
        except Conflict as e:  # another test's bucket rename (``mv``) excludes copies meanwhile
            if e.tcode != "ErrLimitedCoexistence" or time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    assert xid
    return xid, dst


# -- jobs ----------------------------------------------------------------------------------------------
def test_bound_job_wait_total_time_and_timeframe(
    client: Client, bucket: Bucket, bucket_factory: Callable[..., str], caplog: pytest.LogCaptureFixture
) -> None:
    before = datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=2)
    xid, dst = _copied(client, bucket, bucket_factory)
    job = client.job(xid)
    assert (job.job_id, job.job_kind) == (xid, "")
    with caplog.at_level(logging.INFO, logger="aistore_hl.job"):
        status = job.wait(timeout=60, raise_on_failure=True, verbose=True)
    assert status.uuid == xid and status.end_time > 0 and status.kind == "copy-bck"
    assert any(xid in r.getMessage() for r in caplog.records if r.name == "aistore_hl.job")
    assert len(list(client.bucket(dst).list_all_objects())) == 20

    # the seed-era explicit id still works, and "" means the bound one
    assert client.job().status(xid).uuid == xid == client.job(xid).status("").uuid

    total = None
    for _ in range(50):  # every target's snapshot ends right after the status record does
        total = job.get_total_time()
        if total is not None:
            break
        time.sleep(0.1)
    assert total is not None and total > datetime.timedelta(0)

    after = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=2)
    by_kind = client.job(job_kind="copy-bck").get_within_timeframe(before, after)
    assert {s.id for s in by_kind} >= {xid} and all(s.kind == "copy-bck" for s in by_kind)
    mine = job.get_within_timeframe(before)
    assert mine and {s.id for s in mine} == {xid}
    assert {s.node for s in mine} == set(client.cluster().get_info().tmap)  # one snapshot per target
    # a window that closed before the job started finds nothing
    assert job.get_within_timeframe(before - datetime.timedelta(hours=1), before) == []


def test_wait_for_idle_with_verbose(
    client: Client, bucket: Bucket, bucket_factory: Callable[..., str]
) -> None:
    xid, _ = _copied(client, bucket, bucket_factory, n=5)
    client.job(xid, "copy-bck").wait_for_idle(timeout=60, verbose=True)
    assert client.job(xid).wait_for_job(timeout=60, verbose=True).end_time > 0


def test_wait_single_node_on_a_blob_download(client: Client, remote_bucket: Bucket) -> None:
    """``blob-download`` runs on the object's owner only and keeps no cluster-wide status record."""
    data = os.urandom(3 << 20)
    obj = remote_bucket.object("blob")
    obj.put(content=data)
    remote_bucket.evict(keep_md=True)  # the remote cluster keeps it; the local copy goes
    xid = oo.blob_download(obj, chunk_size=1 << 20, num_workers=2)
    assert xid
    status = client.job(xid, "blob-download").wait_single_node(timeout=60, verbose=True)
    assert (status.uuid, status.kind, status.aborted, status.err) == (xid, "blob-download", False, "")
    assert status.end_time > 0
    owners = {s.node for s in client.job(xid).get_details().list_snapshots()}
    assert len(owners) == 1  # a single-node job
    assert obj.head().present is True and obj.get().read_all() == data


def test_wait_single_node_needs_a_bound_job(client: Client) -> None:
    with pytest.raises(InvalidArgument):
        client.job().wait_single_node(timeout=5)


# -- Client.bucket(namespace=) and Client.batch(...) ---------------------------------------------------
def test_bucket_namespace_alias(client: Client, remote_bucket: Bucket, remote_alias: str) -> None:
    remote_bucket.object("ns-obj").put(content=b"via namespace=")
    ns = Namespace(uuid=remote_alias)
    same = client.bucket(remote_bucket.name, namespace=ns)
    assert same.object("ns-obj").get().read_all() == b"via namespace="
    with pytest.raises(InvalidArgument):
        client.bucket(remote_bucket.name, ns=ns, namespace=ns)


def test_batch_with_the_official_option_names(client: Client, bucket: Bucket) -> None:
    for name in ("a", "b", "c"):
        bucket.object(name).put(content=name.encode() * 10)
    b = client.batch(["a", "b", "missing", "c"], bucket, output_format=".tar", cont_on_err=True,
                     only_obj_name=True, streaming_get=False, colocation=1)  # fmt: skip
    entries = list(b.get())
    assert [e.obj_name for e in entries] == ["a", "b", "missing", "c"]
    assert [e.error is None for e in entries] == [True, True, False, True]
    assert entries[3].data == b"c" * 10


# -- dSort ---------------------------------------------------------------------------------------------
def test_dsort_is_unsupported_on_this_build(client: Client) -> None:
    spec = {"input_bck": {"name": "src", "provider": "ais"}, "input_extension": ".tar",
            "input_format": {"template": "shard-{0..9}"}, "output_shard_size": "10KB"}  # fmt: skip
    d = client.dsort()
    with pytest.raises(Unsupported) as ei:
        d.start(spec)
    assert (ei.value.status_code, ei.value.message, ei.value.method) == (501, NO_DSORT, "POST")
    assert d.dsort_id == ""
    d = client.dsort("dsort-x1")
    with pytest.raises(Unsupported) as ei:
        d.abort()
    assert (ei.value.status_code, ei.value.message, ei.value.method) == (501, NO_DSORT, "DELETE")
    with pytest.raises(Unsupported) as ei:
        d.get_job_info()  # the server answers 200 [] to a metrics query without dSort
    assert (ei.value.status_code, ei.value.method) == (200, "GET")
    with pytest.raises(Unsupported):
        d.wait(timeout=5)
    with pytest.raises(InvalidArgument):
        client.dsort().get_job_info()  # no id: nothing sent


# -- ETL -----------------------------------------------------------------------------------------------
class Upper(RuntimeServer):
    def transform(self, data: bytes, path: str, etl_args: str) -> bytes:
        return data.upper()


def test_etl_official_methods_surface_the_servers_501(client: Client) -> None:
    etl = client.etl("md5-etl")
    assert etl.name == "md5-etl" and etl.pipeline == []
    calls = {
        "init": (lambda: etl.init("aistorage/transformer_md5:latest", comm_type="hpull"), "PUT"),
        "logs": (lambda: etl.logs(), "GET"),
        "logs_target": (lambda: etl.logs(sorted(client.cluster().get_info().tmap)[0]), "GET"),
        "view_job": (lambda: etl.view("", job_id="xid-1"), "GET"),
        "start_bound": (lambda: etl.start(""), "POST"),
        "stop_bound": (lambda: etl.stop(""), "POST"),
        "delete_bound": (lambda: etl.delete(""), "DELETE"),
        "init_spec_bound": (lambda: etl.init_spec("apiVersion: v1\nkind: Pod\n", ""), "PUT"),
    }
    for name, (fn, method) in calls.items():
        with pytest.raises(Unsupported) as ei:
            fn()
        _assert_no_etl(ei.value, 501, method)
        assert ei.value.message == NO_ETL, name


def test_etl_local_checks_come_first(client: Client) -> None:
    with pytest.raises(InvalidETLName):
        client.etl().init("img")  # no name bound: nothing sent
    with pytest.raises(InvalidETLName):
        client.etl("Bad_Name")
    with pytest.raises(InvalidArgument):
        client.etl("md5-etl").init("img", comm_type="io")
    client.etl().validate_etl_name("md5-etl")
    with pytest.raises(InvalidETLName):
        client.etl().validate_etl_name("-md5-etl")


def test_etl_pipeline(sync_client: Client, ais_endpoint: str) -> None:
    """``a >> b`` (an operator, which the twin wrapper does not forward: each twin directly)."""
    chain = sync_client.etl("etl-one") >> sync_client.etl("etl-two") >> sync_client.etl("etl-three")
    assert (chain.name, chain.pipeline) == ("etl-one", ["etl-two", "etl-three"])
    with pytest.raises(Unsupported) as ei:
        chain.view("")
    _assert_no_etl(ei.value, 501, "GET")

    async def go() -> None:
        async with AsyncClient(ais_endpoint) as ac:
            achain = ac.etl("etl-one") >> ac.etl("etl-two")
            assert (achain.name, achain.pipeline) == ("etl-one", ["etl-two"])

    asyncio.run(go())


def test_etl_init_class_surfaces_the_servers_501(sync_client: Client, ais_endpoint: str) -> None:
    """``init_class`` returns a decorator (async: an awaitable one), so each twin is driven directly."""
    with pytest.raises(Unsupported) as ei:
        sync_client.etl("upper-etl").init_class(dependencies=["numpy"])(Upper)
    _assert_no_etl(ei.value, 501, "PUT")

    async def go() -> None:
        async with AsyncClient(ais_endpoint) as ac:
            with pytest.raises(Unsupported) as ei:
                await ac.etl("upper-etl").init_class()(Upper)
            _assert_no_etl(ei.value, 501, "PUT")

    asyncio.run(go())
