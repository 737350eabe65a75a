from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.snode_daemon_type import SnodeDaemonType, check_snode_daemon_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.net_info import NetInfo


T = TypeVar("T", bound="Snode")


@_attrs_define
class Snode:
    """A node (proxy or target) of the cluster.

    Attributes:
        public_net (NetInfo):
        intra_data_net (NetInfo):
        intra_control_net (NetInfo):
        daemon_type (SnodeDaemonType):
        daemon_id (str):
        flags (int): Node state bit flags (non-electable, IC member, maintenance, decommission, ...).
        id_digest (int): uint64 digest of the node id (used by HRW).
        pub_extra (list[NetInfo] | Unset): Additional public interfaces (multihoming).
        verifying_key (str | Unset): base64-encoded public key (request signing; v5.0).
    """

    public_net: NetInfo
    intra_data_net: NetInfo
    intra_control_net: NetInfo
    daemon_type: SnodeDaemonType
    daemon_id: str
    flags: int
    id_digest: int
    pub_extra: list[NetInfo] | Unset = UNSET
    verifying_key: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        public_net = self.public_net.to_dict()

        intra_data_net = self.intra_data_net.to_dict()

        intra_control_net = self.intra_control_net.to_dict()

        daemon_type: str = self.daemon_type

        daemon_id = self.daemon_id

        flags = self.flags

        id_digest = self.id_digest

        pub_extra: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pub_extra, Unset):
            pub_extra = []
            for pub_extra_item_data in self.pub_extra:
                pub_extra_item = pub_extra_item_data.to_dict()
                pub_extra.append(pub_extra_item)

        verifying_key = self.verifying_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "public_net": public_net,
                "intra_data_net": intra_data_net,
                "intra_control_net": intra_control_net,
                "daemon_type": daemon_type,
                "daemon_id": daemon_id,
                "flags": flags,
                "id_digest": id_digest,
            }
        )
        if pub_extra is not UNSET:
            field_dict["pub_extra"] = pub_extra
        if verifying_key is not UNSET:
            field_dict["verifying_key"] = verifying_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.net_info import NetInfo

        d = dict(src_dict)
        public_net = NetInfo.from_dict(d.pop("public_net"))

        intra_data_net = NetInfo.from_dict(d.pop("intra_data_net"))

        intra_control_net = NetInfo.from_dict(d.pop("intra_control_net"))

        daemon_type = check_snode_daemon_type(d.pop("daemon_type"))

        daemon_id = d.pop("daemon_id")

        flags = d.pop("flags")

        id_digest = d.pop("id_digest")

        _pub_extra = d.pop("pub_extra", UNSET)
        pub_extra: list[NetInfo] | Unset = UNSET
        if _pub_extra is not UNSET:
            pub_extra = []
            for pub_extra_item_data in _pub_extra:
                pub_extra_item = NetInfo.from_dict(pub_extra_item_data)

                pub_extra.append(pub_extra_item)

        verifying_key = d.pop("verifying_key", UNSET)

        snode = cls(
            public_net=public_net,
            intra_data_net=intra_data_net,
            intra_control_net=intra_control_net,
            daemon_type=daemon_type,
            daemon_id=daemon_id,
            flags=flags,
            id_digest=id_digest,
            pub_extra=pub_extra,
            verifying_key=verifying_key,
        )

        return snode
