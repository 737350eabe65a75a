"""``aistore_hl._request``: object PUT with a manual redirect (through ``Object.put``), error hooks,
streaming GET. The proxy and the target are a MockTransport; sleeps are recorded, not slept."""

from __future__ import annotations

import asyncio
import dataclasses
import io
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hl_mock import TARGET, Recorder, ais_error, mock_async_client, mock_client, patch_sleeps

from aistore_hl import AsyncClient, Client, Header, RetryPolicy
from aistore_hl._http import request as _request
from aistore_hl._http import retrying as _retrying
from aistore_hl._http.transports._common import READ_SIZE_EXTENSION
from aistore_hl.errors import (
    ConnectionFailed,
    ErrObjNotFound,
    InvalidArgument,
    ServiceUnavailable,
    UnexpectedResponse,
)

POLICY = RetryPolicy(max_attempts=3, backoff_base=0.25, jitter=0.0)
LOCATION = f"{TARGET}/v1/objects/b/o?provider=ais&pid=p1&ptime=123"
DATA = bytes(range(256)) * 5000  # > 1 MiB: several upload pieces


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    return patch_sleeps(monkeypatch, _retrying, _request)


class Cluster:
    """Proxy answers 307 to ``LOCATION``; the target stores the body. ``target_faults`` /
    ``proxy_faults`` are consumed one per request (an exception is raised, a Response returned)."""

    def __init__(
        self, *, target_faults: list[Any] | None = None, proxy_faults: list[Any] | None = None
    ) -> None:
        self.target_faults = list(target_faults or [])
        self.proxy_faults = list(proxy_faults or [])
        self.rec = Recorder(self.handle)
        self.stored: list[bytes] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        faults = self.proxy_faults if request.url.host == "proxy.test" else self.target_faults
        if faults:
            fault = faults.pop(0)
            if isinstance(fault, Exception):
                raise fault
            return fault
        if request.url.host == "proxy.test":
            return httpx.Response(307, headers={"Location": LOCATION})
        self.stored.append(request.content)
        return httpx.Response(
            200, headers={"Ais-Checksum-Type": "xxhash2", "Ais-Checksum-Value": "abc", "Ais-Version": "1"}
        )

    def hops(self) -> list[str]:
        return [f"{s.url.host}:{len(s.content)}" for s in self.rec.seen]


def test_proxy_leg_is_empty_and_the_target_gets_the_data_once() -> None:
    cl = Cluster()
    props = mock_client(cl.rec).bucket("b").object("o").put(content=DATA)

    proxy, target = cl.rec.seen
    assert (proxy.method, proxy.url.host, proxy.path, proxy.query) == (
        "PUT",
        "proxy.test",
        "/v1/objects/b/o",
        {"provider": "ais"},
    )
    assert proxy.content == b"" and proxy.headers.get("content-length") in (None, "0")
    assert (target.method, str(target.url)) == ("PUT", LOCATION)  # the Location, verbatim
    assert target.headers["content-length"] == str(len(DATA))
    assert cl.stored == [DATA]
    assert isinstance(props, Header) and props.checksum_value == "abc" and props.version == "1"


def test_file_and_stream_bodies_have_a_length_iterators_are_chunked(tmp_path: Path) -> None:
    f = tmp_path / "f.bin"
    f.write_bytes(DATA)
    cl = Cluster()
    obj = mock_client(cl.rec).bucket("b").object("o")
    obj.put(path=str(f))
    obj.put(content=io.BytesIO(DATA))
    obj.put(content=iter([DATA[:1000], DATA[1000:]]))
    targets = [s for s in cl.rec.seen if s.url.host == "target.test"]
    assert [t.headers.get("content-length") for t in targets] == [str(len(DATA)), str(len(DATA)), None]
    assert targets[2].headers["transfer-encoding"] == "chunked"
    assert cl.stored == [DATA, DATA, DATA]


@pytest.mark.parametrize("kind", ["bytes", "path", "seekable"])
def test_target_connection_error_retries_a_replayable_body_from_the_proxy(
    kind: str, tmp_path: Path, slept: list[float]
) -> None:
    f = tmp_path / "f.bin"
    f.write_bytes(DATA)
    args = {"bytes": {"content": DATA}, "path": {"path": str(f)}, "seekable": {"content": io.BytesIO(DATA)}}[
        kind
    ]
    cl = Cluster(target_faults=[httpx.ConnectError("target down")])
    mock_client(cl.rec, retry=POLICY).bucket("b").object("o").put(**args)
    assert [h.split(":")[0] for h in cl.hops()] == ["proxy.test", "target.test", "proxy.test", "target.test"]
    assert cl.stored == [DATA]  # the full data, on the attempt that succeeded
    assert slept == [0.25]


def test_target_connection_error_is_not_retried_for_an_iterator(slept: list[float]) -> None:
    cl = Cluster(target_faults=[httpx.ConnectError("target down")])
    with pytest.raises(ConnectionFailed):
        mock_client(cl.rec, retry=POLICY).bucket("b").object("o").put(content=iter([DATA]))
    assert [h.split(":")[0] for h in cl.hops()] == ["proxy.test", "target.test"]
    assert cl.stored == [] and slept == []


def test_target_503_retried_for_bytes_not_for_an_iterator(slept: list[float]) -> None:
    cl = Cluster(target_faults=[ais_error(503, "busy")])
    mock_client(cl.rec, retry=POLICY).bucket("b").object("o").put(content=DATA)
    assert len(cl.rec.seen) == 4 and cl.stored == [DATA]

    cl = Cluster(target_faults=[ais_error(503, "busy")])
    with pytest.raises(ServiceUnavailable):
        mock_client(cl.rec, retry=POLICY).bucket("b").object("o").put(content=iter([DATA]))
    assert len(cl.rec.seen) == 2


def test_proxy_failure_before_the_body_is_read_is_retried_even_for_an_iterator(slept: list[float]) -> None:
    cl = Cluster(proxy_faults=[httpx.ConnectError("proxy restarting"), ais_error(503, "not ready")])
    mock_client(cl.rec, retry=POLICY).bucket("b").object("o").put(content=iter([DATA]))
    assert [h.split(":")[0] for h in cl.hops()] == ["proxy.test"] * 3 + ["target.test"]
    assert cl.stored == [DATA]


def test_one_retry_budget_for_both_legs(slept: list[float]) -> None:
    """The whole PUT is tried max_attempts times; the transport does not multiply that per leg."""
    cl = Cluster(target_faults=[httpx.ConnectError("down")] * 10)
    with pytest.raises(ConnectionFailed):
        mock_client(cl.rec, retry=POLICY).bucket("b").object("o").put(content=DATA)
    hosts = [h.split(":")[0] for h in cl.hops()]
    assert hosts == ["proxy.test", "target.test"] * 3
    assert slept == [0.25, 0.5]


def test_put_errors_are_typed_and_not_retried_when_not_retryable(slept: list[float]) -> None:
    cl = Cluster(proxy_faults=[ais_error(404, "bucket does not exist", "ErrBckNotFound")])
    with pytest.raises(Exception) as ei:
        mock_client(cl.rec, retry=POLICY).bucket("b").object("o").put(content=DATA)
    assert type(ei.value).__name__ == "ErrBckNotFound" and len(cl.rec.seen) == 1

    cl = Cluster(target_faults=[httpx.ConnectError("down")])
    with pytest.raises(ConnectionFailed):
        mock_client(cl.rec, retry=POLICY.replace(retry_connection_errors=False)).bucket("b").object("o").put(
            content=DATA
        )
    assert len(cl.rec.seen) == 2


# -- GET / HEAD -----------------------------------------------------------------------------------------
def test_get_follows_the_proxy_redirect_and_streams() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.host == "proxy.test":
            return httpx.Response(301, headers={"Location": f"{TARGET}/v1/objects/b/o?provider=ais"})
        return httpx.Response(200, content=DATA, headers={"Content-Length": str(len(DATA))})

    rec = Recorder(handle)
    stream = mock_client(rec).bucket("b").object("o").get(chunk_size=1 << 16, verify_checksum=False)
    assert b"".join(stream) == DATA
    assert [s.url.host for s in rec.seen] == ["proxy.test", "target.test"]


@pytest.mark.parametrize("chunk_size", [1000, 4 << 20])
def test_get_lets_the_transport_read_its_own_piece_size_sync_and_async(chunk_size: int) -> None:
    # Chunks bigger than a piece are joined from cache-sized pieces (faster than chunk-sized
    # socket reads), so no GET asks the transport for chunk-sized reads; chunks stay exact.
    wanted: list[object] = []
    data = DATA * 10  # ~12 MB: several 4 MiB chunks

    pieces = [data[i : i + 300_000] for i in range(0, len(data), 300_000)]

    async def apieces() -> AsyncIterator[bytes]:
        for p in pieces:
            yield p

    def handle(request: httpx.Request) -> httpx.Response:
        wanted.append(request.extensions.get(READ_SIZE_EXTENSION))
        return httpx.Response(200, content=iter(pieces), headers={"Content-Length": str(len(data))})

    def ahandle(request: httpx.Request) -> httpx.Response:
        wanted.append(request.extensions.get(READ_SIZE_EXTENSION))
        return httpx.Response(200, content=apieces(), headers={"Content-Length": str(len(data))})

    chunks = list(mock_client(handle).bucket("b").object("o").get(chunk_size=chunk_size))

    async def main() -> list[bytes]:
        c = mock_async_client(ahandle)
        try:
            return [x async for x in await c.bucket("b").object("o").get(chunk_size=chunk_size)]
        finally:
            await c.close()

    for got in (chunks, asyncio.run(main())):
        assert b"".join(got) == data
        assert all(len(x) == chunk_size for x in got[:-1]) and 0 < len(got[-1]) <= chunk_size
        assert all(type(x) is bytes for x in got)
    assert wanted == [None, None]


def test_head_error_comes_from_the_hdr_error_header() -> None:
    err = '{"tcode":"ErrObjNotFound","message":"ais://b/o does not exist","status":404}'
    rec = Recorder(lambda r: httpx.Response(404, headers={"Hdr-Error": err}))
    with pytest.raises(ErrObjNotFound) as ei:
        mock_client(rec).bucket("b").object("o").head()
    assert ei.value.message == "ais://b/o does not exist"


# -- async twin -----------------------------------------------------------------------------------------
def _aput(cl: Cluster, **put_args: Any) -> Header:
    async def main() -> Header:
        c = mock_async_client(cl.rec, retry=POLICY)
        try:
            return await c.bucket("b").object("o").put(**put_args)
        finally:
            await c.close()

    return asyncio.run(main())


def test_async_put_redirect_and_retry(slept: list[float]) -> None:
    cl = Cluster(target_faults=[httpx.ConnectError("down")])
    props = _aput(cl, content=DATA)
    assert props.checksum_value == "abc"
    assert cl.hops() == [
        "proxy.test:0",
        f"target.test:{len(DATA)}",
        "proxy.test:0",
        f"target.test:{len(DATA)}",
    ]
    assert cl.stored == [DATA] and slept == [0.25]


def test_async_put_iterator_not_retried(slept: list[float]) -> None:
    cl = Cluster(target_faults=[httpx.ConnectError("down")])
    with pytest.raises(ConnectionFailed):
        _aput(cl, content=iter([DATA]))
    assert len(cl.rec.seen) == 2 and cl.stored == []


def test_a_proxy_that_does_not_redirect_fails_the_put_instead_of_dropping_the_data() -> None:
    # A 200 to the empty proxy leg would mean "written" while the data never left the client.
    cl = Cluster(proxy_faults=[httpx.Response(200)])
    with pytest.raises(UnexpectedResponse, match="instead of redirecting"):
        mock_client(cl.rec).bucket("b").object("o").put(content=DATA)
    assert cl.stored == []
    assert cl.hops() == ["proxy.test:0"]


# -- RequestClient.send: redirects as httpx.Client follows them -----------------------------------------
def test_redirect_hop_gets_the_new_host_and_loses_the_token_across_origins() -> None:
    req = httpx.Request(
        "GET", "http://proxy.test:8080/v1/objects/b/o?provider=ais", headers={"Authorization": "Bearer t"}
    )
    resp = httpx.Response(301, headers={"Location": "http://target.test:8081/v1/objects/b/o?pid=x"})
    hop = _request._redirect_request(req, resp)
    assert (hop.method, str(hop.url)) == ("GET", "http://target.test:8081/v1/objects/b/o?pid=x")
    assert hop.headers["host"] == "target.test:8081"
    assert "authorization" not in hop.headers
    # same origin, relative Location: the token stays
    same = _request._redirect_request(req, httpx.Response(307, headers={"Location": "/v1/other"}))
    assert str(same.url) == "http://proxy.test:8080/v1/other"
    assert same.headers["authorization"] == "Bearer t" and same.headers["host"] == "proxy.test:8080"


def test_redirect_307_keeps_method_and_body_303_drops_them() -> None:
    req = httpx.Request("PUT", "http://proxy.test/x", content=b"abc")
    keep = _request._redirect_request(req, httpx.Response(307, headers={"Location": "http://t.test/x"}))
    assert (keep.method, keep.read(), keep.headers["content-length"]) == ("PUT", b"abc", "3")
    post = httpx.Request("POST", "http://proxy.test/x", content=b"abc")
    see = _request._redirect_request(post, httpx.Response(303, headers={"Location": "http://t.test/y"}))
    assert see.method == "GET" and "content-length" not in see.headers


@pytest.mark.parametrize(
    ("params", "query"),
    [
        ({"provider": "ais", "namespace": None}, "provider=ais"),
        ({"frc": True, "keep_bck_md": False}, "frc=true&keep_bck_md=false"),
        ({"prefix": "a b/c&d=é"}, "prefix=a+b%2Fc%26d%3D%C3%A9"),
        ({"k": ["x", "y"]}, "k=x&k=y"),
    ],
)
def test_query_string_matches_httpx(params: dict[str, Any], query: str) -> None:
    assert _request._query_string(params) == query
    # and it means the same to the server as httpx's own encoding
    ours = httpx.URL(f"http://h/?{query}").params
    theirs = httpx.Request(
        "GET", "http://h/", params={k: v for k, v in params.items() if v is not None}
    ).url.params
    assert sorted(ours.multi_items()) == sorted(theirs.multi_items())


def test_send_stops_redirect_loops() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"Location": "/v1/objects/b/o"})

    with pytest.raises(UnexpectedResponse, match="redirects"):
        mock_client(Recorder(handle)).bucket("b").object("o").get()


def test_user_agent_and_token_headers_come_from_the_config() -> None:
    from aistore_hl import ClientConfig

    seen: list[httpx.Headers] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        return httpx.Response(200, json=[])

    from aistore_hl import Client

    c = Client(
        config=ClientConfig("http://proxy.test:8080", user_agent="my-app/2", token="tok"),
        transport=httpx.MockTransport(handle),
    )
    c.cluster().list_buckets()
    assert seen[-1]["user-agent"] == "my-app/2"
    assert seen[-1]["authorization"] == "Bearer tok"


# -- direct reads: which failures fall back, drop the map, or turn them off ------------------------------
def _direct_client(direct_status: int, proxy_has_it: bool = True) -> tuple[Any, Recorder]:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.host == "owner.test":  # where the cached map says the object lives
            return ais_error(direct_status, "direct", "ErrObjNotFound" if direct_status == 404 else "")
        if request.url.host == "proxy.test":
            return httpx.Response(301, headers={"Location": f"{TARGET}/v1/objects/b/o?provider=ais"})
        if not proxy_has_it:
            return ais_error(404, "ais://b/o does not exist", "ErrObjNotFound")
        return httpx.Response(200, content=b"data")

    rec = Recorder(handle)
    c = mock_client(rec)
    c.config = dataclasses.replace(c.config, direct_reads=True)
    c._rc.routing.targets = [(1, "http://owner.test:1")]
    return c, rec


def test_direct_404_then_found_by_the_proxy_drops_the_stale_map() -> None:
    c, rec = _direct_client(404)
    assert c.bucket("b").object("o").get(verify_checksum=False).read_all() == b"data"
    assert [s.url.host for s in rec.seen] == ["owner.test", "proxy.test", "target.test"]
    assert c._rc.routing.targets is None and not c._rc.routing.refused


def test_direct_404_for_a_missing_object_keeps_the_map() -> None:
    c, _ = _direct_client(404, proxy_has_it=False)
    with pytest.raises(ErrObjNotFound):
        c.bucket("b").object("o").get()
    assert c._rc.routing.targets == [(1, "http://owner.test:1")]


@pytest.mark.parametrize("status", [401, 403])
def test_direct_access_refused_turns_direct_reads_off(status: int) -> None:
    c, rec = _direct_client(status)
    for _ in range(3):
        assert c.bucket("b").object("o").get(verify_checksum=False).read_all() == b"data"
    hosts = [s.url.host for s in rec.seen]
    assert hosts == ["owner.test"] + ["proxy.test", "target.test"] * 3  # refused once, never again
    assert c._rc.routing.refused


# -- the transport seam: Client(transport=...) ------------------------------------------------------------
def test_transport_seam_replaces_only_the_sockets() -> None:
    # A 503 then a 200 through the given transport: the client's own retries still run above it.
    answers = [httpx.Response(503), httpx.Response(200, json=[])]
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return answers.pop(0)

    fast = RetryPolicy(backoff_base=0.0, backoff_cap=0.0)
    with Client("http://proxy.test:8080", retry=fast, transport=httpx.MockTransport(handle)) as c:
        assert c.cluster().list_buckets() == []
    assert seen == ["/v1/buckets", "/v1/buckets"]  # the 503 was retried


def test_transport_seam_refuses_the_wrong_kind() -> None:
    class AsyncOnly(httpx.AsyncBaseTransport):
        pass

    with pytest.raises(InvalidArgument):
        Client("http://proxy.test:8080", transport=AsyncOnly())
    with pytest.raises(InvalidArgument):
        AsyncClient("http://proxy.test:8080", transport=object())


def test_transport_seam_wraps_the_built_in_transport_sync_and_async() -> None:
    # A callable gets the built-in socket transport and returns the one to use (a wrapper).
    from aistore_hl._http.transports.aiohttp import AiohttpTransport
    from aistore_hl._http.transports.httpclient import HTTPClientTransport

    got: list[object] = []

    class Recorder(httpx.BaseTransport):
        def __init__(self, inner: httpx.BaseTransport) -> None:
            got.append(inner)
            self.inner = inner
            self.paths: list[str] = []

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            self.paths.append(request.url.path)
            return httpx.Response(200, json=[])

    rec: list[Recorder] = []

    def wrap(inner: httpx.BaseTransport) -> Recorder:
        rec.append(Recorder(inner))
        return rec[-1]

    with Client("http://proxy.test:8080", transport=wrap) as c:
        assert c.cluster().list_buckets() == []
    assert isinstance(got[0], HTTPClientTransport) and rec[0].paths == ["/v1/buckets"]

    class AsyncRecorder(httpx.AsyncBaseTransport):
        def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
            got.append(inner)

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, json=[])

    async def run() -> None:
        async with AsyncClient("http://proxy.test:8080", transport=AsyncRecorder) as ac:
            assert await ac.cluster().list_buckets() == []

    asyncio.run(run())
    assert isinstance(got[1], AiohttpTransport)
    # the wrapper must return a transport of the client's kind
    with pytest.raises(InvalidArgument):
        Client("http://proxy.test:8080", transport=lambda inner: object())
    with pytest.raises(InvalidArgument):
        AsyncClient("http://proxy.test:8080", transport=lambda inner: Recorder(httpx.MockTransport(print)))


# -- error bodies: one capped reader for every request ---------------------------------------------------
def test_error_answers_are_read_only_up_to_the_cap() -> None:
    from aistore_hl.errors import MAX_ERROR_BODY, AISError

    pulled = 0

    def body() -> Any:
        nonlocal pulled
        for _ in range(64):  # 4 MiB offered in 64 KiB pieces
            pulled += 1
            yield b"x" * (64 * 1024)

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, content=body())

    with (
        Client(
            "http://proxy.test:8080", retry=RetryPolicy(max_attempts=1), transport=httpx.MockTransport(handle)
        ) as c,
        pytest.raises(AISError) as info,
    ):
        c.cluster().list_buckets()
    assert info.value.status_code == 500
    assert pulled * 64 * 1024 <= 2 * MAX_ERROR_BODY  # not the whole 4 MiB
