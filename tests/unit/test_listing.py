"""``aistore_hl.listing``: msgpack pages, entry flags, and the lazy, O(1)-per-entry listers."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import msgspec
import pytest
from hl_mock import Recorder, mock_async_client, mock_client

from aistore_hl.listing import (
    AsyncBucketLister,
    BucketEntry,
    BucketList,
    BucketLister,
    decode_page,
)


def page(names: list[str] | None, token: str = "", uuid: str = "ls-1") -> BucketList:
    entries = None if names is None else [BucketEntry(name=n, size=len(n)) for n in names]
    return BucketList(uuid=uuid, continuation_token=token, entries=entries)  # type: ignore[arg-type]


def packed(names: list[str] | None, token: str = "", uuid: str = "ls-1", **ent: Any) -> bytes:
    entries = None if names is None else [{"n": n, "s": len(n), **ent} for n in names]
    return msgspec.msgpack.encode({"UUID": uuid, "ContinuationToken": token, "Entries": entries, "Flags": 0})


class Pages:
    """A page fetcher serving a fixed sequence and recording its (uuid, token) calls."""

    def __init__(self, *pages: BucketList) -> None:
        self.pages = list(pages)
        self.calls: list[tuple[str, str]] = []

    def __call__(self, uuid: str, token: str) -> BucketList:
        self.calls.append((uuid, token))
        return self.pages[len(self.calls) - 1]


# -- pages and entries ----------------------------------------------------------------------------------
def test_decode_page_fields_and_nil_entries() -> None:
    p = decode_page(packed(["a", "bb"], token="t", cs="abc", f=64, t="t[x]:mp"))
    assert (p.uuid, p.continuation_token) == ("ls-1", "t")
    assert [(e.name, e.size, e.checksum, e.location) for e in p.entries] == [
        ("a", 1, "abc", "t[x]:mp"),
        ("bb", 2, "abc", "t[x]:mp"),
    ]
    assert all(isinstance(e, BucketEntry) for e in p.get_entries())
    nil = decode_page(packed(None))
    assert nil.entries == [] and nil.get_entries() == []
    assert BucketList().entries == []


def test_decoded_entries_are_not_tracked_by_the_cyclic_gc() -> None:
    import gc

    p = decode_page(packed(["a", "bb"], token="t"))
    assert p.entries and not any(gc.is_tracked(e) for e in p.entries)


def test_entry_flags() -> None:
    cached = BucketEntry(name="c", flags=64)
    assert cached.is_cached() and cached.is_ok()
    remote_only = BucketEntry(name="r", flags=0)
    assert not remote_only.is_cached() and remote_only.is_ok()
    misplaced = BucketEntry(name="m", flags=64 | 2)
    assert misplaced.is_cached() and not misplaced.is_ok()
    assert BucketEntry(name="x", location="t[a]:mp").target_url == "t[a]:mp"


# -- the lister -----------------------------------------------------------------------------------------
def test_pages_are_fetched_lazily_with_uuid_and_token() -> None:
    fetch = Pages(
        page(["a", "b"], token="t1"), page(["c"], token="t2", uuid="ls-2"), page(["d"], uuid="ls-2")
    )
    it = BucketLister(fetch)
    assert fetch.calls == [] and it.pages_fetched == 0
    assert next(it).name == "a"
    assert fetch.calls == [("", "")]
    assert next(it).name == "b"
    assert len(fetch.calls) == 1  # the next page only when this one is used up
    assert next(it).name == "c"
    assert fetch.calls == [("", ""), ("ls-1", "t1")]
    assert [e.name for e in it] == ["d"]
    assert fetch.calls[-1] == ("ls-2", "t2") and it.pages_fetched == 3
    assert next(it, None) is None and len(fetch.calls) == 3  # no request after the last page


def test_empty_and_nil_pages_in_the_middle_are_skipped() -> None:
    fetch = Pages(page(None, token="t1"), page([], token="t2"), page(["only"]))
    assert [e.name for e in BucketLister(fetch)] == ["only"]
    assert len(fetch.calls) == 3
    assert list(BucketLister(Pages(page(None)))) == []


class NoShiftList(list):  # type: ignore[type-arg]
    """A page that refuses anything but O(1) indexed reads."""

    def pop(self, *a: Any) -> Any:
        raise AssertionError("pop from a page")

    def __delitem__(self, *a: Any) -> None:
        raise AssertionError("del from a page")

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            raise AssertionError("page sliced")
        return super().__getitem__(i)

    def __iter__(self) -> Any:
        raise AssertionError("page copied by iteration")


def test_iteration_is_indexed_o1_per_entry() -> None:
    n = 200_000
    big = page([])
    big.entries = NoShiftList(BucketEntry(name="x", size=i) for i in range(n))  # type: ignore[assignment]
    it = BucketLister(Pages(big))
    t0 = time.perf_counter()
    total = sum(e.size for e in it)
    elapsed = time.perf_counter() - t0
    assert total == n * (n - 1) // 2
    # indexed: ~0.1 s; popping from the front would be quadratic (minutes at this size)
    assert elapsed < 3.0


def test_async_lister_is_lazy_too() -> None:
    calls: list[tuple[str, str]] = []
    pages = [page(["a"], token="t1"), page(None, token="t2"), page(["b", "c"])]

    async def fetch(uuid: str, token: str) -> BucketList:
        calls.append((uuid, token))
        return pages[len(calls) - 1]

    async def main() -> None:
        it = AsyncBucketLister(fetch)
        assert it.__aiter__() is it and calls == []
        assert (await it.__anext__()).name == "a" and len(calls) == 1
        assert [e.name async for e in it] == ["b", "c"]
        assert calls == [("", ""), ("ls-1", "t1"), ("ls-1", "t2")]
        with pytest.raises(StopAsyncIteration):
            await it.__anext__()

    asyncio.run(main())


# -- through the client ---------------------------------------------------------------------------------
def _serve_pages(*bodies: bytes) -> Recorder:
    queue = list(bodies)
    return Recorder(
        lambda r: httpx.Response(200, content=queue.pop(0), headers={"Content-Type": "application/msgpack"})
    )


def test_bucket_list_objects_iter_over_the_wire() -> None:
    rec = _serve_pages(packed(["a", "b"], token="t1", uuid="L"), packed(["c"], uuid="L"))
    it = mock_client(rec).bucket("b").list_objects_iter(prefix="p", props="name,size", page_size=2)
    assert rec.seen == []  # nothing sent until iterated
    assert [e.name for e in it] == ["a", "b", "c"]
    assert [s.json()["value"] for s in rec.seen] == [
        {"prefix": "p", "props": "name,size", "pagesize": 2},
        {"prefix": "p", "props": "name,size", "pagesize": 2, "uuid": "L", "continuation_token": "t1"},
    ]
    assert all(s.headers["accept"] == "application/msgpack" for s in rec.seen)


def test_list_all_objects_and_list_objects_over_the_wire() -> None:
    rec = _serve_pages(packed(["x"], token="t", uuid="L"), packed(None, uuid="L"), packed(["solo"], uuid="M"))
    b = mock_client(rec).bucket("b")
    assert [e.name for e in b.list_all_objects()] == ["x"]
    one = b.list_objects(uuid="U", continuation_token="T")
    assert [e.name for e in one.entries] == ["solo"]
    assert rec.seen[-1].json()["value"] == {"uuid": "U", "continuation_token": "T"}


def test_iterating_an_ais_bucket_asks_for_big_pages_only_when_page_size_is_zero() -> None:
    from aistore_hl.const import ITER_PAGE_SIZE_AIS
    from aistore_hl.types import Namespace

    def first_value(make: Any) -> dict[str, Any]:
        rec = _serve_pages(packed(["a"], uuid="L"))
        make(mock_client(rec))
        return dict(rec.seen[0].json()["value"])

    assert ITER_PAGE_SIZE_AIS == 40_000
    assert first_value(lambda c: list(c.bucket("b").list_objects_iter())) == {"pagesize": ITER_PAGE_SIZE_AIS}
    assert first_value(lambda c: c.bucket("b").list_all_objects()) == {"pagesize": ITER_PAGE_SIZE_AIS}
    assert first_value(lambda c: list(c.bucket("b").list_objects_iter(page_size=7))) == {"pagesize": 7}
    # one page on request keeps the seed-era server default; cloud and remote-AIS backends clamp
    assert first_value(lambda c: c.bucket("b").list_objects()) == {}
    assert first_value(lambda c: c.bucket("b", "aws").list_all_objects()) == {}
    remote = Namespace(uuid="remAIS", name="")
    assert first_value(lambda c: c.bucket("b", ns=remote).list_all_objects()) == {}

    rec = _serve_pages(packed(["a"], uuid="L"))

    async def main() -> None:
        c = mock_async_client(rec)
        try:
            assert [e.name async for e in c.bucket("b").list_objects_iter()] == ["a"]
        finally:
            await c.close()

    asyncio.run(main())
    assert rec.seen[0].json()["value"] == {"pagesize": ITER_PAGE_SIZE_AIS}


def test_async_bucket_list_over_the_wire() -> None:
    rec = _serve_pages(packed(["a"], token="t1", uuid="L"), packed(["b"], uuid="L"))

    async def main() -> list[str]:
        c = mock_async_client(rec)
        try:
            return [e.name async for e in c.bucket("b").list_objects_iter(page_size=1)]
        finally:
            await c.close()

    assert asyncio.run(main()) == ["a", "b"]
    assert rec.seen[1].json()["value"] == {"pagesize": 1, "uuid": "L", "continuation_token": "t1"}


def test_bad_listing_arguments_are_refused_before_iteration() -> None:
    rec = _serve_pages()
    b = mock_client(rec).bucket("b")
    # (None is the seed's "default": page_size=None / prefix=None are accepted, see test_seed_audit.)
    for kwargs in ({"page_size": -1}, {"page_size": True}, {"page_size": "10"}, {"prefix": 5}, {"props": 5}):
        with pytest.raises(ValueError):
            b.list_objects_iter(**kwargs)  # type: ignore[arg-type]
    assert rec.seen == []


def test_bench_lists_at_ours_page_size() -> None:
    # the bench driver does not import aistore_hl (it times its import), so it carries a copy
    from aistore_hl.const import ITER_PAGE_SIZE_AIS
    from bench import run
    from bench.cases.base import Params

    assert run.ITER_PAGE_SIZE == ITER_PAGE_SIZE_AIS
    assert Params.__dataclass_fields__["list_page_size"].default == ITER_PAGE_SIZE_AIS
