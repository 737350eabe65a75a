from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.meta_version import MetaVersion
    from ..models.node_state_info_bmd import NodeStateInfoBmd
    from ..models.node_state_info_smap import NodeStateInfoSmap


T = TypeVar("T", bound="NodeStateInfo")


@_attrs_define
class NodeStateInfo:
    """Cluster-info summary (`cos.NodeStateInfo`), `GET /v1/health?cii=true`.

    Attributes:
        smap (NodeStateInfoSmap):
        bmd (NodeStateInfoBmd):
        rmd (MetaVersion):
        config (MetaVersion):
        etlmd (MetaVersion):
        flags (int): Node state flags (alerts).
    """

    smap: NodeStateInfoSmap
    bmd: NodeStateInfoBmd
    rmd: MetaVersion
    config: MetaVersion
    etlmd: MetaVersion
    flags: int

    def to_dict(self) -> dict[str, Any]:
        smap = self.smap.to_dict()

        bmd = self.bmd.to_dict()

        rmd = self.rmd.to_dict()

        config = self.config.to_dict()

        etlmd = self.etlmd.to_dict()

        flags = self.flags

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "smap": smap,
                "bmd": bmd,
                "rmd": rmd,
                "config": config,
                "etlmd": etlmd,
                "flags": flags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.meta_version import MetaVersion
        from ..models.node_state_info_bmd import NodeStateInfoBmd
        from ..models.node_state_info_smap import NodeStateInfoSmap

        d = dict(src_dict)
        smap = NodeStateInfoSmap.from_dict(d.pop("smap"))

        bmd = NodeStateInfoBmd.from_dict(d.pop("bmd"))

        rmd = MetaVersion.from_dict(d.pop("rmd"))

        config = MetaVersion.from_dict(d.pop("config"))

        etlmd = MetaVersion.from_dict(d.pop("etlmd"))

        flags = d.pop("flags")

        node_state_info = cls(
            smap=smap,
            bmd=bmd,
            rmd=rmd,
            config=config,
            etlmd=etlmd,
            flags=flags,
        )

        return node_state_info
