"""Chunked objects through every path that reads, copies or rewrites an object, on the real cluster.

An object is *chunked* when a multipart upload wrote it (``multipart_upload()``, ``open("wb")``
past ``part_size``) or the ``rechunk`` bucket job rewrote it; HEAD v2 ``chunked`` then names
``ais-chunks-count``. AIS 5.0 gets one path wrong: APPEND keeps only the first chunk, so
aistore_hl/append.py refuses it (``AppendUnsupported``; tests/integration/test_append.py and
test_object_append_file.py). Every other path is checked here, byte for byte and, where the API
verifies, against the object's checksum, on a 5-chunk object (4 x 256 KiB + 12,345 B, a multipart
upload: crc32c) and a 4-chunk one (3 x 384 KiB + 4,321 B, a PUT then ``rechunk``: xxhash2).

What AIS 5.0 does (measured): every read, copy and rewrite below returns the exact bytes, except
one listing: ``list_archive`` of a chunked shard lists no member (200; the target lists the shard's
main file, which holds the first chunk only: a 12-member 930 KiB TAR in 4 x 256 KiB chunks lists 0,
the same bytes PUT whole list 12). aistore_hl/bucket_api.py now refuses that before listing
(``ArchiveListUnsupported``); member reads of a chunked shard (GET archpath, Get-Batch,
``AISShardReader``) are right. Copies (``Object.copy``, ``Bucket.copy``, ``ObjectGroup.copy``,
``Bucket.rename``) may come out chunked or monolithic, in the destination bucket's checksum type,
with the source's bytes. Overwriting a chunked object (a PUT, a multipart of fewer parts) leaves no
stale chunk behind; an archive appended to a chunked shard is whole. One client bug found on the
way: ``download(num_workers>1)`` of a crc32c object (what a multipart completion usually gives)
raised ``TypeError`` in its read-back check (google-crc32c takes bytes, not a memoryview), fixed in
aistore_hl/_checksum.py.

Not here: a body cut mid-way and resumed needs the fault relay (tests/reliability); the resume is a
``Range: bytes=<received>-`` GET, and ``test_ranged_gets_across_chunk_boundaries`` sends exactly
that from every boundary +-1.
"""

from __future__ import annotations

import io
import os
import random
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import google_crc32c
import httpx
import pytest
import xxhash

from aistore_hl import Bucket, Client
from aistore_hl._checksum import checksum_hasher
from aistore_hl.errors import ArchiveListUnsupported, ErrObjNotFound
from aistore_hl.fs import AISAsyncFileSystem, AISFileSystem
from tests.support.tap import requests_of
from tests.support.twin import sync_only

KIB = 1024
MP_PART = 256 * KIB  # multipart: 4 x 256 KiB + 12,345 -> 5 chunks
RC_CHUNK = 384 * KIB  # rechunk: 3 x 384 KiB + 4,321 -> 4 chunks
RND = random.Random(5)
MP_DATA = RND.randbytes(4 * MP_PART + 12_345)
RC_DATA = RND.randbytes(3 * RC_CHUNK + 4_321)
SMALL = b"below the rechunk limit"


@dataclass(frozen=True)
class Kind:
    """One way of making a chunked object: its name, bytes, chunk size and chunk count."""

    name: str
    data: bytes
    chunk: int
    chunks: int
    checksum_types: tuple[str, ...]  # what AIS 5.0 gives it

    @property
    def boundaries(self) -> list[int]:
        return [k * self.chunk for k in range(1, self.chunks)]


KINDS = {
    "multipart": Kind("mp/obj", MP_DATA, MP_PART, 5, ("crc32c", "xxhash2")),
    "rechunk": Kind("rc/obj", RC_DATA, RC_CHUNK, 4, ("xxhash2",)),
}


@pytest.fixture
def client(any_client: Client) -> Client:
    """Tests taking ``client`` (or ``bucket``) run against ``Client`` and ``AsyncClient``; the job
    fixtures below run on the session's sync client (their tests run once)."""
    return any_client


def _checksum(ctype: str, data: bytes) -> str:
    """The object's checksum as the server writes it, computed without aistore_hl."""
    if ctype == "crc32c":
        return f"{google_crc32c.value(data):08x}"
    assert ctype == "xxhash2"
    return xxhash.xxh64(data, seed=0).hexdigest()


def _chunks(b: Bucket, name: str) -> int:
    return int(b.object(name).head_v2("chunked").get("ais-chunks-count") or 0)


def _fill(c: Client, name: str) -> Bucket:
    """Both chunked objects (and a small one ``rechunk`` leaves whole) in bucket ``name``."""
    b = c.bucket(name)
    mp, rc = KINDS["multipart"], KINDS["rechunk"]
    b.object(mp.name).multipart_upload().upload_content(mp.data, part_size=mp.chunk)
    b.object(rc.name).put(content=rc.data)
    b.object("rc/small").put(content=SMALL)
    xid = b.rechunk(objsize_limit=128 * KIB, chunk_size=rc.chunk, prefix="rc/")
    c.job().wait(xid, job_kind="rechunk", timeout=60, raise_on_failure=True)
    return b


def _verified_get(b: Bucket, name: str) -> bytes:
    stream = b.object(name).get()
    data = stream.read_all()
    assert stream.checksum_verified, name
    return data


@pytest.fixture(scope="module")
def src_name(sync_client: Client, module_bucket_factory: Callable[..., str]) -> str:
    """The module's source bucket: both chunked objects and a small one (read-only for the tests)."""
    return _fill(sync_client, module_bucket_factory("chk")).name


@pytest.fixture(params=list(KINDS))
def kind(request: pytest.FixtureRequest) -> Kind:
    k: Kind = KINDS[request.param]
    return k


@pytest.fixture
def src(client: Client, src_name: str) -> Bucket:
    return client.bucket(src_name)


# -- they are chunked --------------------------------------------------------------------------------
def test_both_ways_make_chunked_objects(sync_client: Client, src_name: str) -> None:
    b = sync_client.bucket(src_name)
    for k in KINDS.values():
        h = b.object(k.name).head_v2("chunked")
        assert int(h["ais-chunks-count"]) == k.chunks > 1, dict(h)
        assert int(h["ais-chunks-max-chunk-size"]) == k.chunk
    assert _chunks(b, "rc/small") == 0  # under objsize_limit: rechunk leaves it whole


# -- reads -------------------------------------------------------------------------------------------
def test_get_whole_is_verified_and_head_matches_the_bytes(src: Bucket, kind: Kind) -> None:
    stream = src.object(kind.name).get()
    assert stream.read_all() == kind.data and stream.checksum_verified
    h = src.object(kind.name).head()
    # A multipart completion gives crc32c (assembled from the parts) or, in some runs, the
    # bucket's xxhash2 (tests/integration/test_multipart.py); either is of these bytes.
    assert h.checksum_type in kind.checksum_types
    want = _checksum(h.checksum_type or "", kind.data)
    assert (h.size, h.checksum_value) == (len(kind.data), want)
    v2 = src.object(kind.name).head_v2("name,size,checksum,chunked")
    assert (v2.size, v2.checksum_type, v2.checksum_value) == (len(kind.data), h.checksum_type, want)
    assert int(v2["ais-chunks-count"]) == kind.chunks


def test_ranged_gets_across_chunk_boundaries(src: Bucket, kind: Kind) -> None:
    obj, data, size = src.object(kind.name), kind.data, len(kind.data)
    ranges: list[tuple[int, int | None]] = [(0, kind.chunk - 1), (size - 1, None), (0, size - 1)]
    for b in kind.boundaries:
        ranges += [
            (b - 1, b),  # the last byte of a chunk and the first of the next
            (b, b),
            (b - 10, b + 10),
            (b - 5, min(b + kind.chunk + 5, size - 1)),  # over two boundaries
            (b, b + kind.chunk - 1 if b + kind.chunk <= size else None),  # one chunk exactly
            (b - 1, None),  # what a resume after a cut sends: from an offset to the end
            (b + 1, None),
        ]
    for start, end in ranges:
        want = data[start : None if end is None else end + 1]
        assert obj.get(byte_range=(start, end)).read_all() == want, (start, end)
    tail = size - kind.boundaries[-1]
    for n in (1, tail, tail + 1, kind.chunk + 100):
        assert obj.get(byte_range=(None, n)).read_all() == data[-n:], n
    assert (
        obj.get(byte_range=f"bytes={kind.chunk - 3}-{kind.chunk + 2}").read_all()
        == data[kind.chunk - 3 : kind.chunk + 3]
    )


def test_open_rb_seeks_and_reads_across_boundaries(src: Bucket, kind: Kind) -> None:
    data = kind.data
    with src.object(kind.name).open("rb", buffer_size=100 * KIB) as f:
        for b in kind.boundaries:
            f.seek(b - 7)
            assert f.read(kind.chunk + 14) == data[b - 7 : b + kind.chunk + 7], b
        f.seek(-(len(data) - kind.boundaries[-1] + 3), os.SEEK_END)
        assert f.read() == data[kind.boundaries[-1] - 3 :]
        f.seek(0)
        assert f.read() == data  # a whole read: checksum-verified (a mismatch would raise)


def test_download_in_parallel_parts(src: Bucket, kind: Kind, tmp_path: Path) -> None:
    obj = src.object(kind.name)
    # 100 KiB parts: none aligned with a chunk, 4 at a time; then the file is hashed whole.
    props = obj.download(tmp_path / "par", num_workers=4, part_size=100 * KIB)
    assert (tmp_path / "par").read_bytes() == kind.data and props.size == len(kind.data)
    obj.download(tmp_path / "one")  # one verified stream
    assert (tmp_path / "one").read_bytes() == kind.data
    b = kind.boundaries[1]
    obj.download(tmp_path / "rng", num_workers=3, part_size=64 * KIB, byte_range=(b - 100, b + 200_000))
    assert (tmp_path / "rng").read_bytes() == kind.data[b - 100 : b + 200_001]


def test_crc32c_hasher_takes_any_buffer() -> None:
    # The guard's unit: download's read-back hashes memoryviews of a reused bytearray.
    hasher, why = checksum_hasher("crc32c")
    assert hasher is not None, why
    buf = bytearray(MP_DATA[:1000])
    hasher.update(memoryview(buf)[:500])
    hasher.update(bytes(buf[500:]))
    assert hasher.hexdigest() == _checksum("crc32c", MP_DATA[:1000])


@pytest.mark.parametrize("strm", [True, False])
def test_get_batch_of_whole_objects_and_ranges(client: Client, src: Bucket, strm: bool) -> None:
    mp, rc = KINDS["multipart"], KINDS["rechunk"]
    batch = client.batch([mp.name, rc.name, "rc/small"], bucket=src, streaming_get=strm)
    want = [mp.data, rc.data, SMALL]
    for k in (mp, rc):
        for b in k.boundaries:
            batch.add(k.name, start=b - 3, length=7)
            want.append(k.data[b - 3 : b + 4])
        b = k.boundaries[0]
        batch.add(k.name, start=b - 1, length=2 * k.chunk + 2)  # over two boundaries
        want.append(k.data[b - 1 : b + 1 + 2 * k.chunk])
        batch.add(k.name, start=b + 1, length=-1)  # to the end
        want.append(k.data[b + 1 :])
    entries = list(batch.get())
    assert [e.data for e in entries] == want
    assert [e.size for e in entries] == [len(w) for w in want]


@pytest.mark.parametrize("fs_class", [AISFileSystem, AISAsyncFileSystem])
def test_fsspec_cat_file_and_open(
    sync_client: Client, ais_endpoint: str, src_name: str, fs_class: type, kind: Kind
) -> None:
    fs: Any = (
        AISFileSystem(client=sync_client, skip_instance_cache=True)
        if fs_class is AISFileSystem
        else AISAsyncFileSystem(ais_endpoint, skip_instance_cache=True)  # on fsspec's IO loop
    )
    url, data = f"ais://{src_name}/{kind.name}", kind.data
    assert fs.cat_file(url) == data  # whole: checksum-verified
    for b in kind.boundaries:
        assert fs.cat_file(url, start=b - 9, end=b + 9) == data[b - 9 : b + 9]
    b = kind.boundaries[0]
    assert fs.cat_file(url, start=b - 1, end=b + 2 * kind.chunk + 1) == data[b - 1 : b + 2 * kind.chunk + 1]
    assert fs.cat_file(url, start=-(kind.chunk + 5)) == data[-(kind.chunk + 5) :]
    assert fs.cat_file(url, start=b + 1) == data[b + 1 :]
    with fs.open(url, "rb", block_size=100 * KIB) as f:
        for b in kind.boundaries:
            f.seek(b - 1)
            assert f.read(kind.chunk + 2) == data[b - 1 : b + kind.chunk + 1], b
        f.seek(0)
        assert f.read() == data
    if fs_class is AISAsyncFileSystem:
        fs.close()


def _shard(seed: int) -> tuple[bytes, dict[str, bytes]]:
    """A TAR of 6 samples (150+ KiB ``jpg``, tiny ``cls``): most members straddle a 256 KiB chunk."""
    rnd = random.Random(seed)
    members: dict[str, bytes] = {}
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for j in range(6):
            for ext, size in (("jpg", 150 * KIB + 777 * j), ("cls", 1 + j)):
                name = f"s/{j:03d}.{ext}"
                members[name] = rnd.randbytes(size)
                info = tarfile.TarInfo(name)
                info.size = size
                tar.addfile(info, io.BytesIO(members[name]))
    return buf.getvalue(), members


@sync_only  # torch's reader takes the sync client's bucket
def test_torch_shard_reader_and_member_reads_of_a_multipart_shard(client: Client, bucket: Bucket) -> None:
    from aistore_hl.torch import AISShardReader

    shard, members = _shard(7)
    _multipart(bucket, "shards/0.tar", shard, MP_PART)
    got = list(AISShardReader(bucket, prefix_map={bucket: "shards/"}))
    assert [k for k, _ in got] == [f"s/{j:03d}" for j in range(6)]
    for key, sample in got:
        assert sample == {"jpg": members[f"{key}.jpg"], "cls": members[f"{key}.cls"]}
    for m in ("s/000.jpg", "s/001.jpg", "s/003.cls", "s/005.jpg"):  # GET archpath
        assert bucket.object("shards/0.tar").get(archpath=m).read_all() == members[m]
    batch = client.batch(bucket=bucket)
    for m in members:  # Get-Batch of archived files
        batch.add("shards/0.tar", archpath=m)
    assert {e.archpath: e.data for e in batch.get()} == members


def test_list_archive_of_a_chunked_shard_is_refused(bucket: Bucket, raw: httpx.Client) -> None:
    shard, members = _shard(8)
    bucket.object("whole.tar").put(content=shard)
    _multipart(bucket, "chunked.tar", shard, MP_PART)  # 4 chunks
    bucket.object("one.tar").multipart_upload().upload_content(shard, part_size=2 * len(shard))
    assert _chunks(bucket, "one.tar") == 1  # a multipart of one chunk
    # What AIS 5.0 answers, asked without aistore_hl: the chunked shard lists no member (200).
    for name, want in (("whole.tar", len(members)), ("chunked.tar", 0), ("one.tar", len(members))):
        r = raw.request(
            "GET",
            f"/v1/buckets/{bucket.name}",
            json={"action": "list", "value": {"prefix": name, "flags": "8", "props": "name,size"}},
        )
        assert r.status_code == 200, r.text
        names = [e["name"] for e in r.json().get("entries") or []]
        assert len([n for n in names if n.startswith(name + "/")]) == want, (name, names)
    for name in ("whole.tar", "one.tar"):
        listed = {e.name: e.size for e in bucket.list_archive(name)}
        assert listed == {f"{name}/{m}": len(d) for m, d in members.items()}
    with requests_of(bucket.client, lambda r: (r.method, r.url.params.get("props"))) as sent:
        with pytest.raises(ArchiveListUnsupported, match="4 chunks") as info:
            bucket.list_archive("chunked.tar")
        with pytest.raises(ArchiveListUnsupported):
            bucket.list_archive("chunked.tar", include_archive_obj=True)
    assert info.value.chunks == 4 and info.value.obj == f"{bucket.name}/chunked.tar"
    assert sent and set(sent) == {("HEAD", "chunked")}  # refused before any listing
    assert bucket.list_archive("missing.tar") == []


# -- rewrites ------------------------------------------------------------------------------------------
def _multipart(b: Bucket, name: str, data: bytes, part: int) -> None:
    b.object(name).multipart_upload().upload_content(data, part_size=part)
    assert _chunks(b, name) == -(-len(data) // part) > 1


def test_set_custom_props_keeps_the_object_whole(bucket: Bucket) -> None:
    _multipart(bucket, "o", MP_DATA, MP_PART)
    obj = bucket.object("o")
    obj.set_custom_props({"k": "v", "n": "1"})
    obj.set_custom_props({"n": "2"})
    assert obj.head().custom_metadata == {"k": "v", "n": "2"}
    assert _verified_get(bucket, "o") == MP_DATA and _chunks(bucket, "o") == 5
    obj.set_custom_props({"only": "this"}, replace_existing=True)
    h = obj.head()
    assert h.custom_metadata == {"only": "this"} and h.size == len(MP_DATA)
    assert h.checksum_value == _checksum(h.checksum_type or "", MP_DATA)
    assert _verified_get(bucket, "o") == MP_DATA
    b = 2 * MP_PART
    assert obj.get(byte_range=(b - 2, b + 1)).read_all() == MP_DATA[b - 2 : b + 2]


def test_overwrites_leave_no_stale_chunk(bucket: Bucket) -> None:
    obj = bucket.object("o")
    _multipart(bucket, "o", MP_DATA, MP_PART)
    obj.put(content=b"small")  # a chunked object overwritten by a small PUT
    assert _verified_get(bucket, "o") == b"small"
    assert obj.head().size == 5 and _chunks(bucket, "o") == 0
    _multipart(bucket, "o", MP_DATA, MP_PART)  # 5 chunks
    fewer = RND.randbytes(MP_PART + 5)
    _multipart(bucket, "o", fewer, MP_PART)  # by a multipart of 2 chunks
    assert _verified_get(bucket, "o") == fewer and obj.head().size == len(fewer)
    assert obj.get(byte_range=(MP_PART - 1, None)).read_all() == fewer[MP_PART - 1 :]
    other = RND.randbytes(3 * 300 * KIB + 7)
    _multipart(bucket, "o", other, 300 * KIB)  # by another part size, 4 chunks
    assert _verified_get(bucket, "o") == other
    v2 = obj.head_v2("size,checksum,chunked")
    assert (v2.size, v2.checksum_value) == (len(other), _checksum(v2.checksum_type or "", other))
    assert int(v2["ais-chunks-max-chunk-size"]) == 300 * KIB
    with obj.open("wb", part_size=MP_PART) as w:  # the writer: a multipart past part_size
        w.write(MP_DATA[: 2 * MP_PART + 1])
    assert _verified_get(bucket, "o") == MP_DATA[: 2 * MP_PART + 1] and _chunks(bucket, "o") == 3


def test_delete_then_404_and_a_new_object_of_the_name_is_exact(bucket: Bucket) -> None:
    obj = bucket.object("o")
    _multipart(bucket, "o", MP_DATA, MP_PART)
    obj.delete()
    with pytest.raises(ErrObjNotFound):
        obj.head()
    with pytest.raises(ErrObjNotFound):
        obj.head_v2("chunked")
    with pytest.raises(ErrObjNotFound):
        obj.get().read_all()
    obj.put(content=b"new")
    assert _verified_get(bucket, "o") == b"new" and obj.head().size == 3
    obj.delete()
    _multipart(bucket, "o", MP_DATA[: MP_PART + 1], MP_PART)
    assert _verified_get(bucket, "o") == MP_DATA[: MP_PART + 1]


# -- server-side copies --------------------------------------------------------------------------------
def test_object_copy(src: Bucket, kind: Kind, bucket: Bucket) -> None:
    src.object(kind.name).copy(bucket.object("c"))  # to another bucket
    src.object(kind.name).copy(bucket.object("d/e"))
    for name in ("c", "d/e"):
        assert _verified_get(bucket, name) == kind.data
        h = bucket.object(name).head()  # the destination bucket's type (xxhash2), of the same bytes
        assert h.checksum_value == _checksum(h.checksum_type or "", kind.data)
    b = kind.boundaries[-1]
    assert bucket.object("c").get(byte_range=(b - 4, None)).read_all() == kind.data[b - 4 :]


def test_object_copy_within_the_bucket(bucket: Bucket) -> None:
    _multipart(bucket, "a", MP_DATA, MP_PART)
    bucket.object("a").copy(bucket.object("b"))
    assert _verified_get(bucket, "b") == MP_DATA and _verified_get(bucket, "a") == MP_DATA


def _member(tar: tarfile.TarFile, name: str) -> bytes:
    f = tar.extractfile(name)
    assert f is not None, name
    return f.read()


@dataclass
class Jobs:
    """The results of the bucket jobs, all started at once (module fixture ``jobs``)."""

    src: Bucket
    bucket_copy: Bucket
    group_copy: Bucket
    archive: str
    renamed: Bucket
    appended: Bucket
    appended_members: dict[str, bytes]
    statuses: dict[str, Any] = field(default_factory=dict)


@pytest.fixture(scope="module")
def jobs(sync_client: Client, src_name: str, module_bucket_factory: Callable[..., str]) -> Jobs:
    c = sync_client
    src = c.bucket(src_name)
    to_rename = _fill(c, module_bucket_factory("chkr"))  # its own: copy-listrange on src blocks move-bck
    renamed = c.bucket(module_bucket_factory("chkn", create=False))
    bucket_copy = c.bucket(module_bucket_factory("chkb", create=False))
    group_copy = c.bucket(module_bucket_factory("chkg"))
    appended = c.bucket(module_bucket_factory("chka"))
    shard, members = _shard(9)
    _multipart(appended, "app.tar", shard, MP_PART)
    names = [k.name for k in KINDS.values()]
    xids = {
        "copy-bck": src.copy(bucket_copy.name),
        "copy-listrange": src.objects(obj_names=names).copy(group_copy)[0],
        "archive": src.objects(obj_names=names).archive("arch.tar", to_bck=group_copy)[0],
        "move-bck": to_rename.rename(renamed.name),
        # an archive appended to a chunked shard
        "archive-append": src.objects(obj_names=["rc/small"]).archive(
            "app.tar", to_bck=appended, allow_append=True
        )[0],
    }
    job = c.job()
    statuses = {kind: job.wait(xid, timeout=90, raise_on_failure=True) for kind, xid in xids.items()}
    for kind in ("copy-listrange", "archive", "archive-append"):  # idle now; end them (they linger)
        job.abort(xids[kind])
    return Jobs(
        src, bucket_copy, group_copy, "arch.tar", renamed, appended, {**members, "rc/small": SMALL}, statuses
    )


def test_bucket_copy(jobs: Jobs) -> None:
    assert jobs.statuses["copy-bck"].kind == "copy-bck"
    for k in KINDS.values():
        assert _verified_get(jobs.bucket_copy, k.name) == k.data
        h = jobs.bucket_copy.object(k.name).head()
        assert h.checksum_value == _checksum(h.checksum_type or "", k.data)
    assert _verified_get(jobs.bucket_copy, "rc/small") == SMALL


def test_object_group_copy(jobs: Jobs) -> None:
    for k in KINDS.values():
        assert _verified_get(jobs.group_copy, k.name) == k.data
        b = k.boundaries[0]
        assert jobs.group_copy.object(k.name).get(byte_range=(b - 1, b)).read_all() == k.data[b - 1 : b + 1]


def test_bucket_rename(jobs: Jobs) -> None:
    for k in KINDS.values():
        assert _verified_get(jobs.renamed, k.name) == k.data
        assert jobs.renamed.object(k.name).head().size == len(k.data)
    assert _verified_get(jobs.renamed, "rc/small") == SMALL


def test_archive_then_read_members(jobs: Jobs) -> None:
    b = jobs.group_copy
    listed = {e.name: e.size for e in b.list_archive(jobs.archive)}
    assert listed == {f"{jobs.archive}/{k.name}": len(k.data) for k in KINDS.values()}
    for k in KINDS.values():
        assert b.object(jobs.archive).get(archpath=k.name).read_all() == k.data
    with tarfile.open(fileobj=io.BytesIO(_verified_get(b, jobs.archive))) as tar:
        for k in KINDS.values():
            assert _member(tar, k.name) == k.data


def test_archive_appended_to_a_chunked_shard(jobs: Jobs) -> None:
    # The shard's 12 members and the one appended (AIS writes the result whole).
    data = _verified_get(jobs.appended, "app.tar")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        got = {m.name: _member(tar, m.name) for m in tar.getmembers()}
    assert got == jobs.appended_members
    assert jobs.appended.object("app.tar").get(archpath="rc/small").read_all() == SMALL


@sync_only  # a job sequence on one bucket; the [async] run would repeat the same server work
def test_mirror_copies_and_rechunk_back_to_monolithic(client: Client, bucket: Bucket) -> None:
    b = _fill(client, bucket.name)
    job = client.job()
    job.wait(b.make_n_copies(2), job_kind="make-n-copies", timeout=60, raise_on_failure=True)
    for k in KINDS.values():
        assert b.object(k.name).head()["ais-mirror-copies"] == "2"
        for _ in range(4):  # a GET may be served from either copy
            assert _verified_get(b, k.name) == k.data
    job.wait(b.make_n_copies(1), job_kind="make-n-copies", timeout=60, raise_on_failure=True)
    # What AppendUnsupported advises: rechunk with objsize_limit=0 writes the objects whole again.
    job.wait(
        b.rechunk(objsize_limit=0, chunk_size=MP_PART), job_kind="rechunk", timeout=60, raise_on_failure=True
    )
    for k in KINDS.values():
        assert _chunks(b, k.name) == 0 and _verified_get(b, k.name) == k.data
