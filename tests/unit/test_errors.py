"""aistore_hl.errors: the tree, pickling, secrets, and mapping of server answers to classes."""

from __future__ import annotations

import asyncio
import inspect
import json
import pickle
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from aistore_hl import errors as E
from aistore_hl.transfer import TransferSummary
from aistore_hl.types import JobStatus


def _transfer_summary() -> TransferSummary:
    summary = TransferSummary("put")
    summary.extend(["a", "b"])
    summary.transferred = ["a", "b"]
    summary.failed = {"c": E.ConnectionFailed("refused", url="http://h:1/")}
    summary.files = 3
    return summary


# One sample instance per exception class; the completeness test below fails if a class is
# added to the module without a sample here.
SAMPLES: dict[type[BaseException], BaseException] = {
    E.AISException: E.AISException("root"),
    E.AISClientError: E.AISClientError("client"),
    E.AISError: E.AISError(500, "boom", method="GET", url="http://h/v1/x", tcode="ErrX", node="p[1]"),
    E.BadRequest: E.BadRequest(400, "bad"),
    E.Unauthorized: E.Unauthorized(401, "no token"),
    E.Forbidden: E.Forbidden(403, "denied"),
    E.NotFound: E.NotFound(404, "nope"),
    E.ErrBckNotFound: E.ErrBckNotFound(404, 'bucket "ais://b" does not exist'),
    E.ErrRemoteBckNotFound: E.ErrRemoteBckNotFound(404, 'aws bucket "s3://b" does not exist'),
    E.ErrObjNotFound: E.ErrObjNotFound(404, "ais://b/o does not exist", retry_after=None),
    E.ErrETLNotFound: E.ErrETLNotFound(404, "etl job x does not exist"),
    E.MethodNotAllowed: E.MethodNotAllowed(405, "Method Not Allowed"),
    E.Conflict: E.Conflict(409, "busy"),
    E.ErrBckAlreadyExists: E.ErrBckAlreadyExists(409, "exists"),
    E.ErrETLAlreadyExists: E.ErrETLAlreadyExists(409, "exists"),
    E.ErrGETConflict: E.ErrGETConflict(409, "locked"),
    E.Gone: E.Gone(410, "gone"),
    E.RangeNotSatisfiable: E.RangeNotSatisfiable(416, "range"),
    E.TooManyRequests: E.TooManyRequests(429, "slow down", retry_after=2.5),
    E.Unsupported: E.Unsupported(501, "no etl"),
    E.ServiceUnavailable: E.ServiceUnavailable(503, "starting"),
    E.InsufficientStorage: E.InsufficientStorage(507, "full"),
    E.ConnectionFailed: E.ConnectionFailed("refused", url="http://h:1/"),
    E.RequestTimeout: E.RequestTimeout("slow", url="http://h/", phase="read"),
    E.TLSError: E.TLSError("CERTIFICATE_VERIFY_FAILED", url="https://h/"),
    E.UnexpectedResponse: E.UnexpectedResponse("PUT not redirected", url="http://h/o"),
    E.IncompleteRead: E.IncompleteRead(100, 40, url="http://h/o"),
    E.ChecksumMismatch: E.ChecksumMismatch("xxhash2", "aa", "bb", url="http://h/o"),
    E.ObjectChanged: E.ObjectChanged("version changed", url="http://h/o"),
    E.TransferError: E.TransferError(_transfer_summary()),
    E.Timeout: E.Timeout("job copy-bck[x]", "after 5s"),
    E.JobFailed: E.JobFailed(JobStatus(uuid="x1", kind="copy-bck", err="boom", end_time=1)),
    E.InvalidArgument: E.InvalidArgument(-1, "must be >= 1", param="chunk_size"),
    E.InvalidBckProvider: E.InvalidBckProvider("hdfs", "gone"),
    E.InvalidBucketName: E.InvalidBucketName("a..b", "no '..'"),
    E.InvalidObjectName: E.InvalidObjectName("a/../b", "no '..'"),
    E.InvalidETLName: E.InvalidETLName("ETL", "lower-case"),
    E.InvalidObjectRangeIndex: E.InvalidObjectRangeIndex("10 must be less than 5"),
    E.BatchObjNotFound: E.BatchObjNotFound(3, "b", "o", "x.txt", "t[x]: ais://b/o does not exist"),
    E.BatchError: E.BatchError("bad answer", url="http://t/v1/ml/moss/b"),
    E.BatchIncomplete: E.BatchIncomplete(2, "b/o", 5, mid_entry=True, detail="ReadError", url="http://t"),
    E.BatchEntryMismatch: E.BatchEntryMismatch(1, "archive holds 'b/x', asked 'b/y'", url="http://t"),
    E.EmptyBatch: E.EmptyBatch(),
    E.InvalidRequest: E.InvalidRequest("10", "must be an int", param="page_size"),
    E.UnknownBckProvider: E.UnknownBckProvider("hdfs", "gone"),
    E.InvalidPath: E.InvalidPath("/no/such/file", "no such file"),
    E.NBIUnsupported: E.NBIUnsupported("ais://b", "no backend"),
    E.AppendHandleError: E.AppendHandleError("h1", "was used by a failed append"),
    E.AppendUnsupported: E.AppendUnsupported("b/o", 3),
    E.ArchiveListUnsupported: E.ArchiveListUnsupported("b/s.tar", 4),
    E.MultipartMismatch: E.MultipartMismatch("size 5 != 6; deleted"),
    E.MultipartStateError: E.MultipartStateError("upload not created"),
    E.ShardError: E.ShardError("shards/000.tar", "ends in the middle of a member"),
}


def _exception_classes() -> list[type[BaseException]]:
    return [
        obj
        for name in E.__all__
        if inspect.isclass(obj := getattr(E, name)) and issubclass(obj, BaseException)
    ]


def test_every_exception_class_has_a_sample_and_is_in_the_docstring_tree() -> None:
    classes = _exception_classes()
    assert set(classes) == set(SAMPLES)
    doc = E.__doc__ or ""
    for cls in classes:
        assert f" {cls.__name__}" in doc, f"{cls.__name__} missing from the drawn tree"
        assert issubclass(cls, E.AISException)


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda c: c.__name__)
def test_pickle_round_trip(cls: type[BaseException]) -> None:
    err = SAMPLES[cls]
    assert type(err) is cls
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls
    assert back.args == err.args
    assert back.__dict__ == err.__dict__
    assert str(back) == str(err)
    assert repr(back) == repr(err)


def test_seed_names_keep_their_place() -> None:
    assert issubclass(E.ErrBckNotFound, E.AISError)
    assert issubclass(E.ErrRemoteBckNotFound, E.AISError)
    assert issubclass(E.InvalidBckProvider, ValueError)
    assert issubclass(E.InvalidObjectRangeIndex, ValueError)
    assert issubclass(E.Timeout, Exception)
    assert not issubclass(E.Timeout, E.AISError)
    err = E.AISError(404, "x")  # the seed's positional constructor
    assert (err.status_code, err.message) == (404, "x")
    assert str(err) == "STATUS:404, MESSAGE:x"
    assert "Invalid bucket provider" not in str(E.InvalidBckProvider("ht"))  # no double prefix
    assert str(E.InvalidBckProvider("ht")) == "invalid bucket provider 'ht'"
    assert str(E.InvalidObjectRangeIndex("bad")).endswith("index: bad")
    assert str(E.Timeout("job x")) == "Timed out while waiting for job x"


def test_local_400s_are_also_seed_era_ais_errors() -> None:
    # The seed sent these requests and raised the server's AISError(400): its except clauses
    # must still catch the earlier local error, with the attributes it read.
    for err in (
        E.InvalidRequest("10", "must be an int", param="page_size"),
        E.InvalidBucketName("a b", "bad"),
        E.InvalidObjectName("", "empty"),
        E.InvalidETLName("X", "lower-case"),
        E.UnknownBckProvider("hdfs", "gone"),
    ):
        assert isinstance(err, E.AISError) and isinstance(err, E.BadRequest)
        assert isinstance(err, ValueError) and isinstance(err, E.InvalidArgument)
        assert err.status_code == 400 and err.message == str(err)
    assert isinstance(E.UnknownBckProvider("hdfs"), E.InvalidBckProvider)
    assert not issubclass(E.InvalidBckProvider, E.AISError)  # create() on aws: the seed's own error
    missing = E.InvalidPath("/no/file", "no such file")
    assert isinstance(missing, FileNotFoundError) and missing.filename == "/no/file"
    assert missing.errno == 2


def test_value_error_family_names_the_value() -> None:
    err = E.InvalidBucketName("a..b", "must not contain '..'")
    assert isinstance(err, ValueError)
    assert isinstance(err, E.AISClientError)
    assert "'a..b'" in str(err) and "bucket name" in str(err)
    assert err.value == "a..b"


# --------------------------------------------------------------------------------------
# error_from_response
# --------------------------------------------------------------------------------------


def _errhttp(message: str, tcode: str = "", status: int = 404, method: str = "GET") -> bytes:
    d: dict[str, Any] = {
        "message": message,
        "method": method,
        "url_path": "/v1/x",
        "remote_addr": "127.0.0.1:5555",
        "caller": "",
        "node": "p[abcd]",
        "status": status,
    }
    if tcode:
        d["tcode"] = tcode
    return json.dumps(d).encode()


OBJ_URL = "http://127.0.0.1:8080/v1/objects/b/dir/o.bin?provider=ais"
BCK_URL = "http://127.0.0.1:8080/v1/buckets/b?provider=ais"
ETL_URL = "http://127.0.0.1:8080/v1/etl/my-etl"


@pytest.mark.parametrize(
    ("status", "body", "method", "url", "expected"),
    [
        (
            404,
            _errhttp('bucket "ais://b" does not exist', "ErrBckNotFound"),
            "DELETE",
            BCK_URL,
            E.ErrBckNotFound,
        ),
        (
            404,
            _errhttp('aws bucket "s3://b" does not exist', "ErrRemoteBckNotFound"),
            "GET",
            BCK_URL,
            E.ErrRemoteBckNotFound,
        ),
        (
            404,
            _errhttp("t[x]: ais://b/dir/o.bin does not exist", "ErrNotFound"),
            "GET",
            OBJ_URL,
            E.ErrObjNotFound,
        ),
        (
            404,
            _errhttp("p[x]: etl job my-etl does not exist", "ErrNotFound"),
            "GET",
            ETL_URL,
            E.ErrETLNotFound,
        ),
        (
            409,
            _errhttp("p[x]: etl job my-etl already exists", status=409),
            "PUT",
            ETL_URL,
            E.ErrETLAlreadyExists,
        ),
        (
            409,
            _errhttp('bucket "ais://b" already exists', "ErrBucketAlreadyExists", 409),
            "POST",
            BCK_URL,
            E.ErrBckAlreadyExists,
        ),
        (
            501,
            _errhttp(
                "cannot use ETL in a build without ETL support - operation not supported", "ErrUnsupp", 501
            ),
            "GET",
            ETL_URL,
            E.Unsupported,
        ),
        (
            404,  # etl-bck in a build without ETL: explicit 404, but the tcode says "unsupported"
            _errhttp("cannot use ETL in a build without ETL support - operation not supported", "ErrUnsupp"),
            "POST",
            BCK_URL,
            E.Unsupported,
        ),
        (409, _errhttp("object is being written", status=409), "GET", OBJ_URL, E.ErrGETConflict),
        (409, _errhttp("busy", "ErrBusy", 409), "POST", BCK_URL, E.Conflict),
        (429, _errhttp("rate limit", "ErrRateLimitFrontend", 429), "GET", OBJ_URL, E.TooManyRequests),
        (507, _errhttp("out of space", "ErrCapExceeded", 507), "PUT", OBJ_URL, E.InsufficientStorage),
        (416, _errhttp("bad range", "ErrRangeNotSatisfiable", 416), "GET", OBJ_URL, E.RangeNotSatisfiable),
        (400, _errhttp("invalid bucket name", status=400), "POST", BCK_URL, E.BadRequest),
        (401, _errhttp("token expired", status=401), "GET", BCK_URL, E.Unauthorized),
        (403, _errhttp("direct target access denied", status=403), "PUT", OBJ_URL, E.Forbidden),
        (404, _errhttp("t[x]: etl not foundmy-etl", "ErrNotFound"), "GET", OBJ_URL, E.ErrETLNotFound),
        (
            404,
            _errhttp("p[x]: etl job my-etl does not exist", "ErrNotFound"),
            "POST",
            BCK_URL,
            E.ErrETLNotFound,
        ),
        (
            404,
            _errhttp("t[x]: img.jpg in ais://b/s.tar does not exist", "ErrNotFound"),
            "GET",
            OBJ_URL,
            E.ErrObjNotFound,
        ),
        (404, _errhttp("t[x]: ais://b/o does not exist", "ErrNotFound"), "POST", BCK_URL, E.ErrObjNotFound),
        (404, _errhttp("xaction abc not found", "ErrXactNotFound"), "GET", "http://h/v1/cluster", E.NotFound),
        (404, _errhttp("p[x]: job xyz does not exist"), "GET", "http://h/v1/cluster?what=status", E.NotFound),
        (404, _errhttp('gcp bucket "gs://b" does not exist'), "HEAD", BCK_URL, E.ErrRemoteBckNotFound),
        (404, _errhttp('bucket "ais://b" does not exist'), "GET", OBJ_URL, E.ErrBckNotFound),
        (405, b"Method Not Allowed", "PATCH", "http://h/v1/health", E.MethodNotAllowed),
        (503, b"", "GET", BCK_URL, E.ServiceUnavailable),
        (410, _errhttp("removed from remote", status=410), "HEAD", OBJ_URL, E.Gone),
        (418, b"teapot", "GET", "http://h/", E.AISError),
        (500, b"<html>oops</html>", "GET", "http://h/", E.AISError),
    ],
)
def test_class_selection(status: int, body: bytes, method: str, url: str, expected: type[E.AISError]) -> None:
    err = E.error_from_response(status, {}, body, method=method, url=url)
    assert type(err) is expected
    assert err.status_code == status
    assert err.method == method


def test_json_fields_are_kept() -> None:
    body = _errhttp('bucket "ais://b" does not exist', "ErrBckNotFound")
    err = E.error_from_response(404, {"Content-Type": "application/json"}, body, method="delete", url=BCK_URL)
    assert err.message == 'bucket "ais://b" does not exist'
    assert err.tcode == "ErrBckNotFound"
    assert err.node == "p[abcd]"
    assert err.method == "DELETE"
    assert err.url == BCK_URL
    assert isinstance(err, E.ErrBckNotFound) and isinstance(err, E.NotFound)


def test_head_error_from_header_matches_get() -> None:
    payload = _errhttp("t[x]: ais://b/dir/o.bin does not exist", "ErrNotFound").decode()
    head = E.error_from_response(404, {"Hdr-Error": payload}, b"", method="HEAD", url=OBJ_URL)
    get = E.error_from_response(404, {}, payload.encode(), method="GET", url=OBJ_URL)
    assert type(head) is type(get) is E.ErrObjNotFound
    assert head.message == get.message
    assert head.tcode == "ErrNotFound"
    # The header lookup is case-insensitive for plain dicts too.
    lower = E.error_from_response(404, {"hdr-error": payload}, b"", method="HEAD", url=OBJ_URL)
    assert lower.message == get.message


def test_head_without_any_message_falls_back_to_url() -> None:
    obj = E.error_from_response(404, {}, b"", method="HEAD", url=OBJ_URL)
    assert type(obj) is E.ErrObjNotFound
    assert obj.message == "Not Found"
    bck = E.error_from_response(404, {}, b"", method="HEAD", url=BCK_URL)
    assert type(bck) is E.ErrBckNotFound
    other = E.error_from_response(404, {}, b"", method="GET", url="http://h/v1/cluster")
    assert type(other) is E.NotFound


def test_names_containing_keywords_do_not_fool_the_classifier() -> None:
    # Object "bucket/etl-data" in bucket "bucket": not a bucket error, not an ETL error.
    msg = "t[x]: ais://bucket/etl-data/bucket does not exist"
    err = E.error_from_response(404, {}, _errhttp(msg, "ErrNotFound"), method="GET", url=OBJ_URL)
    assert type(err) is E.ErrObjNotFound


def test_non_json_bodies() -> None:
    err = E.error_from_response(
        405, {"Allow": "GET"}, b"Method Not Allowed\n", method="PUT", url="http://h/x"
    )
    assert err.message == "Method Not Allowed"
    empty = E.error_from_response(503, {}, b"", method="GET", url="http://h/x")
    assert empty.message == "Service Unavailable"
    odd = E.error_from_response(599, {}, b"", method="GET", url="http://h/x")
    assert odd.message == "HTTP 599" and type(odd) is E.AISError
    array = E.error_from_response(400, {}, b"[1, 2]", method="GET", url="http://h/x")
    assert array.message == "[1, 2]"
    binary = E.error_from_response(500, {}, b"\xff\xfe\x00bad", method="GET", url="http://h/x")
    assert "bad" in binary.message
    huge = E.error_from_response(500, {}, b"x" * 100_000, method="GET", url="http://h/x")
    assert len(huge.message) < 5000


def test_retry_after_is_parsed() -> None:
    err = E.error_from_response(429, {"Retry-After": "3"}, b"", method="GET", url=OBJ_URL)
    assert isinstance(err, E.TooManyRequests)
    assert err.retry_after == 3.0
    assert E.parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert E.parse_retry_after("soon") is None
    assert E.parse_retry_after(None) is None
    assert E.parse_retry_after("nan") is None


# --------------------------------------------------------------------------------------
# raise_for_status / secrets
# --------------------------------------------------------------------------------------

SECRET = "s3cr3t-t0ken-value"


class _CountingStream(httpx.SyncByteStream):
    def __init__(self, total: int, piece: bytes) -> None:
        self.total = total
        self.piece = piece
        self.sent = 0
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        while self.sent < self.total:
            self.sent += len(self.piece)
            yield self.piece

    def close(self) -> None:
        self.closed = True


def test_raise_for_status_on_streamed_response_reads_bounded_body_and_closes() -> None:
    stream = _CountingStream(10 * 1024 * 1024, b"e" * 8192)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, stream=stream)

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        request = client.build_request("GET", "http://h/v1/objects/b/o")
        response = client.send(request, stream=True)
        with pytest.raises(E.AISError) as info:
            E.raise_for_status(response)
    assert stream.closed
    assert response.is_closed
    assert stream.sent <= E.MAX_ERROR_BODY + 8192  # bounded, not the 10 MiB body
    assert info.value.status_code == 500
    assert info.value.url == "http://h/v1/objects/b/o"


def test_raise_for_status_success_and_redirect_are_untouched() -> None:
    for status in (200, 204, 301, 307):
        E.raise_for_status(httpx.Response(status, request=httpx.Request("GET", "http://h/")))


def test_raise_for_status_on_read_response_and_without_request() -> None:
    resp = httpx.Response(404, content=_errhttp('bucket "ais://b" does not exist', "ErrBckNotFound"))
    with pytest.raises(E.ErrBckNotFound) as info:
        E.raise_for_status(resp)
    assert info.value.url == "" and info.value.method == ""


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        ("http://h/v1/buckets/b", {"Authorization": f"Bearer {SECRET}"}),
        (f"http://user:{SECRET}@h/v1/buckets/b", {}),
    ],
)
def test_token_never_shown_or_pickled(url: str, headers: dict[str, str]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert "authorization" in request.headers
        return httpx.Response(403, content=_errhttp("insufficient permissions", status=403))

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        resp = client.get(url, headers=headers)
    with pytest.raises(E.Forbidden) as info:
        E.raise_for_status(resp)
    err = info.value
    for text in (str(err), repr(err), repr(err.__dict__), pickle.dumps(err).decode("latin-1")):
        assert SECRET not in text
    assert err.url.endswith("h/v1/buckets/b")


def test_redact_url() -> None:
    assert E.redact_url("http://a:b@h:8080/p?q=1") == "http://***@h:8080/p?q=1"
    assert E.redact_url("http://h/p@x") == "http://h/p@x"
    assert E.redact_url("") == ""


def test_araise_for_status_streamed() -> None:
    body = _errhttp("p[x]: etl job e-t-l-1 does not exist", "ErrNotFound")

    async def main() -> E.AISError:
        async def handler(request: httpx.Request) -> httpx.Response:
            return httpx.Response(404, content=body)

        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            req = client.build_request("GET", "http://h/v1/etl/e-t-l-1")
            resp = await client.send(req, stream=True)
            try:
                await E.araise_for_status(resp)
            except E.AISError as exc:
                assert resp.is_closed
                return exc
        raise AssertionError("no error raised")

    err = asyncio.run(main())
    assert type(err) is E.ErrETLNotFound


# --------------------------------------------------------------------------------------
# wrap_transport_error
# --------------------------------------------------------------------------------------


def _all_subclasses(cls: type[Any]) -> set[type[Any]]:
    out = set()
    for sub in cls.__subclasses__():
        out.add(sub)
        out |= _all_subclasses(sub)
    return out


def test_every_httpx_request_error_maps_into_the_tree() -> None:
    request = httpx.Request("GET", f"http://u:{SECRET}@h/v1/objects/b/o")
    subclasses = {c for c in _all_subclasses(httpx.RequestError) if c.__module__.startswith("httpx")}
    assert httpx.ConnectError in subclasses and httpx.ReadTimeout in subclasses
    for cls in subclasses:
        exc = cls("boom", request=request)
        wrapped = E.wrap_transport_error(exc)
        assert isinstance(wrapped, E.ConnectionFailed), cls
        assert SECRET not in str(wrapped)
        if issubclass(cls, httpx.TimeoutException):
            assert isinstance(wrapped, E.RequestTimeout), cls
        else:
            assert not isinstance(wrapped, E.RequestTimeout), cls


def test_timeout_phases_and_cause() -> None:
    request = httpx.Request("GET", "http://h/")
    for cls, phase in [
        (httpx.ConnectTimeout, "connect"),
        (httpx.ReadTimeout, "read"),
        (httpx.WriteTimeout, "write"),
        (httpx.PoolTimeout, "pool"),
    ]:
        original = cls("t/o", request=request)
        try:
            raise E.wrap_transport_error(original) from original
        except E.RequestTimeout as exc:
            assert exc.phase == phase
            assert exc.__cause__ is original
            assert exc.url == "http://h/"
    no_request = E.wrap_transport_error(httpx.ConnectError("refused"))
    assert no_request.url == "" and "refused" in str(no_request)
