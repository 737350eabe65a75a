"""The job waits as pure steps (``job._FinishWait`` / ``job._IdleWait``), on a fake clock.

``Job`` and ``AsyncJob`` only poll and sleep what these steps say; the decisions are tested here
without a cluster (tests/integration/test_job.py runs the drivers on the real one).
"""

from __future__ import annotations

import pytest

from aistore_hl import job
from aistore_hl.errors import InvalidRequest, JobFailed, NotFound, Timeout
from aistore_hl.types import JobStatus


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(job.time, "monotonic", c)
    return c


RUNNING = JobStatus(uuid="j1", kind="copy-bck")
DONE = JobStatus(uuid="j1", kind="copy-bck", end_time=5)
FAILED = JobStatus(uuid="j1", kind="copy-bck", end_time=5, err="boom")


def test_finish_wait_polls_until_the_job_ends(clock: Clock) -> None:
    w = job._FinishWait("j1", "", 10, raise_on_failure=False)
    assert w.on_status(RUNNING) is None
    delays = [w.next_delay() for _ in range(8)]
    assert delays[0] == 0.05 and max(delays) <= 1.0 and delays == sorted(delays)  # fast, then backs off
    assert w.on_status(FAILED) is FAILED  # failures are returned unless asked to raise


def test_finish_wait_raises_job_failed_when_asked(clock: Clock) -> None:
    w = job._FinishWait("j1", "", 10, raise_on_failure=True)
    with pytest.raises(JobFailed) as info:
        w.on_status(FAILED)
    assert info.value.status is FAILED
    assert w.on_status(DONE) is DONE


def test_finish_wait_times_out_and_never_sleeps_past_the_timeout(clock: Clock) -> None:
    w = job._FinishWait("j1", "", 2, raise_on_failure=False)
    clock.now += 1.99
    assert w.next_delay() <= 0.01 + 1e-9
    clock.now += 0.01
    with pytest.raises(Timeout):
        w.next_delay()


def test_finish_wait_forgives_a_missing_job_only_for_the_grace(clock: Clock) -> None:
    w = job._FinishWait("j1", "", 60, raise_on_failure=False)
    w.on_missing(NotFound(404, "no such job"))  # just started: poll again
    clock.now += job._NOT_FOUND_GRACE + 0.1
    with pytest.raises(NotFound):
        w.on_missing(NotFound(404, "no such job"))


def test_finish_wait_at_the_timeout_raises_the_404_it_saw(clock: Clock) -> None:
    w = job._FinishWait("j1", "", 0, raise_on_failure=False)  # 0: poll once, as in the seed
    w.on_missing(NotFound(404, "no such job"))
    with pytest.raises(NotFound):
        w.next_delay()


def test_waits_check_their_arguments_before_any_poll() -> None:
    with pytest.raises(InvalidRequest):
        job._FinishWait("", "", 10, raise_on_failure=False)
    with pytest.raises(ValueError):
        job._IdleWait("j1", "", 0)  # wait_for_idle needs two polls: 0 could never succeed


def test_idle_wait_needs_two_idle_polls_in_a_row(clock: Clock) -> None:
    busy = {"t1": [{"is_idle": False, "end-time": "0001-01-01T00:00:00Z"}]}
    idle = {"t1": [{"is_idle": True}]}
    w = job._IdleWait("j1", "", 10)
    assert not w.on_snaps(idle)
    assert not w.on_snaps(busy)  # the count starts again
    assert not w.on_snaps(idle)
    assert w.on_snaps(None)  # 404: nothing matched, nothing runs
    clock.now += 10.5
    with pytest.raises(Timeout):
        w.next_delay()
