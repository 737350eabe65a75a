"""``aisreadahead`` (``AISReadaheadCache``): what it fetches for the access patterns of Parquet readers.

The fetcher here is a slice of an in-memory bytes object that records each range asked: the
cache's logic is pure (which ranges to ask for, what to keep); its use against the cluster is
tested in tests/integration/test_fs.py.
"""

from __future__ import annotations

import os

import fsspec.caching

from aistore_hl.fs._cache import AISReadaheadCache

KiB, MiB = 1 << 10, 1 << 20


class _Recorder:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.calls: list[tuple[int, int]] = []

    def __call__(self, start: int, end: int) -> bytes:
        self.calls.append((start, end))
        return self.data[start:end]


def _cache(size: int, **kw: int) -> tuple[AISReadaheadCache, _Recorder, bytes]:
    data = os.urandom(size)
    rec = _Recorder(data)
    return AISReadaheadCache(kw.pop("blocksize", 5 * MiB), rec, size, **kw), rec, data


def test_registered_as_an_fsspec_cache() -> None:
    assert fsspec.caching.caches["aisreadahead"] is AISReadaheadCache


def test_small_file_is_one_get() -> None:
    c, rec, data = _cache(100 * KiB)
    assert c._fetch(90 * KiB, None) == data[90 * KiB :]
    assert c._fetch(0, 10) == data[:10] and c._fetch(50, 60) == data[50:60]
    assert rec.calls == [(0, 100 * KiB)]


def test_footer_reads_share_one_tail_fetch_and_survive_data_reads() -> None:
    size = 40 * MiB
    c, rec, data = _cache(size)
    assert c._fetch(size - 8, size) == data[-8:]
    assert c._fetch(size - 64 * KiB, size - 8) == data[-64 * KiB : -8]
    assert rec.calls == [(size - MiB, size)]
    assert c._fetch(4, 4 + MiB) == data[4 : 4 + MiB]  # a column chunk
    assert c._fetch(size - 300 * KiB, size - 200 * KiB) == data[-300 * KiB : -200 * KiB]  # footer again
    assert len(rec.calls) == 2 and c.fetches == 2


def test_sequential_window_grows_and_a_jump_resets_it() -> None:
    size = 200 * MiB
    c, rec, data = _cache(size, tail_size=0)
    pos = 0
    while pos < 60 * MiB:
        assert c._fetch(pos, pos + MiB) == data[pos : pos + MiB]
        pos += MiB
    sizes = [e - s for s, e in rec.calls]
    assert sizes == [6 * MiB, 11 * MiB, 21 * MiB, 41 * MiB]  # 5, 10, 20, 40 MiB of readahead
    rec.calls.clear()
    assert c._fetch(150 * MiB, 150 * MiB + 10) == data[150 * MiB : 150 * MiB + 10]
    assert rec.calls == [(150 * MiB, 150 * MiB + 10 + 5 * MiB)]  # back to blocksize


def test_reads_that_skip_bytes_do_not_grow_the_window() -> None:
    size = 200 * MiB
    c, rec, data = _cache(size, tail_size=0)
    for i in range(6):  # one column of a column selection: 2 MiB chunks, 6 MiB apart
        pos = i * 8 * MiB
        assert c._fetch(pos, pos + 2 * MiB) == data[pos : pos + 2 * MiB]
    assert all(e - s <= 7 * MiB for s, e in rec.calls)  # never past blocksize of readahead


def test_window_is_capped_and_reads_never_refetch_the_tail() -> None:
    size = 30 * MiB
    c, rec, data = _cache(size, blocksize=MiB, max_blocksize=2 * MiB)
    c._fetch(size - 10, size)
    out = b"".join(c._fetch(p, p + 512 * KiB) for p in range(0, size, 512 * KiB))
    assert out == data
    assert max(e - s for s, e in rec.calls) <= 2 * MiB + 512 * KiB
    assert all(e <= size - MiB for s, e in rec.calls[1:])  # the kept tail block is not asked again


def test_out_of_range_and_empty_reads() -> None:
    c, rec, _ = _cache(10 * MiB)
    assert c._fetch(10 * MiB, None) == b"" and c._fetch(5, 5) == b"" and rec.calls == []
