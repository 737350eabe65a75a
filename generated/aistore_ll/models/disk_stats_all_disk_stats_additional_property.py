from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DiskStatsAllDiskStatsAdditionalProperty")


@_attrs_define
class DiskStatsAllDiskStatsAdditionalProperty:
    """
    Attributes:
        r_bps (int | Unset):
        ravg (int | Unset):
        w_bps (int | Unset):
        wavg (int | Unset):
        util (int | Unset):
    """

    r_bps: int | Unset = UNSET
    ravg: int | Unset = UNSET
    w_bps: int | Unset = UNSET
    wavg: int | Unset = UNSET
    util: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        r_bps = self.r_bps

        ravg = self.ravg

        w_bps = self.w_bps

        wavg = self.wavg

        util = self.util

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if r_bps is not UNSET:
            field_dict["RBps"] = r_bps
        if ravg is not UNSET:
            field_dict["Ravg"] = ravg
        if w_bps is not UNSET:
            field_dict["WBps"] = w_bps
        if wavg is not UNSET:
            field_dict["Wavg"] = wavg
        if util is not UNSET:
            field_dict["Util"] = util

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        r_bps = d.pop("RBps", UNSET)

        ravg = d.pop("Ravg", UNSET)

        w_bps = d.pop("WBps", UNSET)

        wavg = d.pop("Wavg", UNSET)

        util = d.pop("Util", UNSET)

        disk_stats_all_disk_stats_additional_property = cls(
            r_bps=r_bps,
            ravg=ravg,
            w_bps=w_bps,
            wavg=wavg,
            util=util,
        )

        disk_stats_all_disk_stats_additional_property.additional_properties = d
        return disk_stats_all_disk_stats_additional_property

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
