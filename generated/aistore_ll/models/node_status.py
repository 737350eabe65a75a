from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mem_cpu_info import MemCPUInfo
    from ..models.node_capacity import NodeCapacity
    from ..models.node_state_info import NodeStateInfo
    from ..models.node_status_tracker import NodeStatusTracker
    from ..models.snode import Snode


T = TypeVar("T", bound="NodeStatus")


@_attrs_define
class NodeStatus:
    """`NodeStats` plus node state (`stats.NodeStatus`, `what=node_status`).

    Attributes:
        snode (Snode): A node (proxy or target) of the cluster.
        tracker (NodeStatusTracker):
        capacity (NodeCapacity): Capacity of a node (`fs.Tcdf`); proxies have `mountpaths` null and zero totals.
        status (str):
        deployment (str):
        ais_version (str):
        cluster (NodeStateInfo): Cluster-info summary (`cos.NodeStateInfo`), `GET /v1/health?cii=true`.
        sys_info (MemCPUInfo): Memory and CPU usage of a node (`apc.MemCPUInfo`, `what=sysinfo`).
        build_time (str | Unset):
        k8s_pod_name (str | Unset):
        smap_version (str | Unset):
    """

    snode: Snode
    tracker: NodeStatusTracker
    capacity: NodeCapacity
    status: str
    deployment: str
    ais_version: str
    cluster: NodeStateInfo
    sys_info: MemCPUInfo
    build_time: str | Unset = UNSET
    k8s_pod_name: str | Unset = UNSET
    smap_version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        snode = self.snode.to_dict()

        tracker = self.tracker.to_dict()

        capacity = self.capacity.to_dict()

        status = self.status

        deployment = self.deployment

        ais_version = self.ais_version

        cluster = self.cluster.to_dict()

        sys_info = self.sys_info.to_dict()

        build_time = self.build_time

        k8s_pod_name = self.k8s_pod_name

        smap_version = self.smap_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "snode": snode,
                "tracker": tracker,
                "capacity": capacity,
                "status": status,
                "deployment": deployment,
                "ais_version": ais_version,
                "cluster": cluster,
                "sys_info": sys_info,
            }
        )
        if build_time is not UNSET:
            field_dict["build_time"] = build_time
        if k8s_pod_name is not UNSET:
            field_dict["k8s_pod_name"] = k8s_pod_name
        if smap_version is not UNSET:
            field_dict["smap_version"] = smap_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mem_cpu_info import MemCPUInfo
        from ..models.node_capacity import NodeCapacity
        from ..models.node_state_info import NodeStateInfo
        from ..models.node_status_tracker import NodeStatusTracker
        from ..models.snode import Snode

        d = dict(src_dict)
        snode = Snode.from_dict(d.pop("snode"))

        tracker = NodeStatusTracker.from_dict(d.pop("tracker"))

        capacity = NodeCapacity.from_dict(d.pop("capacity"))

        status = d.pop("status")

        deployment = d.pop("deployment")

        ais_version = d.pop("ais_version")

        cluster = NodeStateInfo.from_dict(d.pop("cluster"))

        sys_info = MemCPUInfo.from_dict(d.pop("sys_info"))

        build_time = d.pop("build_time", UNSET)

        k8s_pod_name = d.pop("k8s_pod_name", UNSET)

        smap_version = d.pop("smap_version", UNSET)

        node_status = cls(
            snode=snode,
            tracker=tracker,
            capacity=capacity,
            status=status,
            deployment=deployment,
            ais_version=ais_version,
            cluster=cluster,
            sys_info=sys_info,
            build_time=build_time,
            k8s_pod_name=k8s_pod_name,
            smap_version=smap_version,
        )

        node_status.additional_properties = d
        return node_status

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
