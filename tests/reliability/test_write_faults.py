"""Faults on the new write paths (multipart parts, append handles, the file writer) and the
file-like reader, through the fault-injecting relays in front of the real session cluster (see
``support.py``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from aistore_hl import Client, RetryPolicy
from aistore_hl.append import AppendHandleError, append_content
from aistore_hl.errors import ConnectionFailed, ErrObjNotFound
from aistore_hl.multipart import MultipartUpload
from aistore_hl.object_file import ObjectFileReader, ObjectFileWriter
from tests.support.relay import Fault

from .harness import FaultMatrix, Relayed

MIB = 1 << 20


def _arm_targets(relays: Relayed, fault: Fault) -> None:
    # The parts go to the object's target (HRW): arm every target relay, disarm after; only the
    # owner's relay sees connections.
    for r in relays.targets.values():
        r.arm(fault)


def _part_puts(tap: object, relays: Relayed) -> list[tuple[int, str | None, int | None]]:
    """(part number, error, status) of each part PUT that reached a target, in order."""
    out = []
    for a in tap.attempts:  # type: ignore[attr-defined]
        if a.method == "PUT" and a.port in relays.targets and "partNumber=" in a.url:
            n = int(a.url.split("partNumber=")[1].split("&")[0])
            out.append((n, a.error, a.status))
    return out


def test_part_cut_mid_body_is_retried_once(
    relays: Relayed,
    direct: Client,
    bucket_factory: Callable[..., str],
    tmp_path: Path,
    fault_matrix: FaultMatrix,
) -> None:
    bucket = bucket_factory("rel")
    data = os.urandom(6 * MIB + 4321)
    src = tmp_path / "src.bin"
    src.write_bytes(data)
    outcomes = []
    for label, upload in (
        ("file", lambda m: m.upload_file(src, part_size=2 * MIB, num_workers=1)),
        ("bytes", lambda m: m.upload_content(data, part_size=2 * MIB, num_workers=1)),
    ):
        _arm_targets(relays, Fault.reset_upload_after(MIB))  # the first part, 1 MiB into it
        client, tap = relays.client()
        with client:
            props = upload(MultipartUpload(client.bucket(bucket).object(label)))
        relays.disarm()
        puts = _part_puts(tap, relays)
        assert [p[0] for p in puts] == [1, 1, 2, 3, 4], tap.summary()  # part 1 sent twice, once cut
        assert puts[0][1] is not None and puts[1][2] == 200, tap.summary()
        assert props.size == len(data)
        got = direct.bucket(bucket).object(label).get()
        assert got.read_all() == data and got.checksum_verified  # the whole object's checksum
        outcomes.append(f"{label}: part 1 {puts[0][1]} then 200")
    fault_matrix.add(
        "multipart 6 MiB in 2 MiB parts (file range / bytes)",
        "relay RST after 1 MiB of part 1's body (target)",
        "the part re-sent whole from its source; object complete and verified",
        "; ".join(outcomes),
        retries="1 each",
        verified="2/2 identical, checksum verified on GET",
    )


def test_abort_after_a_failed_part_leaves_nothing(
    relays: Relayed,
    direct: Client,
    bucket_factory: Callable[..., str],
    tmp_path: Path,
    fault_matrix: FaultMatrix,
) -> None:
    bucket = bucket_factory("rel")
    data = os.urandom(7 * MIB)
    src = tmp_path / "src.bin"
    src.write_bytes(data)
    client, tap = relays.client(retry=RetryPolicy(max_attempts=1))  # the cut is final
    with client:
        mpu = MultipartUpload(client.bucket(bucket).object("partial"))
        # The parts share one kept-alive connection to the target: cut it 5 MiB in, i.e. 1 MiB
        # into part 3, after parts 1 and 2 were stored.
        _arm_targets(relays, Fault.reset_upload_after(5 * MIB))
        with pytest.raises(ConnectionFailed):
            mpu.upload_file(src, part_size=2 * MIB, num_workers=1)
    relays.disarm()
    puts = _part_puts(tap, relays)
    assert [p[0] for p in puts][:2] == [1, 2] and all(p[2] == 200 for p in puts[:2]), tap.summary()
    assert mpu.state == "aborted"
    aborts = [a for a in tap.attempts if a.method == "DELETE" and "uploadId=" in a.url]
    assert aborts and aborts[-1].status == 200, tap.summary()
    with pytest.raises(ErrObjNotFound):
        direct.bucket(bucket).object("partial").head()
    assert direct.bucket(bucket).list_all_objects() == []
    fault_matrix.add(
        "multipart 7 MiB in 2 MiB parts, no retries",
        "relay RST in part 3's body after parts 1-2 were stored (target)",
        "typed error, upload aborted, nothing visible",
        "ConnectionFailed; mpt-abort 200; HEAD -> ErrObjNotFound; listing empty",
        retries=0,
        verified="nothing stored",
    )


def test_append_handle_after_an_error_is_refused(
    relays: Relayed, direct: Client, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    bucket = bucket_factory("rel")
    client, tap = relays.client()
    with client:
        obj = client.bucket(bucket).object("appended")
        # Both appends share one kept-alive connection to the target: cut it 256 KiB in, i.e.
        # inside the second append's body.
        _arm_targets(relays, Fault.reset_upload_after(256 << 10))
        h1 = append_content(obj, b"first piece ")
        tap.clear()
        with pytest.raises(ConnectionFailed):
            append_content(obj, os.urandom(2 * MIB), handle=h1)
        relays.disarm()
        target_puts = [a for a in tap.attempts if a.method == "PUT" and a.port in relays.targets]
        assert len(target_puts) == 1 and target_puts[0].error, tap.summary()  # never re-sent
        tap.clear()
        with pytest.raises(AppendHandleError, match="failed"):
            append_content(obj, b"second piece", handle=h1)
        with pytest.raises(AppendHandleError):
            append_content(obj, b"", handle=h1, flush=True)
        assert tap.attempts == []  # refused before any request
        with pytest.raises(ErrObjNotFound):  # the broken session was never flushed
            direct.bucket(bucket).object("appended").head()
        h = append_content(obj, b"a new session")  # starting over works
        append_content(obj, b"", handle=h, flush=True)
    got = direct.bucket(bucket).object("appended").get()
    assert got.read_all() == b"a new session" and got.checksum_verified
    fault_matrix.add(
        "APPEND 2 MiB with a handle",
        "relay RST after 256 KiB of the append's body (target)",
        "no retry (bytes could be appended twice); the handle is spent: typed error, no request",
        "ConnectionFailed; then AppendHandleError x2 with 0 requests; new session flushed",
        retries=0,
        verified="object = the new session only, checksum verified",
    )


def test_file_reader_resumes_after_a_cut_and_verifies(
    relays: Relayed, direct: Client, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    bucket = bucket_factory("rel")
    data = os.urandom(3 * MIB + 777)
    direct.bucket(bucket).object("r").put(content=data)
    _arm_targets(relays, Fault.reset_after(MIB + MIB // 2))
    client, tap = relays.client()
    with client, ObjectFileReader(client.bucket(bucket).object("r"), buffer_size=256 << 10) as f:
        parts = []
        while chunk := f.read(100_000):
            parts.append(chunk)
        verified = f.checksum_verified
    relays.disarm()
    gets = [a for a in tap.attempts if a.method == "GET" and a.port in relays.targets]
    assert b"".join(parts) == data and verified
    # The first GET's body was cut (its 200 came first); the second resumed where it broke.
    assert [g.status for g in gets] == [200, 206] and gets[0].range is None, tap.summary()
    assert gets[1].range is not None and int(gets[1].range[6:-1]) > MIB, tap.summary()
    fault_matrix.add(
        "ObjectFileReader 3 MiB, read(100,000) in a loop",
        "relay RST after 1.5 MiB of body (target)",
        "resumed with Range from the last byte; checksum of the whole verified",
        f"OK, resumed at {gets[1].range}",
        retries="1 resume",
        verified="identical, xxhash2 verified",
    )


def test_file_writer_part_cut_retried_and_fatal_cut_leaves_nothing(
    relays: Relayed, direct: Client, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    bucket = bucket_factory("rel")
    data = os.urandom(5 * MIB)
    direct.bucket(bucket).object("old").put(content=b"previous version")
    _arm_targets(relays, Fault.reset_upload_after(MIB))
    client, tap = relays.client()
    with client, ObjectFileWriter(client.bucket(bucket).object("w"), part_size=2 * MIB) as w:
        for i in range(0, len(data), 512 << 10):
            w.write(data[i : i + (512 << 10)])
    relays.disarm()
    assert [p[0] for p in _part_puts(tap, relays)] == [1, 1, 2, 3], tap.summary()
    got = direct.bucket(bucket).object("w").get()
    assert got.read_all() == data and got.checksum_verified
    # No retries: the cut is fatal, the writer aborts, the old object stays as it was.
    client, tap = relays.client(retry=RetryPolicy(max_attempts=1))
    _arm_targets(relays, Fault.reset_upload_after(3 * MIB))
    with client:
        w = ObjectFileWriter(client.bucket(bucket).object("old"), part_size=2 * MIB)
        with pytest.raises(ConnectionFailed):
            for i in range(0, len(data), 512 << 10):
                w.write(data[i : i + (512 << 10)])
            w.close()
    relays.disarm()
    assert w.closed and w.props is None
    assert direct.bucket(bucket).object("old").get().read_all() == b"previous version"
    assert any(a.method == "DELETE" and "uploadId=" in a.url for a in tap.attempts), tap.summary()
    fault_matrix.add(
        "ObjectFileWriter 5 MiB (2 MiB parts)",
        "relay RST 1 MiB into part 1; then, no retries, 1 MiB into part 2",
        "part re-sent whole; fatal cut: upload aborted, old object unchanged",
        "1: part 1 twice, object verified; 2: ConnectionFailed, mpt-abort, old content intact",
        retries="1 / 0",
        verified="identical / unchanged",
    )
