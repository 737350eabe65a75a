"""aistore-hl: a typed, fast Python client for AIStore 5.0.

The seed API (``Client``, ``Cluster``, ``Bucket``, ``Object``, ``ObjectGroup``, ``Etl``,
``Job``) on top of the generated low-level client ``aistore_ll``; ``AsyncClient`` mirrors it on
asyncio.
"""

from aistore_hl import etl_templates
from aistore_hl.aio import (
    AsyncBucket,
    AsyncClient,
    AsyncCluster,
    AsyncEtl,
    AsyncJob,
    AsyncObject,
    AsyncObjectGroup,
)
from aistore_hl.bucket import Bucket
from aistore_hl.client import Client
from aistore_hl.cluster import Cluster
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
    Timeout,
)
from aistore_hl.etl import Etl, get_default_runtime
from aistore_hl.header import Header
from aistore_hl.job import Job
from aistore_hl.listing import BucketEntry, BucketList, BucketLister
from aistore_hl.obj_stream import AsyncObjStream, ObjStream
from aistore_hl.object import Object
from aistore_hl.object_group import ObjectGroup
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

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "ETL",
    "NOT_GIVEN",
    "AISError",
    "AISException",
    "ActionMsg",
    "AsyncBucket",
    "AsyncClient",
    "AsyncCluster",
    "AsyncEtl",
    "AsyncJob",
    "AsyncObjStream",
    "AsyncObject",
    "AsyncObjectGroup",
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
    "etl_templates",
    "get_default_runtime",
]
