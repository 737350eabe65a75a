"""``AsyncClient``: the seed API on asyncio.

Every class mirrors its sync twin (same names, parameters and defaults; validation, request
plans and answers are shared) with coroutine methods, ``async for`` over listings, and streamed
reads through ``AsyncObjStream``. See the sync classes for full documentation.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from aistore_hl import _download, _ops, transfer
from aistore_hl._request import AsyncRequestClient
from aistore_hl.bucket import BucketCore
from aistore_hl.client import ClientCore, parse_object_url
from aistore_hl.const import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_DOWNLOAD_PART_SIZE,
    DEFAULT_DOWNLOAD_WORKERS,
    DEFAULT_READ_CHUNK_SIZE,
    ProviderAIS,
)
from aistore_hl.errors import AISError, ConnectionFailed, InvalidArgument, InvalidRequest, NotFound, Timeout
from aistore_hl.etl import code_init_msg, get_default_runtime, spec_init_msg
from aistore_hl.header import Header
from aistore_hl.job import JobFailed, all_idle, check_wait_args, poll_delays
from aistore_hl.listing import AsyncBucketLister, BucketEntry, BucketList
from aistore_hl.obj_stream import AsyncObjStream
from aistore_hl.object import (
    _DIRECT_FALLBACK,
    ByteRange,
    ObjectCore,
    PutContent,
    check_byte_range,
    range_header,
    resolve_range,
)
from aistore_hl.object_group import DEFAULT_ETL_TIMEOUT, ObjectGroupCore
from aistore_hl.transfer import DEFAULT_TRANSFER_WORKERS, TransferSummary
from aistore_hl.types import ETL, Bck, ETLDetails, JobStatus, Namespace, ObjectRange, Smap
from aistore_hl.validation import normalize_provider, validate_etl_name

_NOT_FOUND_GRACE = 3.0

if TYPE_CHECKING:
    from aistore_hl.batch import AsyncBatch


class AsyncClient(ClientCore[AsyncRequestClient]):
    """Async AIStore client; same arguments as ``Client``. Use ``async with`` or ``await close()``."""

    _rc_class = AsyncRequestClient

    async def close(self) -> None:
        """Close all pooled connections."""
        await self._rc.close()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    def bucket(self, bck_name: str, provider: str = ProviderAIS, ns: Namespace | None = None) -> AsyncBucket:
        """Factory constructor for bucket object (no HTTP request)."""
        return AsyncBucket(self, bck_name, provider, ns)

    def cluster(self) -> AsyncCluster:
        """Factory constructor for cluster object (no HTTP request)."""
        return AsyncCluster(self)

    def job(self) -> AsyncJob:
        """Factory constructor for job object (no HTTP request)."""
        return AsyncJob(self)

    def etl(self) -> AsyncEtl:
        """Factory constructor for ETL object (no HTTP request)."""
        return AsyncEtl(self)

    def batch(self, objects: Any = None, bucket: Any = None, **options: Any) -> AsyncBatch:
        """Get-Batch (no HTTP request yet): ``async for e in client.batch(names, bucket=b).get()``.

        Same arguments as ``Client.batch``; see :class:`aistore_hl.batch.AsyncBatch`.
        """
        from aistore_hl.batch import AsyncBatch  # loaded on first use

        return AsyncBatch(self, objects, bucket, **options)

    def list_objects_iter(
        self,
        bck_name: str,
        provider: str = ProviderAIS,
        prefix: str = "",
        props: str = "",
        page_size: int | None = 0,
    ) -> AsyncBucketLister:
        """Returns an async iterator for all objects in a bucket."""
        return self.bucket(bck_name, provider).list_objects_iter(prefix, props, page_size)

    async def get_object(
        self,
        bck_name: str,
        obj_name: str,
        provider: str = ProviderAIS,
        archpath: str = "",
        chunk_size: int = 1,
    ) -> AsyncObjStream:
        """Reads an object (see ``Client.get_object``)."""
        return (
            await self.bucket(bck_name, provider)
            .object(obj_name)
            .get(archpath=archpath, chunk_size=chunk_size)
        )

    def get_object_from_url(self, url: str) -> AsyncObject:
        """Creates an AsyncObject from a URL (no HTTP request; see ``Client.get_object_from_url``).

        Args:
            url (str): ``ais://bucket/object`` or another provider scheme, optionally with a
                namespace (``ais://@remais/bucket/object``); the object name is taken literally.

        Returns:
            The object of that bucket.

        Raises:
            InvalidArgument: Unknown scheme, no bucket or no object name (nothing is sent).
            InvalidObjectName: The object name is malformed (e.g. dot segments).
        """
        bck_name, provider, ns, obj_name = parse_object_url(url)
        return self.bucket(bck_name, provider, ns).object(obj_name)


class AsyncCluster:
    """Async twin of ``Cluster``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @property
    def client(self) -> AsyncClient:
        """The client object bound to this cluster."""
        return self._client

    async def get_info(self) -> Smap:
        """Returns state of AIS cluster, including the detailed information about its nodes."""
        return await self._client._rc.run(_ops.smap())

    async def list_buckets(self, provider: str = ProviderAIS) -> list[Bck]:
        """Returns list of buckets in AIStore cluster (empty provider: all providers)."""
        return await self._client._rc.run(_ops.buckets(normalize_provider(provider) if provider else ""))

    async def is_aistore_running(self) -> bool:
        """Returns True if cluster is ready, or false if cluster is still setting up."""
        try:
            await self._client._rc.run(
                _ops.health(prr=True), retry=dataclasses.replace(self._client.config.retry, max_attempts=1)
            )
        except (AISError, ConnectionFailed):
            return False
        return True


class AsyncBucket(BucketCore):
    """Async twin of ``Bucket``."""

    def __init__(
        self, client: AsyncClient, bck_name: str, provider: str = ProviderAIS, ns: Namespace | None = None
    ) -> None:
        super().__init__(client, bck_name, provider, ns)
        self._client: AsyncClient = client

    @property
    def client(self) -> AsyncClient:
        """The client bound to this bucket."""
        return self._client

    async def create(self) -> None:
        """Creates a bucket in AIStore cluster."""
        await self._client._rc.run(self._plan_create())

    async def delete(self) -> None:
        """Destroys bucket in AIStore cluster."""
        await self._client._rc.run(self._plan_delete())

    async def rename(self, to_bck: str) -> str:
        """Renames bucket in AIStore cluster; returns the job ID."""
        plan, dst = self._plan_rename(to_bck)
        job_id = await self._client._rc.run(plan)
        self._renamed(dst)
        return job_id

    async def evict(self, keep_md: bool = False) -> None:
        """Evicts a remote bucket (``keep_md`` is sent as ``keep_bck_md``)."""
        await self._client._rc.run(self._plan_evict(keep_md))

    async def head(self) -> Header:
        """Requests bucket properties."""
        return await self._client._rc.run(_ops.head_bck(self._bck))

    async def copy(
        self,
        to_bck_name: str,
        prefix: str = "",
        dry_run: bool = False,
        force: bool = False,
        to_provider: str = ProviderAIS,
    ) -> str:
        """Copies the bucket (``prefix`` filters source names); returns the job ID."""
        return await self._client._rc.run(self._plan_copy(to_bck_name, prefix, dry_run, force, to_provider))

    async def list_objects(
        self,
        prefix: str = "",
        props: str = "",
        page_size: int | None = 0,
        uuid: str = "",
        continuation_token: str = "",
    ) -> BucketList:
        """Returns one page of objects (see ``Bucket.list_objects``)."""
        return await self._client._rc.run(self._page_plan(prefix, props, page_size, uuid, continuation_token))

    def list_objects_iter(
        self, prefix: str = "", props: str = "", page_size: int | None = 0
    ) -> AsyncBucketLister:
        """Returns an async iterator for all objects in bucket (``async for``)."""
        self._page_plan(prefix, props, page_size, "", "")  # validate now
        page_size = self._iter_page_size(page_size)

        async def fetch(uuid: str, token: str) -> BucketList:
            return await self._client._rc.run(self._page_plan(prefix, props, page_size, uuid, token))

        return AsyncBucketLister(fetch)

    async def list_all_objects(
        self, prefix: str = "", props: str = "", page_size: int | None = 0
    ) -> list[BucketEntry]:
        """Returns a list of all objects in bucket."""
        return [e async for e in self.list_objects_iter(prefix, props, page_size)]

    async def transform(
        self,
        etl_id: str,
        to_bck: str,
        prefix: str = "",
        ext: dict[str, str] | None = None,
        force: bool = False,
        dry_run: bool = False,
    ) -> str:
        """Transforms all objects into ``to_bck`` (``prefix`` is prepended to names); returns the job ID."""
        return await self._client._rc.run(self._plan_transform(etl_id, to_bck, prefix, ext, force, dry_run))

    def object(self, obj_name: str) -> AsyncObject:
        """Factory constructor for object belonging to this bucket (no HTTP request)."""
        return AsyncObject(self, obj_name)

    def objects(
        self,
        obj_names: list[str] | None = None,
        obj_range: ObjectRange | None = None,
        obj_template: str | None = None,
    ) -> AsyncObjectGroup:
        """Factory constructor for multiple objects belonging to this bucket."""
        return AsyncObjectGroup(self, obj_names, obj_range, obj_template)

    async def put_files(
        self,
        path: str | os.PathLike[str],
        prefix_filter: str = "",
        pattern: str = "*",
        basename: bool = False,
        prepend: str | None = None,
        recursive: bool = False,
        dry_run: bool = False,
        verbose: bool = True,
        *,
        prefix: str | None = None,
        num_workers: int = DEFAULT_TRANSFER_WORKERS,
        skip_unchanged: bool = False,
        progress: bool | None = None,
        raise_on_error: bool = True,
    ) -> TransferSummary:
        """Puts the files found under a local directory as objects, in parallel, each verified.

        Not in the seed; the official SDK 2.0's ``put_files`` with its parameters and meaning
        (which uploads one file at a time), plus parallel workers, verification, skip-unchanged,
        a progress bar and a summary. Object names are the files' paths relative to ``path``
        (``/``-separated), or their base names with ``basename``, after ``prepend``. Files up to
        8 MiB are read once and sent from memory; larger ones are streamed. Each object's checksum
        from the cluster is compared with the local bytes'. A file that fails does not stop the
        others: all are tried, and then ``TransferError`` lists the failed ones (with
        ``raise_on_error=False`` the summary does).

        Args:
            path (str or Path): Local directory, relative or absolute.
            prefix_filter (str, optional): Only put files whose names start with this prefix.
            pattern (str, optional): Shell-style wildcard pattern to filter files.
            basename (bool, optional): Use the file names only as object names, without their
                directories.
            prepend (str, optional): Prefix for every object name; no delimiter is added.
            recursive (bool, optional): Recurse into the subdirectories of ``path``.
            dry_run (bool, optional): Plan only: return the names that would be put, send nothing.
            verbose (bool, optional): Log each file (INFO on the ``aistore_hl.transfer`` logger,
                as the official SDK logs) and the summary.
            prefix (str, optional): Another name for ``prepend`` (keyword only).
            num_workers (int, optional): Files sent at the same time (default 16).
            skip_unchanged (bool, optional): Leave alone the objects that already have the file's
                size and checksum (one listing of the names' common prefix finds them).
            progress (bool, optional): A tqdm bar in bytes with the file count; ``None`` (default)
                shows it when stderr is a terminal and tqdm is installed.
            raise_on_error (bool, optional): Raise ``TransferError`` after the run when any file
                failed (default True).

        Returns:
            TransferSummary: A list of the object names now in place (what the official SDK
            returns), with ``transferred``, ``skipped``, ``failed``, ``bytes`` and ``elapsed``.

        Raises:
            InvalidArgument: ``path`` is not a directory (a ValueError, as in the official SDK),
                two files would become the same object, a name is invalid, or ``num_workers`` is
                not a positive int — before any request.
            ErrBckNotFound: The bucket does not exist (one HEAD before any upload).
            TransferError: Some files failed; its ``failed`` maps object names to exceptions.
        """
        return await transfer.put_files_async(
            self, path, prefix_filter, pattern, basename, prepend, recursive, dry_run, verbose,
            prefix=prefix, num_workers=num_workers, skip_unchanged=skip_unchanged, progress=progress,
            raise_on_error=raise_on_error,
        )  # fmt: skip

    async def download_files(
        self,
        path: str | os.PathLike[str],
        prefix: str = "",
        *,
        num_workers: int = DEFAULT_TRANSFER_WORKERS,
        skip_unchanged: bool = False,
        progress: bool | None = None,
        raise_on_error: bool = True,
        dry_run: bool = False,
        verbose: bool = True,
    ) -> TransferSummary:
        """Downloads the objects under a prefix into a local directory, in parallel, each verified.

        Not in the seed, nor in the official SDK: the counterpart of ``put_files``. An object
        ``prefix + rel`` is written to ``path / rel`` (so ``put_files(d, prepend=p)`` and
        ``download_files(d2, prefix=p)`` round-trip); directories are created as needed; names
        ending in ``/`` are not files and are skipped. Each object goes through
        ``Object.download``: a temporary file, renamed over the destination only once complete
        and verified, so a failed file never leaves a partial or truncated copy. A file that
        fails does not stop the others (see ``raise_on_error``).

        Args:
            path (str or Path): Local directory (created when missing).
            prefix (str, optional): Only objects whose names start with this prefix.
            num_workers (int, optional): Objects read at the same time (default 16).
            skip_unchanged (bool, optional): Leave alone the local files that already have the
                object's size and checksum as listed.
            progress (bool, optional): A tqdm bar in bytes with the file count; ``None`` (default)
                shows it when stderr is a terminal and tqdm is installed.
            raise_on_error (bool, optional): Raise ``TransferError`` after the run when any object
                failed (default True).
            dry_run (bool, optional): Plan only: list the objects, write nothing.
            verbose (bool, optional): Log each file and the summary (INFO on
                ``aistore_hl.transfer``).

        Returns:
            TransferSummary: A list of the object names now in place locally, with
            ``transferred``, ``skipped``, ``failed``, ``bytes`` and ``elapsed``.

        Raises:
            InvalidArgument: ``path`` is a file, two objects map to the same local file, or
                ``num_workers`` is not a positive int — before any object is read.
            ErrBckNotFound: The bucket does not exist.
            TransferError: Some objects failed; its ``failed`` maps object names to exceptions.
        """
        return await transfer.download_files_async(
            self, path, prefix, num_workers=num_workers, skip_unchanged=skip_unchanged,
            progress=progress, raise_on_error=raise_on_error, dry_run=dry_run, verbose=verbose,
        )  # fmt: skip

    async def make_request(
        self,
        method: str,
        action: str,
        value: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Request to the bucket endpoint with an ActionMsg (see ``Bucket.make_request``)."""
        return await self._client._rc.request(**self._request_args(method, action, value, params))


class AsyncObject(ObjectCore):
    """Async twin of ``Object``."""

    def __init__(self, bck: AsyncBucket, obj_name: str) -> None:
        super().__init__(bck, obj_name)
        self._bck: AsyncBucket = bck

    @property
    def bck(self) -> AsyncBucket:
        """The bucket this object belongs to."""
        return self._bck

    async def head(self) -> Header:
        """Requests object properties."""
        return await self._bck.client._rc.run(self._plan_head())

    async def get(
        self,
        archpath: str = "",
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        etl_id: str | None = None,
        *,
        byte_range: ByteRange | str | None = None,
        verify_checksum: bool = True,
    ) -> AsyncObjStream:
        """Reads an object as an async stream (``async for chunk in stream``, ``await read_all()``)."""
        kw, byte_range, resumable = self._get_args(archpath, chunk_size, etl_id, byte_range)
        rc = self._bck.client._rc
        span = [byte_range]  # a suffix range becomes absolute once the first answer names it

        async def reopen(received: int) -> httpx.Response:
            return await rc.open_stream(kw, range_header(span[0], received))

        first = None
        missed = False  # the cached map's owner said 404
        uname = self._direct_uname()
        if uname is not None and (owner := await rc.owner_url(uname)) is not None:
            try:
                first = await rc.open_stream({**kw, "url": owner + kw["url"]}, range_header(byte_range))
            except _DIRECT_FALLBACK as exc:
                rc.direct_failed(exc)  # then ask the proxy
                missed = isinstance(exc, NotFound)
        if first is None:
            first = await rc.open_stream(kw, range_header(byte_range))
            if missed:  # the proxy found what the cached map's owner did not: the map is stale
                rc.forget_targets()
        try:
            span[0] = resolve_range(byte_range, first)
        except BaseException:
            await first.aclose()
            raise
        return await AsyncObjStream.create(
            first,
            chunk_size=chunk_size,
            verify_checksum=verify_checksum and byte_range is None,
            reopen=reopen if resumable else None,
        )

    async def download(
        self,
        path: str | os.PathLike[str],
        *,
        num_workers: int = DEFAULT_DOWNLOAD_WORKERS,
        part_size: int = DEFAULT_DOWNLOAD_PART_SIZE,
        verify_checksum: bool = True,
        byte_range: ByteRange | str | None = None,
    ) -> Header:
        """Downloads the object to a local file, ``num_workers`` ranged reads at a time (see
        ``Object.download``). The file writes are short ``pwrite`` calls into the page cache made on
        the event loop; the final hash runs in a worker thread."""
        dest = _download.check_args(path, num_workers, part_size)
        span = check_byte_range(byte_range)
        target = _download.Target.from_head(await self.head(), self._object_url(), span)
        tmp = _download.TempFile(dest, target.length)
        try:
            parts = target.parts(part_size, num_workers)
            if parts is None:
                await self._download_stream(tmp, target, verify_checksum)
            else:
                await self._download_parts(tmp, target, parts, num_workers)
                if verify_checksum and target.span is None:
                    await asyncio.to_thread(_download.verify_file, tmp, target)
            tmp.commit()
        except BaseException:
            tmp.discard()
            raise
        return target.props

    async def _download_stream(self, tmp: _download.TempFile, target: _download.Target, verify: bool) -> None:
        offset = 0
        async with await self.get(
            chunk_size=DEFAULT_READ_CHUNK_SIZE,
            byte_range=target.span,
            verify_checksum=verify and target.span is None,
        ) as stream:
            target.check_part(stream.headers)
            async for chunk in stream:
                tmp.write_at(chunk, offset)
                offset += len(chunk)
        target.check_received(offset)

    async def _download_parts(
        self,
        tmp: _download.TempFile,
        target: _download.Target,
        parts: list[tuple[int, int]],
        num_workers: int,
    ) -> None:
        todo = iter(parts)  # shared by the workers: each part is taken once
        failed = False  # set by the first failure: the others take no new part

        async def worker() -> None:
            nonlocal failed
            for part in todo:
                if failed:
                    return
                offset = part[0] - target.base  # the file holds the span from offset 0
                try:
                    async with await self.get(
                        chunk_size=DEFAULT_READ_CHUNK_SIZE, byte_range=part, verify_checksum=False
                    ) as stream:
                        target.check_part(stream.headers)
                        async for chunk in stream:
                            tmp.write_at(chunk, offset)
                            offset += len(chunk)
                    target.check_received(offset - (part[0] - target.base), part)
                except BaseException:
                    failed = True
                    raise

        tasks = [asyncio.create_task(worker()) for _ in range(min(num_workers, len(parts)))]
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        finally:  # the first failure (or our own cancellation) stops the other workers
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        _download.raise_first([t.exception() for t in tasks if not t.cancelled()])

    async def put(
        self, path: str | os.PathLike[str] | None = None, content: PutContent | None = None
    ) -> Header:
        """Puts a local file or bytes as an object (body sent once, to the target)."""
        kw, body = self._put_args(path, content)
        return Header((await self._bck.client._rc.put_redirected(kw, body)).headers)

    async def delete(self) -> None:
        """Delete an object from a bucket."""
        await self._bck.client._rc.run(self._plan_delete())


class AsyncObjectGroup(ObjectGroupCore):
    """Async twin of ``ObjectGroup``."""

    def __init__(
        self,
        bck: AsyncBucket,
        obj_names: list[str] | None = None,
        obj_range: ObjectRange | None = None,
        obj_template: str | None = None,
    ) -> None:
        super().__init__(bck, obj_names, obj_range, obj_template)
        self._bck: AsyncBucket = bck

    async def delete(self) -> str:
        """Deletes a list or range of objects in a bucket; returns the job ID.

        "" for a group that selects nothing (nothing is sent; see ``selects_nothing``).
        """
        plan = self._plan_delete()
        return await self._bck.client._rc.run(plan) if plan is not None else ""

    async def evict(self) -> str:
        """Evicts a list or range of objects of a remote bucket; returns the job ID.

        "" for a group that selects nothing (nothing is sent; see ``selects_nothing``).
        """
        plan = self._plan_evict()
        return await self._bck.client._rc.run(plan) if plan is not None else ""

    async def prefetch(self) -> str:
        """Prefetches a list or range of objects of a remote bucket; returns the job ID.

        "" for a group that selects nothing (nothing is sent; see ``selects_nothing``).
        """
        plan = self._plan_prefetch()
        return await self._bck.client._rc.run(plan) if plan is not None else ""

    async def copy(
        self,
        to_bck: AsyncBucket,
        prepend: str = "",
        continue_on_error: bool = False,
        dry_run: bool = False,
        force: bool = False,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
    ) -> list[str]:
        """Copies a list or range of objects in a bucket (see ``ObjectGroup.copy``); returns job IDs."""
        plan = self._plan_copy(
            to_bck,
            prepend=prepend,
            continue_on_error=continue_on_error,
            dry_run=dry_run,
            force=force,
            latest=latest,
            sync=sync,
            num_workers=num_workers,
        )
        return await self._bck.client._rc.run(plan)

    async def transform(
        self,
        to_bck: AsyncBucket,
        etl_name: str,
        timeout: str = DEFAULT_ETL_TIMEOUT,
        prepend: str = "",
        ext: dict[str, str] | None = None,
        continue_on_error: bool = False,
        dry_run: bool = False,
        force: bool = False,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
        etl_pipeline: list[str] | None = None,
    ) -> list[str]:
        """Transforms a list or range of objects into ``to_bck`` (see ``ObjectGroup.transform``)."""
        plan = self._plan_transform(
            to_bck,
            etl_name,
            timeout,
            prepend=prepend,
            ext=ext,
            continue_on_error=continue_on_error,
            dry_run=dry_run,
            force=force,
            latest=latest,
            sync=sync,
            num_workers=num_workers,
            etl_pipeline=etl_pipeline,
        )
        return await self._bck.client._rc.run(plan)

    async def archive(
        self,
        archive_name: str,
        mime: str = "",
        to_bck: AsyncBucket | None = None,
        include_source_name: bool = False,
        allow_append: bool = False,
        continue_on_err: bool = False,
    ) -> list[str]:
        """Creates or appends to an archive of the group's objects (see ``ObjectGroup.archive``)."""
        plan = self._plan_archive(
            archive_name,
            mime,
            to_bck,
            include_source_name=include_source_name,
            allow_append=allow_append,
            continue_on_err=continue_on_err,
        )
        return await self._bck.client._rc.run(plan)


class AsyncJob:
    """Async twin of ``Job``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @property
    def client(self) -> AsyncClient:
        """The client bound to this job object."""
        return self._client

    async def status(
        self, job_id: str = "", job_kind: str = "", daemon_id: str = "", only_running: bool = False
    ) -> JobStatus:
        """Return status of a job (see ``Job.status``)."""
        if not job_id and not job_kind:
            raise InvalidRequest("", "give job_id or job_kind", param="job_id")
        return await self._client._rc.run(_ops.job_status(job_id, job_kind, daemon_id, only_running))

    async def wait_for_job(
        self,
        job_id: str = "",
        job_kind: str = "",
        daemon_id: str = "",
        timeout: int = 300,
        *,
        raise_on_failure: bool = False,
    ) -> JobStatus:
        """Wait for a job to finish (see ``Job.wait_for_job``)."""
        check_wait_args(job_id, job_kind, timeout, allow_zero=True)
        start, delays, polls = time.monotonic(), poll_delays(timeout), 0
        while True:
            missing: NotFound | None = None
            try:
                status = await self.status(job_id=job_id, job_kind=job_kind, daemon_id=daemon_id)
                if status.end_time != 0:
                    if raise_on_failure and (status.aborted or status.err):
                        raise JobFailed(status)
                    return status
            except NotFound as e:
                if time.monotonic() - start > _NOT_FOUND_GRACE:
                    raise
                missing = e
            elapsed = time.monotonic() - start
            if elapsed >= timeout:
                if missing is not None:
                    raise missing
                raise Timeout(
                    "wait for job to finish", f"job {job_id or job_kind} still running after {timeout}s"
                )
            await asyncio.sleep(min(delays[min(polls, len(delays) - 1)], max(0.0, timeout - elapsed)))
            polls += 1

    async def wait_for_idle(
        self, timeout: int = 300, job_id: str = "", job_kind: str = "", daemon_id: str = ""
    ) -> None:
        """Wait for a job to reach an idle state (see ``Job.wait_for_idle``)."""
        check_wait_args(job_id, job_kind, timeout)
        start, delays, polls, idle_polls = time.monotonic(), poll_delays(timeout), 0, 0
        while True:
            try:
                idle = all_idle(await self._client._rc.run(_ops.job_snaps(job_id, job_kind, daemon_id)))
            except NotFound:
                idle = True
            idle_polls = idle_polls + 1 if idle else 0
            if idle_polls >= 2:
                return
            elapsed = time.monotonic() - start
            if elapsed > timeout:
                raise Timeout(
                    "wait for job to become idle", f"job {job_id or job_kind} busy after {timeout}s"
                )
            await asyncio.sleep(min(delays[min(polls, len(delays) - 1)], max(0.0, timeout - elapsed)))
            polls += 1

    async def start(
        self, job_kind: str = "", daemon_id: str = "", force: bool = False, buckets: list[Bck] | None = None
    ) -> str:
        """Start a job and return its ID."""
        if buckets is not None and not all(isinstance(b, Bck) for b in buckets):
            raise InvalidArgument(buckets, "must be a list of Bck", param="buckets")
        return await self._client._rc.run(_ops.start_job(job_kind, daemon_id, force, buckets))


class AsyncEtl:
    """Async twin of ``Etl``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @property
    def client(self) -> AsyncClient:
        """The client bound to this ETL object."""
        return self._client

    async def init_spec(
        self, template: str, etl_id: str, communication_type: str = "hpush", timeout: str = "5m"
    ) -> str:
        """Initializes ETL based on POD spec template. Returns ETL_ID."""
        msg = spec_init_msg(template, etl_id, communication_type, timeout)
        await self._client._rc.run(_ops.etl_init(msg))
        return msg.name

    async def init_code(
        self,
        transform: Callable[..., Any],
        etl_id: str,
        dependencies: list[str] | None = None,
        runtime: str = get_default_runtime(),
        communication_type: str = "hpush",
        timeout: str = "5m",
        chunk_size: int | None = None,
    ) -> str:
        """Initializes ETL based on the provided source code. Returns ETL_ID."""
        msg = code_init_msg(transform, etl_id, dependencies, runtime, communication_type, timeout, chunk_size)
        await self._client._rc.run(_ops.etl_init(msg))
        return msg.name

    async def list(self) -> list[ETL]:
        """Lists all running ETLs."""
        return await self._client._rc.run(_ops.etl_list())

    async def view(self, etl_id: str) -> ETLDetails:
        """View ETLs Init spec/code."""
        return await self._client._rc.run(_ops.etl_view(validate_etl_name(etl_id)))

    async def start(self, etl_id: str) -> None:
        """Resumes a stopped ETL with given ETL_ID."""
        await self._client._rc.run(_ops.etl_start(validate_etl_name(etl_id)))

    async def stop(self, etl_id: str) -> None:
        """Stops ETL with given ETL_ID."""
        await self._client._rc.run(_ops.etl_stop(validate_etl_name(etl_id)))

    async def delete(self, etl_id: str) -> None:
        """Delete ETL with given ETL_ID."""
        await self._client._rc.run(_ops.etl_delete(validate_etl_name(etl_id)))
