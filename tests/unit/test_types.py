"""aistore_hl.types: seed-era value types, today's JSON, validation and pickling."""

from __future__ import annotations

import base64
import dataclasses
import pickle
from typing import Any

import pytest

from aistore_hl.errors import InvalidArgument, InvalidBckProvider, InvalidObjectRangeIndex
from aistore_hl.types import (
    ETL,
    ActionMsg,
    Bck,
    ETLDetails,
    ETLObjError,
    JobStatus,
    Namespace,
    NetInfo,
    ObjectRange,
    Smap,
    Snode,
)

# A trimmed but real-shaped Smap from an AIS 5.0 proxy (version is a JSON string).
SMAP_JSON: dict[str, Any] = {
    "pmap": {
        "pAbc": {
            "public_net": {
                "node_ip_addr": "127.0.0.1",
                "daemon_port": "8080",
                "direct_url": "http://127.0.0.1:8080",
            },
            "intra_control_net": {
                "node_ip_addr": "127.0.0.1",
                "daemon_port": "9080",
                "direct_url": "http://127.0.0.1:9080",
            },
            "intra_data_net": {
                "node_ip_addr": "127.0.0.1",
                "daemon_port": "10080",
                "direct_url": "http://127.0.0.1:10080",
            },
            "daemon_type": "proxy",
            "daemon_id": "pAbc",
            "flags": 2,
            "id_digest": 1234567890123,
            "verifying_key": "ignored",
        }
    },
    "proxy_si": {
        "public_net": {
            "node_ip_addr": "127.0.0.1",
            "daemon_port": "8080",
            "direct_url": "http://127.0.0.1:8080",
        },
        "daemon_type": "proxy",
        "daemon_id": "pAbc",
        "flags": 2,
    },
    "tmap": {
        "tXyz": {
            "public_net": {
                "node_ip_addr": "127.0.0.2",
                "daemon_port": "8081",
                "direct_url": "http://127.0.0.2:8081",
            },
            "pub_extra": [
                {"node_ip_addr": "10.0.0.2", "daemon_port": "8081", "direct_url": "http://10.0.0.2:8081"}
            ],
            "daemon_type": "target",
            "daemon_id": "tXyz",
            "flags": 4,
            "id_digest": 42,
        }
    },
    "uuid": "Zr9pMbb2n",
    "creation_time": "2026-08-20 10:00:00",
    "version": "17",
    "ext": None,
    "some_future_field": {"x": 1},
}


# --------------------------------------------------------------------------------------
# Namespace / Bck / ActionMsg
# --------------------------------------------------------------------------------------


def test_namespace_uname_round_trip() -> None:
    ns = Namespace(uuid="remais", name="ns1")
    assert ns.get_path() == "@remais#ns1"
    assert ns.uname() == "@remais#ns1"
    assert Namespace.from_uname("@remais#ns1") == ns
    assert Namespace.from_uname("@remais") == Namespace(uuid="remais")
    assert Namespace.from_uname("#ns1") == Namespace(name="ns1")
    assert Namespace.from_uname("@#") == Namespace() == Namespace.from_uname("")
    assert Namespace().get_path() == "@#"
    assert Namespace().is_global() and not ns.is_global()
    assert ns.as_dict() == {"uuid": "remais", "name": "ns1"}


def test_bck_query_and_uname() -> None:
    b = Bck("dst")
    assert b.provider == "ais" and b.ns is None
    assert b.as_query() == {"provider": "ais"}
    assert b.uname() == "ais/@#/dst/"
    assert b.get_path() == "ais/@#/dst/"
    nb = Bck("dst", "ais", Namespace("remais", ""))
    assert nb.as_query() == {"provider": "ais", "namespace": "@remais#"}
    assert nb.uname() == "ais/@remais#/dst/"
    assert nb.is_remote() and b.is_ais()
    assert Bck.from_uname("aws/@#/b/") == Bck("b", "aws")
    assert Bck.from_uname(nb.uname()) == nb
    with pytest.raises(InvalidArgument):
        Bck.from_uname("ais/b")


@pytest.mark.parametrize(
    ("alias", "canonical"), [("s3", "aws"), ("gs", "gcp"), ("az", "azure"), ("oc", "oci"), ("", "ais")]
)
def test_bck_normalizes_provider(alias: str, canonical: str) -> None:
    b = Bck("x", alias)
    assert b.provider == canonical
    assert b == Bck("x", canonical)
    assert b.is_remote() == (canonical != "ais")


def test_bck_rejects_unknown_provider() -> None:
    with pytest.raises(InvalidBckProvider):
        Bck("x", "hdfs")


def test_bck_cname_and_json() -> None:
    assert Bck("b", "aws").cname() == "s3://b"
    assert Bck("b").cname("o/p") == "ais://b/o/p"
    assert Bck("b", ns=Namespace("u", "n")).cname() == "ais://@u#n/b"
    d = Bck("b", "gcp").as_dict()
    assert d == {"name": "b", "provider": "gcp", "namespace": {"uuid": "", "name": ""}}
    assert Bck.from_json(d) == Bck("b", "gcp")


def test_values_are_frozen_hashable_and_picklable() -> None:
    values: list[Any] = [
        Namespace("u", "n"),
        Bck("b", "s3", Namespace("u", "n")),
        ActionMsg("create-bck", value={"x": 1}),
        NetInfo("h", "1", "http://h:1"),
        JobStatus(uuid="j", end_time=5),
        ObjectRange("p", 1, 9, pad_width=2),
        ETL(id="e"),
        ETLObjError("o", "m", 500),
    ]
    for v in values:
        assert pickle.loads(pickle.dumps(v)) == v
        with pytest.raises(dataclasses.FrozenInstanceError):
            v.__setattr__(dataclasses.fields(v)[0].name, "changed")
        assert not hasattr(v, "__dict__")  # slots: cheap
    assert hash(Bck("b")) == hash(Bck("b"))


def test_action_msg() -> None:
    assert ActionMsg("list").as_dict() == {"action": "list", "name": "", "value": None}
    assert ActionMsg("rename-obj", name="new").as_dict()["name"] == "new"


# --------------------------------------------------------------------------------------
# Smap / JobStatus
# --------------------------------------------------------------------------------------


def test_smap_from_todays_json() -> None:
    smap = Smap.from_json(SMAP_JSON)
    assert smap.version == 17
    assert smap.uuid == "Zr9pMbb2n"
    assert smap.creation_time == "2026-08-20 10:00:00"
    assert set(smap.pmap) == {"pAbc"} and set(smap.tmap) == {"tXyz"}
    proxy = smap.pmap["pAbc"]
    assert proxy.daemon_type == "proxy" and proxy.flags == 2 and proxy.id_digest == 1234567890123
    assert proxy.public_net == NetInfo("127.0.0.1", "8080", "http://127.0.0.1:8080")
    assert proxy.intra_data_net is not None and proxy.intra_data_net.daemon_port == "10080"
    target = smap.tmap["tXyz"]
    assert target.in_maintenance_or_decommission
    assert target.pub_extra == (NetInfo("10.0.0.2", "8081", "http://10.0.0.2:8081"),)
    assert target.intra_control_net is None
    assert smap.proxy_si.daemon_id == "pAbc"
    assert smap.primary_url == "http://127.0.0.1:8080"
    assert pickle.loads(pickle.dumps(smap)) == smap


def test_netinfo_accepts_seed_key_and_missing_fields() -> None:
    assert NetInfo.from_json({"node_hostname": "h"}).node_hostname == "h"
    assert NetInfo.from_json(None) == NetInfo()
    assert Snode.from_json({"daemon_id": "t1", "daemon_type": "target"}).public_net is None


def test_job_status_from_json() -> None:
    js = JobStatus.from_json(
        {
            "kind": "copy-bck",
            "uuid": "x1",
            "err": "",
            "end_time": 1700000000000000000,
            "aborted": False,
            "new": 1,
        }
    )
    assert js == JobStatus(uuid="x1", err="", end_time=1700000000000000000, aborted=False, kind="copy-bck")
    assert js.is_finished and js.succeeded
    running = JobStatus.from_json({"uuid": "x2", "is_idle": True})
    assert not running.is_finished and running.is_idle and not running.succeeded
    failed = JobStatus.from_json({"uuid": "x3", "end_time": 1, "err": "boom"})
    assert failed.is_finished and not failed.succeeded


# --------------------------------------------------------------------------------------
# ObjectRange
# --------------------------------------------------------------------------------------


def test_object_range_string_and_names() -> None:
    r = ObjectRange("shard-", 1, 99, pad_width=4, suffix=".tar")
    assert str(r) == "shard-{0001..0099..1}.tar"
    assert str(ObjectRange("o", 0, 10, step=5)) == "o{0..10..5}"
    assert list(ObjectRange("o", 0, 10, step=5)) == ["o0", "o5", "o10"]
    assert len(ObjectRange("o", 0, 10, step=5)) == 3
    assert list(ObjectRange("x", 7, 7, pad_width=3)) == ["x007"]
    assert (r.prefix, r.min_index, r.max_index, r.pad_width, r.step, r.suffix) == (
        "shard-",
        1,
        99,
        4,
        1,
        ".tar",
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"min_index": -1, "max_index": 5},
        {"min_index": 6, "max_index": 5},
        {"min_index": 0, "max_index": 5, "step": 0},
        {"min_index": 0, "max_index": 5, "step": -2},
        {"min_index": 100, "max_index": 200, "pad_width": 2},
        {"min_index": 0, "max_index": 5, "pad_width": -1},
        {"min_index": 0.5, "max_index": 5},
        {"min_index": True, "max_index": 5},
        {"min_index": 0, "max_index": "nine"},
    ],
)
def test_object_range_rejects_bad_indices(kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidObjectRangeIndex):
        ObjectRange("p", **kwargs)


def test_object_range_rejects_braces() -> None:
    with pytest.raises(InvalidObjectRangeIndex):
        ObjectRange("p{", 0, 1)
    with pytest.raises(ValueError):
        ObjectRange("p", 0, 1, suffix="}")


# --------------------------------------------------------------------------------------
# ETL
# --------------------------------------------------------------------------------------


def test_etl_list_item() -> None:
    e = ETL.from_json(
        {
            "id": "md5-etl",
            "stage": "Running",
            "xaction_id": "etl-x",
            "obj_count": 3,
            "in_bytes": 30,
            "out_bytes": 96,
        }
    )
    assert e == ETL(id="md5-etl", obj_count=3, in_bytes=30, out_bytes=96, stage="Running", xaction_id="etl-x")
    assert e.name == "md5-etl"


def test_etl_details_from_todays_answer() -> None:
    spec = "apiVersion: v1\nkind: Pod\n"
    answer = {
        "init_msg": {
            "name": "md5-etl",
            "communication": "hpush://",
            "init_timeout": "45s",
            "obj_timeout": "10s",
            "support_direct_put": True,
            "spec": base64.b64encode(spec.encode()).decode(),
        },
        "obj_errors": [{"obj_name": "o1", "msg": "boom", "ecode": 500}],
    }
    d = ETLDetails.from_json(answer)
    assert d.id == "md5-etl"
    assert d.communication == "hpush://"
    assert d.timeout == "45s" and d.obj_timeout == "10s"
    assert d.spec == spec
    assert d.code is None and d.dependencies is None and d.runtime is None
    assert d.support_direct_put is True
    assert d.obj_errors == (ETLObjError("o1", "boom", 500),)
    assert d.init_msg["name"] == "md5-etl"
    assert pickle.loads(pickle.dumps(d)) == d

    image = ETLDetails.from_json(
        {
            "init_msg": {
                "name": "py-etl",
                "communication": "ws://",
                "runtime": {"image": "aistorage/runtime_python:3.11"},
            }
        }
    )
    assert image.runtime == "aistorage/runtime_python:3.11"
    assert image.spec is None and image.obj_errors == ()


def test_etl_details_from_seed_era_answer() -> None:
    code = b"def transform(x):\n    return x\n"
    d = ETLDetails.from_json(
        {
            "id": "old-etl",
            "communication": "hpull://",
            "timeout": "5m",
            "code": base64.b64encode(code).decode(),
            "dependencies": base64.b64encode(b"numpy\ncloudpickle==2.0.0").decode(),
            "runtime": "python3.11v2",
            "chunk_size": 1024,
        }
    )
    assert d.id == "old-etl" and d.timeout == "5m"
    assert d.code == code
    assert d.dependencies == "numpy\ncloudpickle==2.0.0"
    assert d.runtime == "python3.11v2"
    assert d.chunk_size == 1024


def test_etl_details_binary_spec_stays_bytes() -> None:
    raw = b"\xff\xfe\x00"
    d = ETLDetails.from_json({"init_msg": {"name": "bin-etl", "spec": base64.b64encode(raw).decode()}})
    assert d.spec == raw
