from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.namespace import Namespace


T = TypeVar("T", bound="Bck")


@_attrs_define
class Bck:
    """Bucket identity (`cmn.Bck`).

    Attributes:
        name (str):
        provider (str | Unset): Backend provider (`ais`, `aws`, ...).
        namespace (Namespace | Unset): Bucket namespace; both empty = global namespace.
    """

    name: str
    provider: str | Unset = UNSET
    namespace: Namespace | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        provider = self.provider

        namespace: dict[str, Any] | Unset = UNSET
        if not isinstance(self.namespace, Unset):
            namespace = self.namespace.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if provider is not UNSET:
            field_dict["provider"] = provider
        if namespace is not UNSET:
            field_dict["namespace"] = namespace

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.namespace import Namespace

        d = dict(src_dict)
        name = d.pop("name")

        provider = d.pop("provider", UNSET)

        _namespace = d.pop("namespace", UNSET)
        namespace: Namespace | Unset
        if isinstance(_namespace, Unset):
            namespace = UNSET
        else:
            namespace = Namespace.from_dict(_namespace)

        bck = cls(
            name=name,
            provider=provider,
            namespace=namespace,
        )

        return bck
