"""APPEND with handles and flush (``Object.append_content``, as in today's official SDK), sync and
async.

The server keeps appended bytes in a work file and answers each append with a handle,
``Ais-Append-Handle``: the target, the work file, and the **running checksum** of what it holds.
The next append and the final flush must pass the latest handle. Two server behaviours make a
careless client corrupt data silently (both seen on AIS 5.0):

* an *older* handle is accepted: the bytes are appended, but the checksum state goes back to
  what that handle carried, so the flushed object's checksum no longer matches its bytes;
* after a failed append (a connection cut mid-body) the work file may hold part of the body,
  and nothing tells the client how much;
* the first append of a session copies the object's main file into the work file, so a
  *chunked* object (multipart upload, ``rechunk``) would be flushed as its first chunk plus the
  appended bytes.

So every handle is used once: a handle that was superseded by a later answer, that went into a
failed append, or that was flushed is *spent*, and passing it again raises ``AppendHandleError``
before any request (start a new append session with ``handle=""``; the broken session's work
file is never flushed into the object). An append is never sent twice once its body started:
only a failure of the proxy leg (before any byte was sent) is retried.

So a session's first append (``handle=""``) asks HEAD v2 for ``chunked`` first (one extra
request per session) and raises ``AppendUnsupported`` on a chunked object, before any append.

Spent handles are remembered per process (the last ``_REMEMBERED`` of them), keyed by the
handle string, which is unique (it names a fresh work file).
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from aistore_hl import _body, _plans_api
from aistore_hl._ops import Plan
from aistore_hl.errors import (
    AppendHandleError,
    AppendUnsupported,
    ErrObjNotFound,
    InvalidArgument,
    UnexpectedResponse,
)

if TYPE_CHECKING:
    from aistore_hl.object import AsyncObject, Object

__all__ = ["AppendHandleError", "AppendUnsupported"]

_REMEMBERED: Final = 65536
_HANDLE_HEADER: Final = "ais-append-handle"


class _Spent:
    """Handles that must not be used again, and why (bounded, thread-safe)."""

    def __init__(self) -> None:
        self._why: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, handle: str) -> None:
        with self._lock:
            why = self._why.get(handle) if handle else None
        if why is not None:
            raise AppendHandleError(handle, why)

    def spend(self, handle: str, why: str) -> None:
        if not handle:
            return
        with self._lock:
            self._why[handle] = why
            self._why.move_to_end(handle)
            while len(self._why) > _REMEMBERED:
                self._why.popitem(last=False)


SPENT: Final = _Spent()


class _OnceBody(_body.BodySource):
    """Bytes with their length, sent at most once: a retry could append them twice."""

    def __init__(self, data: bytes | bytearray | memoryview) -> None:
        self._data = bytes(data) if not isinstance(data, bytes) else data
        self.length = len(self._data)
        self.replayable = False
        self._opened = False

    def open(self) -> Iterator[bytes] | bytes:
        if self._opened:
            raise ValueError("an append body is sent once")
        self._opened = True
        return self._data


def check_args(content: object, handle: object, flush: object) -> bytes | bytearray | memoryview:
    """Check ``append_content``'s arguments locally (and that the handle is not spent)."""
    if not isinstance(content, bytes | bytearray | memoryview):
        raise InvalidArgument(type(content).__name__, "content must be bytes-like", param="content")
    if not isinstance(handle, str):
        raise InvalidArgument(handle, "must be a str (the previous append's handle, or '')", param="handle")
    if not isinstance(flush, bool):
        raise InvalidArgument(flush, "must be a bool", param="flush")
    if flush and not handle and not len(content):
        raise InvalidArgument("", "flush needs the handle of the last append", param="handle")
    SPENT.check(handle)
    return content


def chunked_plan(obj: Any) -> Plan[int]:
    """The chunk count a session's first append is checked with."""
    return _plans_api.chunk_count(obj.bck.bck, obj.obj_name)


def check_not_chunked(obj: Any, chunks: int) -> None:
    """Raise ``AppendUnsupported`` if the object is chunked."""
    if chunks > 0:
        raise AppendUnsupported(f"{obj.bck.name}/{obj.obj_name}", chunks)


def plan_kwargs(obj: Any, append_type: str, handle: str) -> dict[str, Any]:
    return _plans_api.obj_put_kwargs(
        obj.bck.bck, obj.obj_name, append_type=append_type, append_handle=handle or ""
    )


def _keep_empty_handle(kw: dict[str, Any]) -> dict[str, Any]:
    # The first append sends ``append_handle=`` empty; ``_opt`` dropped it with the other empties.
    kw.setdefault("params", {}).setdefault("append_handle", "")
    return kw


def answered(handle: str, headers: Any) -> str:
    """An append succeeded: the old handle is spent, the answer's is the next one."""
    new = str(headers.get(_HANDLE_HEADER) or "")
    if not new:
        raise UnexpectedResponse("append answered without an Ais-Append-Handle header")
    SPENT.spend(handle, "was superseded by a later append (its checksum state is stale)")
    return new


def failed(handle: str) -> None:
    SPENT.spend(handle, "was used by an append that failed (the work file may hold part of it)")


def flushed(handle: str) -> None:
    SPENT.spend(handle, "was flushed already")


# -- sync ------------------------------------------------------------------------------------------
def append_content(obj: Object, content: bytes, handle: str = "", flush: bool = False) -> str:
    """Sync driver of ``Object.append_content``: append ``content`` (and flush if asked)."""
    data = check_args(content, handle, flush)
    rc = obj.bck.client._rc
    if len(data) or not flush:
        if not handle:
            with contextlib.suppress(ErrObjNotFound):  # a new object
                check_not_chunked(obj, rc.run(chunked_plan(obj)))
        kw = _keep_empty_handle(plan_kwargs(obj, "append", handle))
        try:
            resp = rc.put_redirected(kw, _OnceBody(data))
        except BaseException:
            failed(handle)
            raise
        handle = answered(handle, resp.headers)
    if not flush:
        return handle
    try:
        rc.put_redirected(plan_kwargs(obj, "flush", handle), _OnceBody(b""))
    except BaseException:
        failed(handle)
        raise
    flushed(handle)
    return ""


# -- async -----------------------------------------------------------------------------------------
async def aappend_content(obj: AsyncObject, content: bytes, handle: str = "", flush: bool = False) -> str:
    """Async driver of ``AsyncObject.append_content``."""
    data = check_args(content, handle, flush)
    rc = obj.bck.client._rc
    if len(data) or not flush:
        if not handle:
            with contextlib.suppress(ErrObjNotFound):  # a new object
                check_not_chunked(obj, await rc.run(chunked_plan(obj)))
        kw = _keep_empty_handle(plan_kwargs(obj, "append", handle))
        try:
            resp = await rc.put_redirected(kw, _OnceBody(data))
        except BaseException:
            failed(handle)
            raise
        handle = answered(handle, resp.headers)
    if not flush:
        return handle
    try:
        await rc.put_redirected(plan_kwargs(obj, "flush", handle), _OnceBody(b""))
    except BaseException:
        failed(handle)
        raise
    flushed(handle)
    return ""
