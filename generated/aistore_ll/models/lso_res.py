from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.lso_ent import LsoEnt


T = TypeVar("T", bound="LsoRes")


@_attrs_define
class LsoRes:
    """A JSON list-objects page (`cmn.LsoRes`).

    Attributes:
        uuid (str):  Default: ''.
        continuation_token (str): Empty when the listing is complete. Default: ''.
        entries (list[LsoEnt] | None):
        flags (int):  Default: 0.
    """

    entries: list[LsoEnt] | None
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
                "uuid": uuid,
                "continuation_token": continuation_token,
                "entries": entries,
                "flags": flags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lso_ent import LsoEnt

        d = dict(src_dict)
        uuid = d.pop("uuid")

        continuation_token = d.pop("continuation_token")

        def _parse_entries(data: object) -> list[LsoEnt] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                entries_type_0 = []
                _entries_type_0 = data
                for entries_type_0_item_data in _entries_type_0:
                    entries_type_0_item = LsoEnt.from_dict(entries_type_0_item_data)

                    entries_type_0.append(entries_type_0_item)

                return entries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LsoEnt] | None, data)

        entries = _parse_entries(d.pop("entries"))

        flags = d.pop("flags")

        lso_res = cls(
            uuid=uuid,
            continuation_token=continuation_token,
            entries=entries,
            flags=flags,
        )

        return lso_res
