from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bck import Bck
    from ..models.json_object import JSONObject


T = TypeVar("T", bound="BpropsToSet")


@_attrs_define
class BpropsToSet:
    """Partial bucket properties (`cmn.BpropsToSet`): value of `set-bprops`
    and (optionally) `create-bck`. Same sections as `Bprops`, all optional.

        Attributes:
            backend_bck (Bck | Unset): Bucket identity (`cmn.Bck`).
            versioning (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            checksum (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            mirror (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            lru (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            ec (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            chunks (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            rate_limit (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            write_policy (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            extra (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
            access (str | Unset):
            features (str | Unset):
            force (bool | Unset):
    """

    backend_bck: Bck | Unset = UNSET
    versioning: JSONObject | Unset = UNSET
    checksum: JSONObject | Unset = UNSET
    mirror: JSONObject | Unset = UNSET
    lru: JSONObject | Unset = UNSET
    ec: JSONObject | Unset = UNSET
    chunks: JSONObject | Unset = UNSET
    rate_limit: JSONObject | Unset = UNSET
    write_policy: JSONObject | Unset = UNSET
    extra: JSONObject | Unset = UNSET
    access: str | Unset = UNSET
    features: str | Unset = UNSET
    force: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backend_bck: dict[str, Any] | Unset = UNSET
        if not isinstance(self.backend_bck, Unset):
            backend_bck = self.backend_bck.to_dict()

        versioning: dict[str, Any] | Unset = UNSET
        if not isinstance(self.versioning, Unset):
            versioning = self.versioning.to_dict()

        checksum: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checksum, Unset):
            checksum = self.checksum.to_dict()

        mirror: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mirror, Unset):
            mirror = self.mirror.to_dict()

        lru: dict[str, Any] | Unset = UNSET
        if not isinstance(self.lru, Unset):
            lru = self.lru.to_dict()

        ec: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ec, Unset):
            ec = self.ec.to_dict()

        chunks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.chunks, Unset):
            chunks = self.chunks.to_dict()

        rate_limit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rate_limit, Unset):
            rate_limit = self.rate_limit.to_dict()

        write_policy: dict[str, Any] | Unset = UNSET
        if not isinstance(self.write_policy, Unset):
            write_policy = self.write_policy.to_dict()

        extra: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra, Unset):
            extra = self.extra.to_dict()

        access = self.access

        features = self.features

        force = self.force

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if backend_bck is not UNSET:
            field_dict["backend_bck"] = backend_bck
        if versioning is not UNSET:
            field_dict["versioning"] = versioning
        if checksum is not UNSET:
            field_dict["checksum"] = checksum
        if mirror is not UNSET:
            field_dict["mirror"] = mirror
        if lru is not UNSET:
            field_dict["lru"] = lru
        if ec is not UNSET:
            field_dict["ec"] = ec
        if chunks is not UNSET:
            field_dict["chunks"] = chunks
        if rate_limit is not UNSET:
            field_dict["rate_limit"] = rate_limit
        if write_policy is not UNSET:
            field_dict["write_policy"] = write_policy
        if extra is not UNSET:
            field_dict["extra"] = extra
        if access is not UNSET:
            field_dict["access"] = access
        if features is not UNSET:
            field_dict["features"] = features
        if force is not UNSET:
            field_dict["force"] = force

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bck import Bck
        from ..models.json_object import JSONObject

        d = dict(src_dict)
        _backend_bck = d.pop("backend_bck", UNSET)
        backend_bck: Bck | Unset
        if isinstance(_backend_bck, Unset):
            backend_bck = UNSET
        else:
            backend_bck = Bck.from_dict(_backend_bck)

        _versioning = d.pop("versioning", UNSET)
        versioning: JSONObject | Unset
        if isinstance(_versioning, Unset):
            versioning = UNSET
        else:
            versioning = JSONObject.from_dict(_versioning)

        _checksum = d.pop("checksum", UNSET)
        checksum: JSONObject | Unset
        if isinstance(_checksum, Unset):
            checksum = UNSET
        else:
            checksum = JSONObject.from_dict(_checksum)

        _mirror = d.pop("mirror", UNSET)
        mirror: JSONObject | Unset
        if isinstance(_mirror, Unset):
            mirror = UNSET
        else:
            mirror = JSONObject.from_dict(_mirror)

        _lru = d.pop("lru", UNSET)
        lru: JSONObject | Unset
        if isinstance(_lru, Unset):
            lru = UNSET
        else:
            lru = JSONObject.from_dict(_lru)

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

        _rate_limit = d.pop("rate_limit", UNSET)
        rate_limit: JSONObject | Unset
        if isinstance(_rate_limit, Unset):
            rate_limit = UNSET
        else:
            rate_limit = JSONObject.from_dict(_rate_limit)

        _write_policy = d.pop("write_policy", UNSET)
        write_policy: JSONObject | Unset
        if isinstance(_write_policy, Unset):
            write_policy = UNSET
        else:
            write_policy = JSONObject.from_dict(_write_policy)

        _extra = d.pop("extra", UNSET)
        extra: JSONObject | Unset
        if isinstance(_extra, Unset):
            extra = UNSET
        else:
            extra = JSONObject.from_dict(_extra)

        access = d.pop("access", UNSET)

        features = d.pop("features", UNSET)

        force = d.pop("force", UNSET)

        bprops_to_set = cls(
            backend_bck=backend_bck,
            versioning=versioning,
            checksum=checksum,
            mirror=mirror,
            lru=lru,
            ec=ec,
            chunks=chunks,
            rate_limit=rate_limit,
            write_policy=write_policy,
            extra=extra,
            access=access,
            features=features,
            force=force,
        )

        bprops_to_set.additional_properties = d
        return bprops_to_set

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
