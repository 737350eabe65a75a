"""List-objects results: ``BucketEntry``, ``BucketList`` and the lazy ``BucketLister`` iterators.

Pages arrive as msgpack (``Accept: application/msgpack``) and are decoded in one pass by msgspec
straight into these classes, which extend the generated ``aistore_ll.fast_models`` Structs: no
intermediate dicts, sizes already ints. Iterating walks each page by index (O(1) per entry) and
asks for the next page only when the current one is used up.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from enum import Enum
from typing import Any, ClassVar

import msgspec
from aistore_ll.fast_models import LsoEntMsgpack, LsoResMsgpack

from aistore_hl.types import model_dict, model_json

# Entry flag bits (api/apc/lsmsg.go, AIS 5.0): the low 5 bits are the status; 64 = cached.
ENTRY_STATUS_MASK = (1 << 5) - 1
ENTRY_STATUS_OK = 0
ENTRY_CACHED = 1 << 6
ENTRY_IN_ARCHIVE = 1 << 7
ENTRY_IS_DIR = 1 << 8


class _StructModel:
    """pydantic v1 ``dict()`` / ``json()`` / ``copy()`` for the msgspec listing types.

    The seed's ``BucketEntry`` and ``BucketList`` were pydantic v1 models; seed-era code calls
    these methods on them. Keys are the seed's fields (``_seed_fields``), nested entries as dicts.
    """

    __slots__ = ()
    _seed_fields: ClassVar[tuple[str, ...]] = ()

    def _default_of(self, name: str) -> Any:
        for f in msgspec.structs.fields(self):  # type: ignore[arg-type]
            if f.name == name:
                if f.default is not msgspec.NODEFAULT:
                    return f.default
                if f.default_factory is not msgspec.NODEFAULT:
                    return f.default_factory()
        return None if name != "target_url" else ""

    def dict(
        self,
        *,
        include: Any = None,
        exclude: Any = None,
        by_alias: bool = False,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> builtins.dict[str, Any]:
        """Generate a dictionary representation of the model (pydantic v1 ``BaseModel.dict``).

        Args:
            include: Field names to include (may name fields added for today's server).
            exclude: Field names to leave out.
            by_alias: Accepted for compatibility; the seed's types had no aliases.
            exclude_unset: Treated as ``exclude_defaults``.
            exclude_defaults: Leave out fields equal to their default.
            exclude_none: Leave out fields that are None.

        Returns:
            The seed's fields (entries as dicts).
        """
        all_fields = (*(f.name for f in msgspec.structs.fields(self)), "target_url")  # type: ignore[arg-type]
        return model_dict(
            self,
            self._seed_fields,
            all_fields,
            self._default_of,
            include=include,
            exclude=exclude,
            exclude_defaults=exclude_defaults or exclude_unset,
            exclude_none=exclude_none,
        )

    def json(
        self,
        *,
        include: Any = None,
        exclude: Any = None,
        by_alias: bool = False,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        encoder: Callable[[Any], Any] | None = None,
        **dumps_kwargs: Any,
    ) -> str:
        """Generate a JSON representation of the model (pydantic v1 ``BaseModel.json``).

        Args:
            include: See ``dict``.
            exclude: See ``dict``.
            by_alias: See ``dict``.
            exclude_unset: See ``dict``.
            exclude_defaults: See ``dict``.
            exclude_none: See ``dict``.
            encoder: ``default=`` function for values JSON cannot encode.
            **dumps_kwargs: Passed to ``json.dumps`` (e.g. ``indent=2``).

        Returns:
            A JSON string.
        """
        data = self.dict(
            include=include,
            exclude=exclude,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
        )
        return model_json(data, encoder, **dumps_kwargs)

    def copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Any:
        """Duplicate the model, with ``update`` applied (pydantic v1 ``BaseModel.copy``).

        Args:
            update: Field values to change in the copy.
            deep: Also copy the entries of a ``BucketList`` (not shared with the original).

        Returns:
            The new instance.
        """
        new = msgspec.structs.replace(self, **builtins.dict(update or {}))  # type: ignore[type-var]
        if deep and isinstance(new, BucketList) and new.entries is not None:
            new.entries = [msgspec.structs.replace(e) for e in new.entries]
        return new


# gc=False: entries hold only str and int fields, so they cannot be part of a reference cycle;
# untracked, a million listed entries cost the cyclic GC nothing (decoding a 40,000-entry page:
# 12.5 -> 9.8 ms, and no full collections walking every entry a program keeps).
class BucketEntry(_StructModel, LsoEntMsgpack, frozen=False, gc=False):
    """One object in a listing.

    Fields (only those requested with ``props`` are filled): ``name``, ``size`` (int), ``checksum``,
    ``atime``, ``version``, ``location`` (``t[<target-id>]:<mountpath>``), ``custom``, ``copies``,
    ``flags``. ``dict()`` / ``json()`` give the seed's fields: ``name``, ``size``, ``checksum``,
    ``atime``, ``version``, ``target_url``, ``copies``, ``flags``.
    """

    _seed_fields: ClassVar[tuple[str, ...]] = (
        "name",
        "size",
        "checksum",
        "atime",
        "version",
        "target_url",
        "copies",
        "flags",
    )

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


class BucketList(_StructModel, LsoResMsgpack, frozen=False):
    """One page of a listing: ``uuid`` (listing session id), ``entries`` (never None),
    ``continuation_token`` (empty on the last page) and ``flags``."""

    _seed_fields: ClassVar[tuple[str, ...]] = ("uuid", "entries", "continuation_token", "flags")

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


class ListObjectFlag(Enum):
    """Listing flags by bit position, as the official SDK 2.0's ``ListObjectFlag`` (``apc.Ls*``).

    ``list_objects(flags=[ListObjectFlag.CACHED, ...])`` ORs ``1 << value`` of each into
    ``LsoMsg.flags``; a plain int there is taken as a bit mask (``1``: cached, ``8``: arch-dir).
    """

    CACHED = 0
    MISSING = 1
    DELETED = 2
    ARCH_DIR = 3
    NAME_ONLY = 4
    NAME_SIZE = 5
    BCK_PRESENT = 6
    DONT_HEAD_REMOTE = 7
    DONT_ADD_REMOTE = 8
    NOT_CACHED = 9
    ONLY_REMOTE_PROPS = 10
    NO_RECURSION = 11
    DIFF = 12
    NO_DIRS = 13
    IS_S3 = 14
    NBI = 15

    @staticmethod
    def join_flags(flags: builtins.list[ListObjectFlag]) -> int:
        """The bit mask of ``flags`` (e.g. ``[NOT_CACHED, NAME_ONLY]`` -> ``528``)."""
        res = 0
        for flag in flags:
            res |= 1 << flag.value
        return res
