"""``AISAsyncFileSystem``: the asyncio twin of ``AISFileSystem``, on aistore_hl's ``AsyncClient``."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import time
import uuid
from typing import Any

from fsspec.asyn import AsyncFileSystem, sync
from fsspec.callbacks import DEFAULT_CALLBACK, Callback
from fsspec.utils import stringify_path

from aistore_hl.const import ProviderAIS
from aistore_hl.errors import AISError, ConnectionFailed, ErrObjNotFound, NotFound
from aistore_hl.fs import _paths
from aistore_hl.fs._async_file import AISAsyncStreamedFile
from aistore_hl.fs._core import COPY_IN_MEMORY, JOB_BATCH, STREAM_CHUNK, _ClientAware, common_prefix
from aistore_hl.fs._file import AISFile
from aistore_hl.fs._paths import AISPath


class AISAsyncFileSystem(AsyncFileSystem, metaclass=_ClientAware):  # type: ignore[misc]  # fsspec is untyped
    """``ais://`` as an fsspec ``AsyncFileSystem`` on ``AsyncClient`` (aiohttp, one event loop).

    The same paths, semantics and AIS differences as :class:`AISFileSystem` (see its docstring:
    no real directories, ``rm`` waits for its delete job, server-side copy where the
    destination only adds a prefix, and waiting for that copy to show). Use it from asyncio
    with ``asynchronous=True`` (``await fs._cat_file(...)``, ``await fs._ls(...)``...), or
    synchronously: fsspec runs every call on its IO loop thread (``fs.cat_file(...)``).
    Operations on many objects (``_cat``, ``_get``, ``_put``, ``_copy``) run ``batch_size`` of
    them at a time, as fsspec's async filesystems do.

    Unlike the sync filesystem, which groups a ``copy`` into one job per bucket pair and
    prefix, ``_copy`` runs fsspec's per-object ``_cp_file`` (``batch_size`` at a time): one
    ``copy-listrange`` job per object that can be copied server-side.

    ``open()`` returns the same :class:`AISFile` as the sync filesystem; its reads and writes
    run on fsspec's loop, so use it from sync code (not inside a coroutine of that loop). From
    a coroutine, use ``await fs.open_async(path, "rb" | "wb")`` (an
    :class:`~aistore_hl.fs._async_file.AISAsyncStreamedFile`).

    Args:
        endpoint: AIS endpoint (default: ``AIS_ENDPOINT``); ignored with ``client``.
        client: An ``AsyncClient`` to use (its connections belong to the loop that uses it).
        provider: Backend of the buckets (``ais``, ``aws``, ``gcp``, ``azure``, ``oci``).
        copy_timeout: Seconds a server-side copy is waited for.
        job_timeout: Seconds ``rm`` waits for a multi-object delete job.
        asynchronous, loop, batch_size: fsspec's ``AsyncFileSystem`` options.
        **client_options: Passed to ``AsyncClient`` (``token``, ``timeout``, ``verify``...).
    """

    protocol = "ais"
    root_marker = ""
    blocksize = 1 << 22

    def __init__(
        self,
        endpoint: str | None = None,
        *,
        client: Any = None,
        provider: str = ProviderAIS,
        copy_timeout: float = 300.0,
        job_timeout: int = 300,
        asynchronous: bool = False,
        loop: Any = None,
        batch_size: int | None = None,
        **client_options: Any,
    ) -> None:
        fsspec_options = {
            k: client_options.pop(k)
            for k in ("use_listings_cache", "listings_expiry_time", "max_paths")
            if k in client_options
        }
        client_options.pop("skip_instance_cache", None)
        super().__init__(asynchronous=asynchronous, loop=loop, batch_size=batch_size, **fsspec_options)
        self._owns_client = client is None
        self.client = client if client is not None else self._new_client(endpoint, client_options)
        self.provider = provider
        self.copy_timeout = copy_timeout
        self.job_timeout = job_timeout

    @staticmethod
    def _new_client(endpoint: str | None, options: dict[str, Any]) -> Any:
        from aistore_hl.aio import AsyncClient

        return AsyncClient(endpoint, **options)

    async def _close(self) -> None:
        """Close the ``AsyncClient`` this filesystem made (one given as ``client=`` is the caller's)."""
        if self._owns_client:
            await self.client.close()

    def close(self) -> None:
        """Sync twin of ``_close`` (for a filesystem used in sync mode)."""
        sync(self.loop, self._close)

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

    def _bucket(self, p: AISPath) -> Any:
        return self.client.bucket(p.bucket, self.provider, p.ns)

    # -- listing ----------------------------------------------------------------------------------
    async def _list(self, p: AISPath, prefix: str) -> list[Any]:
        with _paths.translated(p.bucket_path):
            return [e async for e in self._bucket(p).list_objects_iter(prefix, _paths.LIST_PROPS)]

    async def _has_children(self, p: AISPath) -> bool:
        with _paths.translated(p.bucket_path):
            page = await self._bucket(p).list_objects(p.dir_prefix, "name", page_size=1)
        return bool(page.get_entries())

    async def _ls(self, path: str, detail: bool = True, **kwargs: Any) -> list[Any]:
        p = self._parse(path)
        if not p.bucket:
            want = p.ns if p.ns is not None and not p.ns.is_global() else None
            bcks = await self.client.cluster().list_buckets(self.provider)
            entries = sorted(
                (
                    _paths.dir_entry(AISPath(b.ns, b.name, "").bucket_path)
                    for b in bcks
                    if (b.ns if b.ns is not None and not b.ns.is_global() else None) == want
                ),
                key=lambda e: e["name"],
            )
        else:
            kids = _paths.children(p, await self._list(p, p.dir_prefix))
            if kids:
                entries = sorted(kids.values(), key=lambda e: e["name"])
            elif p.key:
                info = await self._info(path)
                entries = [info] if info["type"] == "file" else []
            else:
                entries = []
        return entries if detail else [e["name"] for e in entries]

    async def _info(self, path: str, **kwargs: Any) -> dict[str, Any]:
        p = self._parse(path)
        if not p.bucket:
            return _paths.dir_entry(p.ns_prefix.rstrip("/"))
        name = p.join(p.key)
        if not p.key:
            with _paths.translated(name):
                await self._bucket(p).head()
            return _paths.dir_entry(name)
        try:
            return _paths.entry_from_head(name, await self._bucket(p).object(p.key).head())
        except NotFound as exc:
            if not isinstance(exc, ErrObjNotFound):
                raise FileNotFoundError(errno.ENOENT, "No such bucket", name) from exc
        if await self._has_children(p):
            return _paths.dir_entry(name)
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", name)

    async def _isdir(self, path: str) -> bool:
        p = self._parse(path)
        try:
            if not p.key:
                return bool((await self._info(path))["type"] == "directory")
            return await self._has_children(p)
        except FileNotFoundError:
            return False

    async def _find(
        self, path: str, maxdepth: int | None = None, withdirs: bool = False, **kwargs: Any
    ) -> Any:
        detail = kwargs.pop("detail", False)
        p = self._parse(path)
        if not p.bucket:
            return await super()._find(path, maxdepth=maxdepth, withdirs=withdirs, detail=detail, **kwargs)
        if maxdepth is not None and maxdepth < 1:
            raise ValueError("maxdepth must be at least 1")
        listed = True
        try:
            files, dirs = _paths.tree(p, await self._list(p, p.dir_prefix), maxdepth)
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
                info = await self._info(path)
                if info["type"] == "file":
                    out[root] = info
        names = sorted(out)
        return {n: out[n] for n in names} if detail else names

    async def _du(self, path: str, total: bool = True, maxdepth: int | None = None, **kwargs: Any) -> Any:
        found = await self._find(path, maxdepth=maxdepth, detail=True, **kwargs)
        sizes = {name: info.get("size") or 0 for name, info in found.items()}
        return sum(sizes.values()) if total else sizes

    # -- reading ----------------------------------------------------------------------------------
    async def _cat_file(
        self, path: str, start: int | None = None, end: int | None = None, **kwargs: Any
    ) -> bytes:
        p = self._parse(path)
        obj = self._bucket(p).object(p.key)
        with _paths.translated(path):
            if _paths.suffix_only(start, end):
                assert start is not None
                s = await obj.get(byte_range=(None, -start), verify_checksum=False)
                async with s:
                    return bytes(await s.read_all())
            size = None
            if (start is not None and start < 0) or (end is not None and end < 0):
                size = (await self._info(path))["size"]
            rng = _paths.byte_range(start, end, size)
            if rng is None:
                try:
                    s = await obj.get()
                except AISError as exc:
                    if not _paths.is_not_an_object(exc):
                        raise
                    if await self._isdir(path):
                        raise IsADirectoryError(errno.EISDIR, "Is a directory", path) from None
                    raise FileNotFoundError(errno.ENOENT, "No such file", path) from exc
                async with s:
                    return bytes(await s.read_all())
            if rng[1] is not None and rng[1] < rng[0]:
                return b""
            try:
                s = await obj.get(byte_range=rng, verify_checksum=False)
                async with s:
                    return bytes(await s.read_all())
            except AISError as exc:
                if _paths.is_unsatisfiable(exc):
                    return b""
                raise

    async def _get_file(
        self, rpath: str, lpath: str, callback: Callback = DEFAULT_CALLBACK, **kwargs: Any
    ) -> None:
        if await self._isdir(rpath):
            os.makedirs(lpath, exist_ok=True)
            return
        p = self._parse(rpath)
        with _paths.translated(rpath):
            stream = await self._bucket(p).object(p.key).get(chunk_size=STREAM_CHUNK)
        async with stream:
            length = stream.headers.get("content-length")
            callback.set_size(int(length) if length else None)
            lpath = os.fspath(lpath)
            os.makedirs(os.path.dirname(os.path.abspath(lpath)), exist_ok=True)
            tmp = f"{lpath}.{uuid.uuid4().hex[:8]}.part"
            try:
                with open(tmp, "wb") as f:  # local writes of 1 MiB pieces: short, not worth a thread
                    async for chunk in stream:
                        f.write(chunk)
                        callback.relative_update(len(chunk))
                os.replace(tmp, lpath)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise

    # -- writing ----------------------------------------------------------------------------------
    async def _pipe_file(self, path: str, value: bytes, mode: str = "overwrite", **kwargs: Any) -> None:
        p = self._parse(path)
        if not p.bucket or not p.key:
            raise IsADirectoryError(errno.EISDIR, "A bucket is a directory", path)
        if mode == "create" and await self._exists(path):
            raise FileExistsError(errno.EEXIST, "File exists", path)
        with _paths.translated(path):
            await self._bucket(p).object(p.key).put(content=bytes(value))

    async def _put_file(
        self,
        lpath: str,
        rpath: str,
        callback: Callback = DEFAULT_CALLBACK,
        mode: str = "overwrite",
        **kwargs: Any,
    ) -> None:
        if os.path.isdir(lpath):
            return
        if mode == "create" and await self._exists(rpath):
            raise FileExistsError(errno.EEXIST, "File exists", rpath)
        p = self._parse(rpath)
        if not p.bucket or not p.key:
            raise IsADirectoryError(errno.EISDIR, "A bucket is a directory", rpath)
        size = os.path.getsize(lpath)
        callback.set_size(size)
        with _paths.translated(rpath):
            await self._bucket(p).object(p.key).put(path=lpath)
        callback.relative_update(size)

    # -- buckets ----------------------------------------------------------------------------------
    async def _bucket_exists(self, p: AISPath) -> bool:
        try:
            await self._bucket(p).head()
            return True
        except NotFound:
            return False

    async def _mkdir(self, path: str, create_parents: bool = True, **kwargs: Any) -> None:
        p = self._parse(path)
        if not p.bucket:
            raise PermissionError(errno.EPERM, "Cannot create the root", path)
        if not p.key:
            with _paths.translated(path):
                await self._bucket(p).create()
        elif create_parents and not await self._bucket_exists(p):
            await self._bucket(p).create()

    async def _makedirs(self, path: str, exist_ok: bool = False) -> None:
        p = self._parse(path)
        if not p.bucket:
            return
        if await self._bucket_exists(p):
            if not p.key and not exist_ok:
                raise FileExistsError(errno.EEXIST, "Bucket exists", path)
            return
        with contextlib.suppress(FileExistsError), _paths.translated(path):
            await self._bucket(p).create()

    async def _rmdir(self, path: str) -> None:
        p = self._parse(path)
        if not p.bucket or p.key:
            return
        if await self._has_children(p):
            raise OSError(errno.ENOTEMPTY, "Bucket not empty", path)
        with _paths.translated(path):
            await self._bucket(p).delete()

    # -- delete -----------------------------------------------------------------------------------
    async def _rm_file(self, path: str, **kwargs: Any) -> None:
        p = self._parse(path)
        with _paths.translated(path):
            await self._bucket(p).object(p.key).delete()

    async def _rm(
        self,
        path: Any,
        recursive: bool = False,
        batch_size: int | None = None,
        maxdepth: int | None = None,
        **kwargs: Any,
    ) -> None:
        expanded = await self._expand_path(path, recursive=recursive, maxdepth=maxdepth)
        by_bucket: dict[str, tuple[AISPath, set[str]]] = {}
        for x in expanded:
            p = self._parse(x)
            if p.bucket and p.key:
                by_bucket.setdefault(p.bucket_path, (p, set()))[1].add(p.key)
        deleted = False
        for p, wanted in by_bucket.values():
            try:
                keys = sorted(e.name for e in await self._list(p, common_prefix(wanted)) if e.name in wanted)
            except FileNotFoundError:
                continue
            if not keys:
                continue
            deleted = True
            bucket = self._bucket(p)
            if len(keys) == 1:
                with contextlib.suppress(ErrObjNotFound):
                    await bucket.object(keys[0]).delete()
                continue
            for i in range(0, len(keys), JOB_BATCH):
                job_id = await bucket.objects(obj_names=keys[i : i + JOB_BATCH]).delete()
                await self.client.job().wait_for_job(job_id=job_id, timeout=self.job_timeout)
        if not deleted and not any([await self._isdir(x) for x in expanded]):
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))

    # -- copy -------------------------------------------------------------------------------------
    async def _cp_file(self, path1: str, path2: str, **kwargs: Any) -> None:
        sp, dp = self._parse(path1), self._parse(path2)
        if not sp.key:
            return
        try:
            src = await self._bucket(sp).object(sp.key).head()
        except NotFound as exc:
            if await self._isdir(path1):
                return  # a pseudo-directory: its objects are copied as pairs of their own
            raise FileNotFoundError(errno.ENOENT, "No such file", path1) from exc
        if not dp.bucket or not dp.key:
            raise IsADirectoryError(errno.EISDIR, "Copy needs an object name", path2)
        if dp.key.endswith(sp.key):
            prepend = dp.key[: len(dp.key) - len(sp.key)]
            if sp.bucket_path == dp.bucket_path and not prepend:
                return
            jobs = await self._bucket(sp).objects(obj_names=[sp.key]).copy(self._bucket(dp), prepend=prepend)
            await self._await_copy(dp, dp.key, src, jobs)
            return
        with _paths.translated(path1):
            out = self._bucket(dp).object(dp.key)
            if (src.size or 0) <= COPY_IN_MEMORY:
                s = await self._bucket(sp).object(sp.key).get()
                async with s:
                    data = await s.read_all()
                await out.put(content=data)
            else:
                await out.put(content=await self._spool(sp))

    async def _spool(self, sp: AISPath) -> Any:
        import tempfile

        spool = tempfile.TemporaryFile()  # noqa: SIM115 - read by the PUT, closed with the fs's GC
        s = await self._bucket(sp).object(sp.key).get(chunk_size=STREAM_CHUNK)
        async with s:
            async for chunk in s:
                spool.write(chunk)
        spool.seek(0)
        return spool

    async def _await_copy(self, dp: AISPath, key: str, src: Any, job_ids: list[str]) -> None:
        """Wait until the destination shows the source's size and checksum (see AISFileSystem)."""
        deadline = time.monotonic() + self.copy_timeout
        delay = 0.02
        while True:
            with contextlib.suppress(NotFound, AISError, ConnectionFailed):
                hdr = await self._bucket(dp).object(key).head()
                if hdr.size == src.size and hdr.checksum_value == src.checksum_value:
                    return
            if time.monotonic() > deadline:
                raise TimeoutError(f"server-side copy (jobs {', '.join(job_ids)}) incomplete: {key!r}")
            await asyncio.sleep(delay)
            delay = min(delay * 2, 1.0)

    # -- files ------------------------------------------------------------------------------------
    async def open_async(self, path: str, mode: str = "rb", **kwargs: Any) -> AISAsyncStreamedFile:
        """Open an object as an async file: ``rb`` (buffered, seekable, resumed, verified when read
        whole) or ``wb``/``xb`` (one PUT if small, else a multipart upload; visible at close).

        Args:
            path: ``bucket/key``.
            mode: ``rb``, ``wb`` or ``xb``.
            **kwargs: ``buffer_size`` (rb) or ``part_size`` (wb), as the aistore_hl file classes.

        Raises:
            ValueError: Another mode (text modes go through ``open()``; AIS has no append mode).
            IsADirectoryError: ``path`` names a bucket.
            FileExistsError: ``xb`` and the object exists.
        """
        if mode not in ("rb", "wb", "xb"):
            raise ValueError(f"open_async: mode must be 'rb', 'wb' or 'xb', not {mode!r}")
        p = self._parse(path)
        if not p.bucket or not p.key:
            raise IsADirectoryError(errno.EISDIR, "A bucket is a directory", path)
        if mode == "xb" and await self._exists(path):
            raise FileExistsError(errno.EEXIST, "File exists", path)
        obj = self._bucket(p).object(p.key)
        return AISAsyncStreamedFile(self, p.join(p.key), "rb" if mode == "rb" else "wb", obj, **kwargs)

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
            self, p.join(p.key), mode, block_size=block_size, autocommit=autocommit,
            cache_options=cache_options, **kwargs,
        )  # fmt: skip

    def _fetch_range(self, path: str, start: int, end: int, version: str | None) -> bytes:
        async def fetch() -> bytes:
            p = self._parse(path)
            with _paths.translated(path):
                s = (
                    await self._bucket(p)
                    .object(p.key)
                    .get(byte_range=(start, end - 1), verify_checksum=False)
                )
                async with s:
                    now = s.headers.get("ais-version")
                    if version and now and now != version:
                        raise OSError(errno.ESTALE, f"object changed while open ({version} -> {now})", path)
                    return bytes(await s.read_all())

        data: bytes = sync(self.loop, fetch)
        return data

    def _put_stream(self, path: str, fh: Any) -> None:
        async def put() -> None:
            p = self._parse(path)
            with _paths.translated(path):
                await self._bucket(p).object(p.key).put(content=fh)

        sync(self.loop, put)
