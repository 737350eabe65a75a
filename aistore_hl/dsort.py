"""dSort jobs (the official SDK 2.0's ``client.dsort()``): start, job info, abort, wait.

dSort is compiled into aisnode only with the ``dsort`` Go build tag. A default AIS 5.0 build
answers ``POST /v1/sort`` and ``DELETE /v1/sort/abort`` with 501 and a plain-text body
(``dsort not enabled (build with -tags=dsort)``), raised here as ``Unsupported``; it answers
``GET /v1/sort?uuid=...`` with 200 and an empty job *list* (``[]``), where a build with dSort
answers the job's metrics by target (an object) or 404: that answer is raised as ``Unsupported``
too (``status_code`` 200, the real status), since nothing could ever be waited for.

Pure plans and steps below; ``Dsort`` and ``AsyncDsort`` only run them.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
from aistore_ll.models.json_object import JSONObject

from aistore_hl._endpoints import Endpoint
from aistore_hl._ops import Plan
from aistore_hl._twins import twin_docs
from aistore_hl.errors import InvalidArgument, Timeout, Unsupported
from aistore_hl.job import poll_delays

if TYPE_CHECKING:
    from aistore_hl.client import AsyncClient, Client

__all__ = ["AsyncDsort", "Dsort"]

logger = logging.getLogger(__name__)

_start_dsort = Endpoint("job.start_dsort")
_list_dsort = Endpoint("job.list_dsort")
_abort_dsort = Endpoint("job.abort_dsort")

#: What a build without dSort answers to a metrics query: an empty job list.
NO_DSORT = "the cluster answered a dSort metrics query with a job list: it was built without dSort"


# -- pure: the spec, the plans, the wait -----------------------------------------------------------
def load_spec(spec: Any) -> dict[str, Any]:
    """The ``dsort.RequestSpec`` to send: a mapping as is, or a ``.json`` / ``.yaml`` file's.

    Raises:
        InvalidArgument: Not a mapping or a path; a missing file, another extension, or a file
            that does not hold a mapping (nothing is sent).
    """
    if isinstance(spec, Mapping):
        return dict(spec)
    if not isinstance(spec, str | Path):
        raise InvalidArgument(spec, "must be a dsort spec (a dict) or a .json/.yaml file path", param="spec")
    path = Path(spec)
    ext = path.suffix.lower()
    if ext not in (".json", ".yaml", ".yml"):
        raise InvalidArgument(spec, "must be a JSON or YAML file", param="spec")
    if not path.is_file():
        raise InvalidArgument(spec, "no such file", param="spec")
    text = path.read_text(encoding="utf-8")
    if ext == ".json":
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidArgument(spec, f"is no valid JSON: {exc}", param="spec") from exc
    else:
        try:
            import yaml  # type: ignore[import-untyped,unused-ignore]
        except ImportError:
            raise InvalidArgument(
                spec, "a YAML spec needs PyYAML (pip install pyyaml)", param="spec"
            ) from None
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise InvalidArgument(spec, f"is no valid YAML: {exc}", param="spec") from exc
    if not isinstance(loaded, dict):
        raise InvalidArgument(spec, "must hold a mapping", param="spec")
    return loaded


def check_id(dsort_id: Any) -> str:
    if not isinstance(dsort_id, str) or not dsort_id:
        raise InvalidArgument(
            dsort_id, "no dSort job id: start one, or pass client.dsort(dsort_id)", param="dsort_id"
        )
    return dsort_id


def _xid(resp: httpx.Response) -> str:
    return resp.text.strip()


def _none(_: httpx.Response) -> None:
    return None


def _job_info(resp: httpx.Response) -> dict[str, Any]:
    body = json.loads(resp.content) if resp.content else None
    if isinstance(body, dict):
        return body
    # A list (``[]``) answers a metrics query only on a build without dSort.
    raise Unsupported(resp.status_code, NO_DSORT, method=resp.request.method, url=str(resp.request.url))


def start_plan(spec: Mapping[str, Any]) -> Plan[str]:
    """``POST /v1/sort`` with the spec as the JSON body; the answer is the job id (text)."""
    return Plan(_start_dsort, (), {"body": JSONObject.from_dict(spec)}, _xid)


def job_info_plan(dsort_id: str) -> Plan[dict[str, Any]]:
    """``GET /v1/sort?uuid=<id>``: the job's metrics by target."""
    return Plan(_list_dsort, (), {"uuid": dsort_id}, _job_info)


def abort_plan(dsort_id: str) -> Plan[None]:
    """``DELETE /v1/sort/abort?uuid=<id>``."""
    return Plan(_abort_dsort, (), {"uuid": dsort_id}, _none)


class DsortWait:
    """``Dsort.wait`` as pure steps: done when every target finished shard creation, or any
    aborted (the official SDK's rule)."""

    def __init__(self, dsort_id: str, timeout: float, verbose: bool) -> None:
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
            raise InvalidArgument(timeout, "must be a number of seconds > 0", param="timeout")
        self.dsort_id = dsort_id
        self.timeout = timeout
        self.verbose = verbose
        self.start = time.monotonic()
        self.delays = poll_delays(timeout)
        self.polls = 0

    def done(self, info: Mapping[str, Any]) -> bool:
        """True once finished or aborted on every / any target."""
        metrics = [m.get("Metrics") or {} for m in info.values() if isinstance(m, Mapping)]
        finished = bool(metrics) and all((m.get("shard_creation") or {}).get("finished") for m in metrics)
        aborted = any(m.get("aborted") for m in metrics)
        if self.verbose:
            state = "aborted" if aborted else "finished" if finished else "running"
            logger.info("dsort job '%s': %s", self.dsort_id, state)
        return finished or aborted

    def next_delay(self) -> float:
        """Seconds to sleep before the next poll; raises ``Timeout`` past the timeout."""
        elapsed = time.monotonic() - self.start
        if elapsed > self.timeout:
            raise Timeout(f"dsort job '{self.dsort_id}'", f"not finished after {self.timeout}s")
        delay = min(self.delays[min(self.polls, len(self.delays) - 1)], max(0.0, self.timeout - elapsed))
        self.polls += 1
        return delay


# -- drivers ---------------------------------------------------------------------------------------
class Dsort:
    """dSort jobs (the official SDK 2.0's ``Dsort``; make one with ``Client.dsort()``).

    Args:
        client: The client.
        dsort_id: The dSort job this object stands for ("" until ``start``).
    """

    def __init__(self, client: Client, dsort_id: str = "") -> None:
        if not isinstance(dsort_id, str):
            raise InvalidArgument(dsort_id, "must be a str", param="dsort_id")
        self._client = client
        self._dsort_id = dsort_id

    @property
    def dsort_id(self) -> str:
        """The dSort job id ("" before ``start``)."""
        return self._dsort_id

    def start(self, spec: dict[str, Any] | str | Path) -> str:
        """Starts a dSort job (``POST /v1/sort``) and binds its id to this object.

        Args:
            spec: The ``dsort.RequestSpec`` as a dict, or the path of a JSON or YAML file holding
                it (sent unchanged, for the server to validate). The official SDK's
                ``DsortFramework`` is not supported.

        Returns:
            The dSort job id.

        Raises:
            InvalidArgument: A spec that is no mapping, or an unreadable file (nothing is sent).
            Unsupported: The cluster was built without dSort (501).
        """
        self._dsort_id = self._client._rc.run(start_plan(load_spec(spec)))
        return self._dsort_id

    def get_job_info(self) -> dict[str, Any]:
        """The job's metrics by target (``GET /v1/sort?uuid=...``), as the server sends them.

        Returns:
            ``{target id: job info}`` (``dsort.JobInfo`` JSON: ``Metrics``, ``aborted``...).

        Raises:
            InvalidArgument: No job id (nothing is sent).
            Unsupported: The cluster was built without dSort (it answers a job list).
            NotFound: No such job.
        """
        return self._client._rc.run(job_info_plan(check_id(self._dsort_id)))

    def abort(self) -> None:
        """Aborts the job (``DELETE /v1/sort/abort?uuid=...``).

        Raises:
            InvalidArgument: No job id (nothing is sent).
            Unsupported: The cluster was built without dSort (501).
        """
        self._client._rc.run(abort_plan(check_id(self._dsort_id)))

    def wait(self, timeout: int = 300, verbose: bool = False) -> dict[str, Any]:
        """Waits until the job finished shard creation on every target, or aborted.

        Args:
            timeout: Seconds to wait at most. Default 5 minutes.
            verbose: Log each poll at INFO on the ``aistore_hl.dsort`` logger.

        Returns:
            The last job info by target (check ``Metrics.aborted`` / ``Metrics.errors``).

        Raises:
            Timeout: Not done in time.
            Unsupported: The cluster was built without dSort.
        """
        wait = DsortWait(check_id(self._dsort_id), timeout, verbose)
        while True:
            info = self.get_job_info()
            if wait.done(info):
                return info
            time.sleep(wait.next_delay())


@twin_docs(Dsort)
class AsyncDsort:
    """Async twin of ``Dsort``."""

    def __init__(self, client: AsyncClient, dsort_id: str = "") -> None:
        if not isinstance(dsort_id, str):
            raise InvalidArgument(dsort_id, "must be a str", param="dsort_id")
        self._client = client
        self._dsort_id = dsort_id

    @property
    def dsort_id(self) -> str:
        """The dSort job id ("" before ``start``)."""
        return self._dsort_id

    async def start(self, spec: dict[str, Any] | str | Path) -> str:
        self._dsort_id = await self._client._rc.run(start_plan(load_spec(spec)))
        return self._dsort_id

    async def get_job_info(self) -> dict[str, Any]:
        return await self._client._rc.run(job_info_plan(check_id(self._dsort_id)))

    async def abort(self) -> None:
        await self._client._rc.run(abort_plan(check_id(self._dsort_id)))

    async def wait(self, timeout: int = 300, verbose: bool = False) -> dict[str, Any]:
        import asyncio  # here, not at the top: the sync path never loads asyncio

        wait = DsortWait(check_id(self._dsort_id), timeout, verbose)
        while True:
            info = await self.get_job_info()
            if wait.done(info):
                return info
            await asyncio.sleep(wait.next_delay())
