"""Seed ``Object``: bck, obj_name, head, get, put, delete — against the real cluster."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import httpx
import pytest

from aistore_hl import DEFAULT_CHUNK_SIZE, Bucket, Client, Header, ObjStream
from aistore_hl.errors import ErrBckNotFound, ErrObjNotFound, InvalidArgument


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


def _raw_get(raw: httpx.Client, b: Bucket, name: str) -> bytes:
    r = raw.get(f"/v1/objects/{b.name}/{name}", params=b.qparam)
    assert r.status_code == 200, r.text
    return r.content


def test_bck_and_obj_name(bucket: Bucket) -> None:
    obj = bucket.object("a/b/c.txt")
    assert obj.bck is bucket and obj.bck.bck.name == bucket.name
    assert obj.obj_name == "a/b/c.txt"


# -- put ----------------------------------------------------------------------------------------------
def test_put_bytes_returns_the_object_properties(bucket: Bucket, raw: httpx.Client) -> None:
    props = bucket.object("o").put(content=b"hello")
    assert isinstance(props, Header)
    assert props["ais-checksum-type"] and props["ais-checksum-value"]
    assert _raw_get(raw, bucket, "o") == b"hello"
    head = bucket.object("o").head()
    assert (props.checksum_type, props.checksum_value) == (head.checksum_type, head.checksum_value)


def test_put_path_streams_a_local_file(bucket: Bucket, raw: httpx.Client, tmp_path: Path) -> None:
    data = os.urandom((5 << 20) + 123)  # several 1 MiB upload pieces and a tail
    src = tmp_path / "src.bin"
    src.write_bytes(data)
    bucket.object("from-file").put(path=str(src))
    got = _raw_get(raw, bucket, "from-file")
    assert len(got) == len(data) and hashlib.sha256(got).digest() == hashlib.sha256(data).digest()


def test_put_overwrites_and_bumps_the_version(bucket: Bucket) -> None:
    obj = bucket.object("v")
    obj.put(content=b"one")
    v1 = obj.head().version
    obj.put(content=b"two!")
    head = obj.head()
    assert head.size == 4 and obj.get().read_all() == b"two!"
    assert v1 is not None and head.version is not None and int(head.version) == int(v1) + 1


def test_put_other_content_kinds(bucket: Bucket, raw: httpx.Client) -> None:
    bucket.object("ba").put(content=bytearray(b"bytearray"))
    bucket.object("mv").put(content=memoryview(b"0123456789")[2:8])
    bucket.object("fo").put(content=io.BytesIO(b"file object"))
    bucket.object("it").put(content=(bytes([i]) * 1000 for i in range(5)))  # sent chunked
    bucket.object("empty").put(content=b"")
    assert _raw_get(raw, bucket, "ba") == b"bytearray"
    assert _raw_get(raw, bucket, "mv") == b"234567"
    assert _raw_get(raw, bucket, "fo") == b"file object"
    assert _raw_get(raw, bucket, "it") == b"".join(bytes([i]) * 1000 for i in range(5))
    assert _raw_get(raw, bucket, "empty") == b""


def test_put_arguments_are_checked_before_sending(bucket: Bucket, tmp_path: Path) -> None:
    f = tmp_path / "f"
    f.write_bytes(b"x")
    obj = bucket.object("never")
    with pytest.raises(ValueError, match="mutually exclusive"):  # the seed's ValueError
        obj.put(path=str(f), content=b"x")
    with pytest.raises(InvalidArgument):
        obj.put(path=str(tmp_path / "does-not-exist"))
    with pytest.raises(FileNotFoundError):  # what the seed's open() raised
        obj.put(path=str(tmp_path / "does-not-exist"))
    with pytest.raises(InvalidArgument):
        obj.put(content=42)  # type: ignore[arg-type]
    # put() with neither, and str content, are the seed's: see test_seed_audit.
    assert bucket.list_all_objects() == []


def test_put_into_a_missing_bucket(bucket: Bucket) -> None:
    ghost = bucket.client.bucket(bucket.name + "-ghost")
    with pytest.raises(ErrBckNotFound):
        ghost.object("o").put(content=b"x")


# -- head ---------------------------------------------------------------------------------------------
def test_head(bucket: Bucket, raw: httpx.Client) -> None:
    bucket.object("h").put(content=b"12345")
    props = bucket.object("h").head()
    truth = raw.head(f"/v1/objects/{bucket.name}/h", params=bucket.qparam).headers
    assert props["ais-checksum-value"] == truth["ais-checksum-value"]
    assert props["Content-Length"] == "5" and props.size == 5
    assert props.version == "1" and props.present is True
    assert props.atime is not None and props.atime.year >= 2024
    with pytest.raises(ErrObjNotFound) as ei:
        bucket.object("nope").head()
    assert ei.value.status_code == 404


# -- get ----------------------------------------------------------------------------------------------
def test_get_streams_in_chunks(bucket: Bucket) -> None:
    data = os.urandom(100_000)
    bucket.object("g").put(content=data)
    stream = bucket.object("g").get()
    assert isinstance(stream, ObjStream)
    chunks = list(stream)
    assert b"".join(chunks) == data
    assert all(len(c) == DEFAULT_CHUNK_SIZE for c in chunks[:-1])  # seed default chunk size
    sizes = [len(c) for c in bucket.object("g").get(chunk_size=7000)]
    assert sizes == [7000] * 14 + [2000]
    with bucket.object("g").get() as s:
        assert s.read_all() == data


def test_get_verifies_length_and_checksum(bucket: Bucket) -> None:
    bucket.object("c").put(content=b"check me")
    s = bucket.object("c").get()
    assert s.read_all() == b"check me"
    assert s.bytes_read == 8
    # verified when the checksum type is computable here (xxhash2 needs the 'xxhash' package)
    assert s.checksum_verified or "xxhash" in s.checksum_skip_reason


def test_get_byte_range(bucket: Bucket) -> None:
    bucket.object("r").put(content=b"0123456789")
    assert bucket.object("r").get(byte_range=(2, 5)).read_all() == b"2345"
    assert bucket.object("r").get(byte_range=(7, None)).read_all() == b"789"


def test_get_archpath(bucket: Bucket) -> None:
    import tarfile

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        info = tarfile.TarInfo("inner/file.txt")
        info.size = 6
        tar.addfile(info, io.BytesIO(b"inside"))
    bucket.object("a.tar").put(content=buf.getvalue())
    assert bucket.object("a.tar").get(archpath="inner/file.txt").read_all() == b"inside"
    with pytest.raises(ErrObjNotFound):
        bucket.object("a.tar").get(archpath="inner/none.txt").read_all()


def test_get_missing_object(bucket: Bucket) -> None:
    with pytest.raises(ErrObjNotFound) as ei:
        bucket.object("missing").get()
    assert ei.value.status_code == 404


# -- delete -------------------------------------------------------------------------------------------
def test_delete(bucket: Bucket, raw: httpx.Client) -> None:
    bucket.object("d").put(content=b"x")
    bucket.object("keep").put(content=b"y")
    assert bucket.object("d").delete() is None
    assert raw.head(f"/v1/objects/{bucket.name}/d", params=bucket.qparam).status_code == 404
    assert [e.name for e in bucket.list_all_objects()] == ["keep"]
    with pytest.raises(ErrObjNotFound):
        bucket.object("d").delete()


def test_object_of_a_remote_ais_bucket_round_trip(remote_bucket: Bucket) -> None:
    obj = remote_bucket.object("remote/obj")
    obj.put(content=b"through the local cluster")
    assert obj.head().size == 25
    assert obj.get().read_all() == b"through the local cluster"
    obj.delete()
    with pytest.raises(ErrObjNotFound):
        obj.head()
