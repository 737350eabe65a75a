from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.cluster_sys_info_proxy import ClusterSysInfoProxy
    from ..models.cluster_sys_info_target import ClusterSysInfoTarget


T = TypeVar("T", bound="ClusterSysInfo")


@_attrs_define
class ClusterSysInfo:
    """`apc.ClusterSysInfo` (`what=sysinfo` on `/v1/cluster`): `MemCPUInfo` by node id.

    Attributes:
        proxy (ClusterSysInfoProxy):
        target (ClusterSysInfoTarget):
    """

    proxy: ClusterSysInfoProxy
    target: ClusterSysInfoTarget

    def to_dict(self) -> dict[str, Any]:
        proxy = self.proxy.to_dict()

        target = self.target.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "proxy": proxy,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cluster_sys_info_proxy import ClusterSysInfoProxy
        from ..models.cluster_sys_info_target import ClusterSysInfoTarget

        d = dict(src_dict)
        proxy = ClusterSysInfoProxy.from_dict(d.pop("proxy"))

        target = ClusterSysInfoTarget.from_dict(d.pop("target"))

        cluster_sys_info = cls(
            proxy=proxy,
            target=target,
        )

        return cluster_sys_info
