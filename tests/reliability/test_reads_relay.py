"""Resumable, verified reads through a fault-injecting relay, on the real session cluster.

The relay sits between the client and the *target* (the proxy's 301 points at the target's port;
see ``support.py`` for how the client's connections to that port reach the relay).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from aistore_hl import AsyncClient, Client
from aistore_hl.const import DEFAULT_READ_CHUNK_SIZE
from aistore_hl.errors import ChecksumMismatch, ConnectionFailed, IncompleteRead
from aistore_hl.obj_stream import DEFAULT_MAX_RESUME, supported_checksums
from tests.support.relay import Fault
from tests.support.tap import AsyncTap, Attempt

from .harness import FaultMatrix, Relayed, read_back

MIB = 1 << 20
SIZE = 3 * MIB + 12345  # several socket reads, an odd tail


def _put_objects(direct: Client, bucket: str, n: int = 1, size: int = SIZE) -> dict[str, bytes]:
    objs = {f"obj-{i}": os.urandom(size) for i in range(n)}
    for name, data in objs.items():
        direct.bucket(bucket).object(name).put(content=data)
    return objs


def _arm_all_targets(relays: Relayed, fault: Fault) -> None:
    # The object lives on one target (HRW); arm the fault on every target relay and disarm after:
    # only the relay of the owning target sees a connection.
    for r in relays.targets.values():
        r.arm(fault)


def test_xxhash2_is_verifiable() -> None:
    assert "xxhash2" in supported_checksums(), "install 'xxhash': AIS 5.0's default checksum is xxhash2"


def test_head_reports_xxhash2(direct: Client, bucket_factory: Callable[..., str]) -> None:
    bucket = bucket_factory("rel")
    _put_objects(direct, bucket, size=1000)
    hdr = direct.bucket(bucket).object("obj-0").head()
    assert hdr.checksum_type == "xxhash2"


def test_direct_read_reset_mid_body_resumes_through_the_proxy(
    relays: Relayed, direct: Client, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    """The default client reads straight from the owning target; a reset mid-body resumes with a
    ranged GET through the proxy (which knows the current map), and the whole object verifies."""
    bucket = bucket_factory("rel")
    objs = _put_objects(direct, bucket)
    cut = MIB + MIB // 2 + 100_000
    _arm_all_targets(relays, Fault.reset_after(cut))
    client, tap = relays.client(direct_reads=True)
    with client:
        stream = client.bucket(bucket).object("obj-0").get()
        data = stream.read_all()
    relays.disarm()
    assert data == objs["obj-0"] and stream.resumes == 1 and stream.checksum_verified
    gets = [(a.port, a.status, a.range) for a in tap.attempts if "/v1/objects/" in a.url]
    proxy = int(relays.endpoint.rsplit(":", 1)[1])
    assert gets[0][0] != proxy and gets[0][2] is None, tap.summary()  # the direct read
    resumed_at = (cut // DEFAULT_READ_CHUNK_SIZE) * DEFAULT_READ_CHUNK_SIZE  # the last whole piece
    assert (gets[1][0], gets[1][1]) == (proxy, 301) and gets[1][2] == f"bytes={resumed_at}-", tap.summary()
    assert gets[2][1] == 206, tap.summary()
    fault_matrix.add(
        "GET 3 MiB, direct read (default)",
        "relay RST after 1.5 MiB + 100,000 B of body (target)",
        "resumed with Range through the proxy, checksum verified",
        f"OK, {stream.resumes} resume",
        retries=stream.resumes,
        verified="1/1 identical",
    )


def test_reset_mid_body_resumes_with_range_sync(
    relays: Relayed, direct: Client, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    bucket = bucket_factory("rel")
    objs = _put_objects(direct, bucket)
    cut = MIB + MIB // 2 + 100_000  # the relay forwards this much body, then resets the connection
    _arm_all_targets(relays, Fault.reset_after(cut))
    client, tap = relays.client()
    seen_at_range: list[tuple[str, int]] = []
    holder: dict[str, object] = {}

    def on_request(att: Attempt) -> None:
        if att.range:
            stream = holder["stream"]
            seen_at_range.append((att.range, stream.bytes_read))  # type: ignore[attr-defined]

    tap.on_request.append(on_request)
    with client:
        stream = client.bucket(bucket).object("obj-0").get()
        holder["stream"] = stream
        data = stream.read_all()
    relays.disarm()

    assert data == objs["obj-0"]
    assert len(data) == SIZE
    assert stream.resumes == 1
    assert stream.checksum_verified, stream.checksum_skip_reason
    # One resume: the ranged GET goes to the proxy, which redirects it (Range kept) to the target.
    assert len(seen_at_range) == 2, tap.summary()
    assert seen_at_range[0] == seen_at_range[1]
    rng, received = seen_at_range[0]
    # Range starts exactly at the last byte the stream had received. The sync transport reads
    # the socket in DEFAULT_READ_CHUNK_SIZE pieces and an error mid-piece loses that piece, so
    # the resume point is the last whole piece (1.5 MiB; the relay had forwarded 100,000 B more).
    assert rng == f"bytes={received}-"
    assert received == (cut // DEFAULT_READ_CHUNK_SIZE) * DEFAULT_READ_CHUNK_SIZE
    gets = [a for a in tap.attempts if a.method == "GET"]
    statuses = [(a.port in relays.targets, a.status) for a in gets]
    assert statuses == [(False, 301), (True, 200), (False, 301), (True, 206)], tap.summary()
    fault_matrix.add(
        "GET 3 MiB (sync)",
        "relay RST after 1.5 MiB + 100,000 B of body (target)",
        "resume with Range from last byte received",
        f"OK, {rng}, length and xxhash2 verified",
        retries=f"0 retries, {stream.resumes} resume",
        verified="1/1 identical",
    )


def test_reset_mid_body_resumes_with_range_async(
    relays: Relayed, direct: Client, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    bucket = bucket_factory("rel")
    objs = _put_objects(direct, bucket)
    cut = MIB + 777
    _arm_all_targets(relays, Fault.reset_after(cut))
    seen: list[tuple[str, int]] = []

    async def run() -> tuple[bytes, int, bool]:
        tap = AsyncTap(relays.port_map)
        async with AsyncClient(relays.endpoint, transport=tap.wrap) as client:
            holder: dict[str, object] = {}
            tap.on_request.append(
                lambda att: att.range and seen.append((att.range, holder["s"].bytes_read))  # type: ignore[attr-defined]
            )
            stream = await client.bucket(bucket).object("obj-0").get()
            holder["s"] = stream
            data = await stream.read_all()
            return data, stream.resumes, stream.checksum_verified

    data, resumes, verified = asyncio.run(run())
    relays.disarm()
    assert data == objs["obj-0"]
    assert resumes == 1 and verified
    assert len(seen) == 2 and seen[0] == seen[1]  # proxy, then target
    rng, received = seen[0]
    assert rng == f"bytes={received}-"
    assert 0 < received <= cut
    fault_matrix.add(
        "GET 3 MiB (async)",
        "relay RST after 1 MiB + 777 B of body (target)",
        "resume with Range from last byte received",
        f"OK, {rng}, length and xxhash2 verified",
        retries=f"0 retries, {resumes} resume",
        verified="1/1 identical",
    )


def test_corrupted_byte_raises_checksum_mismatch(
    relays: Relayed, direct: Client, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    bucket = bucket_factory("rel")
    objs = _put_objects(direct, bucket)
    _arm_all_targets(relays, Fault.corrupt_at(2 * MIB + 5))
    client, _ = relays.client()
    with client, pytest.raises(ChecksumMismatch) as info:
        client.bucket(bucket).object("obj-0").get().read_all()
    relays.disarm()
    err = info.value
    assert err.checksum_type == "xxhash2"
    assert err.expected != err.actual
    # Opt-out: the same corruption is returned as is, without hashing.
    _arm_all_targets(relays, Fault.corrupt_at(2 * MIB + 5))
    client, _ = relays.client()
    with client:
        stream = client.bucket(bucket).object("obj-0").get(verify_checksum=False)
        data = stream.read_all()
    relays.disarm()
    assert not stream.checksum_verified
    assert stream.checksum_skip_reason == "verification disabled"
    diff = [i for i, (a, b) in enumerate(zip(data, objs["obj-0"], strict=True)) if a != b]
    assert diff == [2 * MIB + 5]
    n, problems = read_back(direct, bucket, objs)
    assert not problems
    fault_matrix.add(
        "GET 3 MiB",
        "relay flips 1 byte at offset 2 MiB+5",
        "ChecksumMismatch",
        f"ChecksumMismatch(xxhash2 expected {err.expected}, got {err.actual})",
        retries=0,
        verified=f"{n}/{n} identical (clean path)",
    )
    fault_matrix.add(
        "GET 3 MiB verify_checksum=False",
        "relay flips 1 byte",
        "no error, bytes as received",
        "returned; exactly 1 byte differs",
        retries=0,
        verified=f"{n}/{n} identical (clean path)",
    )


def test_stall_mid_body_read_timeout_then_resume(
    relays: Relayed, direct: Client, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    bucket = bucket_factory("rel")
    objs = _put_objects(direct, bucket)
    _arm_all_targets(relays, Fault.stall_after(MIB + 10, seconds=30))
    client, tap = relays.client(timeout=httpx.Timeout(5.0, read=1.0))
    with client:
        stream = client.bucket(bucket).object("obj-0").get()
        data = stream.read_all()
    relays.disarm()
    assert data == objs["obj-0"]
    assert stream.resumes == 1 and stream.checksum_verified
    ranged = [a.range for a in tap.attempts if a.range]
    # Every byte that came before the stall was delivered (a large body is read in blocking mode;
    # the short piece is handed over before the timeout is reported), then proxy and target.
    assert ranged == [f"bytes={MIB + 10}-"] * 2
    fault_matrix.add(
        "GET 3 MiB, read timeout 1 s",
        "relay stalls after 1 MiB + 10 B of body (target)",
        "read timeout, then resume with Range",
        f"OK, {ranged[0]}, verified",
        retries=f"0 retries, {stream.resumes} resume",
        verified="1/1 identical",
    )


def test_resume_budget_exhausted_is_typed_incomplete_read(
    relays: Relayed, direct: Client, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    bucket = bucket_factory("rel")
    objs = _put_objects(direct, bucket)
    for r in relays.targets.values():  # every connection to the target breaks: more than max_resume
        r.arm(*[Fault.reset_after(100_000)] * 10)
    client, tap = relays.client()
    with client, pytest.raises(IncompleteRead) as info:
        client.bucket(bucket).object("obj-0").get().read_all()
    relays.disarm()
    err = info.value
    assert err.expected == SIZE and err.received < SIZE
    assert isinstance(err, ConnectionFailed)
    # The first GET and one per resume. (Nothing arrived in full 1 MiB reads before each RST, so
    # every resume starts at 0: a plain GET again.)
    target_gets = [a for a in tap.attempts if a.method == "GET" and a.port in relays.targets]
    assert len(target_gets) == 1 + DEFAULT_MAX_RESUME, tap.summary()
    n, problems = read_back(direct, bucket, objs)
    assert not problems
    fault_matrix.add(
        "GET 3 MiB",
        "every target connection RST after 100 KB of body (10 times)",
        f"{DEFAULT_MAX_RESUME} resumes, then a typed length error",
        f"IncompleteRead: received {err.received} of {err.expected} bytes",
        retries=f"{DEFAULT_MAX_RESUME} resumes",
        verified=f"{n}/{n} identical (clean path)",
    )


def test_parallel_download_resumes_each_cut_part_within_its_range(
    relays: Relayed,
    direct: Client,
    bucket_factory: Callable[..., str],
    fault_matrix: FaultMatrix,
    tmp_path: Path,
) -> None:
    """``download(num_workers=3)``: the first connections to the target are reset mid-part; each
    part resumes with a Range inside its own bounds (the old ranged-resume offset bug asked for
    ``2 * start + received``) and the written file verifies."""
    bucket = bucket_factory("rel")
    objs = _put_objects(direct, bucket)
    part = MIB
    parts = {(s, min(s + part, SIZE) - 1) for s in range(0, SIZE, part)}
    cut = 300_000
    for r in relays.targets.values():
        r.arm(*[Fault.reset_after(cut)] * 4)
    client, tap = relays.client()
    dest = tmp_path / "obj-0.bin"
    with client:
        client.bucket(bucket).object("obj-0").download(dest, num_workers=3, part_size=part)
    relays.disarm()
    assert dest.read_bytes() == objs["obj-0"]
    ranges = {a.range for a in tap.attempts if a.method == "GET" and a.port in relays.targets and a.range}
    resumed = []
    for rng in ranges:
        start, end = (int(x) for x in rng.removeprefix("bytes=").split("-"))
        owner = [p for p in parts if p[0] <= start <= p[1]]
        assert owner and owner[0][1] == end, (rng, tap.summary())  # inside one part, to its end
        if start != owner[0][0]:
            resumed.append(rng)
    assert len(resumed) >= 3, tap.summary()  # the three first connections were cut
    fault_matrix.add(
        "download 3 MiB, 3 workers x 1 MiB parts",
        "the first 4 target connections RST after 300,000 B of body",
        "each cut part resumed with a Range inside its own bounds; file verified, renamed",
        f"OK, {len(resumed)} resumed ranges",
        retries=f"{len(resumed)} resumes",
        verified="1/1 identical",
    )
