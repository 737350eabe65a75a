"""What each ETL call sends, byte for byte, and that ``init_code``'s payload loads and runs as the AIS
Python runtime would load it (in a separate interpreter without aistore_hl).

The real cluster (a build without ETL) only answers 501; tests/integration/test_etl.py asserts that.
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import httpx
import pytest
from hl_mock import Recorder, ais_error, mock_client

from aistore_hl import etl_templates
from aistore_hl.errors import InvalidArgument, Unsupported
from aistore_hl.etl import RUNTIME_PYTHON_VERSIONS, runtime_image

HERE = f"{sys.version_info.major}.{sys.version_info.minor}"
IMAGE = f"aistorage/runtime_python:{HERE}"
NO_ETL = "cannot use ETL in a build without ETL support - operation not supported"

_TAG = b"T:"


def _shout(data: bytes) -> bytes:
    return data.upper() + b"!"


def user_transform(data: bytes) -> bytes:
    """A seed-style transform that uses a module constant and a module helper (both must travel)."""
    return _TAG + _shout(data)


def user_stream_transform(chunks: Any) -> Any:
    for chunk in chunks:
        yield chunk.upper() + b"|"


def _ok(text: str = "xid-1") -> Recorder:
    return Recorder(lambda r: httpx.Response(200, text=text))


# -- init_spec ----------------------------------------------------------------------------------------
def test_init_spec_sends_an_init_spec_msg() -> None:
    rec = _ok()
    c = mock_client(rec)
    assert c.etl().init_spec(etl_templates.MD5, "md5-etl") == "md5-etl"

    (req,) = rec.seen
    assert (req.method, req.path, req.query) == ("PUT", "/v1/etl", {})
    assert req.headers["content-type"] == "application/json"
    filled = etl_templates.MD5.replace("{communication_type}", "hpush://")
    assert req.json() == {
        "name": "md5-etl",
        "spec": base64.b64encode(filled.encode()).decode(),
        "communication": "hpush://",
        "init_timeout": "5m",
    }
    spec = base64.b64decode(req.json()["spec"]).decode()
    assert 'communication_type: "hpush://"' in spec and "{communication_type}" not in spec
    assert spec == etl_templates.MD5.format(communication_type="hpush")  # the seed's way of filling it


def test_init_spec_communication_and_timeout() -> None:
    rec = _ok()
    mock_client(rec).etl().init_spec(etl_templates.ECHO, "echo-etl", communication_type="ws", timeout="1h30m")
    body = rec.seen[0].json()
    assert (body["communication"], body["init_timeout"]) == ("ws://", "1h30m")
    assert 'communication_type: "ws://"' in base64.b64decode(body["spec"]).decode()


def test_init_spec_bad_arguments_send_nothing() -> None:
    rec = _ok()
    etl = mock_client(rec).etl()
    with pytest.raises(InvalidArgument):
        etl.init_spec(etl_templates.MD5, "md5-etl", communication_type="hrev")  # removed in AIS 5.0
    with pytest.raises(InvalidArgument):
        etl.init_spec(etl_templates.MD5, "md5-etl", timeout="5 minutes")
    with pytest.raises(InvalidArgument):
        etl.init_spec("   ", "md5-etl")
    with pytest.raises(InvalidArgument):
        etl.init_spec(etl_templates.MD5, "MD5_ETL")
    assert rec.seen == []


# -- init_code ----------------------------------------------------------------------------------------
def test_init_code_sends_a_runtime_spec_msg() -> None:
    rec = _ok()
    deps = ["numpy", " pandas>=2 "]
    deps_before = list(deps)
    assert mock_client(rec).etl().init_code(user_transform, "code-etl", dependencies=deps) == "code-etl"

    (req,) = rec.seen
    assert (req.method, req.path, req.query) == ("PUT", "/v1/etl", {})
    body = req.json()
    payload = body["runtime"]["env"][0]["value"]
    assert body == {
        "name": "code-etl",
        "communication": "hpush://",
        "init_timeout": "5m",
        "runtime": {
            "image": IMAGE,
            "env": [
                {"name": "ETL_CLASS_PAYLOAD", "value": payload},
                {"name": "PACKAGES", "value": "numpy,pandas>=2"},
            ],
        },
    }
    assert base64.b64decode(payload, validate=True)
    assert deps == deps_before  # the caller's list is not mutated


def test_init_code_without_dependencies_sends_no_packages() -> None:
    rec = _ok()
    mock_client(rec).etl().init_code(user_transform, "code-etl", communication_type="hpull", timeout="45s")
    body = rec.seen[0].json()
    assert [e["name"] for e in body["runtime"]["env"]] == ["ETL_CLASS_PAYLOAD"]
    assert (body["communication"], body["init_timeout"]) == ("hpull://", "45s")


def test_runtime_of_another_python_version_is_refused_with_the_reason() -> None:
    other = next(v for v in RUNTIME_PYTHON_VERSIONS if v != HERE)
    rec = _ok()
    with pytest.raises(InvalidArgument) as ei:
        mock_client(rec).etl().init_code(user_transform, "code-etl", runtime=f"python{other}v2")
    assert str(ei.value) == (
        f"invalid runtime 'python{other}v2': the transform is pickled by Python {HERE} and would not load "
        f"in a Python {other} runtime; use runtime='python{HERE}v2' (or run this client on Python {other})"
    )
    assert rec.seen == []


def test_runtime_without_an_image_and_malformed_runtimes() -> None:
    with pytest.raises(InvalidArgument) as ei:
        runtime_image("python3.8v2")
    assert str(ei.value) == (
        "invalid runtime 'python3.8v2': no AIS Python runtime for Python 3.8 "
        f"(available: {', '.join(RUNTIME_PYTHON_VERSIONS)})"
    )
    for bad in ("python3.11", "3.11", "pypy3.11v2", ""):
        with pytest.raises(InvalidArgument, match=re.escape("expected a runtime like 'python3.11v2'")):
            runtime_image(bad)
    assert runtime_image(f"python{HERE}v2") == IMAGE


def test_init_code_bad_arguments_send_nothing() -> None:
    rec = _ok()
    etl = mock_client(rec).etl()
    for kwargs in (
        {"transform": b"not callable"},
        {"dependencies": "numpy"},  # a str, not a list
        {"dependencies": ["ok", ""]},
        {"chunk_size": -1},  # 0 is the seed's "whole object" (left out of the message)
        {"communication_type": "io"},
        {"timeout": "soon"},
    ):
        args: dict[str, Any] = {"transform": user_transform, "etl_id": "code-etl", **kwargs}
        with pytest.raises(InvalidArgument):
            etl.init_code(**args)
    assert rec.seen == []


# -- the payload, loaded like the runtime does --------------------------------------------------------
LOADER = textwrap.dedent(
    """
    import base64, importlib.abc, io, json, pickle, sys, types

    class NoAistoreHL(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("aistore_hl", "aistore_ll", "test_etl_wire", "hl_mock"):
                raise ImportError(f"{name} is not available in the ETL runtime")
            return None

    sys.meta_path.insert(0, NoAistoreHL())

    # What the runtime image provides: aistore.sdk.etl.webserver.fastapi_server.FastAPIServer
    parts = "aistore.sdk.etl.webserver.fastapi_server".split(".")
    for i in range(1, len(parts) + 1):
        mod = types.ModuleType(".".join(parts[:i]))
        mod.__path__ = []
        sys.modules[mod.__name__] = mod
        if i > 1:
            setattr(sys.modules[".".join(parts[: i - 1])], parts[i - 1], mod)

    class FastAPIServer:
        pass

    FastAPIServer.__module__ = "aistore.sdk.etl.webserver.fastapi_server"
    sys.modules["aistore.sdk.etl.webserver.fastapi_server"].FastAPIServer = FastAPIServer

    cls = pickle.loads(base64.b64decode(sys.stdin.read()))
    server = cls()
    out = {"subclass": issubclass(cls, FastAPIServer), "has_transform": hasattr(cls, "transform"),
           "has_stream": hasattr(cls, "transform_stream")}
    if out["has_transform"]:
        out["result"] = server.transform(b"hello etl", "bucket/obj", "").decode()
    if out["has_stream"]:
        pieces = server.transform_stream(io.BytesIO(b"hello world"), "bucket/obj", "")
        out["result"] = b"".join(pieces).decode()
    print(json.dumps(out))
    """
)


def _load_in_runtime(payload: str, tmp_path: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-c", LOADER],
        input=payload,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _payload(**kwargs: Any) -> str:
    rec = _ok()
    mock_client(rec).etl().init_code(etl_id="code-etl", **kwargs)
    env = rec.seen[0].json()["runtime"]["env"]
    value: str = env[0]["value"]
    return value


def test_payload_is_a_fastapi_server_subclass_running_the_function(tmp_path: Path) -> None:
    out = _load_in_runtime(_payload(transform=user_transform), tmp_path)
    assert out == {"subclass": True, "has_transform": True, "has_stream": False, "result": "T:HELLO ETL!"}


def test_streaming_payload_reads_chunk_size_pieces(tmp_path: Path) -> None:
    out = _load_in_runtime(_payload(transform=user_stream_transform, chunk_size=4), tmp_path)
    assert out == {"subclass": True, "has_transform": False, "has_stream": True, "result": "HELL|O WO|RLD|"}


def test_payload_of_a_lambda_and_a_closure(tmp_path: Path) -> None:
    suffix = b"-closure"
    out = _load_in_runtime(_payload(transform=lambda d: d[::-1] + suffix), tmp_path)
    assert out["result"] == "lte olleh-closure"


# -- the other ETL calls --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("call", "method", "path"),
    [
        ("list", "GET", "/v1/etl"),
        ("view", "GET", "/v1/etl/md5-etl"),
        ("start", "POST", "/v1/etl/md5-etl/start"),
        ("stop", "POST", "/v1/etl/md5-etl/stop"),
        ("delete", "DELETE", "/v1/etl/md5-etl"),
    ],
)
def test_etl_calls_and_the_501_answer(call: str, method: str, path: str) -> None:
    rec = Recorder(lambda r: ais_error(501, NO_ETL, "ErrUnsupp"))
    etl = mock_client(rec).etl()
    fn = getattr(etl, call)
    with pytest.raises(Unsupported) as ei:
        fn() if call == "list" else fn("md5-etl")
    assert (ei.value.status_code, ei.value.tcode, ei.value.message) == (501, "ErrUnsupp", NO_ETL)
    assert [(s.method, s.path, s.content) for s in rec.seen] == [(method, path, b"")]  # 501 is not retried


def test_list_and_view_parse_answers() -> None:
    def handler(r: httpx.Request) -> httpx.Response:
        if r.url.path == "/v1/etl":
            return httpx.Response(200, json=[{"id": "md5-etl", "stage": "Running", "xaction_id": "x1"}])
        return httpx.Response(200, json={"init_msg": {"name": "md5-etl", "communication": "hpush://"}})

    etl = mock_client(handler).etl()
    (one,) = etl.list()
    assert (one.id, one.stage, one.xaction_id) == ("md5-etl", "Running", "x1")
    details = etl.view("md5-etl")
    assert details.id == "md5-etl" and details.communication == "hpush://"


# -- transform and get with etl_id --------------------------------------------------------------------
def test_bucket_transform_sends_etl_bck_with_prepend() -> None:
    rec = _ok("job-7")
    b = mock_client(rec).bucket("src")
    job = b.transform("md5-etl", "dst", prefix="out/", ext={"jpg": "txt"}, force=True, dry_run=True)
    assert job == "job-7"
    (req,) = rec.seen
    assert (req.method, req.path) == ("POST", "/v1/buckets/src")
    assert req.query == {"provider": "ais", "bck_to": "ais/@#/dst/"}
    # the seed's "prefix to be added to resulting objects" is today's prepend; prefix (a filter) unset
    assert req.json() == {
        "action": "etl-bck",
        "value": {"id": "md5-etl", "prepend": "out/", "ext": {"jpg": "txt"}, "force": True, "dry_run": True},
    }


def test_bucket_transform_minimal_and_refused_arguments() -> None:
    rec = _ok()
    b = mock_client(rec).bucket("src")
    b.transform("md5-etl", "dst")
    assert rec.seen[0].json() == {"action": "etl-bck", "value": {"id": "md5-etl"}}
    with pytest.raises(InvalidArgument):
        b.transform("md5-etl", "dst", ext={"jpg": 1})  # type: ignore[dict-item]
    with pytest.raises(InvalidArgument):
        b.transform("x", "dst")
    assert len(rec.seen) == 1


def test_object_get_with_etl_id_sends_etl_name() -> None:
    rec = Recorder(lambda r: httpx.Response(200, content=b"TRANSFORMED"))
    got = mock_client(rec).bucket("src").object("o").get(etl_id="md5-etl").read_all()
    assert got == b"TRANSFORMED"
    (req,) = rec.seen
    assert (req.method, req.path, req.query) == (
        "GET",
        "/v1/objects/src/o",
        {"provider": "ais", "etl_name": "md5-etl"},
    )
