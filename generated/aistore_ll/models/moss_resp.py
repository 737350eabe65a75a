from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.moss_out import MossOut


T = TypeVar("T", bound="MossResp")


@_attrs_define
class MossResp:
    """Get-Batch metadata (`apc.MossResp`), the multipart answer's first part.

    Attributes:
        uuid (str): Id of the x-moss job (`gbt-...`).
        out (list[MossOut]):
    """

    uuid: str
    out: list[MossOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = self.uuid

        out = []
        for out_item_data in self.out:
            out_item = out_item_data.to_dict()
            out.append(out_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "out": out,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.moss_out import MossOut

        d = dict(src_dict)
        uuid = d.pop("uuid")

        out = []
        _out = d.pop("out")
        for out_item_data in _out:
            out_item = MossOut.from_dict(out_item_data)

            out.append(out_item)

        moss_resp = cls(
            uuid=uuid,
            out=out,
        )

        moss_resp.additional_properties = d
        return moss_resp

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
