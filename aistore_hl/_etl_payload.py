"""Turn a seed-style transform *function* into today's ETL class payload.

AIS 5.0 no longer accepts code (``InitCodeMsg`` was removed). Its Python runtime image
(``aistorage/runtime_python:<major.minor>``) instead loads a pickled subclass of the AIStore SDK's
``FastAPIServer`` from the ``ETL_CLASS_PAYLOAD`` environment variable and serves it. We build that
subclass around the user's function without needing the official SDK installed here: the base
class is written into the pickle as a *reference* (``import_module(...).FastAPIServer``), resolved
only inside the runtime, and the subclass and the function are pickled by value.

cloudpickle payloads only load on the exact Python minor version that made them, and a mismatch
can crash the loading process, so the runtime must match this interpreter (checked by the caller).
"""

from __future__ import annotations

import base64
import importlib
import io
import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import cloudpickle

from aistore_hl.etl import RuntimeServer as RuntimeServerBase  # the runtime's FastAPIServer

RUNTIME_BASE_MODULE = "aistore.sdk.etl.webserver.fastapi_server"
RUNTIME_BASE_CLASS = "FastAPIServer"


class _ModuleRef:
    """Pickles as ``importlib.import_module(name)``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return importlib.import_module, (self.name,)


class _Pickler(cloudpickle.Pickler):  # type: ignore[misc]  # cloudpickle ships no types
    """cloudpickle, with ``RuntimeServerBase`` written as a reference to the runtime's base class."""

    def reducer_override(self, obj: Any) -> Any:
        if obj is RuntimeServerBase:
            return getattr, (_ModuleRef(RUNTIME_BASE_MODULE), RUNTIME_BASE_CLASS)
        return super().reducer_override(obj)


def _user_module(fn: Callable[..., Any]) -> ModuleType | None:
    """The module to pickle by value with ``fn``: its own, unless that is __main__ or stdlib."""
    name = getattr(fn, "__module__", None) or "__main__"
    if name == "__main__" or name.split(".")[0] in sys.stdlib_module_names:
        return None
    return sys.modules.get(name)


def build_server_class(transform: Callable[..., Any], chunk_size: int | None) -> type:
    """A ``FastAPIServer`` subclass whose requests run the seed-style ``transform``.

    Without ``chunk_size`` the runtime buffers the object and calls ``transform(data) -> bytes``.
    With it (the seed's "streaming" mode) the runtime's streaming hook is used:
    ``transform`` gets an iterator of chunks of at most ``chunk_size`` bytes and returns bytes or
    an iterable of bytes, so memory stays bounded for a streaming-aware function.
    """
    if chunk_size:
        size = chunk_size

        def transform_stream(
            self: Any, reader: io.BufferedIOBase, path: str, etl_args: str
        ) -> Iterator[bytes]:
            out = transform(iter(lambda: reader.read(size), b""))
            if isinstance(out, bytes | bytearray):
                yield bytes(out)
            else:
                yield from out

        namespace: dict[str, Any] = {"transform_stream": transform_stream}
    else:

        def transform_buffered(self: Any, data: bytes, path: str, etl_args: str) -> bytes:
            out = transform(data)
            return bytes(out) if isinstance(out, bytearray) else out

        namespace = {"transform": transform_buffered}
    namespace["__module__"] = "__main__"  # pickled by value, whatever module made it
    return type("SeedTransformServer", (RuntimeServerBase,), namespace)


def _dump(cls: type, module_of: Callable[..., Any] | type) -> str:
    """``base64(pickle(cls))``, with ``module_of``'s module sent by value (see ``_user_module``)."""
    user_mod = _user_module(module_of)
    if user_mod is not None:
        # A function or class from an importable module is pickled by reference by default, and
        # that module does not exist in the runtime image: send its code along.
        cloudpickle.register_pickle_by_value(user_mod)
    try:
        buf = io.BytesIO()
        _Pickler(buf).dump(cls)
    finally:
        if user_mod is not None:
            cloudpickle.unregister_pickle_by_value(user_mod)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def class_payload(transform: Callable[..., Any], chunk_size: int | None) -> str:
    """``base64(pickle(class))`` for the runtime's ``ETL_CLASS_PAYLOAD``."""
    return _dump(build_server_class(transform, chunk_size), transform)


def server_class_payload(cls: type) -> str:
    """``base64(pickle(cls))`` of a user's server class (``Etl.init_class``), for
    ``ETL_CLASS_PAYLOAD``: ``RuntimeServerBase`` as a reference to the runtime's
    ``FastAPIServer``; a base of the official SDK (``aistore.sdk...``) stays a reference too."""
    return _dump(cls, cls)
