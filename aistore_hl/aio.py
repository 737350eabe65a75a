"""``AsyncClient`` and the other async twins, at the path they have always been imported from.

Each async class now lives beside its sync twin in the resource's own module (``client.py``,
``bucket.py``, ``object.py``...); this module only re-exports them.
"""

from aistore_hl.bucket import AsyncBucket
from aistore_hl.client import AsyncClient
from aistore_hl.cluster import AsyncCluster
from aistore_hl.etl import AsyncEtl
from aistore_hl.job import AsyncJob
from aistore_hl.object import AsyncObject
from aistore_hl.object_group import AsyncObjectGroup

__all__ = [
    "AsyncBucket",
    "AsyncClient",
    "AsyncCluster",
    "AsyncEtl",
    "AsyncJob",
    "AsyncObject",
    "AsyncObjectGroup",
]
