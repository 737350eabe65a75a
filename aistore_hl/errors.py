"""The exception tree of aistore_hl.

Every exception raised on purpose by this package derives from :class:`AISException`::

    AISException
    ├── AISError                        the cluster answered with an error status (>= 400)
    │   ├── BadRequest                  400
    │   ├── Unauthorized                401  missing / invalid token
    │   ├── Forbidden                   403  no permission, or direct target access
    │   ├── NotFound                    404
    │   │   ├── ErrBckNotFound              an ais bucket does not exist
    │   │   ├── ErrRemoteBckNotFound        a remote (cloud / remote-ais) bucket does not exist
    │   │   ├── ErrObjNotFound              an object does not exist
    │   │   │   └── BatchObjNotFound            one entry of a Get-Batch is missing
    │   │   └── ErrETLNotFound              an ETL does not exist
    │   ├── MethodNotAllowed            405
    │   ├── Conflict                    409
    │   │   ├── ErrBckAlreadyExists         create of an existing bucket
    │   │   ├── ErrETLAlreadyExists         init of an existing ETL
    │   │   └── ErrGETConflict              GET raced with a concurrent write (retryable)
    │   ├── Gone                        410
    │   ├── RangeNotSatisfiable         416
    │   ├── TooManyRequests             429  rate limited
    │   ├── Unsupported                 501  (or tcode ErrUnsupp), e.g. ETL in a build without ETL
    │   ├── ServiceUnavailable          503  node or cluster not ready
    │   └── InsufficientStorage         507  target out of space
    └── AISClientError                  raised locally, not an answer from the cluster
        ├── ConnectionFailed            the HTTP exchange failed (wraps httpx.RequestError)
        │   ├── TLSError                    TLS handshake / certificate verification failed
        │   ├── RequestTimeout              a connect / read / write / pool timeout
        │   └── IncompleteRead              the body ended before Content-Length bytes
        ├── ChecksumMismatch            the data read does not match ais-checksum-value
        ├── ObjectChanged               the object changed while a read was being resumed
        ├── AppendHandleError           an append handle that is spent, superseded or failed
        ├── AppendUnsupported           an append AIS 5.0 would get wrong (a chunked object)
        ├── ArchiveListUnsupported      a shard listing AIS 5.0 would get wrong (a chunked shard)
        ├── MultipartMismatch           a completed multipart object differs from its parts
        ├── MultipartStateError         a multipart call the upload's state does not allow
        ├── ShardError                  a TAR shard that is malformed or cut mid-member
        ├── UnexpectedResponse          an answer the protocol does not allow (e.g. PUT not redirected)
        ├── TransferError               files of put_files / download_files failed; the rest completed
        ├── BatchError                  a Get-Batch answer that does not hold what was asked
        │   ├── BatchIncomplete             it ended (or was cut) before an entry
        │   └── BatchEntryMismatch          an entry's name, size or count is not the one asked
        ├── Timeout                     a wait (e.g. for a job) ran out of time
        ├── JobFailed                   a waited-for job ended with an error or was aborted
        └── InvalidArgument (ValueError)    a bad argument, detected before any request
            ├── EmptyBatch                  a Get-Batch without entries
            ├── InvalidBckProvider
            │   └── UnknownBckProvider (+ BadRequest)  a provider the server does not know
            ├── InvalidRequest (+ BadRequest)   a request the server would refuse with 400
            │   ├── InvalidBucketName
            │   ├── InvalidObjectName
            │   └── InvalidETLName
            ├── InvalidPath (+ FileNotFoundError)  a local file to upload does not exist
            ├── NBIUnsupported              an inventory AIS 5.0 cannot build (ais:// without backend)
            └── InvalidObjectRangeIndex

Seed-era names keep their place: ``ErrBckNotFound`` and ``ErrRemoteBckNotFound`` are
``AISError`` subclasses, ``InvalidBckProvider`` and ``InvalidObjectRangeIndex`` are
``ValueError``-family errors, ``Timeout`` is an ``Exception``.

Where the seed-era SDK sent a request that the server refused with HTTP 400 (an empty or malformed
bucket name, ``page_size="10"``, an unknown provider...), aistore_hl refuses it before sending, with
an :class:`InvalidRequest`: a ``ValueError`` that is also a :class:`BadRequest` (``status_code``
400, ``message``), so ``except AISError`` clauses written for the seed still catch it.

All classes pickle (DataLoader workers pickle exceptions): ``self.args`` always holds the
positional arguments of the class's own constructor and everything else lives in
``__dict__``, which the default ``BaseException.__reduce__`` restores. An original
``httpx`` exception is kept as ``__cause__`` only (it is not pickled and may reference the
request and its ``Authorization`` header). No error stores request headers, and URLs are
stripped of user-info, so a bearer token never shows in ``str()`` / ``repr()``.

Use :func:`error_from_response` / :func:`raise_for_status` to turn an HTTP answer into an
:class:`AISError`, and :func:`wrap_transport_error` to turn an ``httpx.RequestError`` into
a :class:`ConnectionFailed`.
"""

from __future__ import annotations

import datetime
import errno
import json
import math
import re
import ssl
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit, urlunsplit

import httpx

if TYPE_CHECKING:
    from aistore_hl.types import JobStatus

__all__ = [
    "AISClientError",
    "AISError",
    "AISException",
    "AppendHandleError",
    "AppendUnsupported",
    "ArchiveListUnsupported",
    "BadRequest",
    "BatchEntryMismatch",
    "BatchError",
    "BatchIncomplete",
    "BatchObjNotFound",
    "ChecksumMismatch",
    "Conflict",
    "ConnectionFailed",
    "EmptyBatch",
    "ErrBckAlreadyExists",
    "ErrBckNotFound",
    "ErrETLAlreadyExists",
    "ErrETLNotFound",
    "ErrGETConflict",
    "ErrObjNotFound",
    "ErrRemoteBckNotFound",
    "Forbidden",
    "Gone",
    "IncompleteRead",
    "InsufficientStorage",
    "InvalidArgument",
    "InvalidBckProvider",
    "InvalidBucketName",
    "InvalidETLName",
    "InvalidObjectName",
    "InvalidObjectRangeIndex",
    "InvalidPath",
    "InvalidRequest",
    "JobFailed",
    "MethodNotAllowed",
    "MultipartMismatch",
    "MultipartStateError",
    "NBIUnsupported",
    "NotFound",
    "ObjectChanged",
    "RangeNotSatisfiable",
    "RequestTimeout",
    "ServiceUnavailable",
    "ShardError",
    "TLSError",
    "Timeout",
    "TooManyRequests",
    "TransferError",
    "Unauthorized",
    "UnexpectedResponse",
    "UnknownBckProvider",
    "Unsupported",
    "araise_for_status",
    "error_from_response",
    "parse_retry_after",
    "raise_for_status",
    "redact_url",
    "wrap_transport_error",
]

#: At most this many bytes of an error body are read (and kept) by raise_for_status.
MAX_ERROR_BODY: Final = 64 * 1024
#: An error message longer than this is truncated (a misbehaving proxy may send pages).
_MAX_MESSAGE_CHARS: Final = 4096


def redact_url(url: str) -> str:
    """Return ``url`` without user-info (``user:password@``), which may carry secrets.

    Args:
        url: An absolute or relative URL.

    Returns:
        The same URL with any user-info replaced by ``***@``.
    """
    if "@" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, "***@" + host, parts.path, parts.query, parts.fragment))


# ======================================================================================
# Roots
# ======================================================================================


class AISException(Exception):
    """Root of every exception raised on purpose by aistore_hl."""


class AISClientError(AISException):
    """An error detected on the client side (not an error answer from the cluster)."""


# ======================================================================================
# Errors answered by the cluster
# ======================================================================================


class AISError(AISException):
    """The cluster answered with an error status.

    Args:
        status_code: HTTP status of the answer.
        message: The server's message (``ErrHTTP.message``), or the plain-text body, or the
            HTTP reason phrase when the body was empty.
        method: HTTP method of the request (upper case), if known.
        url: URL of the request (user-info removed), if known.
        tcode: The server's error type code (``ErrHTTP.tcode``, the Go type name, e.g.
            ``"ErrBckNotFound"``); empty for plain errors and non-JSON bodies.
        node: The node that produced the error (``ErrHTTP.node``, e.g. ``"t[abcd]"``).
        retry_after: Seconds the server asked the client to wait (``Retry-After``), if any.

    Attributes:
        status_code (int): HTTP status.
        message (str): Server message.
        method (str): Request method, or "".
        url (str): Request URL, or "".
        tcode (str): Server error type code, or "".
        node (str): Failing node, or "".
        retry_after (float | None): Requested wait in seconds, or None.
    """

    status_code: int
    message: str

    def __init__(
        self,
        status_code: int,
        message: str,
        *,
        method: str = "",
        url: str = "",
        tcode: str = "",
        node: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(status_code, message)
        self.status_code = status_code
        self.message = message
        self.method = method
        self.url = redact_url(url)
        self.tcode = tcode
        self.node = node
        self.retry_after = retry_after

    def __str__(self) -> str:
        s = f"STATUS:{self.status_code}, MESSAGE:{self.message}"
        if self.tcode:
            s += f", TCODE:{self.tcode}"
        if self.method or self.url:
            s += f", REQ:{' '.join(p for p in (self.method, self.url) if p)}"
        return s

    def __repr__(self) -> str:
        extra = "".join(f", {k}={v!r}" for k, v in (("tcode", self.tcode), ("method", self.method)) if v)
        return f"{type(self).__name__}(status_code={self.status_code!r}, message={self.message!r}{extra})"


class BadRequest(AISError):
    """400: the cluster rejected the request (bad JSON, names, parameters...)."""


class Unauthorized(AISError):
    """401: the request carried no valid token."""


class Forbidden(AISError):
    """403: permission denied (insufficient permission, or direct target access)."""


class NotFound(AISError):
    """404: something (bucket, object, ETL, job...) does not exist."""


class ErrBckNotFound(NotFound):
    """The bucket does not exist (seed name)."""


class ErrRemoteBckNotFound(NotFound):
    """The remote bucket does not exist (seed name)."""


class ErrObjNotFound(NotFound):
    """The object does not exist. Raised alike for GET (JSON body) and HEAD (Hdr-Error)."""


class ErrETLNotFound(NotFound):
    """The ETL does not exist."""


class MethodNotAllowed(AISError):
    """405: the endpoint does not accept this method (plain-text body)."""


class Conflict(AISError):
    """409: already exists, busy, limited coexistence with a running job, etc."""


class ErrBckAlreadyExists(Conflict):
    """Creating a bucket that already exists."""


class ErrETLAlreadyExists(Conflict):
    """Initializing an ETL whose name is already registered (also after a failed init)."""


class ErrGETConflict(Conflict):
    """A GET conflicted with a concurrent write of the same object; retrying may succeed."""


class Gone(AISError):
    """410: e.g. HEAD with ``latest-ver`` of an object removed from the remote backend."""


class RangeNotSatisfiable(AISError):
    """416: bad, multiple, or archive byte range."""


class TooManyRequests(AISError):
    """429: rate limited by the cluster or its backend; see ``retry_after``."""


class Unsupported(AISError):
    """501 (or tcode ``ErrUnsupp`` / ``ErrNotImpl``): the cluster cannot do this.

    For example every ETL call on a server built without ETL support; ``status_code``
    keeps the real status (the server sends 404 for ``etl-bck`` in that case).
    """


class ServiceUnavailable(AISError):
    """503: the node or cluster is starting, not ready, or changing primary."""


class InsufficientStorage(AISError):
    """507: a target ran out of space."""


# ======================================================================================
# Client-side errors
# ======================================================================================


class ConnectionFailed(AISClientError):
    """The HTTP exchange with the cluster failed below the HTTP status level.

    The original ``httpx`` exception is the ``__cause__``.

    Args:
        message: What failed.
        url: The request URL (user-info removed), if known.
    """

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.url = redact_url(url)

    def __str__(self) -> str:
        return f"{self.message} ({self.url})" if self.url else self.message


class TLSError(ConnectionFailed):
    """The TLS handshake failed, e.g. the server certificate is not trusted (``verify=``/CA)."""


class RequestTimeout(ConnectionFailed):
    """A timeout (connect, read, write, or waiting for a pooled connection) expired.

    Args:
        message: What failed.
        url: The request URL, if known.
        phase: One of ``"connect"``, ``"read"``, ``"write"``, ``"pool"``, or ``""``.
    """

    def __init__(self, message: str, *, url: str = "", phase: str = "") -> None:
        super().__init__(message, url=url)
        self.phase = phase


class IncompleteRead(ConnectionFailed):
    """The response body ended before ``Content-Length`` bytes were received.

    Args:
        expected: The announced length (``Content-Length``).
        received: The number of bytes actually received.
        url: The request URL, if known.
    """

    def __init__(self, expected: int, received: int, *, url: str = "") -> None:
        super().__init__(f"incomplete read: received {received} of {expected} bytes", url=url)
        self.args = (expected, received)
        self.expected = expected
        self.received = received


class ChecksumMismatch(AISClientError):
    """The data read does not match the checksum announced by the cluster.

    Args:
        checksum_type: The checksum algorithm (e.g. ``"xxhash2"``).
        expected: The value announced in ``ais-checksum-value``.
        actual: The value computed over the bytes received.
        url: The request URL, if known.
    """

    def __init__(self, checksum_type: str, expected: str, actual: str, *, url: str = "") -> None:
        super().__init__(checksum_type, expected, actual)
        self.checksum_type = checksum_type
        self.expected = expected
        self.actual = actual
        self.url = redact_url(url)

    def __str__(self) -> str:
        s = f"{self.checksum_type} checksum mismatch: expected {self.expected}, got {self.actual}"
        return f"{s} ({self.url})" if self.url else s


class ObjectChanged(AISClientError):
    """The object changed between the first response and a resumed (ranged) one.

    Args:
        message: What differs (e.g. the version).
        url: The request URL, if known.
    """

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.url = redact_url(url)

    def __str__(self) -> str:
        return f"{self.message} ({self.url})" if self.url else self.message


class AppendHandleError(AISClientError):
    """An append handle that cannot be used: superseded by a later append, used by a failed
    append, or already flushed. Raised before any request; start again with ``handle=""``.

    Args:
        handle: The handle given.
        why: Why it cannot be used.
    """

    def __init__(self, handle: str, why: str) -> None:
        super().__init__(handle, why)
        self.handle = handle
        self.why = why

    def __str__(self) -> str:
        short = self.handle if len(self.handle) <= 40 else self.handle[:37] + "..."
        return f"append handle {short!r} {self.why}; start a new append with handle=''"


class _ChunkedUnsupported(AISClientError):
    """An operation AIS 5.0 gets wrong on a chunked object; refused before it was sent.

    Args:
        obj: The object's name (``bucket/object``).
        chunks: The object's chunk count (``Ais-Chunks-Count``).
    """

    def __init__(self, obj: str, chunks: int) -> None:
        super().__init__(obj, chunks)
        self.obj = obj
        self.chunks = chunks


class AppendUnsupported(_ChunkedUnsupported):
    """An append session that AIS 5.0 would get wrong; nothing was appended.

    The first append of a session copies the object's main file into the work file, so on a
    *chunked* object (written by a multipart upload, or by ``rechunk``) the flushed object
    would keep only its first chunk plus the appended bytes (measured: 2 MiB + 1 in 1 MiB
    chunks, append 1 byte -> 1 MiB + 1). Rewrite the object whole first (``rechunk`` with
    ``objsize_limit=0`` makes it monolithic), or write a new object.

    Args:
        obj: The object's name (``bucket/object``).
        chunks: The object's chunk count (``Ais-Chunks-Count``).
    """

    def __str__(self) -> str:
        return (
            f"{self.obj}: AIS 5.0 cannot append to a chunked object ({self.chunks} chunks): the "
            "result would keep only the first chunk; nothing was appended"
        )


class ArchiveListUnsupported(_ChunkedUnsupported):
    """A listing of a shard's members that AIS 5.0 would get wrong; nothing was listed.

    The target lists a shard by reading its main file, which for a *chunked* object (written by
    a multipart upload, e.g. ``open("wb")`` past ``part_size``, or by ``rechunk``) holds only the
    first chunk: the shard's members are left out with a 200 (measured: a 12-member 930 KiB TAR
    in 4 x 256 KiB chunks lists 0 members, the same bytes PUT whole list 12; a ZIP the same), and
    the rest of that target's listing is dropped too. Reading members works on a chunked shard
    (``get(archpath=...)``, Get-Batch, ``AISShardReader``); to list it, read the shard whole, or
    rewrite it monolithic (``rechunk`` with ``objsize_limit=0``).

    Args:
        obj: The shard's name (``bucket/object``).
        chunks: The shard's chunk count (``Ais-Chunks-Count``).
    """

    def __str__(self) -> str:
        return (
            f"{self.obj}: AIS 5.0 cannot list the members of a chunked shard ({self.chunks} chunks): "
            "it would list none; nothing was listed"
        )


class MultipartMismatch(AISClientError):
    """The object ``complete`` assembled differs from the parts sent (size or crc32c); it was
    deleted, so no corrupted object stays visible."""


class MultipartStateError(AISClientError):
    """A multipart call that cannot be made in the upload's current state (not created yet,
    already completed or aborted, nothing uploaded); raised before any request."""


class ShardError(AISClientError):
    """A shard is not a well-formed TAR archive, or it ended in the middle of a member.

    Args:
        shard: The shard's name.
        why: What is wrong with it.
    """

    def __init__(self, shard: str, why: str) -> None:
        # args = the constructor's own (the pickling rule above): DataLoader workers pickle it
        super().__init__(shard, why)
        self.shard = shard
        self.why = why

    def __str__(self) -> str:
        return f"shard {self.shard}: {self.why}"


class UnexpectedResponse(AISClientError):
    """The cluster answered in a way the protocol does not allow for this request.

    E.g. a proxy that accepted an object PUT without redirecting it to a target: the data was
    not sent, so the call fails instead of reporting a write that did not happen.
    """

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.url = redact_url(url)


class TransferError(AISClientError):
    """Some files of a bulk transfer (``put_files`` / ``download_files``) failed; the rest completed.

    Args:
        summary: The ``TransferSummary``: ``failed`` maps each object name that did not move to
            its exception; ``transferred`` and ``skipped`` list the ones that did.
    """

    def __init__(self, summary: Any) -> None:
        failed: dict[str, BaseException] = summary.failed
        shown = "; ".join(f"{n}: {type(e).__name__}: {e}" for n, e in list(failed.items())[:5])
        more = f" (and {len(failed) - 5} more)" if len(failed) > 5 else ""
        self.message = f"{len(failed)} of {summary.files} files failed to {summary.direction}: {shown}{more}"
        super().__init__(self.message)
        self.summary = summary

    @property
    def failed(self) -> dict[str, BaseException]:
        """Object name -> the exception that stopped it (the summary's ``failed``)."""
        return self.summary.failed  # type: ignore[no-any-return]

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.summary,))


class JobFailed(AISClientError):
    """A waited-for job finished with an error or was aborted; ``status`` has the details.

    Raised by ``Job.wait_for_job(..., raise_on_failure=True)``.

    Args:
        status: The job's final status (``uuid``, ``kind``, ``err``, ``aborted``).
    """

    def __init__(self, status: JobStatus) -> None:
        super().__init__(status)  # args = constructor args, so it pickles
        self.status = status

    def __str__(self) -> str:
        s = self.status
        return f"job {s.uuid} ({s.kind}) {'aborted' if s.aborted else 'failed'}: {s.err}"


class Timeout(AISClientError):
    """A wait ran out of time, e.g. waiting for a job to finish (seed name).

    Args:
        action: What was being waited for.
        message: Optional details.
    """

    def __init__(self, action: str, message: str = "") -> None:
        super().__init__(action, message)
        self.action = action
        self.message = message

    def __str__(self) -> str:
        s = f"Timed out while waiting for {self.action}"
        return f"{s}. {self.message}" if self.message else s


class InvalidArgument(AISClientError, ValueError):
    """An argument is invalid; detected locally before any request is sent.

    Args:
        value: The offending value.
        reason: Why it is invalid.
        param: The name of the parameter (defaults to the class's ``param``).
    """

    param: str = "argument"

    def __init__(self, value: object, reason: str = "", *, param: str = "") -> None:
        super().__init__(value, reason)
        self.value = value
        self.reason = reason
        if param:
            self.param = param

    def __str__(self) -> str:
        s = f"invalid {self.param} {self.value!r}"
        return f"{s}: {self.reason}" if self.reason else s


class InvalidBckProvider(InvalidArgument):
    """A bucket provider the operation does not accept (seed name).

    Args:
        provider: The offending provider.
        reason: Why it is not accepted.
    """

    param = "bucket provider"

    def __init__(self, provider: object, reason: str = "") -> None:
        super().__init__(provider, reason)
        self.provider = provider


class InvalidRequest(InvalidArgument, BadRequest):
    """A request the server would refuse with HTTP 400, refused before it is sent.

    Both a ``ValueError`` (``InvalidArgument``) and a :class:`BadRequest`: the seed-era SDK sent
    such requests and raised the server's ``AISError(400, ...)``, so seed-era ``except AISError``
    clauses keep catching it. ``status_code`` is 400 and ``message`` the reason; ``method``,
    ``url``, ``tcode`` and ``node`` are empty (nothing was sent).

    Args:
        value: The offending value.
        reason: Why it is invalid.
        param: The name of the parameter (defaults to the class's ``param``).
    """

    def __init__(self, value: object, reason: str = "", *, param: str = "") -> None:
        # Not super().__init__: AISError's (status_code, message) would take value and reason.
        Exception.__init__(self, value, reason)
        self.value = value
        self.reason = reason
        if param:
            self.param = param
        self.status_code = 400
        self.message = InvalidArgument.__str__(self)
        self.method = self.url = self.tcode = self.node = ""
        self.retry_after = None

    def __str__(self) -> str:
        return InvalidArgument.__str__(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.value!r}, {self.reason!r})"


class UnknownBckProvider(InvalidRequest, InvalidBckProvider):
    """A provider the server does not know (e.g. the removed ``hdfs``, ``ht``).

    An ``InvalidBckProvider`` (seed name) and, like the server's answer the seed-era SDK raised
    for it, a :class:`BadRequest`.

    Args:
        provider: The offending provider.
        reason: Why it is not accepted.
    """

    param = "bucket provider"

    def __init__(self, provider: object, reason: str = "") -> None:
        super().__init__(provider, reason)
        self.provider = provider


class InvalidBucketName(InvalidRequest):
    """A bucket name that AIStore would reject (the server answers 400)."""

    param = "bucket name"


class InvalidObjectName(InvalidRequest):
    """An object name that AIStore would reject (the server answers 400)."""

    param = "object name"


class InvalidETLName(InvalidRequest):
    """An ETL name that AIStore would reject (6..32 characters of ``[a-z0-9-]``)."""

    param = "ETL name"


class InvalidPath(InvalidArgument, FileNotFoundError):
    """A local file to upload does not exist; nothing is sent.

    Also a ``FileNotFoundError`` (``errno``, ``filename`` set), which is what the seed-era
    ``Object.put(path=...)`` raised from ``open()``.

    Args:
        value: The path.
        reason: Why it cannot be read.
        param: The name of the parameter (defaults to ``path``).
    """

    param = "path"

    def __init__(self, value: object, reason: str = "", *, param: str = "") -> None:
        super().__init__(value, reason, param=param)
        self.errno = errno.ENOENT
        self.strerror = reason
        self.filename = value

    def __str__(self) -> str:
        return InvalidArgument.__str__(self)

    def __reduce__(self) -> tuple[Any, ...]:
        # OSError's own __reduce__ would pass (errno, strerror, filename) to __init__.
        return (type(self), self.args, self.__dict__)


class NBIUnsupported(InvalidArgument):
    """An inventory of a bucket AIS 5.0 cannot inventory (an ``ais://`` bucket without a backend:
    the server would crash); nothing was sent."""


class InvalidObjectRangeIndex(InvalidArgument):
    """An ``ObjectRange`` with bad indices (seed name).

    Args:
        message: What is wrong with the indices.
    """

    param = "object range index"

    def __init__(self, message: str) -> None:
        super().__init__(None, message)
        self.args = (message,)
        self.message = message

    def __str__(self) -> str:
        return f"Invalid argument provided for object range index: {self.message}"


# ======================================================================================
# Response -> error
# ======================================================================================

_STATUS_CLASSES: Final[Mapping[int, type[AISError]]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    405: MethodNotAllowed,
    409: Conflict,
    410: Gone,
    416: RangeNotSatisfiable,
    429: TooManyRequests,
    501: Unsupported,
    503: ServiceUnavailable,
    507: InsufficientStorage,
}

# Server tcodes (Go type names, cmn/err.go and cmn/cos/err.go) that pick a class on their own.
_TCODE_CLASSES: Final[Mapping[str, type[AISError]]] = {
    "ErrBckNotFound": ErrBckNotFound,
    "ErrRemoteBckNotFound": ErrRemoteBckNotFound,
    "ErrBucketAlreadyExists": ErrBckAlreadyExists,
    "ErrUnsupp": Unsupported,
    "ErrNotImpl": Unsupported,
    "ErrTooManyRequests": TooManyRequests,
    "ErrRateLimitFrontend": TooManyRequests,
    "ErrRateLimitBackend": TooManyRequests,
    "ErrCapExceeded": InsufficientStorage,
    "ErrRangeNotSatisfiable": RangeNotSatisfiable,
    "ErrBusy": Conflict,
    "ErrLimitedCoexistence": Conflict,
    "ErrXactNotFound": NotFound,
    # 400 "no storage targets in the cluster": a restarted primary before any target re-registered.
    "ErrNoNodes": ServiceUnavailable,
}

# Server messages: 'etl job X does not exist', 'etl job X already exists', 'etl[X] already
# exists', 't[..]: etl not foundX', 't[..]: etl with xid X not found'.
_ETL_RE: Final = re.compile(r"\betl(?: job |\[| not found| with xid )")
# Go formats bucket names with %q: 'bucket "ais://b" does not exist',
# 'aws bucket "s3://b" does not exist', 'remote bucket "ais://@alias/b" does not exist'.
_REMOTE_BCK_RE: Final = re.compile(r'\b(?:aws|gcp|azure|oci|remote|cloud) bucket "')
_BCK_RE: Final = re.compile(r'\bbucket "')
# "ais://b/o does not exist", "s3://@uuid#ns/b/dir/o does not exist"
_OBJ_CNAME_RE: Final = re.compile(r"\b[a-z0-9]+://\S+?/\S+")


def _path_kind(url: str) -> tuple[str, int]:
    """Return the resource kind ("objects", "buckets", "etl"...) and the path depth."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return "", 0
    parts = [p for p in path.split("/") if p]
    if len(parts) >= 2 and parts[0] == "v1":
        return parts[1], len(parts) - 2
    return "", 0


def _pick_class(status: int, tcode: str, message: str, method: str, url: str) -> type[AISError]:
    """Choose the AISError subclass: by tcode, then status + message, then URL, then status."""
    cls = _TCODE_CLASSES.get(tcode)
    if cls is not None:
        return cls
    lower = message.lower()
    kind, depth = _path_kind(url)
    if status == 404 or tcode == "ErrNotFound":
        missing = "does not exist" in lower or "not found" in lower
        if (missing and _ETL_RE.search(lower)) or (kind == "etl" and depth >= 1):
            return ErrETLNotFound
        if _REMOTE_BCK_RE.search(lower):
            return ErrRemoteBckNotFound
        if _BCK_RE.search(lower):
            return ErrBckNotFound
        # Any other 404 of an object request (GET, HEAD with or without Hdr-Error, DELETE,
        # archpath) means the object is missing: HEAD and GET raise the same type.
        if (kind == "objects" and depth >= 2) or (missing and _OBJ_CNAME_RE.search(message)):
            return ErrObjNotFound
        # A bare 404 of a bucket request (e.g. HEAD without Hdr-Error).
        if kind == "buckets" and depth == 1 and message == HTTPStatus(404).phrase:
            return ErrBckNotFound
        return NotFound
    if status == 409 or tcode == "ErrAlreadyExists":
        if "already exists" in lower:
            if _ETL_RE.search(lower):
                return ErrETLAlreadyExists
            if _BCK_RE.search(lower):
                return ErrBckAlreadyExists
        if method.upper() == "GET" and kind == "objects":
            return ErrGETConflict
        return Conflict
    cls = _STATUS_CLASSES.get(status)
    if cls is not None:
        return cls
    return AISError


def _decode_err_json(raw: str | bytes) -> dict[str, Any] | None:
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return obj if isinstance(obj, dict) else None


def _header_get(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None and not isinstance(headers, httpx.Headers):
        lname = name.lower()
        for k, v in headers.items():
            if k.lower() == lname:
                return v
    return value


def parse_retry_after(value: str | None) -> float | None:
    """Parse a ``Retry-After`` header value (delta-seconds or an HTTP date).

    Args:
        value: The header value, or None.

    Returns:
        Seconds to wait (>= 0), or None if absent or unparsable.
    """
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.UTC)
        seconds = (when - datetime.datetime.now(datetime.UTC)).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def error_from_response(
    status_code: int,
    headers: Mapping[str, str],
    body: bytes,
    *,
    method: str,
    url: str,
) -> AISError:
    """Build the :class:`AISError` (subclass) for an error answer of the cluster.

    The message comes from, in order: the JSON ``ErrHTTP`` body; for an empty body
    (HEAD), the JSON in the ``Hdr-Error`` response header; a non-JSON body as text (405,
    proxies); the HTTP reason phrase (empty 503 during startup). The class is picked by the
    server's ``tcode`` first, then by status and message text (e.g. ``etl job ... does not
    exist``, ``bucket ... already exists``), then by the request URL (so that HEAD and GET
    of a missing object raise the same type), then by status alone.

    Args:
        status_code: HTTP status of the answer.
        headers: Response headers (case-insensitive lookup is done if needed).
        body: The (possibly truncated) response body.
        method: Request method.
        url: Request URL.

    Returns:
        The error to raise (not raised here).
    """
    err: dict[str, Any] | None = None
    text = ""
    if body:
        err = _decode_err_json(body)
        if err is None:
            text = body.decode("utf-8", errors="replace").strip()
    if err is None:
        hdr = _header_get(headers, "hdr-error")
        if hdr:
            err = _decode_err_json(hdr)
            if err is None and not text:
                text = hdr.strip()
    tcode = node = ""
    if err is not None:
        raw_msg = err.get("message")
        text = raw_msg.strip() if isinstance(raw_msg, str) else ""
        raw_tcode = err.get("tcode")
        tcode = raw_tcode if isinstance(raw_tcode, str) else ""
        raw_node = err.get("node")
        node = raw_node if isinstance(raw_node, str) else ""
    if not text:
        try:
            text = HTTPStatus(status_code).phrase
        except ValueError:
            text = f"HTTP {status_code}"
    if len(text) > _MAX_MESSAGE_CHARS:
        text = text[:_MAX_MESSAGE_CHARS] + "..."
    method = method.upper()
    cls = _pick_class(status_code, tcode, text, method, url)
    return cls(
        status_code,
        text,
        method=method,
        url=url,
        tcode=tcode,
        node=node,
        retry_after=parse_retry_after(_header_get(headers, "retry-after")),
    )


def _request_info(response: httpx.Response) -> tuple[str, str]:
    try:
        request = response.request
    except RuntimeError:
        return "", ""
    return request.method, str(request.url)


def error_body(response: httpx.Response) -> bytes:
    """The body of an error answer, at most ``MAX_ERROR_BODY`` bytes; the response is closed.

    The one reader of error bodies (the request clients' hooks and :func:`raise_for_status`):
    an error answer larger than 64 KiB (a misrouted GET answered by some other server, a proxy's
    HTML page) is not read into memory whole. A failure while reading leaves what arrived: the
    status alone still identifies the error.

    Args:
        response: An httpx response, read or streamed.

    Returns:
        Up to ``MAX_ERROR_BODY`` bytes of the body.
    """
    try:
        return response.content[:MAX_ERROR_BODY]  # read already (e.g. by httpx.AsyncClient.get)
    except httpx.ResponseNotRead:
        pass
    buf = bytearray()
    try:
        for chunk in response.iter_bytes():
            buf += chunk
            if len(buf) >= MAX_ERROR_BODY:
                break
    except (httpx.HTTPError, httpx.StreamError):
        pass
    finally:
        response.close()
    return bytes(buf[:MAX_ERROR_BODY])


async def aerror_body(response: httpx.Response) -> bytes:
    """Async twin of :func:`error_body`.

    Args:
        response: An httpx response of an ``httpx.AsyncClient``, read or streamed.

    Returns:
        Up to ``MAX_ERROR_BODY`` bytes of the body.
    """
    try:
        return response.content[:MAX_ERROR_BODY]  # read already (e.g. by httpx.AsyncClient.get)
    except httpx.ResponseNotRead:
        pass
    buf = bytearray()
    try:
        async for chunk in response.aiter_bytes():
            buf += chunk
            if len(buf) >= MAX_ERROR_BODY:
                break
    except (httpx.HTTPError, httpx.StreamError):
        pass
    finally:
        await response.aclose()
    return bytes(buf[:MAX_ERROR_BODY])


def raise_for_status(response: httpx.Response) -> None:
    """Raise the matching :class:`AISError` if ``response`` has an error status (>= 400).

    Works for streamed responses: the error body is read up to 64 KiB and the response is
    closed. Successful (and redirect) responses are left untouched.

    Args:
        response: An httpx response, read or streamed.

    Raises:
        AISError: For a status >= 400.
    """
    if response.status_code < 400:
        return
    body = error_body(response)
    method, url = _request_info(response)
    raise error_from_response(response.status_code, response.headers, body, method=method, url=url)


async def araise_for_status(response: httpx.Response) -> None:
    """Async twin of :func:`raise_for_status` for responses of an ``httpx.AsyncClient``.

    Args:
        response: An httpx response, read or streamed.

    Raises:
        AISError: For a status >= 400.
    """
    if response.status_code < 400:
        return
    body = await aerror_body(response)
    method, url = _request_info(response)
    raise error_from_response(response.status_code, response.headers, body, method=method, url=url)


_TIMEOUT_PHASES: Final[Mapping[type[httpx.TimeoutException], str]] = {
    httpx.ConnectTimeout: "connect",
    httpx.ReadTimeout: "read",
    httpx.WriteTimeout: "write",
    httpx.PoolTimeout: "pool",
}


def wrap_transport_error(exc: httpx.RequestError) -> ConnectionFailed:
    """Map an ``httpx.RequestError`` into this package's tree.

    Timeouts become :class:`RequestTimeout` (with ``phase``); every other request error
    (connect, read, write, protocol, proxy, unsupported protocol, decoding, too many
    redirects) becomes :class:`ConnectionFailed`. Raise the result ``from exc`` to keep the
    original as ``__cause__``.

    Args:
        exc: The httpx exception.

    Returns:
        The exception to raise.
    """
    try:
        url = str(exc.request.url)
    except RuntimeError:
        url = ""
    message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        phase = next((p for t, p in _TIMEOUT_PHASES.items() if isinstance(exc, t)), "")
        return RequestTimeout(message, url=url, phase=phase)
    if _caused_by_tls(exc):
        return TLSError(message, url=url)
    return ConnectionFailed(message, url=url)


def _caused_by_tls(exc: BaseException) -> bool:
    """Whether an ``ssl.SSLError`` is in the exception's cause/context chain."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, ssl.SSLError):
            return True
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return False


# ======================================================================================
# Get-Batch (aistore_hl.batch)
# ======================================================================================


class BatchObjNotFound(ErrObjNotFound):
    """One entry of a Get-Batch is missing (the rest of the batch may be fine).

    The server names it ``__404__/...`` (or reports ``err_msg`` in the multipart metadata); it is
    never returned as empty bytes. With ``cont_on_err`` the entry carries this error (its
    ``data`` raises it); without, iterating the batch raises it at that entry.

    Args:
        index: Position of the entry in the batch (0-based, request order).
        bucket: Bucket name of the entry.
        obj_name: Object name of the entry.
        archpath: The archived file asked for, or "".
        message: The server's reason, when it gave one.
    """

    def __init__(self, index: int, bucket: str, obj_name: str, archpath: str = "", message: str = "") -> None:
        what = f"{bucket}/{obj_name}" + (f"[{archpath}]" if archpath else "")
        super().__init__(404, message or f"batch entry {index} ({what}) does not exist", tcode="ErrNotFound")
        self.index = index
        self.bucket = bucket
        self.obj_name = obj_name
        self.archpath = archpath

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.index, self.bucket, self.obj_name, self.archpath, self.message))


class BatchError(AISClientError):
    """A Get-Batch answer that does not hold what was asked (detected by the client).

    Args:
        message: What is wrong.
        url: The request URL, if known.
    """

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.url = redact_url(url)

    def __str__(self) -> str:
        return f"{self.message} ({self.url})" if self.url else self.message


class BatchIncomplete(BatchError):
    """A Get-Batch answer ended before every entry was delivered.

    The server ends a streamed batch early, with 200, when an entry fails after the status line
    (e.g. a missing object without ``cont_on_err``); a connection can also be cut mid-entry. The
    entries before ``index`` were delivered; this one and the rest were not.

    Args:
        index: Position (0-based) of the first entry not delivered.
        name: That entry as ``bucket/object`` (``[archpath]`` appended for an archived file).
        expected: Entries asked for up to the end of this request.
        mid_entry: The answer stopped inside that entry's data (not between two entries).
        detail: What stopped it, when known (e.g. the connection error).
        url: The request URL, if known.
    """

    def __init__(
        self,
        index: int,
        name: str,
        expected: int,
        *,
        mid_entry: bool = False,
        detail: str = "",
        url: str = "",
    ) -> None:
        where = "in the middle of" if mid_entry else "before"
        msg = (
            f"Get-Batch answer ended {where} entry {index} ({name}): {index} of {expected} entries delivered"
        )
        super().__init__(f"{msg} ({detail})" if detail else msg, url=url)
        self.args = (index, name, expected)
        self.index = index
        self.name = name
        self.expected = expected
        self.mid_entry = mid_entry
        self.detail = detail

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _batch_incomplete,
            (self.index, self.name, self.expected, self.mid_entry, self.detail, self.url),
        )


def _batch_incomplete(
    index: int, name: str, expected: int, mid_entry: bool, detail: str, url: str
) -> BatchIncomplete:
    return BatchIncomplete(index, name, expected, mid_entry=mid_entry, detail=detail, url=url)


class BatchEntryMismatch(BatchError):
    """A Get-Batch entry differs from the request or the metadata (name, size, count).

    Args:
        index: Position (0-based) of the entry.
        message: What differs.
        url: The request URL, if known.
    """

    def __init__(self, index: int, message: str, *, url: str = "") -> None:
        super().__init__(f"Get-Batch entry {index}: {message}", url=url)
        self.args = (index, message)
        self.index = index
        self.detail = message

    def __reduce__(self) -> tuple[Any, ...]:
        return (_batch_mismatch, (self.index, self.detail, self.url))


def _batch_mismatch(index: int, message: str, url: str) -> BatchEntryMismatch:
    return BatchEntryMismatch(index, message, url=url)


class EmptyBatch(InvalidArgument):
    """A Get-Batch without any entry (the server refuses it; nothing is sent)."""

    param = "batch"

    def __init__(self) -> None:
        super().__init__([], "has no entries: add objects before get()")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), ())
