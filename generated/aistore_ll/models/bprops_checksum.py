from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BpropsChecksum")


@_attrs_define
class BpropsChecksum:
    """
    Attributes:
        type_ (str | Unset):
        validate_cold_get (bool | Unset):
        validate_warm_get (bool | Unset):
        validate_obj_move (bool | Unset):
        enable_read_range (bool | Unset):
    """

    type_: str | Unset = UNSET
    validate_cold_get: bool | Unset = UNSET
    validate_warm_get: bool | Unset = UNSET
    validate_obj_move: bool | Unset = UNSET
    enable_read_range: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        validate_cold_get = self.validate_cold_get

        validate_warm_get = self.validate_warm_get

        validate_obj_move = self.validate_obj_move

        enable_read_range = self.enable_read_range

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if validate_cold_get is not UNSET:
            field_dict["validate_cold_get"] = validate_cold_get
        if validate_warm_get is not UNSET:
            field_dict["validate_warm_get"] = validate_warm_get
        if validate_obj_move is not UNSET:
            field_dict["validate_obj_move"] = validate_obj_move
        if enable_read_range is not UNSET:
            field_dict["enable_read_range"] = enable_read_range

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        validate_cold_get = d.pop("validate_cold_get", UNSET)

        validate_warm_get = d.pop("validate_warm_get", UNSET)

        validate_obj_move = d.pop("validate_obj_move", UNSET)

        enable_read_range = d.pop("enable_read_range", UNSET)

        bprops_checksum = cls(
            type_=type_,
            validate_cold_get=validate_cold_get,
            validate_warm_get=validate_warm_get,
            validate_obj_move=validate_obj_move,
            enable_read_range=enable_read_range,
        )

        bprops_checksum.additional_properties = d
        return bprops_checksum

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
