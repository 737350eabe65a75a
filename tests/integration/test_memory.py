"""The issue's figures, measured on the real cluster:

* peak RSS growth of a process reading a 1 GiB object by iterating ``Object.get()``: must stay flat
  (< 64 MiB), measured in a fresh subprocess (``ru_maxrss`` and a 5 ms RSS sampler);
* bytes the proxy receives for a 256 MiB ``Object.put()``: measured by a counting TCP relay in front of
  the proxy port only; the proxy's 307 sends the client straight to the target, so the proxy must get
  headers only (< 64 KiB), while the object on the cluster is exactly 256 MiB with a matching checksum.

Both objects are generated, not read from disk: one random 1 MiB block, repeated.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest

from aistore_hl import Bucket, Client
from tests.support.relay import CountingRelay

MiB = 1 << 20
BLOCK = hashlib.shake_256(b"aistore-hl memory test").digest(MiB)  # deterministic, incompressible


def _blocks(n: int) -> Iterator[bytes]:
    for _ in range(n):
        yield BLOCK


READER = textwrap.dedent(
    """
    import hashlib, json, resource, sys, threading, time
    import psutil
    from aistore_hl import Client

    endpoint, bucket, name, size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    MiB = 1 << 20
    block = hashlib.shake_256(b"aistore-hl memory test").digest(MiB)
    twice = block + block
    proc = psutil.Process()

    client = Client(endpoint)
    obj = client.bucket(bucket).object(name)
    assert obj.get(byte_range=(0, MiB - 1)).read_all() == block  # warm up: imports, pool, buffers

    peak_sampled = rss_before = proc.memory_info().rss
    maxrss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    stop = False

    def sample():
        global peak_sampled
        while not stop:
            peak_sampled = max(peak_sampled, proc.memory_info().rss)
            time.sleep(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.monotonic()
    stream = obj.get()  # the seed's default chunk size (32 KiB)
    pos = 0
    for chunk in stream:
        off = pos % MiB
        if chunk != twice[off:off + len(chunk)]:
            raise SystemExit(f"content differs at offset {pos}")
        pos += len(chunk)
    elapsed = time.monotonic() - t0
    stop = True
    sampler.join()
    maxrss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({
        "bytes": pos,
        "seconds": elapsed,
        "rss_before": rss_before,
        "sampled_growth": peak_sampled - rss_before,
        "maxrss_growth": maxrss_after - maxrss_before,
        "checksum_verified": stream.checksum_verified,
        "checksum_skip_reason": stream.checksum_skip_reason,
    }))
    """
)


def test_reading_1gib_keeps_rss_flat(
    client: Client, bucket: Bucket, ais_endpoint: str, record_figure: Callable[..., None]
) -> None:
    size = 1024 * MiB
    bucket.object("1gib").put(content=_blocks(1024))  # streamed, chunked: never held in memory
    assert bucket.object("1gib").head().size == size

    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    proc = subprocess.run(
        [sys.executable, "-c", READER, ais_endpoint, bucket.name, "1gib", str(size)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    fig = json.loads(proc.stdout.strip().splitlines()[-1])
    growth = max(fig["sampled_growth"], fig["maxrss_growth"])

    assert fig["bytes"] == size
    assert fig["checksum_verified"] or "xxhash" in fig["checksum_skip_reason"]
    record_figure("get_1gib_peak_rss_growth_mib", round(growth / MiB, 2), unit="MiB", bound="< 64")
    record_figure(
        "get_1gib_throughput_mib_s", round(size / MiB / fig["seconds"], 1), unit="MiB/s", bound="info"
    )
    assert growth < 64 * MiB, fig


@pytest.fixture
def sha256_bucket(bucket: Bucket, raw: object) -> Bucket:
    """The bucket with checksum type sha256, so the cluster's checksum can be compared with hashlib's."""
    import httpx

    assert isinstance(raw, httpx.Client)
    r = raw.patch(
        f"/v1/buckets/{bucket.name}",
        params=bucket.qparam,
        json={"action": "set-bprops", "value": {"checksum": {"type": "sha256"}}},
    )
    assert r.status_code == 200, r.text
    return bucket


def test_put_256mib_sends_no_body_bytes_to_the_proxy(
    sha256_bucket: Bucket, ais_endpoint: str, record_figure: Callable[..., None]
) -> None:
    size = 256 * MiB
    data = BLOCK * 256
    expected = hashlib.sha256(data).hexdigest()
    url = urlsplit(ais_endpoint)
    assert url.hostname and url.port

    with CountingRelay(url.port, url.hostname) as relay, Client(relay.endpoint) as via_relay:
        t0 = time.monotonic()
        props = via_relay.bucket(sha256_bucket.name).object("256mib").put(content=data)
        elapsed = time.monotonic() - t0
        to_proxy = relay.client_to_upstream
        # a streamed (chunked) upload takes the same path
        via_relay.bucket(sha256_bucket.name).object("16mib-iter").put(content=_blocks(16))
        to_proxy_both = relay.client_to_upstream

    head = sha256_bucket.object("256mib").head()
    assert head.size == size
    assert (head.checksum_type, head.checksum_value) == ("sha256", expected)
    assert props.checksum_value == expected
    assert sha256_bucket.object("16mib-iter").head().checksum_value == hashlib.sha256(BLOCK * 16).hexdigest()

    record_figure("put_256mib_bytes_to_proxy", to_proxy, unit="bytes", bound="< 65536")
    record_figure("put_256mib_throughput_mib_s", round(size / MiB / elapsed, 1), unit="MiB/s", bound="info")
    assert 0 < to_proxy < 64 * 1024  # the proxy got the request line and headers, nothing else
    assert to_proxy_both < 2 * 64 * 1024
