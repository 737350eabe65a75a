from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActValRmNode")


@_attrs_define
class ActValRmNode:
    """Value of the node-removal and maintenance actions (`apc.ActValRmNode`).

    Attributes:
        sid (str):
        sids (list[str] | Unset):
        skip_rebalance (bool | Unset):
        rm_user_data (bool | Unset):
        keep_initial_config (bool | Unset):
        no_shutdown (bool | Unset):
    """

    sid: str
    sids: list[str] | Unset = UNSET
    skip_rebalance: bool | Unset = UNSET
    rm_user_data: bool | Unset = UNSET
    keep_initial_config: bool | Unset = UNSET
    no_shutdown: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        sid = self.sid

        sids: list[str] | Unset = UNSET
        if not isinstance(self.sids, Unset):
            sids = self.sids

        skip_rebalance = self.skip_rebalance

        rm_user_data = self.rm_user_data

        keep_initial_config = self.keep_initial_config

        no_shutdown = self.no_shutdown

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sid": sid,
            }
        )
        if sids is not UNSET:
            field_dict["sids"] = sids
        if skip_rebalance is not UNSET:
            field_dict["skip_rebalance"] = skip_rebalance
        if rm_user_data is not UNSET:
            field_dict["rm_user_data"] = rm_user_data
        if keep_initial_config is not UNSET:
            field_dict["keep_initial_config"] = keep_initial_config
        if no_shutdown is not UNSET:
            field_dict["no_shutdown"] = no_shutdown

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sid = d.pop("sid")

        sids = cast(list[str], d.pop("sids", UNSET))

        skip_rebalance = d.pop("skip_rebalance", UNSET)

        rm_user_data = d.pop("rm_user_data", UNSET)

        keep_initial_config = d.pop("keep_initial_config", UNSET)

        no_shutdown = d.pop("no_shutdown", UNSET)

        act_val_rm_node = cls(
            sid=sid,
            sids=sids,
            skip_rebalance=skip_rebalance,
            rm_user_data=rm_user_data,
            keep_initial_config=keep_initial_config,
            no_shutdown=no_shutdown,
        )

        return act_val_rm_node
