from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.cluster_mountpaths_targets import ClusterMountpathsTargets


T = TypeVar("T", bound="ClusterMountpaths")


@_attrs_define
class ClusterMountpaths:
    """Mountpaths by target id (`what=mountpaths` on `/v1/cluster`).

    Attributes:
        targets (ClusterMountpathsTargets):
    """

    targets: ClusterMountpathsTargets

    def to_dict(self) -> dict[str, Any]:
        targets = self.targets.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "targets": targets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cluster_mountpaths_targets import ClusterMountpathsTargets

        d = dict(src_dict)
        targets = ClusterMountpathsTargets.from_dict(d.pop("targets"))

        cluster_mountpaths = cls(
            targets=targets,
        )

        return cluster_mountpaths
