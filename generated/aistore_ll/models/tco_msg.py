from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bck import Bck
    from ..models.tcb_msg_ext import TCBMsgExt


T = TypeVar("T", bound="TCOMsg")


@_attrs_define
class TCOMsg:
    """Multi-object copy/transform (`cmn.TCOMsg`), value of `copy-listrange` / `etl-listrange`.

    Attributes:
        tobck (Bck): Bucket identity (`cmn.Bck`).
        objnames (list[str] | Unset):
        template (str | Unset): Range template, e.g. `shard-{001..999}.tar`.
        prefix (str | Unset): Source name filter.
        prepend (str | Unset): Prefix added to destination names.
        dry_run (bool | Unset):
        force (bool | Unset):
        latest_ver (bool | Unset):
        synchronize (bool | Unset):
        non_recurs (bool | Unset):
        ext (TCBMsgExt | Unset): Destination extension remap, e.g. `{"jpg":"png"}`.
        id (str | Unset): ETL name (etl-bck / etl-listrange).
        pipeline (list[str] | Unset):
        request_timeout (str | Unset): Per-object transform timeout, Go duration.
        num_workers (int | Unset): 0 auto, -1 serial, >0 exact.
        coer (bool | Unset): Continue on error.
    """

    tobck: Bck
    objnames: list[str] | Unset = UNSET
    template: str | Unset = UNSET
    prefix: str | Unset = UNSET
    prepend: str | Unset = UNSET
    dry_run: bool | Unset = UNSET
    force: bool | Unset = UNSET
    latest_ver: bool | Unset = UNSET
    synchronize: bool | Unset = UNSET
    non_recurs: bool | Unset = UNSET
    ext: TCBMsgExt | Unset = UNSET
    id: str | Unset = UNSET
    pipeline: list[str] | Unset = UNSET
    request_timeout: str | Unset = UNSET
    num_workers: int | Unset = UNSET
    coer: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tobck = self.tobck.to_dict()

        objnames: list[str] | Unset = UNSET
        if not isinstance(self.objnames, Unset):
            objnames = self.objnames

        template = self.template

        prefix = self.prefix

        prepend = self.prepend

        dry_run = self.dry_run

        force = self.force

        latest_ver = self.latest_ver

        synchronize = self.synchronize

        non_recurs = self.non_recurs

        ext: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ext, Unset):
            ext = self.ext.to_dict()

        id = self.id

        pipeline: list[str] | Unset = UNSET
        if not isinstance(self.pipeline, Unset):
            pipeline = self.pipeline

        request_timeout = self.request_timeout

        num_workers = self.num_workers

        coer = self.coer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tobck": tobck,
            }
        )
        if objnames is not UNSET:
            field_dict["objnames"] = objnames
        if template is not UNSET:
            field_dict["template"] = template
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if prepend is not UNSET:
            field_dict["prepend"] = prepend
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if force is not UNSET:
            field_dict["force"] = force
        if latest_ver is not UNSET:
            field_dict["latest-ver"] = latest_ver
        if synchronize is not UNSET:
            field_dict["synchronize"] = synchronize
        if non_recurs is not UNSET:
            field_dict["non-recurs"] = non_recurs
        if ext is not UNSET:
            field_dict["ext"] = ext
        if id is not UNSET:
            field_dict["id"] = id
        if pipeline is not UNSET:
            field_dict["pipeline"] = pipeline
        if request_timeout is not UNSET:
            field_dict["request_timeout"] = request_timeout
        if num_workers is not UNSET:
            field_dict["num-workers"] = num_workers
        if coer is not UNSET:
            field_dict["coer"] = coer

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bck import Bck
        from ..models.tcb_msg_ext import TCBMsgExt

        d = dict(src_dict)
        tobck = Bck.from_dict(d.pop("tobck"))

        objnames = cast(list[str], d.pop("objnames", UNSET))

        template = d.pop("template", UNSET)

        prefix = d.pop("prefix", UNSET)

        prepend = d.pop("prepend", UNSET)

        dry_run = d.pop("dry_run", UNSET)

        force = d.pop("force", UNSET)

        latest_ver = d.pop("latest-ver", UNSET)

        synchronize = d.pop("synchronize", UNSET)

        non_recurs = d.pop("non-recurs", UNSET)

        _ext = d.pop("ext", UNSET)
        ext: TCBMsgExt | Unset
        if isinstance(_ext, Unset):
            ext = UNSET
        else:
            ext = TCBMsgExt.from_dict(_ext)

        id = d.pop("id", UNSET)

        pipeline = cast(list[str], d.pop("pipeline", UNSET))

        request_timeout = d.pop("request_timeout", UNSET)

        num_workers = d.pop("num-workers", UNSET)

        coer = d.pop("coer", UNSET)

        tco_msg = cls(
            tobck=tobck,
            objnames=objnames,
            template=template,
            prefix=prefix,
            prepend=prepend,
            dry_run=dry_run,
            force=force,
            latest_ver=latest_ver,
            synchronize=synchronize,
            non_recurs=non_recurs,
            ext=ext,
            id=id,
            pipeline=pipeline,
            request_timeout=request_timeout,
            num_workers=num_workers,
            coer=coer,
        )

        tco_msg.additional_properties = d
        return tco_msg

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
