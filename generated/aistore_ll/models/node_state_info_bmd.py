from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NodeStateInfoBmd")


@_attrs_define
class NodeStateInfoBmd:
    """
    Attributes:
        uuid (str):
        version (str):
    """

    uuid: str
    version: str

    def to_dict(self) -> dict[str, Any]:
        uuid = self.uuid

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        uuid = d.pop("uuid")

        version = d.pop("version")

        node_state_info_bmd = cls(
            uuid=uuid,
            version=version,
        )

        return node_state_info_bmd
