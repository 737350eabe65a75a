"""PyTorch datasets over AIS objects: the seed-era names and today's official SDK 2.0 names."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import torch.distributed as dist
from torch.utils.data import Dataset, IterableDataset, get_worker_info

from aistore_hl.bucket import Bucket
from aistore_hl.client import Client
from aistore_hl.errors import InvalidArgument
from aistore_hl.torch._source import Ref, Sources, parse_url
from aistore_hl.torch._split import env_rank, part_of, split
from aistore_hl.torch._tar import members, samples

logger = logging.getLogger(__name__)

#: Entries per Get-Batch request of the iterable datasets, per DataLoader worker. Measured with
#: bench/cases/torch_data.py's loop (10,000 x 16 KiB, 2 targets, DataLoader batch 32, 4 workers, 2
#: in flight; samples/s, two runs each on the busy 2-core box): 32: 5.6k/6.6k, 250: 10.7k/9.5k,
#: 1,000: 7.1k/8.2k, 2,500: 9.2k/7.3k. Small requests pay the server's ~100 ms answer tail more
#: often (the core hands entries over early but the DT still holds the request); large ones make
#: a worker's first samples wait and buffer up to 2 x batch samples.
DEFAULT_BATCH_SIZE = 250
#: Requests answered at a time per worker (the next batch is fetched while one is consumed).
DEFAULT_IN_FLIGHT = 2

Transform = Callable[[Any], Any]


def current_part() -> tuple[int, int]:
    """``(part, parts)`` of this DataLoader worker on this rank (see ``_split``).

    The rank and world size come from ``torch.distributed`` when it is initialized, else from
    ``RANK`` / ``WORLD_SIZE``; outside a DataLoader worker the process is worker 0 of 1.
    """
    info = get_worker_info()
    worker, workers = (info.id, info.num_workers) if info is not None else (0, 1)
    if dist.is_available() and dist.is_initialized():
        rank, world = dist.get_rank(), dist.get_world_size()
    else:
        rank, world = env_rank()
    return part_of(worker, workers, rank, world)


def _seed_sources(client_url: str, urls_list: str | Sequence[str]) -> tuple[Client, list[str]]:
    urls = [urls_list] if isinstance(urls_list, str) else list(urls_list)
    for u in urls:
        parse_url(u)  # a malformed URL fails here, before any request
    return Client(client_url), urls


def _client_of(sources: Any, client: Client | None) -> Client:
    if client is not None:
        return client
    first = sources if not isinstance(sources, list | tuple) else (sources[0] if sources else None)
    # a Bucket, or an ObjectGroup's or Object's bucket (``Bucket.bck`` is its Bck, not a Bucket)
    bucket = first if isinstance(first, Bucket) else getattr(first, "bck", None)
    owner = getattr(bucket, "client", None)
    if not isinstance(owner, Client):
        raise InvalidArgument(sources, "pass client= (ais:// URLs carry no client)", param="client")
    return owner


class _Reader:
    """What every dataset here shares: the resolved samples and how to read them."""

    _src: Sources
    _transform: Transform | None
    _etl_name: str | None

    def _init(
        self,
        sources: Any,
        client: Client | None,
        prefix_map: Mapping[Any, str | Sequence[str]] | None,
        transform: Transform | None,
        etl_name: str | None,
    ) -> None:
        self._src = Sources(_client_of(sources, client), sources, prefix_map)
        self._transform = transform
        self._etl_name = etl_name

    def _out(self, name: str, data: bytes) -> tuple[str, Any]:
        return name, (self._transform(data) if self._transform is not None else data)

    def _get(self, ref: Ref) -> tuple[str, Any]:
        k, name = ref
        stream = self._src.bucket(k).object(name).get(etl_id=self._etl_name, chunk_size=1 << 20)
        return self._out(name, stream.read_all())

    def _batch(
        self, refs: Sequence[Ref], size: int, *, cont_on_err: bool = False, **opts: Any
    ) -> Iterator[tuple[str, Any]]:
        """``refs`` via Get-Batch (requests of ``size``), in order; missing ones raise unless skipped."""
        if self._etl_name is not None:  # Get-Batch applies no ETL: object by object
            yield from (self._get(r) for r in refs)
            return
        if not refs:
            return
        client = self._src.client.get()
        buckets = {k: self._src.bucket(k) for k in {k for k, _ in refs}}
        batch = client.batch(
            request_size=size, max_in_flight=DEFAULT_IN_FLIGHT, cont_on_err=cont_on_err, **opts
        )
        for k, name in refs:
            batch.add(name, bucket=buckets[k])
        for entry in batch.get():
            if not entry.ok:  # only with cont_on_err: told, never passed off as an empty sample
                logger.warning("skipping %s/%s: %s", entry.bucket, entry.obj_name, entry.err_msg)
                continue
            yield self._out(entry.obj_name, entry.data)

    def get_obj_names(self) -> list[str]:
        """Every sample's object name, in dataset order."""
        return [n for _, n in self._src.refs]


class AISMapDataset(_Reader, Dataset[tuple[str, Any]]):
    """A map-style dataset of AIS objects: ``dataset[i]`` is ``(object name, bytes)``.

    The official SDK 2.0 name and arguments. A DataLoader with ``batch_size`` fetches a whole
    batch with one Get-Batch request (``__getitems__``) instead of one GET per sample.

    Args:
        ais_source_list: Buckets, ObjectGroups, Objects or ``ais://bucket/prefix`` URLs (one or
            a list), listed once, when the dataset is built.
        prefix_map: For a Bucket of ``ais_source_list``: only objects under this prefix (or these).
        etl_name: An ETL (already running on the cluster) applied to every object.
        client: The client of URL sources (default: the client of the first Bucket source).
        transform: Applied to each object's bytes (``(name, transform(bytes))``).

    Raises:
        InvalidArgument: No source, or a source of an unknown kind (nothing is read).
    """

    def __init__(
        self,
        ais_source_list: Any = (),
        prefix_map: Mapping[Any, str | Sequence[str]] | None = None,
        etl_name: str | None = None,
        *,
        client: Client | None = None,
        transform: Transform | None = None,
    ) -> None:
        self._init(ais_source_list, client, prefix_map, transform, etl_name)

    def __len__(self) -> int:
        return len(self._src.refs)

    def __getitem__(self, index: int) -> tuple[str, Any]:
        try:
            ref = self._src.refs[index]
        except IndexError:
            raise IndexError(f"{type(self).__name__}: index {index} out of range ({len(self)})") from None
        return self._get(ref)

    def __getitems__(self, indices: Sequence[int]) -> list[tuple[str, Any]]:
        """The samples of ``indices`` in one Get-Batch request (what DataLoader batching calls)."""
        refs = [self._src.refs[i] for i in indices]
        return list(self._batch(refs, max(1, len(refs))))


class AISDataset(AISMapDataset):
    """The seed-era map-style dataset: ``AISDataset(client_url, urls_list)``.

    ``dataset[i]`` is ``(object name, bytes)`` of the i-th object under the URL prefixes, in
    listing order, as in the seed's ``aistore.pytorch.AISDataset``.

    Args:
        client_url: AIS endpoint URL.
        urls_list: One ``ais://bucket/prefix`` URL or a list of them.
        ais_source_list: More sources (Buckets, ObjectGroups...), as the later SDK took them.
        etl_name: An ETL (already running on the cluster) applied to every object.

    Raises:
        InvalidArgument: A malformed URL, or no source at all (nothing is read).
    """

    def __init__(
        self,
        client_url: str,
        urls_list: str | Sequence[str] = (),
        ais_source_list: Any = (),
        etl_name: str | None = None,
    ) -> None:
        client, urls = _seed_sources(client_url, urls_list)
        extra = [ais_source_list] if not isinstance(ais_source_list, list | tuple) else list(ais_source_list)
        super().__init__([*urls, *extra], etl_name=etl_name, client=client)


class AISIterDataset(_Reader, IterableDataset[tuple[str, Any]]):
    """An iterable dataset of AIS objects yielding ``(object name, bytes)``, read via Get-Batch.

    Both forms work: the official SDK 2.0 ``AISIterDataset(ais_source_list, prefix_map, etl_name)``
    and the seed era's ``AISIterDataset(client_url, urls_list)``. Each DataLoader worker of each
    rank reads its own part of the samples (no sample twice, none skipped, see
    ``aistore_hl.torch.current_part``); within a part the order is the listing's.

    Args:
        ais_source_list: Buckets, ObjectGroups, Objects or ``ais://`` URLs; or, seed-era, the
            endpoint URL (``http://...``) followed by ``urls_list``.
        prefix_map: For a Bucket source: only objects under this prefix (or these).
        etl_name: An ETL applied to every object (then read object by object).
        client: The client of URL sources (default: the client of the first Bucket source).
        transform: Applied to each object's bytes.
        batch_size: Entries per Get-Batch request (default ``DEFAULT_BATCH_SIZE``).
        urls_list: Seed-era ``ais://bucket/prefix`` URLs (with an endpoint as first argument).

    Raises:
        InvalidArgument: No source, a malformed URL or a bad batch size (nothing is read).
    """

    def __init__(
        self,
        ais_source_list: Any = (),
        prefix_map: Any = None,
        etl_name: str | None = None,
        *,
        client: Client | None = None,
        transform: Transform | None = None,
        batch_size: int | None = None,
        urls_list: str | Sequence[str] | None = None,
    ) -> None:
        if isinstance(ais_source_list, str) and ais_source_list.startswith(("http://", "https://")):
            # the seed era: (client_url, urls_list), urls_list possibly in prefix_map's position
            urls = urls_list if urls_list is not None else prefix_map
            client, sources = _seed_sources(ais_source_list, urls or ())
            ais_source_list, prefix_map = sources, None
        self.batch_size = _size(batch_size, DEFAULT_BATCH_SIZE)
        self._init(ais_source_list, client, prefix_map, transform, etl_name)

    def __len__(self) -> int:
        """Samples of the whole dataset (all workers and ranks)."""
        return len(self._src.refs)

    def _part(self) -> Sequence[Ref]:
        return split(self._src.refs, *current_part())

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return self._batch(self._part(), self.batch_size)


def _size(value: int | None, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgument(value, "must be an int >= 1", param="batch_size")
    return value


class AISBatchIterDataset(AISIterDataset):
    """The official SDK 2.0's Get-Batch dataset: ``AISBatchIterDataset(ais_source_list, client)``.

    Yields ``(object name, bytes)``. ``max_batch_size`` is the entries per Get-Batch request
    (default ``DEFAULT_BATCH_SIZE``, chosen by measurement; the official default of 32 caps a
    stream at ~320 objects/s there because of the server's ~100 ms answer tail).

    Args:
        ais_source_list: Buckets, ObjectGroups, Objects or ``ais://`` URLs.
        client: The client.
        prefix_map: For a Bucket source: only objects under this prefix (or these).
        show_progress: Accepted for compatibility; no progress bar is drawn.
        max_batch_size: Entries per Get-Batch request.
        output_format: ``.tar`` (default), ``.tgz``, ``.tar.gz``, ``.zip`` or ``.tar.lz4``.
        streaming: Streamed archive (default) or the multipart answer.
        colocation: 0, 1 or 2: the Get-Batch colocation hint.
        partition_sources_by_worker: Accepted for compatibility: samples are always split, so
            no worker lists a source twice in the same way.
        cont_on_err: Skip missing objects with a logged warning instead of failing the epoch.
        transform: Applied to each object's bytes.

    Raises:
        InvalidArgument: No source or a bad option (nothing is read).
    """

    def __init__(
        self,
        ais_source_list: Any,
        client: Client | None = None,
        prefix_map: Any = None,
        show_progress: bool = False,
        max_batch_size: int | None = None,
        output_format: str = ".tar",
        streaming: bool = True,
        colocation: int = 0,
        partition_sources_by_worker: bool = False,
        cont_on_err: bool = False,
        *,
        transform: Transform | None = None,
    ) -> None:
        super().__init__(
            ais_source_list, prefix_map, client=client, transform=transform, batch_size=max_batch_size
        )
        self._opts = {
            "output_format": output_format,
            "streaming_get": streaming,
            "colocation": int(colocation),
        }
        self._cont_on_err = cont_on_err

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return self._batch(self._part(), self.batch_size, cont_on_err=self._cont_on_err, **self._opts)


class AISShardReader(_Reader, IterableDataset[tuple[str, dict[str, Any]]]):
    """TAR shards in the WebDataset layout, streamed: yields ``(key, {extension: bytes})`` samples.

    The official SDK 2.0 name and arguments. Members are grouped by WebDataset key (the member
    path up to the first dot of its file name; the extension is the rest: ``a/0001.seg.png`` is
    key ``a/0001``, extension ``seg.png``). Unlike the official reader, which reads each shard
    whole and keys by file name only (dropping directories), a shard is parsed as it arrives,
    one piece at a time, and a sample's dict has only the extensions it has. Shards are split
    across DataLoader workers and ranks (each shard read by exactly one).

    Args:
        bucket_list: The shards: Buckets (listed, see ``prefix_map``), ObjectGroups (names or a
            template such as ``bucket.objects(obj_template="shard-{0000..0099}.tar")``), Objects or
            ``ais://`` URLs.
        prefix_map: For a Bucket: only shards under this prefix (or these).
        etl_name: An ETL applied to every shard.
        show_progress: Accepted for compatibility; no progress bar is drawn.
        partition_sources_by_worker: Accepted for compatibility (shards are always split).
        client: The client of URL sources.
        transform: Applied to each sample's dict.

    Raises:
        InvalidArgument: No source or a bad one (nothing is read).
        ShardError: While iterating: a shard is not TAR or ends inside a member.
    """

    def __init__(
        self,
        bucket_list: Any,
        prefix_map: Any = None,
        etl_name: str | None = None,
        show_progress: bool = False,
        partition_sources_by_worker: bool = False,
        *,
        client: Client | None = None,
        transform: Transform | None = None,
    ) -> None:
        self._init(bucket_list, client, prefix_map, transform, etl_name)

    def get_shard_names(self) -> list[str]:
        """Every shard's object name, in order."""
        return self.get_obj_names()

    def __iter__(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for k, name in split(self._src.refs, *current_part()):
            stream = self._src.bucket(k).object(name).get(etl_id=self._etl_name, chunk_size=1 << 20)
            for key, sample in samples(members(stream, name)):
                yield key, (self._transform(sample) if self._transform is not None else sample)
