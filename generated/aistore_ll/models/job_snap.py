from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bck import Bck
    from ..models.job_snap_ext_type_0 import JobSnapExtType0
    from ..models.job_snap_stats import JobSnapStats


T = TypeVar("T", bound="JobSnap")


@_attrs_define
class JobSnap:
    """Snapshot of a job on one target (`core.Snap`).

    Attributes:
        ext (JobSnapExtType0 | None): Deprecated, always null.
        start_time (str): RFC3339.
        end_time (str): RFC3339; `0001-01-01T00:00:00Z` while running.
        bck (Bck): Bucket identity (`cmn.Bck`).
        src_bck (Bck): Bucket identity (`cmn.Bck`).
        dst_bck (Bck): Bucket identity (`cmn.Bck`).
        id (str):
        kind (str):
        abort_err (str):
        err (str):
        glob_id (str): Packed runtime info (int64 as a string).
        stats (JobSnapStats): Job counters (int64 as strings).
        aborted (bool):
        is_idle (bool):
        ctlmsg (str | Unset):
    """

    ext: JobSnapExtType0 | None
    start_time: str
    end_time: str
    bck: Bck
    src_bck: Bck
    dst_bck: Bck
    id: str
    kind: str
    abort_err: str
    err: str
    glob_id: str
    stats: JobSnapStats
    aborted: bool
    is_idle: bool
    ctlmsg: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.job_snap_ext_type_0 import JobSnapExtType0

        ext: dict[str, Any] | None
        if isinstance(self.ext, JobSnapExtType0):
            ext = self.ext.to_dict()
        else:
            ext = self.ext

        start_time = self.start_time

        end_time = self.end_time

        bck = self.bck.to_dict()

        src_bck = self.src_bck.to_dict()

        dst_bck = self.dst_bck.to_dict()

        id = self.id

        kind = self.kind

        abort_err = self.abort_err

        err = self.err

        glob_id = self.glob_id

        stats = self.stats.to_dict()

        aborted = self.aborted

        is_idle = self.is_idle

        ctlmsg = self.ctlmsg

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ext": ext,
                "start-time": start_time,
                "end-time": end_time,
                "bck": bck,
                "src-bck": src_bck,
                "dst-bck": dst_bck,
                "id": id,
                "kind": kind,
                "abort-err": abort_err,
                "err": err,
                "glob.id": glob_id,
                "stats": stats,
                "aborted": aborted,
                "is_idle": is_idle,
            }
        )
        if ctlmsg is not UNSET:
            field_dict["ctlmsg"] = ctlmsg

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bck import Bck
        from ..models.job_snap_ext_type_0 import JobSnapExtType0
        from ..models.job_snap_stats import JobSnapStats

        d = dict(src_dict)

        def _parse_ext(data: object) -> JobSnapExtType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ext_type_0 = JobSnapExtType0.from_dict(data)

                return ext_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobSnapExtType0 | None, data)

        ext = _parse_ext(d.pop("ext"))

        start_time = d.pop("start-time")

        end_time = d.pop("end-time")

        bck = Bck.from_dict(d.pop("bck"))

        src_bck = Bck.from_dict(d.pop("src-bck"))

        dst_bck = Bck.from_dict(d.pop("dst-bck"))

        id = d.pop("id")

        kind = d.pop("kind")

        abort_err = d.pop("abort-err")

        err = d.pop("err")

        glob_id = d.pop("glob.id")

        stats = JobSnapStats.from_dict(d.pop("stats"))

        aborted = d.pop("aborted")

        is_idle = d.pop("is_idle")

        ctlmsg = d.pop("ctlmsg", UNSET)

        job_snap = cls(
            ext=ext,
            start_time=start_time,
            end_time=end_time,
            bck=bck,
            src_bck=src_bck,
            dst_bck=dst_bck,
            id=id,
            kind=kind,
            abort_err=abort_err,
            err=err,
            glob_id=glob_id,
            stats=stats,
            aborted=aborted,
            is_idle=is_idle,
            ctlmsg=ctlmsg,
        )

        return job_snap
