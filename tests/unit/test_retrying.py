"""``aistore_hl._retrying``: per-hop retries below httpx, driven through a real ``Client``.

Sleeps are patched (recorded, not slept), so the delays themselves are asserted.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from hl_mock import PROXY, TARGET, Recorder, ais_error, mock_async_client, mock_client, patch_sleeps

from aistore_hl import RetryPolicy
from aistore_hl._http import request as _request
from aistore_hl._http import retrying as _retrying
from aistore_hl._http.retrying import retry_scope
from aistore_hl.errors import AISError, ConnectionFailed, ServiceUnavailable

POLICY = RetryPolicy(max_attempts=4, backoff_base=0.5, backoff_cap=8.0, jitter=0.0)


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Delays the retry layer asked for (sync and async); nothing actually sleeps."""
    return patch_sleeps(monkeypatch, _retrying, _request)


def script(*steps: httpx.Response | Exception) -> Recorder:
    """A handler answering with ``steps`` in order (an exception is raised, as a transport would)."""
    queue = list(steps)

    def handle(request: httpx.Request) -> httpx.Response:
        step = queue.pop(0)
        if isinstance(step, Exception):
            raise step
        return step

    return Recorder(handle)


def test_503_then_200_is_retried(slept: list[float]) -> None:
    rec = script(ais_error(503, "starting up"), httpx.Response(200, text="[]"))
    assert mock_client(rec, retry=POLICY).cluster().list_buckets() == []
    assert len(rec.seen) == 2 and slept == [0.5]


def test_backoff_doubles_up_to_max_attempts_then_the_error_surfaces(slept: list[float]) -> None:
    rec = script(*(ais_error(503, "busy") for _ in range(4)))
    with pytest.raises(ServiceUnavailable):
        mock_client(rec, retry=POLICY).bucket("b").head()
    assert len(rec.seen) == 4 and slept == [0.5, 1.0, 2.0]


def test_retry_after_seconds_and_date_are_honoured(slept: list[float]) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    rec = script(
        httpx.Response(429, headers={"Retry-After": "7"}),
        httpx.Response(503, headers={"Retry-After": when}),
        httpx.Response(200),
    )
    mock_client(rec, retry=POLICY).bucket("b").head()
    assert len(rec.seen) == 3
    assert slept[0] == 7.0
    assert 25 < slept[1] <= 30


def test_retry_after_is_capped(slept: list[float]) -> None:
    rec = script(httpx.Response(503, headers={"Retry-After": "3600"}), httpx.Response(200))
    mock_client(rec, retry=POLICY.replace(max_retry_after=5.0)).bucket("b").head()
    assert slept == [5.0]


def test_post_is_not_retried_on_500_but_get_is(slept: list[float]) -> None:
    rec = script(ais_error(500, "boom"), httpx.Response(200, text="x"))
    with pytest.raises(AISError) as ei:
        mock_client(rec, retry=POLICY).bucket("b").create()  # POST: may have been processed
    assert ei.value.status_code == 500 and len(rec.seen) == 1 and slept == []

    rec = script(ais_error(500, "boom"), httpx.Response(200))
    mock_client(rec, retry=POLICY).bucket("b").head()  # HEAD: safe to repeat
    assert len(rec.seen) == 2


def test_post_is_retried_on_503_and_on_connection_refused(slept: list[float]) -> None:
    rec = script(
        ais_error(503, "not ready"), httpx.ConnectError("refused"), httpx.Response(200, text="job-1")
    )
    assert mock_client(rec, retry=POLICY).bucket("b").copy("c") == "job-1"
    assert [s.method for s in rec.seen] == ["POST"] * 3
    assert rec.seen[0].content == rec.seen[2].content  # the same body, sent again whole


def test_read_error_is_retried_for_get_not_for_post(slept: list[float]) -> None:
    rec = script(httpx.ReadError("reset"), httpx.Response(200, text="[]"))
    assert mock_client(rec, retry=POLICY).cluster().list_buckets() == []
    assert len(rec.seen) == 2

    rec = script(httpx.ReadError("reset"), httpx.Response(200))
    with pytest.raises(ConnectionFailed):
        mock_client(rec, retry=POLICY).bucket("b").create()
    assert len(rec.seen) == 1


def test_non_replayable_body_is_not_retried(slept: list[float]) -> None:
    rec = script(ais_error(503, "busy"), httpx.Response(200))
    c = mock_client(rec, retry=POLICY)
    with pytest.raises(ServiceUnavailable):
        c._rc.http.request("PUT", f"{TARGET}/v1/objects/b/o", content=iter([b"chunk"]))
    assert len(rec.seen) == 1 and slept == []


def test_retry_scope_overrides_the_client_policy(slept: list[float]) -> None:
    rec = script(*(ais_error(503, "busy") for _ in range(10)))
    c = mock_client(rec, retry=POLICY)
    with (
        retry_scope(RetryPolicy(max_attempts=2, jitter=0.0, backoff_base=0.1)),
        pytest.raises(ServiceUnavailable),
    ):
        c.bucket("b").head()
    assert len(rec.seen) == 2 and slept == [0.1]
    with retry_scope(RetryPolicy.no_retries()), pytest.raises(ServiceUnavailable):
        c.bucket("b").head()
    assert len(rec.seen) == 3
    with retry_scope(None), pytest.raises(ServiceUnavailable):  # None: the client's own policy
        c.bucket("b").head()
    assert len(rec.seen) == 7


def test_retries_are_per_hop(slept: list[float]) -> None:
    """A 503 from the target after the proxy's redirect is retried against the target only."""

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.host == "proxy.test":
            return httpx.Response(307, headers={"Location": f"{TARGET}{request.url.raw_path.decode()}"})
        if sum(1 for s in rec.seen if s.url.host == "target.test") == 1:
            return ais_error(503, "target restarting")
        return httpx.Response(200, content=b"data", headers={"Content-Length": "4"})

    rec = Recorder(handle)
    c = mock_client(rec, retry=POLICY)
    assert c.bucket("b").object("o").get().read_all() == b"data"
    assert Counter(s.url.host for s in rec.seen) == {"proxy.test": 1, "target.test": 2}
    assert slept == [0.5]


def test_attempts_are_counted_on_the_request(slept: list[float]) -> None:
    rec = script(ais_error(503, "busy"), ais_error(503, "busy"), httpx.Response(200))
    c = mock_client(rec, retry=POLICY)
    resp = c._rc.http.get(f"{PROXY}/v1/health")
    assert resp.request.extensions["aistore_hl.attempts"] == 3


def test_connection_errors_not_retried_when_the_policy_says_so(slept: list[float]) -> None:
    rec = script(httpx.ConnectError("refused"), httpx.Response(200))
    with pytest.raises(ConnectionFailed):
        mock_client(rec, retry=POLICY.replace(retry_connection_errors=False)).bucket("b").head()
    assert len(rec.seen) == 1 and slept == []


def test_status_outside_the_policy_is_not_retried(slept: list[float]) -> None:
    rec = script(ais_error(503, "busy"), httpx.Response(200))
    with pytest.raises(ServiceUnavailable):
        mock_client(rec, retry=POLICY.replace(retry_statuses=frozenset({429}))).bucket("b").head()
    assert len(rec.seen) == 1


# -- async twin ------------------------------------------------------------------------------------------
def _arun(rec: Recorder, fn: Callable[..., object], retry: RetryPolicy = POLICY) -> object:
    async def main() -> object:
        c = mock_async_client(rec, retry=retry)
        try:
            return await fn(c)  # type: ignore[misc]
        finally:
            await c.close()

    return asyncio.run(main())


def test_async_503_then_200_and_post_not_retried_on_500(slept: list[float]) -> None:
    rec = script(ais_error(503, "busy"), httpx.Response(200, text="[]"))
    assert _arun(rec, lambda c: c.cluster().list_buckets()) == []
    assert len(rec.seen) == 2 and slept == [0.5]

    rec = script(ais_error(500, "boom"), httpx.Response(200))
    with pytest.raises(AISError):
        _arun(rec, lambda c: c.bucket("b").create())
    assert len(rec.seen) == 1


def test_async_retry_after_and_connect_error(slept: list[float]) -> None:
    rec = script(
        httpx.ConnectError("refused"), httpx.Response(503, headers={"Retry-After": "2"}), httpx.Response(200)
    )
    _arun(rec, lambda c: c.bucket("b").head())
    assert len(rec.seen) == 3 and slept == [0.5, 2.0]
