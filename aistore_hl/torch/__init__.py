"""PyTorch datasets over AIStore (``pip install aistore-hl[torch]``).

* Seed era: ``AISDataset(client_url, urls_list)`` (map-style), ``AISIterDataset(client_url,
  urls_list)`` (iterable), both yielding ``(object name, bytes)``; the DataPipes
  ``AISFileLister`` / ``AISFileLoader``.
* Official SDK 2.0 names: ``AISMapDataset``, ``AISIterDataset``, ``AISBatchIterDataset`` (Get-Batch
  underneath, as is ``AISIterDataset`` here), ``AISShardReader`` (WebDataset TAR shards) and
  ``DynamicBatchSampler`` (batches within a byte budget).

Sources are Buckets, prefixes (``prefix_map``), ObjectGroups, Objects or ``ais://`` URLs. The
datasets pickle (each DataLoader worker opens its own connections, fork or spawn) and iterable
ones split their samples across workers and distributed ranks (``current_part``).

``import aistore_hl`` never imports this package (nor torch).
"""

from aistore_hl.errors import ShardError
from aistore_hl.object_group import expand_template
from aistore_hl.torch._datapipes import AISFileLister, AISFileLoader
from aistore_hl.torch._datasets import (
    DEFAULT_BATCH_SIZE,
    AISBatchIterDataset,
    AISDataset,
    AISIterDataset,
    AISMapDataset,
    AISShardReader,
    current_part,
)
from aistore_hl.torch._sampler import DynamicBatchSampler

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "AISBatchIterDataset",
    "AISDataset",
    "AISFileLister",
    "AISFileLoader",
    "AISIterDataset",
    "AISMapDataset",
    "AISShardReader",
    "DynamicBatchSampler",
    "ShardError",
    "current_part",
    "expand_template",
]
