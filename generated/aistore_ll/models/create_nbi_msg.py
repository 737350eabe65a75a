from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lso_msg_hdr import LsoMsgHdr


T = TypeVar("T", bound="CreateNBIMsg")


@_attrs_define
class CreateNBIMsg:
    """Value of `create-inventory` (`apc.CreateNBIMsg`, an `LsoMsg` plus these).

    Attributes:
        uuid (str | Unset): Listing session id; empty on the first page, then echoed.
        continuation_token (str | Unset): Empty on the first page, then the previous page's token.
        prefix (str | Unset):
        props (str | Unset): Comma-separated properties: name, size, version, checksum, atime,
            cached, status, copies, ec, custom, location, chunked,
            last-modified, etag.
        pagesize (int | Unset): Page size; 0 = server default (ais 10000).
        flags (str | Unset): uint64 bit flags as a decimal string: 1 cached, 2 missing,
            4 deleted, 8 arch-dir, 16 name-only, 32 name-size, 64 bck-present,
            128 dont-head-remote, 256 dont-add-remote, 512 not-cached,
            2048 no-recursion, 4096 diff, 8192 no-dirs, 16384 is-s3, 32768 NBI.
        start_after (str | Unset): ais buckets only.
        target (str | Unset): Pin the backend listing to one target id.
        time_format (str | Unset): Go time layout for `atime` (default RFC822).
        hdr (LsoMsgHdr | Unset): Headers forwarded to a remote backend.
        name (str | Unset): Inventory name (default generated).
        names_per_chunk (int | Unset):
        force (bool | Unset):
    """

    uuid: str | Unset = UNSET
    continuation_token: str | Unset = UNSET
    prefix: str | Unset = UNSET
    props: str | Unset = UNSET
    pagesize: int | Unset = UNSET
    flags: str | Unset = UNSET
    start_after: str | Unset = UNSET
    target: str | Unset = UNSET
    time_format: str | Unset = UNSET
    hdr: LsoMsgHdr | Unset = UNSET
    name: str | Unset = UNSET
    names_per_chunk: int | Unset = UNSET
    force: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = self.uuid

        continuation_token = self.continuation_token

        prefix = self.prefix

        props = self.props

        pagesize = self.pagesize

        flags = self.flags

        start_after = self.start_after

        target = self.target

        time_format = self.time_format

        hdr: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hdr, Unset):
            hdr = self.hdr.to_dict()

        name = self.name

        names_per_chunk = self.names_per_chunk

        force = self.force

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if uuid is not UNSET:
            field_dict["uuid"] = uuid
        if continuation_token is not UNSET:
            field_dict["continuation_token"] = continuation_token
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if props is not UNSET:
            field_dict["props"] = props
        if pagesize is not UNSET:
            field_dict["pagesize"] = pagesize
        if flags is not UNSET:
            field_dict["flags"] = flags
        if start_after is not UNSET:
            field_dict["start_after"] = start_after
        if target is not UNSET:
            field_dict["target"] = target
        if time_format is not UNSET:
            field_dict["time_format"] = time_format
        if hdr is not UNSET:
            field_dict["hdr"] = hdr
        if name is not UNSET:
            field_dict["name"] = name
        if names_per_chunk is not UNSET:
            field_dict["names_per_chunk"] = names_per_chunk
        if force is not UNSET:
            field_dict["force"] = force

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lso_msg_hdr import LsoMsgHdr

        d = dict(src_dict)
        uuid = d.pop("uuid", UNSET)

        continuation_token = d.pop("continuation_token", UNSET)

        prefix = d.pop("prefix", UNSET)

        props = d.pop("props", UNSET)

        pagesize = d.pop("pagesize", UNSET)

        flags = d.pop("flags", UNSET)

        start_after = d.pop("start_after", UNSET)

        target = d.pop("target", UNSET)

        time_format = d.pop("time_format", UNSET)

        _hdr = d.pop("hdr", UNSET)
        hdr: LsoMsgHdr | Unset
        if isinstance(_hdr, Unset):
            hdr = UNSET
        else:
            hdr = LsoMsgHdr.from_dict(_hdr)

        name = d.pop("name", UNSET)

        names_per_chunk = d.pop("names_per_chunk", UNSET)

        force = d.pop("force", UNSET)

        create_nbi_msg = cls(
            uuid=uuid,
            continuation_token=continuation_token,
            prefix=prefix,
            props=props,
            pagesize=pagesize,
            flags=flags,
            start_after=start_after,
            target=target,
            time_format=time_format,
            hdr=hdr,
            name=name,
            names_per_chunk=names_per_chunk,
            force=force,
        )

        create_nbi_msg.additional_properties = d
        return create_nbi_msg

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
