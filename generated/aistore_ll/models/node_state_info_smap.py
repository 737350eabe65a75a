from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.node_state_info_smap_primary import NodeStateInfoSmapPrimary


T = TypeVar("T", bound="NodeStateInfoSmap")


@_attrs_define
class NodeStateInfoSmap:
    """
    Attributes:
        primary (NodeStateInfoSmapPrimary):
        uuid (str):
        version (str):
    """

    primary: NodeStateInfoSmapPrimary
    uuid: str
    version: str

    def to_dict(self) -> dict[str, Any]:
        primary = self.primary.to_dict()

        uuid = self.uuid

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "Primary": primary,
                "uuid": uuid,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_state_info_smap_primary import NodeStateInfoSmapPrimary

        d = dict(src_dict)
        primary = NodeStateInfoSmapPrimary.from_dict(d.pop("Primary"))

        uuid = d.pop("uuid")

        version = d.pop("version")

        node_state_info_smap = cls(
            primary=primary,
            uuid=uuid,
            version=version,
        )

        return node_state_info_smap
