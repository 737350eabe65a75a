"""Where the official SDK 2.0 and aistore_hl disagreed, on the real cluster (issue 20).

Each test fails on the code before the fix: 0-byte sizes, suffix ranges, ``get_object_from_url``,
group copy/transform/archive, and dot segments refused before any request.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx
import pytest

from aistore_hl import AsyncClient, Bucket, Client, Header
from aistore_hl.errors import InvalidArgument, InvalidObjectName
from aistore_hl.types import Namespace


# -- 1. a present object's size is never unknown --------------------------------------------------
def test_head_size_of_an_empty_object_is_zero(bucket: Bucket, raw: httpx.Client) -> None:
    bucket.object("empty").put(content=b"")
    r = raw.head(f"/v1/objects/{bucket.name}/empty", params=bucket.qparam, follow_redirects=True)
    assert r.status_code == 200 and "content-length" not in r.headers  # what makes it a trap
    props = bucket.object("empty").head()
    assert props.size == 0
    assert "content-length" not in props  # the mapping stays what the server sent
    assert props.checksum_type and props.checksum_value  # other accessors are still read
    assert props.present is True


def test_head_size_survives_pickling_and_copies(bucket: Bucket) -> None:
    import pickle

    bucket.object("empty").put(content=b"")
    props = bucket.object("empty").head()
    assert pickle.loads(pickle.dumps(props)).size == 0
    assert Header(props).size == 0
    assert Header({}).size is None  # not an object HEAD: "not sent" stays None


def test_async_head_size_of_an_empty_object_is_zero(bucket: Bucket, ais_endpoint: str) -> None:
    bucket.object("empty").put(content=b"")

    async def main() -> int | None:
        async with AsyncClient(ais_endpoint) as ac:
            return (await ac.bucket(bucket.name).object("empty").head()).size

    assert asyncio.run(main()) == 0


def test_download_of_an_empty_object(bucket: Bucket, tmp_path: Path) -> None:
    bucket.object("empty").put(content=b"")
    dest = tmp_path / "e"
    dest.write_bytes(b"old")
    props = bucket.object("empty").download(dest, num_workers=4)
    assert props.size == 0 and dest.read_bytes() == b""


# -- 2. suffix ranges -----------------------------------------------------------------------------
DATA = os.urandom(100_000)


@pytest.fixture
def data_obj(bucket: Bucket) -> Bucket:
    bucket.object("d").put(content=DATA)
    return bucket


@pytest.mark.parametrize(
    ("byte_range", "want"),
    [
        ((None, 10), DATA[-10:]),
        ((None, 1), DATA[-1:]),
        ((None, len(DATA)), DATA),
        ("bytes=-10", DATA[-10:]),
        ("bytes=5-9", DATA[5:10]),
        ("bytes=99990-", DATA[99990:]),
        ((0, 0), DATA[:1]),
    ],
)
def test_suffix_and_string_ranges(data_obj: Bucket, byte_range: object, want: bytes) -> None:
    assert data_obj.object("d").get(byte_range=byte_range).read_all() == want  # type: ignore[arg-type]


def test_suffix_longer_than_the_object_reads_it_whole(data_obj: Bucket) -> None:
    assert data_obj.object("d").get(byte_range=(None, 10 * len(DATA))).read_all() == DATA


@pytest.mark.parametrize(
    "bad",
    [(None, 0), (None, -1), (None, None), "bytes=-0", "bytes=a-b", "bytes=1-2,5-6", "items=0-1", (-1, 3)],
)
def test_bad_ranges_are_refused_before_any_request(data_obj: Bucket, bad: object) -> None:
    with pytest.raises(InvalidArgument, match="byte_range"):
        data_obj.object("d").get(byte_range=bad)  # type: ignore[arg-type]


def test_async_suffix_range(data_obj: Bucket, ais_endpoint: str) -> None:
    async def main() -> bytes:
        async with AsyncClient(ais_endpoint) as ac:
            stream = await ac.bucket(data_obj.name).object("d").get(byte_range=(None, 777))
            return await stream.read_all()

    assert asyncio.run(main()) == DATA[-777:]


# -- 3. get_object_from_url -----------------------------------------------------------------------
@pytest.mark.parametrize("name", ["a#b", "a?x=1", "dir/a%2Fb", "sp ace#frag?q"])
def test_get_object_from_url_takes_the_name_literally(client: Client, bucket: Bucket, name: str) -> None:
    cut = name.split("#")[0].split("?")[0]  # what urlparse would read
    if cut != name:
        bucket.object(cut).put(content=b"another object")
    bucket.object(name).put(content=name.encode())
    obj = client.get_object_from_url(f"ais://{bucket.name}/{name}")
    assert obj.obj_name == name and obj.bck.name == bucket.name
    assert obj.get().read_all() == name.encode()


def test_get_object_from_url_schemes_and_namespaces(client: Client) -> None:
    for url, provider in [
        ("s3://b/o", "aws"),
        ("aws://b/o", "aws"),
        ("gs://b/o", "gcp"),
        ("az://b/o", "azure"),
        ("oc://b/o", "oci"),
        ("AIS://b/o", "ais"),
    ]:
        obj = client.get_object_from_url(url)
        assert (obj.bck.name, obj.bck.provider, obj.obj_name) == ("b", provider, "o")
    obj = client.get_object_from_url("ais://@remais/b/x/y")
    assert obj.bck.bck.ns == Namespace(uuid="remais") and obj.obj_name == "x/y"
    obj = client.get_object_from_url("ais://@uu#ns/b/o")
    assert obj.bck.bck.ns == Namespace(uuid="uu", name="ns")


def test_get_object_from_url_on_a_remote_cluster(client: Client, remote_bucket: Bucket) -> None:
    remote_bucket.object("r#1").put(content=b"remote")
    url = f"ais://@{remote_bucket.bck.ns.uuid}/{remote_bucket.name}/r#1"  # type: ignore[union-attr]
    assert client.get_object_from_url(url).get().read_all() == b"remote"


@pytest.mark.parametrize(
    "url", ["ais://", "ais://b", "ais://b/", "ais:///o", "b/o", "http://b/o", "ht://b/o", "ais://@remais"]
)
def test_get_object_from_url_refuses_urls_without_bucket_or_object(client: Client, url: str) -> None:
    with pytest.raises(InvalidArgument):
        client.get_object_from_url(url)


def test_async_get_object_from_url(bucket: Bucket, ais_endpoint: str) -> None:
    bucket.object("a#b").put(content=b"x")

    async def main() -> bytes:
        async with AsyncClient(ais_endpoint) as ac:
            stream = await ac.get_object_from_url(f"ais://{bucket.name}/a#b").get()
            return await stream.read_all()

    assert asyncio.run(main()) == b"x"


# -- 5. dot segments ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["a/../b", "a/./b", "../b", "a/..", "./a"])
def test_dot_segments_are_refused_before_any_request(client: Client, bucket: Bucket, name: str) -> None:
    with pytest.raises(InvalidObjectName, match="dot segment"):
        bucket.object(name)
    with pytest.raises(InvalidObjectName, match="dot segment"):
        client.get_object_from_url(f"ais://{bucket.name}/{name}")


def test_the_server_itself_rejects_dot_segments_sent_as_is(bucket: Bucket, ais_endpoint: str) -> None:
    # httpx (like requests) would collapse "a/../b" to "b": send the raw path through a socket.
    import socket

    host, port = ais_endpoint.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(
            f"PUT /v1/objects/{bucket.name}/a/../b HTTP/1.1\r\nHost: {host}\r\n"
            "Content-Length: 1\r\nConnection: close\r\n\r\nx".encode()
        )
        answer = s.recv(4096).decode(errors="replace")
    status = int(answer.split(" ", 2)[1])
    assert status != 200 and status != 307, answer[:200]
    assert bucket.list_all_objects() == [] or all(e.name != "b" for e in bucket.list_all_objects())


# -- 4. ObjectGroup copy / transform / archive ----------------------------------------------------
def _names(b: Bucket) -> list[str]:
    return sorted(e.name for e in b.list_all_objects())


@pytest.fixture
def src(bucket: Bucket) -> Bucket:
    for i in range(5):
        bucket.object(f"d/o{i}").put(content=f"v{i}".encode())
    bucket.object("other").put(content=b"o")
    return bucket


def test_group_copy_by_names_with_prepend(client: Client, src: Bucket, bucket_factory) -> None:  # type: ignore[no-untyped-def]
    dst = client.bucket(bucket_factory(create=False))  # the server creates the destination
    ids = src.objects(obj_names=["d/o0", "d/o1"]).copy(dst, prepend="p/")
    assert len(ids) >= 1 and all(i.startswith("tco-") for i in ids)
    for i in ids:
        client.job().wait_for_idle(job_id=i, job_kind="copy-listrange", timeout=120)
    assert _names(dst) == ["p/d/o0", "p/d/o1"]
    assert dst.object("p/d/o1").get().read_all() == b"v1"


def test_group_copy_by_prefix_and_by_range(client: Client, src: Bucket, bucket_factory) -> None:  # type: ignore[no-untyped-def]
    from aistore_hl import ObjectRange

    by_prefix = client.bucket(bucket_factory())
    by_range = client.bucket(bucket_factory())
    ids = src.objects(obj_template="d/").copy(by_prefix)
    ids += src.objects(obj_range=ObjectRange("d/o", 1, 3)).copy(by_range)
    for i in ids:
        client.job().wait_for_idle(job_id=i, job_kind="copy-listrange", timeout=120)
    assert _names(by_prefix) == [f"d/o{i}" for i in range(5)]  # "other" is not under the prefix
    assert _names(by_range) == ["d/o1", "d/o2", "d/o3"]


def test_group_archive_and_member_read(client: Client, src: Bucket, bucket_factory) -> None:  # type: ignore[no-untyped-def]
    ids = src.objects(obj_template="d/o{0..4}").archive("shards/s.tar")
    assert len(ids) == 1
    client.job().wait_for_idle(job_id=ids[0], job_kind="archive", timeout=120)
    assert "shards/s.tar" in _names(src)
    for i in range(5):
        assert src.object("shards/s.tar").get(archpath=f"d/o{i}").read_all() == f"v{i}".encode()
    other = client.bucket(bucket_factory())
    ids = src.objects(obj_names=["d/o0", "other"]).archive("a.tgz", to_bck=other, include_source_name=True)
    client.job().wait_for_idle(job_id=ids[0], job_kind="archive", timeout=120)
    assert src.name in {n.split("/")[0] for n in _archive_members(other, "a.tgz")}


def _archive_members(b: Bucket, name: str) -> list[str]:
    import io
    import tarfile

    data = b.object(name).get().read_all()
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tf:
        return tf.getnames()


def test_group_transform_without_etl_is_a_typed_server_error(client: Client, src: Bucket) -> None:
    from aistore_hl.errors import AISError

    with pytest.raises(AISError) as info:
        src.objects(obj_names=["d/o0"]).transform(client.bucket("t-dst-unused"), etl_name="no-such-etl")
    assert info.value.status_code in (400, 404, 501)


@pytest.mark.parametrize(
    ("call", "param"),
    [
        (lambda g, b: g.archive("shard.bin"), "archive_name"),
        (lambda g, b: g.archive(""), "archive_name"),
        (lambda g, b: g.archive("a/../s.tar"), None),
        (lambda g, b: g.copy("not-a-bucket"), "to_bck"),
        (lambda g, b: g.transform(b, etl_name="x"), None),
        (lambda g, b: g.transform(b, etl_name="valid-name", timeout=5), "timeout"),
        (lambda g, b: g.transform(b, etl_name="valid-name", etl_pipeline="abcdefg"), "etl_pipeline"),
    ],
)
def test_group_bad_input_fails_before_any_request(src: Bucket, call, param) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidArgument) as info:
        call(src.objects(obj_names=["d/o0"]), src)
    if param:
        assert info.value.param == param


def test_archive_mime_must_match_the_extension(client: Client, src: Bucket) -> None:
    from aistore_hl.errors import BadRequest

    ids = src.objects(obj_names=["d/o2"]).archive("m.tar", mime=".tar")
    client.job().wait_for_idle(job_id=ids[0], job_kind="archive", timeout=120)
    assert src.object("m.tar").get(archpath="d/o2").read_all() == b"v2"
    with pytest.raises(BadRequest, match="mime"):
        src.objects(obj_names=["d/o2"]).archive("m2.tar", mime=".zip")


def test_async_group_copy_and_archive(src: Bucket, ais_endpoint: str, bucket_factory) -> None:  # type: ignore[no-untyped-def]
    dst_name = bucket_factory()

    async def main() -> list[str]:
        async with AsyncClient(ais_endpoint) as ac:
            ab = ac.bucket(src.name)
            ids = await ab.objects(obj_names=["d/o3"]).copy(ac.bucket(dst_name))
            ids += await ab.objects(obj_names=["d/o4"]).archive("x.tar")
            return ids

    ids = asyncio.run(main())
    client = Client(ais_endpoint)
    client.job().wait_for_idle(job_id=ids[0], job_kind="copy-listrange", timeout=120)
    client.job().wait_for_idle(job_id=ids[1], job_kind="archive", timeout=120)
    assert _names(client.bucket(dst_name)) == ["d/o3"]
    assert src.object("x.tar").get(archpath="d/o4").read_all() == b"v4"


# -- 2b. ranges in download -----------------------------------------------------------------------
@pytest.mark.parametrize("num_workers", [1, 3])
@pytest.mark.parametrize(
    ("byte_range", "want"),
    [
        ((None, 70_000), DATA[-70_000:]),
        ((None, 10**9), DATA),
        ("bytes=-5", DATA[-5:]),
        ((1000, None), DATA[1000:]),
        ((10, 99_000), DATA[10:99_001]),
        ((99_990, 10**9), DATA[99_990:]),
    ],
)
def test_download_a_range(
    data_obj: Bucket, tmp_path: Path, byte_range: object, want: bytes, num_workers: int
) -> None:
    dest = tmp_path / "r"
    data_obj.object("d").download(
        dest,
        byte_range=byte_range,  # type: ignore[arg-type]
        num_workers=num_workers,
        part_size=64 << 10,
    )
    assert dest.read_bytes() == want


def test_download_a_range_beyond_the_end_leaves_nothing(data_obj: Bucket, tmp_path: Path) -> None:
    dest = tmp_path / "r"
    with pytest.raises(InvalidArgument, match="beyond"):
        data_obj.object("d").download(dest, byte_range=(len(DATA), None))
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(InvalidArgument, match="byte_range"):
        data_obj.object("d").download(dest, byte_range=(None, 0))


def test_async_download_a_suffix(data_obj: Bucket, ais_endpoint: str, tmp_path: Path) -> None:
    async def main() -> None:
        async with AsyncClient(ais_endpoint) as ac:
            obj = ac.bucket(data_obj.name).object("d")
            await obj.download(tmp_path / "a", byte_range=(None, 66_000), num_workers=2, part_size=64 << 10)

    asyncio.run(main())
    assert (tmp_path / "a").read_bytes() == DATA[-66_000:]
