"""The official SDK 2.0's ``Object`` / ``ObjectGroup`` names beyond the seed, on the real cluster:
identity properties, ``props`` / ``props_cached``, ``get_url`` / ``get_semantic_url``,
``head(props=)``, ``get_reader``'s options, ``copy(etl=)``, and the group's ``client``,
``list_urls``, ``list_all_objects_iter`` and ``prefetch`` options."""

from __future__ import annotations

import hashlib
import inspect
import io
import os
import tarfile
from urllib.parse import quote

import httpx
import pytest

from aistore_hl import Bucket, Client, Header
from aistore_hl.errors import BadRequest, InvalidArgument, Unsupported
from aistore_hl.header import ObjectProps
from aistore_hl.types import ArchiveConfig, BlobDownloadConfig, ETLConfig
from tests.support.twin import TwinLoop

ETL = ETLConfig("etl-nope", {"k": 1})


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient``."""
    return any_client


def _props(obj: object, twin_loop: TwinLoop) -> ObjectProps:
    """``obj.props``: a value (sync) or an awaitable (async twin, awaited on its loop)."""
    v = obj.props  # type: ignore[attr-defined]
    if inspect.isawaitable(v):
        v = twin_loop.call(lambda: v)
    assert isinstance(v, ObjectProps)
    return v


def _tar(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as t:
        for n, d in members.items():
            ti = tarfile.TarInfo(n)
            ti.size = len(d)
            t.addfile(ti, io.BytesIO(d))
    return buf.getvalue()


# -- identity, URLs -------------------------------------------------------------------------------
def test_identity_and_url_formats(client: Client, bucket: Bucket, raw: httpx.Client) -> None:
    obj = bucket.object("d/x y+z.bin")
    obj.put(content=b"payload")
    assert (obj.name, obj.bucket_name, obj.bucket_provider) == ("d/x y+z.bin", bucket.name, "ais")
    assert obj.uname == f"ais/@#/{bucket.name}/d/x y+z.bin"
    assert obj.query_params == {"provider": "ais"}
    assert obj.get_semantic_url() == f"ais://{bucket.name}/d/x y+z.bin"
    base = f"{client.endpoint}/v1/objects/{bucket.name}/d/x%20y%2Bz.bin"
    assert quote("d/x y+z.bin") == "d/x%20y%2Bz.bin"
    assert obj.get_url() == f"{base}?provider=ais"
    assert obj.get_url("a/m.txt") == f"{base}?provider=ais&archpath=a%2Fm.txt"
    assert obj.get_url(etl=ETL) == f"{base}?provider=ais&etl_name=etl-nope&etl_args=%7B%22k%22%3A1%7D"
    assert raw.get(obj.get_url()).content == b"payload"  # the URL reads the object


# -- props ----------------------------------------------------------------------------------------
def test_props_equal_the_head_and_are_cached(bucket: Bucket, twin_loop: TwinLoop) -> None:
    obj = bucket.object("p")
    obj.put(content=b"12345")
    bucket.object("p").set_custom_props({"k": "v"})
    assert obj.props_cached is None
    p = _props(obj, twin_loop)
    head = bucket.object("p").head()
    assert (p.name, p.bucket_name, p.bucket_provider) == ("p", bucket.name, "ais")
    assert p.size == head.size == 5
    assert (p.checksum_type, p.checksum_value) == (head.checksum_type, head.checksum_value)
    assert p.obj_version == head.version and p.access_time == head["ais-atime"]
    assert p.location == head.location and p.location.startswith("t[")
    assert p.mirror_copies == head.mirror_copies and p.mirror_paths == head.mirror_paths
    assert p.custom_metadata == head.custom_metadata == {"k": "v"}
    assert p.present is True and p.ec is None
    assert obj.props_cached is p and _props(obj, twin_loop) is p  # cached: no new HEAD
    obj.put(content=b"changed!")
    assert obj.props_cached is p
    h = obj.head()  # refreshes
    assert isinstance(h, Header) and obj.props_cached is not p
    assert obj.props_cached is not None and obj.props_cached.size == 8


def test_head_with_props_is_head_v2(bucket: Bucket) -> None:
    obj = bucket.object("h")
    obj.put(content=b"abc")
    h = obj.head(props="checksum,size")
    assert h.size == 3 and h.checksum_value and h.version is None  # only what was asked
    cached = obj.props_cached
    assert cached is not None and cached.checksum_value == h.checksum_value and cached.name == "h"
    assert obj.head(props="").size == 3  # "" is name,size, as in 2.0
    with pytest.raises(InvalidArgument):
        obj.head(props="nope")


# -- get_reader options ---------------------------------------------------------------------------
def test_reader_latest_direct_num_workers_read_back_exact(bucket: Bucket) -> None:
    data = os.urandom((20 << 20) + 12345)  # three 8 MiB parts
    obj = bucket.object("big")
    obj.put(content=data)
    digest = hashlib.sha256(data).digest()
    assert hashlib.sha256(obj.get_reader(latest=True).read_all()).digest() == digest
    assert hashlib.sha256(obj.get_reader(direct=True).read_all()).digest() == digest
    par = obj.get_reader(num_workers=3)
    assert hashlib.sha256(par.read_all()).digest() == digest
    chunks = list(obj.get_reader(num_workers=4))
    assert len(chunks) == 3 and hashlib.sha256(b"".join(chunks)).digest() == digest
    with pytest.raises(InvalidArgument):
        obj.get_reader(num_workers=1)
    with pytest.raises(InvalidArgument):
        obj.get_reader(num_workers=2, byte_range=(0, 9))


def test_num_workers_read_is_checksum_verified(client: Client, bucket: Bucket) -> None:
    # Every part of the parallel read is verified as one whole: a wrong announced checksum fails.
    from aistore_hl.errors import ChecksumMismatch
    from aistore_hl.object_file import _Parallel

    obj = bucket.object("v")
    obj.put(content=os.urandom(1000))
    head = obj.head()
    bad = Header({**head, "ais-checksum-value": "0" * 16})
    par = _Parallel(bad, "u")
    par.check((0, 999), head, obj.get().read_all())
    with pytest.raises(ChecksumMismatch):
        par.verify()


def test_direct_reader_goes_to_the_target(ais_endpoint: str, bucket_factory: object) -> None:
    sent: list[httpx.URL] = []

    class Rec(httpx.BaseTransport):
        def __init__(self, inner: httpx.BaseTransport) -> None:
            self.inner = inner

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            sent.append(request.url)
            return self.inner.handle_request(request)

        def close(self) -> None:
            self.inner.close()

    proxy_port = httpx.URL(ais_endpoint).port
    with Client(ais_endpoint, direct_reads=False, transport=Rec) as c:
        b = c.bucket(bucket_factory("dir"))  # type: ignore[operator]
        b.object("o").put(content=b"direct bytes")
        sent.clear()
        assert b.object("o").get_reader().read_all() == b"direct bytes"
        assert sent and sent[0].port == proxy_port  # via the proxy
        sent.clear()
        assert b.object("o").get_reader(direct=True).read_all() == b"direct bytes"
        gets = [u for u in sent if u.path.startswith("/v1/objects/")]
        assert len(gets) == 1 and gets[0].port != proxy_port  # one GET, straight to a target


def test_writer_gets_the_exact_bytes(client: Client, bucket: Bucket, tmp_path: object) -> None:
    data = os.urandom(3 << 20)
    obj = bucket.object("w")
    obj.put(content=data)
    w = io.BytesIO()
    reader = obj.get_reader(writer=w)
    assert w.getvalue() == data
    assert reader.read_all() == data  # the reader is still usable
    w2 = io.BytesIO()
    obj.get_reader(writer=w2, num_workers=2)
    assert w2.getvalue() == data
    with pytest.raises(InvalidArgument):
        obj.get_reader(writer=object())


def test_archive_config_reads_members_of_a_real_tar(bucket: Bucket) -> None:
    members = {"a.txt": b"A" * 100, "dir/b.log": b"B" * 50, "c.log": b"C" * 7}
    shard = bucket.object("s.tar")
    shard.put(content=_tar(members))
    assert shard.get_reader(archive_config=ArchiveConfig(archpath="dir/b.log")).read_all() == b"B" * 50
    out = shard.get_reader(archive_config=ArchiveConfig(regex=".log", mode="suffix")).read_all()
    with tarfile.open(fileobj=io.BytesIO(out)) as t:
        got = {m.name: t.extractfile(m).read() for m in t.getmembers()}  # type: ignore[union-attr]
    assert got == {"dir/b.log": b"B" * 50, "c.log": b"C" * 7}
    with pytest.raises(InvalidArgument):
        ArchiveConfig(regex="x")  # regex without mode
    with pytest.raises(InvalidArgument):
        shard.get_reader(archpath="a.txt", archive_config=ArchiveConfig(archpath="a.txt"))


def test_blob_download_config(bucket: Bucket, remote_bucket: Bucket) -> None:
    data = os.urandom((3 << 20) + 5)
    remote_bucket.object("blob").put(content=data)
    remote_bucket.objects(obj_names=["blob"]).evict()
    cfg = BlobDownloadConfig(chunk_size="1MiB", num_workers=2)
    got = remote_bucket.object("blob").get_reader(blob_download_config=cfg).read_all()
    assert hashlib.sha256(got).digest() == hashlib.sha256(data).digest()
    bucket.object("l").put(content=b"x")
    with pytest.raises(BadRequest, match="blob-downloader is not supported for local buckets"):
        bucket.object("l").get_reader(blob_download_config=cfg).read_all()
    with pytest.raises(InvalidArgument):
        bucket.object("l").get_reader(blob_download_config=cfg, byte_range=(0, 1))


def test_etl_on_a_build_without_etl_is_unsupported(bucket: Bucket) -> None:
    obj = bucket.object("e")
    obj.put(content=b"x")
    with pytest.raises(Unsupported):
        obj.get_reader(etl=ETL).read_all()
    with pytest.raises(Unsupported):
        obj.copy(bucket.object("e2"), etl=ETL)


def test_etl_query_is_exactly_2_0s(ais_endpoint: str, bucket_factory: object) -> None:
    sent: list[httpx.URL] = []

    class Rec(httpx.BaseTransport):
        def __init__(self, inner: httpx.BaseTransport) -> None:
            self.inner = inner

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            sent.append(request.url)
            return self.inner.handle_request(request)

        def close(self) -> None:
            self.inner.close()

    with Client(ais_endpoint, transport=Rec) as c:
        b = c.bucket(bucket_factory("etlq"))  # type: ignore[operator]
        b.object("o").put(content=b"x")
        sent.clear()
        with pytest.raises(Unsupported):
            b.object("o").get_reader(etl=ETL, latest=True).read_all()
        q = dict(sent[-1].params)
        assert q == {"provider": "ais", "etl_name": "etl-nope", "etl_args": '{"k":1}', "latest-ver": "true"}
        sent.clear()
        with pytest.raises(Unsupported):
            b.object("o").copy(b.object("o2"), etl=ETL)
        q = dict(sent[-1].params)
        assert q["etl_name"] == "etl-nope" and q["etl_args"] == '{"k":1}'


def test_copy_without_etl_still_copies(bucket: Bucket) -> None:
    bucket.object("src").put(content=b"copy me")
    bucket.object("src").copy(bucket.object("dst"))
    assert bucket.object("dst").get().read_all() == b"copy me"


# -- ObjectGroup ----------------------------------------------------------------------------------
NAMES = [f"g-{i:02d}" for i in range(5)]


def test_group_list_urls_and_list_all_objects_iter(client: Client, bucket: Bucket, raw: httpx.Client) -> None:
    for n in NAMES:
        bucket.object(n).put(content=n.encode())
    group = bucket.objects(obj_template="g-{00..04}")
    urls = list(group.list_urls())
    assert urls == [f"{client.endpoint}/v1/objects/{bucket.name}/{n}?provider=ais" for n in NAMES]
    assert [raw.get(u).content for u in urls] == [n.encode() for n in NAMES]
    assert list(bucket.objects(obj_names=NAMES).list_urls(prefix="g-03")) == [urls[3]]
    assert all(u.endswith("&etl_name=etl-nope&etl_args=%7B%22k%22%3A1%7D") for u in group.list_urls(etl=ETL))
    objs = list(group.list_all_objects_iter(prefix="g-0"))
    assert [o.name for o in objs] == NAMES
    assert all(o.props_cached is not None and o.props_cached.size == 4 for o in objs)
    lazy = list(group.list_all_objects_iter(props=None))
    assert [o.props_cached for o in lazy] == [None] * 5


def test_group_client_rebinds(client: Client, bucket: Bucket) -> None:
    group = bucket.objects(obj_names=["a"])
    assert group.client is client
    group.client = client
    assert group.client is client and group.bck.name == bucket.name


def test_prefetch_with_the_new_options_caches(
    client: Client, remote_bucket: Bucket, raw: httpx.Client
) -> None:
    for n in NAMES:
        remote_bucket.object(n).put(content=n.encode() * 1000)
    group = remote_bucket.objects(obj_names=NAMES)
    client.job().wait_for_job(job_id=group.evict(), timeout=60)

    def present(n: str) -> bool:
        r = raw.head(
            f"/v1/objects/{remote_bucket.name}/{n}", params={**remote_bucket.qparam, "presence": "2"}
        )
        return r.status_code == 200

    assert not any(present(n) for n in NAMES)
    jid = group.prefetch(blob_threshold=1 << 20, num_workers=2, latest=True, continue_on_error=True)
    status = client.job().wait_for_job(job_id=jid, timeout=60)
    assert status.kind == "prefetch-listrange" and status.succeeded
    assert all(present(n) for n in NAMES)
    cached = {e.name: e.is_cached() for e in remote_bucket.list_objects_iter(props="name,cached")}
    assert cached == dict.fromkeys(NAMES, True)
    assert remote_bucket.object("g-02").head().present is True
    with pytest.raises(InvalidArgument):
        group.prefetch(blob_threshold=-1)
