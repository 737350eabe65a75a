"""aistore_hl's httpx transports against a real HTTP server on 127.0.0.1.

The behaviour tests run for both ``Urllib3Transport`` and ``HTTPClientTransport`` (the default of
the sync client); the pool tests at the end are urllib3-specific (see test_httpclient_transport.py
for the http.client pool).
"""

from __future__ import annotations

import hashlib
import http.client
import json
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import psutil  # type: ignore[import-untyped,unused-ignore]
import pytest
import urllib3
from local_http import GZ_TEXT, PAYLOAD, MiB, md5_of_size, running
from urllib3 import exceptions as u3

from aistore_hl import errors as E
from aistore_hl._http.transports.urllib3 import Urllib3Transport, _map_error
from aistore_hl.config import ClientConfig
from aistore_hl.const import DEFAULT_READ_CHUNK_SIZE
from aistore_hl.httpclient_transport import HTTPClientTransport
from aistore_hl.obj_stream import ObjStream


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running() as url:
        yield url


@pytest.fixture(params=["urllib3", "http.client"])
def client(request: pytest.FixtureRequest) -> Iterator[httpx.Client]:
    transport = Urllib3Transport() if request.param == "urllib3" else HTTPClientTransport()
    with httpx.Client(transport=transport, trust_env=False, timeout=10.0) as c:
        yield c


def _free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = int(s.getsockname()[1])
    s.close()
    return port


# --------------------------------------------------------------------------------------
# Bodies
# --------------------------------------------------------------------------------------


def test_large_get_streams_in_large_pieces_with_flat_rss(server: str, client: httpx.Client) -> None:
    size = 192 * MiB
    proc = psutil.Process()
    before = proc.memory_info().rss
    peak = before
    total = 0
    biggest = 0
    with client.stream("GET", f"{server}/big?size={size}") as resp:
        assert resp.status_code == 200
        assert int(resp.headers["content-length"]) == size
        for i, chunk in enumerate(resp.iter_raw()):
            total += len(chunk)
            biggest = max(biggest, len(chunk))
            if i % 16 == 0:
                peak = max(peak, proc.memory_info().rss)
    assert total == size
    assert biggest == DEFAULT_READ_CHUNK_SIZE  # large socket reads, not httpcore's 64 KiB
    assert peak - before < 48 * MiB, f"RSS grew by {(peak - before) / MiB:.1f} MiB"


def test_obj_stream_over_the_transport_verifies(server: str, client: httpx.Client) -> None:
    size = 5 * MiB + 123
    resp = client.send(client.build_request("GET", f"{server}/big?size={size}&md5=1"), stream=True)
    s = ObjStream(resp, chunk_size=MiB)
    n = sum(len(c) for c in s)
    assert n == size and s.checksum_verified and s.closed


def test_put_streams_a_generator_with_content_length(server: str, client: httpx.Client) -> None:
    size = 64 * MiB

    def gen() -> Iterator[bytes]:
        for _ in range(size // MiB):
            yield PAYLOAD

    proc = psutil.Process()
    before = proc.memory_info().rss
    resp = client.put(f"{server}/sink", content=gen(), headers={"Content-Length": str(size)})
    grown = proc.memory_info().rss - before
    info = resp.json()
    assert info == {"n": size, "md5": md5_of_size(size), "te": "", "cl": str(size)}
    assert grown < 32 * MiB, f"RSS grew by {grown / MiB:.1f} MiB"


def test_put_generator_without_length_is_chunked(server: str, client: httpx.Client) -> None:
    parts = [b"a" * 1000, b"", b"b" * 70_000, b"c"]
    info = client.put(f"{server}/sink", content=iter(parts)).json()
    assert info["te"] == "chunked" and info["cl"] == ""
    assert info["n"] == 71_001 and info["md5"] == hashlib.md5(b"".join(parts)).hexdigest()


def test_put_bytes_and_empty(server: str, client: httpx.Client) -> None:
    assert client.put(f"{server}/sink", content=b"xyz").json() == {
        "n": 3,
        "md5": hashlib.md5(b"xyz").hexdigest(),
        "te": "",
        "cl": "3",
    }
    assert client.put(f"{server}/sink", content=b"").json()["n"] == 0


def test_get_with_json_body_and_headers_pass_through(server: str, client: httpx.Client) -> None:
    resp = client.request(
        "GET",
        f"{server}/echo?provider=ais",
        json={"action": "list", "value": {}},
        headers={"Authorization": "Bearer t", "X-Many": "1"},
    )
    info = resp.json()
    assert info["method"] == "GET"
    assert json.loads(info["body"]) == {"action": "list", "value": {}}
    headers = {k.lower(): v for k, v in info["headers"].items()}
    assert headers["authorization"] == "Bearer t"
    assert headers["host"] == server.removeprefix("http://")
    assert headers["content-type"] == "application/json"
    assert "transfer-encoding" not in headers  # framed by Content-Length
    # A body-less GET sends no framing headers at all.
    plain = {k.lower() for k in client.get(f"{server}/echo").json()["headers"]}
    assert "content-length" not in plain and "transfer-encoding" not in plain


def test_head(server: str, client: httpx.Client) -> None:
    resp = client.head(f"{server}/big?size=12345")
    assert resp.status_code == 200
    assert resp.headers["content-length"] == "12345"
    assert resp.content == b""
    # The connection is still usable afterwards.
    assert client.get(f"{server}/port").status_code == 200


def test_repeated_headers_and_gzip(server: str, client: httpx.Client) -> None:
    assert client.get(f"{server}/dup").headers.get_list("ais-custom-md") == ["a=1", "b=2"]
    resp = client.get(f"{server}/gzip")
    assert resp.headers["content-encoding"] == "gzip"
    assert resp.content == GZ_TEXT  # decoded by httpx, not by urllib3


def test_error_status_is_returned_not_raised(server: str, client: httpx.Client) -> None:
    resp = client.get(f"{server}/nope")
    assert resp.status_code == 404
    with pytest.raises(E.NotFound):
        E.raise_for_status(resp)


# --------------------------------------------------------------------------------------
# Redirects
# --------------------------------------------------------------------------------------


def test_redirects_are_left_to_httpx(server: str) -> None:
    with httpx.Client(transport=Urllib3Transport(), trust_env=False, follow_redirects=True) as c:
        resp = c.get(f"{server}/redirect")
        assert resp.status_code == 200
        assert [r.status_code for r in resp.history] == [301]
        assert str(resp.url) == f"{server}/port"
    with httpx.Client(transport=Urllib3Transport(), trust_env=False) as c:
        resp = c.get(f"{server}/redirect")
        assert resp.status_code == 301
        assert resp.headers["location"] == "/port"


# --------------------------------------------------------------------------------------
# Errors and timeouts
# --------------------------------------------------------------------------------------


def test_connection_refused(client: httpx.Client) -> None:
    with pytest.raises(httpx.ConnectError):
        client.get(f"http://127.0.0.1:{_free_port()}/x")


def test_read_timeout_waiting_for_headers(server: str, client: httpx.Client) -> None:
    with pytest.raises(httpx.ReadTimeout):
        client.get(f"{server}/slow-headers", timeout=httpx.Timeout(5.0, read=0.1))


def test_read_timeout_in_body(server: str, client: httpx.Client) -> None:
    with client.stream("GET", f"{server}/slow-body", timeout=httpx.Timeout(5.0, read=0.1)) as resp:
        assert resp.status_code == 200
        with pytest.raises(httpx.ReadTimeout):
            resp.read()


def test_truncated_body(server: str, client: httpx.Client) -> None:
    with client.stream("GET", f"{server}/truncate") as resp, pytest.raises(httpx.RemoteProtocolError):
        resp.read()
    resp = client.send(client.build_request("GET", f"{server}/truncate"), stream=True)
    with pytest.raises(E.IncompleteRead) as info:
        ObjStream(resp).read_all()
    assert (info.value.expected, info.value.received) == (1000, 500)


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (u3.NewConnectionError(None, "refused"), httpx.ConnectError),  # type: ignore[arg-type]
        (u3.NameResolutionError("h", None, socket.gaierror()), httpx.ConnectError),  # type: ignore[arg-type]
        (u3.ConnectTimeoutError("t/o"), httpx.ConnectTimeout),
        (u3.ReadTimeoutError(None, "/x", "t/o"), httpx.ReadTimeout),  # type: ignore[arg-type]
        (u3.EmptyPoolError(None, "full"), httpx.PoolTimeout),  # type: ignore[arg-type]
        (u3.SSLError("bad cert"), httpx.ConnectError),
        (u3.ProxyError("proxy", OSError()), httpx.ProxyError),
        (u3.ProtocolError("aborted", http.client.RemoteDisconnected("gone")), httpx.RemoteProtocolError),
        (u3.ProtocolError("broken", http.client.IncompleteRead(b"x", 5)), httpx.RemoteProtocolError),
        (u3.ProtocolError("broken", ConnectionResetError()), httpx.ReadError),
        (u3.DecodeError("zlib"), httpx.DecodingError),
        (u3.LocationValueError("no host"), httpx.UnsupportedProtocol),
        (u3.HTTPError("other"), httpx.TransportError),
    ],
)
def test_error_mapping(exc: Exception, expected: type[Exception]) -> None:
    request = httpx.Request("GET", "http://h/")
    mapped = _map_error(exc, request, reading=True)
    assert type(mapped) is expected
    assert mapped.request is request


def test_write_errors_while_sending() -> None:
    request = httpx.Request("PUT", "http://h/")
    mapped = _map_error(u3.ProtocolError("aborted", BrokenPipeError()), request, reading=False)
    assert type(mapped) is httpx.WriteError


# --------------------------------------------------------------------------------------
# Connection pool
# --------------------------------------------------------------------------------------


def _pool(transport: Urllib3Transport, server: str) -> Any:
    port = int(server.rsplit(":", 1)[1])
    return transport.pool_manager.connection_from_host("127.0.0.1", port=port, scheme="http")


def test_connection_is_reused(server: str) -> None:
    transport = Urllib3Transport(pool_maxsize=1, block=True)
    with httpx.Client(transport=transport, trust_env=False, timeout=httpx.Timeout(5.0, pool=1.0)) as c:
        ports = {c.get(f"{server}/port").text for _ in range(10)}
        assert len(ports) == 1
        assert _pool(transport, server).num_connections == 1


def test_abandoned_bodies_do_not_leak_pool_slots(server: str) -> None:
    transport = Urllib3Transport(pool_maxsize=1, block=True)
    with httpx.Client(transport=transport, trust_env=False, timeout=httpx.Timeout(5.0, pool=1.0)) as c:
        for _ in range(5):
            with c.stream("GET", f"{server}/big?size={256 * MiB}") as resp:
                next(resp.iter_raw())  # read 1 MiB of 256, then abandon
            # With a leaked slot this would raise httpx.PoolTimeout after 1 s.
            assert c.get(f"{server}/port").status_code == 200
        # ObjStream abandoned by an early break: same guarantee.
        for _ in range(3):
            s = ObjStream(c.send(c.build_request("GET", f"{server}/big?size={64 * MiB}"), stream=True))
            for _chunk in s:
                break
            assert s.closed
            assert c.get(f"{server}/port").status_code == 200


def test_small_remainder_is_drained_and_connection_kept(server: str) -> None:
    transport = Urllib3Transport(pool_maxsize=1, block=True, read_chunk_size=1000)
    with httpx.Client(transport=transport, trust_env=False) as c:
        port1 = c.get(f"{server}/port").text
        with c.stream("GET", f"{server}/big?size=50000") as resp:
            assert len(next(resp.iter_raw())) == 1000
        assert c.get(f"{server}/port").text == port1  # drained, not dropped


def test_from_config_and_close(server: str) -> None:
    cfg = ClientConfig(server, verify=False, max_pool_size=3, read_chunk_size=4096)
    transport = Urllib3Transport.from_config(cfg)
    assert transport.pool_manager.connection_pool_kw["maxsize"] == 3
    assert transport.pool_manager.connection_pool_kw["cert_reqs"] == "CERT_NONE"
    with httpx.Client(transport=transport, trust_env=False) as c:
        assert c.get(f"{server}/port").status_code == 200
        assert len(transport.pool_manager.pools) == 1
    assert len(transport.pool_manager.pools) == 0  # Client.close() closed the transport


def test_custom_pool_manager_is_used(server: str) -> None:
    pm = urllib3.PoolManager(maxsize=2)
    with httpx.Client(transport=Urllib3Transport(pool_manager=pm), trust_env=False) as c:
        assert c.get(f"{server}/port").status_code == 200
    assert Urllib3Transport(pool_manager=pm).pool_manager is pm
