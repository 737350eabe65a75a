from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.node_capacity_mountpaths_type_0 import NodeCapacityMountpathsType0


T = TypeVar("T", bound="NodeCapacity")


@_attrs_define
class NodeCapacity:
    """Capacity of a node (`fs.Tcdf`); proxies have `mountpaths` null and zero totals.

    Attributes:
        mountpaths (NodeCapacityMountpathsType0 | None): By mountpath.
        total_used (str): uint64 as a string
        total_avail (str): uint64 as a string
        pct_max (int):
        pct_avg (int):
        pct_min (int):
        cs_err (str | Unset):
    """

    mountpaths: NodeCapacityMountpathsType0 | None
    total_used: str
    total_avail: str
    pct_max: int
    pct_avg: int
    pct_min: int
    cs_err: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.node_capacity_mountpaths_type_0 import NodeCapacityMountpathsType0

        mountpaths: dict[str, Any] | None
        if isinstance(self.mountpaths, NodeCapacityMountpathsType0):
            mountpaths = self.mountpaths.to_dict()
        else:
            mountpaths = self.mountpaths

        total_used = self.total_used

        total_avail = self.total_avail

        pct_max = self.pct_max

        pct_avg = self.pct_avg

        pct_min = self.pct_min

        cs_err = self.cs_err

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mountpaths": mountpaths,
                "total_used": total_used,
                "total_avail": total_avail,
                "pct_max": pct_max,
                "pct_avg": pct_avg,
                "pct_min": pct_min,
            }
        )
        if cs_err is not UNSET:
            field_dict["cs_err"] = cs_err

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_capacity_mountpaths_type_0 import NodeCapacityMountpathsType0

        d = dict(src_dict)

        def _parse_mountpaths(data: object) -> NodeCapacityMountpathsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mountpaths_type_0 = NodeCapacityMountpathsType0.from_dict(data)

                return mountpaths_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NodeCapacityMountpathsType0 | None, data)

        mountpaths = _parse_mountpaths(d.pop("mountpaths"))

        total_used = d.pop("total_used")

        total_avail = d.pop("total_avail")

        pct_max = d.pop("pct_max")

        pct_avg = d.pop("pct_avg")

        pct_min = d.pop("pct_min")

        cs_err = d.pop("cs_err", UNSET)

        node_capacity = cls(
            mountpaths=mountpaths,
            total_used=total_used,
            total_avail=total_avail,
            pct_max=pct_max,
            pct_avg=pct_avg,
            pct_min=pct_min,
            cs_err=cs_err,
        )

        node_capacity.additional_properties = d
        return node_capacity

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
