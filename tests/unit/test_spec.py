"""spec/ais.yaml conventions, and generated/aistore_ll being exactly what scripts/generate.py makes of it.

No cluster needed (tests/contract checks the spec against a real one).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import io
import json
import pkgutil
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import msgspec
import pytest
import yaml
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "spec" / "ais.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
METHODS = ("get", "put", "post", "delete", "patch", "head")

# operationId -> (tag, METHOD, path). The high-level layer is written against these names.
EXPECTED_OPERATIONS = {
    "get_health": ("cluster", "GET", "/v1/health"),
    "get_daemon_info": ("cluster", "GET", "/v1/daemon"),
    "get_node_info": ("cluster", "GET", "/v1/reverse/daemon"),
    "perform_node_action": ("cluster", "PUT", "/v1/reverse/daemon"),
    "update_node_config": ("cluster", "PUT", "/v1/reverse/daemon/set-config"),
    "attach_mountpath": ("cluster", "PUT", "/v1/reverse/daemon/mountpaths"),
    "perform_mountpath_action": ("cluster", "POST", "/v1/reverse/daemon/mountpaths"),
    "detach_mountpath": ("cluster", "DELETE", "/v1/reverse/daemon/mountpaths"),
    "update_cluster_config": ("cluster", "PUT", "/v1/cluster/set-config"),
    "detach_remote_cluster": ("cluster", "PUT", "/v1/cluster/detach"),
    "enable_backend": ("cluster", "PUT", "/v1/cluster/enable-bend/{provider}"),
    "disable_backend": ("cluster", "PUT", "/v1/cluster/disable-bend/{provider}"),
    "set_primary_proxy": ("cluster", "PUT", "/v1/cluster/proxy/{node_id}"),
    "load_x509_cert": ("cluster", "PUT", "/v1/cluster/load-x509"),
    "load_node_x509_cert": ("cluster", "PUT", "/v1/cluster/load-x509/{node_id}"),
    "start_download": ("job", "POST", "/v1/download"),
    "get_download": ("job", "GET", "/v1/download"),
    "abort_download": ("job", "DELETE", "/v1/download/abort"),
    "remove_download": ("job", "DELETE", "/v1/download/remove"),
    "start_dsort": ("job", "POST", "/v1/sort"),
    "list_dsort": ("job", "GET", "/v1/sort"),
    "remove_dsort": ("job", "DELETE", "/v1/sort"),
    "abort_dsort": ("job", "DELETE", "/v1/sort/abort"),
    "attach_remote_cluster": ("cluster", "PUT", "/v1/cluster/attach"),
    "list_buckets": ("cluster", "GET", "/v1/buckets"),
    "query_cluster": ("job", "GET", "/v1/cluster"),
    "perform_cluster_action": ("job", "PUT", "/v1/cluster"),
    "list_objects": ("bucket", "GET", "/v1/buckets/{bucket}"),
    "head_bucket": ("bucket", "HEAD", "/v1/buckets/{bucket}"),
    "perform_bucket_action": ("bucket", "POST", "/v1/buckets/{bucket}"),
    "delete_bucket": ("bucket", "DELETE", "/v1/buckets/{bucket}"),
    "update_bucket_props": ("bucket", "PATCH", "/v1/buckets/{bucket}"),
    "archive_objects": ("bucket", "PUT", "/v1/buckets/{bucket}"),
    "get_object": ("object", "GET", "/v1/objects/{bucket}/{object}"),
    "put_object": ("object", "PUT", "/v1/objects/{bucket}/{object}"),
    "head_object": ("object", "HEAD", "/v1/objects/{bucket}/{object}"),
    "delete_object": ("object", "DELETE", "/v1/objects/{bucket}/{object}"),
    "perform_object_action": ("object", "POST", "/v1/objects/{bucket}/{object}"),
    "update_object_props": ("object", "PATCH", "/v1/objects/{bucket}/{object}"),
    "perform_objects_action": ("object", "POST", "/v1/objects/{bucket}"),
    "init_etl": ("etl", "PUT", "/v1/etl"),
    "list_etls": ("etl", "GET", "/v1/etl"),
    "get_etl": ("etl", "GET", "/v1/etl/{name}"),
    "delete_etl": ("etl", "DELETE", "/v1/etl/{name}"),
    "get_etl_logs": ("etl", "GET", "/v1/etl/{name}/logs"),
    "get_etl_target_logs": ("etl", "GET", "/v1/etl/{name}/logs/{target}"),
    "get_etl_health": ("etl", "GET", "/v1/etl/{name}/health"),
    "get_etl_metrics": ("etl", "GET", "/v1/etl/{name}/metrics"),
    "start_etl": ("etl", "POST", "/v1/etl/{name}/start"),
    "stop_etl": ("etl", "POST", "/v1/etl/{name}/stop"),
    "get_batch": ("ml", "GET", "/v1/ml/moss/{bucket}"),
    "get_batch_multi": ("ml", "GET", "/v1/ml/moss"),
}
VERBS = {
    "get",
    "list",
    "head",
    "put",
    "delete",
    "perform",
    "update",
    "attach",
    "archive",
    "query",
    "init",
    "start",
    "stop",
    "set",
    "load",
    "detach",
    "enable",
    "disable",
    "abort",
    "remove",
}

# Component schemas the high-level layer imports by name from aistore_ll.models.
REQUIRED_SCHEMAS = [
    "Namespace", "Bck", "NetInfo", "Snode", "Smap", "ActMsg", "ErrHTTP", "LsoMsg", "LsoRes", "LsoEnt",
    "LsoResMsgpack", "LsoEntMsgpack", "TCBMsg", "TCOMsg", "ListRange", "EvdMsg", "PrefetchMsg", "QueryMsg",
    "ArgsMsg", "JobStatus", "JobSnap", "RemoteCluster", "RemoteClusters", "Bprops", "ETLSpecMsg",
    "ETLRuntime", "InitSpecMsg", "ETLInfo", "ETLDetails", "ETLObjError", "EnvVar", "ArchiveBckMsg",
    "MossReq", "MossIn", "MossOut", "MossResp", "MptCompletedPart", "CustomMD", "PromoteArgs",
    "BlobMsg", "NodeStats", "NodeStatus", "NodeCapacity", "ClusterStats", "ClusterSysInfo", "MountpathList",
    "ClusterMountpaths", "DiskStats", "MetricNames", "SmapVote", "RechunkMsg", "IndexShardMsg",
    "ShardSummMsg", "ShardSummResult", "CreateNBIMsg", "NBIInfo", "NBIInfoMap", "ECEncodeMsg",
    "ActValRmNode", "ConfigToSet",
    "DownloadBody", "DownloadAdminMsg", "DownloadJob", "DownloadStatus", "DownloadTask",
]  # fmt: skip
HOT_MODELS = ("LsoRes", "LsoEnt", "LsoResMsgpack", "LsoEntMsgpack")


def deref(obj: Any) -> Any:
    while isinstance(obj, dict) and "$ref" in obj:
        node: Any = SPEC
        for part in obj["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        obj = node
    return obj


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                yield path, method, op


OPS = {op["operationId"]: (path, method, op) for path, method, op in operations()}


def schema(name: str) -> dict[str, Any]:
    s: dict[str, Any] = SPEC["components"]["schemas"][name]
    return s


def is_errhttp_json(resp: dict[str, Any]) -> bool:
    media = (resp.get("content") or {}).get("application/json")
    return bool(media) and media["schema"] == {"$ref": "#/components/schemas/ErrHTTP"}


def has_hdr_error(resp: dict[str, Any]) -> bool:
    hdr = deref((resp.get("headers") or {}).get("Hdr-Error"))
    return bool(hdr) and hdr["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrHTTP"
    }


# ---------------------------------------------------------------------------------------------------
# the spec


def test_spec_is_valid_openapi_303() -> None:
    validate(SPEC)
    assert SPEC["openapi"] == "3.0.3"
    assert SPEC["info"] == {**SPEC["info"], "title": "AIStore proxy API", "version": "5.0"}


def test_operations_ids_tags_methods_paths() -> None:
    got = {op["operationId"]: (op["tags"][0], method.upper(), path) for path, method, op in operations()}
    assert got == EXPECTED_OPERATIONS
    assert len(OPS) == len(list(operations())) == len(EXPECTED_OPERATIONS)  # operationIds are unique
    for op_id, (_path, _method, op) in OPS.items():
        assert re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", op_id), op_id
        assert op_id.split("_")[0] in VERBS, f"{op_id}: operationId must start with a verb"
        assert len(op["tags"]) == 1, op_id
    assert {t["name"] for t in SPEC["tags"]} == {"cluster", "bucket", "object", "job", "etl", "ml"}


def test_every_operation_documents_errors() -> None:
    not_errors = {("perform_object_action", "423")}  # check-lock: write-locked, no body
    # a build without dSort answers a plain-text 501 (asserted by tests/contract)
    not_errors |= {(op_id, "501") for op_id in ("start_dsort", "remove_dsort", "abort_dsort")}
    for op_id, (_path, method, op) in OPS.items():
        responses = op["responses"]
        assert "default" in responses, f"{op_id}: no default error response"
        default = deref(responses["default"])
        errors = {
            code: deref(r)
            for code, r in responses.items()
            if code != "default" and int(code) >= 400 and (op_id, code) not in not_errors
        }
        assert errors, f"{op_id}: no documented error status"
        for code, resp in [("default", default), *errors.items()]:
            if method == "head":  # no body: the ErrHTTP JSON travels in the Hdr-Error header
                assert has_hdr_error(resp) and not resp.get("content"), f"{op_id} {code}"
            else:
                assert is_errhttp_json(resp), f"{op_id} {code}: error must be ErrHTTP JSON"


def test_success_codes_and_redirects() -> None:
    redirects = {
        op_id: sorted(c for c in op["responses"] if c.startswith("3")) for op_id, (_p, _m, op) in OPS.items()
    }
    assert {k: v for k, v in redirects.items() if v} == {
        "get_object": ["301"],
        "put_object": ["307"],
        "head_object": ["307"],
        "delete_object": ["307"],
        "perform_object_action": ["307"],
        "update_object_props": ["307"],
        "perform_objects_action": ["307"],
        "get_batch": ["307"],
        "get_batch_multi": ["307"],
    }
    for op_id, (_path, _method, op) in OPS.items():
        assert any(c.startswith("2") for c in op["responses"]), f"{op_id}: no success status"
        for code, resp in op["responses"].items():
            if code.startswith("3"):
                loc = deref(deref(resp)["headers"]["Location"])
                assert loc["required"] is True and loc["schema"]["type"] == "string", f"{op_id} {code}"


def test_header_documentation() -> None:
    head_bucket = OPS["head_bucket"][2]["responses"]["200"]["headers"]["Ais-Bucket-Props"]
    assert head_bucket["required"] is True
    assert head_bucket["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Bprops"}
    head_obj = OPS["head_object"][2]["responses"]["200"]["headers"]
    for name in ("Content-Length", "Ais-Checksum-Type", "Ais-Checksum-Value", "Ais-Atime", "Ais-Version",
                 "Ais-Custom-Md", "Ais-Name", "Ais-Location", "Ais-Present"):  # fmt: skip
        assert name in head_obj, name
    assert deref(head_obj["Ais-Atime"])["schema"]["type"] == "integer"  # unix nanoseconds
    put_hdrs = OPS["put_object"][2]["responses"]["200"]["headers"]
    assert {"Ais-Checksum-Type", "Ais-Checksum-Value", "Ais-Atime", "Ais-Version"} <= set(put_hdrs)


def test_schema_names_and_open_closed_models() -> None:
    schemas = SPEC["components"]["schemas"]
    assert set(REQUIRED_SCHEMAS) <= set(schemas), sorted(set(REQUIRED_SCHEMAS) - set(schemas))
    for name in HOT_MODELS:
        assert schemas[name]["additionalProperties"] is False, name
    for name in ("Bprops", "BpropsToSet", "MemCPUInfo", "JSONObject", "EnvVar"):
        assert schemas[name]["additionalProperties"] is True, name
    assert set(schema("ArgsMsg")["properties"]) >= {
        "ID", "Kind", "DaemonID", "Bck", "Buckets", "Timeout", "Force", "OnlyRunning",
    }  # fmt: skip
    assert set(schema("LsoResMsgpack")["properties"]) == {"UUID", "ContinuationToken", "Entries", "Flags"}
    assert set(schema("LsoEntMsgpack")["properties"]) == {"n", "cs", "a", "v", "t", "m", "s", "c", "f"}


@pytest.mark.parametrize(
    "where",
    [
        "LsoMsg.flags", "LsoEnt.size", "Smap.version", "Bprops.access", "Bprops.features", "Bprops.bid",
        "Bprops.created", "JobSnap.glob.id", "JobSnapStats.loc-objs", "ETLSpecMsg.init_timeout",
        "ETLSpecMsg.obj_timeout", "InitSpecMsg.init_timeout", "TCBMsg.request_timeout",
    ],
)  # fmt: skip
def test_numbers_and_durations_sent_as_strings(where: str) -> None:
    name, prop = where.split(".", 1)
    assert schema(name)["properties"][prop]["type"] == "string"


def test_msgpack_and_integer_wire_types() -> None:
    assert schema("LsoEntMsgpack")["properties"]["s"]["type"] == "integer"
    assert schema("ArgsMsg")["properties"]["Timeout"]["type"] == "integer"  # untagged time.Duration: ns
    lo = OPS["list_objects"][2]["responses"]["200"]["content"]
    assert list(lo) == ["application/json", "application/msgpack"]
    assert lo["application/msgpack"]["schema"] == {"$ref": "#/components/schemas/LsoResMsgpack"}


def test_multiplexed_operations_document_their_actions() -> None:
    expected = {
        "list_buckets": {"list"},
        "perform_cluster_action": {"start", "stop", "shutdown", "set-config", "reset-config", "rotate-logs",
                                   "reload-creds", "clear-lcache", "reset-stats", "start-maintenance",
                                   "stop-maintenance", "shutdown-node", "decommission-node", "decommission",
                                   "rm-unsafe"},
        "query_cluster": {"status", "status_all", "qryxstats", "running_all", "remote", "smap", "backends",
                          "node_stats", "sysinfo", "mountpaths", "target_ips", "cluster_config", "bmd"},
        "get_node_info": {"node_stats", "node_status", "log", "mountpaths", "disk", "metrics", "config"},
        "list_objects": {"list", "summary-bck", "summary-shard", "show-inventory"},
        "head_bucket": {"props", "info"},
        "put_object": {"put", "append", "flush", "upload-part", "copy", "transform", "append-to-arch"},
        "delete_object": {"delete", "evict-listrange", "mpt-abort"},
        "perform_object_action": {"mpt-upload", "mpt-complete", "rename-obj", "check-lock"},
        "perform_objects_action": {"promote", "blob-download"},
        "perform_node_action": {"rotate-logs", "reset-stats", "reset-config"},
        "perform_mountpath_action": {"enable-mp", "disable-mp", "rescan-mp", "fshc-mp"},
        "start_download": {"single", "range", "multi", "backend"},
        "perform_bucket_action": {
            "create-bck", "move-bck", "copy-bck", "etl-bck", "prefetch-listrange", "copy-listrange",
            "etl-listrange", "make-n-copies", "ec-encode", "rechunk", "index-shard", "create-inventory",
        },
        "delete_bucket": {"destroy-bck", "evict-remote-bck", "delete-listrange", "evict-listrange",
                          "destroy-inventory"},
        "update_bucket_props": {"set-bprops", "reset-bprops"},
    }  # fmt: skip
    for op_id, actions in expected.items():
        op = OPS[op_id][2]
        assert set(op["x-ais-actions"]) >= actions, op_id
        for action in op["x-ais-actions"]:
            assert f"`{action}`" in op["description"], f"{op_id}: action {action} not described"
    for op_id in ("query_cluster", "get_daemon_info", "get_node_info"):
        what = next(p for p in OPS[op_id][2]["parameters"] if p.get("name") == "what")
        assert set(what["schema"]["enum"]) == set(OPS[op_id][2]["x-ais-actions"]), op_id
    for op_id, (_p, _m, op) in OPS.items():  # actions the contract suite may skip: listed, with a reason
        untested = op.get("x-ais-untested", {})
        assert set(untested) <= set(op.get("x-ais-actions", [])), op_id
        assert all(isinstance(r, str) and len(r) > 10 for r in untested.values()), op_id
    value = schema("ActMsg")["properties"]["value"]["anyOf"]
    assert {v["$ref"].rsplit("/", 1)[1] for v in value if "$ref" in v} >= {
        "LsoMsg", "TCBMsg", "TCOMsg", "EvdMsg", "PrefetchMsg", "ArgsMsg", "BpropsToSet", "BsummCtrlMsg",
        "PromoteArgs", "BlobMsg", "MptCompletedParts", "CustomMD", "RechunkMsg", "IndexShardMsg",
        "ShardSummMsg", "CreateNBIMsg", "ActValRmNode", "ConfigToSet",
    }  # fmt: skip
    # ec-encode's value is the JSON text of an ECEncodeMsg (parseECConf refuses an object)
    assert "ECEncodeMsg" not in {v["$ref"].rsplit("/", 1)[1] for v in value if "$ref" in v}
    assert any(v.get("type") == "string" and "ECEncodeMsg" in v["description"] for v in value)
    assert "check_and_recover" not in schema("ECEncodeMsg")["properties"]


def test_get_batch_wire() -> None:
    """Get-Batch: a required MossReq JSON body on GET, both answer modes, the server's limits."""
    for op_id in ("get_batch", "get_batch_multi"):
        op = OPS[op_id][2]
        body = op["requestBody"]
        assert body["required"] is True
        assert body["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/MossReq"}
        ok = deref(op["responses"]["200"])["content"]
        assert set(ok) == {"application/x-tar", "application/gzip", "application/zip", "application/x-lz4",
                           "multipart/mixed"}  # fmt: skip
        mp = ok["multipart/mixed"]["schema"]["properties"]
        assert mp["metadata"] == {"$ref": "#/components/schemas/MossResp"}
        assert {"400", "404", "429"} <= set(op["responses"])
        coloc = next(deref(p) for p in op["parameters"] if deref(p)["name"] == "coloc")
        assert coloc["in"] == "query" and coloc["schema"]["enum"] == [0, 1, 2]
    req = schema("MossReq")
    assert set(req["required"]) == {"in", "onob", "strm"}  # Go marshals both without omitempty
    assert req["properties"]["in"]["minItems"] == 1
    assert set(req["properties"]["mime"]["enum"]) == {"", ".tar", ".tgz", ".tar.gz", ".zip", ".tar.lz4"}
    moss_in = schema("MossIn")["properties"]
    assert set(moss_in) == {"objname", "bucket", "provider", "uname", "archpath", "opaque", "start", "length"}
    assert moss_in["opaque"]["format"] == "byte" and moss_in["length"]["minimum"] == -1
    assert set(schema("MossOut")["required"]) == {"objname", "bucket", "provider", "size"}
    assert set(schema("MossResp")["required"]) == {"uuid", "out"}


def test_job_ids_are_plain_text() -> None:
    for op_id in ("perform_cluster_action", "perform_bucket_action", "delete_bucket", "update_bucket_props",
                  "init_etl", "start_etl", "perform_objects_action"):  # fmt: skip
        resp = deref(OPS[op_id][2]["responses"]["200"])
        assert list(resp["content"]) == ["text/plain"], op_id
        assert resp["content"]["text/plain"]["schema"]["type"] == "string"


def test_etl_operations_document_the_not_built_answer() -> None:
    for op_id in [o for o, v in EXPECTED_OPERATIONS.items() if v[0] == "etl"] + ["get_object", "put_object"]:
        resp = deref(OPS[op_id][2]["responses"]["501"])
        example = resp["content"]["application/json"]["example"]
        assert example["tcode"] == "ErrUnsupp" and example["status"] == 501
        assert "without ETL support" in example["message"]


# ---------------------------------------------------------------------------------------------------
# the generated package


def test_generated_package_imports_and_matches_spec_hash() -> None:
    import aistore_ll
    import aistore_ll.fast_models
    import aistore_ll.models
    from aistore_ll import _spec

    assert aistore_ll.Client is not None
    assert hashlib.sha256(SPEC_PATH.read_bytes()).hexdigest() == _spec.SPEC_SHA256, (
        "spec/ais.yaml changed since generated/ was made: run scripts/generate.py"
    )
    assert (Path(aistore_ll.__file__).parent / "py.typed").exists()
    for name in REQUIRED_SCHEMAS:
        assert hasattr(aistore_ll.models, name), name


def _endpoint_modules() -> list[ModuleType]:
    import aistore_ll.api

    mods = []
    for tag in pkgutil.iter_modules(aistore_ll.api.__path__):
        pkg = importlib.import_module(f"aistore_ll.api.{tag.name}")
        for m in pkgutil.iter_modules(pkg.__path__):
            mods.append(importlib.import_module(f"aistore_ll.api.{tag.name}.{m.name}"))
    return mods


def test_every_endpoint_module_has_request_kwargs() -> None:
    mods = _endpoint_modules()
    assert sorted(m.__name__.rsplit(".", 1)[1] for m in mods) == sorted(EXPECTED_OPERATIONS)
    for m in mods:
        assert m.request_kwargs is m._get_kwargs, m.__name__


def test_object_names_keep_slashes() -> None:
    from aistore_ll.api.object_ import get_object, put_object
    from aistore_ll.types import File

    kw = get_object.request_kwargs("b/x", "dir/sub dir/a#b?.bin")
    assert kw["url"] == "/v1/objects/b%2Fx/dir/sub%20dir/a%23b%3F.bin"
    kw = put_object.request_kwargs("b", "a/b", body=File(payload=io.BytesIO(b"z")))
    assert kw["url"] == "/v1/objects/b/a/b" and kw["content"].read() == b"z"


def _mock_client(handler: Any) -> Any:
    from aistore_ll import Client

    c = Client(base_url="http://ais.invalid")
    c.set_httpx_client(httpx.Client(base_url="http://ais.invalid", transport=httpx.MockTransport(handler)))
    return c


def test_optional_body_absent_sends_no_content_type() -> None:
    from aistore_ll.api.bucket import list_objects
    from aistore_ll.models import ActMsg, LsoMsg

    seen: list[httpx.Request] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req)
        return httpx.Response(200, json={"uuid": "", "continuation_token": "", "entries": None, "flags": 0})

    client = _mock_client(handler)
    list_objects.sync_detailed("b", client=client)
    list_objects.sync_detailed("b", client=client, body=ActMsg(action="list", value=LsoMsg(flags="16")))
    assert "content-type" not in seen[0].headers and seen[0].content == b""
    assert seen[1].headers["content-type"] == "application/json"
    assert json.loads(seen[1].content) == {"action": "list", "value": {"flags": "16"}}
    assert seen[1].method == "GET"


def test_empty_json_bodies_parse_to_none() -> None:
    from aistore_ll.api.bucket import head_bucket
    from aistore_ll.api.cluster import get_health
    from aistore_ll.models import ErrHTTP, NodeStateInfo

    answers = iter(
        [
            httpx.Response(200),  # plain health probe
            httpx.Response(503),  # node starting: bare 503
            httpx.Response(404, headers={"Hdr-Error": '{"message":"x","status":404}'}),  # HEAD error
            httpx.Response(400, json={"message": "m", "method": "GET", "url_path": "/v1/health",
                                      "remote_addr": "", "caller": "", "node": "p[x]", "status": 400}),
        ]
    )  # fmt: skip
    client = _mock_client(lambda _req: next(answers))
    assert get_health.sync_detailed(client=client).parsed is None
    assert get_health.sync_detailed(client=client).parsed is None
    assert head_bucket.sync_detailed("b", client=client).parsed is None
    err = get_health.sync_detailed(client=client, prr=True, cii=True).parsed
    assert isinstance(err, ErrHTTP) and err.status == 400
    assert NodeStateInfo is not None


def test_fast_models_decode_wire_formats() -> None:
    from aistore_ll.fast_models import LsoRes, LsoResMsgpack

    page = msgspec.msgpack.encode(
        {
            "UUID": "u",
            "ContinuationToken": "",
            "Entries": [{"n": "a/b", "s": 7, "cs": "ff", "f": 64}],
            "Flags": 0,
        }
    )
    res = msgspec.msgpack.decode(page, type=LsoResMsgpack)
    (ent,) = res.entries or []
    assert (ent.name, ent.size, ent.checksum, ent.flags, ent.atime, ent.copies) == ("a/b", 7, "ff", 64, "", 0)
    nil = msgspec.msgpack.encode({"UUID": "", "ContinuationToken": "", "Entries": None, "Flags": 0})
    assert msgspec.msgpack.decode(nil, type=LsoResMsgpack).entries is None
    ent_json = b'{"name":"x","size":"12","custom-md":"k=v"}'
    js = b'{"uuid":"u","continuation_token":"t","flags":0,"entries":[' + ent_json + b"]}"
    res_json = msgspec.json.decode(js, type=LsoRes)
    (ej,) = res_json.entries or []
    assert (ej.name, ej.size, ej.custom, res_json.continuation_token) == ("x", "12", "k=v", "t")
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(b'{"entries":[{"name":"x","size":12}]}', type=LsoRes)  # JSON size is a string


# ---------------------------------------------------------------------------------------------------
# drift check (scripts/generate.py)


def _load_generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("aistore_generate", ROOT / "scripts" / "generate.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, Path]:
    """One regeneration into a temporary directory."""
    gen = _load_generate()
    return gen, gen.build(tmp_path_factory.mktemp("regen"))


def test_generated_is_up_to_date(fresh: tuple[ModuleType, Path]) -> None:
    gen, package = fresh
    assert gen.compare(package, gen.OUT) == [], "generated/ is stale: run scripts/generate.py"


def test_drift_check_detects_edits(fresh: tuple[ModuleType, Path], tmp_path: Path) -> None:
    gen, package = fresh
    copy = tmp_path / "aistore_ll"
    shutil.copytree(gen.OUT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert gen.compare(package, copy) == []

    target = copy / "models" / "lso_ent.py"
    target.write_bytes(target.read_bytes() + b"\n")  # one byte
    assert gen.compare(package, copy)[0] == "  differs: models/lso_ent.py"
    target.write_bytes((package / "models" / "lso_ent.py").read_bytes())

    (copy / "models" / "hand_written.py").write_text("x = 1\n")
    assert any("hand_written.py" in line for line in gen.compare(package, copy))
    (copy / "models" / "hand_written.py").unlink()

    (copy / "fast_models.py").unlink()
    assert any("missing" in line and "fast_models.py" in line for line in gen.compare(package, copy))


def test_check_cli_exit_code() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "up to date" in proc.stdout


def test_dsort_operations_document_the_not_built_answer() -> None:
    for op_id in ("start_dsort", "remove_dsort", "abort_dsort"):
        resp = deref(OPS[op_id][2]["responses"]["501"])
        assert resp["content"]["text/plain"]["example"] == "dsort not enabled (build with -tags=dsort)\n"
    assert "501" not in OPS["list_dsort"][2]["responses"]  # a default build answers 200 []
