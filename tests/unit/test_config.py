"""aistore_hl.config: NOT_GIVEN, timeouts, retry policy, ClientConfig."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import ssl

import httpx
import pytest

from aistore_hl import errors as E
from aistore_hl.config import (
    DEFAULT_TIMEOUTS,
    NOT_GIVEN,
    ClientConfig,
    NotGiven,
    RetryPolicy,
    Timeouts,
    resolve_timeout,
)

TOKEN = "eyJhbGciOi.secret-jwt.payload"

# --------------------------------------------------------------------------------------
# NOT_GIVEN and timeouts
# --------------------------------------------------------------------------------------


def test_not_given_is_a_falsy_picklable_singleton() -> None:
    assert NotGiven() is NOT_GIVEN
    assert not NOT_GIVEN
    assert repr(NOT_GIVEN) == "NOT_GIVEN"
    assert pickle.loads(pickle.dumps(NOT_GIVEN)) is NOT_GIVEN
    assert copy.deepcopy(NOT_GIVEN) is NOT_GIVEN


def test_default_timeouts_are_finite() -> None:
    t = Timeouts()
    assert (t.connect, t.read, t.write, t.pool) == (5.0, 60.0, 60.0, 10.0)
    assert t.to_httpx() == httpx.Timeout(connect=5.0, read=60.0, write=60.0, pool=10.0)


def test_resolve_timeout() -> None:
    custom = Timeouts(connect=1, read=2, write=3, pool=4)
    assert resolve_timeout(NOT_GIVEN) == DEFAULT_TIMEOUTS
    assert resolve_timeout(NOT_GIVEN, custom) is custom
    assert resolve_timeout(None) == Timeouts(None, None, None, None) == Timeouts.none()
    assert resolve_timeout(custom) is custom
    assert resolve_timeout(30) == Timeouts(connect=5.0, read=30.0, write=30.0, pool=10.0)
    assert resolve_timeout(2.5) == Timeouts(connect=2.5, read=2.5, write=2.5, pool=10.0)
    assert resolve_timeout((3, 20)) == Timeouts(connect=3.0, read=20.0, write=20.0, pool=10.0)
    assert resolve_timeout((3, None)).read is None
    assert resolve_timeout(httpx.Timeout(7.0)) == Timeouts(7.0, 7.0, 7.0, 7.0)


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), "5", True, (1, 2, 3)])
def test_resolve_timeout_rejects(bad: object) -> None:
    with pytest.raises(E.InvalidArgument):
        resolve_timeout(bad)  # type: ignore[arg-type]


def test_timeouts_validate_on_construction() -> None:
    with pytest.raises(E.InvalidArgument, match="read timeout"):
        Timeouts(read=0)
    assert Timeouts(connect=1).connect == 1.0 and isinstance(Timeouts(connect=1).connect, float)


# --------------------------------------------------------------------------------------
# RetryPolicy
# --------------------------------------------------------------------------------------


def test_retry_policy_defaults_and_pickle() -> None:
    p = RetryPolicy()
    assert p.max_attempts == 4
    assert p.retry_statuses == frozenset({429, 500, 502, 503, 504})
    assert pickle.loads(pickle.dumps(p)) == p
    assert hash(p) == hash(RetryPolicy())
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.max_attempts = 9  # type: ignore[misc]
    assert p.replace(max_attempts=2).max_attempts == 2
    assert RetryPolicy(retry_statuses={503}).retry_statuses == frozenset({503})  # type: ignore[arg-type]
    assert RetryPolicy.no_retries().max_attempts == 1


def test_compute_delay_backoff_cap_and_jitter() -> None:
    p = RetryPolicy(backoff_base=0.5, backoff_cap=8.0, jitter=0.25)
    assert [p.compute_delay(n, rand=0.0) for n in range(1, 8)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert p.compute_delay(3, rand=1.0) == pytest.approx(1.5)  # 2.0 minus 25%
    assert p.compute_delay(10_000, rand=0.0) == 8.0  # no overflow
    for _ in range(100):
        assert 0.75 <= p.compute_delay(2) <= 1.0


def test_compute_delay_retry_after() -> None:
    p = RetryPolicy(max_retry_after=30.0)
    assert p.compute_delay(1, retry_after=12.0) == 12.0
    assert p.compute_delay(1, retry_after=3600.0) == 30.0
    assert RetryPolicy(respect_retry_after=False).compute_delay(1, retry_after=12.0, rand=0.0) == 0.5


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_attempts": 0},
        {"max_attempts": 1.5},
        {"jitter": 1.5},
        {"backoff_base": -1},
        {"max_retry_after": "x"},
    ],
)
def test_retry_policy_validation(kwargs: dict[str, object]) -> None:
    with pytest.raises(E.InvalidArgument):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------
# ClientConfig
# --------------------------------------------------------------------------------------


def test_client_config_hides_token_and_pickles() -> None:
    cfg = ClientConfig("http://localhost:8080/", token=TOKEN)
    assert cfg.endpoint == "http://localhost:8080"
    assert TOKEN not in repr(cfg) and TOKEN not in str(cfg)
    assert cfg.auth_headers() == {"Authorization": f"Bearer {TOKEN}"}
    back = pickle.loads(pickle.dumps(cfg))
    assert back == cfg and back.token == TOKEN
    assert hash(back) == hash(cfg)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.token = "x"  # type: ignore[misc]
    assert ClientConfig("https://h").auth_headers() == {}
    assert cfg.replace(max_pool_size=8).max_pool_size == 8


def test_client_config_defaults() -> None:
    cfg = ClientConfig("http://h:8080")
    assert cfg.timeout == DEFAULT_TIMEOUTS
    assert cfg.retry == RetryPolicy()
    assert cfg.verify is True and cfg.client_cert is None and cfg.token is None
    assert cfg.max_pool_size >= 64
    assert cfg.chunk_size == 32768 and cfg.read_chunk_size == 256 << 10
    assert cfg.httpx_verify() is True
    limits = cfg.httpx_limits()
    assert limits.max_connections is not None and limits.max_connections >= 64


@pytest.mark.parametrize("endpoint", ["localhost:8080", "ftp://h", "http://", "", "  "])
def test_client_config_rejects_bad_endpoint(endpoint: str) -> None:
    with pytest.raises(E.InvalidArgument):
        ClientConfig(endpoint)


@pytest.mark.parametrize("kwargs", [{"max_pool_size": 0}, {"max_pool_size": True}, {"chunk_size": 0}])
def test_client_config_rejects_bad_sizes(kwargs: dict[str, object]) -> None:
    with pytest.raises(E.InvalidArgument):
        ClientConfig("http://h", **kwargs)  # type: ignore[arg-type]


def test_from_env() -> None:
    env = {
        "AIS_ENDPOINT": "https://ais.example:8080",
        "AIS_AUTHN_TOKEN": TOKEN,
        "AIS_CLIENT_CA": "/etc/ca.pem",
        "AIS_CRT": "/etc/client.crt",
        "AIS_CRT_KEY": "/etc/client.key",
        "AIS_MAX_CONN_POOL": "100",
        "AIS_CONNECT_TIMEOUT": "2",
        "AIS_READ_TIMEOUT": "30",
    }
    cfg = ClientConfig.from_env(env)
    assert cfg.endpoint == "https://ais.example:8080"
    assert cfg.token == TOKEN
    assert cfg.verify == "/etc/ca.pem"
    assert cfg.client_cert == ("/etc/client.crt", "/etc/client.key")
    assert cfg.max_pool_size == 100
    assert (cfg.timeout.connect, cfg.timeout.read) == (2.0, 30.0)

    skip = ClientConfig.from_env({**env, "AIS_SKIP_VERIFY_CRT": "True"})
    assert skip.verify is False  # wins over AIS_CLIENT_CA
    only_crt = ClientConfig.from_env({"AIS_ENDPOINT": "http://h", "AIS_CRT": "/c.pem"})
    assert only_crt.client_cert == "/c.pem" and only_crt.verify is True
    zero = ClientConfig.from_env({"AIS_ENDPOINT": "http://h", "AIS_READ_TIMEOUT": "0"})
    assert zero.timeout.read is None  # the official SDK's "0 disables"
    over = ClientConfig.from_env(env, endpoint="http://other:1", token=None)
    assert over.endpoint == "http://other:1" and over.token is None


def test_from_env_errors() -> None:
    with pytest.raises(E.InvalidArgument, match="AIS_ENDPOINT"):
        ClientConfig.from_env({})
    with pytest.raises(E.InvalidArgument, match="AIS_MAX_CONN_POOL"):
        ClientConfig.from_env({"AIS_ENDPOINT": "http://h", "AIS_MAX_CONN_POOL": "many"})
    with pytest.raises(E.InvalidArgument, match="AIS_READ_TIMEOUT"):
        ClientConfig.from_env({"AIS_ENDPOINT": "http://h", "AIS_READ_TIMEOUT": "soon"})


def test_ssl_context() -> None:
    insecure = ClientConfig("https://h", verify=False).ssl_context()
    assert isinstance(insecure, ssl.SSLContext)
    assert insecure.verify_mode == ssl.CERT_NONE and not insecure.check_hostname
    assert ClientConfig("https://h").ssl_context() is None
    with pytest.raises(FileNotFoundError):
        ClientConfig("https://h", verify="/nonexistent/ca.pem").ssl_context()
