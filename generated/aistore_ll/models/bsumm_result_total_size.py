from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BsummResultTotalSize")


@_attrs_define
class BsummResultTotalSize:
    """
    Attributes:
        size_on_disk (str):
        size_all_present_objs (str):
        size_all_remote_objs (str):
        total_disks_size (str):
    """

    size_on_disk: str
    size_all_present_objs: str
    size_all_remote_objs: str
    total_disks_size: str

    def to_dict(self) -> dict[str, Any]:
        size_on_disk = self.size_on_disk

        size_all_present_objs = self.size_all_present_objs

        size_all_remote_objs = self.size_all_remote_objs

        total_disks_size = self.total_disks_size

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "size_on_disk": size_on_disk,
                "size_all_present_objs": size_all_present_objs,
                "size_all_remote_objs": size_all_remote_objs,
                "total_disks_size": total_disks_size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        size_on_disk = d.pop("size_on_disk")

        size_all_present_objs = d.pop("size_all_present_objs")

        size_all_remote_objs = d.pop("size_all_remote_objs")

        total_disks_size = d.pop("total_disks_size")

        bsumm_result_total_size = cls(
            size_on_disk=size_on_disk,
            size_all_present_objs=size_all_present_objs,
            size_all_remote_objs=size_all_remote_objs,
            total_disks_size=total_disks_size,
        )

        return bsumm_result_total_size
