"""Rows V01-V09 and X01-X08 of ``tests/SEED_AUDIT.md``: pure value-type and error behaviour.

The seed's value types were pydantic v1 models (NVIDIA/aistore ``12f92a9c5``,
``python/aistore/sdk/types.py``); the expected dicts below are what pydantic v1's ``.dict()`` /
``.json()`` gave for them (field order = declaration order, nested models as dicts, ``json.dumps``
separators). Errors: ``python/aistore/sdk/errors.py`` and ``utils.py`` of the same commit.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from typing import Any

import msgspec
import pytest

from aistore_hl import errors as E
from aistore_hl.listing import BucketEntry, BucketList, decode_page
from aistore_hl.types import (
    ETL,
    ActionMsg,
    Bck,
    ETLDetails,
    JobStatus,
    Namespace,
    NetInfo,
    ObjectRange,
    Smap,
    Snode,
)

NET = {"node_ip_addr": "10.0.0.1", "daemon_port": "8080", "direct_url": "http://10.0.0.1:8080"}
SEED_NET = {"node_hostname": "10.0.0.1", "daemon_port": "8080", "direct_url": "http://10.0.0.1:8080"}


def _node(nid: str, kind: str) -> dict[str, Any]:
    return {
        "daemon_id": nid,
        "daemon_type": kind,
        "public_net": NET,
        "intra_control_net": NET,
        "intra_data_net": NET,
        "flags": 0,
        "id_digest": 123,  # today's server: not a seed field
    }


def _seed_node(nid: str, kind: str) -> dict[str, Any]:
    return {
        "daemon_id": nid,
        "daemon_type": kind,
        "public_net": SEED_NET,
        "intra_control_net": SEED_NET,
        "intra_data_net": SEED_NET,
        "flags": 0,
    }


SMAP = {
    "tmap": {"t1": _node("t1", "target")},
    "pmap": {"p1": _node("p1", "proxy")},
    "proxy_si": _node("p1", "proxy"),
    "version": "7",
    "uuid": "U",
    "creation_time": "2026-01-01",
}


def test_v01_namespace() -> None:
    assert Namespace().dict() == {"uuid": "", "name": ""}
    assert Namespace(uuid="u").json() == '{"uuid": "u", "name": ""}'


def test_v02_bck_with_and_without_namespace() -> None:
    assert Bck("b").dict() == {"name": "b", "provider": "ais", "ns": None}
    assert Bck("b").json() == '{"name": "b", "provider": "ais", "ns": null}'
    assert Bck("b", ns=Namespace("r", "n")).dict() == {
        "name": "b",
        "provider": "ais",
        "ns": {"uuid": "r", "name": "n"},
    }
    assert Bck("b").name == "b" and Bck("b").ns is None  # attribute access


def test_v03_action_msg_is_the_seeds_request_body() -> None:
    # the seed's list_buckets sent ActionMsg(action="list").dict() as the JSON body
    assert ActionMsg(action="list").dict() == {"action": "list", "name": "", "value": None}
    assert ActionMsg("copy-bck", value={"prefix": "p"}).dict()["value"] == {"prefix": "p"}


def test_v04_smap_snode_netinfo_nesting() -> None:
    smap = Smap.from_json(SMAP)
    assert smap.dict() == {
        "tmap": {"t1": _seed_node("t1", "target")},
        "pmap": {"p1": _seed_node("p1", "proxy")},
        "proxy_si": _seed_node("p1", "proxy"),
        "version": 7,
        "uuid": "U",
        "creation_time": "2026-01-01",
    }
    assert json.loads(smap.json()) == smap.dict()
    assert smap.proxy_si.public_net is not None and smap.proxy_si.public_net.direct_url == NET["direct_url"]
    assert smap.proxy_si.id_digest == 123  # today's fields stay attributes
    assert Snode.from_json(_node("x", "target")).dict(include={"daemon_id", "id_digest"}) == {
        "daemon_id": "x",
        "id_digest": 123,
    }
    assert NetInfo().dict() == {"node_hostname": "", "daemon_port": "", "direct_url": ""}


def test_v05_job_status() -> None:
    s = JobStatus.from_json({"uuid": "J", "err": "", "end_time": 5, "aborted": False, "kind": "copy-bck"})
    assert s.dict() == {"uuid": "J", "err": "", "end_time": 5, "aborted": False}
    assert s.kind == "copy-bck"


def test_v06_etl_and_etl_details() -> None:
    assert ETL.from_json({"id": "e", "obj_count": 2}).dict() == {
        "id": "e",
        "obj_count": 2,
        "in_bytes": 0,
        "out_bytes": 0,
    }
    code = base64.b64encode(b"print(1)").decode()
    spec = base64.b64encode(b"kind: Pod").decode()
    d = ETLDetails.from_json(
        {
            "id": "e",
            "communication": "hpush://",
            "timeout": "5m",
            "code": code,
            "spec": spec,
            "runtime": "python3.11v2",
        }
    )
    assert list(d.dict()) == [
        "id",
        "communication",
        "timeout",
        "code",
        "spec",
        "dependencies",
        "runtime",
        "chunk_size",
    ]
    assert d.dict()["code"] == b"print(1)"  # base64-decoded, as the seed's validator did
    assert json.loads(d.json())["code"] == "print(1)"  # pydantic v1 encodes bytes as text


def test_v07_copy_with_update() -> None:
    b = Bck("b")
    c = b.copy(update={"name": "c"})
    assert (b.name, c.name) == ("b", "c")
    assert Smap.from_json(SMAP).copy(update={"version": 9}).version == 9


def test_v08_json_passes_dumps_kwargs_and_encoder() -> None:
    assert Namespace("u").json(indent=2) == json.dumps({"uuid": "u", "name": ""}, indent=2)
    assert (
        JobStatus(uuid="J").json(exclude={"err", "end_time", "aborted"}, separators=(",", ":"))
        == '{"uuid":"J"}'
    )


def test_v09_dict_options() -> None:
    b = Bck("b")
    assert b.dict(exclude_none=True) == {"name": "b", "provider": "ais"}
    assert b.dict(exclude_defaults=True) == {"name": "b"}
    assert b.dict(exclude_unset=True) == {"name": "b"}  # read as exclude_defaults
    assert b.dict(include={"name"}) == {"name": "b"}
    assert b.dict(exclude={"ns"}) == {"name": "b", "provider": "ais"}
    assert ObjectRange("o", 1, 5).dict() == {
        "prefix": "o",
        "min_index": 1,
        "max_index": 5,
        "pad_width": 0,
        "step": 1,
        "suffix": "",
    }


def test_v10_values_are_immutable() -> None:
    """Seed: pydantic models were mutable (``bck.name = ...``). aistore_hl's are frozen (hashable,
    safe to share between threads); ``copy(update=...)`` makes a changed one."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        Bck("b").name = "c"  # type: ignore[misc]


def _page() -> BucketList:
    raw = {
        "UUID": "L",
        "ContinuationToken": "",
        "Entries": [{"n": "a", "s": 3, "cs": "c", "f": 64, "t": "t[x]:/mp"}],  # msgpack keys
        "Flags": 0,
    }
    return decode_page(msgspec.msgpack.encode(raw))


def test_v11_bucket_list_and_entry() -> None:
    page = _page()
    assert page.dict() == {
        "uuid": "L",
        "entries": [
            {
                "name": "a",
                "size": 3,
                "checksum": "c",
                "atime": "",
                "version": "",
                "target_url": "t[x]:/mp",
                "copies": 0,
                "flags": 64,
            }
        ],
        "continuation_token": "",
        "flags": 0,
    }
    assert json.loads(page.json()) == page.dict()
    e = page.entries[0]  # type: ignore[index]
    assert isinstance(e, BucketEntry) and e.is_cached() and e.is_ok()
    assert e.dict(include={"name", "location"}) == {"name": "a", "location": "t[x]:/mp"}
    deep = page.copy(deep=True)
    assert deep.entries[0] is not e and deep.entries[0] == e  # type: ignore[index]
    assert BucketList(uuid="", continuation_token="", entries=None, flags=0).get_entries() == []


# ======================================================================================
# Errors
# ======================================================================================


def test_x01_ais_error_attributes() -> None:
    err = E.AISError(404, "gone")
    assert (err.status_code, err.message, str(err)) == (404, "gone", "STATUS:404, MESSAGE:gone")


@pytest.mark.parametrize(
    ("message", "cls"),
    [
        ('bucket "ais://b" does not exist', E.ErrBckNotFound),
        ('aws bucket "s3://b" does not exist', E.ErrRemoteBckNotFound),
        ('remote bucket "ais://@r/b" does not exist', E.ErrRemoteBckNotFound),
        ("t[x]: ais://b/o does not exist", E.ErrObjNotFound),
    ],
)
def test_x02_x03_not_found_classes_from_the_servers_message(message: str, cls: type[E.AISError]) -> None:
    """The seed picked ErrBckNotFound / ErrRemoteBckNotFound by the message; so does aistore_hl
    (also without a tcode), and every one is an AISError with the seed's attributes."""
    body = json.dumps({"message": message, "status": 404}).encode()
    err = E.error_from_response(404, {}, body, method="GET", url="http://h/v1/buckets/b")
    assert type(err) is cls and isinstance(err, E.AISError)
    assert (err.status_code, err.message) == (404, message)


def test_x04_invalid_bck_provider() -> None:
    err = E.InvalidBckProvider("aws")
    assert err.provider == "aws" and isinstance(err, Exception)


def test_x05_timeout() -> None:
    """Seed: ``Timeout(action)``, str ``"<action> timed out"``. aistore_hl keeps the constructor and
    the class's place; its text reads "Timed out while waiting for <action>"."""
    err = E.Timeout("wait for job to finish")
    assert err.action == "wait for job to finish" and not isinstance(err, E.AISError)


def test_x06_invalid_object_range_index() -> None:
    err = E.InvalidObjectRangeIndex("5 must be less than 1")
    assert str(err) == "Invalid argument provided for object range index: 5 must be less than 1"


def test_x07_local_400s_are_ais_errors() -> None:
    for err in (E.InvalidRequest("2", "must be an int", param="page_size"), E.InvalidBucketName("", "empty")):
        assert isinstance(err, E.AISError) and err.status_code == 400 and isinstance(err, ValueError)


def test_x08_connection_errors_are_not_requests_errors() -> None:
    """Seed: requests' ConnectionError (an OSError). aistore_hl: ConnectionFailed (no requests
    dependency); it is an AISClientError, not an OSError."""
    assert not issubclass(E.ConnectionFailed, OSError)
