from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.smap import Smap


T = TypeVar("T", bound="RemoteCluster")


@_attrs_define
class RemoteCluster:
    """An attached remote AIS cluster (`meta.RemAis`).

    Attributes:
        smap (None | Smap): The remote cluster map (null when the remote cluster is unreachable).
        url (str):
        alias (str):
        uuid (str):
    """

    smap: None | Smap
    url: str
    alias: str
    uuid: str

    def to_dict(self) -> dict[str, Any]:
        from ..models.smap import Smap

        smap: dict[str, Any] | None
        if isinstance(self.smap, Smap):
            smap = self.smap.to_dict()
        else:
            smap = self.smap

        url = self.url

        alias = self.alias

        uuid = self.uuid

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "smap": smap,
                "url": url,
                "alias": alias,
                "uuid": uuid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.smap import Smap

        d = dict(src_dict)

        def _parse_smap(data: object) -> None | Smap:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                smap_type_0 = Smap.from_dict(data)

                return smap_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Smap, data)

        smap = _parse_smap(d.pop("smap"))

        url = d.pop("url")

        alias = d.pop("alias")

        uuid = d.pop("uuid")

        remote_cluster = cls(
            smap=smap,
            url=url,
            alias=alias,
            uuid=uuid,
        )

        return remote_cluster
