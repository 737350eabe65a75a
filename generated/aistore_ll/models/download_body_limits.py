from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DownloadBodyLimits")


@_attrs_define
class DownloadBodyLimits:
    """
    Attributes:
        connections (int | Unset):
        bytes_per_hour (int | Unset):
    """

    connections: int | Unset = UNSET
    bytes_per_hour: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        connections = self.connections

        bytes_per_hour = self.bytes_per_hour

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if connections is not UNSET:
            field_dict["connections"] = connections
        if bytes_per_hour is not UNSET:
            field_dict["bytes_per_hour"] = bytes_per_hour

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        connections = d.pop("connections", UNSET)

        bytes_per_hour = d.pop("bytes_per_hour", UNSET)

        download_body_limits = cls(
            connections=connections,
            bytes_per_hour=bytes_per_hour,
        )

        return download_body_limits
