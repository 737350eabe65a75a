"""Retries and timeouts.

Unit level (a mock transport below the client's real retry layer, for what a cluster cannot be
made to do on demand: exact status sequences, persistent failures) next to the real thing: a
client started against a cluster that is still booting, which refuses connections and answers
503 until it is ready.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import pickle
import time
from collections.abc import Callable, Iterator

import aiscluster
import httpx
import msgspec
import pytest

from aistore_hl import AsyncClient, Client, ClientConfig, RetryPolicy, Timeouts
from aistore_hl._http.retrying import retry_scope
from aistore_hl.config import DEFAULT_TIMEOUTS
from aistore_hl.errors import AISError, ConnectionFailed, ServiceUnavailable
from aistore_hl.obj_stream import DEFAULT_MAX_RESUME
from tests.support.tap import Tap

from .harness import BOOT_PORT, FaultMatrix
from .support import recorded_sleeps

PROXY = "http://127.0.0.1:1111"
FAST = RetryPolicy(backoff_base=0.001, backoff_cap=0.002)


class Script:
    """A mock cluster: answers per (method, port) from a script; records every attempt."""

    def __init__(self, answers: Callable[[httpx.Request, int], httpx.Response | Exception]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, int | None]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls.append((request.method, request.url.port))
        request.read()
        ans = self.answers(request, len(self.calls))
        if isinstance(ans, Exception):
            raise ans
        return ans


def _mock_client(script: Script, **kw: object) -> Client:
    kw.setdefault("direct_reads", False)  # a mock has no cluster map
    return Client(PROXY, transport=httpx.MockTransport(script), **kw)  # type: ignore[arg-type]


def _redirect_put(target_answer: Callable[[httpx.Request], httpx.Response | Exception]) -> Script:
    def answers(req: httpx.Request, n: int) -> httpx.Response | Exception:
        if req.url.port == 1111:
            return httpx.Response(307, headers={"Location": "http://127.0.0.1:2222/v1/objects/b/o?pid=p"})
        return target_answer(req)

    return Script(answers)


# ---------------------------------------------------------------------------------------------
# Policy objects
# ---------------------------------------------------------------------------------------------


def test_policy_is_frozen_picklable_and_travels_with_the_client() -> None:
    p = RetryPolicy(max_attempts=7, backoff_base=0.2, retry_statuses=frozenset({503}))
    with pytest.raises(AttributeError):
        p.max_attempts = 1  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(p)) == p
    c = Client("http://127.0.0.1:1", retry=p, timeout=3.0)
    c2 = pickle.loads(pickle.dumps(c))
    assert c2.config.retry == p and c2.config.timeout == c.config.timeout
    c.close()
    c2.close()
    cfg = ClientConfig("http://127.0.0.1:1", retry=p)
    assert pickle.loads(pickle.dumps(cfg)) == cfg


def test_defaults_never_wait_forever() -> None:
    for client in (Client("http://127.0.0.1:1"), AsyncClient("http://127.0.0.1:1")):
        cfg = client.config
        t = cfg.timeout
        assert all(v is not None and 0 < v <= 60 for v in (t.connect, t.read, t.write, t.pool)), t
        r = cfg.retry
        assert r.max_attempts <= 10 and r.backoff_cap <= 60 and r.max_retry_after <= 60
        # worst case of the default policy, Retry-After honoured and capped on every retry
        assert (r.max_attempts - 1) * r.max_retry_after <= 180
        ht = client._rc.http.timeout
        assert None not in (ht.connect, ht.read, ht.write, ht.pool)
    assert Timeouts() == DEFAULT_TIMEOUTS
    assert 0 < DEFAULT_MAX_RESUME <= 10
    # A server asking for an hour is waited for at most max_retry_after.
    assert RetryPolicy().compute_delay(1, retry_after=3600) == 60.0


def test_per_client_and_per_call_policy() -> None:
    script = Script(lambda req, n: httpx.Response(503))
    c = _mock_client(script, retry=FAST.replace(max_attempts=2))
    with pytest.raises(ServiceUnavailable):
        c.cluster().get_info()
    assert len(script.calls) == 2  # the client's policy
    script.calls.clear()
    with retry_scope(FAST.replace(max_attempts=5)), pytest.raises(ServiceUnavailable):
        c.cluster().get_info()
    assert len(script.calls) == 5  # this call's policy
    script.calls.clear()
    with pytest.raises(ServiceUnavailable):
        c.cluster().get_info()
    assert len(script.calls) == 2  # back to the client's
    script.calls.clear()
    with retry_scope(RetryPolicy.no_retries()), pytest.raises(ServiceUnavailable):
        c.bucket("b").object("o").head()
    assert len(script.calls) == 1
    # with_options: a view of the client (same pool) with its own policy, for every kind of call.
    view = c.with_options(retry=FAST.replace(max_attempts=3))
    calls: list[tuple[str, Callable[[], object]]] = [
        ("smap", lambda: view.cluster().get_info()),
        ("HEAD", lambda: view.bucket("b").object("o").head()),
        ("GET", lambda: view.bucket("b").object("o").get().read_all()),
        ("list", lambda: view.bucket("b").list_objects()),
        ("PUT", lambda: view.bucket("b").object("o").put(content=b"x")),
    ]
    for label, call in calls:
        script.calls.clear()
        with pytest.raises(ServiceUnavailable):
            call()
        assert len(script.calls) == 3, (label, script.calls)
    script.calls.clear()
    with pytest.raises(ServiceUnavailable):
        c.bucket("b").object("o").get()
    assert len(script.calls) == 2  # the original client is unchanged
    c.close()


@pytest.mark.parametrize(
    ("answer", "retried"),
    [
        (httpx.Response(503), True),
        (httpx.Response(429), True),
        (httpx.Response(500), True),
        (httpx.Response(502), True),
        (httpx.Response(504), True),
        (httpx.ConnectError("refused"), True),
        (httpx.ReadError("reset"), True),
        (httpx.RemoteProtocolError("eof"), True),
        (httpx.ReadTimeout("slow"), True),
        (httpx.Response(404), False),
        (httpx.Response(400), False),
        (httpx.Response(401), False),
    ],
)
def test_get_head_list_retry_on(answer: httpx.Response | Exception, retried: bool) -> None:
    def answers(req: httpx.Request, n: int) -> httpx.Response | Exception:
        if n % 2 == 1:  # first attempt of each operation fails, the second succeeds
            return answer
        if req.method == "HEAD":
            return httpx.Response(200, headers={"Content-Length": "3"})
        if "/buckets/" in req.url.path:
            page = msgspec.msgpack.encode({"Entries": [], "ContinuationToken": "", "UUID": "u"})
            return httpx.Response(200, content=page, headers={"Content-Type": "application/msgpack"})
        return httpx.Response(200, content=b"abc")

    script = Script(answers)
    c = _mock_client(script, retry=FAST)
    ops: list[Callable[[], object]] = [
        lambda: c.bucket("b").object("o").head(),
        lambda: c.bucket("b").object("o").get(verify_checksum=False).read_all(),
        lambda: c.bucket("b").list_objects(),
    ]
    for op in ops:
        script.calls.clear()
        if retried:
            op()
            assert len(script.calls) == 2
        else:
            with pytest.raises(AISError):
                op()
            assert len(script.calls) == 1
            script.calls.append(("pad", 0))  # keep the odd/even pairing of the script
    c.close()


def test_backoff_is_jittered_capped_and_honours_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    retry_after = {1: "2", 2: None, 3: None, 4: None, 5: None}

    def answers(req: httpx.Request, n: int) -> httpx.Response:
        if n <= 5:
            ra = retry_after[n]
            return httpx.Response(503, headers={"Retry-After": ra} if ra else {})
        return httpx.Response(200, json={})

    script = Script(answers)
    policy = RetryPolicy(
        max_attempts=6, backoff_base=0.01, backoff_cap=0.03, jitter=0.5, max_retry_after=0.05
    )
    c = _mock_client(script, retry=policy)
    with recorded_sleeps(monkeypatch) as delays:
        c.cluster().get_info()
    c.close()
    assert delays[0] == 0.05  # Retry-After: 2, capped at max_retry_after
    for d, ceiling in zip(delays[1:], [0.02, 0.03, 0.03, 0.03], strict=True):
        assert ceiling * 0.5 <= d <= ceiling
    # Jitter: the same attempt gets different delays.
    assert len({RetryPolicy().compute_delay(3) for _ in range(20)}) > 1


# ---------------------------------------------------------------------------------------------
# PUT: retried only when the body can be sent again; one retry budget for both legs
# ---------------------------------------------------------------------------------------------


def _bodies(tmp_path: object) -> Iterator[tuple[str, Callable[[], object], bool]]:
    path = f"{tmp_path}/body.bin"
    with open(path, "wb") as f:
        f.write(b"x" * 1000)
    yield "bytes", lambda: {"content": b"x" * 1000}, True
    yield "bytearray", lambda: {"content": bytearray(b"x" * 1000)}, True
    yield "path", lambda: {"path": path}, True
    yield "seekable file", lambda: {"content": io.BytesIO(b"x" * 1000)}, True
    yield "iterator", lambda: {"content": iter([b"x" * 500, b"x" * 500])}, False
    yield "generator", lambda: {"content": (b"x" * 100 for _ in range(10))}, False


def test_put_retries_only_replayable_bodies(tmp_path: object) -> None:
    for label, kwargs, replayable in _bodies(tmp_path):
        bodies: list[bytes] = []

        def target(req: httpx.Request, bodies: list[bytes] = bodies) -> httpx.Response | Exception:
            bodies.append(req.content)
            return httpx.Response(503) if len(bodies) == 1 else httpx.Response(200)

        script = _redirect_put(target)
        c = _mock_client(script, retry=FAST)
        if replayable:
            c.bucket("b").object("o").put(**kwargs())  # type: ignore[arg-type]
            assert bodies == [b"x" * 1000] * 2, label  # the same full body, twice
        else:
            with pytest.raises(ServiceUnavailable):
                c.bucket("b").object("o").put(**kwargs())  # type: ignore[arg-type]
            assert len(bodies) == 1, label  # a consumed iterator is never re-sent
        c.close()


def test_put_retry_budget_is_not_multiplied(tmp_path: object) -> None:
    """max_attempts bounds the whole PUT: proxy leg and target leg share it."""
    script = _redirect_put(lambda req: httpx.Response(503))
    c = _mock_client(script, retry=FAST)  # 4 attempts
    with pytest.raises(ServiceUnavailable):
        c.bucket("b").object("o").put(content=b"abc")
    assert script.calls.count(("PUT", 2222)) == 4, script.calls
    assert script.calls.count(("PUT", 1111)) == 4
    # Per call, too.
    script.calls.clear()
    with retry_scope(FAST.replace(max_attempts=2)), pytest.raises(ServiceUnavailable):
        c.bucket("b").object("o").put(content=b"abc")
    assert script.calls.count(("PUT", 2222)) == 2, script.calls
    c.close()


def test_put_iterator_retried_while_body_unsent() -> None:
    """A 503 from the proxy leg comes before the body is read: even an iterator is retried."""

    def answers(req: httpx.Request, n: int) -> httpx.Response:
        if req.url.port == 1111:
            if n <= 2:
                return httpx.Response(503)
            return httpx.Response(307, headers={"Location": "http://127.0.0.1:2222/v1/objects/b/o?pid=p"})
        return httpx.Response(200)

    script = Script(answers)
    c = _mock_client(script, retry=FAST)
    c.bucket("b").object("o").put(content=iter([b"a", b"b"]))
    assert script.calls == [("PUT", 1111)] * 3 + [("PUT", 2222)]
    c.close()


def test_async_put_retries_only_replayable_bodies() -> None:
    async def run(content: object) -> int:
        bodies: list[bytes] = []

        def handler(req: httpx.Request) -> httpx.Response:
            if req.url.port == 1111:
                return httpx.Response(307, headers={"Location": "http://127.0.0.1:2222/v1/objects/b/o?pid=p"})
            bodies.append(req.content)
            return httpx.Response(503) if len(bodies) == 1 else httpx.Response(200)

        async with AsyncClient(
            PROXY, retry=FAST, direct_reads=False, transport=httpx.MockTransport(handler)
        ) as c:
            with contextlib.suppress(ServiceUnavailable):
                await c.bucket("b").object("o").put(content=content)  # type: ignore[arg-type]
        return len(bodies)

    assert asyncio.run(run(b"abc")) == 2
    assert asyncio.run(run(iter([b"a", b"b"]))) == 1


# ---------------------------------------------------------------------------------------------
# Real: a client started against a cluster that is still booting
# ---------------------------------------------------------------------------------------------


def test_client_rides_out_cluster_startup(fault_matrix: FaultMatrix) -> None:
    cluster = aiscluster.LocalCluster("rel-boot", base_port=BOOT_PORT, ntargets=1)
    policy = RetryPolicy(max_attempts=80, backoff_base=0.2, backoff_cap=1.0)  # budget < 80 s
    cluster.launch()
    try:
        t0 = time.monotonic()
        tap = Tap()
        with Client(cluster.endpoint, retry=policy, timeout=5.0, transport=tap.wrap) as client:
            buckets = client.cluster().list_buckets()  # list, sent while the nodes boot
            t_list = time.monotonic() - t0
            smap = client.cluster().get_info()  # GET
            assert buckets == []
            assert len(smap.tmap) == 1
            boot = [a for a in tap.attempts if a.error or (a.status or 0) >= 500]
            refused = sum(1 for a in boot if a.error == "ConnectError")
            unavailable = sum(1 for a in boot if a.status == 503)
            assert refused + unavailable >= 1, tap.summary()
            # Once up, a bucket and an object round-trip through the same client.
            b = client.bucket("boot-check")
            b.create()
            b.object("o").put(content=b"booted")
            assert b.object("o").get().read_all() == b"booted"
        print(
            f"\nstartup: list succeeded after {t_list:.1f}s; "
            f"{refused} connection refused + {unavailable} x 503 retried\n" + tap.summary()[:2000]
        )
        cluster.wait_started()
    finally:
        cluster.stop(grace=10)
    fault_matrix.add(
        "list buckets + GET smap",
        "cluster still booting (connection refused, then 503)",
        "retried until up, within the retry budget",
        f"OK after {t_list:.1f}s",
        retries=f"{refused} refused + {unavailable} x 503",
        verified="PUT/GET round-trip after boot",
    )


def test_retry_connection_errors_false_is_honoured() -> None:
    script = Script(lambda req, n: httpx.ConnectError("refused"))
    c = _mock_client(script, retry=FAST.replace(retry_connection_errors=False))
    with pytest.raises(ConnectionFailed):
        c.bucket("b").object("o").head()
    with pytest.raises(ConnectionFailed):
        c.bucket("b").object("o").put(content=b"abc")
    assert len(script.calls) == 2  # one HEAD, one PUT: no retries
    c.close()


NO_NODES = {"tcode": "ErrNoNodes", "message": "no storage targets in the cluster", "status": 400}


def test_no_targets_yet_is_retried_like_503() -> None:
    """A restarted primary answers 400 ErrNoNodes until a target re-registers (seen for real in
    test_node_faults): not processed, so GET and PUT are retried; the last one is typed."""

    def answers(req: httpx.Request, n: int) -> httpx.Response:
        if n <= 2:
            return httpx.Response(400, json=NO_NODES)
        if req.method == "PUT" and req.url.port == 1111:
            return httpx.Response(307, headers={"Location": "http://127.0.0.1:2222/v1/objects/b/o?pid=p"})
        return httpx.Response(200, content=b"abc")

    for op in ("GET", "PUT"):
        script = Script(answers)
        c = _mock_client(script, retry=FAST)
        if op == "GET":
            assert c.bucket("b").object("o").get(verify_checksum=False).read_all() == b"abc"
        else:
            c.bucket("b").object("o").put(content=iter([b"a"]))  # not sent yet: even an iterator
        assert len(script.calls) == (3 if op == "GET" else 4), script.calls
        c.close()
    script = Script(lambda req, n: httpx.Response(400, json=NO_NODES))
    c = _mock_client(script, retry=FAST)
    with pytest.raises(ServiceUnavailable) as info:
        c.bucket("b").object("o").get()
    assert info.value.status_code == 400 and info.value.tcode == "ErrNoNodes"
    assert len(script.calls) == 4
    # A plain 400 is not retried.
    script = Script(lambda req, n: httpx.Response(400, json={"message": "bad", "status": 400}))
    c = _mock_client(script, retry=FAST)
    with pytest.raises(AISError):
        c.bucket("b").object("o").get()
    assert len(script.calls) == 1


def test_async_with_options_policy_covers_every_call() -> None:
    async def run() -> list[tuple[str, int]]:
        calls: list[int] = []

        def handler(req: httpx.Request) -> httpx.Response:
            calls.append(1)
            return httpx.Response(503)

        out = []
        async with AsyncClient(
            PROXY, retry=FAST, direct_reads=False, transport=httpx.MockTransport(handler)
        ) as c:
            view = c.with_options(retry=FAST.replace(max_attempts=3))
            for label, make in (
                ("smap", lambda: view.cluster().get_info()),
                ("HEAD", lambda: view.bucket("b").object("o").head()),
                ("GET", lambda: view.bucket("b").object("o").get()),
                ("PUT", lambda: view.bucket("b").object("o").put(content=b"x")),
            ):
                calls.clear()
                with contextlib.suppress(ServiceUnavailable):
                    await make()
                out.append((label, len(calls)))
        return out

    assert asyncio.run(run()) == [("smap", 3), ("HEAD", 3), ("GET", 3), ("PUT", 3)]
