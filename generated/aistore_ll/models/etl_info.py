from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.etl_info_stage import ETLInfoStage, check_etl_info_stage

T = TypeVar("T", bound="ETLInfo")


@_attrs_define
class ETLInfo:
    """
    Attributes:
        id (str): ETL name.
        stage (ETLInfoStage):
        xaction_id (str):
        obj_count (int):
        in_bytes (int):
        out_bytes (int):
    """

    id: str
    stage: ETLInfoStage
    xaction_id: str
    obj_count: int
    in_bytes: int
    out_bytes: int

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        stage: str = self.stage

        xaction_id = self.xaction_id

        obj_count = self.obj_count

        in_bytes = self.in_bytes

        out_bytes = self.out_bytes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "stage": stage,
                "xaction_id": xaction_id,
                "obj_count": obj_count,
                "in_bytes": in_bytes,
                "out_bytes": out_bytes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        stage = check_etl_info_stage(d.pop("stage"))

        xaction_id = d.pop("xaction_id")

        obj_count = d.pop("obj_count")

        in_bytes = d.pop("in_bytes")

        out_bytes = d.pop("out_bytes")

        etl_info = cls(
            id=id,
            stage=stage,
            xaction_id=xaction_id,
            obj_count=obj_count,
            in_bytes=in_bytes,
            out_bytes=out_bytes,
        )

        return etl_info
