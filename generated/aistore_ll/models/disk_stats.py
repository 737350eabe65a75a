from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.disk_stats_all_disk_stats import DiskStatsAllDiskStats
    from ..models.disk_stats_mountpaths_type_0 import DiskStatsMountpathsType0


T = TypeVar("T", bound="DiskStats")


@_attrs_define
class DiskStats:
    """Disk utilization and capacity of a target (`fs.TcdfExt`, `what=disk`).

    Attributes:
        all_disk_stats (DiskStatsAllDiskStats): By disk (device) name.
        mountpaths (DiskStatsMountpathsType0 | None):
        cs_err (str | Unset):
        total_used (str | Unset):
        total_avail (str | Unset):
        pct_max (int | Unset):
        pct_avg (int | Unset):
        pct_min (int | Unset):
    """

    all_disk_stats: DiskStatsAllDiskStats
    mountpaths: DiskStatsMountpathsType0 | None
    cs_err: str | Unset = UNSET
    total_used: str | Unset = UNSET
    total_avail: str | Unset = UNSET
    pct_max: int | Unset = UNSET
    pct_avg: int | Unset = UNSET
    pct_min: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.disk_stats_mountpaths_type_0 import DiskStatsMountpathsType0

        all_disk_stats = self.all_disk_stats.to_dict()

        mountpaths: dict[str, Any] | None
        if isinstance(self.mountpaths, DiskStatsMountpathsType0):
            mountpaths = self.mountpaths.to_dict()
        else:
            mountpaths = self.mountpaths

        cs_err = self.cs_err

        total_used = self.total_used

        total_avail = self.total_avail

        pct_max = self.pct_max

        pct_avg = self.pct_avg

        pct_min = self.pct_min

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "AllDiskStats": all_disk_stats,
                "mountpaths": mountpaths,
            }
        )
        if cs_err is not UNSET:
            field_dict["cs_err"] = cs_err
        if total_used is not UNSET:
            field_dict["total_used"] = total_used
        if total_avail is not UNSET:
            field_dict["total_avail"] = total_avail
        if pct_max is not UNSET:
            field_dict["pct_max"] = pct_max
        if pct_avg is not UNSET:
            field_dict["pct_avg"] = pct_avg
        if pct_min is not UNSET:
            field_dict["pct_min"] = pct_min

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.disk_stats_all_disk_stats import DiskStatsAllDiskStats
        from ..models.disk_stats_mountpaths_type_0 import DiskStatsMountpathsType0

        d = dict(src_dict)
        all_disk_stats = DiskStatsAllDiskStats.from_dict(d.pop("AllDiskStats"))

        def _parse_mountpaths(data: object) -> DiskStatsMountpathsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mountpaths_type_0 = DiskStatsMountpathsType0.from_dict(data)

                return mountpaths_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DiskStatsMountpathsType0 | None, data)

        mountpaths = _parse_mountpaths(d.pop("mountpaths"))

        cs_err = d.pop("cs_err", UNSET)

        total_used = d.pop("total_used", UNSET)

        total_avail = d.pop("total_avail", UNSET)

        pct_max = d.pop("pct_max", UNSET)

        pct_avg = d.pop("pct_avg", UNSET)

        pct_min = d.pop("pct_min", UNSET)

        disk_stats = cls(
            all_disk_stats=all_disk_stats,
            mountpaths=mountpaths,
            cs_err=cs_err,
            total_used=total_used,
            total_avail=total_avail,
            pct_max=pct_max,
            pct_avg=pct_avg,
            pct_min=pct_min,
        )

        disk_stats.additional_properties = d
        return disk_stats

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
