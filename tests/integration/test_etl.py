"""Seed ``Etl`` (+ ``get_default_runtime``, ``Bucket.transform``, ``Object.get(etl_id=...)``) against
the real cluster.

aisnode here is built without ETL (ETL needs Kubernetes), so the real server refuses every ETL request:
``{"tcode": "ErrUnsupp", "message": "cannot use ETL in a build without ETL support - operation not
supported"}``, with HTTP 501 on ``/v1/etl...`` and on an object GET with ``etl_name``, and HTTP 404 on a
bucket-to-bucket transform (``etl-bck``). Each must surface as the typed ``Unsupported`` with exactly
that status, tcode and message. What each call *sends* is pinned by tests/unit/test_etl_wire.py.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable

import httpx
import pytest

from aistore_hl import Bucket, Client, etl_templates, get_default_runtime
from aistore_hl.errors import InvalidArgument, Unsupported
from aistore_hl.etl import Etl, runtime_image


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` and ``connect`` follow)."""
    return any_client


NO_ETL = "cannot use ETL in a build without ETL support - operation not supported"


def _upper(data: bytes) -> bytes:
    return data.upper()


def _assert_no_etl(exc: Unsupported, status: int, method: str) -> None:
    assert exc.status_code == status
    assert exc.tcode == "ErrUnsupp"
    assert exc.message == NO_ETL
    assert exc.method == method


CALLS: dict[str, tuple[Callable[[Etl], object], str]] = {
    "init_spec": (lambda etl: etl.init_spec(etl_templates.MD5, "md5-etl"), "PUT"),
    "init_spec_ws_10m": (lambda etl: etl.init_spec(etl_templates.ECHO, "echo-etl", "ws", "10m"), "PUT"),
    "init_code": (lambda etl: etl.init_code(_upper, "upper-etl"), "PUT"),
    "init_code_stream": (
        lambda etl: etl.init_code(_upper, "upper-etl", dependencies=["numpy"], chunk_size=4096),
        "PUT",
    ),
    "list": (lambda etl: etl.list(), "GET"),
    "view": (lambda etl: etl.view("md5-etl"), "GET"),
    "start": (lambda etl: etl.start("md5-etl"), "POST"),
    "stop": (lambda etl: etl.stop("md5-etl"), "POST"),
    "delete": (lambda etl: etl.delete("md5-etl"), "DELETE"),
}


@pytest.mark.parametrize("call", CALLS)
def test_every_etl_call_surfaces_the_servers_501_as_unsupported(client: Client, call: str) -> None:
    fn, method = CALLS[call]
    with pytest.raises(Unsupported) as ei:
        fn(client.etl())
    _assert_no_etl(ei.value, 501, method)


def test_etl_client_property(client: Client) -> None:
    etl = client.etl()
    assert etl.client is client


def test_get_default_runtime_is_this_interpreters_runtime(client: Client) -> None:
    rt = get_default_runtime()
    assert rt == f"python{sys.version_info.major}.{sys.version_info.minor}v2"
    assert inspect.signature(Etl.init_code).parameters["runtime"].default == rt
    assert runtime_image(rt) == f"aistorage/runtime_python:{sys.version_info.major}.{sys.version_info.minor}"
    # the default runtime passes local checks: the request reaches the server (which has no ETL)
    with pytest.raises(Unsupported):
        client.etl().init_code(_upper, "default-rt", runtime=rt)


def test_local_checks_come_before_the_server(ais_endpoint: str, connect: Callable[..., Client]) -> None:
    """Bad arguments are refused before anything is sent — even to a server without ETL."""
    with connect(ais_endpoint) as c:
        etl = c.etl()
        with pytest.raises(InvalidArgument):
            etl.init_code(_upper, "old-runtime", runtime="python3.8v2")
        with pytest.raises(InvalidArgument):
            etl.init_spec(etl_templates.MD5, "md5-etl", communication_type="io")  # removed in 5.0
        with pytest.raises(InvalidArgument):
            etl.init_spec(etl_templates.MD5, "x")  # too short for an ETL name
        with pytest.raises(InvalidArgument):
            etl.view("Bad_Name!")


def test_bucket_transform_surfaces_the_servers_answer(
    client: Client, bucket: Bucket, bucket_factory: Callable[..., str], raw: httpx.Client
) -> None:
    bucket.object("a.jpg").put(content=b"img")
    dst = bucket_factory("etl", create=False)
    with pytest.raises(Unsupported) as ei:
        bucket.transform("md5-etl", dst, prefix="out/", ext={"jpg": "txt"})
    _assert_no_etl(ei.value, 404, "POST")  # etl-bck is answered 404 by a build without ETL
    assert raw.head(f"/v1/buckets/{dst}", params={"provider": "ais"}).status_code == 404  # nothing made
    with pytest.raises(Unsupported) as ei:
        bucket.transform("md5-etl", dst, dry_run=True, force=True)
    _assert_no_etl(ei.value, 404, "POST")


def test_object_get_with_etl_id_surfaces_the_servers_answer(bucket: Bucket) -> None:
    bucket.object("o").put(content=b"data")
    with pytest.raises(Unsupported) as ei:
        bucket.object("o").get(etl_id="md5-etl").read_all()
    _assert_no_etl(ei.value, 501, "GET")
    assert bucket.object("o").get().read_all() == b"data"  # the plain read still works
