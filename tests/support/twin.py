"""An ``AsyncClient`` presented through the sync ``Client`` surface, so one test body runs on both.

``TwinLoop`` owns an event loop in a background thread; ``TwinLoop.connect(endpoint, **kw)``
builds an ``AsyncClient`` on it and returns it wrapped. A wrapped object (``Twin``) stands for an
object of one of aistore_hl's async classes and behaves like its sync twin:

- every public attribute read returns a wrapped value; a method call runs on the loop (sync and
  ``async def`` methods alike, as an async program would call them) and an awaitable result is
  awaited there (``asyncio.run_coroutine_threadsafe(...).result()``);
- an async iterator is a sync iterator that pulls one item per ``next()`` (so laziness is the
  async twin's own: ``pages_fetched`` counts what the async lister fetched);
- an async context manager is a sync one (``with`` runs ``__aenter__`` / ``__aexit__``);
- results that are (or contain, in a list, tuple or dict) objects of aistore_hl's async classes
  are wrapped the same way, and one object is always wrapped by the same ``Twin``, so identity
  checks (``obj.bck is bucket``, ``bucket.client is client``) hold when they hold for the objects;
- ``isinstance(w, Bucket)`` is true for a wrapped ``AsyncBucket``: ``__class__`` names the sync
  twin of the wrapped object's class (``AsyncX`` -> ``X`` in the same module), so a test's
  ``isinstance(stream, ObjStream)`` checks that the async twin returned the twin type;
- exceptions propagate unchanged: the very exception object the async code raised (same typed
  error, same attributes);
- arguments that are ``Twin`` objects are unwrapped before the call (``obj.copy(other_obj)``).

Module functions (``append_content(obj, ...)``, ``bucket_props.get_props(bucket)``...) take a
``Twin`` through ``twin_function`` (one function) or ``twin_module`` (all of a module's): called
with a ``Twin``, they call the async twin (``aappend_content``...) instead.

Where the async twin's member or function has another name by design, ``RENAMED`` and
``FUNCTION_RENAMED`` map it, in one place. Sync-only members (``ObjStream.raw``, pickling, ...)
have no twin: using one through a ``Twin`` raises ``AttributeError``, so tests of them stay
sync-only (``sync_only``).

Private attributes (``_rc``...) are implementation, not surface: reading one returns the real
object unwrapped.
"""

from __future__ import annotations

import asyncio
import inspect
import sys
import threading
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from types import TracebackType
from typing import Any

import pytest

from aistore_hl import AsyncClient, Client
from aistore_hl.obj_stream import AsyncObjStream

#: (async class, sync member name) -> the async twin's name for it. The one by-design renaming of
#: the public surface (tests/unit/test_parity.py exempts it): ``ObjStream.close()`` is sync; the
#: async stream has no ``close`` and closes with ``await aclose()`` or ``async with`` (asyncio's
#: convention, as ``httpx.Response.aclose``).
RENAMED: dict[tuple[type, str], str] = {
    (AsyncObjStream, "close"): "aclose",
}

#: (module, sync function) -> the async twin's name, where it is not ``a`` + the sync name: a
#: function cannot be called ``await``, so ``job_api.wait``'s twin is ``await_job``.
FUNCTION_RENAMED: dict[tuple[str, str], str] = {
    ("aistore_hl.job_api", "wait"): "await_job",
}


#: On a test of a module whose ``client`` fixture is ``any_client``: run it once, ``[sync]``. For the
#: inherently sync-only (a sync-only member, threads, pickling, the io protocol) and for native async
#: tests that take ``bucket`` only to name a bucket; say why next to each use.
sync_only = pytest.mark.parametrize("client_kind", ["sync"], indirect=True)


def xfail_async(reason: str, raises: type[BaseException]) -> pytest.MarkDecorator:
    """On a test of a module whose ``client`` is ``any_client``: its ``[async]`` run is a known
    divergence of the twins in aistore_hl (``reason`` says which), expected to fail with ``raises``
    (strict: once the twin is fixed, the XPASS fails the run, so the mark comes off)."""
    return pytest.mark.parametrize(
        "client_kind",
        ["sync", pytest.param("async", marks=pytest.mark.xfail(strict=True, raises=raises, reason=reason))],
        indirect=True,
    )


_DONE = object()  # what one pull from an exhausted async iterator returns


def is_async_class(cls: type) -> bool:
    """Is ``cls`` one of aistore_hl's async classes (or a subclass of one)?"""
    return any(
        c.__module__.split(".")[0] == "aistore_hl" and c.__name__.startswith("Async") for c in cls.__mro__
    )


def sync_twin_of(cls: type) -> type | None:
    """The sync twin of an aistore_hl async class: ``AsyncX`` -> ``X`` of the same module."""
    for c in cls.__mro__:
        if c.__module__.split(".")[0] == "aistore_hl" and c.__name__.startswith("Async"):
            twin = getattr(sys.modules[c.__module__], c.__name__[len("Async") :], None)
            return twin if isinstance(twin, type) else None
    return None


def _needs_wrapping(value: Any) -> bool:
    cls = type(value)
    return is_async_class(cls) or any(hasattr(cls, m) for m in ("__anext__", "__aiter__", "__aenter__"))


class TwinLoop:
    """An event loop running in a daemon thread; ``call`` runs a function on it and waits."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="twin-loop", daemon=True)
        self._wrappers: weakref.WeakValueDictionary[int, Twin] = weakref.WeakValueDictionary()
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(*args, **kwargs)`` on the loop, its result awaited there if awaitable; the result,
        or the exception it raised (the same object)."""
        if threading.current_thread() is self._thread:
            raise RuntimeError("twin: a wrapped call from the twin's own loop thread would deadlock")

        async def step() -> Any:
            result = fn(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            return result

        fut: Future[Any] = asyncio.run_coroutine_threadsafe(step(), self.loop)
        return fut.result()

    def pull(self, ait: Any) -> Any:
        """One item of an async iterator, or ``_DONE`` when it is exhausted."""

        async def one() -> Any:
            try:
                return await ait.__anext__()
            except StopAsyncIteration:  # not raised through the future: asyncio forbids Stop*
                return _DONE

        return self.call(one)

    def wrap(self, value: Any) -> Any:
        """``value`` as the sync surface sees it (see the module docstring)."""
        if type(value) is Twin:
            return value
        if type(value) in (list, tuple):
            items = [self.wrap(v) for v in value]
            return value if all(a is b for a, b in zip(items, value, strict=True)) else type(value)(items)
        if type(value) is dict:
            wrapped = {k: self.wrap(v) for k, v in value.items()}
            return value if all(wrapped[k] is v for k, v in value.items()) else wrapped
        if not _needs_wrapping(value):
            return value
        w = self._wrappers.get(id(value))
        if w is None:
            w = Twin(value, self)
            self._wrappers[id(value)] = w  # alive as long as w is, so its id is not reused
        return w

    def connect(self, endpoint: str, **kwargs: Any) -> Client:
        """An ``AsyncClient(endpoint, **kwargs)`` built on the loop, behind the sync surface."""
        client: Client = self.wrap(self.call(AsyncClient, endpoint, **kwargs))
        return client

    def close(self) -> None:
        """Finish the loop's async generators, stop the loop and its thread."""
        self.call(self.loop.shutdown_asyncgens)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=30)
        self.loop.close()


def twin_function(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A module function of aistore_hl (``append_content(obj, ...)``) that also takes ``Twin``s:
    called with one among its arguments, it runs the async twin of ``fn`` (``aappend_content``, the
    same module; ``FUNCTION_RENAMED`` for the exceptions) on that twin's loop, arguments unwrapped
    and result wrapped; called without, it is ``fn``. A class works the same way: its twin is
    ``Async`` + its name (``MultipartUpload(twin_obj)`` builds an ``AsyncMultipartUpload``)."""
    module = sys.modules[fn.__module__]
    is_class = inspect.isclass(fn)
    default = ("Async" if is_class else "a") + fn.__name__
    async_name = FUNCTION_RENAMED.get((fn.__module__, fn.__name__), default)
    async_fn = getattr(module, async_name)  # AttributeError at import time if the twin is missing
    if not (inspect.isclass(async_fn) if is_class else inspect.iscoroutinefunction(async_fn)):
        raise TypeError(f"{fn.__module__}.{async_name} is not the async twin of {fn.__name__}")

    def call(*args: Any, **kwargs: Any) -> Any:
        twins = [a for a in (*args, *kwargs.values()) if type(a) is Twin]
        if not twins:
            return fn(*args, **kwargs)
        loop: TwinLoop = object.__getattribute__(twins[0], "_loop")
        return loop.wrap(loop.call(async_fn, *unwrap(args), **unwrap(kwargs)))

    call.__name__ = fn.__name__
    call.__doc__ = fn.__doc__
    return call


class twin_module:
    """A module of aistore_hl whose functions also take ``Twin``s: each function that has an async
    twin is ``twin_function(fn)``; every other name (helpers, classes, constants, the async
    functions themselves) is the module's own."""

    def __init__(self, module: Any) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._module, name)
        twin = FUNCTION_RENAMED.get((self._module.__name__, name), "a" + name)
        if inspect.isfunction(value) and inspect.iscoroutinefunction(getattr(self._module, twin, None)):
            return twin_function(value)
        return value


def unwrap(value: Any) -> Any:
    """``value`` with every ``Twin`` (also inside lists, tuples and dicts) replaced by its object."""
    if type(value) is Twin:
        return object.__getattribute__(value, "_target")
    if type(value) in (list, tuple):
        return type(value)(unwrap(v) for v in value)
    if type(value) is dict:
        return {k: unwrap(v) for k, v in value.items()}
    return value


class Twin:
    """One object of an async class, seen through the sync surface. It defines no public names of
    its own: every public name is the wrapped object's (renamed per ``RENAMED``)."""

    __slots__ = ("__weakref__", "_loop", "_target")

    def __init__(self, target: Any, loop: TwinLoop) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_loop", loop)

    # -- attributes -----------------------------------------------------------------------------------
    def __getattr__(self, name: str) -> Any:
        target = object.__getattribute__(self, "_target")
        if name.startswith("_"):
            return getattr(target, name)
        loop: TwinLoop = object.__getattribute__(self, "_loop")
        real = next((RENAMED[(c, name)] for c in type(target).__mro__ if (c, name) in RENAMED), name)
        value = getattr(target, real)
        if not (inspect.ismethod(value) or inspect.isfunction(value) or inspect.isbuiltin(value)):
            return loop.wrap(value)

        def method(*args: Any, **kwargs: Any) -> Any:
            return loop.wrap(loop.call(value, *unwrap(args), **unwrap(kwargs)))

        method.__name__ = name
        method.__doc__ = value.__doc__
        return method

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(object.__getattribute__(self, "_target"), name, unwrap(value))

    def __dir__(self) -> list[str]:
        return dir(object.__getattribute__(self, "_target"))

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        twin = sync_twin_of(type(object.__getattribute__(self, "_target")))
        return twin if twin is not None else Twin

    # -- protocols ------------------------------------------------------------------------------------
    def __iter__(self) -> Iterator[Any]:
        target = object.__getattribute__(self, "_target")
        loop: TwinLoop = object.__getattribute__(self, "_loop")
        if not hasattr(type(target), "__aiter__"):
            raise TypeError(f"{type(target).__name__!r} object is not iterable (no __aiter__)")
        ait = loop.call(target.__aiter__)
        return self if ait is target else loop.wrap(ait)

    def __next__(self) -> Any:
        target = object.__getattribute__(self, "_target")
        loop: TwinLoop = object.__getattribute__(self, "_loop")
        if not hasattr(type(target), "__anext__"):
            raise TypeError(f"{type(target).__name__!r} object is not an iterator (no __anext__)")
        item = loop.pull(target)
        if item is _DONE:
            raise StopIteration
        return loop.wrap(item)

    def __enter__(self) -> Any:
        target = object.__getattribute__(self, "_target")
        loop: TwinLoop = object.__getattribute__(self, "_loop")
        if not hasattr(type(target), "__aenter__"):
            raise TypeError(f"{type(target).__name__!r} object is not a context manager (no __aenter__)")
        return loop.wrap(loop.call(target.__aenter__))

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool | None:
        target = object.__getattribute__(self, "_target")
        loop: TwinLoop = object.__getattribute__(self, "_loop")
        result: bool | None = loop.call(target.__aexit__, exc_type, exc, tb)
        return result

    def __bool__(self) -> bool:
        return bool(object.__getattribute__(self, "_target"))

    def __eq__(self, other: object) -> bool:
        return bool(object.__getattribute__(self, "_target") == unwrap(other))

    def __hash__(self) -> int:
        return hash(object.__getattribute__(self, "_target"))

    def __repr__(self) -> str:
        return f"Twin({object.__getattribute__(self, '_target')!r})"
