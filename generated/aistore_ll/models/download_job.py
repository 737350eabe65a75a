from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DownloadJob")


@_attrs_define
class DownloadJob:
    """A download job (`dload.Job`).

    Attributes:
        id (str):
        xaction_id (str):
        description (str):
        started_time (str):
        finished_time (str):
        finished_cnt (int):
        scheduled_cnt (int):
        skipped_cnt (int):
        error_cnt (int):
        total (int):
        all_dispatched (bool):
        aborted (bool):
    """

    id: str
    xaction_id: str
    description: str
    started_time: str
    finished_time: str
    finished_cnt: int
    scheduled_cnt: int
    skipped_cnt: int
    error_cnt: int
    total: int
    all_dispatched: bool
    aborted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        xaction_id = self.xaction_id

        description = self.description

        started_time = self.started_time

        finished_time = self.finished_time

        finished_cnt = self.finished_cnt

        scheduled_cnt = self.scheduled_cnt

        skipped_cnt = self.skipped_cnt

        error_cnt = self.error_cnt

        total = self.total

        all_dispatched = self.all_dispatched

        aborted = self.aborted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "xaction_id": xaction_id,
                "description": description,
                "started_time": started_time,
                "finished_time": finished_time,
                "finished_cnt": finished_cnt,
                "scheduled_cnt": scheduled_cnt,
                "skipped_cnt": skipped_cnt,
                "error_cnt": error_cnt,
                "total": total,
                "all_dispatched": all_dispatched,
                "aborted": aborted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        xaction_id = d.pop("xaction_id")

        description = d.pop("description")

        started_time = d.pop("started_time")

        finished_time = d.pop("finished_time")

        finished_cnt = d.pop("finished_cnt")

        scheduled_cnt = d.pop("scheduled_cnt")

        skipped_cnt = d.pop("skipped_cnt")

        error_cnt = d.pop("error_cnt")

        total = d.pop("total")

        all_dispatched = d.pop("all_dispatched")

        aborted = d.pop("aborted")

        download_job = cls(
            id=id,
            xaction_id=xaction_id,
            description=description,
            started_time=started_time,
            finished_time=finished_time,
            finished_cnt=finished_cnt,
            scheduled_cnt=scheduled_cnt,
            skipped_cnt=skipped_cnt,
            error_cnt=error_cnt,
            total=total,
            all_dispatched=all_dispatched,
            aborted=aborted,
        )

        download_job.additional_properties = d
        return download_job

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
