from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DownloadAdminMsg")


@_attrs_define
class DownloadAdminMsg:
    """Download job selection (`dload.AdminBody`).

    Attributes:
        id (str | Unset):
        regex (str | Unset):
        only_active_tasks (bool | Unset):
    """

    id: str | Unset = UNSET
    regex: str | Unset = UNSET
    only_active_tasks: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        regex = self.regex

        only_active_tasks = self.only_active_tasks

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if regex is not UNSET:
            field_dict["regex"] = regex
        if only_active_tasks is not UNSET:
            field_dict["only_active_tasks"] = only_active_tasks

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        regex = d.pop("regex", UNSET)

        only_active_tasks = d.pop("only_active_tasks", UNSET)

        download_admin_msg = cls(
            id=id,
            regex=regex,
            only_active_tasks=only_active_tasks,
        )

        return download_admin_msg
