from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.archive_bck_msg import ArchiveBckMsg
    from ..models.args_msg import ArgsMsg
    from ..models.bprops_to_set import BpropsToSet
    from ..models.bsumm_ctrl_msg import BsummCtrlMsg
    from ..models.evd_msg import EvdMsg
    from ..models.lso_msg import LsoMsg
    from ..models.prefetch_msg import PrefetchMsg
    from ..models.tcb_msg import TCBMsg
    from ..models.tco_msg import TCOMsg


T = TypeVar("T", bound="ActMsg")


@_attrs_define
class ActMsg:
    """Action message `{"action", "name", "value"}`. `value` depends on the
    action; see the operations' descriptions.

        Attributes:
            action (str): Action, e.g. `list`, `create-bck`, `copy-bck`, `start`.
            name (str | Unset): Action-specific extra argument.
            value (ArchiveBckMsg | ArgsMsg | BpropsToSet | BsummCtrlMsg | EvdMsg | LsoMsg | PrefetchMsg | TCBMsg | TCOMsg |
                Unset): Action-specific message.
    """

    action: str
    name: str | Unset = UNSET
    value: (
        ArchiveBckMsg
        | ArgsMsg
        | BpropsToSet
        | BsummCtrlMsg
        | EvdMsg
        | LsoMsg
        | PrefetchMsg
        | TCBMsg
        | TCOMsg
        | Unset
    ) = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.archive_bck_msg import ArchiveBckMsg
        from ..models.args_msg import ArgsMsg
        from ..models.bsumm_ctrl_msg import BsummCtrlMsg
        from ..models.evd_msg import EvdMsg
        from ..models.lso_msg import LsoMsg
        from ..models.prefetch_msg import PrefetchMsg
        from ..models.tcb_msg import TCBMsg
        from ..models.tco_msg import TCOMsg

        action = self.action

        name = self.name

        value: dict[str, Any] | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        elif (
            isinstance(self.value, LsoMsg)
            or isinstance(self.value, BsummCtrlMsg)
            or isinstance(self.value, TCBMsg)
            or isinstance(self.value, TCOMsg)
            or isinstance(self.value, ArchiveBckMsg)
            or isinstance(self.value, EvdMsg)
            or isinstance(self.value, PrefetchMsg)
            or isinstance(self.value, ArgsMsg)
        ):
            value = self.value.to_dict()
        else:
            value = self.value.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.archive_bck_msg import ArchiveBckMsg
        from ..models.args_msg import ArgsMsg
        from ..models.bprops_to_set import BpropsToSet
        from ..models.bsumm_ctrl_msg import BsummCtrlMsg
        from ..models.evd_msg import EvdMsg
        from ..models.lso_msg import LsoMsg
        from ..models.prefetch_msg import PrefetchMsg
        from ..models.tcb_msg import TCBMsg
        from ..models.tco_msg import TCOMsg

        d = dict(src_dict)
        action = d.pop("action")

        name = d.pop("name", UNSET)

        def _parse_value(
            data: object,
        ) -> (
            ArchiveBckMsg
            | ArgsMsg
            | BpropsToSet
            | BsummCtrlMsg
            | EvdMsg
            | LsoMsg
            | PrefetchMsg
            | TCBMsg
            | TCOMsg
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_0 = LsoMsg.from_dict(data)

                return value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_1 = BsummCtrlMsg.from_dict(data)

                return value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_2 = TCBMsg.from_dict(data)

                return value_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_3 = TCOMsg.from_dict(data)

                return value_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_4 = ArchiveBckMsg.from_dict(data)

                return value_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_5 = EvdMsg.from_dict(data)

                return value_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_6 = PrefetchMsg.from_dict(data)

                return value_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_7 = ArgsMsg.from_dict(data)

                return value_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            value_type_8 = BpropsToSet.from_dict(data)

            return value_type_8

        value = _parse_value(d.pop("value", UNSET))

        act_msg = cls(
            action=action,
            name=name,
            value=value,
        )

        return act_msg
