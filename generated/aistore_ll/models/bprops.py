from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bck import Bck
    from ..models.bprops_checksum import BpropsChecksum
    from ..models.bprops_mirror import BpropsMirror
    from ..models.bprops_versioning import BpropsVersioning
    from ..models.bprops_write_policy import BpropsWritePolicy
    from ..models.json_object import JSONObject


T = TypeVar("T", bound="Bprops")


@_attrs_define
class Bprops:
    """Bucket properties (`cmn.Bprops`), from the `Ais-Bucket-Props` header.
    Only the commonly used sections are detailed; the rest are open objects.

        Attributes:
            provider (str):
            checksum (BpropsChecksum):
            mirror (BpropsMirror):
            versioning (BpropsVersioning):
            access (str): Access bits (uint64 as a string).
            features (str): Feature flags (uint64 as a string).
            created (str): Creation time, unix nanoseconds as a string.
            backend_bck (Bck | Unset): Bucket identity (`cmn.Bck`).
            write_policy (BpropsWritePolicy | Unset):
            extra (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            rate_limit (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            ec (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            chunks (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            lru (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            bid (str | Unset): Bucket id (uint64 as a string).
    """

    provider: str
    checksum: BpropsChecksum
    mirror: BpropsMirror
    versioning: BpropsVersioning
    access: str
    features: str
    created: str
    backend_bck: Bck | Unset = UNSET
    write_policy: BpropsWritePolicy | Unset = UNSET
    extra: JSONObject | Unset = UNSET
    rate_limit: JSONObject | Unset = UNSET
    ec: JSONObject | Unset = UNSET
    chunks: JSONObject | Unset = UNSET
    lru: JSONObject | Unset = UNSET
    bid: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider

        checksum = self.checksum.to_dict()

        mirror = self.mirror.to_dict()

        versioning = self.versioning.to_dict()

        access = self.access

        features = self.features

        created = self.created

        backend_bck: dict[str, Any] | Unset = UNSET
        if not isinstance(self.backend_bck, Unset):
            backend_bck = self.backend_bck.to_dict()

        write_policy: dict[str, Any] | Unset = UNSET
        if not isinstance(self.write_policy, Unset):
            write_policy = self.write_policy.to_dict()

        extra: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra, Unset):
            extra = self.extra.to_dict()

        rate_limit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rate_limit, Unset):
            rate_limit = self.rate_limit.to_dict()

        ec: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ec, Unset):
            ec = self.ec.to_dict()

        chunks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.chunks, Unset):
            chunks = self.chunks.to_dict()

        lru: dict[str, Any] | Unset = UNSET
        if not isinstance(self.lru, Unset):
            lru = self.lru.to_dict()

        bid = self.bid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider": provider,
                "checksum": checksum,
                "mirror": mirror,
                "versioning": versioning,
                "access": access,
                "features": features,
                "created": created,
            }
        )
        if backend_bck is not UNSET:
            field_dict["backend_bck"] = backend_bck
        if write_policy is not UNSET:
            field_dict["write_policy"] = write_policy
        if extra is not UNSET:
            field_dict["extra"] = extra
        if rate_limit is not UNSET:
            field_dict["rate_limit"] = rate_limit
        if ec is not UNSET:
            field_dict["ec"] = ec
        if chunks is not UNSET:
            field_dict["chunks"] = chunks
        if lru is not UNSET:
            field_dict["lru"] = lru
        if bid is not UNSET:
            field_dict["bid"] = bid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bck import Bck
        from ..models.bprops_checksum import BpropsChecksum
        from ..models.bprops_mirror import BpropsMirror
        from ..models.bprops_versioning import BpropsVersioning
        from ..models.bprops_write_policy import BpropsWritePolicy
        from ..models.json_object import JSONObject

        d = dict(src_dict)
        provider = d.pop("provider")

        checksum = BpropsChecksum.from_dict(d.pop("checksum"))

        mirror = BpropsMirror.from_dict(d.pop("mirror"))

        versioning = BpropsVersioning.from_dict(d.pop("versioning"))

        access = d.pop("access")

        features = d.pop("features")

        created = d.pop("created")

        _backend_bck = d.pop("backend_bck", UNSET)
        backend_bck: Bck | Unset
        if isinstance(_backend_bck, Unset):
            backend_bck = UNSET
        else:
            backend_bck = Bck.from_dict(_backend_bck)

        _write_policy = d.pop("write_policy", UNSET)
        write_policy: BpropsWritePolicy | Unset
        if isinstance(_write_policy, Unset):
            write_policy = UNSET
        else:
            write_policy = BpropsWritePolicy.from_dict(_write_policy)

        _extra = d.pop("extra", UNSET)
        extra: JSONObject | Unset
        if isinstance(_extra, Unset):
            extra = UNSET
        else:
            extra = JSONObject.from_dict(_extra)

        _rate_limit = d.pop("rate_limit", UNSET)
        rate_limit: JSONObject | Unset
        if isinstance(_rate_limit, Unset):
            rate_limit = UNSET
        else:
            rate_limit = JSONObject.from_dict(_rate_limit)

        _ec = d.pop("ec", UNSET)
        ec: JSONObject | Unset
        if isinstance(_ec, Unset):
            ec = UNSET
        else:
            ec = JSONObject.from_dict(_ec)

        _chunks = d.pop("chunks", UNSET)
        chunks: JSONObject | Unset
        if isinstance(_chunks, Unset):
            chunks = UNSET
        else:
            chunks = JSONObject.from_dict(_chunks)

        _lru = d.pop("lru", UNSET)
        lru: JSONObject | Unset
        if isinstance(_lru, Unset):
            lru = UNSET
        else:
            lru = JSONObject.from_dict(_lru)

        bid = d.pop("bid", UNSET)

        bprops = cls(
            provider=provider,
            checksum=checksum,
            mirror=mirror,
            versioning=versioning,
            access=access,
            features=features,
            created=created,
            backend_bck=backend_bck,
            write_policy=write_policy,
            extra=extra,
            rate_limit=rate_limit,
            ec=ec,
            chunks=chunks,
            lru=lru,
            bid=bid,
        )

        bprops.additional_properties = d
        return bprops

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
