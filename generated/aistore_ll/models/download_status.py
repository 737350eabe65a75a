from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.download_status_download_errors_item import (
        DownloadStatusDownloadErrorsItem,
    )
    from ..models.download_task import DownloadTask


T = TypeVar("T", bound="DownloadStatus")


@_attrs_define
class DownloadStatus:
    """`DownloadJob` plus its tasks (`dload.StatusResp`).

    Attributes:
        id (str):
        xaction_id (str):
        finished_cnt (int):
        error_cnt (int):
        total (int):
        all_dispatched (bool):
        aborted (bool):
        description (str | Unset):
        started_time (str | Unset):
        finished_time (str | Unset):
        scheduled_cnt (int | Unset):
        skipped_cnt (int | Unset):
        current_tasks (list[DownloadTask] | Unset):
        finished_tasks (list[DownloadTask] | Unset):
        download_errors (list[DownloadStatusDownloadErrorsItem] | Unset):
    """

    id: str
    xaction_id: str
    finished_cnt: int
    error_cnt: int
    total: int
    all_dispatched: bool
    aborted: bool
    description: str | Unset = UNSET
    started_time: str | Unset = UNSET
    finished_time: str | Unset = UNSET
    scheduled_cnt: int | Unset = UNSET
    skipped_cnt: int | Unset = UNSET
    current_tasks: list[DownloadTask] | Unset = UNSET
    finished_tasks: list[DownloadTask] | Unset = UNSET
    download_errors: list[DownloadStatusDownloadErrorsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        xaction_id = self.xaction_id

        finished_cnt = self.finished_cnt

        error_cnt = self.error_cnt

        total = self.total

        all_dispatched = self.all_dispatched

        aborted = self.aborted

        description = self.description

        started_time = self.started_time

        finished_time = self.finished_time

        scheduled_cnt = self.scheduled_cnt

        skipped_cnt = self.skipped_cnt

        current_tasks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.current_tasks, Unset):
            current_tasks = []
            for current_tasks_item_data in self.current_tasks:
                current_tasks_item = current_tasks_item_data.to_dict()
                current_tasks.append(current_tasks_item)

        finished_tasks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.finished_tasks, Unset):
            finished_tasks = []
            for finished_tasks_item_data in self.finished_tasks:
                finished_tasks_item = finished_tasks_item_data.to_dict()
                finished_tasks.append(finished_tasks_item)

        download_errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.download_errors, Unset):
            download_errors = []
            for download_errors_item_data in self.download_errors:
                download_errors_item = download_errors_item_data.to_dict()
                download_errors.append(download_errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "xaction_id": xaction_id,
                "finished_cnt": finished_cnt,
                "error_cnt": error_cnt,
                "total": total,
                "all_dispatched": all_dispatched,
                "aborted": aborted,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if started_time is not UNSET:
            field_dict["started_time"] = started_time
        if finished_time is not UNSET:
            field_dict["finished_time"] = finished_time
        if scheduled_cnt is not UNSET:
            field_dict["scheduled_cnt"] = scheduled_cnt
        if skipped_cnt is not UNSET:
            field_dict["skipped_cnt"] = skipped_cnt
        if current_tasks is not UNSET:
            field_dict["current_tasks"] = current_tasks
        if finished_tasks is not UNSET:
            field_dict["finished_tasks"] = finished_tasks
        if download_errors is not UNSET:
            field_dict["download_errors"] = download_errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.download_status_download_errors_item import (
            DownloadStatusDownloadErrorsItem,
        )
        from ..models.download_task import DownloadTask

        d = dict(src_dict)
        id = d.pop("id")

        xaction_id = d.pop("xaction_id")

        finished_cnt = d.pop("finished_cnt")

        error_cnt = d.pop("error_cnt")

        total = d.pop("total")

        all_dispatched = d.pop("all_dispatched")

        aborted = d.pop("aborted")

        description = d.pop("description", UNSET)

        started_time = d.pop("started_time", UNSET)

        finished_time = d.pop("finished_time", UNSET)

        scheduled_cnt = d.pop("scheduled_cnt", UNSET)

        skipped_cnt = d.pop("skipped_cnt", UNSET)

        _current_tasks = d.pop("current_tasks", UNSET)
        current_tasks: list[DownloadTask] | Unset = UNSET
        if _current_tasks is not UNSET:
            current_tasks = []
            for current_tasks_item_data in _current_tasks:
                current_tasks_item = DownloadTask.from_dict(current_tasks_item_data)

                current_tasks.append(current_tasks_item)

        _finished_tasks = d.pop("finished_tasks", UNSET)
        finished_tasks: list[DownloadTask] | Unset = UNSET
        if _finished_tasks is not UNSET:
            finished_tasks = []
            for finished_tasks_item_data in _finished_tasks:
                finished_tasks_item = DownloadTask.from_dict(finished_tasks_item_data)

                finished_tasks.append(finished_tasks_item)

        _download_errors = d.pop("download_errors", UNSET)
        download_errors: list[DownloadStatusDownloadErrorsItem] | Unset = UNSET
        if _download_errors is not UNSET:
            download_errors = []
            for download_errors_item_data in _download_errors:
                download_errors_item = DownloadStatusDownloadErrorsItem.from_dict(
                    download_errors_item_data
                )

                download_errors.append(download_errors_item)

        download_status = cls(
            id=id,
            xaction_id=xaction_id,
            finished_cnt=finished_cnt,
            error_cnt=error_cnt,
            total=total,
            all_dispatched=all_dispatched,
            aborted=aborted,
            description=description,
            started_time=started_time,
            finished_time=finished_time,
            scheduled_cnt=scheduled_cnt,
            skipped_cnt=skipped_cnt,
            current_tasks=current_tasks,
            finished_tasks=finished_tasks,
            download_errors=download_errors,
        )

        download_status.additional_properties = d
        return download_status

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
