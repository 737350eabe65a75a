from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EvdMsg")


@_attrs_define
class EvdMsg:
    """Multi-object delete/evict (`apc.EvdMsg`).

    Attributes:
        objnames (list[str] | Unset):
        template (str | Unset): Range template, e.g. `shard-{001..999}.tar`.
        num_workers (int | Unset):
        coer (bool | Unset):
        non_recurs (bool | Unset):
    """

    objnames: list[str] | Unset = UNSET
    template: str | Unset = UNSET
    num_workers: int | Unset = UNSET
    coer: bool | Unset = UNSET
    non_recurs: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        objnames: list[str] | Unset = UNSET
        if not isinstance(self.objnames, Unset):
            objnames = self.objnames

        template = self.template

        num_workers = self.num_workers

        coer = self.coer

        non_recurs = self.non_recurs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if objnames is not UNSET:
            field_dict["objnames"] = objnames
        if template is not UNSET:
            field_dict["template"] = template
        if num_workers is not UNSET:
            field_dict["num-workers"] = num_workers
        if coer is not UNSET:
            field_dict["coer"] = coer
        if non_recurs is not UNSET:
            field_dict["non-recurs"] = non_recurs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        objnames = cast(list[str], d.pop("objnames", UNSET))

        template = d.pop("template", UNSET)

        num_workers = d.pop("num-workers", UNSET)

        coer = d.pop("coer", UNSET)

        non_recurs = d.pop("non-recurs", UNSET)

        evd_msg = cls(
            objnames=objnames,
            template=template,
            num_workers=num_workers,
            coer=coer,
            non_recurs=non_recurs,
        )

        evd_msg.additional_properties = d
        return evd_msg

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
