from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MountpathList")


@_attrs_define
class MountpathList:
    """A target's mountpaths (`apc.MountpathList`).

    Attributes:
        available (list[str] | None):
        waiting_dd (list[str] | None):
        disabled (list[str] | None):
    """

    available: list[str] | None
    waiting_dd: list[str] | None
    disabled: list[str] | None

    def to_dict(self) -> dict[str, Any]:
        available: list[str] | None
        if isinstance(self.available, list):
            available = self.available

        else:
            available = self.available

        waiting_dd: list[str] | None
        if isinstance(self.waiting_dd, list):
            waiting_dd = self.waiting_dd

        else:
            waiting_dd = self.waiting_dd

        disabled: list[str] | None
        if isinstance(self.disabled, list):
            disabled = self.disabled

        else:
            disabled = self.disabled

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "available": available,
                "waiting_dd": waiting_dd,
                "disabled": disabled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_available(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                available_type_0 = cast(list[str], data)

                return available_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        available = _parse_available(d.pop("available"))

        def _parse_waiting_dd(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                waiting_dd_type_0 = cast(list[str], data)

                return waiting_dd_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        waiting_dd = _parse_waiting_dd(d.pop("waiting_dd"))

        def _parse_disabled(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                disabled_type_0 = cast(list[str], data)

                return disabled_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        disabled = _parse_disabled(d.pop("disabled"))

        mountpath_list = cls(
            available=available,
            waiting_dd=waiting_dd,
            disabled=disabled,
        )

        return mountpath_list
