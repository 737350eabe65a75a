"""Bad input across the API: each case raises a clear typed error and sends NO request.

The clients point at ``127.0.0.1:1`` (nothing listens there, so any request that slipped through
would fail with ``ConnectionFailed``, not the expected ``InvalidArgument``) and count requests
with a tap below their retry layer (every HTTP attempt, whichever path sent it); every case
asserts the count is zero.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from aistore_hl import AsyncClient, Client, ClientConfig, Namespace, ObjectRange, RetryPolicy, Timeouts
from aistore_hl.errors import (
    InvalidArgument,
    InvalidBckProvider,
    InvalidBucketName,
    InvalidETLName,
    InvalidObjectName,
    InvalidObjectRangeIndex,
)

NOWHERE = "http://127.0.0.1:1"


class Counted:
    """Counts every HTTP attempt: a tap between a client's retry layer and its real transport."""

    def __init__(self) -> None:
        self.requests: list[str] = []

    def wrap(self, inner: Any) -> Any:
        """``Client(url, transport=counter.wrap)``: the tap in front of the built-in transport."""
        seen = self.requests

        class Tap(httpx.BaseTransport, httpx.AsyncBaseTransport):
            def handle_request(self, request: httpx.Request) -> httpx.Response:
                seen.append(f"{request.method} {request.url}")
                return inner.handle_request(request)  # type: ignore[no-any-return]

            async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
                seen.append(f"{request.method} {request.url}")
                return await inner.handle_async_request(request)  # type: ignore[no-any-return]

            def close(self) -> None:
                inner.close()

            async def aclose(self) -> None:
                await inner.aclose()

        return Tap()


@pytest.fixture
def counted() -> Iterator[tuple[Client, Counted]]:
    counter = Counted()
    client = Client(NOWHERE, retry=RetryPolicy.no_retries(), transport=counter.wrap)
    yield client, counter
    client.close()


def _a(fn: Callable[[AsyncClient], Any]) -> Callable[[Client], Any]:
    """Run an AsyncClient case (its own counted client) inside a sync case."""

    def run(_: Client) -> Any:
        counter = Counted()

        async def main() -> Any:
            async with AsyncClient(NOWHERE, retry=RetryPolicy.no_retries(), transport=counter.wrap) as ac:
                try:
                    r = fn(ac)
                    if asyncio.iscoroutine(r):
                        await r
                finally:
                    assert counter.requests == [], counter.requests

        return asyncio.run(main())

    return run


def _gen() -> Iterator[bytes]:
    yield b"x"


IA = InvalidArgument
CASES: list[tuple[str, Callable[[Client], Any], type[Exception]]] = [
    # -- bucket names -----------------------------------------------------------------------------
    ("bucket name empty", lambda c: c.bucket(""), InvalidBucketName),
    ("bucket name with slash", lambda c: c.bucket("a/b"), InvalidBucketName),
    ("bucket name with space", lambda c: c.bucket("a b"), InvalidBucketName),
    ("bucket name '..'", lambda c: c.bucket("a..b"), InvalidBucketName),
    ("bucket name too long", lambda c: c.bucket("b" * 65), InvalidBucketName),
    ("bucket name leading dot", lambda c: c.bucket(".hidden"), InvalidBucketName),
    ("bucket name not str", lambda c: c.bucket(123), InvalidBucketName),  # type: ignore[arg-type]
    ("bucket name unicode", lambda c: c.bucket("bücket"), InvalidBucketName),
    ("rename to bad name", lambda c: c.bucket("ok").rename("bad/name"), InvalidBucketName),
    ("copy to bad name", lambda c: c.bucket("ok").copy(""), InvalidBucketName),
    # -- providers and namespaces -------------------------------------------------------------------
    ("provider unknown", lambda c: c.bucket("b", provider="minio"), InvalidBckProvider),
    ("provider removed (ht)", lambda c: c.bucket("b", provider="ht"), InvalidBckProvider),
    ("provider removed (hdfs)", lambda c: c.list_objects_iter("b", provider="hdfs"), InvalidBckProvider),
    ("provider not str", lambda c: c.bucket("b", provider=7), InvalidBckProvider),  # type: ignore[arg-type]
    ("list buckets bad provider", lambda c: c.cluster().list_buckets(provider="nope"), InvalidBckProvider),
    ("create a cloud bucket", lambda c: c.bucket("b", provider="aws").create(), InvalidBckProvider),
    ("delete a cloud bucket", lambda c: c.bucket("b", provider="gcp").delete(), InvalidBckProvider),
    ("evict an ais bucket", lambda c: c.bucket("b").evict(), InvalidBckProvider),
    (
        "evict objects of an ais bucket",
        lambda c: c.bucket("b").objects(obj_names=["o"]).evict(),
        InvalidBckProvider,
    ),
    (
        "prefetch objects of an ais bucket",
        lambda c: c.bucket("b").objects(obj_names=["o"]).prefetch(),
        InvalidBckProvider,
    ),
    ("copy to bad provider", lambda c: c.bucket("b").copy("dst", to_provider="nope"), InvalidBckProvider),
    ("namespace not a Namespace", lambda c: c.bucket("b", ns="@remais#"), IA),  # type: ignore[arg-type]
    ("namespace uuid with '/'", lambda c: c.bucket("b", ns=Namespace(uuid="a/b")), IA),
    ("namespace uuid leading '-'", lambda c: c.bucket("b", ns=Namespace(uuid="-remais")), IA),
    ("namespace name '..'", lambda c: c.bucket("b", ns=Namespace(name="a..b")), IA),
    # -- object names and archpath ------------------------------------------------------------------
    ("object name empty", lambda c: c.bucket("b").object(""), InvalidObjectName),
    ("object name '..' component", lambda c: c.bucket("b").object("a/../b"), InvalidObjectName),
    ("object name '.' component", lambda c: c.bucket("b").object("./a"), InvalidObjectName),
    ("object name NUL", lambda c: c.bucket("b").object("a\x00b"), InvalidObjectName),
    ("object name trailing slash", lambda c: c.bucket("b").object("dir/"), InvalidObjectName),
    ("object name '~/'", lambda c: c.bucket("b").object("~/x"), InvalidObjectName),
    ("object name not str", lambda c: c.bucket("b").object(b"bytes"), InvalidObjectName),  # type: ignore[arg-type]
    ("get_object bad name", lambda c: c.get_object("b", ""), InvalidObjectName),
    ("archpath '..'", lambda c: c.bucket("b").object("a.tar").get(archpath="../etc/passwd"), IA),
    ("archpath trailing slash", lambda c: c.bucket("b").object("a.tar").get(archpath="dir/"), IA),
    ("archpath not str", lambda c: c.bucket("b").object("a.tar").get(archpath=5), IA),  # type: ignore[arg-type]
    # -- object groups, ranges, templates -------------------------------------------------------------
    ("ObjectRange min > max", lambda c: ObjectRange("p-", 5, 1), InvalidObjectRangeIndex),
    ("ObjectRange negative min", lambda c: ObjectRange("p-", -1, 3), InvalidObjectRangeIndex),
    ("ObjectRange step 0", lambda c: ObjectRange("p-", 0, 3, step=0), InvalidObjectRangeIndex),
    # Only min_index must fit pad_width (the seed's rule): ObjectRange("p-", 0, 100, pad_width=2) works.
    ("ObjectRange pad small", lambda c: ObjectRange("p-", 100, 200, pad_width=2), InvalidObjectRangeIndex),
    ("ObjectRange braces in prefix", lambda c: ObjectRange("p{", 0, 3), InvalidObjectRangeIndex),
    ("ObjectRange float index", lambda c: ObjectRange("p-", 0.5, 3), InvalidObjectRangeIndex),  # type: ignore[arg-type]
    ("objects: none given", lambda c: c.bucket("b").objects(), IA),
    ("objects: two given", lambda c: c.bucket("b").objects(obj_names=["a"], obj_template="x-{0..2}"), IA),
    # An empty selection is a valid group (the seed built it; delete() sends nothing), but the
    # non-seed copy/transform/archive refuse it: AIS 5.0 would take it for the whole bucket.
    ("objects: empty list, copy", lambda c: c.bucket("b").objects(obj_names=[]).copy(c.bucket("d")), IA),
    ("objects: str instead of list", lambda c: c.bucket("b").objects(obj_names="abc"), IA),  # type: ignore[arg-type]
    (
        "objects: bad name in list",
        lambda c: c.bucket("b").objects(obj_names=["ok", "a/../b"]).delete(),
        InvalidObjectName,
    ),
    ("objects: '' template, archive", lambda c: c.bucket("b").objects(obj_template="").archive("t.tar"), IA),
    ("objects: range not ObjectRange", lambda c: c.bucket("b").objects(obj_range="0..3"), IA),  # type: ignore[arg-type]
    # -- byte ranges --------------------------------------------------------------------------------
    ("byte_range end < start", lambda c: c.bucket("b").object("o").get(byte_range=(10, 5)), IA),
    ("byte_range negative", lambda c: c.bucket("b").object("o").get(byte_range=(-1, 5)), IA),
    ("byte_range not a tuple", lambda c: c.bucket("b").object("o").get(byte_range="0-9"), IA),  # type: ignore[arg-type]
    # -- sizes, page sizes, chunk sizes ---------------------------------------------------------------
    ("page_size negative", lambda c: c.bucket("b").list_objects(page_size=-1), IA),
    ("page_size float", lambda c: c.bucket("b").list_objects(page_size=1.5), IA),  # type: ignore[arg-type]
    ("page_size str (iter)", lambda c: c.bucket("b").list_objects_iter(page_size="10"), IA),  # type: ignore[arg-type]
    ("page_size bool (all)", lambda c: c.bucket("b").list_all_objects(page_size=True), IA),
    ("prefix not str", lambda c: c.bucket("b").list_objects(prefix=5), IA),  # type: ignore[arg-type]
    ("chunk_size 0", lambda c: c.bucket("b").object("o").get(chunk_size=0), IA),
    ("chunk_size negative (get_object)", lambda c: c.get_object("b", "o", chunk_size=-5), IA),
    ("chunk_size too large", lambda c: c.bucket("b").object("o").get(chunk_size=1 << 31), IA),
    ("chunk_size float", lambda c: c.bucket("b").object("o").get(chunk_size=1024.0), IA),  # type: ignore[arg-type]
    ("max_pool_size 0", lambda c: Client(NOWHERE, max_pool_size=0), IA),
    ("ClientConfig chunk_size 0", lambda c: ClientConfig(NOWHERE, chunk_size=0), IA),
    # -- put: path / content ------------------------------------------------------------------------
    (
        "put with both path and content",
        lambda c: c.bucket("b").object("o").put(path="/etc/hostname", content=b"x"),
        IA,
    ),
    ("put path that does not exist", lambda c: c.bucket("b").object("o").put(path="/no/such/file"), IA),
    ("put path is a directory", lambda c: c.bucket("b").object("o").put(path="/tmp"), IA),
    ("put content int", lambda c: c.bucket("b").object("o").put(content=42), IA),  # type: ignore[arg-type]
    # -- types, URLs/endpoints, timeouts ---------------------------------------------------------------
    ("endpoint without scheme", lambda c: Client("127.0.0.1:8080"), IA),
    ("endpoint ftp", lambda c: Client("ftp://127.0.0.1:8080"), IA),
    ("endpoint empty", lambda c: Client(""), IA),
    ("endpoint not str", lambda c: Client(8080), IA),  # type: ignore[arg-type]
    ("endpoint no host", lambda c: Client("http://"), IA),
    ("timeout 0", lambda c: Client(NOWHERE, timeout=0), IA),
    ("timeout negative", lambda c: Client(NOWHERE, timeout=-1), IA),
    ("timeout nan", lambda c: Client(NOWHERE, timeout=float("nan")), IA),
    ("timeout str", lambda c: Client(NOWHERE, timeout="5"), IA),  # type: ignore[arg-type]
    ("timeout 3-tuple", lambda c: Client(NOWHERE, timeout=(1, 2, 3)), IA),  # type: ignore[arg-type]
    ("Timeouts read 0", lambda c: Timeouts(read=0), IA),
    ("RetryPolicy max_attempts 0", lambda c: RetryPolicy(max_attempts=0), IA),
    ("RetryPolicy jitter 2", lambda c: RetryPolicy(jitter=2), IA),
    ("RetryPolicy negative backoff", lambda c: RetryPolicy(backoff_base=-1), IA),
    ("wait_for_job no id/kind", lambda c: c.job().wait_for_job(), IA),
    # timeout=0 polls once (the seed's meaning); a negative one is refused.
    ("wait_for_job timeout negative", lambda c: c.job().wait_for_job(job_id="x", timeout=-1), IA),
    ("job status no id/kind", lambda c: c.job().status(), IA),
    # -- ETL -------------------------------------------------------------------------------------------
    ("ETL name too short", lambda c: c.etl().view("abc"), InvalidETLName),
    ("ETL name upper case", lambda c: c.etl().start("MyTransform"), InvalidETLName),
    ("ETL name underscore", lambda c: c.etl().stop("my_transform"), InvalidETLName),
    ("ETL name too long", lambda c: c.etl().delete("e" * 33), InvalidETLName),
    ("ETL GET with bad etl_id", lambda c: c.bucket("b").object("o").get(etl_id="BAD"), InvalidETLName),
    ("transform with bad ETL", lambda c: c.bucket("b").transform("x", "dst"), InvalidETLName),
    ("transform bad ext", lambda c: c.bucket("b").transform("my-etl", "dst", ext={"jpg": 1}), IA),  # type: ignore[dict-item]
    (
        "init_spec bad comm type",
        lambda c: c.etl().init_spec("spec: x", "my-etl", communication_type="hrev"),
        IA,
    ),
    ("init_spec empty template", lambda c: c.etl().init_spec("  ", "my-etl"), IA),
    ("init_spec bad timeout", lambda c: c.etl().init_spec("spec: x", "my-etl", timeout="5 minutes"), IA),
    ("init_code bad runtime", lambda c: c.etl().init_code(lambda b: b, "my-etl", runtime="python2.7"), IA),
    (
        "init_code runtime of another Python",
        lambda c: c.etl().init_code(lambda b: b, "my-etl", runtime="python3.9v2"),
        IA,
    ),
    (
        "init_code comm type io",
        lambda c: c.etl().init_code(lambda b: b, "my-etl", communication_type="io"),
        IA,
    ),
    ("init_code not callable", lambda c: c.etl().init_code("def f(): pass", "my-etl"), IA),  # type: ignore[arg-type]
    ("init_code deps str", lambda c: c.etl().init_code(lambda b: b, "my-etl", dependencies="numpy"), IA),  # type: ignore[arg-type]
    # chunk_size=0 is the seed's "whole object" (it left 0 out); a negative one is refused.
    ("init_code chunk_size negative", lambda c: c.etl().init_code(lambda b: b, "my-etl", chunk_size=-1), IA),
    # -- the same through AsyncClient ------------------------------------------------------------------
    ("async: bucket name", _a(lambda ac: ac.bucket("a/b")), InvalidBucketName),
    ("async: object name", _a(lambda ac: ac.bucket("b").object("")), InvalidObjectName),
    (
        "async: create cloud bucket",
        _a(lambda ac: ac.bucket("b", provider="aws").create()),
        InvalidBckProvider,
    ),
    ("async: page_size", _a(lambda ac: ac.bucket("b").list_objects(page_size=-3)), IA),
    (
        "async: put both",
        _a(lambda ac: ac.bucket("b").object("o").put(path="/etc/hostname", content=b"x")),
        IA,
    ),
    ("async: put path missing", _a(lambda ac: ac.bucket("b").object("o").put(path="/no/such/file")), IA),
    ("async: byte_range", _a(lambda ac: ac.bucket("b").object("o").get(byte_range=(5, 1))), IA),
    ("async: chunk_size", _a(lambda ac: ac.bucket("b").object("o").get(chunk_size=0)), IA),
    ("async: ETL name", _a(lambda ac: ac.etl().view("X")), InvalidETLName),
    ("async: timeout", _a(lambda ac: AsyncClient(NOWHERE, timeout=-2)), IA),
    ("async: objects none", _a(lambda ac: ac.bucket("b").objects()), IA),
    ("async: evict ais bucket", _a(lambda ac: ac.bucket("b").evict()), InvalidBckProvider),
]


def test_there_are_at_least_40_cases() -> None:
    assert len(CASES) >= 40
    assert len({label for label, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("label", "call", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_raises_typed_error_and_sends_nothing(
    label: str, call: Callable[[Client], Any], expected: type[Exception], counted: tuple[Client, Counted]
) -> None:
    client, counter = counted
    with pytest.raises(expected) as info:
        call(client)
    err = info.value
    assert isinstance(err, ValueError), f"{label}: {type(err).__name__} is not a ValueError"
    assert isinstance(err, InvalidArgument), f"{label}: {type(err).__name__} is not an InvalidArgument"
    assert str(err), label  # a message naming what is wrong
    assert counter.requests == [], f"{label}: sent {counter.requests}"


def test_valid_namespaces_are_accepted(counted: tuple[Client, Counted]) -> None:
    client, counter = counted
    for ns in (Namespace(), Namespace(uuid="remais"), Namespace(uuid="Abc-1_2", name="ns.v1"), None):
        assert client.bucket("b", ns=ns).namespace == ns
    assert counter.requests == []


def test_counting_works(counted: tuple[Client, Counted]) -> None:
    """Control: a valid call does try to send (and fails to connect), and the counter sees it."""
    from aistore_hl.errors import ConnectionFailed

    client, counter = counted
    with pytest.raises(ConnectionFailed):
        client.bucket("b").head()
    assert len(counter.requests) == 1


def test_seekable_and_unseekable_streams_are_accepted(counted: tuple[Client, Counted]) -> None:
    """Not bad input: file objects and iterators pass validation (and then fail to connect)."""
    from aistore_hl.errors import ConnectionFailed

    client, counter = counted
    for content in (io.BytesIO(b"x"), _gen(), [b"a", b"b"], bytearray(b"x"), memoryview(b"x")):
        with pytest.raises(ConnectionFailed):
            client.bucket("b").object("o").put(content=content)  # type: ignore[arg-type]
    assert len(counter.requests) == 5
