from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.cluster_stats_target import ClusterStatsTarget
    from ..models.node_stats import NodeStats


T = TypeVar("T", bound="ClusterStats")


@_attrs_define
class ClusterStats:
    """`stats.Cluster` (`what=node_stats` on `/v1/cluster`): the primary's and every target's `NodeStats`.

    Attributes:
        proxy (NodeStats): Performance counters and capacity of one node (`stats.Node`). `tracker`
            maps metric names (`get.n`, `put.ns`, `disk.<dev>.util`, ...; see
            `MetricNames`) to integers (counts, nanoseconds, bytes).
        target (ClusterStatsTarget): By target id.
    """

    proxy: NodeStats
    target: ClusterStatsTarget

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
        from ..models.cluster_stats_target import ClusterStatsTarget
        from ..models.node_stats import NodeStats

        d = dict(src_dict)
        proxy = NodeStats.from_dict(d.pop("proxy"))

        target = ClusterStatsTarget.from_dict(d.pop("target"))

        cluster_stats = cls(
            proxy=proxy,
            target=target,
        )

        return cluster_stats
