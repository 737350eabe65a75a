from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ETLObjError")


@_attrs_define
class ETLObjError:
    """
    Attributes:
        obj_name (str):
        msg (str):
        ecode (int):
    """

    obj_name: str
    msg: str
    ecode: int

    def to_dict(self) -> dict[str, Any]:
        obj_name = self.obj_name

        msg = self.msg

        ecode = self.ecode

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "obj_name": obj_name,
                "msg": msg,
                "ecode": ecode,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        obj_name = d.pop("obj_name")

        msg = d.pop("msg")

        ecode = d.pop("ecode")

        etl_obj_error = cls(
            obj_name=obj_name,
            msg=msg,
            ecode=ecode,
        )

        return etl_obj_error
