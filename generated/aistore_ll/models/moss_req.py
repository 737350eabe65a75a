from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.moss_req_coloc import MossReqColoc, check_moss_req_coloc
from ..models.moss_req_mime import MossReqMime, check_moss_req_mime
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.moss_in import MossIn


T = TypeVar("T", bound="MossReq")


@_attrs_define
class MossReq:
    """Get-Batch request (`apc.MossReq`).

    Attributes:
        in_ (list[MossIn]): The entries, answered in this order (no upper limit in the server).
        onob (bool): Name archive members `<objname>` instead of `<bucket>/<objname>`.
        strm (bool): Stream the archive as it is assembled (no multipart metadata).
        mime (MossReqMime | Unset): Output format; empty means `.tar`.
        coer (bool | Unset): Continue on error (missing entries become `__404__/...`, size 0).
        coloc (MossReqColoc | Unset): Colocation hint (the proxy reads the `coloc` query parameter instead).
    """

    in_: list[MossIn]
    onob: bool
    strm: bool
    mime: MossReqMime | Unset = UNSET
    coer: bool | Unset = UNSET
    coloc: MossReqColoc | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        in_ = []
        for in_item_data in self.in_:
            in_item = in_item_data.to_dict()
            in_.append(in_item)

        onob = self.onob

        strm = self.strm

        mime: str | Unset = UNSET
        if not isinstance(self.mime, Unset):
            mime = self.mime

        coer = self.coer

        coloc: int | Unset = UNSET
        if not isinstance(self.coloc, Unset):
            coloc = self.coloc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "in": in_,
                "onob": onob,
                "strm": strm,
            }
        )
        if mime is not UNSET:
            field_dict["mime"] = mime
        if coer is not UNSET:
            field_dict["coer"] = coer
        if coloc is not UNSET:
            field_dict["coloc"] = coloc

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.moss_in import MossIn

        d = dict(src_dict)
        in_ = []
        _in_ = d.pop("in")
        for in_item_data in _in_:
            in_item = MossIn.from_dict(in_item_data)

            in_.append(in_item)

        onob = d.pop("onob")

        strm = d.pop("strm")

        _mime = d.pop("mime", UNSET)
        mime: MossReqMime | Unset
        if isinstance(_mime, Unset):
            mime = UNSET
        else:
            mime = check_moss_req_mime(_mime)

        coer = d.pop("coer", UNSET)

        _coloc = d.pop("coloc", UNSET)
        coloc: MossReqColoc | Unset
        if isinstance(_coloc, Unset):
            coloc = UNSET
        else:
            coloc = check_moss_req_coloc(_coloc)

        moss_req = cls(
            in_=in_,
            onob=onob,
            strm=strm,
            mime=mime,
            coer=coer,
            coloc=coloc,
        )

        moss_req.additional_properties = d
        return moss_req

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
