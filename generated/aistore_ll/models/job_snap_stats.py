from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="JobSnapStats")


@_attrs_define
class JobSnapStats:
    """Job counters (int64 as strings).

    Attributes:
        loc_objs (str):
        loc_bytes (str):
        out_objs (str):
        out_bytes (str):
        in_objs (str):
        in_bytes (str):
    """

    loc_objs: str
    loc_bytes: str
    out_objs: str
    out_bytes: str
    in_objs: str
    in_bytes: str

    def to_dict(self) -> dict[str, Any]:
        loc_objs = self.loc_objs

        loc_bytes = self.loc_bytes

        out_objs = self.out_objs

        out_bytes = self.out_bytes

        in_objs = self.in_objs

        in_bytes = self.in_bytes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "loc-objs": loc_objs,
                "loc-bytes": loc_bytes,
                "out-objs": out_objs,
                "out-bytes": out_bytes,
                "in-objs": in_objs,
                "in-bytes": in_bytes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        loc_objs = d.pop("loc-objs")

        loc_bytes = d.pop("loc-bytes")

        out_objs = d.pop("out-objs")

        out_bytes = d.pop("out-bytes")

        in_objs = d.pop("in-objs")

        in_bytes = d.pop("in-bytes")

        job_snap_stats = cls(
            loc_objs=loc_objs,
            loc_bytes=loc_bytes,
            out_objs=out_objs,
            out_bytes=out_bytes,
            in_objs=in_objs,
            in_bytes=in_bytes,
        )

        return job_snap_stats
