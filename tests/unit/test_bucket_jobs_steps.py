"""The pure parts of aistore_hl.bucket_jobs: the shard summary poll steps, the request bodies."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from aistore_hl import Client, bucket_jobs
from aistore_hl.bucket_jobs import ShardSummPoll
from aistore_hl.bucket_props import BucketProps, ShardSummary
from aistore_hl.errors import InvalidArgument, Timeout, UnexpectedResponse

WIRE = {"tar-objs": "3", "tar-size": "30720", "shards": "2", "shard-size": "20480",
        "archived-objs": "7", "stale-indexes": "1", "invalid-indexes": "0"}  # fmt: skip
ZERO = dict.fromkeys(WIRE, "0")


def test_poll_202_206_200() -> None:
    poll = ShardSummPoll(30)
    assert poll.step(202, "xid1") is None and poll.job_id == "xid1"
    assert poll.step(202, ZERO) is None and poll.partial is None  # nothing yet
    assert poll.step(206, {**ZERO, "tar-objs": "1"}) is None  # the aggregate so far
    assert poll.partial == ShardSummary(1, 0, 0, 0, 0, 0, 0)
    assert poll.step(200, WIRE) == ShardSummary(3, 30720, 2, 20480, 7, 1, 0)


@pytest.mark.parametrize(
    ("first", "then"),
    [((200, WIRE), None), ((202, ""), None), ((202, {"a": 1}), None), ((202, "x"), (204, "")),
     ((202, "x"), (500, "")), ((202, "x"), (200, "not json")), ((202, "x"), (206, ["a"]))],
)  # fmt: skip
def test_poll_unexpected(first: tuple[int, Any], then: tuple[int, Any] | None) -> None:
    poll = ShardSummPoll(30)
    if then is None:
        with pytest.raises(UnexpectedResponse):
            poll.step(*first)
        return
    poll.step(*first)
    with pytest.raises(UnexpectedResponse):
        poll.step(*then)


def test_poll_delays_and_timeout() -> None:
    poll = ShardSummPoll(30)
    poll.step(202, "x")
    delays = [poll.next_delay() for _ in range(7)]
    assert delays == [0.05, 0.1, 0.2, 0.4, 0.8, 1.0, 1.0]
    short = ShardSummPoll(0.01)
    short.step(202, "x")
    short.step(206, {**ZERO, "tar-objs": "4"})
    time.sleep(0.02)
    with pytest.raises(Timeout, match="4 TAR objects so far"):
        short.next_delay()
    for bad in (0, -1.0, True, "1", None):
        with pytest.raises(InvalidArgument):
            ShardSummPoll(bad)  # type: ignore[arg-type]


def _body(plan: Any) -> dict[str, Any]:
    kw = plan.request_kwargs()
    body: dict[str, Any] = json.loads(kw["content"]) if "content" in kw else kw["json"]
    return body


@pytest.fixture
def bucket() -> Any:
    with Client("http://127.0.0.1:1") as c:  # nothing is sent: the plans are only built
        yield c.bucket("b")


def test_request_bodies(bucket: Any) -> None:
    assert _body(bucket_jobs.plan_make_n_copies(bucket, 3)) == {"action": "make-n-copies", "value": 3}
    msg = bucket_jobs.rechunk_msg(None, 10, 20, "p/")
    assert _body(bucket_jobs.plan_rechunk(bucket, msg)) == {
        "action": "rechunk", "value": {"objsize-limit": 10, "chunk-size": 20, "prefix": "p/"}
    }  # fmt: skip
    assert _body(bucket_jobs.plan_index_shards(bucket, "", 0, False)) == {
        "action": "index-shard",
        "value": {},
    }
    ec = _body(bucket_jobs.plan_ec_encode(bucket, 2, 1, None, True))
    assert ec["action"] == "ec-encode" and ec["name"] == "recover"
    assert json.loads(ec["value"]) == {"data_slices": 2, "parity_slices": 1, "enabled": True}  # a string
    assert _body(bucket_jobs.plan_shard_summary(bucket, "xid", "")) == {
        "action": "summary-shard", "value": {"uuid": "xid"}
    }  # fmt: skip


def test_rechunk_sizes_from_props() -> None:
    props = BucketProps.from_json({"chunks": {"objsize_limit": "1.5MiB", "chunk_size": "1GiB"}})
    msg = bucket_jobs.rechunk_msg(props, None, None, "")
    assert (msg.objsize_limit, msg.chunk_size) == (3 << 19, 1 << 30)
    assert bucket_jobs.rechunk_msg(props, 5, None, "").objsize_limit == 5
    assert [bucket_jobs.size_of(v) for v in ("0B", "12", 7, "2KiB", "3 M")] == [0, 12, 7, 2048, 3 << 20]
    for bad in ("lots", None, True, "1PiB"):
        with pytest.raises(UnexpectedResponse):
            bucket_jobs.size_of(bad)
    with pytest.raises(UnexpectedResponse, match="no chunk_size"):
        bucket_jobs.rechunk_msg(BucketProps.from_json({}), None, None, "")
