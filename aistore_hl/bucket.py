"""Buckets: create, destroy, rename, evict, copy, transform, list, and factories for objects."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

from aistore_hl import _ops, transfer
from aistore_hl.const import ITER_PAGE_SIZE_AIS, ProviderAIS
from aistore_hl.errors import InvalidArgument, InvalidBckProvider, InvalidRequest
from aistore_hl.header import Header
from aistore_hl.listing import BucketEntry, BucketList, BucketLister
from aistore_hl.object import Object
from aistore_hl.object_group import ObjectGroup
from aistore_hl.transfer import DEFAULT_TRANSFER_WORKERS, TransferSummary
from aistore_hl.types import ActionMsg, Bck, Namespace, ObjectRange
from aistore_hl.validation import normalize_provider, validate_bucket_name, validate_etl_name

if TYPE_CHECKING:
    from aistore_hl.client import Client


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

    def _plan_rename(self, to_bck: str) -> tuple[_ops.Plan[str], Bck]:
        if not self._bck.is_ais():
            raise InvalidBckProvider(
                self.provider, "only buckets of this cluster's ais provider can be renamed"
            )
        dst = Bck(name=validate_bucket_name(to_bck), provider=ProviderAIS, ns=self._bck.ns)
        return _ops.move_bucket(self._bck, dst), dst

    def _renamed(self, dst: Bck) -> None:
        self._bck = dst
        self._qparam = dst.as_query()

    def _plan_evict(self, keep_md: bool) -> _ops.Plan[None]:
        self._verify_remote_bucket()
        return _ops.evict_bucket(self._bck, bool(keep_md))

    def _plan_copy(
        self, to_bck_name: str, prefix: str, dry_run: bool, force: bool, to_provider: str
    ) -> _ops.Plan[str]:
        dst = Bck(name=validate_bucket_name(to_bck_name), provider=normalize_provider(to_provider))
        return _ops.copy_bucket(
            self._bck, dst, prefix=_check_str(prefix, "prefix"), dry_run=dry_run, force=force
        )

    def _plan_transform(
        self, etl_id: str, to_bck: str, prefix: str, ext: dict[str, str] | None, force: bool, dry_run: bool
    ) -> _ops.Plan[str]:
        dst = Bck(name=validate_bucket_name(to_bck), provider=ProviderAIS)
        if ext is not None and not (
            isinstance(ext, Mapping)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in ext.items())
        ):
            raise InvalidArgument(ext, "must map str to str, e.g. {'jpg': 'txt'}", param="ext")
        return _ops.copy_bucket(
            self._bck,
            dst,
            prepend=_check_str(prefix, "prefix"),
            dry_run=dry_run,
            force=force,
            etl_name=validate_etl_name(etl_id),
            ext=ext,
        )

    def _iter_page_size(self, page_size: int | None) -> int:
        """The page size an iterator asks for: ``page_size``, or for an in-cluster ``ais://``
        bucket with 0 or None ("the maximum") ``ITER_PAGE_SIZE_AIS``; the entries are the same."""
        size = _check_page_size(page_size)
        if size == 0 and self._bck.is_ais():
            return ITER_PAGE_SIZE_AIS
        return size

    def _page_plan(
        self,
        prefix: str | None,
        props: str | None,
        page_size: int | None,
        uuid: str | None,
        continuation_token: str | None,
    ) -> _ops.Plan[BucketList]:
        return _ops.list_page(
            self._bck,
            prefix=_check_str(prefix, "prefix"),
            props=_check_str(props, "props"),
            page_size=_check_page_size(page_size),
            uuid=_check_str(uuid, "uuid"),
            continuation_token=_check_str(continuation_token, "continuation_token"),
        )

    def _request_args(
        self, method: str, action: str, value: Any, params: dict[str, str] | None
    ) -> dict[str, Any]:
        return {
            "method": method.upper(),
            "url": f"/v1/buckets/{self.name}",
            "json": ActionMsg(action=action, value=value).as_dict(),
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

    def create(self) -> None:
        """Creates a bucket in AIStore cluster.

        Can only create a bucket for AIS provider on localized cluster (including buckets of an
        attached remote AIS cluster, ``ns=Namespace(uuid=alias)``). Remote cloud buckets do not
        support creation.

        Raises:
            InvalidBckProvider: Invalid bucket provider for requested operation (nothing is sent).
            ErrBckAlreadyExists: The bucket exists (409).
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error (``RequestTimeout`` on timeouts).
        """
        self._client._rc.run(self._plan_create())

    def delete(self) -> None:
        """Destroys bucket in AIStore cluster.

        In all cases removes both the bucket's content _and_ the bucket's metadata from the cluster.
        Note: AIS will _not_ call the remote backend provider to delete the corresponding Cloud bucket
        (iff the bucket in question is, in fact, a Cloud bucket).

        Raises:
            InvalidBckProvider: Invalid bucket provider for requested operation (nothing is sent).
            ErrBckNotFound: The bucket does not exist.
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        self._client._rc.run(self._plan_delete())

    def rename(self, to_bck: str) -> str:
        """Renames bucket in AIStore cluster.

        Only works on AIS buckets. Returns job ID that can be used later to check the status of the
        asynchronous operation. On success this object names the new bucket, as in the seed SDK.

        Args:
            to_bck (str): New bucket name for bucket to be renamed as

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
        to_bck_name: str,
        prefix: str = "",
        dry_run: bool = False,
        force: bool = False,
        to_provider: str = ProviderAIS,
    ) -> str:
        """Returns job ID that can be used later to check the status of the asynchronous operation.

        Copies the bucket's objects to ``to_bck_name`` (created if missing).

        Args:
            to_bck_name (str): Name of the destination bucket
            prefix (str, optional): If set, only the objects starting with provider prefix will be
                copied. AIS 5.0 keeps exactly this meaning as ``TCBMsg.prefix`` (a source filter);
                destination names are unchanged.
            dry_run (bool, optional): Determines if the copy should actually happen or not
            force (bool, optional): Override existing destination bucket
            to_provider (str, optional): Name of destination bucket provider; sent as part of the
                destination's uname (``bck_to=<provider>/@#/<name>/``), as the server expects.

        Returns:
            Job ID (as str) that can be used to check the status of the operation

        Raises:
            InvalidBucketName, InvalidBckProvider: Bad destination (nothing is sent).
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        return self._client._rc.run(self._plan_copy(to_bck_name, prefix, dry_run, force, to_provider))

    def list_objects(
        self,
        prefix: str = "",
        props: str = "",
        page_size: int | None = 0,
        uuid: str = "",
        continuation_token: str = "",
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

        Returns:
            BucketList: the page of objects in the bucket and the continuation token to get the next
            page. Empty continuation token marks the final page of the object list.

        Raises:
            InvalidRequest: A value the server would refuse with 400, e.g. ``page_size="10"`` or
                a negative one (nothing is sent; a ``ValueError`` and a ``BadRequest``).
            ErrBckNotFound: The bucket does not exist.
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        return self._client._rc.run(self._page_plan(prefix, props, page_size, uuid, continuation_token))

    def list_objects_iter(self, prefix: str = "", props: str = "", page_size: int | None = 0) -> BucketLister:
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

        Returns:
            BucketLister: object iterator

        Raises:
            InvalidArgument: A bad argument (raised here, before any request).
            AISError, ConnectionFailed: While iterating.
        """
        self._page_plan(prefix, props, page_size, "", "")  # validate now, not at the first next()
        page_size = self._iter_page_size(page_size)
        return BucketLister(
            lambda uuid, token: self._client._rc.run(self._page_plan(prefix, props, page_size, uuid, token))
        )

    def list_all_objects(
        self, prefix: str = "", props: str = "", page_size: int | None = 0
    ) -> list[BucketEntry]:
        """Returns a list of all objects in bucket.

        Args:
            prefix (str, optional): return only objects that start with the prefix
            props (str, optional): comma-separated list of object properties to return (see
                ``list_objects``).
            page_size (int, optional): return at most "page_size" objects per request. Defaults to
                "0" - return maximum number objects.

        Returns:
            List[BucketEntry]: list of objects in bucket

        Raises:
            InvalidArgument: A bad argument (nothing is sent).
            ErrBckNotFound: The bucket does not exist.
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        return list(self.list_objects_iter(prefix, props, page_size))

    # -- ETL -----------------------------------------------------------------------------------------
    def transform(
        self,
        etl_id: str,
        to_bck: str,
        prefix: str = "",
        ext: dict[str, str] | None = None,
        force: bool = False,
        dry_run: bool = False,
    ) -> str:
        """Transforms all objects in a bucket and puts them to destination bucket.

        Args:
            etl_id (str): id of etl to be used for transformations (today's ETL *name*)
            to_bck (str): destination bucket for transformations
            prefix (str, optional): prefix to be added to resulting transformed objects; sent as
                today's ``TCBMsg.prepend`` (AIS 5.0's ``prefix`` filters source names instead)
            ext (Dict[str, str], optional): dict of new extension followed by extension to be replaced
                (i.e. {"jpg": "txt"})
            dry_run (bool, optional): determines if the copy should actually happen or not
            force (bool, optional): override existing destination bucket

        Returns:
            Job ID (as str) that can be used to check the status of the operation

        Raises:
            InvalidETLName, InvalidBucketName: Bad arguments (nothing is sent).
            ErrETLNotFound: No such ETL.
            Unsupported: The cluster was built without ETL support (it answers this request 404
                with tcode ``ErrUnsupp``; ``status_code`` is 404).
            AISError: All other types of errors with AIStore.
        """
        return self._client._rc.run(self._plan_transform(etl_id, to_bck, prefix, ext, force, dry_run))

    # -- factories -------------------------------------------------------------------------------------
    def object(self, obj_name: str) -> Object:
        """Factory constructor for object belonging to this bucket.

        Does not make any HTTP request, only instantiates an object in a bucket owned by the client.

        Args:
            obj_name (str): Name of object

        Returns:
            The object created.

        Raises:
            InvalidObjectName: Empty or malformed name (nothing is sent).
        """
        return Object(self, obj_name)

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
    ) -> httpx.Response:
        """Use the bucket's client to make a request to the bucket endpoint on the AIS server.

        Args:
            method (str): HTTP method to use, e.g. POST/GET/DELETE
            action (str): Action string used to create an ActionMsg to pass to the server
            value (dict): Additional value parameter to pass in the ActionMsg
            params (dict, optional): Optional parameters to pass in the request (default: ``qparam``)

        Returns:
            Response from the server (an ``httpx.Response``, read; the seed returned a
            ``requests.Response`` with the same ``status_code``/``content``/``json()``/``headers``).

        Raises:
            AISError: The server answered with an error status.
            ConnectionFailed: Connection error.
        """
        return self._client._rc.request(**self._request_args(method, action, value, params))
