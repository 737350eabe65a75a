"""aistore_hl.header.Header: case-insensitive mapping of all headers plus typed accessors."""

from __future__ import annotations

import datetime
import json
import pickle
from collections.abc import Mapping

import httpx
import pytest

from aistore_hl.header import Header

ATIME_NS = 1_700_000_000_123_456_789


def _object_head() -> httpx.Headers:
    return httpx.Headers(
        [
            ("Content-Length", "1048576"),
            ("Ais-Checksum-Type", "xxhash2"),
            ("Ais-Checksum-Value", "44bc2cf5ad770999"),
            ("Ais-Atime", str(ATIME_NS)),
            ("Ais-Version", "3"),
            ("Ais-Custom-Md", "owner=alice"),
            ("Ais-Custom-Md", "tags=a,b,c"),
            ("Ais-Custom-Md", "ETag=abc"),
            ("ETag", '"abc"'),
            ("Ais-Present", "true"),
            ("Ais-Location", "t[tXyz]:/ais/mp1"),
            ("Ais-Mirror-Copies", "2"),
            ("Ais-Mirror-Paths", "/ais/mp1,/ais/mp2"),
            ("Content-Type", "application/octet-stream"),
        ]
    )


def test_mapping_is_case_insensitive_and_complete() -> None:
    h = Header(_object_head())
    assert isinstance(h, Mapping)
    assert h["ais-version"] == "3"
    assert h["Ais-Version"] == "3"
    assert h["content-length"] == h["Content-Length"] == "1048576"
    assert "AIS-CHECKSUM-TYPE" in h and "missing" not in h
    assert 1 not in h  # type: ignore[comparison-overlap]
    assert h.get("nope") is None
    assert len(h) == 12  # 14 header lines, the 3 Ais-Custom-Md lines counted once
    assert set(h) >= {"ais-custom-md", "etag", "content-type"}
    with pytest.raises(KeyError):
        h["nope"]


def test_repeated_headers_are_kept() -> None:
    h = Header(_object_head())
    assert h.get_list("ais-custom-md") == ["owner=alice", "tags=a,b,c", "ETag=abc"]
    assert h["Ais-Custom-Md"] == "owner=alice, tags=a,b,c, ETag=abc"
    assert ("ais-custom-md", "tags=a,b,c") in h.multi_items()


def test_typed_accessors() -> None:
    h = Header(_object_head())
    assert h.size == 1048576
    assert h.checksum_type == "xxhash2"
    assert h.checksum_value == "44bc2cf5ad770999"
    assert h.version == "3"
    assert h.atime_ns == ATIME_NS
    assert h.atime == datetime.datetime(2023, 11, 14, 22, 13, 20, 123456, tzinfo=datetime.UTC)
    assert h.custom_metadata == {"owner": "alice", "tags": "a,b,c", "ETag": "abc"}
    assert h.present is True
    assert h.location == "t[tXyz]:/ais/mp1"
    assert h.mirror_copies == 2
    assert h.mirror_paths == ["/ais/mp1", "/ais/mp2"]
    assert h.etag == "abc"
    assert h.content_type == "application/octet-stream"
    assert h.bucket_props is None


def test_comma_joined_custom_metadata() -> None:
    # An intermediary joined the repeated header lines into one.
    h = Header({"Ais-Custom-Md": "owner=alice, tags=a,b, x=1=2"})
    assert h.custom_metadata == {"owner": "alice", "tags": "a,b", "x": "1=2"}


def test_absent_and_malformed_values() -> None:
    h = Header({"Content-Length": "abc", "Ais-Present": "maybe", "Ais-Atime": "", "Ais-Bucket-Props": "{bad"})
    assert h.size is None
    assert h.present is None
    assert h.atime_ns is None and h.atime is None
    assert h.bucket_props is None
    empty = Header()
    assert empty.size is None and empty.version is None and empty.custom_metadata == {}
    assert empty.mirror_paths == [] and empty.mirror_copies is None and empty.etag is None
    assert Header({"Ais-Present": "false"}).present is False


def test_bucket_props() -> None:
    props = {"provider": "ais", "checksum": {"type": "xxhash2"}, "versioning": {"enabled": True}}
    h = Header(httpx.Headers({"Ais-Bucket-Props": json.dumps(props)}))
    assert h.bucket_props == props
    assert h["ais-bucket-props"] == json.dumps(props)


def test_repr_hides_secrets_and_pickle_round_trip() -> None:
    h = Header([("Authorization", "Bearer topsecret"), ("Set-Cookie", "s=1"), ("Ais-Version", "1")])
    assert "topsecret" not in repr(h)
    assert "s=1" not in repr(h)
    assert "'ais-version': '1'" in repr(h)
    back = pickle.loads(pickle.dumps(Header(_object_head())))
    assert back == Header(_object_head())
    assert back.get_list("ais-custom-md") == ["owner=alice", "tags=a,b,c", "ETag=abc"]


def test_equality_and_construction_sources() -> None:
    a = Header({"A": "1"})
    assert a == {"a": "1"} == Header([("a", "1")]) == Header(a)
    assert a != Header({"a": "2"})
    assert a.__eq__(42) is NotImplemented
    with pytest.raises(TypeError):
        hash(a)
    with pytest.raises(TypeError):
        a["a"] = "2"  # type: ignore[index]  # read-only
