"""One-object operations beyond the seed, sync and async: custom metadata set/replace, copy and
transform of one object, promote, blob download, HEAD v2.

``promote(path)`` of a file makes the object; with ``recursive=True`` ``path`` is a directory
whose files become ``<object name>/<relative path>``. Names and arguments as today's
official SDK's ``Object`` (``set_custom_props``, ``copy``, ``promote``, ``blob_download``,
``head_v2``); every argument is checked before any request.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from aistore_ll.models import BlobMsg, PromoteArgs
from aistore_ll.types import UNSET

from aistore_hl import _body, _plans_api
from aistore_hl.errors import InvalidArgument
from aistore_hl.header import Header
from aistore_hl.validation import validate_etl_name

if TYPE_CHECKING:
    from aistore_hl.object import AsyncObject, Object

#: Properties HEAD v2 may ask for (``cached`` and ``status`` are refused by the server: 400).
HEAD_V2_PROPS: Final = frozenset(
    {
        "name",
        "size",
        "checksum",
        "atime",
        "version",
        "last-modified",
        "etag",
        "copies",
        "ec",
        "custom",
        "location",
        "chunked",
    }
)

#: Where an AIS 5.0 target accepts files to promote (``errInvalidPromoteSource`` elsewhere).
PROMOTE_ROOT: Final = "/var/lib/ais/promote"


def _is(v: object, t: type) -> bool:
    return isinstance(v, t) and not (t is int and isinstance(v, bool))


def check_custom(custom_metadata: object, replace_existing: object) -> dict[str, str]:
    if not isinstance(custom_metadata, Mapping) or not all(
        isinstance(k, str) and k and isinstance(v, str) for k, v in custom_metadata.items()
    ):
        raise InvalidArgument(
            custom_metadata, "must be a mapping of non-empty str to str", param="custom_metadata"
        )
    if any("=" in k for k in custom_metadata):
        # The server writes them as k=v pairs (Ais-Custom-Md): a key with '=' would not read back.
        raise InvalidArgument(sorted(custom_metadata), "keys must not contain '='", param="custom_metadata")
    if not isinstance(replace_existing, bool):
        raise InvalidArgument(replace_existing, "must be a bool", param="replace_existing")
    if not custom_metadata and not replace_existing:
        raise InvalidArgument(
            {}, "nothing to set (pass replace_existing=True to clear)", param="custom_metadata"
        )
    return dict(custom_metadata)


def copy_kwargs(
    obj: Any, to_obj: Any, etl_name: str, etl_args: str, latest: bool, sync: bool
) -> dict[str, Any]:
    """Request kwargs of ``copy``/``transform``: a bodiless PUT with ``object_to``."""
    if not hasattr(to_obj, "bck") or not hasattr(to_obj, "obj_name"):
        raise InvalidArgument(to_obj, "must be an Object (the destination)", param="to_obj")
    if etl_name:
        validate_etl_name(etl_name)
    if not isinstance(etl_args, str):
        raise InvalidArgument(etl_args, "must be a str", param="etl_args")
    for name, v in (("latest", latest), ("sync", sync)):
        if not isinstance(v, bool):
            raise InvalidArgument(v, "must be a bool", param=name)
    dst = to_obj.bck.bck
    if dst == obj.bck.bck and to_obj.obj_name == obj.obj_name:
        raise InvalidArgument(to_obj, "the destination is the source object", param="to_obj")
    return _plans_api.obj_put_kwargs(
        obj.bck.bck,
        obj.obj_name,
        object_to=f"{dst.uname()}{to_obj.obj_name}",
        etl_name=etl_name,
        etl_args=etl_args,
        latest_ver=latest,
        synchronize=sync,
    )


def promote_args(
    obj: Any,
    path: object,
    target_id: object,
    recursive: object,
    overwrite_dest: object,
    delete_source: object,
    src_not_file_share: object,
) -> PromoteArgs:
    if not isinstance(path, str | os.PathLike) or not os.fspath(path):
        raise InvalidArgument(path, "must be a path on the targets' file systems", param="path")
    src = os.path.normpath(os.fspath(path))
    if not (src == PROMOTE_ROOT or src.startswith(PROMOTE_ROOT + "/")):
        raise InvalidArgument(
            src, f"must be under {PROMOTE_ROOT} (where AIS 5.0 promotes from)", param="path"
        )
    if not isinstance(target_id, str):
        raise InvalidArgument(target_id, "must be a str", param="target_id")
    for name, v in (
        ("recursive", recursive),
        ("overwrite_dest", overwrite_dest),
        ("delete_source", delete_source),
        ("src_not_file_share", src_not_file_share),
    ):
        if not isinstance(v, bool):
            raise InvalidArgument(v, "must be a bool", param=name)
    return PromoteArgs(
        tid=target_id or UNSET,
        src=src,
        # The server prepends ``obj`` verbatim ("pr" + "a.txt" -> "pra.txt"): a directory's files
        # go under "<name>/", which an object name cannot end with.
        obj=obj.obj_name + "/" if recursive else obj.obj_name,
        rcr=True if recursive else UNSET,
        ovw=True if overwrite_dest else UNSET,
        dls=True if delete_source else UNSET,
        notshr=True if src_not_file_share else UNSET,
    )


def blob_msg(obj: Any, chunk_size: object, num_workers: object, latest: object) -> BlobMsg:
    if not obj.bck.bck.is_remote():
        raise InvalidArgument(obj.bck.bck.cname(""), "blob download needs a remote bucket", param="bucket")
    for name, v in (("chunk_size", chunk_size), ("num_workers", num_workers)):
        if v is not None and (not _is(v, int) or v < 1):  # type: ignore[operator]
            raise InvalidArgument(v, "must be an int >= 1", param=name)
    if not isinstance(latest, bool):
        raise InvalidArgument(latest, "must be a bool", param="latest")
    return BlobMsg(
        chunk_size=chunk_size if chunk_size is not None else UNSET,  # type: ignore[arg-type]
        num_workers=num_workers if num_workers is not None else UNSET,  # type: ignore[arg-type]
        latest_ver=latest or UNSET,
    )


def check_head_v2(props: object) -> str:
    if isinstance(props, str):
        names = [p.strip() for p in props.split(",") if p.strip()]
    elif isinstance(props, list | tuple | set | frozenset):
        names = [str(p).strip() for p in props]
    else:
        raise InvalidArgument(props, "must be a comma-separated str or a list of names", param="props")
    unknown = sorted(set(names) - HEAD_V2_PROPS)
    if not names or unknown:
        raise InvalidArgument(unknown or props, f"props must be among {sorted(HEAD_V2_PROPS)}", param="props")
    return ",".join(dict.fromkeys(names))


def etl_name_args(etl: object) -> tuple[str, str]:
    """``(etl_name, etl_args)`` of ``copy``'s ``etl`` (an ``ETLConfig``, 2.0's or ours; None: none)."""
    from aistore_hl.types import etl_query

    if etl is None:
        return "", ""
    q = etl_query(etl)
    return q.get("etl_name", ""), q.get("etl_args", "")


# -- sync ------------------------------------------------------------------------------------------
def set_custom_props(obj: Object, custom_metadata: Mapping[str, str], replace_existing: bool = False) -> None:
    """Sync driver of ``Object.set_custom_props``."""
    custom = check_custom(custom_metadata, replace_existing)
    obj.bck.client._rc.run(_plans_api.set_custom_props(obj.bck.bck, obj.obj_name, custom, replace_existing))


def copy(
    obj: Object,
    to_obj: Object,
    etl_name: str = "",
    etl_args: str = "",
    latest: bool = False,
    sync: bool = False,
) -> None:
    """Sync driver of ``Object.copy`` / ``Object.transform``."""
    kw = copy_kwargs(obj, to_obj, etl_name, etl_args, latest, sync)
    obj.bck.client._rc.put_redirected(kw, _body.body_from(content=b""))


def promote(
    obj: Object,
    path: str,
    target_id: str = "",
    recursive: bool = False,
    overwrite_dest: bool = False,
    delete_source: bool = False,
    src_not_file_share: bool = False,
) -> str:
    """Sync driver of ``Object.promote``."""
    args = promote_args(obj, path, target_id, recursive, overwrite_dest, delete_source, src_not_file_share)
    return obj.bck.client._rc.run(_plans_api.promote(obj.bck.bck, args))


def blob_download(
    obj: Object, chunk_size: int | None = None, num_workers: int | None = None, latest: bool = False
) -> str:
    """Sync driver of ``Object.blob_download``."""
    msg = blob_msg(obj, chunk_size, num_workers, latest)
    return obj.bck.client._rc.run(_plans_api.blob_download(obj.bck.bck, obj.obj_name, msg))


def head_v2(obj: Object, props: str | list[str] = "name,size,checksum,version,last-modified,etag") -> Header:
    """Sync driver of ``Object.head_v2``."""
    return obj.bck.client._rc.run(_plans_api.head_v2(obj.bck.bck, obj.obj_name, check_head_v2(props)))


# -- async -----------------------------------------------------------------------------------------
async def aset_custom_props(
    obj: AsyncObject, custom_metadata: Mapping[str, str], replace_existing: bool = False
) -> None:
    """Async driver of ``AsyncObject.set_custom_props``."""
    custom = check_custom(custom_metadata, replace_existing)
    plan = _plans_api.set_custom_props(obj.bck.bck, obj.obj_name, custom, replace_existing)
    await obj.bck.client._rc.run(plan)


async def acopy(
    obj: AsyncObject,
    to_obj: AsyncObject,
    etl_name: str = "",
    etl_args: str = "",
    latest: bool = False,
    sync: bool = False,
) -> None:
    """Async driver of ``AsyncObject.copy`` / ``transform``."""
    kw = copy_kwargs(obj, to_obj, etl_name, etl_args, latest, sync)
    await obj.bck.client._rc.put_redirected(kw, _body.body_from(content=b""))


async def apromote(
    obj: AsyncObject,
    path: str,
    target_id: str = "",
    recursive: bool = False,
    overwrite_dest: bool = False,
    delete_source: bool = False,
    src_not_file_share: bool = False,
) -> str:
    """Async driver of ``AsyncObject.promote``."""
    args = promote_args(obj, path, target_id, recursive, overwrite_dest, delete_source, src_not_file_share)
    return await obj.bck.client._rc.run(_plans_api.promote(obj.bck.bck, args))


async def ablob_download(
    obj: AsyncObject, chunk_size: int | None = None, num_workers: int | None = None, latest: bool = False
) -> str:
    """Async driver of ``AsyncObject.blob_download``."""
    msg = blob_msg(obj, chunk_size, num_workers, latest)
    return await obj.bck.client._rc.run(_plans_api.blob_download(obj.bck.bck, obj.obj_name, msg))


async def ahead_v2(
    obj: AsyncObject, props: str | list[str] = "name,size,checksum,version,last-modified,etag"
) -> Header:
    """Async driver of ``AsyncObject.head_v2``."""
    return await obj.bck.client._rc.run(_plans_api.head_v2(obj.bck.bck, obj.obj_name, check_head_v2(props)))
