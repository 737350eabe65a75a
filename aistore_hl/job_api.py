"""Jobs beyond the seed: list running / all jobs, abort, per-target details, and ``wait`` for any
kind (idle-based or terminal, as the server's job kind requires). Sync and async drivers over
the same plans (``_plans_api``) and the same pure decisions (``wait_mode``, ``JobDetails``).
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from aistore_hl import _ops, _plans_api
from aistore_hl.errors import InvalidArgument, NotFound, Timeout
from aistore_hl.job import JobFailed, _Wait, check_wait_args
from aistore_hl.types import Bck, JobStatus

if TYPE_CHECKING:
    from aistore_hl.client import AsyncClient, Client
    from aistore_hl.job import AsyncJob, Job

__all__ = [
    "IDLE_KINDS",
    "JobDetails",
    "JobSnap",
    "idles_before_finishing",
]

#: Kinds that go idle between requests instead of finishing (Go ``xact.Table``'s ``Idles``, as
#: today's official SDK mirrors it in ``xact_const.IDLE_KINDS``): ``wait`` waits for idle on
#: these, and for the end on every other kind.
IDLE_KINDS: Final = frozenset(
    {
        "ec-get",
        "ec-put",
        "ec-resp",
        "put-copies",
        "archive",
        "copy-listrange",
        "etl-listrange",
        "download",
        "list",
        "get-batch",
    }
)


def idles_before_finishing(kind: str) -> bool:
    """True if jobs of ``kind`` idle between requests instead of terminating."""
    return kind in IDLE_KINDS


def _time(value: Any) -> datetime.datetime | None:
    """An RFC 3339 time with nanoseconds (Go's ``time.Time``); None for Go's zero time."""
    s = str(value or "")
    if not s or s.startswith("0001-"):
        return None
    date, _, frac = s.partition(".")
    if frac:  # Python parses at most microseconds: keep 6 digits, then the zone
        digits = "".join(c for c in frac if c.isdigit())
        zone = frac[len(digits) :]
        s = f"{date}.{digits[:6]}{zone}"
    try:
        return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None


def _bck(value: Any) -> Bck | None:
    if not isinstance(value, Mapping) or not value.get("name"):
        return None
    return Bck.from_json(value)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@dataclass(frozen=True, slots=True)
class JobSnap:
    """One target's snapshot of a job (``core.Snap``, from ``what=qryxstats``).

    Attributes:
        id: The job id.
        kind: The job kind (``"copy-bck"``, ``"archive"``...).
        node: The id of the target that reported it.
        bck: The bucket the job works on (None if none), ``src_bck`` / ``dst_bck`` for copies.
        start_time: When it started on this target; ``end_time`` None while it runs.
        aborted: Whether it was aborted; ``abort_err`` why.
        is_idle: Whether it is idle (idle kinds linger idle after their work).
        err: The error it ended with ("" if none).
        objs, bytes: Objects and bytes processed locally (``loc-*``); ``in_*`` / ``out_*``
            received from and sent to other targets.
        ctlmsg: The target's one-line description of the job.
        raw: The snapshot as the server sent it (every other field, e.g. ``ext``).
    """

    id: str
    kind: str
    node: str
    bck: Bck | None = None
    src_bck: Bck | None = None
    dst_bck: Bck | None = None
    start_time: datetime.datetime | None = None
    end_time: datetime.datetime | None = None
    aborted: bool = False
    abort_err: str = ""
    is_idle: bool = False
    err: str = ""
    objs: int = 0
    bytes: int = 0
    in_objs: int = 0
    in_bytes: int = 0
    out_objs: int = 0
    out_bytes: int = 0
    ctlmsg: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_finished(self) -> bool:
        """True once it ended on this target."""
        return self.end_time is not None

    @classmethod
    def from_json(cls, node: str, d: Mapping[str, Any]) -> JobSnap:
        """Build from one ``core.Snap`` JSON object reported by target ``node``."""
        stats = d.get("stats") or {}
        return cls(
            id=str(d.get("id") or ""),
            kind=str(d.get("kind") or ""),
            node=node,
            bck=_bck(d.get("bck")),
            src_bck=_bck(d.get("src-bck")),
            dst_bck=_bck(d.get("dst-bck")),
            start_time=_time(d.get("start-time")),
            end_time=_time(d.get("end-time")),
            aborted=bool(d.get("aborted")),
            abort_err=str(d.get("abort-err") or ""),
            is_idle=bool(d.get("is_idle")),
            err=str(d.get("err") or ""),
            objs=_int(stats.get("loc-objs")),
            bytes=_int(stats.get("loc-bytes")),
            in_objs=_int(stats.get("in-objs")),
            in_bytes=_int(stats.get("in-bytes")),
            out_objs=_int(stats.get("out-objs")),
            out_bytes=_int(stats.get("out-bytes")),
            ctlmsg=str(d.get("ctlmsg") or ""),
            raw=dict(d),
        )


@dataclass(frozen=True, slots=True)
class JobDetails:
    """A job's snapshots on every target (``Job.get_details``), with aggregates.

    Attributes:
        snaps: ``{target id: [JobSnap, ...]}``.
    """

    snaps: Mapping[str, list[JobSnap]]

    @classmethod
    def from_json(cls, d: dict[str, list[dict[str, Any]]]) -> JobDetails:
        """Build from the ``what=qryxstats`` answer (``{target id: [snap, ...]}``)."""
        return cls({tid: [JobSnap.from_json(tid, s) for s in (v or [])] for tid, v in d.items()})

    def list_snapshots(self) -> list[JobSnap]:
        """Every snapshot, target by target."""
        return [s for v in self.snaps.values() for s in v]

    @property
    def kind(self) -> str:
        """The kind of the job ("" if no target reported it)."""
        return next((s.kind for s in self.list_snapshots() if s.kind), "")

    def all_idle(self) -> bool:
        """True when every snapshot is idle, finished or aborted."""
        return all(s.is_idle or s.aborted or s.is_finished for s in self.list_snapshots())

    @property
    def is_finished(self) -> bool:
        """True when every target reported the job ended (and at least one reported it)."""
        snaps = self.list_snapshots()
        return bool(snaps) and all(s.is_finished or s.aborted for s in snaps)

    @property
    def aborted(self) -> bool:
        """True if any target aborted it."""
        return any(s.aborted for s in self.list_snapshots())

    @property
    def errors(self) -> list[str]:
        """The non-empty errors of the targets."""
        return [e for s in self.list_snapshots() for e in (s.err, s.abort_err) if e]

    @property
    def objs(self) -> int:
        """Objects processed, summed over targets (``loc-objs``)."""
        return sum(s.objs for s in self.list_snapshots())

    @property
    def bytes(self) -> int:
        """Bytes processed, summed over targets (``loc-bytes``)."""
        return sum(s.bytes for s in self.list_snapshots())

    @property
    def start_time(self) -> datetime.datetime | None:
        """The earliest start over targets."""
        times = [s.start_time for s in self.list_snapshots() if s.start_time is not None]
        return min(times) if times else None

    @property
    def end_time(self) -> datetime.datetime | None:
        """The latest end over targets, once every target ended (else None)."""
        if not self.is_finished:
            return None
        times = [s.end_time for s in self.list_snapshots() if s.end_time is not None]
        return max(times) if times else None

    def get_total_time(self) -> datetime.timedelta | None:
        """Time from the first start to the last end (None while running)."""
        start, end = self.start_time, self.end_time
        return end - start if start is not None and end is not None else None


def check_abort_args(job_id: str, job_kind: str) -> None:
    # An empty "stop" would abort every job of the cluster: never send one by accident.
    if not isinstance(job_id, str) or not isinstance(job_kind, str):
        raise InvalidArgument((job_id, job_kind), "job_id and job_kind must be str", param="job_id")
    if not job_id and not job_kind:
        raise InvalidArgument("", "give job_id or job_kind of the job(s) to abort", param="job_id")


def check_details_args(job_id: str, job_kind: str) -> None:
    if not job_id and not job_kind:
        raise InvalidArgument("", "give job_id or job_kind", param="job_id")


#: Kinds that end but have no ``what=status`` record (404 ``x-[...] does not exist``): waited for
#: through their snapshots, as the idle kinds (a finished snapshot counts as idle).
SNAPSHOT_KINDS: Final = frozenset({"blob-download"})


def wait_mode(kind: str) -> str:
    """``"idle"`` or ``"end"``: how ``wait`` decides that a job of ``kind`` is done."""
    return "idle" if idles_before_finishing(kind) or kind in SNAPSHOT_KINDS else "end"


def idle_status(job_id: str, details: JobDetails, raise_on_failure: bool) -> JobStatus:
    """The ``JobStatus`` of an idle-kind job, from its snapshots: the server keeps no
    ``what=status`` record of those (a 404 ``x-[tco-...] does not exist``)."""
    end = details.end_time
    status = JobStatus(
        uuid=job_id or next((s.id for s in details.list_snapshots()), ""),
        err="; ".join(details.errors),
        end_time=int(end.timestamp() * 1e9) if end is not None else 0,
        aborted=details.aborted,
        kind=details.kind,
        is_idle=details.all_idle(),
    )
    if raise_on_failure and (status.aborted or status.err):
        raise JobFailed(status)
    return status


# -- official SDK 2.0: single-node wait, total time, time window (pure) ----------------------------
class SingleNodeWait(_Wait):
    """``Job.wait_single_node`` as pure steps: done once any snapshot is finished or aborted."""

    def __init__(self, job_id: str, job_kind: str, timeout: float, verbose: bool = False) -> None:
        check_wait_args(job_id, job_kind, timeout)
        super().__init__(job_id, job_kind, timeout, verbose)
        self.job_id = job_id

    def on_details(self, details: JobDetails | None, raise_on_failure: bool) -> JobStatus | None:
        """The final status once a node reports the job done, else None (poll again).

        ``None`` details: no node reports it yet (404 or no snapshots).
        """
        snaps = details.list_snapshots() if details is not None else []
        done = [s for s in snaps if s.is_finished or s.aborted or s.abort_err]
        if details is None or not done:
            self.log("no snapshot yet" if not snaps else "running")
            return None
        self.log("finished")
        ends = [s.end_time for s in done if s.end_time is not None]
        end = max(ends) if ends else None
        errs = [e for s in done for e in (s.err, s.abort_err) if e]
        status = JobStatus(
            uuid=self.job_id or done[0].id,
            err="; ".join(errs),
            end_time=int(end.timestamp() * 1e9) if end is not None else 0,
            aborted=any(s.aborted for s in done),
            kind=done[0].kind,
            is_idle=details.all_idle(),
        )
        if raise_on_failure and (status.aborted or status.err):
            raise JobFailed(status)
        return status

    def next_delay(self) -> float:
        """Seconds to sleep before the next poll; raises ``Timeout`` past the timeout."""
        elapsed = time.monotonic() - self.start
        if elapsed > self.timeout:
            raise Timeout("wait for single-node job", f"job {self.job} not finished after {self.timeout}s")
        return self._sleep_for(elapsed)


def total_time(details: JobDetails) -> datetime.timedelta | None:
    """The official SDK's ``get_total_time``: the latest end minus the earliest start.

    None if no snapshot, if any snapshot has not ended (aborted ones included: no end time), or if
    none has a start time.
    """
    snaps = details.list_snapshots()
    if not snaps or any(s.end_time is None for s in snaps):
        return None
    starts = [s.start_time for s in snaps if s.start_time is not None]
    if not starts:
        return None
    return max(s.end_time for s in snaps if s.end_time is not None) - min(starts)


def _aware(value: Any, param: str) -> datetime.datetime:
    if not isinstance(value, datetime.datetime):
        raise InvalidArgument(value, "must be a datetime.datetime", param=param)
    return value if value.tzinfo is not None else value.astimezone()  # naive: local time


def check_timeframe(
    start_time: Any, end_time: Any = None
) -> tuple[datetime.datetime, datetime.datetime | None]:
    """The window of ``get_within_timeframe``, timezone-aware (a naive time is local time)."""
    start = _aware(start_time, "start_time")
    end = None if end_time is None else _aware(end_time, "end_time")
    return start, end


def within_timeframe(
    details: JobDetails,
    job_id: str,
    job_kind: str,
    start_time: datetime.datetime,
    end_time: datetime.datetime | None = None,
) -> list[JobSnap]:
    """Snapshots of job ``job_id`` or of kind ``job_kind`` that started at or after ``start_time``
    and, with ``end_time``, ended at or before it (a running job has not ended: left out; the
    official SDK compares Go's zero time there and so keeps it)."""
    found = []
    for s in details.list_snapshots():
        if not ((job_id and s.id == job_id) or (job_kind and s.kind == job_kind)):
            continue
        if s.start_time is None or s.start_time < start_time:
            continue
        if end_time is not None and (s.end_time is None or s.end_time > end_time):
            continue
        found.append(s)
    return found


# -- sync ------------------------------------------------------------------------------------------
def list_jobs_status(
    client: Client, job_kind: str = "", target_id: str = "", only_running: bool = False
) -> list[JobStatus]:
    """Sync driver of ``Cluster.list_jobs_status``."""
    return client._rc.run(_plans_api.jobs_status(job_kind, target_id, only_running))


def list_running_jobs(client: Client, job_kind: str = "", target_id: str = "") -> list[str]:
    """Sync driver of ``Cluster.list_running_jobs``."""
    return client._rc.run(_plans_api.running_jobs(job_kind, target_id))


def abort(client: Client, job_id: str = "", job_kind: str = "") -> None:
    """Sync driver of ``Job.abort``."""
    check_abort_args(job_id, job_kind)
    client._rc.run(_plans_api.abort_job(job_id, job_kind))


def get_details(client: Client, job_id: str = "", job_kind: str = "", daemon_id: str = "") -> JobDetails:
    """Sync driver of ``Job.get_details``."""
    check_details_args(job_id, job_kind)
    return JobDetails.from_json(client._rc.run(_ops.job_snaps(job_id, job_kind, daemon_id)))


def wait(
    job: Job,
    job_id: str,
    job_kind: str,
    daemon_id: str,
    timeout: int,
    raise_on_failure: bool,
    verbose: bool = False,
) -> JobStatus:
    """Sync driver of ``Job.wait``: resolve the kind, then wait for idle or for the end."""
    kind = job_kind
    if not kind and job_id:
        try:
            kind = get_details(job.client, job_id, "", daemon_id).kind
        except NotFound:
            kind = ""  # not reported yet (just started) or gone: wait for the end
    if wait_mode(kind) == "end":
        return job.wait_for_job(
            job_id, job_kind, daemon_id, timeout, raise_on_failure=raise_on_failure, verbose=verbose
        )
    job.wait_for_idle(timeout, job_id, job_kind, daemon_id, verbose=verbose)
    return idle_status(job_id, get_details(job.client, job_id, job_kind, daemon_id), raise_on_failure)


# -- async -----------------------------------------------------------------------------------------
async def alist_jobs_status(
    client: AsyncClient, job_kind: str = "", target_id: str = "", only_running: bool = False
) -> list[JobStatus]:
    """Async driver of ``AsyncCluster.list_jobs_status``."""
    return await client._rc.run(_plans_api.jobs_status(job_kind, target_id, only_running))


async def alist_running_jobs(client: AsyncClient, job_kind: str = "", target_id: str = "") -> list[str]:
    """Async driver of ``AsyncCluster.list_running_jobs``."""
    return await client._rc.run(_plans_api.running_jobs(job_kind, target_id))


async def aabort(client: AsyncClient, job_id: str = "", job_kind: str = "") -> None:
    """Async driver of ``AsyncJob.abort``."""
    check_abort_args(job_id, job_kind)
    await client._rc.run(_plans_api.abort_job(job_id, job_kind))


async def aget_details(
    client: AsyncClient, job_id: str = "", job_kind: str = "", daemon_id: str = ""
) -> JobDetails:
    """Async driver of ``AsyncJob.get_details``."""
    check_details_args(job_id, job_kind)
    return JobDetails.from_json(await client._rc.run(_ops.job_snaps(job_id, job_kind, daemon_id)))


async def await_job(
    job: AsyncJob,
    job_id: str,
    job_kind: str,
    daemon_id: str,
    timeout: int,
    raise_on_failure: bool,
    verbose: bool = False,
) -> JobStatus:
    """Async driver of ``AsyncJob.wait``."""
    kind = job_kind
    if not kind and job_id:
        try:
            kind = (await aget_details(job.client, job_id, "", daemon_id)).kind
        except NotFound:
            kind = ""
    if wait_mode(kind) == "end":
        return await job.wait_for_job(
            job_id, job_kind, daemon_id, timeout, raise_on_failure=raise_on_failure, verbose=verbose
        )
    await job.wait_for_idle(timeout, job_id, job_kind, daemon_id, verbose=verbose)
    details = await aget_details(job.client, job_id, job_kind, daemon_id)
    return idle_status(job_id, details, raise_on_failure)
