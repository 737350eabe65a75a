from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.remote_cluster import RemoteCluster


T = TypeVar("T", bound="RemoteClusters")


@_attrs_define
class RemoteClusters:
    """Attached remote AIS clusters (`meta.RemAisVec`, `what=remote`).

    Attributes:
        a (list[RemoteCluster] | None):
        ver (int):
    """

    a: list[RemoteCluster] | None
    ver: int

    def to_dict(self) -> dict[str, Any]:
        a: list[dict[str, Any]] | None
        if isinstance(self.a, list):
            a = []
            for a_type_0_item_data in self.a:
                a_type_0_item = a_type_0_item_data.to_dict()
                a.append(a_type_0_item)

        else:
            a = self.a

        ver = self.ver

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "a": a,
                "ver": ver,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.remote_cluster import RemoteCluster

        d = dict(src_dict)

        def _parse_a(data: object) -> list[RemoteCluster] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                a_type_0 = []
                _a_type_0 = data
                for a_type_0_item_data in _a_type_0:
                    a_type_0_item = RemoteCluster.from_dict(a_type_0_item_data)

                    a_type_0.append(a_type_0_item)

                return a_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RemoteCluster] | None, data)

        a = _parse_a(d.pop("a"))

        ver = d.pop("ver")

        remote_clusters = cls(
            a=a,
            ver=ver,
        )

        return remote_clusters
