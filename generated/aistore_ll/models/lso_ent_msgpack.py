from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LsoEntMsgpack")


@_attrs_define
class LsoEntMsgpack:
    """One entry of a msgpack list-objects page (short keys; `s` is an integer).

    Attributes:
        n (str): name
        cs (str | Unset): checksum Default: ''.
        a (str | Unset): atime Default: ''.
        v (str | Unset): version Default: ''.
        t (str | Unset): location Default: ''.
        m (str | Unset): custom metadata Default: ''.
        s (int | Unset): size in bytes Default: 0.
        c (int | Unset): copies Default: 0.
        f (int | Unset): flags Default: 0.
    """

    n: str
    cs: str | Unset = ""
    a: str | Unset = ""
    v: str | Unset = ""
    t: str | Unset = ""
    m: str | Unset = ""
    s: int | Unset = 0
    c: int | Unset = 0
    f: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        n = self.n

        cs = self.cs

        a = self.a

        v = self.v

        t = self.t

        m = self.m

        s = self.s

        c = self.c

        f = self.f

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "n": n,
            }
        )
        if cs is not UNSET:
            field_dict["cs"] = cs
        if a is not UNSET:
            field_dict["a"] = a
        if v is not UNSET:
            field_dict["v"] = v
        if t is not UNSET:
            field_dict["t"] = t
        if m is not UNSET:
            field_dict["m"] = m
        if s is not UNSET:
            field_dict["s"] = s
        if c is not UNSET:
            field_dict["c"] = c
        if f is not UNSET:
            field_dict["f"] = f

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        n = d.pop("n")

        cs = d.pop("cs", UNSET)

        a = d.pop("a", UNSET)

        v = d.pop("v", UNSET)

        t = d.pop("t", UNSET)

        m = d.pop("m", UNSET)

        s = d.pop("s", UNSET)

        c = d.pop("c", UNSET)

        f = d.pop("f", UNSET)

        lso_ent_msgpack = cls(
            n=n,
            cs=cs,
            a=a,
            v=v,
            t=t,
            m=m,
            s=s,
            c=c,
            f=f,
        )

        return lso_ent_msgpack
