"""Client-side argument checks that mirror the AIStore 5.0 server's rules.

Each function returns the (possibly normalized) value or raises a ``ValueError``-family
error from :mod:`aistore_hl.errors` that names the bad value. Checking locally gives a
clear error before any request is sent; the server remains the authority.

Sources (NVIDIA/aistore v1.5.0): ``cmn/bck.go:ValidateName`` and
``cmn/cos/uuid.go:CheckAlphaPlus`` (bucket names), ``cmn/cos/err.go:ValidateOname`` /
``ValidateArchpath`` (object names, archive paths), ``api/apc/provider.go`` (providers),
``cmn/k8s/util.go:ValidateEtlName`` (ETL names), ``ext/etl/api.go`` (communication types).
"""

from __future__ import annotations

import math
import re
from typing import Final

from aistore_hl.const import (
    ETL_COMM_TYPES,
    ETL_NAME_MAX_LEN,
    ETL_NAME_MIN_LEN,
    MAX_BUCKET_NAME_LEN,
    PROVIDER_ALIASES,
    PROVIDERS,
    SYSTEM_BUCKETS,
    ProviderAIS,
)
from aistore_hl.errors import (
    InvalidArgument,
    InvalidBucketName,
    InvalidETLName,
    InvalidObjectName,
    InvalidRequest,
    UnknownBckProvider,
)

__all__ = [
    "MAX_CHUNK_SIZE",
    "normalize_etl_comm_type",
    "normalize_provider",
    "validate_archpath",
    "validate_bucket_name",
    "validate_chunk_size",
    "validate_etl_name",
    "validate_object_name",
    "validate_timeout",
]

#: Largest accepted chunk size (1 GiB): larger values are almost always a unit mistake.
MAX_CHUNK_SIZE: Final = 1 << 30

_BUCKET_NAME_RE: Final = re.compile(r"[A-Za-z0-9_.\-]+")
_ETL_NAME_RE: Final = re.compile(r"[a-z0-9\-]+")


def normalize_provider(provider: str | None) -> str:
    """Return the canonical provider name, as the server would normalize it.

    ``""`` and ``None`` mean ``"ais"``; the aliases ``s3``, ``gs``, ``az``, ``oc`` map to
    ``aws``, ``gcp``, ``azure``, ``oci``. Case is ignored. (For listing buckets an empty
    provider means "all providers": callers that need that must not normalize.)

    Args:
        provider: A provider name or alias.

    Returns:
        One of ``ais``, ``aws``, ``gcp``, ``azure``, ``oci``.

    Raises:
        UnknownBckProvider: For anything else (including the removed ``ht`` and ``hdfs``): an
            ``InvalidBckProvider`` and, as the server's 400 answer the seed-era SDK raised for
            such a bucket's first request, a ``BadRequest``.
    """
    if provider is None:
        return ProviderAIS
    if not isinstance(provider, str):
        raise UnknownBckProvider(provider, "must be a string")
    p = provider.strip().lower()
    if p == "":
        return ProviderAIS
    if p in PROVIDERS:
        return p
    alias = PROVIDER_ALIASES.get(p)
    if alias is not None:
        return alias
    raise UnknownBckProvider(provider, f"expected one of {', '.join(sorted(PROVIDERS))}")


def validate_bucket_name(name: str) -> str:
    """Check a bucket name against the server's rules.

    Rules: non-empty; at most 64 bytes; only ASCII letters, digits, ``-``, ``_`` and
    ``.``; no ``..``; a leading ``.`` is reserved for system buckets
    (``.sys-inventory``, ``.sys-shardidx``). The same rules apply to every provider.

    Args:
        name: The bucket name.

    Returns:
        ``name`` unchanged.

    Raises:
        InvalidBucketName: If the name breaks a rule.
    """
    if not isinstance(name, str):
        raise InvalidBucketName(name, "must be a string")
    if not name:
        raise InvalidBucketName(name, "must not be empty")
    if len(name.encode("utf-8")) > MAX_BUCKET_NAME_LEN:
        raise InvalidBucketName(name, f"longer than {MAX_BUCKET_NAME_LEN} bytes")
    if name[0] == "." and name not in SYSTEM_BUCKETS:
        raise InvalidBucketName(name, "a leading '.' is reserved for system buckets")
    if not _BUCKET_NAME_RE.fullmatch(name):
        raise InvalidBucketName(
            name, "may only contain letters, digits, dashes (-), underscores (_), and dots (.)"
        )
    if ".." in name:
        raise InvalidBucketName(name, "must not contain '..'")
    return name


def _check_path(name: str, *, allow_trailing_slash: bool) -> str:
    """Return the reason ``name`` is not a valid object path, or "" if it is."""
    if "\x00" in name:
        return "must not contain NUL characters"
    if name.startswith("~/"):
        return "must not start with '~/'"
    if not allow_trailing_slash and name.endswith("/"):
        return "must not end with '/'"
    for component in name.split("/"):
        if component in (".", ".."):
            return (
                f"must not contain a {component!r} path component (dot segment): HTTP clients "
                "collapse it into another object's name, and the server rejects it sent as is"
            )
    return ""


def validate_object_name(name: str, *, allow_trailing_slash: bool = False) -> str:
    """Check an object name against the server's rules.

    Rules: non-empty; no NUL; no ``.`` or ``..`` path component; no leading ``~/``; no
    trailing ``/`` (a virtual directory) unless ``allow_trailing_slash`` (e.g. a HEAD of a
    virtual directory). ``/`` inside a name is fine. The server has no length limit of its
    own (long names are mapped to shorter on-disk names).

    Dot segments (``a/../b``, ``a/./b``) are refused before any request: URL normalization in
    HTTP stacks (requests, which today's official SDK uses, and httpx) would collapse them and
    silently write or read another object (``b``, ``a/b``), and AIS rejects such a path sent
    as is.

    Args:
        name: The object name.
        allow_trailing_slash: Accept a name ending with ``/``.

    Returns:
        ``name`` unchanged.

    Raises:
        InvalidObjectName: If the name breaks a rule.
    """
    if not isinstance(name, str):
        raise InvalidObjectName(name, "must be a string")
    if not name:
        raise InvalidObjectName(name, "must not be empty")
    reason = _check_path(name, allow_trailing_slash=allow_trailing_slash)
    if reason:
        raise InvalidObjectName(name, reason)
    return name


def validate_archpath(path: str) -> str:
    """Check the path of a file inside an archive (shard), as used by ``archpath=``.

    An empty path means "no archive path" and is returned as is. Otherwise the rules of
    :func:`validate_object_name` apply (no trailing ``/``).

    Args:
        path: The archive path.

    Returns:
        ``path`` unchanged.

    Raises:
        InvalidArgument: If the path breaks a rule.
    """
    if not isinstance(path, str):
        raise InvalidArgument(path, "must be a string", param="archpath")
    if path == "":
        return path
    reason = _check_path(path, allow_trailing_slash=False)
    if reason:
        raise InvalidArgument(path, reason, param="archpath")
    return path


def validate_etl_name(name: str) -> str:
    """Check an ETL name: 6 to 32 characters of ``[a-z0-9-]``.

    Args:
        name: The ETL name.

    Returns:
        ``name`` unchanged.

    Raises:
        InvalidETLName: If the name breaks a rule.
    """
    if not isinstance(name, str):
        raise InvalidETLName(name, "must be a string")
    if len(name) < ETL_NAME_MIN_LEN:
        raise InvalidETLName(name, f"shorter than {ETL_NAME_MIN_LEN} characters")
    if len(name) > ETL_NAME_MAX_LEN:
        raise InvalidETLName(name, f"longer than {ETL_NAME_MAX_LEN} characters")
    if not _ETL_NAME_RE.fullmatch(name):
        raise InvalidETLName(name, "may only contain lower-case letters, digits and '-'")
    return name


def normalize_etl_comm_type(comm_type: str) -> str:
    """Return the wire form of an ETL communication type (``"hpush"`` -> ``"hpush://"``).

    Args:
        comm_type: ``hpush``, ``hpull`` or ``ws``, with or without ``://``.

    Returns:
        ``"hpush://"``, ``"hpull://"`` or ``"ws://"``.

    Raises:
        InvalidRequest: For another type (``hrev`` and ``io`` were removed from AIS; the server
            refuses them with 400). A ``ValueError``, as the seed's ``init_code`` raised for an
            unknown type, and a ``BadRequest``, as the seed raised the server's answer.
    """
    if not isinstance(comm_type, str):
        raise InvalidRequest(comm_type, "must be a string", param="communication type")
    c = comm_type.strip().lower()
    if not c.endswith("://"):
        c += "://"
    if c not in ETL_COMM_TYPES:
        raise InvalidRequest(
            comm_type,
            f"expected one of {', '.join(sorted(ETL_COMM_TYPES))}",
            param="communication type",
        )
    return c


def validate_chunk_size(chunk_size: int) -> int:
    """Check a chunk size in bytes: an ``int`` in ``1 .. 1 GiB``.

    Args:
        chunk_size: The chunk size.

    Returns:
        ``chunk_size`` unchanged.

    Raises:
        InvalidArgument: If it is not an int, or out of range.
    """
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int):
        raise InvalidArgument(chunk_size, "must be an int", param="chunk_size")
    if chunk_size < 1:
        raise InvalidArgument(chunk_size, "must be >= 1", param="chunk_size")
    if chunk_size > MAX_CHUNK_SIZE:
        raise InvalidArgument(chunk_size, f"must be <= {MAX_CHUNK_SIZE}", param="chunk_size")
    return chunk_size


def validate_timeout(value: float | None, *, name: str = "timeout", allow_none: bool = True) -> float | None:
    """Check a timeout in seconds: a finite number > 0, or None (no timeout) if allowed.

    Zero is rejected on purpose: with httpx it means "fail at once", while older AIS SDKs
    used it for "no timeout"; pass ``None`` to disable a timeout.

    Args:
        value: Seconds, or None.
        name: The parameter name used in the error.
        allow_none: Whether None is accepted.

    Returns:
        The value as a float, or None.

    Raises:
        InvalidArgument: If the value is not acceptable.
    """
    if value is None:
        if allow_none:
            return None
        raise InvalidArgument(value, "must be a number of seconds", param=name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidArgument(value, "must be a number of seconds or None", param=name)
    if not math.isfinite(value) or value <= 0:
        raise InvalidArgument(value, "must be a finite number > 0 (use None for no timeout)", param=name)
    return float(value)
