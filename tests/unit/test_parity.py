"""Sync/async parity: every public sync method has an async twin, same parameters, same docs.

Each resource module holds its Core, then the sync class, then the async class. The async twin
must take exactly the sync method's parameters (names, kinds, defaults, and annotations once
``Async`` is read as the sync name: ``AsyncBucket`` for ``Bucket``), return the async form of the
same type, and carry the sync docstring's Args/Returns/Raises sections word for word
(``aistore_hl._twins.twin_docs`` copies them). A method added to one twin only fails here.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest

import aistore_hl as a
from aistore_hl import batch, listing, multipart, obj_stream, object_file
from aistore_hl._twins import sections

#: Members the sync files have as io.BufferedIOBase objects (for libraries that take a sync file:
#: TextIOWrapper, pandas, tarfile...); the async files are no io objects and have none of them.
_IO = "io.BufferedIOBase protocol of the sync file; the async file is no io object"
_IO_ONLY = dict.fromkeys(("detach", "fileno", "isatty", "peek", "read1", "readinto1", "readlines"), _IO)

#: (sync, async, sync-only members with the reason they have no twin)
PAIRS: list[tuple[type, type, dict[str, str]]] = [
    (a.Client, a.AsyncClient, {}),
    (a.Cluster, a.AsyncCluster, {}),
    (a.Bucket, a.AsyncBucket, {}),
    (a.Object, a.AsyncObject, {}),
    (a.ObjectGroup, a.AsyncObjectGroup, {}),
    (a.Job, a.AsyncJob, {}),
    (a.Etl, a.AsyncEtl, {}),
    (listing.BucketLister, listing.AsyncBucketLister, {}),
    (
        obj_stream.ObjStream,
        obj_stream.AsyncObjStream,
        {
            "close": "the async stream closes with `await aclose()` / `async with`",
            "raw": "a sync file object (io.RawIOBase) over the body; nothing async takes one",
            "stream": "the seed's requests-style Response field, a sync view of the stream",
        },
    ),
    (batch.Batch, batch.AsyncBatch, {}),
    (multipart.MultipartUpload, multipart.AsyncMultipartUpload, {}),
    (multipart.PartWriter, multipart.AsyncPartWriter, {}),
    (
        object_file.ObjectFileReader,
        object_file.AsyncObjectFileReader,
        {**_IO_ONLY, "flush": _IO, "write": _IO, "writelines": _IO, "truncate": _IO},
    ),
    (
        object_file.ObjectFileWriter,
        object_file.AsyncObjectFileWriter,
        dict.fromkeys(("detach", "fileno", "isatty", "read1", "readinto1", "truncate"), _IO)
        | dict.fromkeys(("read", "readinto", "readline", "readlines", "seek"), _IO),
    ),
    (
        object_file.ObjectFileAppender,
        object_file.AsyncObjectFileAppender,
        dict.fromkeys(("detach", "fileno", "isatty", "read1", "readinto1", "truncate"), _IO)
        | dict.fromkeys(("read", "readinto", "readline", "readlines", "seek"), _IO),
    ),
    (
        object_file.ObjectReader,
        object_file.AsyncObjectReader,
        {"raw": "a sync file object (io.RawIOBase) over the body; nothing async takes one"},
    ),
]


def _public(cls: type) -> list[str]:
    return sorted(n for n, _ in inspect.getmembers(cls) if not n.startswith("_"))


def _is_method(cls: type, name: str) -> bool:
    return callable(getattr(cls, name)) and not isinstance(inspect.getattr_static(cls, name), property)


def _norm(annotation: Any) -> str:
    # Annotations are strings (from __future__ import annotations); the async twin names the
    # async form of each resource type.
    return str(annotation).replace("Async", "")


def _params(fn: Any) -> list[tuple[str, Any, Any, str]]:
    return [
        (p.name, p.kind, p.default, _norm(p.annotation)) for p in inspect.signature(fn).parameters.values()
    ]


CASES = [(s, y, name) for s, y, exempt in PAIRS for name in _public(s) if name not in exempt]
METHODS = [(s, y, n) for s, y, n in CASES if _is_method(s, n)]
_ids = [f"{s.__name__}.{n}" for s, _, n in CASES]
_method_ids = [f"{s.__name__}.{n}" for s, _, n in METHODS]


def test_counts() -> None:
    # The parity this file checks, in numbers (issue 18 asks for the count).
    assert len(PAIRS) == 16
    assert len(METHODS) >= 55, len(METHODS)  # 55 when the twins were put side by side


@pytest.mark.parametrize(("sync", "twin", "name"), CASES, ids=_ids)
def test_async_twin_has_the_member(sync: type, twin: type, name: str) -> None:
    assert hasattr(twin, name), f"{twin.__name__} has no {name} (the twin of {sync.__name__}.{name})"
    assert _is_method(sync, name) == _is_method(twin, name)


@pytest.mark.parametrize(("sync", "twin", "name"), METHODS, ids=_method_ids)
def test_same_parameters_and_return_type(sync: type, twin: type, name: str) -> None:
    s, t = getattr(sync, name), getattr(twin, name)
    assert _params(s) == _params(t)
    assert _norm(inspect.signature(s).return_annotation) == _norm(inspect.signature(t).return_annotation)


@pytest.mark.parametrize(("sync", "twin", "name"), METHODS, ids=_method_ids)
def test_async_docstring_carries_the_sync_sections(sync: type, twin: type, name: str) -> None:
    expected = sections(inspect.getdoc(getattr(sync, name)))
    got = inspect.getdoc(getattr(twin, name)) or ""
    assert expected in got, f"{twin.__name__}.{name} lacks the Args/Returns/Raises of {sync.__name__}.{name}"


@pytest.mark.parametrize(("sync", "twin", "exempt"), PAIRS, ids=[s.__name__ for s, _, _ in PAIRS])
def test_exemptions_are_real(sync: type, twin: type, exempt: dict[str, str]) -> None:
    # An exemption for a member the sync class no longer has, or that the twin now has, is stale.
    for name in exempt:
        assert hasattr(sync, name) and not hasattr(twin, name), name
