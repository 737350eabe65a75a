from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NetInfo")


@_attrs_define
class NetInfo:
    """
    Attributes:
        node_ip_addr (str):
        daemon_port (str):
        direct_url (str):
    """

    node_ip_addr: str
    daemon_port: str
    direct_url: str

    def to_dict(self) -> dict[str, Any]:
        node_ip_addr = self.node_ip_addr

        daemon_port = self.daemon_port

        direct_url = self.direct_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "node_ip_addr": node_ip_addr,
                "daemon_port": daemon_port,
                "direct_url": direct_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        node_ip_addr = d.pop("node_ip_addr")

        daemon_port = d.pop("daemon_port")

        direct_url = d.pop("direct_url")

        net_info = cls(
            node_ip_addr=node_ip_addr,
            daemon_port=daemon_port,
            direct_url=direct_url,
        )

        return net_info
