from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ShardSummResult")


@_attrs_define
class ShardSummResult:
    """Shard summary (`apc.ShardSummResult`; uint64 strings).

    Attributes:
        tar_objs (str):
        tar_size (str):
        shards (str):
        shard_size (str):
        archived_objs (str):
        stale_indexes (str):
        invalid_indexes (str):
    """

    tar_objs: str
    tar_size: str
    shards: str
    shard_size: str
    archived_objs: str
    stale_indexes: str
    invalid_indexes: str

    def to_dict(self) -> dict[str, Any]:
        tar_objs = self.tar_objs

        tar_size = self.tar_size

        shards = self.shards

        shard_size = self.shard_size

        archived_objs = self.archived_objs

        stale_indexes = self.stale_indexes

        invalid_indexes = self.invalid_indexes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "tar-objs": tar_objs,
                "tar-size": tar_size,
                "shards": shards,
                "shard-size": shard_size,
                "archived-objs": archived_objs,
                "stale-indexes": stale_indexes,
                "invalid-indexes": invalid_indexes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tar_objs = d.pop("tar-objs")

        tar_size = d.pop("tar-size")

        shards = d.pop("shards")

        shard_size = d.pop("shard-size")

        archived_objs = d.pop("archived-objs")

        stale_indexes = d.pop("stale-indexes")

        invalid_indexes = d.pop("invalid-indexes")

        shard_summ_result = cls(
            tar_objs=tar_objs,
            tar_size=tar_size,
            shards=shards,
            shard_size=shard_size,
            archived_objs=archived_objs,
            stale_indexes=stale_indexes,
            invalid_indexes=invalid_indexes,
        )

        return shard_summ_result
