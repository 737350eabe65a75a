from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.smap_pmap import SmapPmap
    from ..models.smap_tmap import SmapTmap
    from ..models.snode import Snode


T = TypeVar("T", bound="Smap")


@_attrs_define
class Smap:
    """Cluster map.

    Attributes:
        pmap (SmapPmap): Proxies by node id.
        proxy_si (Snode): A node (proxy or target) of the cluster.
        tmap (SmapTmap): Targets by node id.
        uuid (str):
        creation_time (str):
        version (str): Smap version (int64 as a string).
        ext (Any | Unset): Extension, unused.
    """

    pmap: SmapPmap
    proxy_si: Snode
    tmap: SmapTmap
    uuid: str
    creation_time: str
    version: str
    ext: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        pmap = self.pmap.to_dict()

        proxy_si = self.proxy_si.to_dict()

        tmap = self.tmap.to_dict()

        uuid = self.uuid

        creation_time = self.creation_time

        version = self.version

        ext = self.ext

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pmap": pmap,
                "proxy_si": proxy_si,
                "tmap": tmap,
                "uuid": uuid,
                "creation_time": creation_time,
                "version": version,
            }
        )
        if ext is not UNSET:
            field_dict["ext"] = ext

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.smap_pmap import SmapPmap
        from ..models.smap_tmap import SmapTmap
        from ..models.snode import Snode

        d = dict(src_dict)
        pmap = SmapPmap.from_dict(d.pop("pmap"))

        proxy_si = Snode.from_dict(d.pop("proxy_si"))

        tmap = SmapTmap.from_dict(d.pop("tmap"))

        uuid = d.pop("uuid")

        creation_time = d.pop("creation_time")

        version = d.pop("version")

        ext = d.pop("ext", UNSET)

        smap = cls(
            pmap=pmap,
            proxy_si=proxy_si,
            tmap=tmap,
            uuid=uuid,
            creation_time=creation_time,
            version=version,
            ext=ext,
        )

        return smap
