from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="JobStatus")


@_attrs_define
class JobStatus:
    """Job status as tracked by the IC (`nl.Status`).

    Attributes:
        kind (str):
        uuid (str):
        err (str):
        end_time (int): Unix nanoseconds; 0 while running.
        aborted (bool):
        is_idle (bool | Unset):
    """

    kind: str
    uuid: str
    err: str
    end_time: int
    aborted: bool
    is_idle: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        uuid = self.uuid

        err = self.err

        end_time = self.end_time

        aborted = self.aborted

        is_idle = self.is_idle

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "uuid": uuid,
                "err": err,
                "end_time": end_time,
                "aborted": aborted,
            }
        )
        if is_idle is not UNSET:
            field_dict["is_idle"] = is_idle

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = d.pop("kind")

        uuid = d.pop("uuid")

        err = d.pop("err")

        end_time = d.pop("end_time")

        aborted = d.pop("aborted")

        is_idle = d.pop("is_idle", UNSET)

        job_status = cls(
            kind=kind,
            uuid=uuid,
            err=err,
            end_time=end_time,
            aborted=aborted,
            is_idle=is_idle,
        )

        return job_status
