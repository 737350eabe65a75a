"""aistore_hl.validation: the server's naming rules, checked locally."""

from __future__ import annotations

import pytest

from aistore_hl import errors as E
from aistore_hl.validation import (
    MAX_CHUNK_SIZE,
    normalize_etl_comm_type,
    normalize_provider,
    validate_archpath,
    validate_bucket_name,
    validate_chunk_size,
    validate_etl_name,
    validate_object_name,
    validate_timeout,
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("ais", "ais"),
        ("aws", "aws"),
        ("gcp", "gcp"),
        ("azure", "azure"),
        ("oci", "oci"),
        ("s3", "aws"),
        ("gs", "gcp"),
        ("az", "azure"),
        ("oc", "oci"),
        ("", "ais"),
        (None, "ais"),
        ("AWS", "aws"),
        (" gs ", "gcp"),
    ],
)
def test_normalize_provider(given: str | None, expected: str) -> None:
    assert normalize_provider(given) == expected


@pytest.mark.parametrize("bad", ["ht", "hdfs", "s3://", "minio", 3])
def test_normalize_provider_rejects(bad: object) -> None:
    with pytest.raises(E.InvalidBckProvider) as info:
        normalize_provider(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert repr(bad) in str(info.value)


@pytest.mark.parametrize(
    "name", ["b", "my-bucket_1.v2", "A" * 64, ".sys-inventory", ".sys-shardidx", "a.b.c", "0"]
)
def test_valid_bucket_names(name: str) -> None:
    assert validate_bucket_name(name) == name


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "empty"),
        ("a" * 65, "longer than 64"),
        ("a..b", "'..'"),
        (".hidden", "reserved"),
        ("with space", "may only contain"),
        ("slash/name", "may only contain"),
        ("ünïcode", "may only contain"),
        ("semi;colon", "may only contain"),
        ("a..", "'..'"),
    ],
)
def test_invalid_bucket_names(name: str, reason: str) -> None:
    with pytest.raises(E.InvalidBucketName, match=reason) as info:
        validate_bucket_name(name)
    assert info.value.value == name
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "name", ["o", "dir/sub/o.bin", "a.b", ".hidden", "..x", "x..", "a/.b/c", "名前", "a b", "x" * 2000]
)
def test_valid_object_names(name: str) -> None:
    assert validate_object_name(name) == name


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "empty"),
        ("dir/", "end with '/'"),
        ("a\x00b", "NUL"),
        ("~/x", "'~/'"),
        ("./x", "'.'"),
        ("a/./b", "'.'"),
        ("a/..", "'..'"),
        ("../etc/passwd", "'..'"),
        (".", "'.'"),
    ],
)
def test_invalid_object_names(name: str, reason: str) -> None:
    with pytest.raises(E.InvalidObjectName, match=reason) as info:
        validate_object_name(name)
    assert info.value.value == name


def test_object_name_trailing_slash_option_and_type() -> None:
    assert validate_object_name("vdir/", allow_trailing_slash=True) == "vdir/"
    with pytest.raises(E.InvalidObjectName):
        validate_object_name(b"bytes")  # type: ignore[arg-type]


def test_archpath() -> None:
    assert validate_archpath("") == ""
    assert validate_archpath("train/img-001.jpg") == "train/img-001.jpg"
    for bad in ("dir/", "../x", "a/./b", "~/x"):
        with pytest.raises(E.InvalidArgument, match="archpath"):
            validate_archpath(bad)


@pytest.mark.parametrize("name", ["md5-etl", "abcdef", "a" * 32, "etl-0-9"])
def test_valid_etl_names(name: str) -> None:
    assert validate_etl_name(name) == name


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("short", "shorter than 6"),
        ("a" * 33, "longer than 32"),
        ("Upper-case", "lower-case"),
        ("under_score", "lower-case"),
    ],
)
def test_invalid_etl_names(name: str, reason: str) -> None:
    with pytest.raises(E.InvalidETLName, match=reason):
        validate_etl_name(name)


@pytest.mark.parametrize(
    ("given", "expected"),
    [("hpush", "hpush://"), ("hpush://", "hpush://"), ("HPULL", "hpull://"), ("ws", "ws://")],
)
def test_etl_comm_types(given: str, expected: str) -> None:
    assert normalize_etl_comm_type(given) == expected


@pytest.mark.parametrize("bad", ["hrev", "io://", "http"])
def test_removed_etl_comm_types(bad: str) -> None:
    with pytest.raises(E.InvalidArgument, match="communication type"):
        normalize_etl_comm_type(bad)


def test_chunk_size() -> None:
    assert validate_chunk_size(1) == 1
    assert validate_chunk_size(MAX_CHUNK_SIZE) == MAX_CHUNK_SIZE
    for bad in (0, -5, MAX_CHUNK_SIZE + 1, 1.5, True, "1024"):
        with pytest.raises(E.InvalidArgument, match="chunk_size"):
            validate_chunk_size(bad)  # type: ignore[arg-type]


def test_timeout() -> None:
    assert validate_timeout(None) is None
    assert validate_timeout(3) == 3.0 and isinstance(validate_timeout(3), float)
    assert validate_timeout(0.01) == 0.01
    with pytest.raises(E.InvalidArgument, match="use None"):
        validate_timeout(0)
    for bad in (-1, float("inf"), float("nan"), "5", False):
        with pytest.raises(E.InvalidArgument):
            validate_timeout(bad)  # type: ignore[arg-type]
    with pytest.raises(E.InvalidArgument, match="read_timeout"):
        validate_timeout(None, name="read_timeout", allow_none=False)
