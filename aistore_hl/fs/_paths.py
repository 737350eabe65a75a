"""Pure path and entry logic shared by the sync and async filesystems (no I/O here)."""

from __future__ import annotations

import contextlib
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from aistore_hl.errors import AISError, ErrBckAlreadyExists, ErrObjNotFound, NotFound, RangeNotSatisfiable
from aistore_hl.types import Namespace

#: Listing properties the filesystem asks for: what ``info`` reports for a listed file.
LIST_PROPS = "name,size,checksum,version"


@dataclass(frozen=True)
class AISPath:
    """A parsed ``[@uuid[#ns]/|#ns/]bucket/key`` path (the protocol already stripped).

    ``bucket`` is empty for the root (or a namespace root), ``key`` is empty for a bucket.
    """

    ns: Namespace | None
    bucket: str
    key: str

    @property
    def ns_prefix(self) -> str:
        """The namespace part of a path (``@remais/``), or ``""`` for the global namespace."""
        if self.ns is None or self.ns.is_global():
            return ""
        if self.ns.uuid:
            return f"@{self.ns.uuid}#{self.ns.name}/" if self.ns.name else f"@{self.ns.uuid}/"
        return f"#{self.ns.name}/"

    @property
    def bucket_path(self) -> str:
        """The path of the bucket itself (``@remais/b`` or ``b``)."""
        return f"{self.ns_prefix}{self.bucket}"

    def join(self, key: str) -> str:
        """The path of ``key`` in this path's bucket."""
        return f"{self.bucket_path}/{key}" if key else self.bucket_path

    @property
    def dir_prefix(self) -> str:
        """The listing prefix of the names *under* this path (``key/``, or ``""`` for a bucket)."""
        return f"{self.key}/" if self.key else ""


def strip(path: str, protocol: str = "ais") -> str:
    """``ais://b/k/`` -> ``b/k``: no protocol, no leading or trailing ``/``."""
    for marker in (f"{protocol}://", f"{protocol}::"):
        if path.startswith(marker):
            path = path[len(marker) :]
            break
    return path.strip("/")


def parse(path: str) -> AISPath:
    """Split a stripped path into namespace, bucket and key.

    ``@uuid[#name]/`` names a remote AIS cluster's namespace (``@remais/bucket/key``, as
    ``ais://@remais/bucket/key`` in the AIS CLI), ``#name/`` a local namespace.
    """
    ns: Namespace | None = None
    if path.startswith(("@", "#")):
        ns_part, _, path = path.partition("/")
        if ns_part[0] == "@":
            uuid, _, name = ns_part[1:].partition("#")
        else:
            uuid, name = "", ns_part[1:]
        ns = Namespace(uuid=uuid, name=name)
    bucket, _, key = path.partition("/")
    return AISPath(ns=ns, bucket=bucket, key=key.strip("/"))


def dir_entry(name: str) -> dict[str, Any]:
    """The ``info`` of a pseudo-directory (or a bucket): fsspec's keys, size 0."""
    return {"name": name, "size": 0, "type": "directory"}


def file_entry(name: str, size: int, **extra: Any) -> dict[str, Any]:
    """The ``info`` of an object: fsspec's ``name``/``size``/``type`` plus what AIS knows."""
    return {"name": name, "size": size, "type": "file", **{k: v for k, v in extra.items() if v}}


def entry_from_listing(p: AISPath, e: Any) -> dict[str, Any]:
    """``info`` of a listed object (a ``BucketEntry`` asked with ``LIST_PROPS``)."""
    return file_entry(p.join(e.name), e.size, checksum=e.checksum, version=e.version)


def entry_from_head(name: str, hdr: Any) -> dict[str, Any]:
    """``info`` of an object from its HEAD (a ``Header``)."""
    return file_entry(
        name,
        hdr.size or 0,
        checksum=hdr.checksum_value,
        checksum_type=hdr.checksum_type,
        version=hdr.version,
        atime=hdr.atime,
        etag=hdr.etag,
    )


def children(p: AISPath, entries: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """The direct children of ``p`` from a recursive listing under ``p.dir_prefix``.

    AIS has no directories: a child directory is every distinct first component followed by
    ``/`` in a name. Objects whose names end in ``/`` (directory markers some tools write) are
    shown as directories, never as files.
    """
    base = p.dir_prefix
    out: dict[str, dict[str, Any]] = {}
    for e in entries:
        rest = e.name[len(base) :]
        if not rest:
            continue  # the marker object "key/" of p itself
        head, slash, _ = rest.partition("/")
        if slash:
            name = p.join(base + head)
            out.setdefault(name, dir_entry(name))
        else:
            out[p.join(e.name)] = entry_from_listing(p, e)
    return out


def tree(
    p: AISPath, entries: Iterable[Any], maxdepth: int | None
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(files, directories) under ``p`` from one recursive listing, to ``maxdepth`` levels.

    A file at depth ``d`` (1: a direct child) is kept when ``d <= maxdepth``; directories are
    every ancestor of a listed name below ``p``, down to ``maxdepth`` levels.
    """
    base = p.dir_prefix
    files: dict[str, dict[str, Any]] = {}
    dirs: dict[str, dict[str, Any]] = {}
    for e in entries:
        rest = e.name[len(base) :]
        parts = rest.split("/")
        is_marker = rest.endswith("/")
        if is_marker:
            parts = parts[:-1]
        if not rest or not all(parts):
            continue  # "a//b" has no sensible directory; the marker of p itself
        ndirs = len(parts) if is_marker else len(parts) - 1
        for depth in range(1, ndirs + 1):
            if maxdepth is not None and depth > maxdepth:
                break
            name = p.join(base + "/".join(parts[:depth]))
            dirs.setdefault(name, dir_entry(name))
        if not is_marker and (maxdepth is None or len(parts) <= maxdepth):
            files[p.join(e.name)] = entry_from_listing(p, e)
    return files, dirs


def walk_tree(
    root: str,
    files: Mapping[str, dict[str, Any]],
    dirs: Mapping[str, dict[str, Any]],
    *,
    topdown: bool,
    maxdepth: int | None,
    detail: bool,
) -> Iterator[tuple[str, Any, Any]]:
    """``os.walk``-style triples (path, dirs, files) of a listed tree, as fsspec's ``walk``.

    ``dirs``/``files`` map base names to infos (``detail``) or are lists of base names. With
    ``topdown`` the caller may prune ``dirs`` in place to skip subtrees; directories at
    ``maxdepth`` are reported, not descended into.
    """
    kids: dict[str, tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]] = {root: ({}, {})}
    for name, info in sorted(dirs.items()):
        kids.setdefault(name, ({}, {}))
        kids.setdefault(posixpath.dirname(name), ({}, {}))[0][posixpath.basename(name)] = info
    for name, info in sorted(files.items()):
        kids.setdefault(posixpath.dirname(name), ({}, {}))[1][posixpath.basename(name)] = info

    def visit(path: str, depth: int) -> Iterator[tuple[str, Any, Any]]:
        sub_d, fls_d = kids.get(path, ({}, {}))
        sub: Any = dict(sub_d) if detail else list(sub_d)
        fls: Any = dict(fls_d) if detail else list(fls_d)
        if topdown:
            yield path, sub, fls
        if maxdepth is None or depth + 1 < maxdepth:
            for d in list(sub):
                yield from visit(f"{path}/{d}" if path else d, depth + 1)
        if not topdown:
            yield path, sub, fls

    yield from visit(root, 0)


def byte_range(start: int | None, end: int | None, size: int | None) -> tuple[int, int | None] | None:
    """fsspec's ``[start, end)`` (negatives count from the end) as an inclusive byte range.

    Returns None for the whole object, ``(s, None)`` for "to the end"; ``(s, e)`` with
    ``e < s`` means an empty read. ``size`` is needed only for negative offsets other than a
    plain suffix, and for clipping.
    """
    if start is None:
        start = 0
    if start < 0 or (end is not None and end < 0):
        if size is None:
            raise ValueError("negative offsets need the object size")
        if start < 0:
            start = max(0, size + start)
        if end is not None and end < 0:
            end = size + end
    if end is None:
        return None if start == 0 else (start, None)
    if size is not None:
        end = min(end, size)
    return (start, end - 1)


def suffix_only(start: int | None, end: int | None) -> bool:
    """Whether ``[start, end)`` is just "the last n bytes" (one suffix GET, no size needed)."""
    return start is not None and start < 0 and end is None


@contextlib.contextmanager
def translated(path: str) -> Iterator[None]:
    """Raise fsspec's (builtin) exceptions for AIS's: 404 (and a GET of a directory name, see
    ``is_not_an_object``) -> FileNotFoundError, bucket exists -> FileExistsError."""
    try:
        yield
    except AISError as exc:
        if isinstance(exc, NotFound) or is_not_an_object(exc):
            raise FileNotFoundError(2, "No such file or directory", path) from exc
        if isinstance(exc, ErrBckAlreadyExists):
            raise FileExistsError(17, "Bucket exists", path) from exc
        raise


def is_not_an_object(exc: BaseException) -> bool:
    """A GET of a name that is no object: 404, or AIS 5.0's 500 ``ErrLmetaNotFound``.

    A target stores ``a/b`` in a directory ``a`` of its mountpath, so a GET of ``a`` on the
    target that owns that name finds a directory with no object metadata and answers 500
    ("no data available") instead of 404 (a HEAD answers 404).
    """
    return isinstance(exc, ErrObjNotFound) or (
        isinstance(exc, AISError) and getattr(exc, "tcode", "") == "ErrLmetaNotFound"
    )


def is_unsatisfiable(exc: BaseException) -> bool:
    """A 416: the range starts past the end (fsspec reads that as empty)."""
    return isinstance(exc, RangeNotSatisfiable)
