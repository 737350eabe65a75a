"""Jobs (AIS "xactions"): status, waiting, starting."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from aistore_hl import _ops
from aistore_hl.errors import AISClientError, InvalidArgument, InvalidRequest, NotFound, Timeout
from aistore_hl.types import Bck, JobStatus

if TYPE_CHECKING:
    from aistore_hl.client import Client


class JobFailed(AISClientError):
    """A waited-for job finished with an error or was aborted; ``status`` has the details."""

    def __init__(self, status: JobStatus) -> None:
        super().__init__(status)  # args = constructor args, so it pickles
        self.status = status

    def __str__(self) -> str:
        s = self.status
        return f"job {s.uuid} ({s.kind}) {'aborted' if s.aborted else 'failed'}: {s.err}"


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


class Job:
    """A class containing job-related functions.

    Args:
        client: The client this job object is bound to.
    """

    def __init__(self, client: Client) -> None:
        self._client = client

    @property
    def client(self) -> Client:
        """The client bound to this job object."""
        return self._client

    def status(
        self, job_id: str = "", job_kind: str = "", daemon_id: str = "", only_running: bool = False
    ) -> JobStatus:
        """Return status of a job.

        Args:
            job_id (str, optional): UUID of the job. Empty - all jobs.
            job_kind (str, optional): Kind of the job. Empty - all kinds.
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
    ) -> JobStatus:
        """Wait for a job to finish.

        Args:
            job_id (str, optional): UUID of the job. Empty - all jobs.
            job_kind (str, optional): Kind of the job. Empty - all kinds.
            daemon_id (str, optional): Return jobs only running on the daemon_id.
            timeout (int, optional): The maximum time to wait for the job, in seconds. Default timeout
                is 5 minutes. 0 polls once, as in the seed.
            raise_on_failure: Raise ``JobFailed`` if the job ended with an error or was aborted.
                Off by default: the seed returned silently for a failed job (e.g. a
                ``delete-listrange`` naming a missing object), and today's official SDK's
                ``Job.wait`` returns a ``WaitResult`` with ``success=False``; check ``err`` /
                ``aborted`` of the returned status, or pass True.

        Returns:
            The final job status (the seed SDK returned None).

        Raises:
            Timeout: Timeout while waiting for the job to finish.
            JobFailed: With ``raise_on_failure``, the job finished with an error or was aborted.
            NotFound: The job does not exist (after a short grace period for a just-started job,
                or at the timeout if that comes first), as the seed raised the server's 404.
            AISError: All other types of errors with AIStore.
        """
        check_wait_args(job_id, job_kind, timeout, allow_zero=True)
        start = time.monotonic()
        delays = poll_delays(timeout)
        polls = 0
        while True:
            missing: NotFound | None = None
            try:
                status = self.status(job_id=job_id, job_kind=job_kind, daemon_id=daemon_id)
                if status.end_time != 0:
                    return raise_if_failed(status) if raise_on_failure else status
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
            time.sleep(min(delays[min(polls, len(delays) - 1)], max(0.0, timeout - elapsed)))
            polls += 1

    def wait_for_idle(
        self, timeout: int = 300, job_id: str = "", job_kind: str = "", daemon_id: str = ""
    ) -> None:
        """Wait for a job to reach an idle state (or finish) on every target.

        Some jobs (e.g. copy or ETL of a list/range, put-copies, EC) stay alive, idle, after their
        work is done; for those, waiting for "finished" would wait for their idle timeout. Idle
        means every target reported its snapshot idle (or finished/aborted) on two consecutive
        polls.

        Args:
            timeout (int, optional): The maximum time to wait, in seconds. Default 5 minutes.
            job_id (str, optional): ID of the job.
            job_kind (str, optional): Kind of the job.
            daemon_id (str, optional): Only the job on this node.

        Raises:
            Timeout: The job did not become idle in time.
            AISError: All other types of errors with AIStore.
        """
        check_wait_args(job_id, job_kind, timeout)
        start = time.monotonic()
        delays = poll_delays(timeout)
        idle_polls = polls = 0
        while True:
            try:
                snaps = self._client._rc.run(_ops.job_snaps(job_id, job_kind, daemon_id))
                idle = all_idle(snaps)
            except NotFound:
                idle = True  # nothing matched: nothing is running
            idle_polls = idle_polls + 1 if idle else 0
            if idle_polls >= 2:
                return
            elapsed = time.monotonic() - start
            if elapsed > timeout:
                raise Timeout(
                    "wait for job to become idle", f"job {job_id or job_kind} busy after {timeout}s"
                )
            time.sleep(min(delays[min(polls, len(delays) - 1)], max(0.0, timeout - elapsed)))
            polls += 1

    def start(
        self, job_kind: str = "", daemon_id: str = "", force: bool = False, buckets: list[Bck] | None = None
    ) -> str:
        """Start a job and return its ID.

        Args:
            job_kind (str, optional): Kind of the job (for supported kinds, see api/apc/const.go).
                Empty - all kinds.
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
        return self._client._rc.run(_ops.start_job(job_kind, daemon_id, force, buckets))
