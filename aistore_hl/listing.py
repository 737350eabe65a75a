"""List-objects results: ``BucketEntry``, ``BucketList`` and the lazy ``BucketLister`` iterators.

Pages arrive as msgpack (``Accept: application/msgpack``) and are decoded in one pass by msgspec
straight into these classes, which extend the generated ``aistore_ll.fast_models`` Structs: no
intermediate dicts, sizes already ints. Iterating walks each page by index (O(1) per entry) and
asks for the next page only when the current one is used up.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

import msgspec
from aistore_ll.fast_models import LsoEntMsgpack, LsoResMsgpack

# Entry flag bits (api/apc/lsmsg.go, AIS 5.0): the low 5 bits are the status; 64 = cached.
ENTRY_STATUS_MASK = (1 << 5) - 1
ENTRY_STATUS_OK = 0
ENTRY_CACHED = 1 << 6
ENTRY_IN_ARCHIVE = 1 << 7
ENTRY_IS_DIR = 1 << 8


# gc=False: entries hold only str and int fields, so they cannot be part of a reference cycle;
# untracked, a million listed entries cost the cyclic GC nothing (decoding a 40,000-entry page:
# 12.5 -> 9.8 ms, and no full collections walking every entry a program keeps).
class BucketEntry(LsoEntMsgpack, frozen=False, gc=False):
    """One object in a listing.

    Fields (only those requested with ``props`` are filled): ``name``, ``size`` (int), ``checksum``,
    ``atime``, ``version``, ``location`` (``t[<target-id>]:<mountpath>``), ``custom``, ``copies``,
    ``flags``.
    """

    @property
    def target_url(self) -> str:
        """Seed-era field; the server never sent a URL. Today's nearest fact is ``location``."""
        return self.location

    def is_cached(self) -> bool:
        """Whether the object is present in the cluster (for remote buckets: cached in AIS).

        Seed-era servers used flag bit 6 of the old numbering; AIS 5.0 sets bit 64 (``cached``).
        """
        return bool(self.flags & ENTRY_CACHED)

    def is_ok(self) -> bool:
        """Whether the entry's status is OK (not misplaced, not a copy awaiting its main replica)."""
        return (self.flags & ENTRY_STATUS_MASK) == ENTRY_STATUS_OK


class BucketList(LsoResMsgpack, frozen=False):
    """One page of a listing: ``uuid`` (listing session id), ``entries`` (never None),
    ``continuation_token`` (empty on the last page) and ``flags``."""

    entries: list[BucketEntry] | None = msgspec.field(name="Entries", default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.entries is None:
            self.entries = []

    def get_entries(self) -> list[BucketEntry]:
        """The entries of this page."""
        return self.entries or []


_decoder = msgspec.msgpack.Decoder(BucketList)


def decode_page(data: bytes) -> BucketList:
    """Decode one msgpack list-objects page."""
    return _decoder.decode(data)


PageFetcher = Callable[[str, str], BucketList]
"""Called with (uuid, continuation_token) to get the next page."""


class BucketLister(Iterator[BucketEntry]):
    """Iterator over all objects of a bucket, fetching pages lazily with uuid + continuation token."""

    def __init__(self, fetch: PageFetcher) -> None:
        self._fetch = fetch
        self._entries: list[BucketEntry] = []
        self._pos = 0
        self._uuid = ""
        self._token = ""
        self._done = False
        self.pages_fetched = 0

    def __iter__(self) -> BucketLister:
        return self

    def __next__(self) -> BucketEntry:
        while self._pos >= len(self._entries):
            if self._done:
                raise StopIteration
            page = self._fetch(self._uuid, self._token)
            self.pages_fetched += 1
            self._uuid, self._token = page.uuid, page.continuation_token
            self._entries, self._pos = page.get_entries(), 0
            self._done = not self._token
        entry = self._entries[self._pos]
        self._pos += 1
        return entry


AsyncPageFetcher = Callable[[str, str], Awaitable[BucketList]]


class AsyncBucketLister(AsyncIterator[BucketEntry]):
    """Async twin of ``BucketLister`` (``async for entry in bucket.list_objects_iter()``)."""

    def __init__(self, fetch: AsyncPageFetcher) -> None:
        self._fetch = fetch
        self._entries: list[BucketEntry] = []
        self._pos = 0
        self._uuid = ""
        self._token = ""
        self._done = False
        self.pages_fetched = 0

    def __aiter__(self) -> AsyncBucketLister:
        return self

    async def __anext__(self) -> BucketEntry:
        while self._pos >= len(self._entries):
            if self._done:
                raise StopAsyncIteration
            page = await self._fetch(self._uuid, self._token)
            self.pages_fetched += 1
            self._uuid, self._token = page.uuid, page.continuation_token
            self._entries, self._pos = page.get_entries(), 0
            self._done = not self._token
        entry = self._entries[self._pos]
        self._pos += 1
        return entry
