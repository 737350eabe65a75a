"""aistore-hl: a typed, fast Python client for AIStore 5.0.

The seed API (``Client``, ``Cluster``, ``Bucket``, ``Object``, ``ObjectGroup``, ``Etl``,
``Job``) on top of the generated low-level client ``aistore_ll``; ``AsyncClient`` mirrors it on
asyncio.
"""

from typing import TYPE_CHECKING, Any

from aistore_hl import etl_templates
from aistore_hl.bucket import AsyncBucket, Bucket
from aistore_hl.client import AsyncClient, Client
from aistore_hl.cluster import AsyncCluster, Cluster
from aistore_hl.config import NOT_GIVEN, ClientConfig, RetryPolicy, Timeouts
from aistore_hl.const import (
    DEFAULT_CHUNK_SIZE,
    ProviderAIS,
    ProviderAmazon,
    ProviderAzure,
    ProviderGoogle,
    ProviderOCI,
)
from aistore_hl.errors import (
    AISError,
    AISException,
    ErrBckAlreadyExists,
    ErrBckNotFound,
    ErrETLNotFound,
    ErrObjNotFound,
    ErrRemoteBckNotFound,
    InvalidBckProvider,
    InvalidObjectRangeIndex,
    JobFailed,
    Timeout,
    TransferError,
)
from aistore_hl.etl import AsyncEtl, Etl, get_default_runtime
from aistore_hl.header import Header
from aistore_hl.job import AsyncJob, Job
from aistore_hl.listing import BucketEntry, BucketList, BucketLister
from aistore_hl.obj_stream import AsyncObjStream, ObjStream
from aistore_hl.object import AsyncObject, Object
from aistore_hl.object_group import AsyncObjectGroup, ObjectGroup
from aistore_hl.transfer import TransferSummary
from aistore_hl.types import (
    ETL,
    ActionMsg,
    Bck,
    ETLDetails,
    JobStatus,
    Namespace,
    NetInfo,
    ObjectRange,
    Smap,
    Snode,
)

if TYPE_CHECKING:
    from aistore_hl.batch import AsyncBatch, Batch, BatchEntry

__version__ = "0.1.0"

# Get-Batch (1,300 lines of TAR/multipart parsing) loads with the first ``client.batch(...)`` or
# the first use of one of these names. The async classes are not lazy: each sits beside its sync
# twin in the resource's module, so they load together (asyncio itself is cheap next to httpx).
_LAZY = {
    "AsyncBatch": "aistore_hl.batch",
    "Batch": "aistore_hl.batch",
    "BatchEntry": "aistore_hl.batch",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "ETL",
    "NOT_GIVEN",
    "AISError",
    "AISException",
    "ActionMsg",
    "AsyncBatch",
    "AsyncBucket",
    "AsyncClient",
    "AsyncCluster",
    "AsyncEtl",
    "AsyncJob",
    "AsyncObjStream",
    "AsyncObject",
    "AsyncObjectGroup",
    "Batch",
    "BatchEntry",
    "Bck",
    "Bucket",
    "BucketEntry",
    "BucketList",
    "BucketLister",
    "Client",
    "ClientConfig",
    "Cluster",
    "ETLDetails",
    "ErrBckAlreadyExists",
    "ErrBckNotFound",
    "ErrETLNotFound",
    "ErrObjNotFound",
    "ErrRemoteBckNotFound",
    "Etl",
    "Header",
    "InvalidBckProvider",
    "InvalidObjectRangeIndex",
    "Job",
    "JobFailed",
    "JobStatus",
    "Namespace",
    "NetInfo",
    "ObjStream",
    "Object",
    "ObjectGroup",
    "ObjectRange",
    "ProviderAIS",
    "ProviderAmazon",
    "ProviderAzure",
    "ProviderGoogle",
    "ProviderOCI",
    "RetryPolicy",
    "Smap",
    "Snode",
    "Timeout",
    "Timeouts",
    "TransferError",
    "TransferSummary",
    "etl_templates",
    "get_default_runtime",
]
