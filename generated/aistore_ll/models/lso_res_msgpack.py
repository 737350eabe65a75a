from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.lso_ent_msgpack import LsoEntMsgpack


T = TypeVar("T", bound="LsoResMsgpack")


@_attrs_define
class LsoResMsgpack:
    """A msgpack list-objects page (`Accept: application/msgpack`).

    Attributes:
        uuid (str):  Default: ''.
        continuation_token (str):  Default: ''.
        entries (list[LsoEntMsgpack] | None):
        flags (int):  Default: 0.
    """

    entries: list[LsoEntMsgpack] | None
    uuid: str = ""
    continuation_token: str = ""
    flags: int = 0

    def to_dict(self) -> dict[str, Any]:
        uuid = self.uuid

        continuation_token = self.continuation_token

        entries: list[dict[str, Any]] | None
        if isinstance(self.entries, list):
            entries = []
            for entries_type_0_item_data in self.entries:
                entries_type_0_item = entries_type_0_item_data.to_dict()
                entries.append(entries_type_0_item)

        else:
            entries = self.entries

        flags = self.flags

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "UUID": uuid,
                "ContinuationToken": continuation_token,
                "Entries": entries,
                "Flags": flags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lso_ent_msgpack import LsoEntMsgpack

        d = dict(src_dict)
        uuid = d.pop("UUID")

        continuation_token = d.pop("ContinuationToken")

        def _parse_entries(data: object) -> list[LsoEntMsgpack] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                entries_type_0 = []
                _entries_type_0 = data
                for entries_type_0_item_data in _entries_type_0:
                    entries_type_0_item = LsoEntMsgpack.from_dict(
                        entries_type_0_item_data
                    )

                    entries_type_0.append(entries_type_0_item)

                return entries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LsoEntMsgpack] | None, data)

        entries = _parse_entries(d.pop("Entries"))

        flags = d.pop("Flags")

        lso_res_msgpack = cls(
            uuid=uuid,
            continuation_token=continuation_token,
            entries=entries,
            flags=flags,
        )

        return lso_res_msgpack
