"""Bulk transfers between a local directory and a bucket: ``put_files`` and ``download_files``.

The plan (which files, which object names, what is already in place, the summary) is written
once here; ``Bucket`` runs it on a thread pool and ``AsyncBucket`` on the event loop, and they
differ only in how they wait. Every object is verified (the cluster's checksum of an uploaded
object against the local file's; a download through ``Object.download``, which writes a temporary
file and renames it only once verified), and a failure of one file never stops the others: the
summary lists what moved, what was skipped and what failed, and ``TransferError`` carries it when
anything failed.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from aistore_hl._checksum import checksum_hasher
from aistore_hl.errors import ChecksumMismatch, InvalidArgument, TransferError

if TYPE_CHECKING:
    from aistore_hl.aio import AsyncBucket
    from aistore_hl.bucket import Bucket
    from aistore_hl.header import Header

__all__ = ["DEFAULT_TRANSFER_WORKERS", "FileTask", "TransferError", "TransferSummary"]

DEFAULT_TRANSFER_WORKERS = 16
# Files up to this size are read once into memory: the bytes hashed are the bytes sent, so a file
# rewritten during the upload cannot pass as verified. Larger ones are streamed, then hashed again.
_IN_MEMORY_MAX = 8 * 1024 * 1024
_HASH_PIECE = 1024 * 1024
_LIST_PROPS = "name,size,checksum"

Direction = Literal["put", "download"]
Status = Literal["transferred", "skipped"]
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileTask:
    """One file of a bulk transfer: the local path, the object name and the size to move."""

    path: Path
    obj_name: str
    size: int


class TransferSummary(list[str]):
    """What a bulk transfer did.

    The list itself holds the names of the objects that are now in place (transferred or found
    unchanged), in plan order, so code written for the official SDK's ``put_files`` (which
    returns ``List[str]``) keeps working. The attributes say the rest.

    Attributes:
        direction: ``"put"`` or ``"download"``.
        transferred: Object names moved by this call.
        skipped: Object names left alone because the other side already had the same size and
            checksum (``skip_unchanged=True``).
        failed: Object name -> the exception that stopped it; nothing else was lost.
        files: Files in the plan.
        bytes: Bytes moved (transferred files only).
        elapsed: Wall time in seconds.
        dry_run: True when nothing was sent (the plan only).
    """

    def __init__(self, direction: Direction, dry_run: bool = False) -> None:
        super().__init__()
        self.direction: Direction = direction
        self.transferred: list[str] = []
        self.skipped: list[str] = []
        self.failed: dict[str, BaseException] = {}
        self.files = 0
        self.bytes = 0
        self.elapsed = 0.0
        self.dry_run = dry_run

    def __repr__(self) -> str:
        return (
            f"TransferSummary({self.direction}: {len(self.transferred)} transferred, "
            f"{len(self.skipped)} skipped, {len(self.failed)} failed of {self.files} files, "
            f"{self.bytes:,} bytes in {self.elapsed:.2f}s)"
        )


# ---------------------------------------------------------------------------------------------------
# plans


def _check_workers(num_workers: object) -> int:
    if isinstance(num_workers, bool) or not isinstance(num_workers, int) or num_workers < 1:
        raise InvalidArgument(num_workers, "must be an int >= 1", param="num_workers")
    return num_workers


def plan_uploads(
    bucket: Bucket | AsyncBucket,
    path: str | os.PathLike[str],
    prefix_filter: str,
    pattern: str,
    basename: bool,
    prepend: str | None,
    recursive: bool,
) -> list[FileTask]:
    """The files under ``path`` to put and their object names, sorted by name.

    Raises:
        InvalidArgument: ``path`` is not a directory (a ValueError, as the official SDK raises),
            two files would get the same object name (``basename=True``), or a name is not a
            valid object name — all before any request.
    """
    root = Path(os.fspath(path))
    if not root.is_dir():
        raise InvalidArgument(os.fspath(path), "is not a directory", param="path")
    files = root.rglob(pattern) if recursive else root.glob(pattern)
    tasks: dict[str, FileTask] = {}
    for f in files:
        if not f.is_file() or not f.name.startswith(prefix_filter):
            continue
        rel = f.name if basename else f.relative_to(root).as_posix()
        name = (prepend or "") + rel
        if name in tasks:
            raise InvalidArgument(
                name, f"both {tasks[name].path} and {f} would be put as this object", param="basename"
            )
        bucket.object(name)  # InvalidObjectName now, not after half the files moved
        tasks[name] = FileTask(f, name, f.stat().st_size)
    return [tasks[n] for n in sorted(tasks)]


def local_path_of(root: Path, obj_name: str, prefix: str) -> Path:
    """Where ``download_files`` writes ``obj_name``: its name after ``prefix``, under ``root``.

    The inverse of ``put_files(root, prepend=prefix)``. An object named exactly ``prefix`` is
    written under its base name.
    """
    rel = obj_name[len(prefix) :].lstrip("/") or PurePosixPath(obj_name).name
    parts = [p for p in rel.split("/") if p]
    if not parts or any(p in (".", "..") for p in parts):
        raise InvalidArgument(obj_name, "has no safe local path", param="obj_name")
    return root.joinpath(*parts)


def plan_downloads(
    entries: Iterable[Any], root: Path, prefix: str
) -> tuple[list[FileTask], dict[str, tuple[int, str]]]:
    """The objects of a listing to download, their local paths and (size, checksum) as listed.

    Names ending in ``/`` (directory markers) are not files and are left out.

    Raises:
        InvalidArgument: Two objects map to the same local path (e.g. ``a//b`` and ``a/b``).
    """
    tasks: dict[Path, FileTask] = {}
    listed: dict[str, tuple[int, str]] = {}
    for e in entries:
        name: str = e.name
        if name.endswith("/"):
            continue
        dest = local_path_of(root, name, prefix)
        if dest in tasks:
            raise InvalidArgument(
                name, f"{tasks[dest].obj_name!r} is written to the same file {dest}", param="prefix"
            )
        size = int(e.size or 0)
        tasks[dest] = FileTask(dest, name, size)
        listed[name] = (size, e.checksum or "")
    return sorted(tasks.values(), key=lambda t: t.obj_name), listed


def listing_prefix(tasks: list[FileTask]) -> str:
    """The longest prefix shared by every object name: one listing covers the whole plan."""
    # Character by character on purpose: a listing prefix is a string prefix, not a path.
    return os.path.commonprefix([t.obj_name for t in tasks]) if tasks else ""  # noqa: RUF071


def bucket_checksum_type(props: dict[str, Any] | None) -> str:
    """The bucket's checksum type from its HEAD (``xxhash2`` when the answer does not say)."""
    cksum = (props or {}).get("checksum") or {}
    return str(cksum.get("type") or "xxhash2")


# ---------------------------------------------------------------------------------------------------
# one file, no I/O to the cluster here


def file_checksum(path: Path, checksum_type: str, data: bytes | None = None) -> str | None:
    """The file's (or ``data``'s) checksum as AIS writes it, or None for type ``none``/unknown."""
    hasher, _ = checksum_hasher(checksum_type) if checksum_type and checksum_type != "none" else (None, "")
    if hasher is None:
        return None
    if data is not None:
        hasher.update(data)
    else:
        with path.open("rb") as f:
            while piece := f.read(_HASH_PIECE):
                hasher.update(piece)
    return hasher.hexdigest()


def unchanged(task: FileTask, local: Path, listed: tuple[int, str] | None, checksum_type: str) -> bool:
    """Whether both sides already hold the same bytes: same size and same checksum."""
    if listed is None or not listed[1]:
        return False
    size, cksum = listed
    try:
        if local.stat().st_size != size:
            return False
    except FileNotFoundError:
        return False
    return file_checksum(local, checksum_type) == cksum


def read_for_put(task: FileTask) -> bytes | None:
    """The file's bytes when it is small enough to send from memory, else None (streamed)."""
    if task.size > _IN_MEMORY_MAX:
        return None
    data = task.path.read_bytes()
    return data


def verify_put(task: FileTask, data: bytes | None, hdr: Header) -> None:
    """Check the uploaded object against the local bytes.

    Raises:
        ChecksumMismatch: The cluster's checksum differs from the bytes that were read.
        InvalidArgument: A streamed file changed size while it was sent.
    """
    ctype, cval = hdr.checksum_type, hdr.checksum_value
    if data is None and task.path.stat().st_size != task.size:
        raise InvalidArgument(str(task.path), "changed size while it was uploaded", param="path")
    if not ctype or ctype == "none" or not cval:
        return  # the bucket keeps no checksum: nothing to compare (the size was sent in full)
    local = file_checksum(task.path, ctype, data)
    if local is not None and local != cval:
        raise ChecksumMismatch(ctype, local, cval, url=task.obj_name)


# ---------------------------------------------------------------------------------------------------
# progress


class Progress:
    """A tqdm bar in bytes with the file count, or nothing.

    ``progress=None`` shows it when stderr is a terminal and tqdm is installed; ``True`` asks
    for it (ImportError without tqdm: ``pip install aistore-hl[progress]``); ``False`` never.
    """

    def __init__(self, enabled: bool | None, total_bytes: int, total_files: int, desc: str) -> None:
        self._bar: Any = None
        self._files = 0
        self._total_files = total_files
        self._lock = threading.Lock()
        if enabled is False or (enabled is None and not sys.stderr.isatty()):
            return
        try:
            from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]
        except ImportError:
            if enabled:
                raise ImportError("progress=True needs tqdm: pip install 'aistore-hl[progress]'") from None
            return
        self._bar = tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1024, desc=desc)
        self._bar.set_postfix_str(f"files 0/{total_files}")

    def file_done(self, nbytes: int) -> None:
        if self._bar is None:
            return
        with self._lock:
            self._files += 1
            self._bar.update(nbytes)
            self._bar.set_postfix_str(f"files {self._files}/{self._total_files}", refresh=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


# ---------------------------------------------------------------------------------------------------
# outcome


Outcome = tuple[FileTask, Literal["transferred", "skipped", "failed"], BaseException | None]


def record(summary: TransferSummary, outcome: Outcome, progress: Progress) -> None:
    task, status, err = outcome
    if status == "transferred":
        summary.transferred.append(task.obj_name)
        summary.bytes += task.size
    elif status == "skipped":
        summary.skipped.append(task.obj_name)
    else:
        assert err is not None
        summary.failed[task.obj_name] = err
    progress.file_done(task.size)


def finish(
    summary: TransferSummary, tasks: list[FileTask], t0: float, raise_on_error: bool, verbose: bool
) -> TransferSummary:
    """Put the names in plan order, time it, report, and raise when anything failed."""
    in_place = set(summary.transferred) | set(summary.skipped)
    summary.extend(t.obj_name for t in tasks if t.obj_name in in_place)
    order = {t.obj_name: i for i, t in enumerate(tasks)}
    summary.transferred.sort(key=order.__getitem__)
    summary.skipped.sort(key=order.__getitem__)
    summary.failed = dict(sorted(summary.failed.items(), key=lambda kv: order[kv[0]]))
    summary.elapsed = time.monotonic() - t0
    if verbose:
        logger.info("%r", summary)
    if summary.failed and raise_on_error:
        raise TransferError(summary)
    return summary


def resolve_prepend(prepend: str | None, prefix: str | None) -> str:
    if prefix is not None and prepend is not None and prefix != prepend:
        raise InvalidArgument(prefix, "prefix is another name for prepend: give one of them", param="prefix")
    return prefix if prefix is not None else (prepend or "")


def _listed_entries(entries: Iterable[Any]) -> dict[str, tuple[int, str]]:
    return {e.name: (int(e.size or 0), e.checksum or "") for e in entries}


def _put_work(
    bucket: Bucket, task: FileTask, listed: dict[str, tuple[int, str]], ctype: str, log: bool
) -> Status:
    if listed and unchanged(task, task.path, listed.get(task.obj_name), ctype):
        return "skipped"
    data = read_for_put(task)
    obj = bucket.object(task.obj_name)
    hdr = obj.put(content=data) if data is not None else obj.put(path=str(task.path))
    verify_put(task, data, hdr)
    if log:
        logger.info("put %s as %s (%d bytes)", task.path, task.obj_name, task.size)
    return "transferred"


def _download_work(
    bucket: Bucket, task: FileTask, listed: dict[str, tuple[int, str]], ctype: str, skip: bool, log: bool
) -> Status:
    if skip and unchanged(task, task.path, listed.get(task.obj_name), ctype):
        return "skipped"
    task.path.parent.mkdir(parents=True, exist_ok=True)
    bucket.object(task.obj_name).download(task.path)
    if log:
        logger.info("downloaded %s to %s (%d bytes)", task.obj_name, task.path, task.size)
    return "transferred"


def verbose_logging(verbose: bool) -> bool:
    """Per-file log lines (INFO on ``aistore_hl.transfer``) when asked for and someone listens."""
    return verbose and logger.isEnabledFor(logging.INFO)


def _run_pool(
    tasks: list[FileTask],
    work: Callable[[FileTask], Status],
    num_workers: int,
    summary: TransferSummary,
    bar: Progress,
) -> None:
    from concurrent.futures import ThreadPoolExecutor, as_completed

    pool = ThreadPoolExecutor(max(1, min(num_workers, len(tasks))), thread_name_prefix="ais-transfer")
    try:
        futures = {pool.submit(work, t): t for t in tasks}
        for fut in as_completed(futures):
            task = futures[fut]
            err = fut.exception()
            record(summary, (task, "failed", err) if err else (task, fut.result(), None), bar)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)  # Ctrl-C: stop queued files, let running ones end
        raise
    finally:
        pool.shutdown(wait=True)
        bar.close()


def put_files(
    bucket: Bucket,
    path: str | os.PathLike[str],
    prefix_filter: str,
    pattern: str,
    basename: bool,
    prepend: str | None,
    recursive: bool,
    dry_run: bool,
    verbose: bool,
    *,
    prefix: str | None,
    num_workers: int,
    skip_unchanged: bool,
    progress: bool | None,
    raise_on_error: bool,
) -> TransferSummary:
    """The sync driver of ``Bucket.put_files`` (see there)."""
    workers = _check_workers(num_workers)
    tasks = plan_uploads(
        bucket, path, prefix_filter, pattern, basename, resolve_prepend(prepend, prefix), recursive
    )
    summary = TransferSummary("put", dry_run)
    summary.files = len(tasks)
    t0 = time.monotonic()
    if dry_run or not tasks:
        summary.extend(t.obj_name for t in tasks)
        summary.elapsed = time.monotonic() - t0
        return summary
    props = bucket.head().bucket_props  # a missing bucket fails once here, not once per file
    ctype = bucket_checksum_type(props)
    listed: dict[str, tuple[int, str]] = {}
    if skip_unchanged:
        listed = _listed_entries(bucket.list_objects_iter(prefix=listing_prefix(tasks), props=_LIST_PROPS))
    bar = Progress(progress, sum(t.size for t in tasks), len(tasks), f"put {bucket.provider}://{bucket.name}")
    log = verbose_logging(verbose)
    _run_pool(tasks, lambda t: _put_work(bucket, t, listed, ctype, log), workers, summary, bar)
    return finish(summary, tasks, t0, raise_on_error, verbose)


def download_files(
    bucket: Bucket,
    path: str | os.PathLike[str],
    prefix: str,
    *,
    num_workers: int,
    skip_unchanged: bool,
    progress: bool | None,
    raise_on_error: bool,
    dry_run: bool,
    verbose: bool,
) -> TransferSummary:
    """The sync driver of ``Bucket.download_files`` (see there)."""
    workers = _check_workers(num_workers)
    root = _check_dest(path)
    t0 = time.monotonic()
    tasks, listed = plan_downloads(bucket.list_objects_iter(prefix=prefix, props=_LIST_PROPS), root, prefix)
    summary = TransferSummary("download", dry_run)
    summary.files = len(tasks)
    if dry_run or not tasks:
        summary.extend(t.obj_name for t in tasks)
        summary.elapsed = time.monotonic() - t0
        return summary
    ctype = bucket_checksum_type(bucket.head().bucket_props) if skip_unchanged else ""
    bar = Progress(progress, sum(t.size for t in tasks), len(tasks), f"get {bucket.provider}://{bucket.name}")
    log = verbose_logging(verbose)
    _run_pool(
        tasks, lambda t: _download_work(bucket, t, listed, ctype, skip_unchanged, log), workers, summary, bar
    )
    return finish(summary, tasks, t0, raise_on_error, verbose)


def _check_dest(path: str | os.PathLike[str]) -> Path:
    root = Path(os.fspath(path))
    if root.exists() and not root.is_dir():
        raise InvalidArgument(os.fspath(path), "exists and is not a directory", param="path")
    return root


# ---------------------------------------------------------------------------------------------------
# the async driver: the same plan, awaited


async def _put_work_async(
    bucket: AsyncBucket, task: FileTask, listed: dict[str, tuple[int, str]], ctype: str
) -> Status:
    import asyncio

    if listed:
        same: bool = await asyncio.to_thread(unchanged, task, task.path, listed.get(task.obj_name), ctype)
        if same:
            return "skipped"
    data = await asyncio.to_thread(read_for_put, task)
    obj = bucket.object(task.obj_name)
    hdr = await (obj.put(content=data) if data is not None else obj.put(path=str(task.path)))
    await asyncio.to_thread(verify_put, task, data, hdr)
    return "transferred"


async def _download_work_async(
    bucket: AsyncBucket, task: FileTask, listed: dict[str, tuple[int, str]], ctype: str, skip: bool
) -> Status:
    import asyncio

    if skip and await asyncio.to_thread(unchanged, task, task.path, listed.get(task.obj_name), ctype):
        return "skipped"
    task.path.parent.mkdir(parents=True, exist_ok=True)
    await bucket.object(task.obj_name).download(task.path)
    return "transferred"


async def _run_tasks(
    tasks: list[FileTask],
    work: Callable[[FileTask], Any],
    num_workers: int,
    summary: TransferSummary,
    bar: Progress,
) -> None:
    import asyncio

    queue = iter(tasks)

    async def worker() -> None:
        for task in queue:  # the workers share one iterator: at most num_workers files in flight
            try:
                outcome: Outcome = (task, await work(task), None)
            except Exception as e:  # one file's failure is recorded; the others go on
                outcome = (task, "failed", e)
            record(summary, outcome, bar)

    try:
        async with asyncio.TaskGroup() as tg:
            for _ in range(max(1, min(num_workers, len(tasks)))):
                tg.create_task(worker())
    finally:
        bar.close()


async def put_files_async(
    bucket: AsyncBucket,
    path: str | os.PathLike[str],
    prefix_filter: str,
    pattern: str,
    basename: bool,
    prepend: str | None,
    recursive: bool,
    dry_run: bool,
    verbose: bool,
    *,
    prefix: str | None,
    num_workers: int,
    skip_unchanged: bool,
    progress: bool | None,
    raise_on_error: bool,
) -> TransferSummary:
    """The async driver of ``AsyncBucket.put_files`` (see ``Bucket.put_files``)."""
    import asyncio

    workers = _check_workers(num_workers)
    tasks = await asyncio.to_thread(
        plan_uploads,
        bucket,
        path,
        prefix_filter,
        pattern,
        basename,
        resolve_prepend(prepend, prefix),
        recursive,
    )
    summary = TransferSummary("put", dry_run)
    summary.files = len(tasks)
    t0 = time.monotonic()
    if dry_run or not tasks:
        summary.extend(t.obj_name for t in tasks)
        summary.elapsed = time.monotonic() - t0
        return summary
    ctype = bucket_checksum_type((await bucket.head()).bucket_props)
    listed: dict[str, tuple[int, str]] = {}
    if skip_unchanged:
        lister = bucket.list_objects_iter(prefix=listing_prefix(tasks), props=_LIST_PROPS)
        listed = _listed_entries([e async for e in lister])
    bar = Progress(progress, sum(t.size for t in tasks), len(tasks), f"put {bucket.provider}://{bucket.name}")
    await _run_tasks(tasks, lambda t: _put_work_async(bucket, t, listed, ctype), workers, summary, bar)
    return finish(summary, tasks, t0, raise_on_error, verbose)


async def download_files_async(
    bucket: AsyncBucket,
    path: str | os.PathLike[str],
    prefix: str,
    *,
    num_workers: int,
    skip_unchanged: bool,
    progress: bool | None,
    raise_on_error: bool,
    dry_run: bool,
    verbose: bool,
) -> TransferSummary:
    """The async driver of ``AsyncBucket.download_files`` (see ``Bucket.download_files``)."""
    workers = _check_workers(num_workers)
    root = _check_dest(path)
    t0 = time.monotonic()
    entries = [e async for e in bucket.list_objects_iter(prefix=prefix, props=_LIST_PROPS)]
    tasks, listed = plan_downloads(entries, root, prefix)
    summary = TransferSummary("download", dry_run)
    summary.files = len(tasks)
    if dry_run or not tasks:
        summary.extend(t.obj_name for t in tasks)
        summary.elapsed = time.monotonic() - t0
        return summary
    ctype = bucket_checksum_type((await bucket.head()).bucket_props) if skip_unchanged else ""
    bar = Progress(progress, sum(t.size for t in tasks), len(tasks), f"get {bucket.provider}://{bucket.name}")
    await _run_tasks(
        tasks, lambda t: _download_work_async(bucket, t, listed, ctype, skip_unchanged), workers, summary, bar
    )
    return finish(summary, tasks, t0, raise_on_error, verbose)
