"""``AISFileSystem``: fsspec's ``ais://`` on aistore_hl's ``Client``."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import IO, Any, BinaryIO

from fsspec.callbacks import DEFAULT_CALLBACK, Callback
from fsspec.spec import AbstractFileSystem
from fsspec.utils import stringify_path

from aistore_hl.bucket import Bucket
from aistore_hl.client import Client
from aistore_hl.const import ProviderAIS
from aistore_hl.errors import AISError, ConnectionFailed, ErrObjNotFound, NotFound
from aistore_hl.fs import _paths
from aistore_hl.fs._file import AISFile
from aistore_hl.fs._paths import AISPath

#: Names per multi-object job (delete, copy): one request body stays well under a few MiB.
JOB_BATCH = 10_000
#: Bytes read per GET piece and written per local write in get/put/copy streams.
STREAM_CHUNK = 1 << 20
#: An object copied through the client (not server-side) up to this size is held in memory.
COPY_IN_MEMORY = 64 << 20


def common_prefix(names: Iterable[str]) -> str:
    """The listing prefix for ``names``: their common start, cut after its last ``/``.

    Never a partial path component: AIS 5.0 lists ``prefix="x/subdir"`` by walking the
    directory ``x/subdir`` of a target that has one, so ``x/subdir.txt`` stored on that same
    target is left out (about one listing in four in tests/integration/test_fs.py's setup).
    A prefix ending in ``/`` names a whole directory and lists every name below it.
    """
    names = list(names)
    if not names:
        return ""
    lo, hi = min(names), max(names)
    n = 0
    while n < len(lo) and lo[n] == hi[n]:
        n += 1
    return lo[: lo.rfind("/", 0, n) + 1]


#: fsspec's metaclass (``fsspec.spec._Cached``), taken from its public class, not by private name.
_FsspecMeta: Any = type(AbstractFileSystem)


class _ClientAware(_FsspecMeta):  # type: ignore[misc]  # fsspec is untyped
    """fsspec's instance cache, except for filesystems given their own ``client``.

    fsspec keys cached instances by the ``repr`` of the arguments, and two clients of one
    endpoint with different tokens, timeouts or TLS settings have the same ``repr``: such a
    filesystem is always a new instance (the caller owns and shares the client anyway).
    """

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("client") is not None:
            kwargs["skip_instance_cache"] = True
        return super().__call__(*args, **kwargs)


class _Batch(threading.local):
    """Copies recorded by ``cp_file`` while ``copy`` runs, sent together at its end."""

    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] | None = None


class AISFileSystem(AbstractFileSystem, metaclass=_ClientAware):  # type: ignore[misc]  # fsspec is untyped
    """fsspec filesystem for AIStore: ``ais://bucket/key``, on aistore_hl's ``Client``.

    Registered as fsspec protocol ``ais`` (entry point ``fsspec.specs``), so
    ``fsspec.filesystem("ais")``, ``fsspec.open("ais://b/k")`` and
    ``pandas.read_parquet("ais://b/x.parquet")`` find it once ``aistore-hl[fsspec]`` is installed.
    Every request goes through one ``Client``: its connection pool, retries, timeouts, TLS
    settings and AuthN token.

    Paths are ``bucket/key`` (``ais://`` optional); ``@uuid/bucket/key`` (``ais://@remais/b/k``)
    names a bucket of an attached remote AIS cluster, ``#ns/bucket/key`` a namespace. Buckets of
    another backend (``aws``, ``gcp``, ``azure``, ``oci``) through AIS: pass ``provider``.

    Where AIS differs from a POSIX filesystem:

    * **No real directories.** A directory is a prefix: ``a/b`` is a directory while some
      object's name starts with ``a/b/``. ``mkdir``/``makedirs`` create a *bucket* when the path
      is one (and the bucket of a deeper path when it is missing); below a bucket they do
      nothing, and an empty directory cannot exist (``supports_empty_directories`` is False).
      ``rmdir`` of a bucket destroys the (empty) bucket. Objects whose names end in ``/``
      (markers written by other tools) are shown as directories. Listing a directory lists
      every name below it (the core has no non-recursive listing), which ``find``/``walk``/
      ``du``/``glob`` use to answer from ONE listing.
    * **Multi-object deletes are jobs.** ``rm`` of several objects sends one
      ``delete-listrange`` job per bucket (per 10,000 names) and returns only once AIS reports
      the job finished, so what ``rm`` removed is gone when it returns; a single object is one
      DELETE.
    * **Server-side copy, where AIS can express it.** ``cp``/``copy`` run a ``copy-listrange``
      job (the bytes never leave the cluster) for every source whose destination name is the
      source name with a prefix added (``b1/x`` -> ``b2/x``, ``b/x`` -> ``b/backup/x``), grouped
      in one job per (source bucket, destination bucket, prefix). The job completes eventually:
      ``copy`` waits until every destination object is listed with its source's size and
      checksum (``copy_timeout`` seconds at most). Other renames (``a/x`` -> ``b/y``) cannot be
      said to AIS (it only prepends), so those objects stream through this client (GET, PUT).
    * ``info()`` carries AIS's ``checksum`` (and, from a HEAD, ``checksum_type``),
      ``version`` and ``atime``; ``checksum(path)`` is the object's checksum as an int.

    Args:
        endpoint: AIS endpoint (default: ``AIS_ENDPOINT``); ignored with ``client``.
        client: An aistore_hl ``Client`` to use (shared, not closed by the filesystem).
        provider: Backend of the buckets: ``ais`` (default), ``aws``, ``gcp``, ``azure``, ``oci``.
        copy_timeout: Seconds ``copy`` waits for a server-side copy to show in full.
        job_timeout: Seconds ``rm`` waits for a multi-object delete job.
        **client_options: Passed to ``Client`` (``token``, ``timeout``, ``verify``, ``retry``...)
            and to fsspec (``skip_instance_cache``...).
    """

    protocol = "ais"
    root_marker = ""
    #: Bytes per piece of the fsspec helpers that loop over reads (get_file, put_file).
    blocksize = 1 << 22

    def __init__(
        self,
        endpoint: str | None = None,
        *,
        client: Client | None = None,
        provider: str = ProviderAIS,
        copy_timeout: float = 300.0,
        job_timeout: int = 300,
        **client_options: Any,
    ) -> None:
        fsspec_options = {
            k: client_options.pop(k)
            for k in ("use_listings_cache", "listings_expiry_time", "max_paths", "asynchronous", "loop")
            if k in client_options
        }
        super().__init__(**fsspec_options)
        for k in ("skip_instance_cache",):
            client_options.pop(k, None)
        self.client = client if client is not None else Client(endpoint, **client_options)
        self.provider = provider
        self.copy_timeout = copy_timeout
        self.job_timeout = job_timeout
        self._batch = _Batch()

    # -- paths ------------------------------------------------------------------------------------
    @classmethod
    def _strip_protocol(cls, path: Any) -> Any:
        if isinstance(path, list):
            return [cls._strip_protocol(p) for p in path]
        return _paths.strip(stringify_path(path))

    def unstrip_protocol(self, name: str) -> str:
        """``bucket/key`` -> ``ais://bucket/key``."""
        return name if name.startswith("ais://") else f"ais://{name}"

    def _parse(self, path: str) -> AISPath:
        return _paths.parse(self._strip_protocol(path))

    def _bucket(self, p: AISPath) -> Bucket:
        return self.client.bucket(p.bucket, self.provider, p.ns)

    # -- listing ----------------------------------------------------------------------------------
    def _list(self, p: AISPath, prefix: str, page_size: int = 0) -> Iterator[Any]:
        with _paths.translated(p.bucket_path):
            yield from self._bucket(p).list_objects_iter(prefix, _paths.LIST_PROPS, page_size)

    def _has_children(self, p: AISPath) -> bool:
        with _paths.translated(p.bucket_path):
            page = self._bucket(p).list_objects(p.dir_prefix, "name", page_size=1)
        return bool(page.get_entries())

    def _buckets(self, p: AISPath) -> list[dict[str, Any]]:
        bcks = self.client.cluster().list_buckets(self.provider)
        want = p.ns if p.ns is not None and not p.ns.is_global() else None
        out = []
        for b in bcks:
            ns = b.ns if b.ns is not None and not b.ns.is_global() else None
            if ns == want:
                out.append(_paths.dir_entry(AISPath(ns, b.name, "").bucket_path))
        return sorted(out, key=lambda e: e["name"])

    def ls(self, path: str, detail: bool = True, **kwargs: Any) -> list[Any]:
        """The entries directly under ``path`` (a bucket, a prefix, or the root for buckets).

        ``ls`` of an object gives that object (fsspec's convention). The root lists the
        buckets of ``provider``; ``@alias`` those of a remote cluster the listing shows.

        Raises:
            FileNotFoundError: No such bucket, object or prefix.
        """
        p = self._parse(path)
        if not p.bucket:
            entries = self._buckets(p)
        else:
            kids = _paths.children(p, self._list(p, p.dir_prefix))
            if kids:
                entries = sorted(kids.values(), key=lambda e: e["name"])
            elif p.key:
                entries = [self.info(path)]
                if entries[0]["type"] == "directory":
                    entries = []
            else:
                entries = []  # an empty bucket (the listing raised if it did not exist)
        return entries if detail else [e["name"] for e in entries]

    def info(self, path: str, **kwargs: Any) -> dict[str, Any]:
        """``name``, ``size``, ``type`` (``file``/``directory``) and AIS's object properties.

        An object is HEADed; a name that is no object but a prefix of some is a directory; a
        bucket is a directory.

        Raises:
            FileNotFoundError: Neither an object nor a prefix of one, or no such bucket.
        """
        p = self._parse(path)
        name = p.join(p.key) if p.bucket else p.ns_prefix.rstrip("/")
        if not p.bucket:
            return _paths.dir_entry(name)
        if not p.key:
            with _paths.translated(name):
                self._bucket(p).head()
            return _paths.dir_entry(name)
        try:
            hdr = self._bucket(p).object(p.key).head()
            return _paths.entry_from_head(name, hdr)
        except NotFound as exc:
            if not isinstance(exc, ErrObjNotFound):
                raise FileNotFoundError(errno.ENOENT, "No such bucket", name) from exc
        if self._has_children(p):
            return _paths.dir_entry(name)
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", name)

    def isdir(self, path: str) -> bool:
        """Whether ``path`` is the root, a bucket, or a prefix of some object (one listing page)."""
        p = self._parse(path)
        try:
            if not p.key:
                return bool(self.info(path)["type"] == "directory")
            return self._has_children(p)
        except FileNotFoundError:
            return False

    def find(
        self,
        path: str,
        maxdepth: int | None = None,
        withdirs: bool = False,
        detail: bool = False,
        **kwargs: Any,
    ) -> Any:
        """Every object below ``path`` (and with ``withdirs`` every pseudo-directory), from ONE listing."""
        p = self._parse(path)
        if not p.bucket:
            return super().find(path, maxdepth=maxdepth, withdirs=withdirs, detail=detail, **kwargs)
        if maxdepth is not None and maxdepth < 1:
            raise ValueError("maxdepth must be at least 1")
        listed = True
        try:
            files, dirs = _paths.tree(p, self._list(p, p.dir_prefix), maxdepth)
        except FileNotFoundError:
            files, dirs, listed = {}, {}, False
        root = p.join(p.key)
        out: dict[str, dict[str, Any]] = dict(files)
        if withdirs:
            out.update(dirs)
            if files or dirs or (listed and not p.key):
                out[root] = _paths.dir_entry(root)
        if not files and not dirs and p.key and listed:
            with contextlib.suppress(FileNotFoundError):
                info = self.info(path)
                if info["type"] == "file":
                    out[root] = info
        names = sorted(out)
        return {n: out[n] for n in names} if detail else names

    def walk(
        self,
        path: str,
        maxdepth: int | None = None,
        topdown: bool = True,
        on_error: str = "omit",
        **kwargs: Any,
    ) -> Iterator[Any]:
        """``os.walk`` over the pseudo-directories below ``path``, from ONE listing."""
        p = self._parse(path)
        if not p.bucket:
            yield from super().walk(path, maxdepth=maxdepth, topdown=topdown, on_error=on_error, **kwargs)
            return
        if maxdepth is not None and maxdepth < 1:
            raise ValueError("maxdepth must be at least 1")
        detail = kwargs.pop("detail", False)
        try:
            files, dirs = _paths.tree(p, self._list(p, p.dir_prefix), maxdepth)
        except FileNotFoundError as exc:
            if on_error == "raise":
                raise
            if callable(on_error):
                on_error(exc)
            return
        root = p.join(p.key)
        if not files and not dirs:
            if p.key:  # fsspec's walk of a file: the file itself, as ""
                with contextlib.suppress(FileNotFoundError):
                    info = self.info(path)
                    if info["type"] == "file":
                        yield root, {} if detail else [], {"": info} if detail else [""]
            return
        yield from _paths.walk_tree(root, files, dirs, topdown=topdown, maxdepth=maxdepth, detail=detail)

    def du(
        self,
        path: str,
        total: bool = True,
        maxdepth: int | None = None,
        withdirs: bool = False,
        **kwargs: Any,
    ) -> Any:
        """Bytes used below ``path``, from one listing (no HEAD per object)."""
        found = self.find(path, maxdepth=maxdepth, withdirs=withdirs, detail=True, **kwargs)
        sizes = {name: info.get("size") or 0 for name, info in found.items()}
        return sum(sizes.values()) if total else sizes

    def checksum(self, path: str) -> int:
        """The object's AIS checksum (hex, e.g. xxhash2) as an int; falls back to fsspec's."""
        info = self.info(path)
        value = info.get("checksum")
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                return int(value, 16)
        return int(super().checksum(path))

    def ukey(self, path: str) -> str:
        """A key that changes when the object changes: its checksum and version."""
        info = self.info(path)
        return f"{info.get('checksum', '')}:{info.get('version', '')}:{info['size']}"

    # -- reading ----------------------------------------------------------------------------------
    def cat_file(self, path: str, start: int | None = None, end: int | None = None, **kwargs: Any) -> bytes:
        """The object's bytes, or ``[start, end)`` of them (negative offsets count from the end).

        A whole read is checked against the object's checksum; a range is one ranged GET.
        """
        p = self._parse(path)
        obj = self._bucket(p).object(p.key)
        with _paths.translated(path):
            if _paths.suffix_only(start, end):
                assert start is not None
                with obj.get(byte_range=(None, -start), verify_checksum=False) as s:
                    return s.read_all()
            size = None
            if (start is not None and start < 0) or (end is not None and end < 0):
                size = self.info(path)["size"]
            rng = _paths.byte_range(start, end, size)
            if rng is None:
                try:
                    stream = obj.get()
                except AISError as exc:
                    # Asked only now, not before every read: a name that is no object may be a prefix.
                    if not _paths.is_not_an_object(exc):
                        raise
                    if self.isdir(path):
                        raise IsADirectoryError(errno.EISDIR, "Is a directory", path) from None
                    raise FileNotFoundError(errno.ENOENT, "No such file", path) from exc
                with stream:
                    return stream.read_all()
            if rng[1] is not None and rng[1] < rng[0]:
                return b""
            try:
                with obj.get(byte_range=rng, verify_checksum=False) as s:
                    return s.read_all()
            except AISError as exc:
                if _paths.is_unsatisfiable(exc):
                    return b""
                raise

    def _fetch_range(self, path: str, start: int, end: int, version: str | None) -> bytes:
        """``[start, end)`` for ``AISFile``; raises if the object is no longer ``version``."""
        p = self._parse(path)
        with _paths.translated(path):
            stream = self._bucket(p).object(p.key).get(byte_range=(start, end - 1), verify_checksum=False)
            with stream:
                now = stream.headers.get("ais-version")
                if version and now and now != version:
                    raise OSError(
                        errno.ESTALE, f"object changed while open (version {version} -> {now})", path
                    )
                return stream.read_all()

    def _open(
        self,
        path: str,
        mode: str = "rb",
        block_size: int | None = None,
        autocommit: bool = True,
        cache_options: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> AISFile:
        p = self._parse(path)
        if not p.bucket or not p.key:
            raise IsADirectoryError(errno.EISDIR, "A bucket is a directory", path)
        return AISFile(
            self,
            p.join(p.key),
            mode,
            block_size=block_size,
            autocommit=autocommit,
            cache_options=cache_options,
            **kwargs,
        )

    def get_file(
        self,
        rpath: str,
        lpath: Any,
        callback: Callback = DEFAULT_CALLBACK,
        outfile: IO[bytes] | None = None,
        **kwargs: Any,
    ) -> None:
        """Download one object: streamed, checksum-verified, written atomically to ``lpath``."""
        p = self._parse(rpath)
        if outfile is None and hasattr(lpath, "write"):
            outfile, lpath = lpath, None
        try:
            stream = self._bucket(p).object(p.key).get(chunk_size=STREAM_CHUNK)
        except AISError as exc:
            # fsspec's get() hands directories here too: asked only when the GET found no object.
            if outfile is None and _paths.is_not_an_object(exc) and self.isdir(rpath):
                os.makedirs(lpath, exist_ok=True)
                return
            with _paths.translated(rpath):
                raise
        with stream:
            length = stream.headers.get("content-length")
            callback.set_size(int(length) if length else None)
            if outfile is not None:
                for chunk in stream:
                    outfile.write(chunk)
                    callback.relative_update(len(chunk))
                return
            lpath = os.fspath(lpath)
            os.makedirs(os.path.dirname(os.path.abspath(lpath)), exist_ok=True)
            tmp = f"{lpath}.{uuid.uuid4().hex[:8]}.part"
            try:
                with open(tmp, "wb") as f:
                    for chunk in stream:
                        f.write(chunk)
                        callback.relative_update(len(chunk))
                os.replace(tmp, lpath)  # only a complete, verified copy replaces lpath
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise

    # -- writing ----------------------------------------------------------------------------------
    def _put_stream(self, path: str, fh: BinaryIO) -> None:
        p = self._parse(path)
        with _paths.translated(path):
            self._bucket(p).object(p.key).put(content=fh)

    def pipe_file(self, path: str, value: bytes, mode: str = "overwrite", **kwargs: Any) -> None:
        """Write ``value`` as the object ``path`` (one PUT). ``mode="create"``: fail if it exists."""
        p = self._parse(path)
        if not p.bucket or not p.key:
            raise IsADirectoryError(errno.EISDIR, "A bucket is a directory", path)
        if mode == "create" and self.exists(path):
            raise FileExistsError(errno.EEXIST, "File exists", path)
        with _paths.translated(path):
            self._bucket(p).object(p.key).put(content=bytes(value))

    def put_file(
        self,
        lpath: Any,
        rpath: str,
        callback: Callback = DEFAULT_CALLBACK,
        mode: str = "overwrite",
        **kwargs: Any,
    ) -> None:
        """Upload one local file (streamed from disk, one PUT); a local directory creates nothing."""
        if os.path.isdir(lpath):
            return  # AIS has no empty directories
        if mode == "create" and self.exists(rpath):
            raise FileExistsError(errno.EEXIST, "File exists", rpath)
        p = self._parse(rpath)
        if not p.bucket or not p.key:
            raise IsADirectoryError(errno.EISDIR, "A bucket is a directory", rpath)
        with open(lpath, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            callback.set_size(size)
            with _paths.translated(rpath):
                self._bucket(p).object(p.key).put(content=_Progress(f, callback))  # type: ignore[arg-type]

    def touch(self, path: str, truncate: bool = True, **kwargs: Any) -> None:
        """Create an empty object (AIS cannot update a timestamp alone: ``truncate=False`` on an
        existing object raises NotImplementedError, as fsspec's default does)."""
        if truncate or not self.exists(path):
            self.pipe_file(path, b"")
        else:
            raise NotImplementedError("AIS cannot touch an existing object without rewriting it")

    # -- buckets as directories -----------------------------------------------------------------
    def _bucket_exists(self, p: AISPath) -> bool:
        try:
            self._bucket(p).head()
            return True
        except NotFound:
            return False

    def mkdir(self, path: str, create_parents: bool = True, **kwargs: Any) -> None:
        """Create the bucket when ``path`` is one; below a bucket nothing (no empty directories).

        Raises:
            FileExistsError: ``path`` is a bucket that exists.
        """
        p = self._parse(path)
        if not p.bucket:
            raise PermissionError(errno.EPERM, "Cannot create the root", path)
        if not p.key:
            with _paths.translated(path):
                self._bucket(p).create()
        elif create_parents and not self._bucket_exists(p):
            self._bucket(p).create()

    def makedirs(self, path: str, exist_ok: bool = False) -> None:
        """Create the bucket of ``path`` if missing (a bucket path that exists needs ``exist_ok``)."""
        p = self._parse(path)
        if not p.bucket:
            return
        if self._bucket_exists(p):
            if not p.key and not exist_ok:
                raise FileExistsError(errno.EEXIST, "Bucket exists", path)
            return
        with contextlib.suppress(FileExistsError), _paths.translated(path):
            self._bucket(p).create()

    def rmdir(self, path: str) -> None:
        """Destroy the bucket ``path`` if it is empty; below a bucket nothing (no directories).

        Raises:
            OSError: The bucket is not empty (ENOTEMPTY).
            FileNotFoundError: No such bucket.
        """
        p = self._parse(path)
        if not p.bucket or p.key:
            return
        if self._has_children(p):
            raise OSError(errno.ENOTEMPTY, "Bucket not empty", path)
        with _paths.translated(path):
            self._bucket(p).delete()

    # -- delete -----------------------------------------------------------------------------------
    def _existing(self, paths: Iterable[str]) -> dict[str, list[str]]:
        """{bucket path: keys} of the given paths that are objects (a HEAD, or one listing per bucket)."""
        by_bucket: dict[str, tuple[AISPath, set[str]]] = {}
        for path in paths:
            p = self._parse(path)
            if p.bucket and p.key:
                by_bucket.setdefault(p.bucket_path, (p, set()))[1].add(p.key)
        out: dict[str, list[str]] = {}
        for bpath, (p, wanted) in by_bucket.items():
            found: list[str] = []
            if len(wanted) == 1:
                (key,) = wanted
                with contextlib.suppress(NotFound):
                    self._bucket(p).object(key).head()
                    found = [key]
            else:
                with contextlib.suppress(FileNotFoundError):
                    found = [e.name for e in self._list(p, common_prefix(wanted)) if e.name in wanted]
            out[bpath] = found
        return out

    def _delete(self, p: AISPath, keys: list[str]) -> None:
        bucket = self._bucket(p)
        if len(keys) == 1:
            with contextlib.suppress(ErrObjNotFound):
                bucket.object(keys[0]).delete()
            return
        for i in range(0, len(keys), JOB_BATCH):
            job_id = bucket.objects(obj_names=keys[i : i + JOB_BATCH]).delete()
            # AIS runs the delete as a job: wait for it, so rm's work is done when rm returns.
            self.client.job().wait_for_job(job_id=job_id, timeout=self.job_timeout)

    def rm(self, path: Any, recursive: bool = False, maxdepth: int | None = None) -> None:
        """Delete objects: ``path`` (globs, lists), and with ``recursive`` everything below.

        Several objects of a bucket go in one ``delete-listrange`` job, waited for (see the
        class docstring); pseudo-directories vanish with their last object. A directory without
        ``recursive`` removes nothing (it is no object). Buckets are not destroyed (``rmdir``
        does that).

        Raises:
            FileNotFoundError: Nothing matched.
        """
        expanded = self.expand_path(path, recursive=recursive, maxdepth=maxdepth)
        existing = self._existing(expanded)
        if not any(existing.values()):
            if not any(self.isdir(x) for x in expanded):
                raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))
            return
        for bpath, keys in existing.items():
            if keys:
                self._delete(_paths.parse(bpath), sorted(keys))

    def rm_file(self, path: str) -> None:
        """Delete one object (one DELETE)."""
        p = self._parse(path)
        with _paths.translated(path):
            self._bucket(p).object(p.key).delete()

    # -- copy -------------------------------------------------------------------------------------
    def copy(
        self,
        path1: Any,
        path2: Any,
        recursive: bool = False,
        maxdepth: int | None = None,
        on_error: str | None = None,
        **kwargs: Any,
    ) -> None:
        """Copy objects (fsspec's rules for globs, lists and directories), server-side where AIS can.

        The pairs fsspec's ``copy`` works out are sent together at the end: one ``copy-listrange``
        job per (source bucket, destination bucket, added prefix), waited for (see the class
        docstring); the other pairs stream through the client.
        """
        if on_error is None:
            on_error = "ignore" if recursive else "raise"
        self._batch.pairs = []
        try:
            super().copy(path1, path2, recursive=recursive, maxdepth=maxdepth, on_error=on_error, **kwargs)
            pairs = self._batch.pairs
        finally:
            self._batch.pairs = None
        self._copy_pairs(pairs, on_error)

    def cp_file(self, path1: str, path2: str, **kwargs: Any) -> None:
        """Copy one object (server-side when the destination only adds a prefix to the name)."""
        if self._batch.pairs is not None:
            self._batch.pairs.append((path1, path2))
            return
        self._copy_pairs([(path1, path2)], "raise")

    def _sources(self, paths: list[str]) -> dict[str, Any]:
        """{source path: listed entry} of the sources that are objects."""
        out: dict[str, Any] = {}
        by_bucket: dict[str, tuple[AISPath, set[str]]] = {}
        for path in paths:
            p = self._parse(path)
            if p.bucket and p.key:
                by_bucket.setdefault(p.bucket_path, (p, set()))[1].add(p.key)
        for p, keys in by_bucket.values():
            try:
                for e in self._list(p, common_prefix(keys)):
                    if e.name in keys:
                        out[p.join(e.name)] = e
            except FileNotFoundError:
                continue
        return out

    def _copy_pairs(self, pairs: list[tuple[str, str]], on_error: str) -> None:
        if not pairs:
            return
        norm = [(self._strip_protocol(a), self._strip_protocol(b)) for a, b in pairs]
        sources = self._sources([a for a, _ in norm])
        jobs: dict[tuple[str, str, str], list[tuple[str, str, Any]]] = defaultdict(list)
        through_client: list[tuple[str, str]] = []
        # fsspec's recursive copy hands over the directories too: a prefix of a listed source is
        # one without asking the cluster again.
        listed_dirs = {name[:i] for name in sources for i, ch in enumerate(name) if ch == "/"}
        for src, dst in norm:
            entry = sources.get(src)
            if entry is None:
                if src in listed_dirs or self.isdir(src):
                    continue  # a pseudo-directory: its objects are pairs of their own
                if on_error == "raise":
                    raise FileNotFoundError(errno.ENOENT, "No such file", src)
                continue
            sp, dp = _paths.parse(src), _paths.parse(dst)
            if not dp.bucket or not dp.key:
                raise IsADirectoryError(errno.EISDIR, "Copy needs an object name", dst)
            if dp.key.endswith(sp.key):
                prepend = dp.key[: len(dp.key) - len(sp.key)]
                if sp.bucket_path == dp.bucket_path and not prepend:
                    continue  # onto itself
                jobs[(sp.bucket_path, dp.bucket_path, prepend)].append((sp.key, dp.key, entry))
            else:
                through_client.append((src, dst))
        for (sbp, dbp, prepend), items in jobs.items():
            self._server_copy(_paths.parse(sbp), _paths.parse(dbp), prepend, items)
        for src, dst in through_client:
            self._client_copy(src, dst, sources[src].size)

    def _server_copy(self, sp: AISPath, dp: AISPath, prepend: str, items: list[tuple[str, str, Any]]) -> None:
        src_b, dst_b = self._bucket(sp), self._bucket(dp)
        job_ids: list[str] = []
        for i in range(0, len(items), JOB_BATCH):
            names = [k for k, _, _ in items[i : i + JOB_BATCH]]
            job_ids += src_b.objects(obj_names=names).copy(dst_b, prepend=prepend)
        self._await_copies(dp, {d: e for _, d, e in items}, job_ids)

    def _await_copies(self, dp: AISPath, want: dict[str, Any], job_ids: list[str]) -> None:
        """Wait until every destination key is listed with its source's size and checksum.

        A ``copy-listrange`` job stays alive (idle) after its work, so "job finished" is not the
        signal; the destination objects themselves are. A transient listing error is retried.
        """
        deadline = time.monotonic() + self.copy_timeout
        delay = 0.02
        prefix = common_prefix(want)
        pending = dict(want)
        while True:
            try:
                for e in self._bucket(dp).list_objects_iter(prefix, _paths.LIST_PROPS):
                    src = pending.get(e.name)
                    if src is not None and e.size == src.size and (e.checksum or "") == (src.checksum or ""):
                        del pending[e.name]
            except (AISError, ConnectionFailed):
                if time.monotonic() > deadline:
                    raise
            if not pending:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"server-side copy (jobs {', '.join(job_ids)}) incomplete after {self.copy_timeout}s:"
                    f" {len(pending)} objects missing, e.g. {next(iter(pending))!r}"
                )
            time.sleep(delay)
            delay = min(delay * 2, 1.0)

    def _client_copy(self, src: str, dst: str, size: int) -> None:
        sp, dp = _paths.parse(src), _paths.parse(dst)
        obj, out = self._bucket(sp).object(sp.key), self._bucket(dp).object(dp.key)
        with _paths.translated(src):
            if size <= COPY_IN_MEMORY:
                with obj.get() as s:
                    data = s.read_all()
                out.put(content=data)
                return
            with tempfile.TemporaryFile() as spool, obj.get(chunk_size=STREAM_CHUNK) as s:
                for chunk in s:
                    spool.write(chunk)
                spool.seek(0)
                out.put(content=spool)

    # -- misc -------------------------------------------------------------------------------------
    def invalidate_cache(self, path: str | None = None) -> None:
        """Nothing to drop: listings are not cached (AIS lists fast, and stale listings lie)."""

    def created(self, path: str) -> Any:
        """Not kept by AIS (it records access time, ``info()["atime"]``, not creation time)."""
        raise NotImplementedError("AIS does not record an object's creation time")

    def modified(self, path: str) -> Any:
        """Not kept by AIS for its own buckets (``info()["atime"]`` is the last access)."""
        raise NotImplementedError("AIS does not record an object's modification time")


class _Progress:
    """A binary file that reports what is read from it to an fsspec callback (upload progress)."""

    def __init__(self, f: BinaryIO, callback: Callback) -> None:
        self._f = f
        self._cb = callback

    def read(self, n: int = -1) -> bytes:
        data = self._f.read(n)
        self._cb.relative_update(len(data))
        return data

    def seekable(self) -> bool:
        return self._f.seekable()

    def tell(self) -> int:
        return self._f.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        pos = self._f.seek(offset, whence)
        if pos == 0:
            self._cb.absolute_update(0)  # a retry sends the file again from its start
        return pos


__all__ = ["AISFileSystem"]
