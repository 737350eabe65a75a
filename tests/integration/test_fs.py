"""``AISFileSystem`` / ``AISAsyncFileSystem`` (``ais://``) on the real cluster: fsspec's conventions,
where AIS differs (no directories, jobs that complete eventually), and real uses by pandas/pyarrow."""

from __future__ import annotations

import asyncio
import errno
import gzip
import os
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import fsspec
import httpx
import pytest
import xxhash
from fsspec.callbacks import Callback

from aistore_hl import Client, Namespace, ObjectGroup
from aistore_hl.fs import AISAsyncFileSystem, AISFileSystem

MiB = 1 << 20


@pytest.fixture
def fs(client: Client) -> AISFileSystem:
    return AISFileSystem(client=client, skip_instance_cache=True)


@pytest.fixture
def bkt(bucket_factory: Callable[..., str]) -> str:
    return bucket_factory("fs")


def _names(raw: httpx.Client, bucket: str, params: dict[str, str] | None = None) -> list[str]:
    """What the cluster lists, asked without aistore_hl (a plain JSON list-objects)."""
    names: list[str] = []
    token = ""
    while True:
        value: dict[str, Any] = {"props": "name", "continuation_token": token}
        r = raw.request(
            "GET", f"/v1/buckets/{bucket}", params=params or {}, json={"action": "list", "value": value}
        )
        r.raise_for_status()
        body = r.json()
        names += [e["name"] for e in body.get("entries") or []]
        token = body.get("continuation_token", "")
        if not token:
            return sorted(names)


def _tree(fs: AISFileSystem, bkt: str) -> None:
    for key, data in {
        "a/b/c.txt": b"hello",
        "a/d.txt": b"world!",
        "a/b/e/f.bin": b"\x00" * 100,
        "top": b"x" * 10,
    }.items():
        fs.pipe_file(f"{bkt}/{key}", data)


# -- registration and configuration ---------------------------------------------------------------
def test_protocol_is_found_by_fsspec_and_reads_the_endpoint_from_env(
    ais_endpoint: str, bkt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIS_ENDPOINT", ais_endpoint)
    fs = fsspec.filesystem("ais", skip_instance_cache=True)
    assert isinstance(fs, AISFileSystem) and fs.client.endpoint == ais_endpoint
    with fsspec.open(f"ais://{bkt}/hello.txt", "wb") as f:
        f.write(b"hi there")
    with fsspec.open(f"ais://{bkt}/hello.txt", "rb") as f:
        assert f.read() == b"hi there"
    assert fsspec.get_filesystem_class("ais") is AISFileSystem


def test_endpoint_and_client_options(ais_endpoint: str, client: Client, bkt: str) -> None:
    fs1 = fsspec.filesystem("ais", endpoint=ais_endpoint, skip_instance_cache=True)
    fs1.pipe_file(f"{bkt}/k", b"1")
    fs2 = AISFileSystem(client=client, skip_instance_cache=True)
    assert fs2.client is client  # shared: its pool, retries, timeouts, TLS and token
    assert fs2.cat_file(f"ais://{bkt}/k") == b"1"
    assert fs2.unstrip_protocol(f"{bkt}/k") == f"ais://{bkt}/k"
    assert AISFileSystem(client=client) is not AISFileSystem(client=client)  # never a cached one
    fs3 = pickle.loads(pickle.dumps(fs1))  # dask/multiprocessing workers get a working copy
    assert fs3.cat_file(f"{bkt}/k") == b"1" and fs3.client is not fs1.client
    aws = AISFileSystem(client=client, provider="aws", skip_instance_cache=True)
    assert aws._bucket(aws._parse("ais://b/k")).provider == "aws"


def test_remote_ais_namespace_paths(client: Client, remote_bucket: Any, raw: httpx.Client) -> None:
    fs = AISFileSystem(client=client, skip_instance_cache=True)
    alias = remote_bucket.namespace.uuid
    root = f"@{alias}/{remote_bucket.name}"
    fs.pipe({f"ais://{root}/d/x": b"x1", f"ais://{root}/d/y": b"y22"})
    assert fs.ls(f"ais://{root}", detail=False) == [f"{root}/d"]
    assert fs.find(root) == [f"{root}/d/x", f"{root}/d/y"]
    assert fs.info(f"{root}/d/y")["size"] == 3 and fs.cat(f"{root}/d/x") == b"x1"
    params = {"provider": "ais", "namespace": Namespace(uuid=alias).get_path()}
    assert _names(raw, remote_bucket.name, params) == ["d/x", "d/y"]
    fs.rm(f"{root}/d", recursive=True)
    assert _names(raw, remote_bucket.name, params) == []


# -- pseudo-directories ---------------------------------------------------------------------------
def test_listing_info_and_fsspec_keys(fs: AISFileSystem, bkt: str) -> None:
    _tree(fs, bkt)
    assert fs.ls(bkt, detail=False) == [f"{bkt}/a", f"{bkt}/top"]
    detail = {e["name"]: e for e in fs.ls(f"ais://{bkt}/a/")}
    assert detail[f"{bkt}/a/b"] == {"name": f"{bkt}/a/b", "size": 0, "type": "directory"}
    d = detail[f"{bkt}/a/d.txt"]
    assert (d["type"], d["size"], d["checksum"]) == ("file", 6, xxhash.xxh64(b"world!").hexdigest())
    info = fs.info(f"{bkt}/a/d.txt")
    assert {k: info[k] for k in ("name", "size", "type")} == {
        "name": f"{bkt}/a/d.txt",
        "size": 6,
        "type": "file",
    }
    assert info["checksum"] == d["checksum"] and info["checksum_type"] == "xxhash2" and info["version"]
    assert fs.checksum(f"{bkt}/a/d.txt") == int(d["checksum"], 16)
    assert fs.info(f"{bkt}/a/b")["type"] == "directory" and fs.info(bkt)["type"] == "directory"
    assert fs.isdir(f"{bkt}/a/b") and not fs.isfile(f"{bkt}/a/b") and fs.isfile(f"{bkt}/top")
    assert not fs.isdir(f"{bkt}/a/d.txt") and not fs.isdir(f"{bkt}/a/b/c")  # a prefix of a name only
    assert fs.ls(f"{bkt}/top") == [fs.info(f"{bkt}/top")]  # ls of a file: that file
    assert bkt in fs.ls("", detail=False)


def test_find_glob_walk_du(fs: AISFileSystem, bkt: str) -> None:
    _tree(fs, bkt)
    assert fs.find(bkt) == [f"{bkt}/{k}" for k in ("a/b/c.txt", "a/b/e/f.bin", "a/d.txt", "top")]
    assert fs.find(bkt, maxdepth=2, withdirs=True) == [
        bkt, f"{bkt}/a", f"{bkt}/a/b", f"{bkt}/a/d.txt", f"{bkt}/top",
    ]  # fmt: skip
    assert fs.find(f"{bkt}/a/d.txt") == [f"{bkt}/a/d.txt"]
    assert fs.glob(f"{bkt}/**/*.txt") == [f"{bkt}/a/b/c.txt", f"{bkt}/a/d.txt"]
    assert fs.glob(f"{bkt}/a/*") == [f"{bkt}/a/b", f"{bkt}/a/d.txt"]
    assert fs.du(bkt) == 5 + 6 + 100 + 10 and fs.du(f"{bkt}/a/b", total=False) == {
        f"{bkt}/a/b/c.txt": 5, f"{bkt}/a/b/e/f.bin": 100,
    }  # fmt: skip
    walked = list(fs.walk(bkt))
    assert walked == [
        (bkt, ["a"], ["top"]),
        (f"{bkt}/a", ["b"], ["d.txt"]),
        (f"{bkt}/a/b", ["e"], ["c.txt"]),
        (f"{bkt}/a/b/e", [], ["f.bin"]),
    ]
    assert [w[0] for w in fs.walk(bkt, maxdepth=2)] == [bkt, f"{bkt}/a"]
    pruned = []
    for top, dirs, _files in fs.walk(bkt):
        pruned.append(top)
        dirs[:] = [d for d in dirs if d != "b"]  # topdown pruning, as os.walk
    assert pruned == [bkt, f"{bkt}/a"]
    assert next(t for t, _, _ in fs.walk(bkt, topdown=False)) == f"{bkt}/a/b/e"


def test_missing_paths_and_directory_errors(fs: AISFileSystem, bkt: str, bucket_factory: Any) -> None:
    _tree(fs, bkt)
    for missing in (f"{bkt}/nope", f"{bkt}/a/b/c", "no-such-bucket-fs/x", "no-such-bucket-fs"):
        with pytest.raises(FileNotFoundError):
            fs.info(missing)
        assert not fs.exists(missing)
    with pytest.raises(FileNotFoundError):
        fs.cat_file(f"{bkt}/nope")
    with pytest.raises(FileNotFoundError):
        fs.open(f"{bkt}/nope", "rb")
    with pytest.raises(FileNotFoundError):
        fs.ls(f"{bkt}/nope")
    with pytest.raises(IsADirectoryError):
        fs.open(f"{bkt}/a", "rb")
    with pytest.raises(IsADirectoryError):
        fs.cat_file(f"{bkt}/a")
    # A GET of a directory name on the target that stores objects below it answers 500
    # ErrLmetaNotFound, not 404 (it finds a directory on disk): with 16 names, some hit it.
    fs.pipe({f"{bkt}/dir{i}/x": b"1" for i in range(16)})
    for i in range(16):
        with pytest.raises(IsADirectoryError):
            fs.cat_file(f"{bkt}/dir{i}")
        with pytest.raises(FileNotFoundError):
            fs.cat_file(f"{bkt}/dir{i}", 0, 1)
    with pytest.raises(IsADirectoryError):
        fs.pipe_file(bkt, b"x")
    with pytest.raises(FileExistsError):
        fs.open(f"{bkt}/top", "xb")
    with pytest.raises(FileExistsError):
        fs.pipe_file(f"{bkt}/top", b"y", mode="create")
    assert fs.cat_file(f"{bkt}/top") == b"x" * 10


def test_mkdir_is_bucket_create_and_rmdir_bucket_destroy(
    fs: AISFileSystem, bucket_factory: Callable[..., str], raw: httpx.Client
) -> None:
    name = bucket_factory("fsmk", create=False)
    assert not fs.exists(name)
    fs.mkdir(name)
    assert fs.isdir(name) and fs.ls(name) == []
    assert raw.head(f"/v1/buckets/{name}", params={"provider": "ais"}).status_code == 200
    with pytest.raises(FileExistsError):
        fs.mkdir(name)
    with pytest.raises(FileExistsError):
        fs.makedirs(name)
    fs.makedirs(name, exist_ok=True)
    fs.mkdir(f"{name}/sub/dir")  # no empty directories on AIS: nothing is created
    assert fs.ls(name) == [] and not fs.exists(f"{name}/sub")
    fs.pipe_file(f"{name}/k", b"v")
    with pytest.raises(OSError) as exc:
        fs.rmdir(name)
    assert exc.value.errno == errno.ENOTEMPTY
    fs.rm_file(f"{name}/k")
    fs.rmdir(name)
    assert raw.head(f"/v1/buckets/{name}", params={"provider": "ais"}).status_code == 404
    other = bucket_factory("fsmk", create=False)
    fs.makedirs(f"{other}/deep/dir")  # the bucket of a deeper path is created
    assert fs.isdir(other)


# -- bytes ------------------------------------------------------------------------------------------
def test_cat_file_ranges_pipe_and_cat(fs: AISFileSystem, bkt: str) -> None:
    data = bytes(range(256)) * 4
    fs.pipe_file(f"{bkt}/r", data)
    p = f"{bkt}/r"
    assert fs.cat_file(p) == data
    assert fs.cat_file(p, 10, 20) == data[10:20]
    assert fs.cat_file(p, 1000) == data[1000:]
    assert fs.cat_file(p, -24) == data[-24:]
    assert fs.cat_file(p, -24, -4) == data[-24:-4]
    assert fs.cat_file(p, 5, -5) == data[5:-5]
    assert (
        fs.cat_file(p, 20, 10) == b""
        and fs.cat_file(p, 5000) == b""
        and fs.cat_file(p, 1020, 5000) == data[1020:]
    )
    assert fs.cat_ranges([p, p], [0, 100], [4, 104]) == [data[:4], data[100:104]]
    fs.pipe({f"{bkt}/m/1": b"one", f"{bkt}/m/2": b"two"})
    assert fs.cat(f"{bkt}/m/*") == {f"{bkt}/m/1": b"one", f"{bkt}/m/2": b"two"}
    assert fs.cat([f"{bkt}/m/2"]) == {f"{bkt}/m/2": b"two"}
    assert fs.head(p, 3) == data[:3] and fs.tail(p, 3) == data[-3:]
    assert fs.read_text(f"{bkt}/m/1") == "one"


class _Counting(Callback):  # type: ignore[misc]
    """Counts what fsspec reports: files on this callback, bytes and sizes on its children."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []
        self.bytes = 0

    def branched(self, path_1: str, path_2: str, **kwargs: Any) -> Any:
        return _Child(self)


class _Child(Callback):  # type: ignore[misc]
    def __init__(self, parent: _Counting) -> None:
        super().__init__()
        self.parent = parent

    def set_size(self, size: int | None) -> None:
        if size is not None:
            self.parent.sizes.append(size)

    def relative_update(self, inc: int = 1) -> None:
        self.parent.bytes += inc


def test_put_get_recursive_with_callbacks(fs: AISFileSystem, bkt: str, tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "sub" / "deeper").mkdir(parents=True)
    files = {"x.bin": os.urandom(3 * MiB + 7), "sub/y.txt": b"yy", "sub/deeper/z": b""}
    for rel, data in files.items():
        (src / rel).write_bytes(data)
    cb = _Counting()
    fs.put(str(src), f"{bkt}/up", recursive=True, callback=cb)
    assert fs.find(f"{bkt}/up") == sorted(f"{bkt}/up/{k}" for k in files)
    assert cb.bytes == sum(len(d) for d in files.values()) and 3 * MiB + 7 in cb.sizes
    # fsspec counts the paths it put on the outer callback (the local directories too)
    assert cb.value == cb.size == len(files) + 3
    dst = tmp_path / "dst"
    cb2 = _Counting()
    fs.get(f"{bkt}/up", str(dst), recursive=True, callback=cb2)
    for rel, data in files.items():
        assert (dst / rel).read_bytes() == data
    assert cb2.bytes == sum(len(d) for d in files.values())
    assert not [p for p in dst.rglob("*.part")]  # atomic writes leave no partial files
    one = tmp_path / "one.bin"
    fs.get_file(f"{bkt}/up/x.bin", str(one))
    assert one.read_bytes() == files["x.bin"]
    with pytest.raises(FileNotFoundError):
        fs.get_file(f"{bkt}/up/none", str(tmp_path / "none"))
    assert not (tmp_path / "none").exists()


def test_rm_recursive_waits_for_the_delete_job(
    fs: AISFileSystem, bkt: str, raw: httpx.Client, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    fs.pipe({f"{bkt}/d/{i:03d}": b"x" for i in range(40)} | {f"{bkt}/d2/keep": b"k", f"{bkt}/solo": b"s"})
    job_ids: list[str] = []
    delete = ObjectGroup.delete

    def recorded(group: ObjectGroup) -> str:
        job_ids.append(delete(group))
        return job_ids[-1]

    monkeypatch.setattr(ObjectGroup, "delete", recorded)
    fs.rm(f"{bkt}/d", recursive=True)
    # The multi-object delete is a job AIS completes eventually; rm returned only after it did.
    assert _names(raw, bkt) == ["d2/keep", "solo"]
    assert not fs.exists(f"{bkt}/d")
    assert len(job_ids) == 1  # one job for the 40 objects
    status = client.job().status(job_id=job_ids[0])
    assert status.kind == "delete-listrange" and status.end_time != 0
    fs.rm(f"{bkt}/solo")  # one object: one DELETE
    assert len(job_ids) == 1
    fs.rm(f"{bkt}/d2")  # a directory without recursive: its objects stay
    assert _names(raw, bkt) == ["d2/keep"]
    with pytest.raises(FileNotFoundError):
        fs.rm(f"{bkt}/nothing-here")
    fs.pipe({f"{bkt}/g/a.csv": b"1", f"{bkt}/g/b.csv": b"2", f"{bkt}/g/c.txt": b"3"})
    fs.rm(f"{bkt}/g/*.csv")
    assert _names(raw, bkt) == ["d2/keep", "g/c.txt"]


# -- copy ---------------------------------------------------------------------------------------
def test_copy_across_buckets_is_server_side_and_waited_for(
    fs: AISFileSystem, bkt: str, bucket_factory: Callable[..., str], raw: httpx.Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    dst = bucket_factory("fsdst")
    payload = {f"{bkt}/data/{i:02d}.bin": os.urandom(1000 + i) for i in range(25)}
    fs.pipe(payload)
    jobs: list[tuple[str, str, str, int]] = []
    through_client: list[str] = []
    server_copy, client_copy = fs._server_copy, fs._client_copy

    def spy_server(sp: Any, dp: Any, prepend: str, items: list[Any]) -> None:
        jobs.append((sp.bucket, dp.bucket, prepend, len(items)))
        server_copy(sp, dp, prepend, items)

    def spy_client(src: str, d: str, size: int) -> None:
        through_client.append(src)
        client_copy(src, d, size)

    monkeypatch.setattr(fs, "_server_copy", spy_server)
    monkeypatch.setattr(fs, "_client_copy", spy_client)
    fs.cp(f"{bkt}/data", f"{dst}/", recursive=True)
    assert jobs == [(bkt, dst, "", 25)] and through_client == []  # one copy-listrange job
    # copy returned once every object showed with its source's size and checksum
    assert _names(raw, dst) == sorted(k.split("/", 1)[1] for k in payload)
    assert fs.cat(f"{dst}/data/07.bin") == payload[f"{bkt}/data/07.bin"]
    jobs.clear()
    fs.cp(f"{bkt}/data/00.bin", f"{bkt}/backup/data/00.bin")  # same bucket, a prefix added
    assert (
        jobs == [(bkt, bkt, "backup/", 1)]
        and fs.cat(f"{bkt}/backup/data/00.bin") == payload[f"{bkt}/data/00.bin"]
    )
    fs.cp(f"{bkt}/data/01.bin", f"{bkt}/renamed.bin")  # not expressible to AIS: through the client
    assert (
        through_client == [f"{bkt}/data/01.bin"]
        and fs.cat(f"{bkt}/renamed.bin") == payload[f"{bkt}/data/01.bin"]
    )
    fs.mv(f"{bkt}/renamed.bin", f"{dst}/moved.bin")
    assert not fs.exists(f"{bkt}/renamed.bin") and fs.cat(f"{dst}/moved.bin") == payload[f"{bkt}/data/01.bin"]
    with pytest.raises(FileNotFoundError):
        fs.cp(f"{bkt}/none", f"{dst}/none")


# -- files ------------------------------------------------------------------------------------------
def test_open_rb_readahead_keeps_the_footer_and_grows_on_scans(fs: AISFileSystem, bkt: str) -> None:
    data = os.urandom(24 * MiB)
    fs.pipe_file(f"{bkt}/big", data)
    with fs.open(f"{bkt}/big", "rb") as f:
        assert f.seekable() and f.size == len(data)
        f.seek(-8, 2)
        assert f.read(8) == data[-8:]  # a Parquet footer: length + magic
        f.seek(-64 * 1024, 2)
        assert f.read(64 * 1024 - 8) == data[-64 * 1024 : -8]
        assert f.cache.fetches == 1  # the tail block holds both
        f.seek(0)
        out = b"".join(iter(lambda: f.read(MiB), b""))
        assert out == data
        # a window growing 5 -> 10 -> 20 MiB, clipped at the kept tail: three GETs (6, 11, 6 MiB)
        assert f.cache.fetches == 4
        f.seek(len(data) - 100)
        assert f.read() == data[-100:] and f.cache.fetches == 4
        f.seek(3 * MiB)
        assert f.read(10) == data[3 * MiB : 3 * MiB + 10]
        assert f.readline() is not None
    small = b"line1\nline2\nline3"
    fs.pipe_file(f"{bkt}/small", small)
    with fs.open(f"{bkt}/small", "rb") as f:
        assert f.readline() == b"line1\n" and list(f) == [b"line2\n", b"line3"]
        assert f.cache.fetches == 1  # a small object: one GET
    with fs.open(f"{bkt}/small", "rb", cache_type="readahead", block_size=4) as f:
        assert f.read() == small  # fsspec's own caches still apply


def test_open_rb_detects_an_overwrite_while_reading(fs: AISFileSystem, bkt: str) -> None:
    fs.pipe_file(f"{bkt}/v", os.urandom(12 * MiB))
    with fs.open(f"{bkt}/v", "rb", block_size=MiB) as f:
        f.read(10)
        fs.pipe_file(f"{bkt}/v", os.urandom(12 * MiB))
        f.seek(6 * MiB)
        with pytest.raises(OSError) as exc:
            f.read(10)
        assert exc.value.errno == errno.ESTALE


def test_open_wb_buffers_and_puts_once_on_close(fs: AISFileSystem, bkt: str, raw: httpx.Client) -> None:
    pieces = [os.urandom(700 * 1024) for _ in range(5)]
    f = fs.open(f"{bkt}/w.bin", "wb", spool_size=MiB, block_size=512 * 1024)
    for piece in pieces:
        f.write(piece)
    assert _names(raw, bkt) == []  # nothing visible before close()
    f.close()
    assert fs.cat(f"{bkt}/w.bin") == b"".join(pieces)
    with fs.open(f"{bkt}/t.txt", "w") as t:
        t.write("text mode\n")
    assert fs.cat(f"{bkt}/t.txt") == b"text mode\n"
    with fs.transaction:
        fs.pipe_file(f"{bkt}/direct", b"d")
        with fs.open(f"{bkt}/tx.bin", "wb") as g:
            g.write(b"in a transaction")
        assert not fs.exists(f"{bkt}/tx.bin")  # sent at commit
    assert fs.cat(f"{bkt}/tx.bin") == b"in a transaction"
    fs.touch(f"{bkt}/empty")
    assert fs.info(f"{bkt}/empty")["size"] == 0 and fs.cat(f"{bkt}/empty") == b""


def test_fsspec_open_with_compression(ais_endpoint: str, bkt: str) -> None:
    text = "".join(f"row {i}\n" for i in range(5000))
    so = {"endpoint": ais_endpoint}
    with fsspec.open(f"ais://{bkt}/t.txt.gz", "wt", compression="infer", **so) as f:
        f.write(text)
    fs = fsspec.filesystem("ais", **so)
    raw_bytes = fs.cat(f"{bkt}/t.txt.gz")
    assert gzip.decompress(raw_bytes).decode() == text and len(raw_bytes) < len(text)
    with fsspec.open(f"ais://{bkt}/t.txt.gz", "rt", compression="gzip", **so) as f:
        assert f.read() == text
    with fsspec.open(f"ais://{bkt}/t.txt.bz2", "wb", compression="bz2", **so) as f:
        f.write(b"bz" * 1000)
    with fsspec.open(f"ais://{bkt}/t.txt.bz2", "rb", compression="infer", **so) as f:
        assert f.read() == b"bz" * 1000


# -- pandas / pyarrow -------------------------------------------------------------------------------
def test_pandas_parquet_and_csv_round_trip(
    ais_endpoint: str, bkt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pd = pytest.importorskip("pandas")  # pinned in requirements-dev.txt: present wherever tests run
    monkeypatch.setenv("AIS_ENDPOINT", ais_endpoint)
    df = pd.DataFrame(
        {"id": range(10_000), "name": [f"n{i}" for i in range(10_000)], "v": [i / 3 for i in range(10_000)]}
    )
    df.to_parquet(f"ais://{bkt}/x.parquet")
    back = pd.read_parquet(f"ais://{bkt}/x.parquet")
    pd.testing.assert_frame_equal(back, df)
    assert pd.read_parquet(f"ais://{bkt}/x.parquet", columns=["v"])["v"].sum() == df["v"].sum()
    df.to_csv(f"ais://{bkt}/x.csv.gz", index=False, storage_options={"endpoint": ais_endpoint})
    pd.testing.assert_frame_equal(pd.read_csv(f"ais://{bkt}/x.csv.gz"), df)


def test_pyarrow_parquet_and_dataset_over_many_files(fs: AISFileSystem, bkt: str) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    ds = pytest.importorskip("pyarrow.dataset")
    table = pa.table({"k": list(range(20_000)), "part": [i % 4 for i in range(20_000)]})
    pq.write_table(table, f"{bkt}/one.parquet", filesystem=fs, row_group_size=5_000)
    assert pq.read_table(f"{bkt}/one.parquet", filesystem=fs).equals(table)
    assert pq.ParquetFile(fs.open(f"{bkt}/one.parquet")).metadata.num_row_groups == 4
    for i in range(12):
        pq.write_table(table.slice(i * 1000, 1000), f"{bkt}/ds/part-{i:02d}.parquet", filesystem=fs)
    dataset = ds.dataset(f"{bkt}/ds", filesystem=fs, format="parquet")
    assert len(dataset.files) == 12
    got = dataset.to_table().sort_by("k")
    assert got.num_rows == 12_000 and got.column("k").to_pylist() == list(range(12_000))
    assert dataset.to_table(filter=ds.field("part") == 1).num_rows == 3_000
    pq.write_to_dataset(table, f"{bkt}/hive", partition_cols=["part"], filesystem=fs)
    assert sorted(fs.ls(f"{bkt}/hive", detail=False)) == [f"{bkt}/hive/part={i}" for i in range(4)]
    hive = ds.dataset(f"{bkt}/hive", filesystem=fs, format="parquet", partitioning="hive")
    assert hive.to_table().num_rows == 20_000


# -- async ----------------------------------------------------------------------------------------
def test_async_filesystem_on_async_client(ais_endpoint: str, bkt: str, raw: httpx.Client) -> None:
    async def main() -> None:
        from aistore_hl.aio import AsyncClient

        async with AsyncClient(ais_endpoint) as ac:
            afs = AISAsyncFileSystem(client=ac, asynchronous=True, skip_instance_cache=True)
            await afs._pipe({f"{bkt}/as/{i}": str(i).encode() * 10 for i in range(8)})
            await afs._pipe_file(f"{bkt}/as/sub/deep", b"deep")
            assert await afs._cat_file(f"{bkt}/as/3", 2, 6) == b"3333"
            assert await afs._cat_file(f"{bkt}/as/3", -3) == b"333"
            assert (await afs._info(f"{bkt}/as/3"))["checksum"] == xxhash.xxh64(b"3" * 10).hexdigest()
            assert await afs._ls(f"{bkt}/as", detail=False) == [f"{bkt}/as/{i}" for i in range(8)] + [
                f"{bkt}/as/sub"
            ]
            assert len(await afs._find(f"{bkt}/as")) == 9 and await afs._isdir(f"{bkt}/as/sub")
            assert await afs._glob(f"{bkt}/as/*/deep") == [f"{bkt}/as/sub/deep"]
            assert await afs._du(f"{bkt}/as") == 8 * 10 + 4
            cat = await afs._cat([f"{bkt}/as/{i}" for i in range(8)])
            assert cat[f"{bkt}/as/5"] == b"5" * 10
            await afs._cp_file(f"{bkt}/as/1", f"{bkt}/copied/as/1")  # server-side (prefix added)
            await afs._cp_file(f"{bkt}/as/2", f"{bkt}/two")  # through the client
            assert await afs._cat_file(f"{bkt}/copied/as/1") == b"1" * 10
            assert await afs._cat_file(f"{bkt}/two") == b"2" * 10
            with pytest.raises(FileNotFoundError):
                await afs._info(f"{bkt}/as/none")
            await afs._rm(f"{bkt}/as", recursive=True)  # a delete-listrange job, waited for
            assert _names(raw, bkt) == ["copied/as/1", "two"]

    asyncio.run(main())


def test_async_filesystem_in_sync_mode(ais_endpoint: str, bkt: str, tmp_path: Path) -> None:
    afs = AISAsyncFileSystem(ais_endpoint, skip_instance_cache=True)  # fsspec runs it on its IO loop
    afs.pipe_file(f"{bkt}/s/a", b"alpha" * 1000)
    assert afs.cat_file(f"{bkt}/s/a", 0, 5) == b"alpha"
    with afs.open(f"{bkt}/s/a", "rb") as f:
        f.seek(5)
        assert f.read(5) == b"alpha"
    with afs.open(f"{bkt}/s/w", "wb") as f:
        f.write(b"written")
    assert afs.cat(f"{bkt}/s/w") == b"written"
    (tmp_path / "l").write_bytes(b"local")
    afs.put_file(str(tmp_path / "l"), f"{bkt}/s/l")
    afs.get_file(f"{bkt}/s/l", str(tmp_path / "back"))
    assert (tmp_path / "back").read_bytes() == b"local"
    afs.rm(f"{bkt}/s", recursive=True)
    assert afs.find(bkt) == []
    afs.close()


@pytest.fixture(autouse=True)
def _no_instance_cache() -> Iterator[None]:
    """fsspec caches filesystems by arguments; a test must not see another test's instance."""
    yield
    AISFileSystem.clear_instance_cache()
    AISAsyncFileSystem.clear_instance_cache()


def test_names_that_share_a_directory_name_prefix(fs: AISFileSystem, bkt: str, raw: httpx.Client) -> None:
    # AIS lists prefix "x/subdir" by walking the directory "x/subdir" on a target that has one,
    # leaving out "x/subdir.txt" stored there: the filesystem lists whole directories ("x/").
    for i in range(12):
        fs.pipe({f"{bkt}/p{i}/subdir.txt": b"t", f"{bkt}/p{i}/subdir/f": b"f"})
        fs.cp(f"{bkt}/p{i}/subdir*", f"{bkt}/c{i}", recursive=True)
        assert sorted(fs.find(f"{bkt}/c{i}")) == sorted([f"{bkt}/c{i}/subdir.txt", f"{bkt}/c{i}/subdir/f"])
        fs.rm([f"{bkt}/p{i}/subdir.txt", f"{bkt}/p{i}/subdir/f"])
    assert all(not n.startswith("p") for n in _names(raw, bkt))
