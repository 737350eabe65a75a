from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ETLLogs")


@_attrs_define
class ETLLogs:
    """
    Attributes:
        target_id (str):
        logs (str): base64-encoded log text.
    """

    target_id: str
    logs: str

    def to_dict(self) -> dict[str, Any]:
        target_id = self.target_id

        logs = self.logs

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "target_id": target_id,
                "logs": logs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        target_id = d.pop("target_id")

        logs = d.pop("logs")

        etl_logs = cls(
            target_id=target_id,
            logs=logs,
        )

        return etl_logs
