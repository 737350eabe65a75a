from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MountpathCapacityFs")


@_attrs_define
class MountpathCapacityFs:
    """
    Attributes:
        fs (str | Unset):
        fs_type (str | Unset):
        fs_id (str | Unset):
    """

    fs: str | Unset = UNSET
    fs_type: str | Unset = UNSET
    fs_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fs = self.fs

        fs_type = self.fs_type

        fs_id = self.fs_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if fs is not UNSET:
            field_dict["Fs"] = fs
        if fs_type is not UNSET:
            field_dict["FsType"] = fs_type
        if fs_id is not UNSET:
            field_dict["FsID"] = fs_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        fs = d.pop("Fs", UNSET)

        fs_type = d.pop("FsType", UNSET)

        fs_id = d.pop("FsID", UNSET)

        mountpath_capacity_fs = cls(
            fs=fs,
            fs_type=fs_type,
            fs_id=fs_id,
        )

        mountpath_capacity_fs.additional_properties = d
        return mountpath_capacity_fs

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
