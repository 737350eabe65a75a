from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DownloadStatusDownloadErrorsItem")


@_attrs_define
class DownloadStatusDownloadErrorsItem:
    """
    Attributes:
        name (str):
        error (str):
    """

    name: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        error = self.error

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        error = d.pop("error")

        download_status_download_errors_item = cls(
            name=name,
            error=error,
        )

        return download_status_download_errors_item
