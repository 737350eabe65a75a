from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DownloadTask")


@_attrs_define
class DownloadTask:
    """
    Attributes:
        name (str):
        downloaded (str): int64 as a string
        total (str | Unset):
        start_time (str | Unset):
        end_time (str | Unset):
    """

    name: str
    downloaded: str
    total: str | Unset = UNSET
    start_time: str | Unset = UNSET
    end_time: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        downloaded = self.downloaded

        total = self.total

        start_time = self.start_time

        end_time = self.end_time

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "downloaded": downloaded,
            }
        )
        if total is not UNSET:
            field_dict["total"] = total
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        downloaded = d.pop("downloaded")

        total = d.pop("total", UNSET)

        start_time = d.pop("start_time", UNSET)

        end_time = d.pop("end_time", UNSET)

        download_task = cls(
            name=name,
            downloaded=downloaded,
            total=total,
            start_time=start_time,
            end_time=end_time,
        )

        return download_task
