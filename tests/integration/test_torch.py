"""aistore_hl.torch with real torch on the real cluster: DataLoader workers, fork/spawn, shards."""

from __future__ import annotations

import io
import os
import tarfile
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import torch  # installed by `make venv` (requirements-torch.txt): a missing torch fails, never skips
from torch.utils.data import DataLoader

from aistore_hl import Bucket, Client
from aistore_hl.torch import (
    AISBatchIterDataset,
    AISDataset,
    AISFileLister,
    AISFileLoader,
    AISIterDataset,
    AISMapDataset,
    AISShardReader,
)

N = 23  # uneven across 2 workers x 3 ranks


def _body(i: int) -> bytes:
    return f"sample-{i:03d}".encode() * (i + 1)


@pytest.fixture(scope="module")
def data(ais_endpoint: str, module_bucket_factory: Any) -> Iterator[Bucket]:
    with Client(ais_endpoint) as c:
        b = c.bucket(module_bucket_factory("torch"))
        with ThreadPoolExecutor(8) as ex:
            list(ex.map(lambda i: b.object(f"train/{i:03d}.bin").put(content=_body(i)), range(N)))
        b.object("other/x.bin").put(content=b"not in train/")
        yield b


def _want() -> dict[str, bytes]:
    return {f"train/{i:03d}.bin": _body(i) for i in range(N)}


def test_seed_era_aisdataset_results(ais_endpoint: str, data: Bucket) -> None:
    ds = AISDataset(ais_endpoint, f"ais://{data.name}/train/")
    assert len(ds) == N
    assert ds[0] == ("train/000.bin", _body(0))  # the seed's (object_name, bytes)
    assert dict(ds[i] for i in range(len(ds))) == _want()
    two = AISDataset(ais_endpoint, [f"ais://{data.name}/train/00", f"ais://{data.name}/other"])
    assert len(two) == 11
    assert [two[0], two[10]] == [("train/000.bin", _body(0)), ("other/x.bin", b"not in train/")]
    it = AISIterDataset(ais_endpoint, f"ais://{data.name}/train/")  # the seed era's iterable twin
    assert list(it) == sorted(_want().items())


@pytest.mark.parametrize(("workers", "ctx"), [(0, None), (2, "fork"), (2, "spawn")])
def test_dataloader_iterable_workers(data: Bucket, ctx: str | None, workers: int) -> None:
    ds = AISIterDataset(data, prefix_map={data: "train/"}, batch_size=4)
    got = list(DataLoader(ds, batch_size=None, num_workers=workers, multiprocessing_context=ctx))
    assert Counter(n for n, _ in got) == Counter(list(_want()))  # every sample exactly once
    assert dict(got) == _want()


def test_dataloader_map_batches_and_persistent_workers(data: Bucket) -> None:
    ds = AISMapDataset(data.objects(obj_names=sorted(_want())), transform=len)
    dl = DataLoader(
        ds,
        batch_size=5,
        num_workers=2,
        persistent_workers=True,
        multiprocessing_context="spawn",
        shuffle=True,
    )
    for _epoch in range(2):  # the same workers (and their clients) serve both epochs
        names: list[str] = []
        sizes: list[int] = []
        for batch_names, batch_sizes in dl:
            names += batch_names
            sizes += batch_sizes.tolist()
        assert sorted(zip(names, sizes, strict=True)) == sorted((n, len(b)) for n, b in _want().items())


def test_batch_iter_dataset_official_signature(data: Bucket, client: Client) -> None:
    ds = AISBatchIterDataset(data, client, prefix_map={data: "train/"}, max_batch_size=7)
    got = list(DataLoader(ds, batch_size=None, num_workers=2, multiprocessing_context="fork"))
    assert dict(got) == _want() and len(got) == N


class _Ranked(torch.utils.data.IterableDataset):  # type: ignore[misc]
    """Records which (rank, worker) read each sample."""

    def __init__(self, ds: AISIterDataset, rank: int) -> None:
        self.ds, self.rank = ds, rank

    def __iter__(self) -> Iterator[tuple[int, int, str]]:
        os.environ["RANK"], os.environ["WORLD_SIZE"] = str(self.rank), "3"
        wid = torch.utils.data.get_worker_info().id
        for name, _ in self.ds:
            yield self.rank, wid, name


def test_split_across_ranks_and_workers_uneven(data: Bucket) -> None:
    ds = AISIterDataset(data, prefix_map={data: "train/"}, batch_size=3)
    per: Counter[tuple[int, int]] = Counter()
    names: Counter[str] = Counter()
    for rank in range(3):
        for r, w, name in DataLoader(_Ranked(ds, rank), batch_size=None, num_workers=2):
            per[(int(r), int(w))] += 1
            names[name] += 1
    # 23 samples over 3 ranks x 2 workers = 6 parts: 4,4,4,4,4,3
    assert dict(per) == {(0, 0): 4, (0, 1): 4, (1, 0): 4, (1, 1): 4, (2, 0): 4, (2, 1): 3}
    assert names == Counter(list(_want()))


def _shard(index: int, per: int) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as t:
        for j in range(per):
            key = f"s{index:02d}/{j:03d}"
            for ext, data in (("jpg", bytes([j]) * (100 + j)), ("cls", str(j).encode())):
                info = tarfile.TarInfo(f"{key}.{ext}")
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


@pytest.fixture(scope="module")
def shards(data: Bucket) -> Bucket:
    for i in range(5):
        data.object(f"shards/shard-{i:04d}.tar").put(content=_shard(i, 6))
    return data


@pytest.mark.parametrize("how", ["listing", "template"])
def test_shard_reader(shards: Bucket, how: str) -> None:
    if how == "listing":
        reader = AISShardReader(shards, prefix_map={shards: "shards/"})
    else:
        reader = AISShardReader(shards.objects(obj_template="shards/shard-{0000..0004}.tar"))
    assert reader.get_shard_names() == [f"shards/shard-{i:04d}.tar" for i in range(5)]
    got = list(DataLoader(reader, batch_size=None, num_workers=2))
    assert len(got) == 30
    assert sorted(k for k, _ in got) == sorted(f"s{i:02d}/{j:03d}" for i in range(5) for j in range(6))
    for key, sample in got:
        j = int(key[-3:])
        assert sample == {"jpg": bytes([j]) * (100 + j), "cls": str(j).encode()}


def test_seed_era_datapipes(ais_endpoint: str, data: Bucket) -> None:
    from torch.utils.data.datapipes.iter import IterableWrapper

    urls = AISFileLister(IterableWrapper([f"ais://{data.name}/train/00"]), url=ais_endpoint)
    got = {u: s.read() for u, s in AISFileLoader(urls, url=ais_endpoint)}
    assert got == {f"ais://{data.name}/train/{i:03d}.bin": _body(i) for i in range(10)}


@pytest.mark.parametrize("source", ["bucket", "group"])
@pytest.mark.parametrize("oversized", [False, True])
def test_dynamic_batch_sampler(data: Bucket, source: str, oversized: bool) -> None:
    from aistore_hl.torch import DynamicBatchSampler

    src = data.objects(obj_names=sorted(_want())) if source == "group" else data
    ds = AISMapDataset(src, prefix_map={data: "train/"})
    budget = 200  # bytes; sample i has 10 * (i + 1): samples 20, 21, 22 are larger
    sampler = DynamicBatchSampler(ds, budget, allow_oversized_samples=oversized)
    batches = list(DataLoader(ds, batch_sampler=sampler, num_workers=2, collate_fn=list))
    assert len(batches) == len(sampler)
    sizes = [[len(b) for _, b in batch] for batch in batches]
    assert all(sum(s) <= budget or len(s) == 1 for s in sizes)
    seen = [name for batch in batches for name, _ in batch]
    big = {f"train/{i:03d}.bin" for i in (20, 21, 22)}
    assert sorted(seen) == sorted(set(_want()) - (set() if oversized else big))
    for batch in batches:
        assert all(_want()[n] == b for n, b in batch)
