from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.bsumm_result_obj_count import BsummResultObjCount
    from ..models.bsumm_result_obj_size import BsummResultObjSize
    from ..models.bsumm_result_total_size import BsummResultTotalSize
    from ..models.namespace import Namespace


T = TypeVar("T", bound="BsummResult")


@_attrs_define
class BsummResult:
    """Bucket summary (`cmn.BsummResult`; counts and sizes are uint64 strings).

    Attributes:
        name (str):
        provider (str):
        namespace (Namespace): Bucket namespace; both empty = global namespace.
        obj_count (BsummResultObjCount):
        obj_size (BsummResultObjSize):
        total_size (BsummResultTotalSize):
        used_pct (int):
        is_present (bool):
    """

    name: str
    provider: str
    namespace: Namespace
    obj_count: BsummResultObjCount
    obj_size: BsummResultObjSize
    total_size: BsummResultTotalSize
    used_pct: int
    is_present: bool

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        provider = self.provider

        namespace = self.namespace.to_dict()

        obj_count = self.obj_count.to_dict()

        obj_size = self.obj_size.to_dict()

        total_size = self.total_size.to_dict()

        used_pct = self.used_pct

        is_present = self.is_present

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "provider": provider,
                "namespace": namespace,
                "ObjCount": obj_count,
                "ObjSize": obj_size,
                "TotalSize": total_size,
                "used_pct": used_pct,
                "is_present": is_present,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bsumm_result_obj_count import BsummResultObjCount
        from ..models.bsumm_result_obj_size import BsummResultObjSize
        from ..models.bsumm_result_total_size import BsummResultTotalSize
        from ..models.namespace import Namespace

        d = dict(src_dict)
        name = d.pop("name")

        provider = d.pop("provider")

        namespace = Namespace.from_dict(d.pop("namespace"))

        obj_count = BsummResultObjCount.from_dict(d.pop("ObjCount"))

        obj_size = BsummResultObjSize.from_dict(d.pop("ObjSize"))

        total_size = BsummResultTotalSize.from_dict(d.pop("TotalSize"))

        used_pct = d.pop("used_pct")

        is_present = d.pop("is_present")

        bsumm_result = cls(
            name=name,
            provider=provider,
            namespace=namespace,
            obj_count=obj_count,
            obj_size=obj_size,
            total_size=total_size,
            used_pct=used_pct,
            is_present=is_present,
        )

        return bsumm_result
