"""Jobs (AIS "xactions"): status, waiting, starting."""

from __future__ import annotations

import datetime
import logging
import time
from typing import TYPE_CHECKING, Any

from aistore_hl import _ops
from aistore_hl._twins import twin_docs
from aistore_hl.errors import InvalidArgument, InvalidRequest, NotFound, Timeout
from aistore_hl.errors import JobFailed as JobFailed  # re-exported: its path before it joined the tree
from aistore_hl.types import Bck, JobStatus

if TYPE_CHECKING:
    from aistore_hl.client import AsyncClient, Client
    from aistore_hl.job_api import JobDetails, JobSnap

logger = logging.getLogger(__name__)


# A job id may be unknown for a moment right after the request that started it returned.
_NOT_FOUND_GRACE = 3.0


def poll_delays(timeout: float) -> list[float]:
    """Sleep between polls: start fast (small jobs finish in milliseconds), back off to 1 s."""
    cap = max(0.1, min(1.0, timeout / 8))
    return [min(cap, 0.05 * 2**i) for i in range(6)]


def check_wait_args(job_id: str, job_kind: str, timeout: float, *, allow_zero: bool = False) -> None:
    # The seed sent the empty query and the server answered 400 ("invalid x-").
    if not job_id and not job_kind:
        raise InvalidRequest("", "give job_id or job_kind to wait for", param="job_id")
    # For wait_for_job, 0 is the seed's "poll once": one status request, then Timeout if the job
    # still runs. wait_for_idle (not in the seed) needs two polls, so 0 could never succeed.
    is_number = isinstance(timeout, int | float) and not isinstance(timeout, bool)
    if not is_number or not (timeout >= 0 if allow_zero else timeout > 0):
        bound = ">= 0" if allow_zero else "> 0"
        raise InvalidArgument(timeout, f"must be a number of seconds {bound}", param="timeout")


def all_idle(snaps: dict[str, list[dict[str, Any]]]) -> bool:
    """True when every job snapshot on every target is idle, finished or aborted."""
    for target_snaps in snaps.values():
        for s in target_snaps:
            end = str(s.get("end-time") or "")
            finished = bool(end) and not end.startswith("0001-")  # Go's zero time = still running
            if not (s.get("is_idle") or s.get("aborted") or finished):
                return False
    return True


def raise_if_failed(status: JobStatus) -> JobStatus:
    if status.aborted or status.err:
        raise JobFailed(status)
    return status


class _Wait:
    """The clock of a wait, without I/O: the drivers poll, these steps decide and time."""

    def __init__(self, job_id: str, job_kind: str, timeout: float, verbose: bool = False) -> None:
        self.job = job_id or job_kind
        self.timeout = timeout
        self.start = time.monotonic()
        self.delays = poll_delays(timeout)
        self.polls = 0
        self.verbose = verbose

    def log(self, what: str) -> None:
        """Progress at INFO on ``aistore_hl.job`` (``verbose=True``, the official SDK's option)."""
        if self.verbose:
            logger.info("job '%s': %s (%.1fs)", self.job, what, time.monotonic() - self.start)

    def _sleep_for(self, elapsed: float) -> float:
        delay = min(self.delays[min(self.polls, len(self.delays) - 1)], max(0.0, self.timeout - elapsed))
        self.polls += 1
        return delay


class _FinishWait(_Wait):
    """``wait_for_job`` as pure steps: feed each poll's answer, sleep ``next_delay()``."""

    def __init__(
        self, job_id: str, job_kind: str, timeout: float, raise_on_failure: bool, verbose: bool = False
    ) -> None:
        check_wait_args(job_id, job_kind, timeout, allow_zero=True)
        super().__init__(job_id, job_kind, timeout, verbose)
        self.raise_on_failure = raise_on_failure
        self.missing: NotFound | None = None

    def on_status(self, status: JobStatus) -> JobStatus | None:
        """The final status once the job ended (``JobFailed`` if asked), else None: poll again."""
        self.missing = None
        if status.end_time == 0:
            self.log("running")
            return None
        self.log("failed" if status.aborted or status.err else "finished")
        return raise_if_failed(status) if self.raise_on_failure else status

    def on_missing(self, exc: NotFound) -> None:
        """The job is unknown: fine for a moment after it started, then the error stands."""
        if time.monotonic() - self.start > _NOT_FOUND_GRACE:
            raise exc
        self.log("not known yet")
        self.missing = exc

    def next_delay(self) -> float:
        """Seconds to sleep before the next poll; raises once the timeout is reached."""
        elapsed = time.monotonic() - self.start
        if elapsed >= self.timeout:
            if self.missing is not None:
                raise self.missing
            raise Timeout("wait for job to finish", f"job {self.job} still running after {self.timeout}s")
        return self._sleep_for(elapsed)


class _IdleWait(_Wait):
    """``wait_for_idle`` as pure steps: idle on two polls in a row ends the wait."""

    def __init__(self, job_id: str, job_kind: str, timeout: float, verbose: bool = False) -> None:
        check_wait_args(job_id, job_kind, timeout)
        super().__init__(job_id, job_kind, timeout, verbose)
        self.idle_polls = 0

    def on_snaps(self, snaps: dict[str, list[dict[str, Any]]] | None) -> bool:
        """True when done; ``None`` snapshots: nothing matched (404), so nothing is running."""
        idle = snaps is None or all_idle(snaps)
        self.idle_polls = self.idle_polls + 1 if idle else 0
        self.log("idle" if self.idle_polls >= 2 else "busy" if not idle else "idle once")
        return self.idle_polls >= 2

    def next_delay(self) -> float:
        """Seconds to sleep before the next poll; raises ``Timeout`` past the timeout."""
        elapsed = time.monotonic() - self.start
        if elapsed > self.timeout:
            raise Timeout("wait for job to become idle", f"job {self.job} busy after {self.timeout}s")
        return self._sleep_for(elapsed)


def check_bound(job_id: Any, job_kind: Any) -> tuple[str, str]:
    """The ``job_id`` / ``job_kind`` a job object is bound to (``Client.job(job_id, job_kind)``)."""
    for value, param in ((job_id, "job_id"), (job_kind, "job_kind")):
        if not isinstance(value, str):
            raise InvalidArgument(value, "must be a str", param=param)
    return job_id, job_kind


class _BoundJob:
    """The job id and kind bound to a ``Job`` / ``AsyncJob`` (today's official SDK binds them).

    Every method that takes ``job_id`` / ``job_kind`` uses the bound one when given ``""``.
    """

    _job_id: str
    _job_kind: str

    def _bind(self, job_id: str, job_kind: str) -> None:
        self._job_id, self._job_kind = check_bound(job_id, job_kind)

    @property
    def job_id(self) -> str:
        """The job id this object is bound to ("" if none)."""
        return self._job_id

    @property
    def job_kind(self) -> str:
        """The job kind this object is bound to ("" if none)."""
        return self._job_kind

    def _id(self, job_id: str) -> str:
        return job_id or self._job_id

    def _kind(self, job_kind: str) -> str:
        return job_kind or self._job_kind


class Job(_BoundJob):
    """A class containing job-related functions.

    Args:
        client: The client this job object is bound to.
        job_id: The job this object stands for (today's official SDK's ``Client.job(job_id)``);
            methods given ``job_id=""`` use it.
        job_kind: Its kind, likewise (``Client.job(job_kind="copy-bck")``).
    """

    def __init__(self, client: Client, job_id: str = "", job_kind: str = "") -> None:
        self._client = client
        self._bind(job_id, job_kind)

    @property
    def client(self) -> Client:
        """The client bound to this job object."""
        return self._client

    def status(
        self, job_id: str = "", job_kind: str = "", daemon_id: str = "", only_running: bool = False
    ) -> JobStatus:
        """Return status of a job.

        Args:
            job_id (str, optional): UUID of the job. Empty - the bound one (``Client.job(job_id)``).
            job_kind (str, optional): Kind of the job. Empty - the bound one, or all kinds.
            daemon_id (str, optional): Return jobs only running on the daemon_id.
            only_running (bool, optional): True - return only currently running jobs

        Returns:
            The job status including id, finish time, and error info (``end_time`` 0 while running).

        Raises:
            InvalidRequest: Neither job_id nor job_kind (the server needs one and answers 400;
                nothing is sent). A ``BadRequest``, as the seed raised the server's answer.
            NotFound: No such job.
            AISError: All other types of errors with AIStore.
        """
        job_id, job_kind = self._id(job_id), self._kind(job_kind)
        if not job_id and not job_kind:
            raise InvalidRequest("", "give job_id or job_kind", param="job_id")
        return self._client._rc.run(_ops.job_status(job_id, job_kind, daemon_id, only_running))

    def wait_for_job(
        self,
        job_id: str = "",
        job_kind: str = "",
        daemon_id: str = "",
        timeout: int = 300,
        *,
        raise_on_failure: bool = False,
        verbose: bool = False,
    ) -> JobStatus:
        """Wait for a job to finish.

        Args:
            job_id (str, optional): UUID of the job. Empty - the bound one.
            job_kind (str, optional): Kind of the job. Empty - the bound one, or all kinds.
            daemon_id (str, optional): Return jobs only running on the daemon_id.
            timeout (int, optional): The maximum time to wait for the job, in seconds. Default timeout
                is 5 minutes. 0 polls once, as in the seed.
            raise_on_failure: Raise ``JobFailed`` if the job ended with an error or was aborted.
                Off by default: the seed returned silently for a failed job (e.g. a
                ``delete-listrange`` naming a missing object), and today's official SDK's
                ``Job.wait`` returns a ``WaitResult`` with ``success=False``; check ``err`` /
                ``aborted`` of the returned status, or pass True.
            verbose: Log each poll at INFO on the ``aistore_hl.job`` logger.

        Returns:
            The final job status (the seed SDK returned None).

        Raises:
            Timeout: Timeout while waiting for the job to finish.
            JobFailed: With ``raise_on_failure``, the job finished with an error or was aborted.
            NotFound: The job does not exist (after a short grace period for a just-started job,
                or at the timeout if that comes first), as the seed raised the server's 404.
            AISError: All other types of errors with AIStore.
        """
        job_id, job_kind = self._id(job_id), self._kind(job_kind)
        wait = _FinishWait(job_id, job_kind, timeout, raise_on_failure, verbose)
        while True:
            try:
                done = wait.on_status(self.status(job_id=job_id, job_kind=job_kind, daemon_id=daemon_id))
                if done is not None:
                    return done
            except NotFound as e:
                wait.on_missing(e)
            time.sleep(wait.next_delay())

    def wait_for_idle(
        self,
        timeout: int = 300,
        job_id: str = "",
        job_kind: str = "",
        daemon_id: str = "",
        *,
        verbose: bool = False,
    ) -> None:
        """Wait for a job to reach an idle state (or finish) on every target.

        Some jobs (e.g. copy or ETL of a list/range, put-copies, EC) stay alive, idle, after their
        work is done; for those, waiting for "finished" would wait for their idle timeout. Idle
        means every target reported its snapshot idle (or finished/aborted) on two consecutive
        polls.

        Args:
            timeout (int, optional): The maximum time to wait, in seconds. Default 5 minutes.
            job_id (str, optional): ID of the job. Empty - the bound one.
            job_kind (str, optional): Kind of the job. Empty - the bound one.
            daemon_id (str, optional): Only the job on this node.
            verbose: Log each poll at INFO on the ``aistore_hl.job`` logger (today's official
                SDK's option; it defaults to True there).

        Raises:
            Timeout: The job did not become idle in time.
            AISError: All other types of errors with AIStore.
        """
        job_id, job_kind = self._id(job_id), self._kind(job_kind)
        wait = _IdleWait(job_id, job_kind, timeout, verbose)
        while True:
            try:
                snaps = self._client._rc.run(_ops.job_snaps(job_id, job_kind, daemon_id))
            except NotFound:
                snaps = None
            if wait.on_snaps(snaps):
                return
            time.sleep(wait.next_delay())

    def start(
        self, job_kind: str = "", daemon_id: str = "", force: bool = False, buckets: list[Bck] | None = None
    ) -> str:
        """Start a job and return its ID.

        Args:
            job_kind (str, optional): Kind of the job (for supported kinds, see api/apc/const.go).
                Empty - the bound kind (``Client.job(job_kind=...)``).
            daemon_id (str, optional): Return jobs only running on the daemon_id.
            force (bool, optional): Override existing restrictions for a bucket (e.g., run LRU eviction
                even if the bucket has LRU disabled). Sent as today's ``frc=true`` query parameter.
            buckets (List[Bck], optional): List of one or more buckets; applicable only for jobs that have
                bucket scope (for details and full enumeration, see xact/table.go).

        Returns:
            The running job ID.

        Raises:
            AISError: The cluster refused the job (e.g. unknown kind).
        """
        if buckets is not None and not all(isinstance(b, Bck) for b in buckets):
            raise InvalidArgument(buckets, "must be a list of Bck", param="buckets")
        return self._client._rc.run(_ops.start_job(self._kind(job_kind), daemon_id, force, buckets))

    # -- issue 19: abort, details, wait for any kind ------------------------------------------------
    def abort(self, job_id: str = "", job_kind: str = "") -> None:
        """Aborts the job ``job_id``, or every running job of ``job_kind`` (empty: the bound ones).

        Raises:
            InvalidArgument: Neither given nor bound (that would abort every job; nothing is sent).
        """
        from aistore_hl import job_api

        job_api.abort(self._client, self._id(job_id), self._kind(job_kind))

    def get_details(self, job_id: str = "", job_kind: str = "", daemon_id: str = "") -> JobDetails:
        """Returns every target's snapshot of the job (``what=qryxstats``), with aggregates.

        Args:
            job_id: The job. Empty - the bound one.
            job_kind: Its kind. Empty - the bound one.
            daemon_id: Only that node's snapshots.

        Returns:
            ``JobDetails``: per-target ``JobSnap`` (times, idle, aborted, objects and bytes
            processed) and totals, ``get_total_time()``.

        Raises:
            InvalidArgument: Neither id nor kind (nothing is sent).
            NotFound: No such job.
        """
        from aistore_hl import job_api

        return job_api.get_details(self._client, self._id(job_id), self._kind(job_kind), daemon_id)

    def wait(
        self,
        job_id: str = "",
        job_kind: str = "",
        daemon_id: str = "",
        timeout: int = 300,
        raise_on_failure: bool = False,
        *,
        verbose: bool = False,
    ) -> JobStatus:
        """Waits until the job is done, the way its kind requires (today's official SDK's ``wait``).

        Kinds that idle instead of ending (``copy-listrange``, ``archive``, ``etl-listrange``,
        ``put-copies``, EC...) are done once idle on every target on two polls in a row; kinds
        the server keeps no status record of (``blob-download``) are followed through their
        snapshots; every other kind until it ends. Given only ``job_id``, the kind is looked up.
        ``client.job(xid).wait(timeout=60)`` waits for the bound job.

        Args:
            job_id: The job. Empty - the bound one.
            job_kind: Its kind. Empty - the bound one, or looked up.
            daemon_id: Only the job on this node.
            timeout: Seconds to wait at most.
            raise_on_failure: Raise ``JobFailed`` if it failed or was aborted.
            verbose: Log each poll at INFO on the ``aistore_hl.job`` logger (the official SDK's
                option, True by default there; here False, so existing callers log nothing new).

        Returns:
            The final status (for an idle kind: built from the snapshots, ``end_time`` 0).

        Raises:
            Timeout: Not done in time.
            JobFailed: With ``raise_on_failure``, it failed or was aborted.
        """
        from aistore_hl import job_api

        job_id, job_kind = self._id(job_id), self._kind(job_kind)
        return job_api.wait(self, job_id, job_kind, daemon_id, timeout, raise_on_failure, verbose)

    # -- today's official SDK (2.0) names ------------------------------------------------------------
    def wait_single_node(
        self,
        timeout: int = 300,
        verbose: bool = False,
        *,
        daemon_id: str = "",
        raise_on_failure: bool = False,
    ) -> JobStatus:
        """Waits for the bound job that runs on one node (``blob-download``, ``resilver``).

        Such a job has no cluster-wide status record; it is done as soon as a snapshot of it
        reports it finished or aborted (the official SDK's ``wait_single_node``). Snapshots not
        there yet (a job just started) are polled again until the timeout.

        Args:
            timeout: Seconds to wait at most (> 0). Default 5 minutes.
            verbose: Log each poll at INFO on the ``aistore_hl.job`` logger.
            daemon_id: Only that node's snapshots.
            raise_on_failure: Raise ``JobFailed`` if it failed or was aborted.

        Returns:
            The final status, built from the snapshots (``end_time`` in ns since the epoch).

        Raises:
            InvalidRequest: No job id or kind is bound (nothing is sent).
            Timeout: Not done in time.
            JobFailed: With ``raise_on_failure``, it failed or was aborted.
        """
        from aistore_hl import job_api

        wait = job_api.SingleNodeWait(self._job_id, self._job_kind, timeout, verbose)
        while True:
            try:
                details = self.get_details(daemon_id=daemon_id)
            except NotFound:
                details = None
            if (done := wait.on_details(details, raise_on_failure)) is not None:
                return done
            time.sleep(wait.next_delay())

    def get_total_time(self) -> datetime.timedelta | None:
        """The bound job's duration: its last end minus its first start, over every target.

        Returns:
            The duration, or None while any target still runs it (or none reports it).

        Raises:
            InvalidArgument: No job id or kind is bound (nothing is sent).
            NotFound: No such job.
        """
        from aistore_hl import job_api

        return job_api.total_time(self.get_details())

    def get_within_timeframe(
        self, start_time: datetime.datetime, end_time: datetime.datetime | None = None
    ) -> list[JobSnap]:
        """Snapshots of the bound job (or of jobs of the bound kind) in a time window.

        Args:
            start_time: Keep jobs that started at or after it (a naive time is local time).
            end_time: And, if given, ended at or before it (jobs still running are left out).

        Returns:
            The matching ``JobSnap``s, target by target; empty if none (the official SDK raises
            ``JobInfoNotFound`` instead).

        Raises:
            InvalidArgument: No job id or kind is bound, or a time is not a ``datetime``.
            NotFound: No job of that id or kind.
        """
        from aistore_hl import job_api

        window = job_api.check_timeframe(start_time, end_time)
        return job_api.within_timeframe(self.get_details(), self._job_id, self._job_kind, *window)


@twin_docs(Job)
class AsyncJob(_BoundJob):
    """Async twin of ``Job``."""

    def __init__(self, client: AsyncClient, job_id: str = "", job_kind: str = "") -> None:
        self._client = client
        self._bind(job_id, job_kind)

    @property
    def client(self) -> AsyncClient:
        """The client bound to this job object."""
        return self._client

    async def status(
        self, job_id: str = "", job_kind: str = "", daemon_id: str = "", only_running: bool = False
    ) -> JobStatus:
        job_id, job_kind = self._id(job_id), self._kind(job_kind)
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
        verbose: bool = False,
    ) -> JobStatus:
        import asyncio  # here, not at the top: the sync path never loads asyncio

        job_id, job_kind = self._id(job_id), self._kind(job_kind)
        wait = _FinishWait(job_id, job_kind, timeout, raise_on_failure, verbose)
        while True:
            try:
                status = await self.status(job_id=job_id, job_kind=job_kind, daemon_id=daemon_id)
                if (done := wait.on_status(status)) is not None:
                    return done
            except NotFound as e:
                wait.on_missing(e)
            await asyncio.sleep(wait.next_delay())

    async def wait_for_idle(
        self,
        timeout: int = 300,
        job_id: str = "",
        job_kind: str = "",
        daemon_id: str = "",
        *,
        verbose: bool = False,
    ) -> None:
        import asyncio  # here, not at the top: the sync path never loads asyncio

        job_id, job_kind = self._id(job_id), self._kind(job_kind)
        wait = _IdleWait(job_id, job_kind, timeout, verbose)
        while True:
            try:
                snaps = await self._client._rc.run(_ops.job_snaps(job_id, job_kind, daemon_id))
            except NotFound:
                snaps = None
            if wait.on_snaps(snaps):
                return
            await asyncio.sleep(wait.next_delay())

    async def start(
        self, job_kind: str = "", daemon_id: str = "", force: bool = False, buckets: list[Bck] | None = None
    ) -> str:
        if buckets is not None and not all(isinstance(b, Bck) for b in buckets):
            raise InvalidArgument(buckets, "must be a list of Bck", param="buckets")
        return await self._client._rc.run(_ops.start_job(self._kind(job_kind), daemon_id, force, buckets))

    async def abort(self, job_id: str = "", job_kind: str = "") -> None:
        from aistore_hl import job_api

        await job_api.aabort(self._client, self._id(job_id), self._kind(job_kind))

    async def get_details(self, job_id: str = "", job_kind: str = "", daemon_id: str = "") -> JobDetails:
        from aistore_hl import job_api

        return await job_api.aget_details(self._client, self._id(job_id), self._kind(job_kind), daemon_id)

    async def wait(
        self,
        job_id: str = "",
        job_kind: str = "",
        daemon_id: str = "",
        timeout: int = 300,
        raise_on_failure: bool = False,
        *,
        verbose: bool = False,
    ) -> JobStatus:
        from aistore_hl import job_api

        job_id, job_kind = self._id(job_id), self._kind(job_kind)
        return await job_api.await_job(self, job_id, job_kind, daemon_id, timeout, raise_on_failure, verbose)

    async def wait_single_node(
        self,
        timeout: int = 300,
        verbose: bool = False,
        *,
        daemon_id: str = "",
        raise_on_failure: bool = False,
    ) -> JobStatus:
        import asyncio  # here, not at the top: the sync path never loads asyncio

        from aistore_hl import job_api

        wait = job_api.SingleNodeWait(self._job_id, self._job_kind, timeout, verbose)
        while True:
            try:
                details = await self.get_details(daemon_id=daemon_id)
            except NotFound:
                details = None
            if (done := wait.on_details(details, raise_on_failure)) is not None:
                return done
            await asyncio.sleep(wait.next_delay())

    async def get_total_time(self) -> datetime.timedelta | None:
        from aistore_hl import job_api

        return job_api.total_time(await self.get_details())

    async def get_within_timeframe(
        self, start_time: datetime.datetime, end_time: datetime.datetime | None = None
    ) -> list[JobSnap]:
        from aistore_hl import job_api

        window = job_api.check_timeframe(start_time, end_time)
        return job_api.within_timeframe(await self.get_details(), self._job_id, self._job_kind, *window)
