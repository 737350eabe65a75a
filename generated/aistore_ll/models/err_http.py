from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrHTTP")


@_attrs_define
class ErrHTTP:
    """Error body (`cmn.ErrHTTP`).

    Attributes:
        message (str):
        method (str):
        url_path (str):
        remote_addr (str):
        caller (str):
        node (str): Node that produced the error, e.g. `p[<id>]` or `t[<id>]`.
        status (int):
        tcode (str | Unset): Go type of the error (e.g. `ErrBckNotFound`, `ErrNotFound`, `ErrUnsupp`); absent for plain
            errors.
    """

    message: str
    method: str
    url_path: str
    remote_addr: str
    caller: str
    node: str
    status: int
    tcode: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        method = self.method

        url_path = self.url_path

        remote_addr = self.remote_addr

        caller = self.caller

        node = self.node

        status = self.status

        tcode = self.tcode

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "message": message,
                "method": method,
                "url_path": url_path,
                "remote_addr": remote_addr,
                "caller": caller,
                "node": node,
                "status": status,
            }
        )
        if tcode is not UNSET:
            field_dict["tcode"] = tcode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = d.pop("message")

        method = d.pop("method")

        url_path = d.pop("url_path")

        remote_addr = d.pop("remote_addr")

        caller = d.pop("caller")

        node = d.pop("node")

        status = d.pop("status")

        tcode = d.pop("tcode", UNSET)

        err_http = cls(
            message=message,
            method=method,
            url_path=url_path,
            remote_addr=remote_addr,
            caller=caller,
            node=node,
            status=status,
            tcode=tcode,
        )

        return err_http
