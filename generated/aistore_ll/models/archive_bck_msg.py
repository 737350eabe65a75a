from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bck import Bck


T = TypeVar("T", bound="ArchiveBckMsg")


@_attrs_define
class ArchiveBckMsg:
    """Multi-object archive (`cmn.ArchiveBckMsg`), value of `archive`.

    Attributes:
        archname (str): Destination archive name with a supported extension.
        objnames (list[str] | Unset):
        template (str | Unset): Range template, e.g. `shard-{001..999}.tar`.
        tobck (Bck | Unset): Bucket identity (`cmn.Bck`).
        mime (str | Unset): Archive format overriding the extension (e.g. `.tar`).
        bnonly (bool | Unset): Archive each object under its base name only.
        isbn (bool | Unset): Prefix archived names with the source bucket name.
        aate (bool | Unset): Append to the archive if it already exists.
        coer (bool | Unset):
        non_recurs (bool | Unset):
    """

    archname: str
    objnames: list[str] | Unset = UNSET
    template: str | Unset = UNSET
    tobck: Bck | Unset = UNSET
    mime: str | Unset = UNSET
    bnonly: bool | Unset = UNSET
    isbn: bool | Unset = UNSET
    aate: bool | Unset = UNSET
    coer: bool | Unset = UNSET
    non_recurs: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archname = self.archname

        objnames: list[str] | Unset = UNSET
        if not isinstance(self.objnames, Unset):
            objnames = self.objnames

        template = self.template

        tobck: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tobck, Unset):
            tobck = self.tobck.to_dict()

        mime = self.mime

        bnonly = self.bnonly

        isbn = self.isbn

        aate = self.aate

        coer = self.coer

        non_recurs = self.non_recurs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archname": archname,
            }
        )
        if objnames is not UNSET:
            field_dict["objnames"] = objnames
        if template is not UNSET:
            field_dict["template"] = template
        if tobck is not UNSET:
            field_dict["tobck"] = tobck
        if mime is not UNSET:
            field_dict["mime"] = mime
        if bnonly is not UNSET:
            field_dict["bnonly"] = bnonly
        if isbn is not UNSET:
            field_dict["isbn"] = isbn
        if aate is not UNSET:
            field_dict["aate"] = aate
        if coer is not UNSET:
            field_dict["coer"] = coer
        if non_recurs is not UNSET:
            field_dict["non-recurs"] = non_recurs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bck import Bck

        d = dict(src_dict)
        archname = d.pop("archname")

        objnames = cast(list[str], d.pop("objnames", UNSET))

        template = d.pop("template", UNSET)

        _tobck = d.pop("tobck", UNSET)
        tobck: Bck | Unset
        if isinstance(_tobck, Unset):
            tobck = UNSET
        else:
            tobck = Bck.from_dict(_tobck)

        mime = d.pop("mime", UNSET)

        bnonly = d.pop("bnonly", UNSET)

        isbn = d.pop("isbn", UNSET)

        aate = d.pop("aate", UNSET)

        coer = d.pop("coer", UNSET)

        non_recurs = d.pop("non-recurs", UNSET)

        archive_bck_msg = cls(
            archname=archname,
            objnames=objnames,
            template=template,
            tobck=tobck,
            mime=mime,
            bnonly=bnonly,
            isbn=isbn,
            aate=aate,
            coer=coer,
            non_recurs=non_recurs,
        )

        archive_bck_msg.additional_properties = d
        return archive_bck_msg

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
