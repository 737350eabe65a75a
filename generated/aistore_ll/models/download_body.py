from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.download_body_type import DownloadBodyType, check_download_body_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bck import Bck
    from ..models.download_body_headers import DownloadBodyHeaders
    from ..models.download_body_limits import DownloadBodyLimits
    from ..models.download_body_objects_type_1 import DownloadBodyObjectsType1


T = TypeVar("T", bound="DownloadBody")


@_attrs_define
class DownloadBody:
    """Download request (`dload.Body`: `type` plus the fields of that kind,
    flattened): `Base` (`bucket`, `description`, `timeout`,
    `progress_interval`, `limits`, `headers`) for all kinds.

        Attributes:
            type_ (DownloadBodyType):
            bucket (Bck): Bucket identity (`cmn.Bck`).
            description (str | Unset):
            timeout (str | Unset): Go duration.
            progress_interval (str | Unset): Go duration.
            limits (DownloadBodyLimits | Unset):
            headers (DownloadBodyHeaders | Unset):
            object_name (str | Unset): `single`
            link (str | Unset): `single`
            from_remote (bool | Unset): `single`
            template (str | Unset): `range`: a link template, e.g. `http://h/f{0..9}.txt`.
            subdir (str | Unset): `range`
            objects (DownloadBodyObjectsType1 | list[str] | Unset): `multi`: links, or object name → link.
            prefix (str | Unset): `backend`
            suffix (str | Unset): `backend`
            synchronize (bool | Unset): `backend`
    """

    type_: DownloadBodyType
    bucket: Bck
    description: str | Unset = UNSET
    timeout: str | Unset = UNSET
    progress_interval: str | Unset = UNSET
    limits: DownloadBodyLimits | Unset = UNSET
    headers: DownloadBodyHeaders | Unset = UNSET
    object_name: str | Unset = UNSET
    link: str | Unset = UNSET
    from_remote: bool | Unset = UNSET
    template: str | Unset = UNSET
    subdir: str | Unset = UNSET
    objects: DownloadBodyObjectsType1 | list[str] | Unset = UNSET
    prefix: str | Unset = UNSET
    suffix: str | Unset = UNSET
    synchronize: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        bucket = self.bucket.to_dict()

        description = self.description

        timeout = self.timeout

        progress_interval = self.progress_interval

        limits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.limits, Unset):
            limits = self.limits.to_dict()

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        object_name = self.object_name

        link = self.link

        from_remote = self.from_remote

        template = self.template

        subdir = self.subdir

        objects: dict[str, Any] | list[str] | Unset
        if isinstance(self.objects, Unset):
            objects = UNSET
        elif isinstance(self.objects, list):
            objects = self.objects

        else:
            objects = self.objects.to_dict()

        prefix = self.prefix

        suffix = self.suffix

        synchronize = self.synchronize

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "bucket": bucket,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if progress_interval is not UNSET:
            field_dict["progress_interval"] = progress_interval
        if limits is not UNSET:
            field_dict["limits"] = limits
        if headers is not UNSET:
            field_dict["headers"] = headers
        if object_name is not UNSET:
            field_dict["object_name"] = object_name
        if link is not UNSET:
            field_dict["link"] = link
        if from_remote is not UNSET:
            field_dict["from_remote"] = from_remote
        if template is not UNSET:
            field_dict["template"] = template
        if subdir is not UNSET:
            field_dict["subdir"] = subdir
        if objects is not UNSET:
            field_dict["objects"] = objects
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if suffix is not UNSET:
            field_dict["suffix"] = suffix
        if synchronize is not UNSET:
            field_dict["synchronize"] = synchronize

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bck import Bck
        from ..models.download_body_headers import DownloadBodyHeaders
        from ..models.download_body_limits import DownloadBodyLimits
        from ..models.download_body_objects_type_1 import DownloadBodyObjectsType1

        d = dict(src_dict)
        type_ = check_download_body_type(d.pop("type"))

        bucket = Bck.from_dict(d.pop("bucket"))

        description = d.pop("description", UNSET)

        timeout = d.pop("timeout", UNSET)

        progress_interval = d.pop("progress_interval", UNSET)

        _limits = d.pop("limits", UNSET)
        limits: DownloadBodyLimits | Unset
        if isinstance(_limits, Unset):
            limits = UNSET
        else:
            limits = DownloadBodyLimits.from_dict(_limits)

        _headers = d.pop("headers", UNSET)
        headers: DownloadBodyHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = DownloadBodyHeaders.from_dict(_headers)

        object_name = d.pop("object_name", UNSET)

        link = d.pop("link", UNSET)

        from_remote = d.pop("from_remote", UNSET)

        template = d.pop("template", UNSET)

        subdir = d.pop("subdir", UNSET)

        def _parse_objects(
            data: object,
        ) -> DownloadBodyObjectsType1 | list[str] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                objects_type_0 = cast(list[str], data)

                return objects_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            objects_type_1 = DownloadBodyObjectsType1.from_dict(data)

            return objects_type_1

        objects = _parse_objects(d.pop("objects", UNSET))

        prefix = d.pop("prefix", UNSET)

        suffix = d.pop("suffix", UNSET)

        synchronize = d.pop("synchronize", UNSET)

        download_body = cls(
            type_=type_,
            bucket=bucket,
            description=description,
            timeout=timeout,
            progress_interval=progress_interval,
            limits=limits,
            headers=headers,
            object_name=object_name,
            link=link,
            from_remote=from_remote,
            template=template,
            subdir=subdir,
            objects=objects,
            prefix=prefix,
            suffix=suffix,
            synchronize=synchronize,
        )

        return download_body
