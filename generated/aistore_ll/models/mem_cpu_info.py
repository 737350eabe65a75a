from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mem_cpu_info_load_avg import MemCPUInfoLoadAvg


T = TypeVar("T", bound="MemCPUInfo")


@_attrs_define
class MemCPUInfo:
    """Memory and CPU usage of a node (`apc.MemCPUInfo`, `what=sysinfo`).

    Attributes:
        mem_used (int):
        mem_avail (int):
        pct_mem_used (float):
        pct_cpu_used (float):
        load_avg (MemCPUInfoLoadAvg):
        cpu_util (int):
        cpu_throttled (int | Unset):
    """

    mem_used: int
    mem_avail: int
    pct_mem_used: float
    pct_cpu_used: float
    load_avg: MemCPUInfoLoadAvg
    cpu_util: int
    cpu_throttled: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mem_used = self.mem_used

        mem_avail = self.mem_avail

        pct_mem_used = self.pct_mem_used

        pct_cpu_used = self.pct_cpu_used

        load_avg = self.load_avg.to_dict()

        cpu_util = self.cpu_util

        cpu_throttled = self.cpu_throttled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mem_used": mem_used,
                "mem_avail": mem_avail,
                "pct_mem_used": pct_mem_used,
                "pct_cpu_used": pct_cpu_used,
                "load_avg": load_avg,
                "cpu_util": cpu_util,
            }
        )
        if cpu_throttled is not UNSET:
            field_dict["cpu_throttled"] = cpu_throttled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mem_cpu_info_load_avg import MemCPUInfoLoadAvg

        d = dict(src_dict)
        mem_used = d.pop("mem_used")

        mem_avail = d.pop("mem_avail")

        pct_mem_used = d.pop("pct_mem_used")

        pct_cpu_used = d.pop("pct_cpu_used")

        load_avg = MemCPUInfoLoadAvg.from_dict(d.pop("load_avg"))

        cpu_util = d.pop("cpu_util")

        cpu_throttled = d.pop("cpu_throttled", UNSET)

        mem_cpu_info = cls(
            mem_used=mem_used,
            mem_avail=mem_avail,
            pct_mem_used=pct_mem_used,
            pct_cpu_used=pct_cpu_used,
            load_avg=load_avg,
            cpu_util=cpu_util,
            cpu_throttled=cpu_throttled,
        )

        mem_cpu_info.additional_properties = d
        return mem_cpu_info

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
