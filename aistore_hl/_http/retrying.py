"""Retries below httpx's client, so every request gets them: generated calls, redirects, streams.

The wrapper sits between ``httpx.Client`` and the real transport. It sees each hop separately
(the proxy request and, after httpx follows the 301/307, the target request), so a 503 from a
restarting target is retried against that target, not by replaying the whole call.

What is retried (the request is never retried when its body cannot be sent again):

* any method: connection refused/failed, connect timeout, and 429/503 answers — the server did
  not process the request (but not a server certificate that failed verification: that is final);
* GET/HEAD/OPTIONS: also read errors, protocol errors and 500/502/504 — safe to repeat;
* any method: a 400 whose error code says the cluster has no targets yet (``ErrNoNodes``, sent by a
  primary proxy that restarted before the targets re-registered) — not processed, like a 503.

Bodies are replayable only when httpx holds them as bytes (``httpx.ByteStream``). PUT of object
data streams from files or iterators and is retried one level up, in ``_request``, where the
source can be reopened or rewound.

The policy comes from the client's config, or per call from ``retry_scope()``.
"""

from __future__ import annotations

import contextlib
import re
import ssl
import time
from collections.abc import Iterator
from contextvars import ContextVar
from email.utils import parsedate_to_datetime

import httpx

from aistore_hl.config import RetryPolicy

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_NOT_PROCESSED_STATUSES = frozenset({429, 503})
_NOT_SENT_ERRORS: tuple[type[Exception], ...] = (httpx.ConnectError, httpx.ConnectTimeout)
_SAFE_RETRY_ERRORS: tuple[type[Exception], ...] = (
    httpx.ReadError,
    httpx.RemoteProtocolError,
    httpx.ReadTimeout,
    httpx.WriteError,
)

_scoped_policy: ContextVar[RetryPolicy | None] = ContextVar("aistore_hl_retry", default=None)


@contextlib.contextmanager
def retry_scope(policy: RetryPolicy | None) -> Iterator[None]:
    """Use ``policy`` for requests made inside the ``with`` block.

    ``None`` changes nothing: an enclosing ``retry_scope`` (or else the client's policy) stays in
    force, so internal calls that pass no per-call policy do not undo the caller's.
    """
    if policy is None:
        yield
        return
    token = _scoped_policy.set(policy)
    try:
        yield
    finally:
        _scoped_policy.reset(token)


def scoped_policy() -> RetryPolicy | None:
    """The policy set by the innermost enclosing ``retry_scope``, if any."""
    return _scoped_policy.get()


def _retry_after_seconds(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _replayable(request: httpx.Request) -> bool:
    return isinstance(request.stream, httpx.ByteStream)


def _status_retryable(policy: RetryPolicy, request: httpx.Request, status: int) -> bool:
    if status not in policy.retry_statuses:
        return False
    return status in _NOT_PROCESSED_STATUSES or request.method in _SAFE_METHODS


#: Error codes the cluster sends with a 4xx status for a passing state: "no storage targets in the
#: cluster" (400) comes from a primary proxy that restarted before any target re-registered. The
#: request was not processed, so it is retried like a 503.
TRANSIENT_TCODES = frozenset({"ErrNoNodes"})
_TCODE_RE = re.compile(rb'"tcode"\s*:\s*"(\w+)"')
_MAX_PEEK = 64 * 1024


def _peek_worthy(policy: RetryPolicy, response: httpx.Response) -> bool:
    if response.status_code != 400 or 503 not in policy.retry_statuses:
        return False
    length = response.headers.get("content-length")
    return length is not None and length.isdigit() and int(length) <= _MAX_PEEK


def _transient_tcode(body: bytes) -> bool:
    m = _TCODE_RE.search(body)
    return m is not None and m.group(1).decode() in TRANSIENT_TCODES


def tls_verify_failed(exc: BaseException) -> bool:
    """True if ``exc`` was caused by a server certificate that did not verify (retrying won't help)."""
    e: BaseException | None = exc
    for _ in range(8):
        if e is None:
            return False
        if isinstance(e, ssl.SSLCertVerificationError) or any(
            isinstance(a, ssl.SSLCertVerificationError) for a in e.args
        ):
            return True
        e = e.__cause__ or e.__context__
    return False


def _error_retryable(request: httpx.Request, exc: Exception) -> bool:
    if tls_verify_failed(exc):
        return False
    if isinstance(exc, _NOT_SENT_ERRORS):
        return True
    return isinstance(exc, _SAFE_RETRY_ERRORS) and request.method in _SAFE_METHODS


class RetryTransport(httpx.BaseTransport):
    """Retry each HTTP hop per the active ``RetryPolicy``; attempts are counted on the request."""

    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy) -> None:
        self._inner = inner
        self._policy = policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        policy = _scoped_policy.get() or self._policy
        attempt = 1
        while True:
            can_retry = attempt < policy.max_attempts and _replayable(request)
            try:
                response = self._inner.handle_request(request)
            except Exception as exc:
                if not (can_retry and policy.retry_connection_errors and _error_retryable(request, exc)):
                    raise
                time.sleep(policy.compute_delay(attempt, None))
            else:
                retryable = can_retry and (
                    _status_retryable(policy, request, response.status_code)
                    or (_peek_worthy(policy, response) and _transient_tcode(response.read()))
                )
                if not retryable:
                    request.extensions["aistore_hl.attempts"] = attempt
                    return response
                delay = policy.compute_delay(attempt, _retry_after_seconds(response))
                response.close()
                time.sleep(delay)
            attempt += 1

    def close(self) -> None:
        self._inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Async twin of ``RetryTransport``."""

    def __init__(self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy) -> None:
        self._inner = inner
        self._policy = policy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import asyncio  # here, not at the top: the sync path never loads asyncio

        policy = _scoped_policy.get() or self._policy
        attempt = 1
        while True:
            can_retry = attempt < policy.max_attempts and _replayable(request)
            try:
                response = await self._inner.handle_async_request(request)
            except Exception as exc:
                if not (can_retry and policy.retry_connection_errors and _error_retryable(request, exc)):
                    raise
                await asyncio.sleep(policy.compute_delay(attempt, None))
            else:
                retryable = can_retry and (
                    _status_retryable(policy, request, response.status_code)
                    or (_peek_worthy(policy, response) and _transient_tcode(await response.aread()))
                )
                if not retryable:
                    request.extensions["aistore_hl.attempts"] = attempt
                    return response
                delay = policy.compute_delay(attempt, _retry_after_seconds(response))
                await response.aclose()
                await asyncio.sleep(delay)
            attempt += 1

    async def aclose(self) -> None:
        await self._inner.aclose()
