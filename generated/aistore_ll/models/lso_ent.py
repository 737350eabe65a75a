from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LsoEnt")


@_attrs_define
class LsoEnt:
    """One entry of a JSON list-objects page (`cmn.LsoEnt`).

    Attributes:
        name (str):
        checksum (str | Unset):  Default: ''.
        atime (str | Unset): Formatted per `LsoMsg.time_format`. Default: ''.
        version (str | Unset):  Default: ''.
        location (str | Unset): `t[<tid>]:<mountpath>` Default: ''.
        custom_md (str | Unset):  Default: ''.
        size (str | Unset): Size in bytes (int64 as a string in JSON). Default: '0'.
        copies (int | Unset):  Default: 0.
        flags (int | Unset): Low 5 bits = status; 64 cached, 128 in-archive, 256 dir, 512 archive, ... Default: 0.
    """

    name: str
    checksum: str | Unset = ""
    atime: str | Unset = ""
    version: str | Unset = ""
    location: str | Unset = ""
    custom_md: str | Unset = ""
    size: str | Unset = "0"
    copies: int | Unset = 0
    flags: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        checksum = self.checksum

        atime = self.atime

        version = self.version

        location = self.location

        custom_md = self.custom_md

        size = self.size

        copies = self.copies

        flags = self.flags

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if checksum is not UNSET:
            field_dict["checksum"] = checksum
        if atime is not UNSET:
            field_dict["atime"] = atime
        if version is not UNSET:
            field_dict["version"] = version
        if location is not UNSET:
            field_dict["location"] = location
        if custom_md is not UNSET:
            field_dict["custom-md"] = custom_md
        if size is not UNSET:
            field_dict["size"] = size
        if copies is not UNSET:
            field_dict["copies"] = copies
        if flags is not UNSET:
            field_dict["flags"] = flags

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        checksum = d.pop("checksum", UNSET)

        atime = d.pop("atime", UNSET)

        version = d.pop("version", UNSET)

        location = d.pop("location", UNSET)

        custom_md = d.pop("custom-md", UNSET)

        size = d.pop("size", UNSET)

        copies = d.pop("copies", UNSET)

        flags = d.pop("flags", UNSET)

        lso_ent = cls(
            name=name,
            checksum=checksum,
            atime=atime,
            version=version,
            location=location,
            custom_md=custom_md,
            size=size,
            copies=copies,
            flags=flags,
        )

        return lso_ent
