from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mountpath_capacity_fs import MountpathCapacityFs


T = TypeVar("T", bound="MountpathCapacity")


@_attrs_define
class MountpathCapacity:
    """One mountpath (`fs.CDF`).

    Attributes:
        fs (MountpathCapacityFs):
        disks (list[str] | None):
        used (str):
        avail (str):
        pct_used (int):
        mountpath_label (str | Unset):
    """

    fs: MountpathCapacityFs
    disks: list[str] | None
    used: str
    avail: str
    pct_used: int
    mountpath_label: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fs = self.fs.to_dict()

        disks: list[str] | None
        if isinstance(self.disks, list):
            disks = self.disks

        else:
            disks = self.disks

        used = self.used

        avail = self.avail

        pct_used = self.pct_used

        mountpath_label = self.mountpath_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fs": fs,
                "disks": disks,
                "used": used,
                "avail": avail,
                "pct_used": pct_used,
            }
        )
        if mountpath_label is not UNSET:
            field_dict["mountpath_label"] = mountpath_label

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mountpath_capacity_fs import MountpathCapacityFs

        d = dict(src_dict)
        fs = MountpathCapacityFs.from_dict(d.pop("fs"))

        def _parse_disks(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                disks_type_0 = cast(list[str], data)

                return disks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        disks = _parse_disks(d.pop("disks"))

        used = d.pop("used")

        avail = d.pop("avail")

        pct_used = d.pop("pct_used")

        mountpath_label = d.pop("mountpath_label", UNSET)

        mountpath_capacity = cls(
            fs=fs,
            disks=disks,
            used=used,
            avail=avail,
            pct_used=pct_used,
            mountpath_label=mountpath_label,
        )

        mountpath_capacity.additional_properties = d
        return mountpath_capacity

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
