"""Sources of samples (buckets, prefixes, ``ais://`` URLs, ObjectGroups, Objects) and the per-process client.

A dataset resolves its sources once, into a flat list of ``(bucket key, object name)`` pairs, in
the process that builds it: every DataLoader worker (forked or spawned) and every rank then splits
the same list, so none reads a sample twice or skips one (see ``_split``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from aistore_hl.bucket import Bucket
from aistore_hl.client import Client
from aistore_hl.config import ClientConfig
from aistore_hl.errors import InvalidArgument
from aistore_hl.object import Object
from aistore_hl.object_group import ObjectGroup
from aistore_hl.types import Namespace

#: ``(bucket name, provider, namespace)``: what reopens a bucket in another process.
BckKey = tuple[str, str, Namespace | None]
#: One sample: the index of its bucket in ``Sources.buckets`` and its object name.
Ref = tuple[int, str]

_URL = re.compile(r"^(?P<scheme>[a-z0-9]+)://(?P<bucket>[^/]+)/?(?P<prefix>.*)$")
_SCHEMES = {"s3": "aws", "gs": "gcp", "az": "azure", "oc": "oci"}


class ClientRef:
    """A client's configuration, and one ``Client`` per process built from it on first use.

    A forked worker must not share its parent's sockets and a spawned one gets a pickled copy:
    either way ``get()`` in a new process builds a new ``Client`` (its own connection pool).
    """

    def __init__(self, config: ClientConfig) -> None:
        self.config = config
        self._client: Client | None = None
        self._pid = -1

    def get(self) -> Client:
        """This process's client."""
        if self._client is None or self._pid != os.getpid():
            self._client = Client(config=self.config)
            self._pid = os.getpid()
        return self._client

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"])  # type: ignore[misc]


def parse_url(url: str) -> tuple[str, str, str]:
    """``(provider, bucket, prefix)`` of ``ais://bucket/prefix`` (the seed's ``urls_list`` entries).

    Raises:
        InvalidArgument: Not ``scheme://bucket[/prefix]``.
    """
    m = _URL.match(url)
    if m is None:
        raise InvalidArgument(url, "must be scheme://bucket[/prefix], e.g. ais://b/train/", param="urls_list")
    return _SCHEMES.get(m["scheme"], m["scheme"]), m["bucket"], m["prefix"]


class Sources:
    """The flat, ordered list of samples of a dataset's sources (resolved when built)."""

    def __init__(
        self,
        client: Client,
        sources: Any,
        prefix_map: Mapping[Any, str | Sequence[str]] | None = None,
        *,
        listing: bool = True,
    ) -> None:
        self.client = ClientRef(client.config)
        self.buckets: list[BckKey] = []
        self._index: dict[tuple[str, str, str], int] = {}
        self.refs: list[Ref] = []
        self._sizes: dict[int, int] = {}  # index in refs -> size, as listed
        items = [sources] if isinstance(sources, str | Bucket | ObjectGroup | Object) else list(sources)
        if not items:
            raise InvalidArgument(sources, "no source given", param="ais_source_list")
        for src in items:
            self._add(client, src, prefix_map or {}, listing)

    def _key(self, bucket: Bucket) -> int:
        ns = bucket.namespace
        key = (bucket.name, bucket.provider, repr(ns))  # a Namespace is not hashable
        if key not in self._index:
            self._index[key] = len(self.buckets)
            self.buckets.append((bucket.name, bucket.provider, ns))
        return self._index[key]

    def _add(self, client: Client, src: Any, prefix_map: Mapping[Any, Any], listing: bool) -> None:
        if isinstance(src, str):
            provider, name, prefix = parse_url(src)
            self._list(client.bucket(name, provider), [prefix])
        elif isinstance(src, Bucket):
            given = prefix_map.get(src)
            prefixes = [""] if given is None else [given] if isinstance(given, str) else list(given)
            self._list(src, prefixes)
        elif isinstance(src, ObjectGroup):
            names = src.list_names()
            k = self._key(src.bck)
            self.refs.extend((k, n) for n in names)
        elif isinstance(src, Object):
            self.refs.append((self._key(src.bck), src.obj_name))
        else:
            raise InvalidArgument(
                src, "must be a Bucket, an ObjectGroup, an Object or an ais:// URL", param="ais_source_list"
            )

    def _list(self, bucket: Bucket, prefixes: Iterable[str]) -> None:
        k = self._key(bucket)
        for prefix in prefixes:
            for e in bucket.list_objects_iter(prefix=prefix, props="name,size"):
                if e.size is not None:
                    self._sizes[len(self.refs)] = e.size
                self.refs.append((k, e.name))

    def bucket(self, index: int) -> Bucket:
        """The bucket of ``buckets[index]``, bound to this process's client."""
        name, provider, ns = self.buckets[index]
        return self.client.get().bucket(name, provider, ns)

    def sizes(self) -> list[int]:
        """Every sample's size in bytes: as listed, else (ObjectGroups, Objects) from a HEAD."""
        missing = [i for i in range(len(self.refs)) if i not in self._sizes]
        for i in missing:
            k, name = self.refs[i]
            self._sizes[i] = self.bucket(k).object(name).head().size or 0
        return [self._sizes[i] for i in range(len(self.refs))]

    def names(self, refs: Iterable[Ref]) -> Iterator[str]:
        """Object names of ``refs``."""
        return (n for _, n in refs)
