"""Stalls, 503/429 bursts and cut-off uploads between the client and the real session cluster."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from aistore_hl import AsyncClient, Client, RetryPolicy
from aistore_hl.errors import (
    ConnectionFailed,
    ErrObjNotFound,
    RequestTimeout,
    ServiceUnavailable,
    TooManyRequests,
)
from tests.support.relay import Fault
from tests.support.tap import AsyncTap

from .harness import FaultMatrix, Relayed, read_back
from .support import recorded_sleeps

MIB = 1 << 20


@pytest.fixture
def seeded(direct: Client, bucket_factory: Callable[..., str]) -> tuple[str, dict[str, bytes]]:
    bucket = bucket_factory("rel")
    objs = {f"seed-{i}": os.urandom(1000 + i) for i in range(5)}
    for name, data in objs.items():
        direct.bucket(bucket).object(name).put(content=data)
    return bucket, objs


def _check_back(direct: Client, bucket: str, objs: dict[str, bytes]) -> str:
    n, problems = read_back(direct, bucket, objs)
    assert not problems, problems
    return f"{n}/{n} identical"


# ---------------------------------------------------------------------------------------------
# Stall -> read timeout
# ---------------------------------------------------------------------------------------------


def test_stall_gives_typed_read_timeout_then_recovers(
    relays: Relayed, direct: Client, seeded: tuple[str, dict[str, bytes]], fault_matrix: FaultMatrix
) -> None:
    bucket, objs = seeded
    relays.proxy.arm(Fault.stall_head(30))
    client, _ = relays.client(timeout=httpx.Timeout(5.0, read=1.0), retry=RetryPolicy.no_retries())
    with client:
        t0 = time.monotonic()
        with pytest.raises(RequestTimeout) as info:
            client.bucket(bucket).object("seed-0").head()
        waited = time.monotonic() - t0
        assert info.value.phase == "read"
        assert 0.9 < waited < 5, waited
        # Recovery: the next request on the same client works (the stalled connection is gone).
        assert client.bucket(bucket).object("seed-0").head().size == len(objs["seed-0"])
        assert client.bucket(bucket).object("seed-1").get().read_all() == objs["seed-1"]
    fault_matrix.add(
        "HEAD (no retries, read timeout 1 s)",
        "relay stalls the proxy's answer 30 s",
        "typed RequestTimeout, then recovery",
        f"RequestTimeout(phase=read) after {waited:.1f}s; next HEAD/GET OK",
        retries=0,
        verified=_check_back(direct, bucket, objs),
    )


def test_stall_is_retried_transparently(
    relays: Relayed, direct: Client, seeded: tuple[str, dict[str, bytes]], fault_matrix: FaultMatrix
) -> None:
    bucket, objs = seeded
    relays.proxy.arm(Fault.stall_head(30))
    client, tap = relays.client(timeout=httpx.Timeout(5.0, read=1.0))
    with client:
        assert client.bucket(bucket).object("seed-2").get().read_all() == objs["seed-2"]
    proxy_gets = [a for a in tap.attempts if a.method == "GET" and a.port == relays.proxy.port]
    assert [a.error or a.status for a in proxy_gets] == ["ReadTimeout", 301]
    fault_matrix.add(
        "GET (default retries, read timeout 1 s)",
        "relay stalls the proxy's answer 30 s",
        "retried after read timeout",
        "OK",
        retries=1,
        verified=_check_back(direct, bucket, objs),
    )


# ---------------------------------------------------------------------------------------------
# 503 / 429 bursts
# ---------------------------------------------------------------------------------------------


def test_503_burst_honours_retry_after(
    relays: Relayed,
    direct: Client,
    seeded: tuple[str, dict[str, bytes]],
    fault_matrix: FaultMatrix,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bucket, objs = seeded
    relays.proxy.arm_status_burst(3, 503, retry_after="1")
    client, tap = relays.client()
    with recorded_sleeps(monkeypatch) as delays, client:
        assert client.bucket(bucket).object("seed-3").get().read_all() == objs["seed-3"]
    assert tap.count("GET", status=503) == 3
    assert delays == [1.0, 1.0, 1.0]  # Retry-After, not the computed backoff (0.5, 1, 2 jittered)
    fault_matrix.add(
        "GET",
        "relay answers 503 + Retry-After: 1, 3 times",
        "3 retries, each after 1 s",
        f"OK; slept {delays}",
        retries=3,
        verified=_check_back(direct, bucket, objs),
    )


@pytest.mark.parametrize("code", [503, 429])
def test_status_burst_jittered_capped_backoff(
    code: int,
    relays: Relayed,
    direct: Client,
    seeded: tuple[str, dict[str, bytes]],
    fault_matrix: FaultMatrix,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bucket, objs = seeded
    policy = RetryPolicy(max_attempts=5, backoff_base=0.1, backoff_cap=0.25, jitter=0.5)
    relays.proxy.arm_status_burst(4, code)
    client, tap = relays.client(retry=policy)
    with recorded_sleeps(monkeypatch) as delays, client:
        entries = client.bucket(bucket).list_all_objects()
        assert sorted(e.name for e in entries) == sorted(objs)
    assert tap.count(status=code) == 4
    ceilings = [0.1, 0.2, 0.25, 0.25]  # base * 2**(n-1), capped at 0.25
    assert len(delays) == 4
    for d, ceiling in zip(delays, ceilings, strict=True):
        assert ceiling * 0.5 <= d <= ceiling, (delays, ceilings)
    fault_matrix.add(
        "list objects",
        f"relay answers {code} (no Retry-After), 4 times",
        "4 retries, jittered backoff capped at 0.25 s",
        f"OK; slept {[round(d, 3) for d in delays]}",
        retries=4,
        verified=_check_back(direct, bucket, objs),
    )


def test_503_burst_longer_than_budget_raises_typed(
    relays: Relayed, direct: Client, seeded: tuple[str, dict[str, bytes]], fault_matrix: FaultMatrix
) -> None:
    bucket, objs = seeded
    relays.proxy.arm_status_burst(6, 503, retry_after="0")
    client, tap = relays.client()  # default: 4 attempts
    with client, pytest.raises(ServiceUnavailable) as info:
        client.bucket(bucket).object("seed-4").head()
    relays.disarm()
    assert info.value.status_code == 503
    assert tap.count("HEAD", status=503) == 4
    with pytest.raises(TooManyRequests):
        relays.proxy.arm_status_burst(1, 429)
        c2, _ = relays.client(retry=RetryPolicy.no_retries())
        with c2:
            c2.bucket(bucket).object("seed-4").head()
    fault_matrix.add(
        "HEAD (4 attempts)",
        "relay answers 503 six times",
        "typed ServiceUnavailable after 4 attempts",
        "ServiceUnavailable(503)",
        retries=3,
        verified=_check_back(direct, bucket, objs),
    )


def test_503_burst_async(
    relays: Relayed, direct: Client, seeded: tuple[str, dict[str, bytes]], fault_matrix: FaultMatrix
) -> None:
    bucket, objs = seeded
    relays.proxy.arm_status_burst(3, 503, retry_after="0")

    async def run() -> tuple[bytes, int]:
        tap = AsyncTap(relays.port_map)
        async with AsyncClient(
            relays.endpoint, direct_reads=False, transport=tap.wrap
        ) as client:  # proxy leg
            data = await (await client.bucket(bucket).object("seed-0").get()).read_all()
            return data, tap.count("GET", status=503)

    data, n503 = asyncio.run(run())
    assert data == objs["seed-0"] and n503 == 3
    fault_matrix.add(
        "GET (AsyncClient)",
        "relay answers 503 three times",
        "3 retries, then OK",
        "OK",
        retries=3,
        verified=_check_back(direct, bucket, objs),
    )


def test_put_retried_through_503_burst(
    relays: Relayed, direct: Client, seeded: tuple[str, dict[str, bytes]], fault_matrix: FaultMatrix
) -> None:
    bucket, objs = seeded
    relays.proxy.arm_status_burst(2, 503, retry_after="0")
    client, tap = relays.client()
    data = os.urandom(200_000)
    with client:
        client.bucket(bucket).object("put-503").put(content=data)
    assert tap.count("PUT", status=503) == 2
    target_puts = [a for a in tap.attempts if a.method == "PUT" and a.port in relays.targets]
    assert len(target_puts) == 1  # the body went once, to the target
    objs["put-503"] = data
    fault_matrix.add(
        "PUT 200 KB bytes",
        "relay answers 503 twice (proxy leg)",
        "retried: 503 = not processed",
        "OK, body sent once",
        retries=2,
        verified=_check_back(direct, bucket, objs),
    )


# ---------------------------------------------------------------------------------------------
# Upload cut off mid-body: replayable bodies are re-sent, a consumed iterator is not
# ---------------------------------------------------------------------------------------------


def _arm_targets(relays: Relayed, fault: Fault) -> None:
    for r in relays.targets.values():
        r.arm(fault)


def test_put_reset_mid_upload_replayable_bodies_retry(
    relays: Relayed,
    direct: Client,
    seeded: tuple[str, dict[str, bytes]],
    fault_matrix: FaultMatrix,
    tmp_path: object,
) -> None:
    bucket, objs = seeded
    data = os.urandom(3 * MIB)
    path = os.path.join(str(tmp_path), "upload.bin")
    with open(path, "wb") as f:
        f.write(data)
    outcomes = []
    for label, kwargs in (("bytes", {"content": data}), ("path", {"path": path})):
        _arm_targets(relays, Fault.reset_upload_after(MIB))
        client, tap = relays.client()
        with client:
            client.bucket(bucket).object(f"put-{label}").put(**kwargs)
        relays.disarm()
        target_puts = [a for a in tap.attempts if a.method == "PUT" and a.port in relays.targets]
        assert [a.error or a.status for a in target_puts][-1] == 200
        assert len(target_puts) == 2, tap.summary()
        objs[f"put-{label}"] = data
        outcomes.append(f"{label}: {target_puts[0].error} then 200")
    with open(path, "rb") as fh:  # a seekable file object is rewound and re-sent too
        _arm_targets(relays, Fault.reset_upload_after(MIB))
        client, tap = relays.client()
        with client:
            client.bucket(bucket).object("put-file").put(content=fh)
        relays.disarm()
    objs["put-file"] = data
    target_puts = [a for a in tap.attempts if a.method == "PUT" and a.port in relays.targets]
    assert len(target_puts) == 2 and target_puts[-1].status == 200, tap.summary()
    fault_matrix.add(
        "PUT 3 MiB (bytes / path / seekable file)",
        "relay RST after 1 MiB of upload (target)",
        "whole upload retried (proxy + target)",
        "; ".join(outcomes) + "; file: rewound, 200",
        retries="1 each",
        verified=_check_back(direct, bucket, objs),
    )


def test_put_reset_mid_upload_iterator_not_retried(
    relays: Relayed, direct: Client, seeded: tuple[str, dict[str, bytes]], fault_matrix: FaultMatrix
) -> None:
    bucket, objs = seeded
    consumed = []

    def chunks() -> Iterator[bytes]:
        for i in range(3):
            consumed.append(i)
            yield os.urandom(MIB)

    _arm_targets(relays, Fault.reset_upload_after(MIB // 2))
    client, tap = relays.client()
    with client, pytest.raises(ConnectionFailed) as info:
        client.bucket(bucket).object("put-iter").put(content=chunks())
    relays.disarm()
    target_puts = [a for a in tap.attempts if a.method == "PUT" and a.port in relays.targets]
    assert len(target_puts) == 1, tap.summary()  # never re-sent
    with pytest.raises(ErrObjNotFound):  # and nothing half-written was stored
        direct.bucket(bucket).object("put-iter").head()
    fault_matrix.add(
        "PUT iterator of 3 x 1 MiB",
        "relay RST after 0.5 MiB of upload (target)",
        "no retry (body consumed), typed error, nothing stored",
        f"{type(info.value).__name__}; HEAD -> ErrObjNotFound",
        retries=0,
        verified=_check_back(direct, bucket, objs),
    )
