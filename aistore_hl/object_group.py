"""Several objects of one bucket at once: by names, by an ObjectRange, or by a template."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aistore_hl import _ops
from aistore_hl.errors import InvalidArgument, InvalidBckProvider
from aistore_hl.types import ObjectRange
from aistore_hl.validation import validate_object_name

if TYPE_CHECKING:
    from aistore_hl.bucket import Bucket


def selection(
    obj_names: list[str] | None, obj_range: ObjectRange | None, obj_template: str | None
) -> tuple[list[str] | None, str | None]:
    """Validate a group's selection locally: exactly one of the three, well formed."""
    given = [x for x in (obj_names, obj_range, obj_template) if x is not None]
    if len(given) != 1:
        raise InvalidArgument(
            f"{len(given)} selections",
            "give exactly one of obj_names, obj_range, obj_template",
            param="objects",
        )
    if obj_names is not None:
        if isinstance(obj_names, str) or not all(isinstance(n, str) for n in obj_names):
            raise InvalidArgument(obj_names, "must be a list of object names", param="obj_names")
        if not obj_names:
            raise InvalidArgument(
                obj_names, "must not be empty (an empty list would select nothing)", param="obj_names"
            )
        return [validate_object_name(n) for n in obj_names], None
    if obj_range is not None:
        if not isinstance(obj_range, ObjectRange):
            raise InvalidArgument(obj_range, "must be an ObjectRange", param="obj_range")
        return None, str(obj_range)
    if not isinstance(obj_template, str) or not obj_template:
        raise InvalidArgument(obj_template, "must be a non-empty template string", param="obj_template")
    return None, obj_template


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

    def _plan_delete(self) -> _ops.Plan[str]:
        return _ops.delete_objects(self._bck.bck, self._names, self._template)

    def _plan_evict(self) -> _ops.Plan[str]:
        self._require_remote("evicted")
        return _ops.evict_objects(self._bck.bck, self._names, self._template)

    def _plan_prefetch(self) -> _ops.Plan[str]:
        self._require_remote("prefetched")
        return _ops.prefetch_objects(self._bck.bck, self._names, self._template)

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

    def delete(self) -> str:
        """Deletes a list or range of objects in a bucket.

        Returns:
            Job ID (as str) that can be used to check the status of the operation

        Raises:
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        return self._bck.client._rc.run(self._plan_delete())

    def evict(self) -> str:
        """Evicts a list or range of objects in a bucket so that they are no longer cached in AIS.

        NOTE: only Cloud buckets can be evicted (and buckets of an attached remote AIS cluster).

        Returns:
            Job ID (as str) that can be used to check the status of the operation

        Raises:
            InvalidBckProvider: The bucket is not remote (nothing is sent).
            AISError: All other types of errors with AIStore.
        """
        return self._bck.client._rc.run(self._plan_evict())

    def prefetch(self) -> str:
        """Prefetches a list or range of objects in a bucket so that they are cached in AIS.

        NOTE: only Cloud buckets can be prefetched (and buckets of an attached remote AIS cluster).

        Returns:
            Job ID (as str) that can be used to check the status of the operation

        Raises:
            InvalidBckProvider: The bucket is not remote (nothing is sent).
            AISError: All other types of errors with AIStore.
        """
        return self._bck.client._rc.run(self._plan_prefetch())
