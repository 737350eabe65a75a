from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IndexShardMsg")


@_attrs_define
class IndexShardMsg:
    """Value of `index-shard` (`apc.IndexShardMsg`).

    Attributes:
        prefix (str | Unset):
        num_workers (int | Unset):
        skip_verify (bool | Unset):
    """

    prefix: str | Unset = UNSET
    num_workers: int | Unset = UNSET
    skip_verify: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        prefix = self.prefix

        num_workers = self.num_workers

        skip_verify = self.skip_verify

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if num_workers is not UNSET:
            field_dict["num-workers"] = num_workers
        if skip_verify is not UNSET:
            field_dict["skip-verify"] = skip_verify

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        prefix = d.pop("prefix", UNSET)

        num_workers = d.pop("num-workers", UNSET)

        skip_verify = d.pop("skip-verify", UNSET)

        index_shard_msg = cls(
            prefix=prefix,
            num_workers=num_workers,
            skip_verify=skip_verify,
        )

        return index_shard_msg
