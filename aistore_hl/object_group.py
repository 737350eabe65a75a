"""Several objects of one bucket at once: by names, by an ObjectRange, or by a template."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

from aistore_hl import _ops
from aistore_hl._twins import twin_docs
from aistore_hl.errors import InvalidArgument, InvalidBckProvider, InvalidRequest
from aistore_hl.types import Bck, ObjectRange
from aistore_hl.validation import validate_etl_name, validate_object_name

#: Archive formats the server writes, by extension (``archive.Strict``).
ARCHIVE_EXTENSIONS = (".tar", ".tgz", ".tar.gz", ".zip", ".tar.lz4")
#: Default per-object transform timeout of a group transform (today's official SDK's default).
DEFAULT_ETL_TIMEOUT = "5m"

if TYPE_CHECKING:
    from aistore_hl.bucket import AsyncBucket, Bucket
    from aistore_hl.client import AsyncClient, Client
    from aistore_hl.object import AsyncObject, Object
    from aistore_hl.types import ETLConfig


def selection(
    obj_names: list[str] | None, obj_range: ObjectRange | None, obj_template: str | None
) -> tuple[list[str] | None, str | None]:
    """Validate a group's selection locally: exactly one of the three, well formed.

    An empty ``obj_names`` list or an empty ``obj_template`` is accepted, as the seed accepted it:
    the group selects no object (see ``ObjectGroupCore.selects_nothing``).
    """
    given = [x for x in (obj_names, obj_range, obj_template) if x is not None]
    if len(given) != 1:
        raise InvalidArgument(
            f"{len(given)} selections",
            "give exactly one of obj_names, obj_range, obj_template",
            param="objects",
        )
    # Non-list names and non-str templates: the seed sent them and the server answered 400.
    if obj_names is not None:
        if isinstance(obj_names, str | bytes) or not isinstance(obj_names, list | tuple):
            raise InvalidRequest(obj_names, "must be a list of object names", param="obj_names")
        if not all(isinstance(n, str) for n in obj_names):
            raise InvalidRequest(obj_names, "must be a list of object names", param="obj_names")
        return [validate_object_name(n) for n in obj_names], None
    if obj_range is not None:
        if not isinstance(obj_range, ObjectRange):
            raise InvalidArgument(obj_range, "must be an ObjectRange", param="obj_range")
        return None, str(obj_range)
    if not isinstance(obj_template, str):
        raise InvalidRequest(obj_template, "must be a template string", param="obj_template")
    return None, obj_template


_RANGE = re.compile(r"\{(\d+)\.\.(\d+)(?:\.\.(\d+))?\}")


def expand_template(template: str) -> list[str]:
    """Names of an AIS template: ``shard-{0000..0099}.tar``, ``{0..10..2}`` steps, several ranges.

    Zero padding follows the width of the range's first bound, as in AIS (``cmn/cos/template``).

    Raises:
        InvalidArgument: A range whose end is before its start, or a step of 0.
    """
    m = _RANGE.search(template)
    if m is None:
        return [template]
    lo, hi, step = int(m[1]), int(m[2]), int(m[3] or 1)
    if hi < lo or step < 1:
        raise InvalidArgument(template, "a range needs start <= end and a step >= 1", param="template")
    width = len(m[1])
    head, tail = template[: m.start()], template[m.end() :]
    rest = expand_template(tail)
    return [f"{head}{i:0{width}d}{t}" for i in range(lo, hi + 1, step) for t in rest]


def dest_bck(to_bck: Any) -> Bck:
    """The ``Bck`` of a destination given as a ``Bucket``/``AsyncBucket`` (or a ``Bck``)."""
    if isinstance(to_bck, Bck):
        return to_bck
    bck = getattr(to_bck, "bck", None)
    if not isinstance(bck, Bck):
        raise InvalidArgument(to_bck, "must be a Bucket (client.bucket(name))", param="to_bck")
    return bck


def check_archive_name(archive_name: object, mime: object) -> None:
    """An archive name the server will accept: non-empty, with a supported extension."""
    if not isinstance(mime, str):
        raise InvalidArgument(mime, "must be a str such as '.tar' (or '')", param="mime")
    if not isinstance(archive_name, str) or not archive_name:
        raise InvalidArgument(archive_name, "must be a non-empty archive object name", param="archive_name")
    validate_object_name(archive_name)
    # AIS 5.0 requires the extension even with `mime` (`archive.Strict`; a mismatch is a 400).
    if not archive_name.lower().endswith(ARCHIVE_EXTENSIONS):
        raise InvalidArgument(
            archive_name, f"must end with one of {', '.join(ARCHIVE_EXTENSIONS)}", param="archive_name"
        )


class ObjectGroupCore:
    """What ``ObjectGroup`` and ``AsyncObjectGroup`` share: the validated selection and plans."""

    def __init__(
        self,
        bck: Any,
        obj_names: list[str] | None = None,
        obj_range: ObjectRange | None = None,
        obj_template: str | None = None,
    ) -> None:
        self._bck = bck
        self._names, self._template = selection(obj_names, obj_range, obj_template)

    @property
    def selects_nothing(self) -> bool:
        """True for ``obj_names=[]`` or ``obj_template=""``: the group names no object.

        The seed-era SDK sent such a group's operation with a null selection; the server of its
        time started the job, which failed with "empty range template" and touched nothing.
        AIS 5.0 reads the same request as *every object in the bucket*, so for these groups
        ``delete`` / ``evict`` / ``prefetch`` send nothing and return "" (no job). Today's official
        SDK builds the group too, but its operations then fail with ``AttributeError`` (it keeps no
        collection for an empty list or template).
        """
        return self._names == [] or self._template == ""

    def list_names(self) -> list[str]:
        """List all the object names included in this group of objects.

        The names of a range or a template are expanded locally, as AIS expands them.

        Returns:
            List of object names
        """
        if self._names is not None:
            return list(self._names)
        return expand_template(self._template or "") if self._template else []

    def _plan_delete(self) -> _ops.Plan[str] | None:
        if self.selects_nothing:
            return None
        return _ops.delete_objects(self._bck.bck, self._names, self._template)

    def _plan_evict(self) -> _ops.Plan[str] | None:
        self._require_remote("evicted")  # first, as the seed's verify_cloud_bucket
        if self.selects_nothing:
            return None
        return _ops.evict_objects(self._bck.bck, self._names, self._template)

    def _plan_prefetch(
        self,
        blob_threshold: int | None = None,
        num_workers: int | None = None,
        latest: bool = False,
        continue_on_error: bool = False,
    ) -> _ops.Plan[str] | None:
        self._require_remote("prefetched")
        for name, v in (("blob_threshold", blob_threshold), ("num_workers", num_workers)):
            if v is not None and (not isinstance(v, int) or isinstance(v, bool)):
                raise InvalidArgument(v, "must be an int (or None)", param=name)
        if blob_threshold is not None and blob_threshold < 0:
            raise InvalidArgument(blob_threshold, "must be >= 0", param="blob_threshold")
        for name, b in (("latest", latest), ("continue_on_error", continue_on_error)):
            if not isinstance(b, bool):
                raise InvalidArgument(b, "must be a bool", param=name)
        if self.selects_nothing:
            return None
        if blob_threshold is None and num_workers is None and not latest and not continue_on_error:
            return _ops.prefetch_objects(self._bck.bck, self._names, self._template)
        from aistore_ll.models import PrefetchMsg
        from aistore_ll.types import UNSET

        from aistore_hl._endpoints import perform_bucket_action

        msg = PrefetchMsg(
            objnames=list(self._names) if self._names is not None else UNSET,
            template=self._template or UNSET,
            blob_threshold=blob_threshold if blob_threshold is not None else UNSET,
            num_workers=num_workers if num_workers is not None else UNSET,
            coer=continue_on_error or UNSET,
            latest_ver=latest or UNSET,
        )
        bck = self._bck.bck
        body = _ops._act("prefetch-listrange", msg)
        return _ops.Plan(perform_bucket_action, (bck.name,), {**_ops.bck_query(bck), "body": body}, _ops._xid)

    def _names_with(self, prefix: str) -> list[str]:
        if not isinstance(prefix, str):
            raise InvalidArgument(prefix, "must be a str", param="prefix")
        return [n for n in self.list_names() if n.startswith(prefix)]

    def _rebound(self, client: Any) -> Any:
        """This group's bucket as seen through ``client``."""
        if not hasattr(client, "bucket"):
            raise InvalidArgument(client, "must be a Client", param="client")
        b = self._bck
        return client.bucket(b.name, provider=b.provider, ns=b.namespace)

    def _require_selection(self) -> None:
        # Not seed members: an empty selection would make AIS 5.0 act on the whole bucket.
        if self.selects_nothing:
            raise InvalidArgument(
                self._names if self._names is not None else self._template,
                "selects no object (the server would take it for the whole bucket)",
                param="objects",
            )

    def _plan_copy(self, to_bck: Any, **opts: Any) -> _ops.Plan[list[str]]:
        self._require_selection()
        return _ops.copy_objects(self._bck.bck, self._names, self._template, dest_bck(to_bck), **opts)

    def _plan_transform(self, to_bck: Any, etl_name: str, timeout: str, **opts: Any) -> _ops.Plan[list[str]]:
        self._require_selection()
        if not isinstance(timeout, str):
            raise InvalidArgument(timeout, "must be a Go duration string such as '5m'", param="timeout")
        pipeline = opts.get("etl_pipeline")
        if pipeline is not None:
            if isinstance(pipeline, str) or not all(isinstance(n, str) for n in pipeline):
                raise InvalidArgument(pipeline, "must be a list of ETL names", param="etl_pipeline")
            for n in pipeline:
                validate_etl_name(n)
        return _ops.copy_objects(
            self._bck.bck,
            self._names,
            self._template,
            dest_bck(to_bck),
            etl_name=validate_etl_name(etl_name),
            timeout=timeout,
            **opts,
        )

    def _plan_archive(self, archive_name: str, mime: str, to_bck: Any, **opts: Any) -> _ops.Plan[list[str]]:
        self._require_selection()
        check_archive_name(archive_name, mime)
        # AIS 5.0 refuses an empty `tobck` ("bucket name is missing"): name the source explicitly.
        to = dest_bck(to_bck) if to_bck is not None else self._bck.bck
        return _ops.archive_objs(
            self._bck.bck, self._names, self._template, archive_name, to=to, mime=mime, **opts
        )

    def _require_remote(self, verb: str) -> None:
        if not self._bck.bck.is_remote():
            raise InvalidBckProvider(self._bck.provider, f"only remote buckets can be {verb}")


class ObjectGroup(ObjectGroupCore):
    """A class representing multiple objects within the same bucket. Only one of obj_names or
    obj_range should be provided.

    Args:
        bck (Bucket): Bucket the objects belong to
        obj_names (list[str], optional): List of object names to include in this collection
        obj_range (ObjectRange, optional): Range defining which object names in the bucket should be
            included
        obj_template (str, optional): String argument to pass as template value directly to api

    Raises:
        InvalidArgument: Not exactly one selection, or a malformed one (nothing is sent).
    """

    def __init__(
        self,
        bck: Bucket,
        obj_names: list[str] | None = None,
        obj_range: ObjectRange | None = None,
        obj_template: str | None = None,
    ) -> None:
        super().__init__(bck, obj_names, obj_range, obj_template)
        self._bck: Bucket = bck

    @property
    def bck(self) -> Bucket:
        """The bucket the objects belong to."""
        return self._bck

    @property
    def client(self) -> Client:
        """The client of the group's bucket (official SDK 2.0). Settable: ``group.client = other``
        rebinds the group to the same bucket through another client (its ``bck`` is replaced)."""
        return self._bck.client

    @client.setter
    def client(self, client: Client) -> None:
        self._bck = self._rebound(client)

    def list_urls(self, prefix: str = "", etl: ETLConfig | None = None) -> Iterator[str]:
        """The full GET URL of each object of the group whose name starts with ``prefix``, in the
        group's order (``Object.get_url``), as the official SDK 2.0. Nothing is sent.

        Args:
            prefix: Only names starting with it (2.0 ignores it here; its docs say it filters).
            etl: An ``ETLConfig``: URLs of the ETL's output.

        Returns:
            An iterator of URLs.

        Raises:
            InvalidArgument: A bad prefix or ETL.
        """
        for name in self._names_with(prefix):
            yield self._bck.object(name).get_url(etl=etl)

    def list_all_objects_iter(self, prefix: str = "", props: str | None = "name,size") -> Iterator[Object]:
        """The group's objects whose names start with ``prefix``, each after a HEAD of ``props``
        (its ``props_cached`` is then set), as the official SDK 2.0.

        Args:
            prefix: Only names starting with it.
            props: Properties each HEAD asks for (``head(props=...)``); None: no HEAD.

        Returns:
            An iterator of ``Object`` (one HEAD per object as it is reached).

        Raises:
            ErrObjNotFound: An object of the group does not exist (with ``props``).
            InvalidArgument: Bad prefix or props names.
        """
        for name in self._names_with(prefix):
            obj = self._bck.object(name)
            if props is not None:
                obj.head(props=props)
            yield obj

    def delete(self) -> str:
        """Deletes a list or range of objects in a bucket.

        Returns:
            Job ID (as str) that can be used to check the status of the operation. "" for a
            group that selects nothing (``obj_names=[]``, ``obj_template=""``): nothing is sent,
            nothing is deleted (see ``selects_nothing``).

        Raises:
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        plan = self._plan_delete()
        return self._bck.client._rc.run(plan) if plan is not None else ""

    def evict(self) -> str:
        """Evicts a list or range of objects in a bucket so that they are no longer cached in AIS.

        NOTE: only Cloud buckets can be evicted (and buckets of an attached remote AIS cluster).

        Returns:
            Job ID (as str) that can be used to check the status of the operation; "" for a group
            that selects nothing (nothing is sent).

        Raises:
            InvalidBckProvider: The bucket is not remote (nothing is sent), checked first as in
                the seed, also for a group that selects nothing.
            AISError: All other types of errors with AIStore.
        """
        plan = self._plan_evict()
        return self._bck.client._rc.run(plan) if plan is not None else ""

    def prefetch(
        self,
        *,
        blob_threshold: int | None = None,
        num_workers: int | None = None,
        latest: bool = False,
        continue_on_error: bool = False,
    ) -> str:
        """Prefetches a list or range of objects in a bucket so that they are cached in AIS.

        NOTE: only Cloud buckets can be prefetched (and buckets of an attached remote AIS cluster).

        Args:
            blob_threshold: Objects of at least this size (bytes) are fetched by the blob
                downloader (``PrefetchMsg.blob-threshold``; the server raises it to 1 MiB).
            num_workers: Concurrent readers (0 or None: one per mountpath; -1: serial).
            latest: Fetch the latest remote version of objects already cached.
            continue_on_error: Go on past an object that fails.
            (Keyword-only: not in the seed; the official SDK 2.0's names.)

        Returns:
            Job ID (as str) that can be used to check the status of the operation; "" for a group
            that selects nothing (nothing is sent).

        Raises:
            InvalidBckProvider: The bucket is not remote (nothing is sent), checked first as in
                the seed, also for a group that selects nothing.
            AISError: All other types of errors with AIStore.
        """
        plan = self._plan_prefetch(blob_threshold, num_workers, latest, continue_on_error)
        return self._bck.client._rc.run(plan) if plan is not None else ""

    def copy(
        self,
        to_bck: Bucket,
        prepend: str = "",
        continue_on_error: bool = False,
        dry_run: bool = False,
        force: bool = False,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
    ) -> list[str]:
        """Copies a list or range of objects in a bucket (server-side, one job per target set).

        Not in the seed; today's official SDK's parameters. A template that is not a brace range
        (e.g. ``obj_template="dir/"``) selects by prefix.

        Args:
            to_bck (Bucket): Destination bucket (created by the server if missing)
            prepend (str, optional): Value to prepend to the name of copied objects
            continue_on_error (bool, optional): Whether to continue if there is an error copying a
                single object
            dry_run (bool, optional): Skip performing the copy and just log the intended actions
            force (bool, optional): Force this job to run over others in case it conflicts
            latest (bool, optional): GET the latest object version from the associated remote bucket
            sync (bool, optional): Synchronize destination bucket with its remote source
            num_workers (int, optional): Concurrent readers (0 or None: one per mountpath; -1: serial)

        Returns:
            List of job IDs that can be used to check the status of the operation

        Raises:
            InvalidArgument: ``to_bck`` is not a bucket (nothing is sent).
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        plan = self._plan_copy(
            to_bck,
            prepend=prepend,
            continue_on_error=continue_on_error,
            dry_run=dry_run,
            force=force,
            latest=latest,
            sync=sync,
            num_workers=num_workers,
        )
        return self._bck.client._rc.run(plan)

    def transform(
        self,
        to_bck: Bucket,
        etl_name: str,
        timeout: str = DEFAULT_ETL_TIMEOUT,
        prepend: str = "",
        ext: dict[str, str] | None = None,
        continue_on_error: bool = False,
        dry_run: bool = False,
        force: bool = False,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
        etl_pipeline: list[str] | None = None,
    ) -> list[str]:
        """Performs ETL operation on a list or range of objects in a bucket, placing the results in
        the destination bucket.

        Not in the seed; today's official SDK's parameters. A cluster built without ETL answers
        ``Unsupported``-class errors (404/501 from the server, surfaced typed).

        Args:
            to_bck (Bucket): Destination bucket
            etl_name (str): Name of existing ETL to apply
            timeout (str): Per-object transform timeout (a Go duration, e.g. "5m")
            prepend (str, optional): Value to prepend to the name of resulting transformed objects
            ext (dict[str, str], optional): Extension remap of the results (e.g. {"jpg": "txt"})
            continue_on_error (bool, optional): Whether to continue if there is an error
                transforming a single object
            dry_run (bool, optional): Skip performing the transform and just log the intended actions
            force (bool, optional): Force this job to run over others in case it conflicts
            latest (bool, optional): GET the latest object version from the associated remote bucket
            sync (bool, optional): Synchronize destination bucket with its remote source
            num_workers (int, optional): Concurrent readers (0 or None: one per mountpath; -1: serial)
            etl_pipeline (list[str], optional): Further ETLs applied after ``etl_name``, in order

        Returns:
            List of job IDs that can be used to check the status of the operation

        Raises:
            InvalidArgument: Bad ``to_bck``, ETL name, timeout or pipeline (nothing is sent).
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        plan = self._plan_transform(
            to_bck,
            etl_name,
            timeout,
            prepend=prepend,
            ext=ext,
            continue_on_error=continue_on_error,
            dry_run=dry_run,
            force=force,
            latest=latest,
            sync=sync,
            num_workers=num_workers,
            etl_pipeline=etl_pipeline,
        )
        return self._bck.client._rc.run(plan)

    def archive(
        self,
        archive_name: str,
        mime: str = "",
        to_bck: Bucket | None = None,
        include_source_name: bool = False,
        allow_append: bool = False,
        continue_on_err: bool = False,
    ) -> list[str]:
        """Create or append to an archive (a shard) of the group's objects.

        Not in the seed; today's official SDK's parameters. Read a member back with
        ``bucket.object(archive_name).get(archpath="member")``.

        Args:
            archive_name (str): Name of archive to create or append, ending with ``.tar``,
                ``.tgz``, ``.tar.gz``, ``.zip`` or ``.tar.lz4`` (AIS 5.0 requires the extension)
            mime (str, optional): Archive format (e.g. ".tar"); AIS 5.0 checks that it matches
                the extension (a mismatch is a ``BadRequest``)
            to_bck (Bucket, optional): Destination bucket, defaults to current bucket
            include_source_name (bool, optional): Include the source bucket name in the archived
                objects' names
            allow_append (bool, optional): Allow appending to an existing archive
            continue_on_err (bool, optional): Whether to continue if there is an error archiving a
                single object

        Returns:
            List of job IDs that can be used to check the status of the operation

        Raises:
            InvalidArgument: A bad archive name, mime or ``to_bck`` (nothing is sent).
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        plan = self._plan_archive(
            archive_name,
            mime,
            to_bck,
            include_source_name=include_source_name,
            allow_append=allow_append,
            continue_on_err=continue_on_err,
        )
        return self._bck.client._rc.run(plan)


@twin_docs(ObjectGroup)
class AsyncObjectGroup(ObjectGroupCore):
    """Async twin of ``ObjectGroup``."""

    def __init__(
        self,
        bck: AsyncBucket,
        obj_names: list[str] | None = None,
        obj_range: ObjectRange | None = None,
        obj_template: str | None = None,
    ) -> None:
        super().__init__(bck, obj_names, obj_range, obj_template)
        self._bck: AsyncBucket = bck

    @property
    def bck(self) -> AsyncBucket:
        """The bucket the objects belong to."""
        return self._bck

    @property
    def client(self) -> AsyncClient:
        """The client of the group's bucket; settable (see ``ObjectGroup.client``)."""
        return self._bck.client

    @client.setter
    def client(self, client: AsyncClient) -> None:
        self._bck = self._rebound(client)

    def list_urls(self, prefix: str = "", etl: ETLConfig | None = None) -> Iterator[str]:
        for name in self._names_with(prefix):
            yield self._bck.object(name).get_url(etl=etl)

    async def list_all_objects_iter(
        self, prefix: str = "", props: str | None = "name,size"
    ) -> AsyncIterator[AsyncObject]:
        for name in self._names_with(prefix):
            obj = self._bck.object(name)
            if props is not None:
                await obj.head(props=props)
            yield obj

    async def delete(self) -> str:
        plan = self._plan_delete()
        return await self._bck.client._rc.run(plan) if plan is not None else ""

    async def evict(self) -> str:
        plan = self._plan_evict()
        return await self._bck.client._rc.run(plan) if plan is not None else ""

    async def prefetch(
        self,
        *,
        blob_threshold: int | None = None,
        num_workers: int | None = None,
        latest: bool = False,
        continue_on_error: bool = False,
    ) -> str:
        plan = self._plan_prefetch(blob_threshold, num_workers, latest, continue_on_error)
        return await self._bck.client._rc.run(plan) if plan is not None else ""

    async def copy(
        self,
        to_bck: AsyncBucket,
        prepend: str = "",
        continue_on_error: bool = False,
        dry_run: bool = False,
        force: bool = False,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
    ) -> list[str]:
        plan = self._plan_copy(
            to_bck,
            prepend=prepend,
            continue_on_error=continue_on_error,
            dry_run=dry_run,
            force=force,
            latest=latest,
            sync=sync,
            num_workers=num_workers,
        )
        return await self._bck.client._rc.run(plan)

    async def transform(
        self,
        to_bck: AsyncBucket,
        etl_name: str,
        timeout: str = DEFAULT_ETL_TIMEOUT,
        prepend: str = "",
        ext: dict[str, str] | None = None,
        continue_on_error: bool = False,
        dry_run: bool = False,
        force: bool = False,
        latest: bool = False,
        sync: bool = False,
        num_workers: int | None = None,
        etl_pipeline: list[str] | None = None,
    ) -> list[str]:
        plan = self._plan_transform(
            to_bck,
            etl_name,
            timeout,
            prepend=prepend,
            ext=ext,
            continue_on_error=continue_on_error,
            dry_run=dry_run,
            force=force,
            latest=latest,
            sync=sync,
            num_workers=num_workers,
            etl_pipeline=etl_pipeline,
        )
        return await self._bck.client._rc.run(plan)

    async def archive(
        self,
        archive_name: str,
        mime: str = "",
        to_bck: AsyncBucket | None = None,
        include_source_name: bool = False,
        allow_append: bool = False,
        continue_on_err: bool = False,
    ) -> list[str]:
        plan = self._plan_archive(
            archive_name,
            mime,
            to_bck,
            include_source_name=include_source_name,
            allow_append=allow_append,
            continue_on_err=continue_on_err,
        )
        return await self._bck.client._rc.run(plan)
