from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BsummResultObjCount")


@_attrs_define
class BsummResultObjCount:
    """
    Attributes:
        obj_count_present (str):
        obj_count_remote (str):
    """

    obj_count_present: str
    obj_count_remote: str

    def to_dict(self) -> dict[str, Any]:
        obj_count_present = self.obj_count_present

        obj_count_remote = self.obj_count_remote

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "obj_count_present": obj_count_present,
                "obj_count_remote": obj_count_remote,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        obj_count_present = d.pop("obj_count_present")

        obj_count_remote = d.pop("obj_count_remote")

        bsumm_result_obj_count = cls(
            obj_count_present=obj_count_present,
            obj_count_remote=obj_count_remote,
        )

        return bsumm_result_obj_count
