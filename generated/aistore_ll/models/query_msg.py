from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bck import Bck


T = TypeVar("T", bound="QueryMsg")


@_attrs_define
class QueryMsg:
    """Job query (`xact.QueryMsg`), body of `query_cluster`.

    Attributes:
        id (str | Unset):
        kind (str | Unset): Job kind or display name.
        bck (Bck | Unset): Bucket identity (`cmn.Bck`).
        show_active (bool | None | Unset): Only running jobs.
        node (str | Unset): Node id.
        buckets (list[Bck] | Unset):
    """

    id: str | Unset = UNSET
    kind: str | Unset = UNSET
    bck: Bck | Unset = UNSET
    show_active: bool | None | Unset = UNSET
    node: str | Unset = UNSET
    buckets: list[Bck] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        bck: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bck, Unset):
            bck = self.bck.to_dict()

        show_active: bool | None | Unset
        if isinstance(self.show_active, Unset):
            show_active = UNSET
        else:
            show_active = self.show_active

        node = self.node

        buckets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.buckets, Unset):
            buckets = []
            for buckets_item_data in self.buckets:
                buckets_item = buckets_item_data.to_dict()
                buckets.append(buckets_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if bck is not UNSET:
            field_dict["bck"] = bck
        if show_active is not UNSET:
            field_dict["show_active"] = show_active
        if node is not UNSET:
            field_dict["node"] = node
        if buckets is not UNSET:
            field_dict["buckets"] = buckets

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bck import Bck

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        kind = d.pop("kind", UNSET)

        _bck = d.pop("bck", UNSET)
        bck: Bck | Unset
        if isinstance(_bck, Unset):
            bck = UNSET
        else:
            bck = Bck.from_dict(_bck)

        def _parse_show_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_active = _parse_show_active(d.pop("show_active", UNSET))

        node = d.pop("node", UNSET)

        _buckets = d.pop("buckets", UNSET)
        buckets: list[Bck] | Unset = UNSET
        if _buckets is not UNSET:
            buckets = []
            for buckets_item_data in _buckets:
                buckets_item = Bck.from_dict(buckets_item_data)

                buckets.append(buckets_item)

        query_msg = cls(
            id=id,
            kind=kind,
            bck=bck,
            show_active=show_active,
            node=node,
            buckets=buckets,
        )

        return query_msg
