"""``aisreadahead``: the read cache of ``AISFile``, shaped for columnar formats (Parquet, ORC, Arrow).

A Parquet reader jumps: first the footer (the last bytes of the file, often read twice: the
8-byte length, then the metadata), then the column chunks of each row group, forward, and back
to the footer for the next file section. fsspec's ``readahead`` cache keeps one block only, so
every jump between the footer and the data throws away what was read and costs another GET.
This cache keeps three things apart:

* a whole small file: an object no larger than the block size is read in one GET on first use;
* a *tail* block: the first read that touches the last ``tail_size`` bytes fetches everything
  from there to the end, once, and keeps it for the life of the file (footers, indexes);
* a *readahead* block for the rest, as fsspec's ``readahead``, but whose window grows (doubles,
  up to ``max_blocksize``) while reads stay sequential and falls back to ``blocksize`` on a
  jump: scanning a row group after another asks for fewer, larger ranges, and a random access
  does not read 64 MiB it will not use.
"""

from __future__ import annotations

from collections.abc import Callable

from fsspec.caching import BaseCache, register_cache

#: Bytes kept as the tail block: Parquet's footer is read in at most this much by pyarrow
#: (64 KiB first), with room for large metadata.
DEFAULT_TAIL_SIZE = 1 << 20
#: Largest readahead window a sequential scan grows to.
DEFAULT_MAX_BLOCKSIZE = 64 << 20


class AISReadaheadCache(BaseCache):  # type: ignore[misc]  # fsspec is untyped
    """A readahead cache with a kept tail block and a window that grows on sequential reads.

    Args:
        blocksize: The first (and after a jump, the) readahead window, in bytes.
        fetcher: ``fetcher(start, end)`` returns the bytes ``[start, end)`` (one ranged GET).
        size: The file's size.
        tail_size: Bytes at the end of the file fetched together and kept.
        max_blocksize: Upper bound of the growing window.
    """

    name = "aisreadahead"

    def __init__(
        self,
        blocksize: int,
        fetcher: Callable[[int, int], bytes],
        size: int,
        tail_size: int = DEFAULT_TAIL_SIZE,
        max_blocksize: int = DEFAULT_MAX_BLOCKSIZE,
    ) -> None:
        super().__init__(blocksize, fetcher, size)
        self.tail_size = max(0, tail_size)
        self.max_blocksize = max(blocksize, max_blocksize)
        self.window = blocksize
        self.block = b""
        self.block_start = 0
        self.tail = b""
        self.tail_start = size  # nothing kept yet
        self.fetches = 0  # ranged GETs sent: what the tests and the bench count
        self.last_end = -1  # where the reader's previous read ended

    def _get(self, start: int, end: int) -> bytes:
        self.fetches += 1
        self.total_requested_bytes += end - start
        data: bytes = self.fetcher(start, end)
        if len(data) != end - start:
            raise OSError(f"short read: asked bytes {start}-{end - 1}, got {len(data)} bytes")
        return data

    def _from_tail(self, start: int, end: int) -> bytes | None:
        if self.tail and start >= self.tail_start:
            return self.tail[start - self.tail_start : end - self.tail_start]
        return None

    def _from_block(self, start: int, end: int) -> bytes | None:
        block_end = self.block_start + len(self.block)
        if self.block and self.block_start <= start and end <= block_end:
            return self.block[start - self.block_start : end - self.block_start]
        return None

    def _fetch(self, start: int | None, stop: int | None) -> bytes:
        start = 0 if start is None else start
        end = self.size if stop is None else min(stop, self.size)
        if start >= self.size or start >= end:
            return b""
        try:
            return self._serve(start, end)
        finally:
            self.last_end = end

    def _serve(self, start: int, end: int) -> bytes:
        if self.size <= self.blocksize and not self.block:
            self.miss_count += 1
            self.block, self.block_start = self._get(0, self.size), 0
        hit = self._from_tail(start, end)
        if hit is None:
            hit = self._from_block(start, end)
        if hit is not None:
            self.hit_count += 1
            return hit
        self.miss_count += 1
        tail_from = self.size - self.tail_size
        if end > tail_from and start >= self.size - self.tail_size - self.blocksize:
            # A read reaching into the tail: fetch from here to the end, once, and keep it.
            self.tail_start = min(start, max(0, tail_from))
            self.tail = self._get(self.tail_start, self.size)
            return self.tail[start - self.tail_start : end - self.tail_start]
        return self._read_ahead(start, end)

    def _read_ahead(self, start: int, end: int) -> bytes:
        block_end = self.block_start + len(self.block)
        part = b""
        if self.block and self.block_start <= start < block_end:
            part = self.block[start - self.block_start :]  # the rest of the block, then onwards
            fetch_from = block_end
        else:
            fetch_from = start
        # A scan is a read that starts where the reader's previous read ended; one that skips
        # bytes (the next chunk of a column selection) starts over at blocksize.
        sequential = bool(self.block) and start == self.last_end
        self.window = min(self.window * 2, self.max_blocksize) if sequential else self.blocksize
        fetch_to = min(self.size, end + self.window)
        if self.tail and fetch_to > self.tail_start >= end:
            fetch_to = self.tail_start  # never fetch what the tail block holds
        self.block = self._get(fetch_from, fetch_to)
        self.block_start = fetch_from
        need = end - start - len(part)
        return part + self.block[:need]


register_cache(AISReadaheadCache, clobber=True)
