"""Buckets: create, destroy, rename, evict, copy, transform, list, and factories for objects."""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from aistore_ll.models import TCBMsg
from aistore_ll.models.tcb_msg_ext import TCBMsgExt
from aistore_ll.types import UNSET

from aistore_hl import _ops, transfer
from aistore_hl._endpoints import perform_bucket_action
from aistore_hl._twins import twin_docs
from aistore_hl.const import ITER_PAGE_SIZE_AIS, ProviderAIS
from aistore_hl.errors import (
    ErrBckAlreadyExists,
    ErrBckNotFound,
    InvalidArgument,
    InvalidBckProvider,
    InvalidRequest,
)
from aistore_hl.header import Header
from aistore_hl.listing import (
    AsyncBucketLister,
    BucketEntry,
    BucketList,
    BucketLister,
    ListObjectFlag,
)
from aistore_hl.object import AsyncObject, Object
from aistore_hl.object_group import AsyncObjectGroup, ObjectGroup
from aistore_hl.transfer import DEFAULT_TRANSFER_WORKERS, TransferSummary
from aistore_hl.types import ActionMsg, Bck, Namespace, ObjectRange
from aistore_hl.validation import normalize_provider, validate_bucket_name, validate_etl_name

if TYPE_CHECKING:
    from aistore_hl.bucket_nbi import NBIInfo
    from aistore_hl.bucket_props import (
        BucketProps,
        BucketSummary,
        ChecksumProps,
        MirrorProps,
        ShardSummary,
        VersioningProps,
        WritePolicyProps,
    )
    from aistore_hl.client import AsyncClient, Client
    from aistore_hl.header import ObjectProps


def _check_page_size(page_size: int | None) -> int:
    # None: the seed-era SDK sent JSON null, which the server reads as 0 (its default).
    if page_size is None:
        return 0
    # A string, a bool or a negative size: the seed sent it and the server answered 400 (a
    # negative one also crashes AIS 5.0 targets, lso.go "slice bounds out of range"), so it is
    # refused before sending, as a BadRequest the seed's `except AISError` catches.
    if not isinstance(page_size, int) or isinstance(page_size, bool) or page_size < 0:
        raise InvalidRequest(page_size, "must be an int >= 0 (0: the backend's maximum)", param="page_size")
    return page_size


# Server rules (cmn/bck.go Ns.validate): uuid cos.IsAlphaNice (<= 32, '-'/'_' not first or last),
# name cos.CheckAlphaPlus (<= 64, letters, digits, '-', '_', '.', no '..').
_NS_UUID_RE = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)?")
_NS_NAME_RE = re.compile(r"[A-Za-z0-9_.-]*")


def _check_namespace(ns: Any) -> Namespace | None:
    if ns is None:
        return None
    if not isinstance(ns, Namespace):
        raise InvalidArgument(ns, "must be a Namespace, e.g. Namespace(uuid='remais')", param="namespace")
    if not isinstance(ns.uuid, str) or len(ns.uuid) > 32 or not _NS_UUID_RE.fullmatch(ns.uuid):
        reason = "uuid: at most 32 letters, digits, '-' or '_' ('-'/'_' not first or last)"
        raise InvalidArgument(ns, reason, param="namespace")
    name = ns.name
    if not isinstance(name, str) or len(name) > 64 or not _NS_NAME_RE.fullmatch(name) or ".." in name:
        reason = "name: at most 64 letters, digits, '-', '_' or '.' (no '..')"
        raise InvalidArgument(ns, reason, param="namespace")
    return ns


def _check_str(value: Any, param: str) -> str:
    # None: the seed-era SDK sent JSON null, which the server reads as "" (no prefix, ...).
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidRequest(value, "must be a str", param=param)
    return value


ObjT = TypeVar("ObjT", Object, AsyncObject)

#: ``(flags mask, target, inventory_name, start_after)`` of a listing, checked.
ListArgs = tuple[int, str, str, str]

#: The ``NBI`` listing flag and the header naming the inventory to list (``apc.HdrInvName``).
_LS_NBI = 1 << ListObjectFlag.NBI.value
_INV_HEADER = "Ais-Inv-Name"


def _check_flags(flags: Any) -> int:
    """``LsoMsg.flags`` from official-SDK-2.0-style flags: ``ListObjectFlag`` members (bit
    positions, any ``Enum`` with an int value) and/or int bit masks, alone or in an iterable."""
    if flags is None:
        return 0
    items = [flags] if isinstance(flags, int | Enum) else flags
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise InvalidArgument(flags, "must be a list of ListObjectFlag or int bit masks", param="flags")
    mask = 0
    for f in items:
        if isinstance(f, Enum) and isinstance(f.value, int) and not isinstance(f.value, bool):
            if not 0 <= f.value < 64:
                raise InvalidArgument(f, "bit position must be in [0, 64)", param="flags")
            mask |= 1 << f.value
        elif isinstance(f, int) and not isinstance(f, bool) and 0 <= f < 1 << 64:
            mask |= f
        else:
            raise InvalidArgument(f, "must be a ListObjectFlag or an int bit mask >= 0", param="flags")
    return mask


def _check_bool(value: Any, param: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidArgument(value, "must be a bool", param=param)
    return value


def _check_workers(num_workers: Any) -> int:
    # None and 0: the server's default (a worker per mountpath); -1: serial.
    if num_workers is None:
        return 0
    if not isinstance(num_workers, int) or isinstance(num_workers, bool) or num_workers < -1:
        raise InvalidArgument(num_workers, "must be an int >= -1 (0: one per mountpath)", param="num_workers")
    return num_workers


def _check_ext(ext: Any) -> Mapping[str, str] | None:
    if ext is not None and not (
        isinstance(ext, Mapping) and all(isinstance(k, str) and isinstance(v, str) for k, v in ext.items())
    ):
        raise InvalidArgument(ext, "must map str to str, e.g. {'jpg': 'txt'}", param="ext")
    return ext


def _check_timeout(timeout: Any) -> str:
    """An ETL request timeout as a Go duration (``"5m"``); a number is seconds; None: the server's."""
    if timeout is None:
        return ""
    if isinstance(timeout, str) and re.fullmatch(r"(\d+(\.\d+)?(ns|us|ms|s|m|h))+", timeout):
        return timeout
    if isinstance(timeout, int | float) and not isinstance(timeout, bool) and timeout > 0:
        return f"{timeout}s"
    raise InvalidArgument(timeout, "must be a Go duration such as '5m' or seconds > 0", param="timeout")


def _alias(seed: Any, seed_default: Any, alias: Any, seed_name: str, alias_name: str) -> Any:
    """The value of a seed parameter that also takes the official SDK 2.0's name ``alias_name``."""
    if alias is None:
        return seed
    if seed != seed_default:
        raise InvalidArgument(
            alias, f"{alias_name!r} is another name for {seed_name!r}: give one of them", param=alias_name
        )
    return alias


def _dst_bck(to: Any, param: str, provider: str = ProviderAIS) -> Bck:
    """A destination bucket given by name (with ``provider``) or as a ``Bucket``/``AsyncBucket``
    (its name, provider and namespace)."""
    if isinstance(to, BucketCore):
        if normalize_provider(provider) not in (ProviderAIS, to.provider):
            raise InvalidArgument(
                provider, f"differs from the provider of {param}={to!r}", param="to_provider"
            )
        return to.bck
    return Bck(name=validate_bucket_name(to), provider=normalize_provider(provider))


def _tcb_plan(
    src: Bck,
    dst: Bck,
    *,
    prefix: str,
    prepend: str,
    dry_run: bool,
    force: bool,
    ext: Mapping[str, str] | None,
    latest: bool = False,
    sync: bool = False,
    num_workers: int = 0,
    etl_name: str = "",
    timeout: str = "",
    pipeline: list[str] | None = None,
    cont_on_err: bool = False,
) -> _ops.Plan[str]:
    """``copy-bck`` (``etl-bck`` with ``etl_name``): every ``TCBMsg`` field the SDKs set."""
    opt = _ops._opt
    msg = TCBMsg(
        prefix=opt(prefix),
        prepend=opt(prepend),
        dry_run=opt(dry_run),
        force=opt(force),
        latest_ver=opt(latest),
        synchronize=opt(sync),
        num_workers=opt(num_workers),
        id=opt(etl_name),
        request_timeout=opt(timeout),
        pipeline=list(pipeline) if pipeline else UNSET,
        coer=opt(cont_on_err),
    )
    if ext:
        msg.ext = TCBMsgExt.from_dict(dict(ext))
    action = "etl-bck" if etl_name else "copy-bck"
    return _ops.Plan(
        perform_bucket_action,
        (src.name,),
        {**_ops.bck_query(src), "bck_to": dst.uname(), "body": _ops._act(action, msg)},
        _ops._xid,
    )


class BucketCore:
    """What ``Bucket`` and ``AsyncBucket`` share: identity, local validation, request plans."""

    def __init__(
        self, client: Any, bck_name: str, provider: str = ProviderAIS, ns: Namespace | None = None
    ) -> None:
        self._client = client
        self._bck = Bck(
            name=validate_bucket_name(bck_name),
            provider=normalize_provider(provider),
            ns=_check_namespace(ns),
        )
        self._qparam = self._bck.as_query()

    @property
    def bck(self) -> Bck:
        """The custom type [Bck] corresponding to this bucket."""
        return self._bck

    @property
    def qparam(self) -> dict[str, str]:
        """The QParamProvider of this bucket: ``{"provider": ...}`` plus ``namespace`` when set."""
        return dict(self._qparam)

    @property
    def provider(self) -> str:
        """The provider for this bucket."""
        return self._bck.provider

    @property
    def name(self) -> str:
        """The name of this bucket."""
        return self._bck.name

    @property
    def namespace(self) -> Namespace | None:
        """The namespace for this bucket."""
        return self._bck.ns

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._bck.cname()!r})"

    def _verify_ais_bucket(self) -> None:
        if self.provider != ProviderAIS:
            raise InvalidBckProvider(self.provider, "the operation is only supported for ais buckets")

    def _verify_remote_bucket(self) -> None:
        if not self._bck.is_remote():
            raise InvalidBckProvider(
                self.provider, "only remote buckets (cloud, or ais://@<remote-cluster>/...) can be evicted"
            )

    def _plan_create(self) -> _ops.Plan[None]:
        self._verify_ais_bucket()
        return _ops.create_bucket(self._bck)

    def _plan_delete(self) -> _ops.Plan[None]:
        self._verify_ais_bucket()
        return _ops.destroy_bucket(self._bck)

    def _plan_rename(self, to_bck: str | BucketCore) -> tuple[_ops.Plan[str], Bck]:
        if not self._bck.is_ais():
            raise InvalidBckProvider(
                self.provider, "only buckets of this cluster's ais provider can be renamed"
            )
        if isinstance(to_bck, BucketCore):
            dst = to_bck.bck
            if not dst.is_ais():
                raise InvalidBckProvider(dst.provider, "a bucket is renamed to an ais bucket of this cluster")
        else:
            dst = Bck(name=validate_bucket_name(to_bck), provider=ProviderAIS, ns=self._bck.ns)
        return _ops.move_bucket(self._bck, dst), dst

    def _renamed(self, dst: Bck) -> None:
        self._bck = dst
        self._qparam = dst.as_query()

    def _plan_evict(self, keep_md: bool) -> _ops.Plan[None]:
        self._verify_remote_bucket()
        return _ops.evict_bucket(self._bck, bool(keep_md))

    def _plan_copy(
        self,
        to_bck_name: str | BucketCore,
        prefix: str,
        dry_run: bool,
        force: bool,
        to_provider: str,
        prefix_filter: str | None = None,
        prepend: str = "",
        ext: dict[str, str] | None = None,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
    ) -> _ops.Plan[str]:
        prefix = _alias(prefix, "", prefix_filter, "prefix", "prefix_filter")
        return _tcb_plan(
            self._bck,
            _dst_bck(to_bck_name, "to_bck_name", to_provider),
            prefix=_check_str(prefix, "prefix"),
            prepend=_check_str(prepend, "prepend"),
            dry_run=dry_run,
            force=force,
            ext=_check_ext(ext),
            latest=_check_bool(latest, "latest"),
            sync=_check_bool(sync, "sync"),
            num_workers=_check_workers(num_workers),
        )

    def _plan_transform(
        self,
        etl_id: str,
        to_bck: str | BucketCore,
        prefix: str,
        ext: dict[str, str] | None,
        force: bool,
        dry_run: bool,
        timeout: str | float | None = None,
        prefix_filter: str = "",
        prepend: str | None = None,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
        cont_on_err: bool = False,
        etl_pipeline: list[str] | None = None,
    ) -> _ops.Plan[str]:
        # The seed's ``prefix`` is prepended to the new names: 2.0 calls it ``prepend``.
        prepend = _alias(prefix, "", prepend, "prefix", "prepend")
        if etl_pipeline is not None and (
            isinstance(etl_pipeline, str) or not isinstance(etl_pipeline, list | tuple)
        ):
            raise InvalidArgument(etl_pipeline, "must be a list of ETL names", param="etl_pipeline")
        return _tcb_plan(
            self._bck,
            _dst_bck(to_bck, "to_bck"),
            prefix=_check_str(prefix_filter, "prefix_filter"),
            prepend=_check_str(prepend, "prepend"),
            dry_run=dry_run,
            force=force,
            ext=_check_ext(ext),
            latest=_check_bool(latest, "latest"),
            sync=_check_bool(sync, "sync"),
            num_workers=_check_workers(num_workers),
            etl_name=validate_etl_name(etl_id),
            timeout=_check_timeout(timeout),
            pipeline=[validate_etl_name(n) for n in etl_pipeline or ()],
            cont_on_err=_check_bool(cont_on_err, "cont_on_err"),
        )

    def _iter_page_size(self, page_size: int | None) -> int:
        """The page size an iterator asks for: ``page_size``, or for an in-cluster ``ais://``
        bucket with 0 or None ("the maximum") ``ITER_PAGE_SIZE_AIS``; the entries are the same."""
        size = _check_page_size(page_size)
        if size == 0 and self._bck.is_ais():
            return ITER_PAGE_SIZE_AIS
        return size

    def _list_args(self, flags: Any, target: Any, inventory_name: Any, start_after: Any) -> ListArgs:
        """The official SDK 2.0's listing parameters, checked: ``(flags mask, target, inventory,
        start_after)``; an inventory adds the ``NBI`` flag."""
        mask = _check_flags(flags)
        target = _check_str(target, "target")
        inventory_name = _check_str(inventory_name, "inventory_name")
        start_after = _check_str(start_after, "start_after")
        if start_after and self._bck.is_remote():
            # 2.0 refuses a cloud bucket here (NotImplementedError); AIS 5.0 answers 400 for a
            # bucket of a remote AIS cluster too ("not yet supported for remote buckets").
            raise InvalidBckProvider(
                self.provider, "start_after is supported for this cluster's ais buckets only"
            )
        if inventory_name:
            mask |= _LS_NBI
        return mask, target, inventory_name, start_after

    def _page_plan(
        self,
        prefix: str | None,
        props: str | None,
        page_size: int | None,
        uuid: str | None,
        continuation_token: str | None,
        extra: ListArgs = (0, "", "", ""),
    ) -> _ops.Plan[BucketList]:
        flags, target, inventory_name, start_after = extra
        plan = _ops.list_page(
            self._bck,
            prefix=_check_str(prefix, "prefix"),
            props=_check_str(props, "props"),
            page_size=_check_page_size(page_size),
            uuid=_check_str(uuid, "uuid"),
            continuation_token=_check_str(continuation_token, "continuation_token"),
            flags=flags,
        )
        if not (target or start_after or inventory_name):
            return plan
        msg = plan.kwargs["body"].value  # the LsoMsg just built for this plan
        msg.target = target or UNSET
        msg.start_after = start_after or UNSET
        headers = {**plan.headers, _INV_HEADER: inventory_name} if inventory_name else plan.headers
        return _ops.Plan(plan.op, plan.args, plan.kwargs, plan.parse, headers=headers)

    def _iter_plans(
        self, prefix: str, props: str, page_size: int | None, extra: ListArgs
    ) -> Callable[[str, str], _ops.Plan[BucketList]]:
        """The page plan of an iterator's (uuid, token) step: checked now, ``start_after`` on the
        first page only (the continuation token carries on from there), as in 2.0."""
        self._page_plan(prefix, props, page_size, "", "", extra)  # validate now, not at next()
        size = self._iter_page_size(page_size)
        rest = (extra[0], extra[1], extra[2], "")

        def plan(uuid: str, token: str) -> _ops.Plan[BucketList]:
            return self._page_plan(prefix, props, size, uuid, token, extra if not token else rest)

        return plan

    def _check_etl(self, etl: Any) -> None:
        if etl is not None:
            from aistore_hl.types import etl_query

            etl_query(etl)  # an ETL name, or an ETLConfig (ours or 2.0's): checked now

    def _object_props(self, obj: ObjT, props: Any) -> ObjT:
        """``obj`` holding ``props`` (2.0's pre-initialized ``ObjectProps``) as its cached props."""
        from aistore_hl.header import ObjectProps

        if props is not None:
            if not isinstance(props, ObjectProps):
                raise InvalidArgument(props, "must be an ObjectProps (or None)", param="props")
            obj._props = props
        return obj

    def verify_cloud_bucket(self) -> None:
        """Raises ``InvalidBckProvider`` unless the bucket's provider is a cloud one (as the
        official SDK 2.0; an ``ais://`` bucket, of this or of a remote AIS cluster, is not).

        Raises:
            InvalidBckProvider: The provider is ``ais`` (nothing is sent).
        """
        if self.provider == ProviderAIS:
            raise InvalidBckProvider(self.provider, "the operation is only supported for cloud buckets")

    def get_path(self) -> str:
        """The bucket's path, ``<provider>/<namespace uname>/<name>/`` (e.g. ``ais/@#/b/``), as the
        official SDK 2.0 (the ``bck_to`` form)."""
        return self._bck.get_path()

    def as_model(self) -> Bck:
        """The bucket's data model: our ``Bck`` (name, provider, namespace), as 2.0's
        ``as_model()`` returns its ``BucketModel``."""
        return self._bck

    def _request_args(
        self, method: str, action: str, value: Any, params: dict[str, str] | None, name: str = ""
    ) -> dict[str, Any]:
        return {
            "method": method.upper(),
            "url": f"/v1/buckets/{self.name}",
            "json": ActionMsg(action=action, value=value, name=_check_str(name, "name")).as_dict(),
            "params": params if params else self.qparam,
        }


class Bucket(BucketCore):
    """A class representing a bucket that contains user data.

    Args:
        client (Client): The client this bucket is bound to.
        bck_name (str): name of bucket
        provider (str, optional): provider of bucket (one of "ais", "aws", "gcp", "azure", "oci"),
            defaults to "ais"
        ns (Namespace, optional): namespace of bucket, defaults to None. A bucket of a remote AIS
            cluster attached as ``alias`` is ``Namespace(uuid=alias)``.

    Raises:
        InvalidBucketName: The name is not a valid AIS bucket name (nothing is sent).
        InvalidBckProvider: Unknown provider (nothing is sent).
    """

    def __init__(
        self, client: Client, bck_name: str, provider: str = ProviderAIS, ns: Namespace | None = None
    ) -> None:
        super().__init__(client, bck_name, provider, ns)
        self._client: Client = client

    @property
    def client(self) -> Client:
        """The client bound to this bucket."""
        return self._client

    def create(self, *, exist_ok: bool = False) -> None:
        """Creates a bucket in AIStore cluster.

        Can only create a bucket for AIS provider on localized cluster (including buckets of an
        attached remote AIS cluster, ``ns=Namespace(uuid=alias)``). Remote cloud buckets do not
        support creation.

        Args:
            exist_ok (bool, optional): An existing bucket is no error (the official SDK 2.0's
                keyword; the server's 409 ``ErrBckAlreadyExists`` is swallowed). Returns None
                either way, as the seed.

        Raises:
            InvalidBckProvider: Invalid bucket provider for requested operation (nothing is sent).
            ErrBckAlreadyExists: The bucket exists (409), unless ``exist_ok``.
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error (``RequestTimeout`` on timeouts).
        """
        plan = self._plan_create()
        try:
            self._client._rc.run(plan)
        except ErrBckAlreadyExists:
            if not exist_ok:
                raise

    def delete(self, *, missing_ok: bool = False) -> None:
        """Destroys bucket in AIStore cluster.

        In all cases removes both the bucket's content _and_ the bucket's metadata from the cluster.
        Note: AIS will _not_ call the remote backend provider to delete the corresponding Cloud bucket
        (iff the bucket in question is, in fact, a Cloud bucket).

        Args:
            missing_ok (bool, optional): A missing bucket is no error (the official SDK 2.0's
                keyword; the server's 404 ``ErrBckNotFound`` is swallowed).

        Raises:
            InvalidBckProvider: Invalid bucket provider for requested operation (nothing is sent).
            ErrBckNotFound: The bucket does not exist, unless ``missing_ok``.
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        plan = self._plan_delete()
        try:
            self._client._rc.run(plan)
        except ErrBckNotFound:
            if not missing_ok:
                raise

    def rename(self, to_bck: str | BucketCore) -> str:
        """Renames bucket in AIStore cluster.

        Only works on AIS buckets. Returns job ID that can be used later to check the status of the
        asynchronous operation. On success this object names the new bucket, as in the seed SDK.

        Args:
            to_bck (str): New bucket name for bucket to be renamed as; or a ``Bucket`` (an ais
                bucket of this cluster) naming it. The official SDK 2.0 calls it ``to_bck_name``;
                positional calls are the same in both.

        Returns:
            Job ID (as str) that can be used to check the status of the operation

        Raises:
            InvalidBckProvider: Invalid bucket provider for requested operation.
            InvalidBucketName: ``to_bck`` is not a valid bucket name (nothing is sent).
            AISError: All other types of errors with AIStore (409: the destination exists).
            ConnectionFailed: Connection error.
        """
        plan, dst = self._plan_rename(to_bck)
        job_id = self._client._rc.run(plan)
        self._renamed(dst)
        return job_id

    def evict(self, keep_md: bool = False) -> None:
        """Evicts bucket in AIStore cluster.

        NOTE: only Cloud buckets can be evicted — and, in AIS 5.0, buckets of an attached remote AIS
        cluster (``ais://@alias/...``), which are remote too.

        Args:
            keep_md (bool, optional): If true, evicts objects but keeps the bucket's metadata (i.e., the
                bucket's name and its properties). Sent as today's ``keep_bck_md`` query parameter
                (the seed-era SDK sent ``keep_md``, which the server ignored).

        Raises:
            InvalidBckProvider: Invalid bucket provider for requested operation (nothing is sent).
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        self._client._rc.run(self._plan_evict(keep_md))

    def head(self) -> Header:
        """Requests bucket properties.

        Returns:
            Response header with the bucket properties: a case-insensitive mapping of all response
            headers (``props["ais-bucket-props"]``), with ``bucket_props`` parsed from its JSON.

        Raises:
            ErrBckNotFound: The bucket does not exist (decoded from the ``Hdr-Error`` header).
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        return self._client._rc.run(_ops.head_bck(self._bck))

    def copy(
        self,
        to_bck_name: str | BucketCore,
        prefix: str = "",
        dry_run: bool = False,
        force: bool = False,
        to_provider: str = ProviderAIS,
        *,
        prefix_filter: str | None = None,
        prepend: str = "",
        ext: dict[str, str] | None = None,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
    ) -> str:
        """Returns job ID that can be used later to check the status of the asynchronous operation.

        Copies the bucket's objects to ``to_bck_name`` (created if missing).

        Args:
            to_bck_name (str): Name of the destination bucket; or a ``Bucket`` (the official SDK
                2.0's ``to_bck``), whose name, provider and namespace are used.
            prefix (str, optional): If set, only the objects starting with provider prefix will be
                copied. AIS 5.0 keeps exactly this meaning as ``TCBMsg.prefix`` (a source filter);
                destination names are unchanged.
            dry_run (bool, optional): Determines if the copy should actually happen or not
            force (bool, optional): Override existing destination bucket
            to_provider (str, optional): Name of destination bucket provider; sent as part of the
                destination's uname (``bck_to=<provider>/@#/<name>/``), as the server expects.
                With a ``Bucket`` destination, its own provider is used.
            prefix_filter (str, optional): 2.0's name for ``prefix`` (keyword only; not both).
            prepend (str, optional): Prepended to the name of each copied object.
            ext (Dict[str, str], optional): Extensions to replace in the new names
                (``{"jpg": "txt"}``).
            latest (bool, optional): GET the latest version from the remote backend
                (``TCBMsg.latest-ver``).
            sync (bool, optional): Synchronize the destination with the remote source: also
                remove what was deleted remotely (``TCBMsg.synchronize``).
            num_workers (int, optional): Workers per target: None or 0 one per mountpath, -1
                serial.

        Returns:
            Job ID (as str) that can be used to check the status of the operation

        Raises:
            InvalidBucketName, InvalidBckProvider: Bad destination (nothing is sent).
            InvalidArgument: Both ``prefix`` and ``prefix_filter``, or another bad argument
                (nothing is sent).
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        plan = self._plan_copy(
            to_bck_name, prefix, dry_run, force, to_provider, prefix_filter, prepend, ext, latest, sync,
            num_workers,
        )  # fmt: skip
        return self._client._rc.run(plan)

    def list_objects(
        self,
        prefix: str = "",
        props: str = "",
        page_size: int | None = 0,
        uuid: str = "",
        continuation_token: str = "",
        *,
        flags: Iterable[ListObjectFlag | int] | int | None = None,
        target: str = "",
        inventory_name: str = "",
        start_after: str = "",
    ) -> BucketList:
        """Returns a structure that contains a page of objects, job ID, and continuation token (to read
        the next page, if available).

        Args:
            prefix (str, optional): Return only objects that start with the prefix
            props (str, optional): Comma-separated list of object properties to return. Default value
                is "name,size" (AIS 5.0 adds "cached"). Properties: "name", "size", "atime",
                "version", "checksum", "cached", "status", "copies", "ec", "custom", "location"
                (the seed's "target_url"/"node"), "chunked", "last-modified", "etag".
            page_size (int, optional): Return at most "page_size" objects. The maximum number of
                objects in response depends on the bucket backend. E.g, AWS bucket cannot return
                more than 5,000 objects in a single page. NOTE: If "page_size" is greater than a
                backend maximum, the backend maximum objects are returned. Defaults to "0" - return
                maximum number objects. None means the same (the seed sent it as JSON null, which
                the server reads as 0); so does None for ``prefix``, ``props``, ``uuid`` and
                ``continuation_token`` (read as ""). Today's official SDK refuses these Nones (its
                pydantic ``ListObjectsMsg`` wants an int and strs).
            uuid (str, optional): Job ID, required to get the next page of objects
            continuation_token (str, optional): Marks the object to start reading the next page
            flags (List[ListObjectFlag], optional): Listing flags (keyword only, as the official
                SDK 2.0): ``ListObjectFlag`` members (bit positions, 2.0's enum too) and/or int bit
                masks (``LsoMsg.flags``: 1 cached, 8 arch-dir, ...), ORed.
            target (str, optional): A target's node id, sent as ``LsoMsg.target`` (2.0 says "only
                list objects on this target"; AIS 5.0 pins the listing's paging of a remote
                backend to it, and the entries are still those of every target; an id not in the
                cluster map is a 400).
            inventory_name (str, optional): List through this native bucket inventory (adds the
                ``NBI`` flag; see ``create_inventory``).
            start_after (str, optional): Only names strictly greater than this (first page only;
                this cluster's ais buckets only).

        Returns:
            BucketList: the page of objects in the bucket and the continuation token to get the next
            page. Empty continuation token marks the final page of the object list.

        Raises:
            InvalidRequest: A value the server would refuse with 400, e.g. ``page_size="10"`` or
                a negative one (nothing is sent; a ``ValueError`` and a ``BadRequest``).
            InvalidBckProvider: ``start_after`` on a remote bucket (nothing is sent).
            ErrBckNotFound: The bucket does not exist.
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        extra = self._list_args(flags, target, inventory_name, start_after)
        return self._client._rc.run(
            self._page_plan(prefix, props, page_size, uuid, continuation_token, extra)
        )

    def list_objects_iter(
        self,
        prefix: str = "",
        props: str = "",
        page_size: int | None = 0,
        *,
        flags: Iterable[ListObjectFlag | int] | int | None = None,
        target: str = "",
        inventory_name: str = "",
        start_after: str = "",
    ) -> BucketLister:
        """Returns an iterator for all objects in bucket.

        Pages are requested lazily, one when the previous one is used up.

        Args:
            prefix (str, optional): Return only objects that start with the prefix
            props (str, optional): Comma-separated list of object properties to return (see
                ``list_objects``).
            page_size (int, optional): return at most "page_size" objects per request. Defaults to
                "0" - return maximum number objects. For an ``ais://`` bucket, 0 asks for
                ``const.ITER_PAGE_SIZE_AIS`` (40,000) entries per page: AIS 5.0 serves in-cluster
                buckets pages above the 10,000 the seed era knew, and fewer pages list faster.
            flags (List[ListObjectFlag], optional): Listing flags (keyword only, as the official
                SDK 2.0): ``ListObjectFlag`` members (bit positions, 2.0's enum too) and/or int bit
                masks (``LsoMsg.flags``: 1 cached, 8 arch-dir, ...), ORed.
            target (str, optional): A target's node id, sent as ``LsoMsg.target`` (2.0 says "only
                list objects on this target"; AIS 5.0 pins the listing's paging of a remote
                backend to it, and the entries are still those of every target; an id not in the
                cluster map is a 400).
            inventory_name (str, optional): List through this native bucket inventory (adds the
                ``NBI`` flag; see ``create_inventory``).
            start_after (str, optional): Only names strictly greater than this (first page only;
                this cluster's ais buckets only).

        Returns:
            BucketLister: object iterator

        Raises:
            InvalidArgument: A bad argument (raised here, before any request).
            AISError, ConnectionFailed: While iterating.
        """
        plan = self._iter_plans(
            prefix, props, page_size, self._list_args(flags, target, inventory_name, start_after)
        )
        return BucketLister(lambda uuid, token: self._client._rc.run(plan(uuid, token)))

    def list_all_objects(
        self,
        prefix: str = "",
        props: str = "",
        page_size: int | None = 0,
        *,
        flags: Iterable[ListObjectFlag | int] | int | None = None,
        target: str = "",
        inventory_name: str = "",
        start_after: str = "",
    ) -> list[BucketEntry]:
        """Returns a list of all objects in bucket.

        Args:
            prefix (str, optional): return only objects that start with the prefix
            props (str, optional): comma-separated list of object properties to return (see
                ``list_objects``).
            page_size (int, optional): return at most "page_size" objects per request. Defaults to
                "0" - return maximum number objects.
            flags (List[ListObjectFlag], optional): Listing flags (keyword only, as the official
                SDK 2.0): ``ListObjectFlag`` members (bit positions, 2.0's enum too) and/or int bit
                masks (``LsoMsg.flags``: 1 cached, 8 arch-dir, ...), ORed.
            target (str, optional): A target's node id, sent as ``LsoMsg.target`` (2.0 says "only
                list objects on this target"; AIS 5.0 pins the listing's paging of a remote
                backend to it, and the entries are still those of every target; an id not in the
                cluster map is a 400).
            inventory_name (str, optional): List through this native bucket inventory (adds the
                ``NBI`` flag; see ``create_inventory``).
            start_after (str, optional): Only names strictly greater than this (first page only;
                this cluster's ais buckets only).

        Returns:
            List[BucketEntry]: list of objects in bucket

        Raises:
            InvalidArgument: A bad argument (nothing is sent).
            ErrBckNotFound: The bucket does not exist.
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        lister = self.list_objects_iter(
            prefix, props, page_size, flags=flags, target=target, inventory_name=inventory_name,
            start_after=start_after,
        )  # fmt: skip
        return list(lister)

    def list_all_objects_iter(
        self, prefix: str = "", props: str = "name,size", start_after: str = ""
    ) -> BucketLister:
        """An iterator over all objects of the bucket (the official SDK 2.0's name and defaults):
        ``list_objects_iter(prefix, props, start_after=start_after)``.

        2.0 yields ``Object`` instances built from the entries; this yields the entries
        (``BucketEntry``: ``name`` and the listed props; ``bucket.object(e.name)`` is the object).

        Args:
            prefix (str, optional): Only objects whose names start with it.
            props (str, optional): Comma-separated properties to list (default "name,size").
            start_after (str, optional): Only names strictly greater than this (ais buckets only).

        Returns:
            BucketLister: entry iterator (pages fetched lazily).

        Raises:
            InvalidArgument: A bad argument (raised here, before any request).
            AISError, ConnectionFailed: While iterating.
        """
        return self.list_objects_iter(prefix, props, start_after=start_after)

    def list_urls(self, prefix: str = "", etl: Any = None) -> Iterator[str]:
        """Yields the URL of each object whose name starts with ``prefix``, as the official SDK
        2.0's ``list_urls``: each object's ``get_url(etl=etl)``, ``<endpoint>/v1/objects/<bucket>/
        <quoted name>?provider=ais`` (plus ``namespace``, and ``etl_name``/``etl_args`` with ``etl``).

        Args:
            prefix (str, optional): Only objects whose names start with it.
            etl (str or ETLConfig, optional): An ETL name, or an object with ``name`` and
                optional ``args`` (2.0's ``ETLConfig``): a GET of the URL returns the
                transformed object.

        Returns:
            Iterator[str]: the URLs, listed lazily (one ``name``-only listing).

        Raises:
            InvalidETLName, InvalidArgument: A bad ``etl`` (at the first ``next()``, before any
                request).
        """
        self._check_etl(etl)
        for entry in self.list_objects_iter(prefix, "name"):
            yield self.object(entry.name).get_url(etl=etl)

    # -- ETL -----------------------------------------------------------------------------------------
    def transform(
        self,
        etl_id: str,
        to_bck: str | BucketCore,
        prefix: str = "",
        ext: dict[str, str] | None = None,
        force: bool = False,
        dry_run: bool = False,
        *,
        timeout: str | float | None = None,
        prefix_filter: str = "",
        prepend: str | None = None,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
        cont_on_err: bool = False,
        etl_pipeline: list[str] | None = None,
    ) -> str:
        """Transforms all objects in a bucket and puts them to destination bucket.

        ``etl_id`` and ``to_bck`` stay required, as in the seed (the official SDK 2.0 calls the
        first ``etl_name``; positional calls are the same); ``to_bck`` may be a ``Bucket``.

        Args:
            etl_id (str): id of etl to be used for transformations (today's ETL *name*)
            to_bck (str): destination bucket for transformations
            prefix (str, optional): prefix to be added to resulting transformed objects; sent as
                today's ``TCBMsg.prepend`` (AIS 5.0's ``prefix`` filters source names instead)
            ext (Dict[str, str], optional): dict of new extension followed by extension to be replaced
                (i.e. {"jpg": "txt"})
            dry_run (bool, optional): determines if the copy should actually happen or not
            force (bool, optional): override existing destination bucket
            timeout (str or float, optional): Timeout of each ETL request, a Go duration (``"5m"``)
                or seconds (``TCBMsg.request_timeout``); None: the server's (2.0 sends "5m").
            prefix_filter (str, optional): Only transform objects whose names start with it.
            prepend (str, optional): 2.0's name for ``prefix`` (keyword only; not both).
            latest (bool, optional): GET the latest version from the remote backend.
            sync (bool, optional): Synchronize the destination with the remote source.
            num_workers (int, optional): Workers per target: None or 0 one per mountpath, -1
                serial.
            cont_on_err (bool, optional): Go on after an object fails (``TCBMsg.coer``).
            etl_pipeline (List[str], optional): More ETLs, applied after ``etl_id`` in order
                (``TCBMsg.pipeline``).

        Returns:
            Job ID (as str) that can be used to check the status of the operation

        Raises:
            InvalidETLName, InvalidBucketName: Bad arguments (nothing is sent).
            InvalidArgument: Both ``prefix`` and ``prepend``, or another bad argument (nothing
                is sent).
            ErrETLNotFound: No such ETL.
            Unsupported: The cluster was built without ETL support (it answers this request 404
                with tcode ``ErrUnsupp``; ``status_code`` is 404).
            AISError: All other types of errors with AIStore.
        """
        plan = self._plan_transform(
            etl_id, to_bck, prefix, ext, force, dry_run, timeout, prefix_filter, prepend, latest, sync,
            num_workers, cont_on_err, etl_pipeline,
        )  # fmt: skip
        return self._client._rc.run(plan)

    def inspect(
        self,
        etl_name: str,
        timeout: str | float | None = None,
        prefix_filter: str = "",
        latest: bool = False,
        num_workers: int | None = None,
        etl_pipeline: list[str] | None = None,
    ) -> str:
        """Runs an ETL over each object for validation or other checks, writing nothing (the
        official SDK 2.0's ``inspect``: ``transform`` into this bucket with ``dry_run`` and
        ``cont_on_err``).

        Args:
            etl_name (str): The ETL to run.
            timeout (str or float, optional): ETL request timeout (see ``transform``).
            prefix_filter (str, optional): Only objects whose names start with it.
            latest (bool, optional): Use the latest remote version.
            num_workers (int, optional): Workers per target (see ``transform``).
            etl_pipeline (List[str], optional): More ETLs, in order.

        Returns:
            Job ID (as str) of the ``etl-bck`` job.

        Raises:
            InvalidETLName, InvalidArgument: Bad arguments (nothing is sent).
            ErrETLNotFound: No such ETL.
        """
        return self.transform(
            etl_name, self, dry_run=True, timeout=timeout, prefix_filter=prefix_filter, latest=latest,
            num_workers=num_workers, cont_on_err=True, etl_pipeline=etl_pipeline,
        )  # fmt: skip

    # -- factories -------------------------------------------------------------------------------------
    def object(self, obj_name: str, *, props: ObjectProps | None = None) -> Object:
        """Factory constructor for object belonging to this bucket.

        Does not make any HTTP request, only instantiates an object in a bucket owned by the client.

        Args:
            obj_name (str): Name of object
            props (ObjectProps, optional): Pre-initialized properties (the official SDK 2.0's):
                the object's cached ``props`` / ``props_cached`` until a ``head()`` refreshes them.

        Returns:
            The object created.

        Raises:
            InvalidObjectName: Empty or malformed name (nothing is sent).
            InvalidArgument: ``props`` is not an ``ObjectProps``.
        """
        return self._object_props(Object(self, obj_name), props)

    def objects(
        self,
        obj_names: list[str] | None = None,
        obj_range: ObjectRange | None = None,
        obj_template: str | None = None,
    ) -> ObjectGroup:
        """Factory constructor for multiple objects belonging to this bucket.

        Args:
            obj_names (list): Names of objects to include in the group
            obj_range (ObjectRange): Range of objects to include in the group
            obj_template (str): String template defining objects to include in the group

        Returns:
            The ObjectGroup created
        """
        return ObjectGroup(self, obj_names, obj_range, obj_template)

    def put_files(
        self,
        path: str | os.PathLike[str],
        prefix_filter: str = "",
        pattern: str = "*",
        basename: bool = False,
        prepend: str | None = None,
        recursive: bool = False,
        dry_run: bool = False,
        verbose: bool = True,
        *,
        prefix: str | None = None,
        num_workers: int = DEFAULT_TRANSFER_WORKERS,
        skip_unchanged: bool = False,
        progress: bool | None = None,
        raise_on_error: bool = True,
    ) -> TransferSummary:
        """Puts the files found under a local directory as objects, in parallel, each verified.

        Not in the seed; the official SDK 2.0's ``put_files`` with its parameters and meaning
        (which uploads one file at a time), plus parallel workers, verification, skip-unchanged,
        a progress bar and a summary. Object names are the files' paths relative to ``path``
        (``/``-separated), or their base names with ``basename``, after ``prepend``. Files up to
        8 MiB are read once and sent from memory; larger ones are streamed. Each object's checksum
        from the cluster is compared with the local bytes'. A file that fails does not stop the
        others: all are tried, and then ``TransferError`` lists the failed ones (with
        ``raise_on_error=False`` the summary does).

        Args:
            path (str or Path): Local directory, relative or absolute.
            prefix_filter (str, optional): Only put files whose names start with this prefix.
            pattern (str, optional): Shell-style wildcard pattern to filter files.
            basename (bool, optional): Use the file names only as object names, without their
                directories.
            prepend (str, optional): Prefix for every object name; no delimiter is added.
            recursive (bool, optional): Recurse into the subdirectories of ``path``.
            dry_run (bool, optional): Plan only: return the names that would be put, send nothing.
            verbose (bool, optional): Log each file (INFO on the ``aistore_hl.transfer`` logger,
                as the official SDK logs) and the summary.
            prefix (str, optional): Another name for ``prepend`` (keyword only).
            num_workers (int, optional): Files sent at the same time (default 16).
            skip_unchanged (bool, optional): Leave alone the objects that already have the file's
                size and checksum (one listing of the names' common prefix finds them).
            progress (bool, optional): A tqdm bar in bytes with the file count; ``None`` (default)
                shows it when stderr is a terminal and tqdm is installed.
            raise_on_error (bool, optional): Raise ``TransferError`` after the run when any file
                failed (default True).

        Returns:
            TransferSummary: A list of the object names now in place (what the official SDK
            returns), with ``transferred``, ``skipped``, ``failed``, ``bytes`` and ``elapsed``.

        Raises:
            InvalidArgument: ``path`` is not a directory (a ValueError, as in the official SDK),
                two files would become the same object, a name is invalid, or ``num_workers`` is
                not a positive int — before any request.
            ErrBckNotFound: The bucket does not exist (one HEAD before any upload).
            TransferError: Some files failed; its ``failed`` maps object names to exceptions.
        """
        return transfer.put_files(
            self, path, prefix_filter, pattern, basename, prepend, recursive, dry_run, verbose,
            prefix=prefix, num_workers=num_workers, skip_unchanged=skip_unchanged, progress=progress,
            raise_on_error=raise_on_error,
        )  # fmt: skip

    def download_files(
        self,
        path: str | os.PathLike[str],
        prefix: str = "",
        *,
        num_workers: int = DEFAULT_TRANSFER_WORKERS,
        skip_unchanged: bool = False,
        progress: bool | None = None,
        raise_on_error: bool = True,
        dry_run: bool = False,
        verbose: bool = True,
    ) -> TransferSummary:
        """Downloads the objects under a prefix into a local directory, in parallel, each verified.

        Not in the seed, nor in the official SDK: the counterpart of ``put_files``. An object
        ``prefix + rel`` is written to ``path / rel`` (so ``put_files(d, prepend=p)`` and
        ``download_files(d2, prefix=p)`` round-trip); directories are created as needed; names
        ending in ``/`` are not files and are skipped. Each object goes through
        ``Object.download``: a temporary file, renamed over the destination only once complete
        and verified, so a failed file never leaves a partial or truncated copy. A file that
        fails does not stop the others (see ``raise_on_error``).

        Args:
            path (str or Path): Local directory (created when missing).
            prefix (str, optional): Only objects whose names start with this prefix.
            num_workers (int, optional): Objects read at the same time (default 16).
            skip_unchanged (bool, optional): Leave alone the local files that already have the
                object's size and checksum as listed.
            progress (bool, optional): A tqdm bar in bytes with the file count; ``None`` (default)
                shows it when stderr is a terminal and tqdm is installed.
            raise_on_error (bool, optional): Raise ``TransferError`` after the run when any object
                failed (default True).
            dry_run (bool, optional): Plan only: list the objects, write nothing.
            verbose (bool, optional): Log each file and the summary (INFO on
                ``aistore_hl.transfer``).

        Returns:
            TransferSummary: A list of the object names now in place locally, with
            ``transferred``, ``skipped``, ``failed``, ``bytes`` and ``elapsed``.

        Raises:
            InvalidArgument: ``path`` is a file, two objects map to the same local file, or
                ``num_workers`` is not a positive int — before any object is read.
            ErrBckNotFound: The bucket does not exist.
            TransferError: Some objects failed; its ``failed`` maps object names to exceptions.
        """
        return transfer.download_files(
            self, path, prefix, num_workers=num_workers, skip_unchanged=skip_unchanged,
            progress=progress, raise_on_error=raise_on_error, dry_run=dry_run, verbose=verbose,
        )  # fmt: skip

    def make_request(
        self,
        method: str,
        action: str,
        value: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
        *,
        name: str = "",
    ) -> httpx.Response:
        """Use the bucket's client to make a request to the bucket endpoint on the AIS server.

        Args:
            method (str): HTTP method to use, e.g. POST/GET/DELETE
            action (str): Action string used to create an ActionMsg to pass to the server
            value (dict): Additional value parameter to pass in the ActionMsg
            params (dict, optional): Optional parameters to pass in the request (default: ``qparam``)
            name (str, optional): The ActMsg ``name`` (e.g. an inventory's for ``show-inventory``).

        Returns:
            Response from the server (an ``httpx.Response``, read; the seed returned a
            ``requests.Response`` with the same ``status_code``/``content``/``json()``/``headers``).

        Raises:
            AISError: The server answered with an error status.
            ConnectionFailed: Connection error.
        """
        return self._client._rc.request(**self._request_args(method, action, value, params, name))

    # -- issue 19: props, summary, info, archive listing -----------------------------------------
    def props(self) -> BucketProps:
        """Returns the bucket's properties, typed (a HEAD each call; ``head()`` has the raw header).

        Returns:
            ``BucketProps``: provider, checksum, versioning, mirror, write policy sections, EC /
            LRU / chunks / rate limits as sent, access and feature bits, creation time.

        Raises:
            ErrBckNotFound: The bucket does not exist.
        """
        from aistore_hl import bucket_props

        return bucket_props.get_props(self)

    def set_props(
        self,
        *,
        checksum: ChecksumProps | dict[str, Any] | None = None,
        versioning: VersioningProps | dict[str, Any] | None = None,
        mirror: MirrorProps | dict[str, Any] | None = None,
        write_policy: WritePolicyProps | dict[str, Any] | None = None,
        access: int | None = None,
        features: int | None = None,
        force: bool = False,
        **sections: dict[str, Any],
    ) -> str:
        """Changes bucket properties; what is not given stays as it is.

        Args:
            checksum, versioning, mirror, write_policy: A typed section (``None`` fields are
                left unchanged) or a mapping of its fields.
            access: Access permission bits. features: Feature flags.
            force: Apply despite the cluster's checks.
            **sections: ``ec``, ``lru``, ``chunks``, ``rate_limit``, ``extra`` as mappings.

        Returns:
            The id of the job the change started (e.g. mirroring: ``make-n-copies``), else "".

        Raises:
            InvalidArgument: Unknown section or field, wrong type, nothing to set (nothing is sent).
            ErrBckNotFound: The bucket does not exist.
        """
        from aistore_hl import bucket_props

        props = bucket_props.props_to_set(
            checksum=checksum,
            versioning=versioning,
            mirror=mirror,
            write_policy=write_policy,
            access=access,
            features=features,
            force=force,
            **sections,
        )
        return bucket_props.set_props(self, props)

    def reset_props(self) -> str:
        """Resets the bucket's properties to the cluster defaults.

        Returns:
            A job id if the reset started one, else "".
        """
        from aistore_hl import bucket_props

        return bucket_props.reset_props(self)

    def summary(
        self,
        prefix: str = "",
        cached: bool = True,
        present: bool = True,
        timeout: float = 300,
        *,
        uuid: str = "",
    ) -> BucketSummary:
        """Returns the bucket's summary (object count, sizes, disk use), as today's official SDK.

        Starts a summary job and polls it (50 ms, doubling to 1 s) until done.

        Args:
            prefix: Only objects whose names start with it.
            cached: Only objects present in the cluster.
            present: The bucket must be present in the cluster.
            timeout: Seconds to wait for the job.
            uuid: The id of a summary job already started (the official SDK 2.0's ``uuid``): poll
                it instead of starting one.

        Returns:
            ``BucketSummary``.

        Raises:
            Timeout: The job did not finish in time.
            ErrBckNotFound: The bucket does not exist.
        """
        from aistore_hl import bucket_props

        return bucket_props.summary(self, prefix, cached, present, timeout, uuid=uuid)

    def info(
        self, bsumm_remote: bool = True, timeout: float = 300, *, flt_presence: int = 0, prefix: str = ""
    ) -> tuple[BucketProps, BucketSummary]:
        """Returns the bucket's properties and summary (one HEAD-driven job), as the official SDK.

        Args:
            bsumm_remote: Also count the objects of a remote bucket that are not in the cluster.
            timeout: Seconds to wait for the summary job.
            flt_presence: The official SDK 2.0's ``FLTPresence`` (an int, 0..5), sent as the HEAD's
                ``presence``: 0 exists (default), 1 exists (no props), 2 present, 3 present (no
                props), 4 present anywhere in the cluster, 5 exists outside only.
            prefix: Summarize only the objects whose names start with it (sent in the HEAD's
                path, ``/v1/buckets/<bucket>/<prefix>``, as the Go API).

        Returns:
            ``(BucketProps, BucketSummary)``.

        Raises:
            InvalidArgument: A bad argument (nothing is sent).
            Timeout: The summary job did not finish in time.
        """
        from aistore_hl import bucket_api

        return bucket_api.info(self, bsumm_remote, timeout, flt_presence=flt_presence, prefix=prefix)

    def list_archive(
        self, archive_name: str, include_archive_obj: bool = False, *, props: str = "", page_size: int = 0
    ) -> list[BucketEntry]:
        """Lists the files inside the shard ``archive_name`` (``<shard>/<path>`` entries).

        Args:
            archive_name: The shard's object name (.tar, .tgz, .tar.gz, .zip, .tar.lz4); the
                official SDK 2.0 calls it ``archive_obj_name`` (positional calls are the same).
            include_archive_obj: Also return the shard's own entry.
            props: Comma-separated properties to list ("": "name,size").
            page_size: Entries per page (0: the backend's maximum).

        Returns:
            The entries (every page); empty if there is no such shard.

        Raises:
            ArchiveListUnsupported: The shard is chunked (multipart or ``rechunk``): AIS 5.0
                lists only its first chunk's members, so one HEAD v2 checks first.
        """
        from aistore_hl import bucket_api

        return bucket_api.list_archive(
            self, archive_name, include_archive_obj, props=props, page_size=page_size
        )

    # -- native bucket inventories ----------------------------------------------------------------
    def create_inventory(
        self,
        name: str = "",
        prefix: str = "",
        names_per_chunk: int | None = None,
        *,
        props: str = "",
        force: bool = False,
    ) -> str:
        """Starts building a native bucket inventory (NBI) of this remote bucket.

        Args:
            name: The inventory's name (server-generated if empty).
            prefix: Only names with this prefix.
            names_per_chunk: Names per inventory chunk (2..640,000).
            props: Comma-separated object properties to keep (server default "name,size,cached").
            force: Remove the bucket's existing inventories first.

        Returns:
            The job id (``Job.wait`` it).

        Raises:
            NBIUnsupported: An ais:// bucket without a backend (AIS 5.0 crashes its targets on
                it; a HEAD is sent, the create is not).
            InvalidArgument: Bad arguments (nothing is sent).
        """
        from aistore_hl import bucket_nbi

        return bucket_nbi.create_inventory(self, name, prefix, names_per_chunk, props=props, force=force)

    def show_inventory(self, name: str = "") -> dict[str, NBIInfo]:
        """Returns the bucket's inventories (``name``: only that one), ``{}`` if none."""
        from aistore_hl import bucket_nbi

        return bucket_nbi.show_inventory(self, name)

    def destroy_inventory(self, name: str = "") -> None:
        """Removes the bucket's inventory ``name`` (every one if empty; a no-op if none)."""
        from aistore_hl import bucket_nbi

        bucket_nbi.destroy_inventory(self, name)

    def list_inventory(self, name: str = "", prefix: str = "") -> list[BucketEntry]:
        """Lists the bucket through its inventory ``name`` (every page; names and sizes).

        Raises:
            BadRequest: The bucket has no inventory.
        """
        from aistore_hl import bucket_nbi

        return bucket_nbi.list_inventory(self, name, prefix)

    # -- bucket jobs: mirroring, rechunking, shard indexing, erasure coding -------------------------
    def make_n_copies(self, copies: int) -> str:
        """Starts a job that brings every object of the bucket to ``copies`` local copies
        (n-way mirroring; ``copies=1`` drops the extra copies). It sets the bucket's ``mirror``
        props (``enabled`` iff ``copies > 1``).

        Args:
            copies: The number of copies of each object, >= 1.

        Returns:
            The job id (``Job.wait`` it; kind ``make-n-copies``).

        Raises:
            InvalidArgument: ``copies`` is not an int >= 1 (nothing is sent).
            ErrBckNotFound: The bucket does not exist.
        """
        from aistore_hl import bucket_jobs

        return bucket_jobs.make_n_copies(self, copies)

    def rechunk(
        self, objsize_limit: int | None = None, chunk_size: int | None = None, prefix: str = ""
    ) -> str:
        """Starts a job that rewrites the bucket's objects as chunked (or monolithic) objects.

        Objects of at least ``objsize_limit`` bytes are stored in ``chunk_size`` chunks; smaller
        ones, and all of them with ``objsize_limit=0``, become monolithic again. The data does not
        change.

        Args:
            objsize_limit: Size threshold in bytes, >= 0 (0: restore monolithic objects). None:
                the bucket's ``chunks.objsize_limit``.
            chunk_size: Chunk size in bytes, > 0. None: the bucket's ``chunks.chunk_size``.
            prefix: Only objects whose names start with it.

        Returns:
            The job id (``Job.wait`` it; kind ``rechunk``).

        Raises:
            InvalidArgument: Bad arguments (nothing is sent). With a size left None, a HEAD of
                the bucket reads its props first.
        """
        from aistore_hl import bucket_jobs

        return bucket_jobs.rechunk(self, objsize_limit, chunk_size, prefix)

    def index_shards(self, prefix: str = "", num_workers: int = 0, skip_verify: bool = False) -> str:
        """Starts a job that builds a shard index of each TAR object of the bucket, for direct
        access to the files inside (see ``shard_summary`` for the coverage).

        Args:
            prefix: Only shards whose names start with it.
            num_workers: Concurrent workers per target: 0 chosen by the cluster, -1 none.
            skip_verify: Trust a shard's existing index without checking that it is current.

        Returns:
            The job id (``Job.wait`` it; kind ``index-shard``).

        Raises:
            InvalidArgument: Bad arguments (nothing is sent).
        """
        from aistore_hl import bucket_jobs

        return bucket_jobs.index_shards(self, prefix, num_workers, skip_verify)

    def ec_encode(
        self,
        data_slices: int,
        parity_slices: int,
        objsize_limit: int | None = None,
        check_and_recover: bool = False,
    ) -> str:
        """Enables erasure coding on the bucket and starts a job that encodes its objects.

        The cluster needs at least ``data_slices + parity_slices + 1`` targets.

        Args:
            data_slices: Data slices per object, 1..32.
            parity_slices: Parity slices (or, below ``objsize_limit``, full replicas), 1..32.
            objsize_limit: Objects smaller than this are replicated instead of coded; 0 codes
                every object, -1 replicates every object. None: the bucket's setting.
            check_and_recover: Also check existing slices and metadata and recover what is
                missing or corrupted.

        Returns:
            The job id (``Job.wait`` it; kind ``ec-encode``).

        Raises:
            InvalidArgument: Bad arguments (nothing is sent).
            BadRequest: The cluster refused the config (``tcode`` ``ErrNotEnoughTargets``: too
                few targets for it), or EC is already on with other slice counts.
        """
        from aistore_hl import bucket_jobs

        return bucket_jobs.ec_encode(self, data_slices, parity_slices, objsize_limit, check_and_recover)

    def shard_summary(self, prefix: str = "", timeout: float = 300) -> ShardSummary:
        """Returns the bucket's TAR objects and how many have a valid shard index.

        Starts a shard summary job and polls it (50 ms, doubling to 1 s) until done.

        Args:
            prefix: Only TAR objects whose names start with it.
            timeout: Seconds to wait for the job.

        Returns:
            ``ShardSummary``: TAR objects and bytes, indexed shards and bytes, files inside
            them, stale and invalid indexes (summed over the targets).

        Raises:
            InvalidArgument: Bad arguments (nothing is sent).
            Timeout: The job did not finish in time.
            ErrBckNotFound: The bucket does not exist.
        """
        from aistore_hl import bucket_jobs

        return bucket_jobs.shard_summary(self, prefix, timeout)


@twin_docs(Bucket)
class AsyncBucket(BucketCore):
    """Async twin of ``Bucket``."""

    def __init__(
        self, client: AsyncClient, bck_name: str, provider: str = ProviderAIS, ns: Namespace | None = None
    ) -> None:
        super().__init__(client, bck_name, provider, ns)
        self._client: AsyncClient = client

    @property
    def client(self) -> AsyncClient:
        """The client bound to this bucket."""
        return self._client

    async def create(self, *, exist_ok: bool = False) -> None:
        plan = self._plan_create()
        try:
            await self._client._rc.run(plan)
        except ErrBckAlreadyExists:
            if not exist_ok:
                raise

    async def delete(self, *, missing_ok: bool = False) -> None:
        plan = self._plan_delete()
        try:
            await self._client._rc.run(plan)
        except ErrBckNotFound:
            if not missing_ok:
                raise

    async def rename(self, to_bck: str | BucketCore) -> str:
        plan, dst = self._plan_rename(to_bck)
        job_id = await self._client._rc.run(plan)
        self._renamed(dst)
        return job_id

    async def evict(self, keep_md: bool = False) -> None:
        await self._client._rc.run(self._plan_evict(keep_md))

    async def head(self) -> Header:
        return await self._client._rc.run(_ops.head_bck(self._bck))

    async def copy(
        self,
        to_bck_name: str | BucketCore,
        prefix: str = "",
        dry_run: bool = False,
        force: bool = False,
        to_provider: str = ProviderAIS,
        *,
        prefix_filter: str | None = None,
        prepend: str = "",
        ext: dict[str, str] | None = None,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
    ) -> str:
        plan = self._plan_copy(
            to_bck_name, prefix, dry_run, force, to_provider, prefix_filter, prepend, ext, latest, sync,
            num_workers,
        )  # fmt: skip
        return await self._client._rc.run(plan)

    async def list_objects(
        self,
        prefix: str = "",
        props: str = "",
        page_size: int | None = 0,
        uuid: str = "",
        continuation_token: str = "",
        *,
        flags: Iterable[ListObjectFlag | int] | int | None = None,
        target: str = "",
        inventory_name: str = "",
        start_after: str = "",
    ) -> BucketList:
        extra = self._list_args(flags, target, inventory_name, start_after)
        plan = self._page_plan(prefix, props, page_size, uuid, continuation_token, extra)
        return await self._client._rc.run(plan)

    def list_objects_iter(
        self,
        prefix: str = "",
        props: str = "",
        page_size: int | None = 0,
        *,
        flags: Iterable[ListObjectFlag | int] | int | None = None,
        target: str = "",
        inventory_name: str = "",
        start_after: str = "",
    ) -> AsyncBucketLister:
        """Returns an async iterator for all objects in bucket (``async for``)."""
        plan = self._iter_plans(
            prefix, props, page_size, self._list_args(flags, target, inventory_name, start_after)
        )

        async def fetch(uuid: str, token: str) -> BucketList:
            return await self._client._rc.run(plan(uuid, token))

        return AsyncBucketLister(fetch)

    def list_all_objects_iter(
        self, prefix: str = "", props: str = "name,size", start_after: str = ""
    ) -> AsyncBucketLister:
        return self.list_objects_iter(prefix, props, start_after=start_after)

    async def list_urls(self, prefix: str = "", etl: Any = None) -> AsyncIterator[str]:
        self._check_etl(etl)
        async for entry in self.list_objects_iter(prefix, "name"):
            yield self.object(entry.name).get_url(etl=etl)

    async def list_all_objects(
        self,
        prefix: str = "",
        props: str = "",
        page_size: int | None = 0,
        *,
        flags: Iterable[ListObjectFlag | int] | int | None = None,
        target: str = "",
        inventory_name: str = "",
        start_after: str = "",
    ) -> list[BucketEntry]:
        lister = self.list_objects_iter(
            prefix, props, page_size, flags=flags, target=target, inventory_name=inventory_name,
            start_after=start_after,
        )  # fmt: skip
        return [e async for e in lister]

    async def transform(
        self,
        etl_id: str,
        to_bck: str | BucketCore,
        prefix: str = "",
        ext: dict[str, str] | None = None,
        force: bool = False,
        dry_run: bool = False,
        *,
        timeout: str | float | None = None,
        prefix_filter: str = "",
        prepend: str | None = None,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
        cont_on_err: bool = False,
        etl_pipeline: list[str] | None = None,
    ) -> str:
        plan = self._plan_transform(
            etl_id, to_bck, prefix, ext, force, dry_run, timeout, prefix_filter, prepend, latest, sync,
            num_workers, cont_on_err, etl_pipeline,
        )  # fmt: skip
        return await self._client._rc.run(plan)

    async def inspect(
        self,
        etl_name: str,
        timeout: str | float | None = None,
        prefix_filter: str = "",
        latest: bool = False,
        num_workers: int | None = None,
        etl_pipeline: list[str] | None = None,
    ) -> str:
        return await self.transform(
            etl_name, self, dry_run=True, timeout=timeout, prefix_filter=prefix_filter, latest=latest,
            num_workers=num_workers, cont_on_err=True, etl_pipeline=etl_pipeline,
        )  # fmt: skip

    def object(self, obj_name: str, *, props: ObjectProps | None = None) -> AsyncObject:
        return self._object_props(AsyncObject(self, obj_name), props)

    def objects(
        self,
        obj_names: list[str] | None = None,
        obj_range: ObjectRange | None = None,
        obj_template: str | None = None,
    ) -> AsyncObjectGroup:
        return AsyncObjectGroup(self, obj_names, obj_range, obj_template)

    async def put_files(
        self,
        path: str | os.PathLike[str],
        prefix_filter: str = "",
        pattern: str = "*",
        basename: bool = False,
        prepend: str | None = None,
        recursive: bool = False,
        dry_run: bool = False,
        verbose: bool = True,
        *,
        prefix: str | None = None,
        num_workers: int = DEFAULT_TRANSFER_WORKERS,
        skip_unchanged: bool = False,
        progress: bool | None = None,
        raise_on_error: bool = True,
    ) -> TransferSummary:
        return await transfer.put_files_async(
            self, path, prefix_filter, pattern, basename, prepend, recursive, dry_run, verbose,
            prefix=prefix, num_workers=num_workers, skip_unchanged=skip_unchanged, progress=progress,
            raise_on_error=raise_on_error,
        )  # fmt: skip

    async def download_files(
        self,
        path: str | os.PathLike[str],
        prefix: str = "",
        *,
        num_workers: int = DEFAULT_TRANSFER_WORKERS,
        skip_unchanged: bool = False,
        progress: bool | None = None,
        raise_on_error: bool = True,
        dry_run: bool = False,
        verbose: bool = True,
    ) -> TransferSummary:
        return await transfer.download_files_async(
            self, path, prefix, num_workers=num_workers, skip_unchanged=skip_unchanged,
            progress=progress, raise_on_error=raise_on_error, dry_run=dry_run, verbose=verbose,
        )  # fmt: skip

    async def make_request(
        self,
        method: str,
        action: str,
        value: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
        *,
        name: str = "",
    ) -> httpx.Response:
        return await self._client._rc.request(**self._request_args(method, action, value, params, name))

    async def props(self) -> BucketProps:
        from aistore_hl import bucket_props

        return await bucket_props.aget_props(self)

    async def set_props(
        self,
        *,
        checksum: ChecksumProps | dict[str, Any] | None = None,
        versioning: VersioningProps | dict[str, Any] | None = None,
        mirror: MirrorProps | dict[str, Any] | None = None,
        write_policy: WritePolicyProps | dict[str, Any] | None = None,
        access: int | None = None,
        features: int | None = None,
        force: bool = False,
        **sections: dict[str, Any],
    ) -> str:
        from aistore_hl import bucket_props

        props = bucket_props.props_to_set(
            checksum=checksum,
            versioning=versioning,
            mirror=mirror,
            write_policy=write_policy,
            access=access,
            features=features,
            force=force,
            **sections,
        )
        return await bucket_props.aset_props(self, props)

    async def reset_props(self) -> str:
        from aistore_hl import bucket_props

        return await bucket_props.areset_props(self)

    async def summary(
        self,
        prefix: str = "",
        cached: bool = True,
        present: bool = True,
        timeout: float = 300,
        *,
        uuid: str = "",
    ) -> BucketSummary:
        from aistore_hl import bucket_props

        return await bucket_props.asummary(self, prefix, cached, present, timeout, uuid=uuid)

    async def info(
        self, bsumm_remote: bool = True, timeout: float = 300, *, flt_presence: int = 0, prefix: str = ""
    ) -> tuple[BucketProps, BucketSummary]:
        from aistore_hl import bucket_api

        return await bucket_api.ainfo(self, bsumm_remote, timeout, flt_presence=flt_presence, prefix=prefix)

    async def list_archive(
        self, archive_name: str, include_archive_obj: bool = False, *, props: str = "", page_size: int = 0
    ) -> list[BucketEntry]:
        from aistore_hl import bucket_api

        return await bucket_api.alist_archive(
            self, archive_name, include_archive_obj, props=props, page_size=page_size
        )

    async def create_inventory(
        self,
        name: str = "",
        prefix: str = "",
        names_per_chunk: int | None = None,
        *,
        props: str = "",
        force: bool = False,
    ) -> str:
        from aistore_hl import bucket_nbi

        return await bucket_nbi.acreate_inventory(
            self, name, prefix, names_per_chunk, props=props, force=force
        )

    async def show_inventory(self, name: str = "") -> dict[str, NBIInfo]:
        from aistore_hl import bucket_nbi

        return await bucket_nbi.ashow_inventory(self, name)

    async def destroy_inventory(self, name: str = "") -> None:
        from aistore_hl import bucket_nbi

        await bucket_nbi.adestroy_inventory(self, name)

    async def list_inventory(self, name: str = "", prefix: str = "") -> list[BucketEntry]:
        from aistore_hl import bucket_nbi

        return await bucket_nbi.alist_inventory(self, name, prefix)

    async def make_n_copies(self, copies: int) -> str:
        from aistore_hl import bucket_jobs

        return await bucket_jobs.amake_n_copies(self, copies)

    async def rechunk(
        self, objsize_limit: int | None = None, chunk_size: int | None = None, prefix: str = ""
    ) -> str:
        from aistore_hl import bucket_jobs

        return await bucket_jobs.arechunk(self, objsize_limit, chunk_size, prefix)

    async def index_shards(self, prefix: str = "", num_workers: int = 0, skip_verify: bool = False) -> str:
        from aistore_hl import bucket_jobs

        return await bucket_jobs.aindex_shards(self, prefix, num_workers, skip_verify)

    async def ec_encode(
        self,
        data_slices: int,
        parity_slices: int,
        objsize_limit: int | None = None,
        check_and_recover: bool = False,
    ) -> str:
        from aistore_hl import bucket_jobs

        return await bucket_jobs.aec_encode(
            self, data_slices, parity_slices, objsize_limit, check_and_recover
        )

    async def shard_summary(self, prefix: str = "", timeout: float = 300) -> ShardSummary:
        from aistore_hl import bucket_jobs

        return await bucket_jobs.ashard_summary(self, prefix, timeout)
