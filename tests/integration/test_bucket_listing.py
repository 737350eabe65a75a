"""Seed ``Bucket.list_objects`` / ``list_objects_iter`` / ``list_all_objects`` on the real cluster."""

from __future__ import annotations

import httpx
import pytest

from aistore_hl import Bucket, BucketEntry, BucketList, BucketLister, Client
from aistore_hl.errors import ErrBckNotFound, InvalidArgument

NAMES = [f"a/{i:02d}" for i in range(9)] + ["b/only", "c"]


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket`` is built on this)."""
    return any_client


@pytest.fixture
def filled(bucket: Bucket) -> Bucket:
    for i, n in enumerate(NAMES):
        bucket.object(n).put(content=bytes([i]) * (10 + i))
    return bucket


def test_list_objects_pages_with_uuid_and_continuation_token(filled: Bucket) -> None:
    page1 = filled.list_objects(page_size=4)
    assert isinstance(page1, BucketList)
    assert [e.name for e in page1.entries] == NAMES[:4]
    assert page1.continuation_token and page1.uuid

    page2 = filled.list_objects(page_size=4, uuid=page1.uuid, continuation_token=page1.continuation_token)
    assert [e.name for e in page2.get_entries()] == NAMES[4:8]
    page3 = filled.list_objects(page_size=4, uuid=page2.uuid, continuation_token=page2.continuation_token)
    assert [e.name for e in page3.entries] == NAMES[8:]
    assert page3.continuation_token == ""  # the final page

    whole = filled.list_objects()  # page_size 0: the backend maximum, all 11 here
    assert [e.name for e in whole.entries] == NAMES and whole.continuation_token == ""


def test_list_objects_prefix_and_props(filled: Bucket, raw: httpx.Client) -> None:
    page = filled.list_objects(prefix="a/0", props="name,size,checksum,version,atime,location,cached")
    assert [e.name for e in page.entries] == NAMES[:9]
    e = page.entries[3]
    assert isinstance(e, BucketEntry)
    assert e.size == 13 and isinstance(e.size, int)
    assert e.version == "1"
    assert e.is_cached() and e.is_ok()
    assert e.location.startswith("t[") and e.target_url == e.location
    assert e.atime  # requested, so filled
    head = filled.object(e.name).head()
    assert e.checksum == head.checksum_value
    # default props: name and size only
    plain = filled.list_objects(prefix="b/").entries
    assert [(x.name, x.size, x.checksum) for x in plain] == [("b/only", 19, "")]


def test_list_objects_of_an_empty_bucket_has_no_entries(bucket: Bucket) -> None:
    page = bucket.list_objects()
    assert page.entries == [] and page.get_entries() == [] and page.continuation_token == ""
    assert bucket.list_all_objects() == []
    assert list(bucket.list_objects_iter()) == []


def test_list_objects_errors(bucket: Bucket) -> None:
    with pytest.raises(InvalidArgument):
        bucket.list_objects(page_size=-1)  # refused before sending
    bucket.delete()
    with pytest.raises(ErrBckNotFound):
        bucket.list_objects()


def test_list_objects_iter_is_lazy_and_complete(filled: Bucket) -> None:
    it = filled.list_objects_iter(page_size=3)
    assert isinstance(it, BucketLister) and iter(it) is it
    assert it.pages_fetched == 0
    seen = []
    for entry in it:
        seen.append(entry.name)
        # a page is asked for only when the previous one is used up
        assert it.pages_fetched == (len(seen) - 1) // 3 + 1
    assert seen == NAMES
    assert it.pages_fetched == 4  # 3 + 3 + 3 + 2
    assert next(it, None) is None  # exhausted for good, no more requests
    assert it.pages_fetched == 4


def test_list_objects_iter_prefix_and_props(filled: Bucket) -> None:
    entries = list(filled.list_objects_iter(prefix="a/", props="name,size,checksum", page_size=5))
    assert [e.name for e in entries] == NAMES[:9]
    assert [e.size for e in entries] == [10 + i for i in range(9)]
    assert all(e.checksum for e in entries)
    with pytest.raises(InvalidArgument):
        filled.list_objects_iter(props=["name"])  # type: ignore[arg-type]  # refused at once


def test_list_all_objects(filled: Bucket) -> None:
    all_entries = filled.list_all_objects()
    assert isinstance(all_entries, list) and all(isinstance(e, BucketEntry) for e in all_entries)
    assert [e.name for e in all_entries] == NAMES
    assert [e.name for e in filled.list_all_objects(prefix="b/")] == ["b/only"]
    small_pages = filled.list_all_objects(props="name,size,checksum", page_size=2)
    assert [(e.name, e.size) for e in small_pages] == [(n, 10 + i) for i, n in enumerate(NAMES)]
    data = filled.object("c").get().read_all()
    assert small_pages[-1].checksum == filled.object("c").head().checksum_value
    assert data == bytes([10]) * 20


def test_listing_many_objects_across_pages(bucket: Bucket) -> None:
    """More objects than one default page would hold when paged by 100: every name exactly once."""
    names = {f"many/{i:04d}" for i in range(250)}
    for n in names:
        bucket.object(n).put(content=b"")
    listed = [e.name for e in bucket.list_objects_iter(page_size=100)]
    assert len(listed) == 250 and set(listed) == names
