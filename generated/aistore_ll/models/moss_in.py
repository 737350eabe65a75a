from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.provider import Provider, check_provider
from ..types import UNSET, Unset

T = TypeVar("T", bound="MossIn")


@_attrs_define
class MossIn:
    """One Get-Batch entry (`apc.MossIn`). `(start, length)`: `(0, 0)` the
    whole object (or archived file), `(N, L>0)` L bytes from N, `(N, -1)`
    from N to the end; a non-zero `start` with `length` 0 is rejected.
    With `archpath` the range applies to the extracted file.

        Attributes:
            objname (str): Object name (no `.`/`..` components, no trailing `/`).
            bucket (str | Unset): Overrides the bucket of the request path.
            provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp, azure, oci).
            uname (str | Unset): Fully qualified name (bucket, provider, namespace and object).
            archpath (str | Unset): A file inside the object (.tar, .tgz, .tar.gz, .zip, .tar.lz4).
            opaque (str | Unset): Caller's bytes (base64 in JSON), echoed in `MossOut.opaque`.
            start (int | Unset):
            length (int | Unset):
    """

    objname: str
    bucket: str | Unset = UNSET
    provider: Provider | Unset = UNSET
    uname: str | Unset = UNSET
    archpath: str | Unset = UNSET
    opaque: str | Unset = UNSET
    start: int | Unset = UNSET
    length: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        objname = self.objname

        bucket = self.bucket

        provider: str | Unset = UNSET
        if not isinstance(self.provider, Unset):
            provider = self.provider

        uname = self.uname

        archpath = self.archpath

        opaque = self.opaque

        start = self.start

        length = self.length

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "objname": objname,
            }
        )
        if bucket is not UNSET:
            field_dict["bucket"] = bucket
        if provider is not UNSET:
            field_dict["provider"] = provider
        if uname is not UNSET:
            field_dict["uname"] = uname
        if archpath is not UNSET:
            field_dict["archpath"] = archpath
        if opaque is not UNSET:
            field_dict["opaque"] = opaque
        if start is not UNSET:
            field_dict["start"] = start
        if length is not UNSET:
            field_dict["length"] = length

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        objname = d.pop("objname")

        bucket = d.pop("bucket", UNSET)

        _provider = d.pop("provider", UNSET)
        provider: Provider | Unset
        if isinstance(_provider, Unset):
            provider = UNSET
        else:
            provider = check_provider(_provider)

        uname = d.pop("uname", UNSET)

        archpath = d.pop("archpath", UNSET)

        opaque = d.pop("opaque", UNSET)

        start = d.pop("start", UNSET)

        length = d.pop("length", UNSET)

        moss_in = cls(
            objname=objname,
            bucket=bucket,
            provider=provider,
            uname=uname,
            archpath=archpath,
            opaque=opaque,
            start=start,
            length=length,
        )

        moss_in.additional_properties = d
        return moss_in

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
