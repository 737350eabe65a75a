"""The pure cores of the issue-19 modules: reader buffering and positions, multipart splitting
and bookkeeping, props validation, job wait modes (no I/O; their drivers are tested on the real
cluster in tests/integration)."""

from __future__ import annotations

import io
import os

import google_crc32c
import pytest

from aistore_hl.append import SPENT, AppendHandleError, answered, check_args, failed
from aistore_hl.bucket_props import ChecksumProps, props_to_set
from aistore_hl.errors import InvalidArgument, ObjectChanged
from aistore_hl.header import Header
from aistore_hl.job_api import JobDetails, wait_mode
from aistore_hl.multipart import MultipartCore, MultipartStateError, PartBody, crc32c_combine, split
from aistore_hl.object_file import _ReaderCore
from aistore_hl.object_ops import check_head_v2
from aistore_hl.types import Bck


def test_reader_core_take_find_line_and_seek() -> None:
    c = _ReaderCore()
    c.opened(Header({"content-length": "10", "ais-version": "1", "ais-checksum-value": "ab"}), 200, 0)
    c.filled(b"ab\ncdefgh\n")
    assert c.take(2) == b"ab" and c.find_line(-1) == 1 and c.take(1) == b"\n"
    assert c.find_line(3) == 3  # capped at the limit
    assert c.new_position(-1, io.SEEK_END) == 9 and c.new_position(2, io.SEEK_CUR) == 5
    with pytest.raises(InvalidArgument):
        c.new_position(-20, io.SEEK_END)
    c.pos = 100
    assert c.take(5) == b"" and c.at_eof()
    with pytest.raises(ObjectChanged):  # a later GET of another version
        c.opened(Header({"content-length": "10", "ais-version": "2"}), 200, 0)


def test_reader_core_stream_kept_only_when_useful() -> None:
    c = _ReaderCore()
    c.opened(Header({"content-length": str(8 << 20)}), 200, 0)
    c.filled(b"x" * 1000)
    c.pos = 500
    assert not c.stream_useless()  # in the buffer
    c.pos = 1000 + (1 << 20)
    assert not c.stream_useless() and c.skip_distance() == 1 << 20  # read through
    c.pos = 1001 + (1 << 20)
    assert c.stream_useless()  # a new ranged GET is cheaper
    c.pos = 0
    c.buf = b""
    assert c.stream_useless()  # behind the stream


def test_split_and_crc_combine() -> None:
    assert split(0, 4) == [(1, 0, 0)]
    assert split(10, 4) == [(1, 0, 4), (2, 4, 4), (3, 8, 2)]
    data = os.urandom(100_000)
    parts = [data[o : o + n] for _, o, n in split(len(data), 30_000)]
    crc = 0
    for p in parts:
        crc = crc32c_combine(crc, google_crc32c.value(p), len(p))
    assert crc == google_crc32c.value(data)


def test_multipart_core_states_and_check() -> None:
    core = MultipartCore(Bck(name="b"), "o")
    with pytest.raises(MultipartStateError):
        core.part_kwargs(1)
    core.created("uid")
    kw = core.part_kwargs(1)
    assert kw["params"]["uploadId"] == "uid" and kw["params"]["partNumber"] == 1
    with pytest.raises(MultipartStateError):
        core.part_kwargs(1)  # in flight
    body = PartBody(data=b"hello")
    list(body.open())
    core.part_done(1, body)
    with pytest.raises(MultipartStateError, match="already uploaded"):
        core.part_kwargs(1)
    core.part_kwargs(2)
    core.part_failed(2)
    core.part_kwargs(2)  # a failed part may be sent again
    crc = f"{google_crc32c.value(b'hello'):08x}"
    assert core.expected() == (5, crc)
    ok = Header({"content-length": "5", "ais-checksum-type": "crc32c", "ais-checksum-value": crc})
    assert core.check(ok) == ""
    assert "crc32c" in core.check(Header({**ok, "ais-checksum-value": "00000000"}))
    assert "bytes" in core.check(Header({**ok, "content-length": "6"}))
    assert core.check(Header({"content-length": "5", "ais-checksum-type": "xxhash2"})) == ""
    core.whole = {"xxhash2": "1234567890abcdef"}
    assert "xxhash2" in core.check(
        Header({"content-length": "5", "ais-checksum-type": "xxhash2", "ais-checksum-value": "00"})
    )
    assert (
        core.check(
            Header(
                {
                    "content-length": "5",
                    "ais-checksum-type": "xxhash2",
                    "ais-checksum-value": "1234567890ABCDEF",
                }
            )
        )
        == ""
    )
    assert core.plan_abort() is not None
    core.state = "aborted"
    assert core.plan_abort() is None


def test_append_handles_are_spent() -> None:
    h2 = answered("h1-unit", {"ais-append-handle": "h2-unit"})
    assert h2 == "h2-unit"
    with pytest.raises(AppendHandleError, match="superseded"):
        check_args(b"x", "h1-unit", False)
    failed("h2-unit")
    with pytest.raises(AppendHandleError, match="failed"):
        check_args(b"x", "h2-unit", False)
    SPENT.check("never-seen")
    with pytest.raises(InvalidArgument):
        check_args(b"", "", True)


def test_props_to_set_and_head_v2_names() -> None:
    assert props_to_set(checksum=ChecksumProps(type="md5")) == {"checksum": {"type": "md5"}}
    assert props_to_set(lru={"enabled": True}, force=True) == {"lru": {"enabled": True}, "force": True}
    with pytest.raises(InvalidArgument):
        props_to_set(mirror={"copies": True})  # a bool is not an int
    assert check_head_v2(["size", "size", "etag"]) == "size,etag"
    with pytest.raises(InvalidArgument):
        check_head_v2("status")


def test_wait_modes_and_details() -> None:
    assert wait_mode("copy-listrange") == "idle" and wait_mode("blob-download") == "idle"
    assert wait_mode("copy-bck") == "end" and wait_mode("") == "end"
    d = JobDetails.from_json(
        {
            "t1": [{"id": "x", "kind": "archive", "is_idle": True, "stats": {"loc-objs": "3"}}],
            "t2": [{"id": "x", "kind": "archive", "end-time": "2026-12-07T08:07:03.0137Z"}],
        }
    )
    assert d.kind == "archive" and d.all_idle() and d.objs == 3 and not d.is_finished
