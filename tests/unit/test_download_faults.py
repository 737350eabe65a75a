"""``Object.download`` / ``AsyncObject.download`` over a mock transport: what a real cluster cannot
produce on demand (a part from another version, a corrupt part, a connection cut mid-part, an object
that shrinks between the HEAD and a part). The real-cluster tests are in
``tests/integration/test_download.py``."""

from __future__ import annotations

import asyncio
import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import xxhash
from hl_mock import Recorder, ais_error, mock_async_client, mock_client

from aistore_hl._download import plan_parts
from aistore_hl.errors import ChecksumMismatch, ErrObjNotFound, ObjectChanged

PART = 64 << 10
DATA = os.urandom(10 * PART + 100)  # 11 parts
GOOD = xxhash.xxh64(DATA, seed=0).hexdigest()


class Cut(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that breaks after ``at`` bytes (a reset mid-body)."""

    def __init__(self, data: bytes, at: int) -> None:
        self.data, self.at = data, at

    def __iter__(self) -> Iterator[bytes]:
        yield self.data[: self.at]
        raise httpx.ReadError("connection reset")

    async def __aiter__(self):  # type: ignore[no-untyped-def]
        yield self.data[: self.at]
        raise httpx.ReadError("connection reset")


class Obj:
    """Serves HEAD and ranged GETs of one object; ``serve(start, end, nth)`` may alter a part."""

    def __init__(
        self,
        data: bytes = DATA,
        *,
        cksum: str = GOOD,
        version: str = "3",
        serve: Callable[[int, int, int], httpx.Response | None] | None = None,
    ) -> None:
        self.data, self.cksum, self.version, self.serve = data, cksum, version, serve
        self.gets: list[tuple[int, int]] = []
        self.lock = threading.Lock()

    def headers(self, length: int, version: str | None = None) -> dict[str, str]:
        return {
            "Content-Length": str(length),
            "Ais-Version": version or self.version,
            "Ais-Checksum-Type": "xxhash2",
            "Ais-Checksum-Value": self.cksum,
        }

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "HEAD":
            return httpx.Response(200, headers=self.headers(len(self.data)))
        m = re.fullmatch(r"bytes=(\d+)-(\d*)", request.headers.get("Range", ""))
        if m is None:
            return httpx.Response(200, headers=self.headers(len(self.data)), content=self.data)
        start = int(m.group(1))
        end = int(m.group(2)) if m.group(2) else len(self.data) - 1
        with self.lock:
            self.gets.append((start, end))
            nth = len(self.gets)
        if self.serve is not None and (resp := self.serve(start, end, nth)) is not None:
            return resp
        return self.part(start, end)

    def part(
        self,
        start: int,
        end: int,
        *,
        version: str | None = None,
        body: bytes | None = None,
        cut_at: int | None = None,
    ) -> httpx.Response:
        """A 206 for ``start..end``: another ``version``, another ``body``, or cut after ``cut_at`` bytes."""
        chunk = self.data[start : end + 1] if body is None else body
        h = self.headers(len(chunk), version)
        h["Content-Range"] = f"bytes {start}-{start + len(chunk) - 1}/{len(self.data)}"
        if cut_at is not None:
            return httpx.Response(206, headers=h, stream=Cut(chunk, cut_at))
        return httpx.Response(206, headers=h, content=chunk)


def _download(handler: Obj, dest: Path, **kw: object) -> object:
    c = mock_client(Recorder(handler))
    try:
        return c.bucket("b").object("o").download(dest, part_size=PART, **kw)  # type: ignore[arg-type]
    finally:
        c.close()


def _adownload(handler: Obj, dest: Path, **kw: object) -> object:
    async def main() -> object:
        c = mock_async_client(Recorder(handler))
        try:
            return await c.bucket("b").object("o").download(dest, part_size=PART, **kw)  # type: ignore[arg-type]
        finally:
            await c.close()

    return asyncio.run(main())


RUNNERS = pytest.mark.parametrize("download", [_download, _adownload], ids=["sync", "async"])


def _clean(d: Path) -> bool:
    return not [p for p in d.iterdir() if p.name.endswith(".part")]


def test_plan_parts() -> None:
    assert plan_parts(0, 10) == []
    assert plan_parts(10, 10) == [(0, 9)]
    assert plan_parts(25, 10) == [(0, 9), (10, 19), (20, 24)]


@RUNNERS
def test_parts_cover_the_object_once(download: Callable[..., object], tmp_path: Path) -> None:
    obj = Obj()
    download(obj, tmp_path / "f", num_workers=3)
    assert (tmp_path / "f").read_bytes() == DATA
    assert sorted(obj.gets) == plan_parts(len(DATA), PART)


@RUNNERS
def test_a_part_cut_mid_body_is_resumed(download: Callable[..., object], tmp_path: Path) -> None:
    obj = Obj()
    # The 4th part breaks after 1000 bytes (once: its resume starts further on).
    obj.serve = lambda s, e, n: obj.part(s, e, cut_at=1000) if s == 3 * PART else None
    download(obj, tmp_path / "f", num_workers=4)
    assert (tmp_path / "f").read_bytes() == DATA
    assert (3 * PART + 1000, 4 * PART - 1) in obj.gets  # the resume asked for the rest of that part


@RUNNERS
def test_a_part_from_another_version_is_refused(download: Callable[..., object], tmp_path: Path) -> None:
    obj = Obj()
    obj.serve = lambda s, e, n: obj.part(s, e, version="4") if s == 5 * PART else None
    dest = tmp_path / "f"
    dest.write_bytes(b"old")
    with pytest.raises(ObjectChanged, match="version 3 at HEAD, 4"):
        download(obj, dest, num_workers=2)
    assert dest.read_bytes() == b"old" and _clean(tmp_path)


@RUNNERS
def test_a_corrupt_part_fails_the_checksum(download: Callable[..., object], tmp_path: Path) -> None:
    obj = Obj()
    bad = bytes(PART)
    obj.serve = lambda s, e, n: obj.part(s, e, body=bad) if s == 2 * PART else None
    with pytest.raises(ChecksumMismatch) as ei:
        download(obj, tmp_path / "f", num_workers=4)
    assert ei.value.expected == GOOD
    assert not (tmp_path / "f").exists() and _clean(tmp_path)
    # Without verification the same bytes are kept: the caller asked not to check.
    download(obj, tmp_path / "g", num_workers=4, verify_checksum=False)
    assert (tmp_path / "g").read_bytes() != DATA


@RUNNERS
def test_a_shrunken_object_is_detected(download: Callable[..., object], tmp_path: Path) -> None:
    obj = Obj()
    short = DATA[10 * PART : 10 * PART + 50]  # the last part comes back 50 bytes long, not 100
    obj.serve = lambda s, e, n: obj.part(s, e, body=short) if s == 10 * PART else None
    with pytest.raises(ObjectChanged, match="received 50"):
        download(obj, tmp_path / "f", num_workers=4, verify_checksum=False)
    assert not (tmp_path / "f").exists() and _clean(tmp_path)


@RUNNERS
def test_the_first_failure_stops_the_other_parts(download: Callable[..., object], tmp_path: Path) -> None:
    data = os.urandom(64 * PART)
    obj = Obj(data, cksum=xxhash.xxh64(data).hexdigest())
    obj.serve = lambda s, e, n: ais_error(404, "object gone", "ErrObjNotFound") if s == PART else None
    with pytest.raises(ErrObjNotFound):
        download(obj, tmp_path / "f", num_workers=2)
    assert len(obj.gets) < 64 // 2  # the workers stopped taking parts
    assert not (tmp_path / "f").exists() and _clean(tmp_path)


@RUNNERS
def test_one_worker_is_one_verified_get(download: Callable[..., object], tmp_path: Path) -> None:
    obj = Obj(cksum="0" * 16)  # wrong checksum: the single stream verifies as it reads
    with pytest.raises(ChecksumMismatch):
        download(obj, tmp_path / "f", num_workers=1)
    assert obj.gets == [] and _clean(tmp_path)  # no ranged reads: one plain GET


def test_ranged_get_resumes_from_its_own_offset() -> None:
    """Regression: a ``get(byte_range=(s, e))`` cut mid-body resumed at ``s + 2 * received``."""
    start, end = 1000, 1000 + 5000 - 1
    obj = Obj()
    obj.serve = lambda s, e, n: obj.part(s, e, cut_at=300) if n == 1 else None  # the first answer breaks
    c = mock_client(Recorder(obj))
    try:
        with c.bucket("b").object("o").get(byte_range=(start, end)) as stream:
            assert stream.read_all() == DATA[start : end + 1]
            assert stream.resumes == 1
    finally:
        c.close()
    assert obj.gets == [(start, end), (start + 300, end)]


@RUNNERS
def test_the_default_is_one_stream(download: Callable[..., object], tmp_path: Path) -> None:
    obj = Obj()
    download(obj, tmp_path / "f")
    assert (tmp_path / "f").read_bytes() == DATA
    assert obj.gets == []  # one plain GET, verified as it arrived; no ranged parts
