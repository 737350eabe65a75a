from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BlobMsg")


@_attrs_define
class BlobMsg:
    """Value of `blob-download` (`apc.BlobMsg`).

    Attributes:
        chunk_size (int | Unset): Chunk size in bytes (0 = default).
        full_size (int | Unset): The object's full size, when known.
        chunk_read_timeout (str | Unset): Per-attempt backend range-read timeout, Go duration (empty = default).
        num_workers (int | Unset): Concurrent workers (0 = auto).
        latest_ver (bool | Unset):
    """

    chunk_size: int | Unset = UNSET
    full_size: int | Unset = UNSET
    chunk_read_timeout: str | Unset = UNSET
    num_workers: int | Unset = UNSET
    latest_ver: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        chunk_size = self.chunk_size

        full_size = self.full_size

        chunk_read_timeout = self.chunk_read_timeout

        num_workers = self.num_workers

        latest_ver = self.latest_ver

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if chunk_size is not UNSET:
            field_dict["chunk-size"] = chunk_size
        if full_size is not UNSET:
            field_dict["full-size"] = full_size
        if chunk_read_timeout is not UNSET:
            field_dict["chunk-read-timeout"] = chunk_read_timeout
        if num_workers is not UNSET:
            field_dict["num-workers"] = num_workers
        if latest_ver is not UNSET:
            field_dict["latest-ver"] = latest_ver

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        chunk_size = d.pop("chunk-size", UNSET)

        full_size = d.pop("full-size", UNSET)

        chunk_read_timeout = d.pop("chunk-read-timeout", UNSET)

        num_workers = d.pop("num-workers", UNSET)

        latest_ver = d.pop("latest-ver", UNSET)

        blob_msg = cls(
            chunk_size=chunk_size,
            full_size=full_size,
            chunk_read_timeout=chunk_read_timeout,
            num_workers=num_workers,
            latest_ver=latest_ver,
        )

        return blob_msg
