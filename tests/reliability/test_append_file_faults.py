"""A fault under ``Object.open("ab")`` (``ObjectFileAppender``), through the fault-injecting relays
in front of the real session cluster (see ``harness.py``; the APPEND handle rules themselves are
in test_write_faults.py)."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from aistore_hl import Client
from aistore_hl.append import AppendHandleError
from aistore_hl.errors import ConnectionFailed
from aistore_hl.object_file import ObjectFileAppender
from tests.support.relay import Fault

from .harness import FaultMatrix, Relayed

MIB = 1 << 20


def test_appender_cut_mid_append_is_spent_and_changes_nothing(
    relays: Relayed, direct: Client, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix
) -> None:
    bucket = bucket_factory("rel")
    old = b"old content\n" + os.urandom(1000)
    direct.bucket(bucket).object("log").put(content=old)
    client, tap = relays.client()
    with client:
        f = client.bucket(bucket).object("log").open("ab", part_size=MIB)
        assert isinstance(f, ObjectFileAppender)
        # Both APPENDs share one kept-alive connection to the object's target: cut it 256 KiB in,
        # i.e. inside the second APPEND's body (the first is a few bytes). Only the owner's
        # relay sees a connection.
        for r in relays.targets.values():
            r.arm(Fault.reset_upload_after(256 << 10))
        f.write(b"first piece\n")
        f.flush()  # APPEND 1: in the work file, the object unchanged
        tap.clear()
        with pytest.raises(ConnectionFailed):
            f.write(os.urandom(MIB + 5))  # one full part: APPEND 2, cut mid-body
        relays.disarm()
        target_puts = [a for a in tap.attempts if a.method == "PUT" and a.port in relays.targets]
        assert len(target_puts) == 1 and target_puts[0].error, tap.summary()  # never re-sent
        tap.clear()
        assert not f.writable() and not f.closed
        with pytest.raises(AppendHandleError, match="failed"):
            f.write(b"more")
        with pytest.raises(AppendHandleError):
            f.flush()
        with pytest.raises(AppendHandleError):
            f.close()  # nothing is finalized
        assert f.closed
        f.close()  # closed now: quiet
        assert tap.attempts == [], tap.summary()  # refused before any request
        got = direct.bucket(bucket).object("log").get()
        assert got.read_all() == old and got.checksum_verified  # the broken session never flushed
        with client.bucket(bucket).object("log").open("ab") as again:  # a new session works
            again.write(b"a new session")
    got = direct.bucket(bucket).object("log").get()
    assert got.read_all() == old + b"a new session" and got.checksum_verified
    fault_matrix.add(
        'Object.open("ab"): APPEND of a 1 MiB part after a flushed one',
        "relay RST after 256 KiB of the connection's request bytes (target)",
        "no retry; the handle is spent: write/flush/close raise the typed error, no request, "
        "nothing finalized",
        "ConnectionFailed; then AppendHandleError x3 with 0 requests; object = old content; "
        "new appender session finalized",
        retries=0,
        verified="old content, then old + new session, checksum verified",
    )
