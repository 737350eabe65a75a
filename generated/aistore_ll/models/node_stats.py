from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.node_capacity import NodeCapacity
    from ..models.node_stats_tracker import NodeStatsTracker
    from ..models.snode import Snode


T = TypeVar("T", bound="NodeStats")


@_attrs_define
class NodeStats:
    """Performance counters and capacity of one node (`stats.Node`). `tracker`
    maps metric names (`get.n`, `put.ns`, `disk.<dev>.util`, ...; see
    `MetricNames`) to integers (counts, nanoseconds, bytes).

        Attributes:
            snode (Snode): A node (proxy or target) of the cluster.
            tracker (NodeStatsTracker):
            capacity (NodeCapacity): Capacity of a node (`fs.Tcdf`); proxies have `mountpaths` null and zero totals.
    """

    snode: Snode
    tracker: NodeStatsTracker
    capacity: NodeCapacity
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        snode = self.snode.to_dict()

        tracker = self.tracker.to_dict()

        capacity = self.capacity.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "snode": snode,
                "tracker": tracker,
                "capacity": capacity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_capacity import NodeCapacity
        from ..models.node_stats_tracker import NodeStatsTracker
        from ..models.snode import Snode

        d = dict(src_dict)
        snode = Snode.from_dict(d.pop("snode"))

        tracker = NodeStatsTracker.from_dict(d.pop("tracker"))

        capacity = NodeCapacity.from_dict(d.pop("capacity"))

        node_stats = cls(
            snode=snode,
            tracker=tracker,
            capacity=capacity,
        )

        node_stats.additional_properties = d
        return node_stats

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
