from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_object import JSONObject
    from ..models.smap import Smap
    from ..models.snode import Snode


T = TypeVar("T", bound="SmapVote")


@_attrs_define
class SmapVote:
    """Cluster map plus voting state (`what=smapvote`).

    Attributes:
        smap (Smap): Cluster map.
        bmd (JSONObject): Untyped JSON object (node config, BMD, statistics, ...).
        rmd (JSONObject): Untyped JSON object (node config, BMD, statistics, ...).
        config (JSONObject): Untyped JSON object (node config, BMD, statistics, ...).
        si (Snode): A node (proxy or target) of the cluster.
        etl_md (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
        prime_time (int | Unset):
        flags (int | Unset):
    """

    smap: Smap
    bmd: JSONObject
    rmd: JSONObject
    config: JSONObject
    si: Snode
    etl_md: JSONObject | Unset = UNSET
    prime_time: int | Unset = UNSET
    flags: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        smap = self.smap.to_dict()

        bmd = self.bmd.to_dict()

        rmd = self.rmd.to_dict()

        config = self.config.to_dict()

        si = self.si.to_dict()

        etl_md: dict[str, Any] | Unset = UNSET
        if not isinstance(self.etl_md, Unset):
            etl_md = self.etl_md.to_dict()

        prime_time = self.prime_time

        flags = self.flags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "smap": smap,
                "bmd": bmd,
                "rmd": rmd,
                "config": config,
                "si": si,
            }
        )
        if etl_md is not UNSET:
            field_dict["etlMD"] = etl_md
        if prime_time is not UNSET:
            field_dict["prime_time"] = prime_time
        if flags is not UNSET:
            field_dict["flags"] = flags

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.json_object import JSONObject
        from ..models.smap import Smap
        from ..models.snode import Snode

        d = dict(src_dict)
        smap = Smap.from_dict(d.pop("smap"))

        bmd = JSONObject.from_dict(d.pop("bmd"))

        rmd = JSONObject.from_dict(d.pop("rmd"))

        config = JSONObject.from_dict(d.pop("config"))

        si = Snode.from_dict(d.pop("si"))

        _etl_md = d.pop("etlMD", UNSET)
        etl_md: JSONObject | Unset
        if isinstance(_etl_md, Unset):
            etl_md = UNSET
        else:
            etl_md = JSONObject.from_dict(_etl_md)

        prime_time = d.pop("prime_time", UNSET)

        flags = d.pop("flags", UNSET)

        smap_vote = cls(
            smap=smap,
            bmd=bmd,
            rmd=rmd,
            config=config,
            si=si,
            etl_md=etl_md,
            prime_time=prime_time,
            flags=flags,
        )

        smap_vote.additional_properties = d
        return smap_vote

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
