from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NodeStateInfoSmapPrimary")


@_attrs_define
class NodeStateInfoSmapPrimary:
    """
    Attributes:
        pub_url (str):
        control_url (str):
        id (str):
    """

    pub_url: str
    control_url: str
    id: str

    def to_dict(self) -> dict[str, Any]:
        pub_url = self.pub_url

        control_url = self.control_url

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pub_url": pub_url,
                "control_url": control_url,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pub_url = d.pop("pub_url")

        control_url = d.pop("control_url")

        id = d.pop("id")

        node_state_info_smap_primary = cls(
            pub_url=pub_url,
            control_url=control_url,
            id=id,
        )

        return node_state_info_smap_primary
