"""Client configuration: timeouts, retry policy, TLS and pool settings.

Everything here is a small frozen dataclass: immutable, hashable where possible and
picklable, so a config crosses process boundaries (DataLoader workers) unchanged.

* :class:`Timeouts` - per-phase timeouts; defaults never mean "wait forever".
* :data:`NOT_GIVEN` - the "argument not given" sentinel: a per-call ``timeout=None`` means
  *no timeout*, while an omitted ``timeout`` means *use the client default*.
* :class:`RetryPolicy` - jittered exponential backoff, retryable statuses, Retry-After.
* :class:`ClientConfig` - endpoint, timeouts, retries, TLS, token, pool size, chunk sizes;
  :meth:`ClientConfig.from_env` reads the official SDK's ``AIS_*`` variables.
"""

from __future__ import annotations

import dataclasses
import os
import random
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal, final
from urllib.parse import urlsplit

import httpx

from aistore_hl.const import DEFAULT_CHUNK_SIZE, DEFAULT_READ_CHUNK_SIZE
from aistore_hl.errors import InvalidArgument
from aistore_hl.validation import validate_chunk_size, validate_timeout

__all__ = [
    "DEFAULT_MAX_POOL_SIZE",
    "DEFAULT_TIMEOUTS",
    "NOT_GIVEN",
    "ClientConfig",
    "NotGiven",
    "RetryPolicy",
    "TimeoutTypes",
    "Timeouts",
    "resolve_timeout",
]


#: Default connection pool size per host (proxy and each target): 64-way concurrency.
DEFAULT_MAX_POOL_SIZE: Final = 64


# ======================================================================================
# NOT_GIVEN
# ======================================================================================


@final
class NotGiven:
    """Type of :data:`NOT_GIVEN`: tells "argument omitted" apart from an explicit None.

    Example:
        ``def get(self, timeout: TimeoutTypes | NotGiven = NOT_GIVEN)`` - ``timeout=None``
        disables timeouts for that call; leaving it out uses the client's default.
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"  # pickles as a reference to the module-level singleton


NOT_GIVEN: Final = NotGiven()


# ======================================================================================
# Timeouts
# ======================================================================================


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Per-phase timeouts in seconds; ``None`` disables a phase's timeout.

    Attributes:
        connect: Establishing a connection.
        read: Waiting for response data (between two socket reads, not the whole body).
        write: Sending request data (each socket send; the sync client's transport - the
            AsyncClient's aiohttp transport has no write timeout).
        pool: Waiting for a free pooled connection (AsyncClient; the sync pool never waits:
            it opens another connection when all are busy).
    """

    connect: float | None = 5.0
    read: float | None = 60.0
    write: float | None = 60.0
    pool: float | None = 10.0

    def __post_init__(self) -> None:
        for f in ("connect", "read", "write", "pool"):
            v = validate_timeout(getattr(self, f), name=f"{f} timeout")
            object.__setattr__(self, f, v)

    @classmethod
    def none(cls) -> Timeouts:
        """Timeouts that never expire (use with care)."""
        return cls(connect=None, read=None, write=None, pool=None)

    def to_httpx(self) -> httpx.Timeout:
        """Return the equivalent ``httpx.Timeout``."""
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


#: The defaults: connect 5 s, read 60 s, write 60 s, pool 10 s.
DEFAULT_TIMEOUTS: Final = Timeouts()

#: What a ``timeout`` argument may be (see :func:`resolve_timeout`).
TimeoutTypes = Timeouts | httpx.Timeout | float | int | tuple[float | None, float | None] | None


def resolve_timeout(value: TimeoutTypes | NotGiven, default: Timeouts = DEFAULT_TIMEOUTS) -> Timeouts:
    """Turn a ``timeout`` argument into :class:`Timeouts`.

    Args:
        value: :data:`NOT_GIVEN` (use ``default``); ``None`` (no timeout at all); a number
            (that many seconds for read and write, ``default.connect`` capped by it for
            connect, ``default.pool`` for pool); a ``(connect, read)`` tuple like the
            official SDK's; a :class:`Timeouts`; or an ``httpx.Timeout``.
        default: The client's default.

    Returns:
        The timeouts to use.

    Raises:
        InvalidArgument: For a negative, zero, or non-numeric value.
    """
    if isinstance(value, NotGiven):
        return default
    if value is None:
        return Timeouts.none()
    if isinstance(value, Timeouts):
        return value
    if isinstance(value, httpx.Timeout):
        return Timeouts(connect=value.connect, read=value.read, write=value.write, pool=value.pool)
    if isinstance(value, tuple):
        if len(value) != 2:
            raise InvalidArgument(value, "expected (connect, read)", param="timeout")
        connect, read = value
        return Timeouts(connect=connect, read=read, write=read, pool=default.pool)
    seconds = validate_timeout(value)
    assert seconds is not None  # validate_timeout returns None only for None
    connect_default = default.connect if default.connect is not None else seconds
    return Timeouts(connect=min(connect_default, seconds), read=seconds, write=seconds, pool=default.pool)


# ======================================================================================
# Retries
# ======================================================================================


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When and how long to wait before retrying a request.

    The delay before retry ``n`` (``n`` = 1 after the first failed attempt) is
    ``min(backoff_cap, backoff_base * 2 ** (n - 1))``, reduced by a random fraction of up to
    ``jitter``. A server ``Retry-After`` (seconds), when ``respect_retry_after``, replaces
    that delay, capped at ``max_retry_after``.

    Attributes:
        max_attempts: Total attempts including the first (1 disables retries).
        backoff_base: Delay before the first retry, in seconds.
        backoff_cap: Upper bound of the computed delay, in seconds.
        jitter: Fraction (0..1) of the delay that is randomly removed.
        retry_statuses: HTTP statuses worth retrying.
        retry_connection_errors: Retry connection failures and timeouts.
        respect_retry_after: Honour the server's ``Retry-After``.
        max_retry_after: Cap on a ``Retry-After`` wait, in seconds.
    """

    max_attempts: int = 4
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    jitter: float = 0.25
    retry_statuses: frozenset[int] = frozenset({429, 500, 502, 503, 504})
    retry_connection_errors: bool = True
    respect_retry_after: bool = True
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        if isinstance(self.max_attempts, bool) or not isinstance(self.max_attempts, int):
            raise InvalidArgument(self.max_attempts, "must be an int", param="max_attempts")
        if self.max_attempts < 1:
            raise InvalidArgument(self.max_attempts, "must be >= 1", param="max_attempts")
        for name in ("backoff_base", "backoff_cap", "max_retry_after"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
                raise InvalidArgument(v, "must be a number >= 0", param=name)
        if not 0 <= self.jitter <= 1:
            raise InvalidArgument(self.jitter, "must be within [0, 1]", param="jitter")
        if not isinstance(self.retry_statuses, frozenset):
            object.__setattr__(self, "retry_statuses", frozenset(self.retry_statuses))

    @classmethod
    def no_retries(cls) -> RetryPolicy:
        """A policy that never retries."""
        return cls(max_attempts=1)

    def replace(self, **changes: Any) -> RetryPolicy:
        """Return a copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def should_retry_status(self, status_code: int) -> bool:
        """Return True if ``status_code`` is worth retrying under this policy."""
        return status_code in self.retry_statuses

    def compute_delay(
        self, attempt: int, retry_after: float | None = None, *, rand: float | None = None
    ) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based).

        Args:
            attempt: The attempt that just failed (1 for the first).
            retry_after: The server's ``Retry-After`` in seconds, if any.
            rand: A number in [0, 1) replacing ``random.random()`` (for tests).

        Returns:
            The delay in seconds (>= 0).
        """
        if retry_after is not None and self.respect_retry_after and retry_after >= 0:
            return min(float(retry_after), self.max_retry_after)
        n = max(1, attempt)
        delay = min(self.backoff_cap, self.backoff_base * (2.0 ** min(n - 1, 62)))
        r = random.random() if rand is None else rand
        return max(0.0, delay * (1.0 - self.jitter * r))


# ======================================================================================
# ClientConfig
# ======================================================================================

_TRUE: Final = frozenset({"1", "true", "t", "yes", "y", "on"})


@dataclass(frozen=True, slots=True)
class ClientConfig:
    """Everything needed to build a client; frozen and picklable. The token is never shown.

    Attributes:
        endpoint: The proxy URL, e.g. ``http://localhost:8080`` (trailing ``/`` removed).
        timeout: Default timeouts.
        retry: Default retry policy.
        verify: TLS server verification: True, False, or a CA bundle path.
        client_cert: Client certificate for mTLS: a PEM path (certificate + key), or a
            ``(cert, key)`` pair of paths.
        token: AuthN bearer token (sent as ``Authorization: Bearer <token>``); hidden from
            ``repr``.
        max_pool_size: Connections kept per host (the proxy and each target).
        chunk_size: Default chunk size for iterating over object content.
        read_chunk_size: Bytes per read when streaming a response body (256 KiB; bigger
            ``chunk_size`` chunks of a GET are joined from these pieces).
        user_agent: The ``User-Agent`` header.

    Raises:
        InvalidArgument: For an endpoint that is not an http(s) URL, or bad sizes.
    """

    endpoint: str
    timeout: Timeouts = DEFAULT_TIMEOUTS
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    verify: bool | str = True
    client_cert: str | tuple[str, str] | None = None
    token: str | None = field(default=None, repr=False)
    max_pool_size: int = DEFAULT_MAX_POOL_SIZE
    chunk_size: int = DEFAULT_CHUNK_SIZE
    read_chunk_size: int = DEFAULT_READ_CHUNK_SIZE
    user_agent: str = "aistore-hl/0.1.0"
    # GET objects straight from their target (client-side HRW over a cached cluster map), skipping
    # the proxy's redirect; falls back through the proxy on any doubt, and stops trying for good
    # when the cluster refuses direct access (AuthN clusters answer 403).
    direct_reads: bool = True

    def __post_init__(self) -> None:
        endpoint = self.endpoint.strip() if isinstance(self.endpoint, str) else ""
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InvalidArgument(self.endpoint, "expected http(s)://host[:port]", param="endpoint")
        object.__setattr__(self, "endpoint", endpoint.rstrip("/"))
        if isinstance(self.max_pool_size, bool) or not isinstance(self.max_pool_size, int):
            raise InvalidArgument(self.max_pool_size, "must be an int", param="max_pool_size")
        if self.max_pool_size < 1:
            raise InvalidArgument(self.max_pool_size, "must be >= 1", param="max_pool_size")
        validate_chunk_size(self.chunk_size)
        validate_chunk_size(self.read_chunk_size)
        if isinstance(self.client_cert, list):
            object.__setattr__(self, "client_cert", tuple(self.client_cert))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> ClientConfig:
        """Build a config from the official SDK's environment variables.

        ``AIS_ENDPOINT`` (required unless ``endpoint=`` is given), ``AIS_AUTHN_TOKEN``,
        ``AIS_CLIENT_CA`` (CA bundle), ``AIS_SKIP_VERIFY_CRT`` (``true`` disables TLS
        verification and wins over the CA), ``AIS_CRT`` + ``AIS_CRT_KEY`` (client
        certificate), ``AIS_MAX_CONN_POOL``, ``AIS_CONNECT_TIMEOUT`` and
        ``AIS_READ_TIMEOUT`` (seconds). Keyword ``overrides`` win over the environment.

        Args:
            environ: The environment to read (default ``os.environ``).
            **overrides: Fields to set explicitly.

        Returns:
            The config.

        Raises:
            InvalidArgument: If no endpoint is known, or a value does not parse.
        """
        env = os.environ if environ is None else environ
        kw: dict[str, Any] = {}
        if env.get("AIS_ENDPOINT"):
            kw["endpoint"] = env["AIS_ENDPOINT"]
        if env.get("AIS_AUTHN_TOKEN"):
            kw["token"] = env["AIS_AUTHN_TOKEN"]
        if env.get("AIS_SKIP_VERIFY_CRT", "").strip().lower() in _TRUE:
            kw["verify"] = False
        elif env.get("AIS_CLIENT_CA"):
            kw["verify"] = env["AIS_CLIENT_CA"]
        crt, key = env.get("AIS_CRT"), env.get("AIS_CRT_KEY")
        if crt and key:
            kw["client_cert"] = (crt, key)
        elif crt:
            kw["client_cert"] = crt
        if env.get("AIS_MAX_CONN_POOL"):
            kw["max_pool_size"] = _env_int(env, "AIS_MAX_CONN_POOL")
        has_connect, connect = _env_timeout(env, "AIS_CONNECT_TIMEOUT")
        has_read, read = _env_timeout(env, "AIS_READ_TIMEOUT")
        if has_connect or has_read:
            base = DEFAULT_TIMEOUTS
            kw["timeout"] = Timeouts(
                connect=connect if has_connect else base.connect,
                read=read if has_read else base.read,
                write=read if has_read else base.write,
                pool=base.pool,
            )
        kw.update(overrides)
        if "endpoint" not in kw:
            raise InvalidArgument(None, "set AIS_ENDPOINT or pass endpoint=", param="endpoint")
        return cls(**kw)

    def replace(self, **changes: Any) -> ClientConfig:
        """Return a copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def auth_headers(self) -> dict[str, str]:
        """Return ``{"Authorization": "Bearer <token>"}``, or {} without a token."""
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def ssl_context(self) -> ssl.SSLContext | None:
        """Return an SSL context for ``verify`` and ``client_cert``, or None for defaults.

        None means "verify with the default trust store, no client certificate".
        """
        if self.verify is True and self.client_cert is None:
            return None
        if self.verify is False:
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        elif isinstance(self.verify, str):
            ctx = ssl.create_default_context(cafile=self.verify)
        else:
            ctx = ssl.create_default_context()
        if isinstance(self.client_cert, tuple):
            ctx.load_cert_chain(certfile=self.client_cert[0], keyfile=self.client_cert[1])
        elif self.client_cert:
            ctx.load_cert_chain(certfile=self.client_cert)
        return ctx

    def httpx_verify(self) -> bool | ssl.SSLContext:
        """The value for httpx's ``verify=`` (an SSLContext when a CA or cert is set)."""
        ctx = self.ssl_context()
        return ctx if ctx is not None else True

    def httpx_limits(self) -> httpx.Limits:
        """``httpx.Limits`` for a client using httpx's own transport.

        httpx limits are per client, not per host: allow ``max_pool_size`` connections to
        the proxy plus as many to targets.
        """
        return httpx.Limits(
            max_connections=2 * self.max_pool_size,
            max_keepalive_connections=2 * self.max_pool_size,
        )


def _env_int(env: Mapping[str, str], name: str) -> int:
    raw = env[name]
    try:
        return int(raw)
    except ValueError:
        raise InvalidArgument(raw, "must be an integer", param=name) from None


def _env_timeout(env: Mapping[str, str], name: str) -> tuple[bool, float | None]:
    """Return (is_set, seconds); "0" means no timeout, as in the official SDK."""
    raw = env.get(name)
    if not raw:
        return False, None
    try:
        value = float(raw)
    except ValueError:
        raise InvalidArgument(raw, "must be a number of seconds", param=name) from None
    if value == 0:
        return True, None
    return True, value
