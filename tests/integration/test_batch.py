"""Get-Batch (``Client.batch`` / ``AsyncClient.batch``) against the real cluster.

Content, order, ranges, archived files, opaque, every output format, both answer modes, several
buckets, split requests; the reliability rows of issue 21: a missing object early / in the middle /
last, with and without continue-on-error, in both answer modes (sync and async), the early hand-over
(entries before the ~100 ms tail, the connection reused after it), and an archive cut mid-entry. The
cut is the only thing the real cluster cannot produce on demand: a small front relays the real
cluster's answer and drops the connection part-way (``CuttingFront``).
"""

from __future__ import annotations

import asyncio
import http.server
import io
import random
import socket
import tarfile
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import aistore_hl.batch as batch_mod
from aistore_hl import Bucket, Client, RetryPolicy
from aistore_hl._hrw import owner_url, targets_of
from aistore_hl.aio import AsyncClient
from aistore_hl.batch import MAX_PENDING, BatchEntry, _SyncDriver
from aistore_hl.errors import BatchIncomplete, BatchObjNotFound, ErrObjNotFound

N = 24
SIZES = [0, 1, 511, 512, 513, 16 << 10, 100_000]
FORMATS = [".tar", ".tgz", ".tar.gz", ".zip", ".tar.lz4"]


@pytest.fixture(scope="module")
def data(client: Client, module_bucket_factory: Callable[..., str]) -> dict[str, Any]:
    """One bucket: N objects of assorted sizes (an empty one too), names with '/' and spaces, and a
    TAR shard; a second bucket with two objects."""
    rnd = random.Random(21)
    bck = client.bucket(module_bucket_factory("gb"))
    objs = {f"d{i % 3}/o {i:02d}": rnd.randbytes(SIZES[i % len(SIZES)]) for i in range(N)}
    for name, payload in objs.items():
        bck.object(name).put(content=payload)
    shard = io.BytesIO()
    with tarfile.open(fileobj=shard, mode="w") as tar:
        for m in ("x/1.txt", "x/2.bin"):
            info = tarfile.TarInfo(m)
            info.size = len(m) * 10
            tar.addfile(info, io.BytesIO(m.encode() * 10))
    bck.object("shard.tar").put(content=shard.getvalue())
    other = client.bucket(module_bucket_factory("gb2"))
    for n in ("p", "q"):
        other.object(n).put(content=n.encode() * 7)
    return {"bck": bck, "objs": objs, "names": list(objs), "other": other}


def got(entries: Any) -> list[tuple[str, bytes]]:
    return [(e.obj_name, e.data) for e in entries]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("strm", [True, False])
def test_content_order_and_formats(client: Client, data: dict[str, Any], fmt: str, strm: bool) -> None:
    names = [*data["names"], data["names"][3]]  # a duplicate is legal
    entries = list(client.batch(names, bucket=data["bck"], output_format=fmt, streaming_get=strm).get())
    assert got(entries) == [(n, data["objs"][n]) for n in names]
    assert [e.index for e in entries] == list(range(len(names)))
    assert all(
        e.ok and e.size == len(data["objs"][e.obj_name]) and e.bucket == data["bck"].name for e in entries
    )


@pytest.mark.parametrize("strm", [True, False])
def test_ranges_archpath_opaque_only_obj_name(client: Client, data: dict[str, Any], strm: bool) -> None:
    big = next(n for n, v in data["objs"].items() if len(v) == 100_000)
    b = client.batch(bucket=data["bck"], streaming_get=strm, only_obj_name=True)
    b.add(big, start=10, length=100, opaque=b"\x00tag")
    b.add(big, start=99_990, length=-1)
    b.add("shard.tar", archpath="x/2.bin")
    b.add("shard.tar", archpath="x/1.txt", start=2, length=5)
    entries = list(b.get())
    obj = data["objs"][big]
    assert [e.data for e in entries] == [obj[10:110], obj[99_990:], b"x/2.bin" * 10, (b"x/1.txt" * 10)[2:7]]
    assert [e.opaque for e in entries] == [b"\x00tag", None, None, None]
    assert [e.archpath for e in entries] == ["", "", "x/2.bin", "x/1.txt"]


def test_several_buckets_and_objects(client: Client, data: dict[str, Any]) -> None:
    bck, other = data["bck"], data["other"]
    first = data["names"][0]
    b = client.batch([other.object("q"), bck.object(first)]).add("p", bucket=other).add(first, bucket=bck.bck)
    assert got(b.get()) == [
        ("q", b"q" * 7),
        (first, data["objs"][first]),
        ("p", b"p" * 7),
        (first, data["objs"][first]),
    ]


def test_split_into_concurrent_requests(client: Client, data: dict[str, Any]) -> None:
    names = data["names"] * 3
    for size, flight in ((5, 3), (7, 1), (1000, 4)):
        b = client.batch(names, bucket=data["bck"], request_size=size, max_in_flight=flight)
        assert got(b.get()) == [(n, data["objs"][n]) for n in names], (size, flight)


def test_async_matches_sync(ais_endpoint: str, client: Client, data: dict[str, Any]) -> None:
    names = data["names"] * 2

    async def main() -> list[list[tuple[str, bytes]]]:
        async with AsyncClient(ais_endpoint) as ac:
            bck = ac.bucket(data["bck"].name)
            out = []
            for strm in (True, False):
                out.append(got([e async for e in ac.batch(names, bucket=bck, streaming_get=strm).get()]))
            split = ac.batch(names, bucket=bck, request_size=5, max_in_flight=3)
            out.append(got([e async for e in split.get()]))
            out.append(got([e async for e in ac.batch(names[:4], bucket=bck, output_format=".tgz").get()]))
            return out

    want = [(n, data["objs"][n]) for n in names]
    a, b, c, d = asyncio.run(main())
    assert a == b == c == want and d == want[:4]


# ---------------------------------------------------------------------------------------------------
# reliability: missing objects


def _owner(client: Client, bck: Bucket, name: str) -> str | None:
    return owner_url(targets_of(client.cluster().get_info()), f"{bck.bck.uname()}{name}")


@pytest.mark.parametrize("where", ["early", "middle", "last"])
@pytest.mark.parametrize("strm", [True, False])
@pytest.mark.parametrize("owner", ["dt", "peer"])
def test_missing_object(client: Client, data: dict[str, Any], where: str, strm: bool, owner: str) -> None:
    """With cont_on_err: the entry is a typed error, the others are whole. Without: the batch raises
    ErrObjNotFound at that entry (never short, never b""). ``colocation=1`` and HRW decide whether
    the designated target or a peer owns the missing object: the server answers differently (a
    failed request or an early-ended stream vs a __404__ entry), the client the same."""
    bck = data["bck"]
    present = [n for n in data["names"] if _owner(client, bck, n) == _owner(client, bck, data["names"][0])][
        :4
    ]
    dt = _owner(client, bck, present[0])
    missing = next(
        m for m in (f"missing-{i}" for i in range(64)) if (_owner(client, bck, m) == dt) == (owner == "dt")
    )
    pos = {"early": 0, "middle": 2, "last": 4}[where]
    names = [*present[:pos], missing, *present[pos:]]
    entries = list(client.batch(names, bucket=bck, streaming_get=strm, cont_on_err=True, colocation=1).get())
    assert [e.obj_name for e in entries] == names
    assert [e.ok for e in entries] == [n != missing for n in names]
    bad = entries[pos]
    assert isinstance(bad.error, BatchObjNotFound) and bad.size == 0 and bad.index == pos
    with pytest.raises(BatchObjNotFound):
        _ = bad.data
    assert all(e.data == data["objs"][e.obj_name] for e in entries if e.ok)

    delivered: list[BatchEntry] = []
    with pytest.raises(ErrObjNotFound) as exc:
        for e in client.batch(names, bucket=bck, streaming_get=strm, cont_on_err=False, colocation=1).get():
            delivered.append(e)
    assert missing in str(exc.value)
    if isinstance(exc.value, BatchObjNotFound):
        assert exc.value.index == pos and exc.value.obj_name == missing
        assert [e.obj_name for e in delivered] == names[:pos]
    else:  # multipart, DT-owned: the server failed the whole request with 404 before any entry
        assert not strm and owner == "dt" and delivered == []


@pytest.mark.parametrize("strm", [True, False])
def test_missing_object_async(ais_endpoint: str, data: dict[str, Any], strm: bool) -> None:
    names = [data["names"][0], "missing-x", data["names"][1]]

    async def main() -> tuple[list[bool], BaseException | None]:
        async with AsyncClient(ais_endpoint) as ac:
            bck = ac.bucket(data["bck"].name)
            oks = [e.ok async for e in ac.batch(names, bucket=bck, streaming_get=strm).get()]
            try:
                async for _ in ac.batch(names, bucket=bck, streaming_get=strm, cont_on_err=False).get():
                    pass
            except ErrObjNotFound as exc:
                return oks, exc
            return oks, None

    oks, exc = asyncio.run(main())
    assert oks == [True, False, True]
    assert isinstance(exc, ErrObjNotFound) and "missing-x" in str(exc)


# ---------------------------------------------------------------------------------------------------
# reliability: early hand-over, drained tail, cut answers


@pytest.fixture(scope="module")
def small(client: Client, module_bucket_factory: Callable[..., str]) -> tuple[Bucket, list[str]]:
    bck = client.bucket(module_bucket_factory("gbs"))
    names = [f"s{i:03d}" for i in range(64)]
    payload = random.Random(3).randbytes(16 << 10)
    for n in names:
        bck.object(n).put(content=payload)
    return bck, names


def test_entries_before_the_tail_then_connection_reused(
    ais_endpoint: str, small: tuple[Bucket, list[str]]
) -> None:
    """The DT ends every answer ~100 ms after its last entry; the entries must not wait for that."""
    bck, names = small
    with Client(ais_endpoint) as c:
        driver = _SyncDriver.of(c._rc)
        for _ in range(3):
            entries = list(c.batch(names[:32], bucket=c.bucket(bck.name)).get())
            # every entry is here while the answer is still open: its drain holds a pending slot
            assert len(entries) == 32 and driver.pending._value == MAX_PENDING - 1  # type: ignore[attr-defined]
            deadline = time.monotonic() + 5
            while driver.pending._value != MAX_PENDING:  # type: ignore[attr-defined]
                assert time.monotonic() < deadline, "the tail was never drained"
                time.sleep(0.01)
        # drained connections went back to the pool: one per host (proxy, and each DT used)
        assert all(len(conns) == 1 for conns in driver._idle.values() if conns), driver._idle


def test_connections_the_server_closed_are_not_tried(
    ais_endpoint: str, small: tuple[Bucket, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """AIS closes a connection idle for 30 s; a request sent on one gets no answer
    (``RemoteDisconnected``). CI once failed that way: the pool held many such connections and
    every retry took the next stale one. They must be dropped before a request, not tried."""
    bck, names = small
    # the expiry would drop them unseen: keep them, so the EOF check is what finds them
    monkeypatch.setattr(batch_mod, "_KEEPALIVE_EXPIRY", 3600.0)
    with Client(ais_endpoint) as c:
        driver = _SyncDriver.of(c._rc)
        bucket = c.bucket(bck.name)
        # 8 requests, 8 at a time: several connections per host come back to the pool
        got = list(c.batch(names, bucket=bucket, request_size=8, max_in_flight=8).get())
        assert len(got) == len(names)
        deadline = time.monotonic() + 10
        while driver.pending._value != MAX_PENDING:  # type: ignore[attr-defined]
            assert time.monotonic() < deadline, "the tail was never drained"
            time.sleep(0.05)
        pooled = [conn for conns in driver._idle.values() for conn, _ in conns]
        assert len(pooled) >= 4, driver._idle
        time.sleep(32)  # past the server's idle timeout: it closes every one of them
        assert all(batch_mod._dropped(conn) for conn in pooled)
        entries = list(c.batch(names[:16], bucket=bucket).get())
        assert [e.data for e in entries] == [bck.object(n).get().read_all() for n in names[:16]]
        # the stale ones it met were closed unsent (the rest wait, and are checked when taken)
        closed = [conn for conn in pooled if conn.sock is None]
        assert len(closed) >= 2, (len(pooled), driver._idle)  # the proxy's and a DT's at least
        assert not any(conn in closed for conns in driver._idle.values() for conn, _ in conns)


class CuttingFront:
    """A front for the proxy that relays the real cluster's Get-Batch answers and cuts the first
    ``cuts`` of them after ``cut_at`` body bytes (the connection dropped mid-answer)."""

    def __init__(self, upstream: str, cut_at: int, cuts: int = 1) -> None:
        self.upstream, self.cut_at, self.cuts = upstream, cut_at, cuts
        self.bodies: list[bytes] = []
        front = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                if not self.path.startswith("/dt"):  # the "proxy": redirect to our "DT"
                    self.send_response(307)
                    self.send_header("Location", f"http://127.0.0.1:{front.port}/dt{self.path}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                front.bodies.append(body)
                cut = front.cuts > 0
                front.cuts -= 1
                with (
                    httpx.Client(timeout=30, follow_redirects=True) as up,
                    up.stream(
                        "GET",
                        front.upstream + self.path[3:],
                        content=body,
                        headers={"Content-Type": "application/json"},
                    ) as resp,
                ):
                    self.send_response(resp.status_code)
                    self.send_header("Content-Type", resp.headers["content-type"])
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    sent = 0
                    for chunk in resp.iter_raw():
                        if cut and sent + len(chunk) >= front.cut_at:
                            chunk = chunk[: front.cut_at - sent]
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                            self.wfile.flush()
                            self.connection.shutdown(socket.SHUT_RDWR)  # no last chunk: cut
                            self.close_connection = True
                            return
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        sent += len(chunk)
                    self.wfile.write(b"0\r\n\r\n")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def front(ais_endpoint: str) -> Iterator[Callable[..., CuttingFront]]:
    made: list[CuttingFront] = []

    def make(cut_at: int, cuts: int = 1) -> CuttingFront:
        made.append(CuttingFront(ais_endpoint, cut_at, cuts))
        return made[-1]

    yield make
    for f in made:
        f.close()


@pytest.mark.parametrize("strm", [True, False])
def test_archive_cut_mid_entry(
    front: Callable[..., CuttingFront], small: tuple[Bucket, list[str]], strm: bool
) -> None:
    bck, names = small
    entry = 512 + (16 << 10)  # one TAR member: header + 16 KiB
    head = 4096 if not strm else 0  # multipart: the metadata part comes first (about 1 KiB here)
    f = front(cut_at=head + 3 * entry + 5000)
    # no retries: the cut surfaces, naming the entry it fell in; the ones before were delivered
    with Client(f"http://127.0.0.1:{f.port}", retry=RetryPolicy(max_attempts=1)) as c:
        delivered: list[str] = []
        with pytest.raises(BatchIncomplete) as exc:
            for e in c.batch(names[:8], bucket=c.bucket(bck.name), streaming_get=strm).get():
                delivered.append(e.obj_name)
        err = exc.value
        assert err.mid_entry and err.index == len(delivered) and err.name == f"{bck.name}/{names[err.index]}"
        assert 2 <= err.index <= 3 and delivered == names[: err.index]
    # with retries: the entries not yet delivered are asked for again, and the batch is whole
    f = front(cut_at=head + 3 * entry + 5000)
    with Client(f"http://127.0.0.1:{f.port}", retry=RetryPolicy(max_attempts=2, backoff_base=0.01)) as c:
        entries = list(c.batch(names[:8], bucket=c.bucket(bck.name), streaming_get=strm).get())
    assert [e.obj_name for e in entries] == names[:8] and all(len(e.data) == 16 << 10 for e in entries)
    assert len(f.bodies) == 2 and b'"objname":"s000"' not in f.bodies[1]  # the retry asked for the rest


def test_async_archive_cut_mid_entry(
    front: Callable[..., CuttingFront], small: tuple[Bucket, list[str]]
) -> None:
    bck, names = small
    f = front(cut_at=2 * (512 + (16 << 10)) + 100)

    async def main() -> tuple[list[str], BaseException]:
        async with AsyncClient(f"http://127.0.0.1:{f.port}", retry=RetryPolicy(max_attempts=1)) as ac:
            delivered = []
            try:
                async for e in ac.batch(names[:6], bucket=ac.bucket(bck.name)).get():
                    delivered.append(e.obj_name)
            except BatchIncomplete as exc:
                return delivered, exc
            raise AssertionError("the cut answer was taken as whole")

    delivered, exc = asyncio.run(main())
    assert isinstance(exc, BatchIncomplete) and exc.mid_entry and exc.index == 2 and delivered == names[:2]
