from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NBIInfo")


@_attrs_define
class NBIInfo:
    """One native bucket inventory (`apc.NBIInfo`).

    Attributes:
        bucket (str):
        name (str):
        obj_name (str):
        size (int):
        prefix (str | Unset):
        started (int | Unset):
        finished (int | Unset):
        ntotal (int | Unset):
        smap_ver (int | Unset):
        chunks (int | Unset):
        nat (int | Unset):
    """

    bucket: str
    name: str
    obj_name: str
    size: int
    prefix: str | Unset = UNSET
    started: int | Unset = UNSET
    finished: int | Unset = UNSET
    ntotal: int | Unset = UNSET
    smap_ver: int | Unset = UNSET
    chunks: int | Unset = UNSET
    nat: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bucket = self.bucket

        name = self.name

        obj_name = self.obj_name

        size = self.size

        prefix = self.prefix

        started = self.started

        finished = self.finished

        ntotal = self.ntotal

        smap_ver = self.smap_ver

        chunks = self.chunks

        nat = self.nat

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bucket": bucket,
                "name": name,
                "obj_name": obj_name,
                "size": size,
            }
        )
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if started is not UNSET:
            field_dict["started"] = started
        if finished is not UNSET:
            field_dict["finished"] = finished
        if ntotal is not UNSET:
            field_dict["ntotal"] = ntotal
        if smap_ver is not UNSET:
            field_dict["smap_ver"] = smap_ver
        if chunks is not UNSET:
            field_dict["chunks"] = chunks
        if nat is not UNSET:
            field_dict["nat"] = nat

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bucket = d.pop("bucket")

        name = d.pop("name")

        obj_name = d.pop("obj_name")

        size = d.pop("size")

        prefix = d.pop("prefix", UNSET)

        started = d.pop("started", UNSET)

        finished = d.pop("finished", UNSET)

        ntotal = d.pop("ntotal", UNSET)

        smap_ver = d.pop("smap_ver", UNSET)

        chunks = d.pop("chunks", UNSET)

        nat = d.pop("nat", UNSET)

        nbi_info = cls(
            bucket=bucket,
            name=name,
            obj_name=obj_name,
            size=size,
            prefix=prefix,
            started=started,
            finished=finished,
            ntotal=ntotal,
            smap_ver=smap_ver,
            chunks=chunks,
            nat=nat,
        )

        nbi_info.additional_properties = d
        return nbi_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
