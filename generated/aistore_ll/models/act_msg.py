from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.act_val_rm_node import ActValRmNode
    from ..models.archive_bck_msg import ArchiveBckMsg
    from ..models.args_msg import ArgsMsg
    from ..models.blob_msg import BlobMsg
    from ..models.bprops_to_set import BpropsToSet
    from ..models.bsumm_ctrl_msg import BsummCtrlMsg
    from ..models.config_to_set import ConfigToSet
    from ..models.create_nbi_msg import CreateNBIMsg
    from ..models.custom_md import CustomMD
    from ..models.evd_msg import EvdMsg
    from ..models.index_shard_msg import IndexShardMsg
    from ..models.lso_msg import LsoMsg
    from ..models.mpt_completed_part import MptCompletedPart
    from ..models.prefetch_msg import PrefetchMsg
    from ..models.promote_args import PromoteArgs
    from ..models.rechunk_msg import RechunkMsg
    from ..models.shard_summ_msg import ShardSummMsg
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
            value (ActValRmNode | ArchiveBckMsg | ArgsMsg | BlobMsg | bool | BpropsToSet | BsummCtrlMsg | ConfigToSet |
                CreateNBIMsg | CustomMD | EvdMsg | IndexShardMsg | int | list[MptCompletedPart] | LsoMsg | PrefetchMsg |
                PromoteArgs | RechunkMsg | ShardSummMsg | str | TCBMsg | TCOMsg | Unset): Action-specific message.
    """

    action: str
    name: str | Unset = UNSET
    value: (
        ActValRmNode
        | ArchiveBckMsg
        | ArgsMsg
        | BlobMsg
        | bool
        | BpropsToSet
        | BsummCtrlMsg
        | ConfigToSet
        | CreateNBIMsg
        | CustomMD
        | EvdMsg
        | IndexShardMsg
        | int
        | list[MptCompletedPart]
        | LsoMsg
        | PrefetchMsg
        | PromoteArgs
        | RechunkMsg
        | ShardSummMsg
        | str
        | TCBMsg
        | TCOMsg
        | Unset
    ) = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.act_val_rm_node import ActValRmNode
        from ..models.archive_bck_msg import ArchiveBckMsg
        from ..models.args_msg import ArgsMsg
        from ..models.blob_msg import BlobMsg
        from ..models.bprops_to_set import BpropsToSet
        from ..models.bsumm_ctrl_msg import BsummCtrlMsg
        from ..models.config_to_set import ConfigToSet
        from ..models.create_nbi_msg import CreateNBIMsg
        from ..models.custom_md import CustomMD
        from ..models.evd_msg import EvdMsg
        from ..models.index_shard_msg import IndexShardMsg
        from ..models.lso_msg import LsoMsg
        from ..models.prefetch_msg import PrefetchMsg
        from ..models.promote_args import PromoteArgs
        from ..models.rechunk_msg import RechunkMsg
        from ..models.shard_summ_msg import ShardSummMsg
        from ..models.tcb_msg import TCBMsg
        from ..models.tco_msg import TCOMsg

        action = self.action

        name = self.name

        value: bool | dict[str, Any] | int | list[dict[str, Any]] | str | Unset
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
            or isinstance(self.value, BpropsToSet)
            or isinstance(self.value, PromoteArgs)
            or isinstance(self.value, BlobMsg)
        ):
            value = self.value.to_dict()
        elif isinstance(self.value, list):
            value = []
            for componentsschemas_mpt_completed_parts_item_data in self.value:
                componentsschemas_mpt_completed_parts_item = (
                    componentsschemas_mpt_completed_parts_item_data.to_dict()
                )
                value.append(componentsschemas_mpt_completed_parts_item)

        elif (
            isinstance(self.value, CustomMD)
            or isinstance(self.value, RechunkMsg)
            or isinstance(self.value, IndexShardMsg)
            or isinstance(self.value, ShardSummMsg)
            or isinstance(self.value, CreateNBIMsg)
            or isinstance(self.value, ActValRmNode)
            or isinstance(self.value, ConfigToSet)
        ):
            value = self.value.to_dict()
        else:
            value = self.value

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
        from ..models.act_val_rm_node import ActValRmNode
        from ..models.archive_bck_msg import ArchiveBckMsg
        from ..models.args_msg import ArgsMsg
        from ..models.blob_msg import BlobMsg
        from ..models.bprops_to_set import BpropsToSet
        from ..models.bsumm_ctrl_msg import BsummCtrlMsg
        from ..models.config_to_set import ConfigToSet
        from ..models.create_nbi_msg import CreateNBIMsg
        from ..models.custom_md import CustomMD
        from ..models.evd_msg import EvdMsg
        from ..models.index_shard_msg import IndexShardMsg
        from ..models.lso_msg import LsoMsg
        from ..models.mpt_completed_part import MptCompletedPart
        from ..models.prefetch_msg import PrefetchMsg
        from ..models.promote_args import PromoteArgs
        from ..models.rechunk_msg import RechunkMsg
        from ..models.shard_summ_msg import ShardSummMsg
        from ..models.tcb_msg import TCBMsg
        from ..models.tco_msg import TCOMsg

        d = dict(src_dict)
        action = d.pop("action")

        name = d.pop("name", UNSET)

        def _parse_value(
            data: object,
        ) -> (
            ActValRmNode
            | ArchiveBckMsg
            | ArgsMsg
            | BlobMsg
            | bool
            | BpropsToSet
            | BsummCtrlMsg
            | ConfigToSet
            | CreateNBIMsg
            | CustomMD
            | EvdMsg
            | IndexShardMsg
            | int
            | list[MptCompletedPart]
            | LsoMsg
            | PrefetchMsg
            | PromoteArgs
            | RechunkMsg
            | ShardSummMsg
            | str
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
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_8 = BpropsToSet.from_dict(data)

                return value_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_9 = PromoteArgs.from_dict(data)

                return value_type_9
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_10 = BlobMsg.from_dict(data)

                return value_type_10
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_11 = []
                _value_type_11 = data
                for componentsschemas_mpt_completed_parts_item_data in _value_type_11:
                    componentsschemas_mpt_completed_parts_item = (
                        MptCompletedPart.from_dict(
                            componentsschemas_mpt_completed_parts_item_data
                        )
                    )

                    value_type_11.append(componentsschemas_mpt_completed_parts_item)

                return value_type_11
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_12 = CustomMD.from_dict(data)

                return value_type_12
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_13 = RechunkMsg.from_dict(data)

                return value_type_13
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_14 = IndexShardMsg.from_dict(data)

                return value_type_14
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_15 = ShardSummMsg.from_dict(data)

                return value_type_15
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_16 = CreateNBIMsg.from_dict(data)

                return value_type_16
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_17 = ActValRmNode.from_dict(data)

                return value_type_17
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_18 = ConfigToSet.from_dict(data)

                return value_type_18
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ActValRmNode
                | ArchiveBckMsg
                | ArgsMsg
                | BlobMsg
                | bool
                | BpropsToSet
                | BsummCtrlMsg
                | ConfigToSet
                | CreateNBIMsg
                | CustomMD
                | EvdMsg
                | IndexShardMsg
                | int
                | list[MptCompletedPart]
                | LsoMsg
                | PrefetchMsg
                | PromoteArgs
                | RechunkMsg
                | ShardSummMsg
                | str
                | TCBMsg
                | TCOMsg
                | Unset,
                data,
            )

        value = _parse_value(d.pop("value", UNSET))

        act_msg = cls(
            action=action,
            name=name,
            value=value,
        )

        return act_msg
