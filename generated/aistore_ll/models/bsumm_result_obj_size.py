from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BsummResultObjSize")


@_attrs_define
class BsummResultObjSize:
    """
    Attributes:
        obj_min_size (int):
        obj_avg_size (int):
        obj_max_size (int):
    """

    obj_min_size: int
    obj_avg_size: int
    obj_max_size: int

    def to_dict(self) -> dict[str, Any]:
        obj_min_size = self.obj_min_size

        obj_avg_size = self.obj_avg_size

        obj_max_size = self.obj_max_size

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "obj_min_size": obj_min_size,
                "obj_avg_size": obj_avg_size,
                "obj_max_size": obj_max_size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        obj_min_size = d.pop("obj_min_size")

        obj_avg_size = d.pop("obj_avg_size")

        obj_max_size = d.pop("obj_max_size")

        bsumm_result_obj_size = cls(
            obj_min_size=obj_min_size,
            obj_avg_size=obj_avg_size,
            obj_max_size=obj_max_size,
        )

        return bsumm_result_obj_size
