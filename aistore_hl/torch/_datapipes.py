"""The seed's torchdata DataPipes ``AISFileLister`` / ``AISFileLoader`` on torch's own DataPipes.

torchdata 0.10+ removed ``torchdata.datapipes``; 0.9.0, the last release with them (deprecated),
still installs beside torch 2.15 (it asks for torch>=2) and re-exports torch's ``IterDataPipe``.
So these build on ``torch.utils.data.datapipes``, which torch itself still ships: they need no
torchdata and compose with torchdata 0.9 pipelines all the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from torch.utils.data.datapipes.datapipe import IterDataPipe
from torch.utils.data.datapipes.utils.common import StreamWrapper

from aistore_hl.client import Client
from aistore_hl.torch._source import ClientRef, parse_url


def _url(provider: str, bucket: str, name: str) -> str:
    return f"{provider}://{bucket}/{name}"


class AISFileLister(IterDataPipe[str]):
    """Lists the object URLs under each ``ais://bucket/prefix`` of ``source_datapipe`` (seed API).

    Args:
        source_datapipe: URL prefixes (any iterable, e.g. ``IterableWrapper([...])``).
        url: AIS endpoint URL.
        length: Reported by ``len()``; -1 (default): ``len()`` raises TypeError.
    """

    def __init__(self, source_datapipe: Iterable[str], url: str, length: int = -1) -> None:
        self.source_datapipe = source_datapipe
        self.length = length
        self._client = ClientRef(Client(url).config)

    def __iter__(self) -> Iterator[str]:
        client = self._client.get()
        for prefix_url in self.source_datapipe:
            provider, bucket, prefix = parse_url(prefix_url)
            for e in client.bucket(bucket, provider).list_objects_iter(prefix=prefix, props="name"):
                yield _url(provider, bucket, e.name)

    def __len__(self) -> int:
        if self.length == -1:
            raise TypeError(f"{type(self).__name__} instance doesn't have valid length")
        return self.length


class AISFileLoader(IterDataPipe[tuple[str, Any]]):
    """Yields ``(url, StreamWrapper(stream))`` for each object URL of ``source_datapipe`` (seed API).

    Args:
        source_datapipe: Object URLs (e.g. an ``AISFileLister``).
        url: AIS endpoint URL.
        length: Unused, as in the seed (``len()`` is the source's).
    """

    def __init__(self, source_datapipe: Iterable[str], url: str, length: int = -1) -> None:
        self.source_datapipe = source_datapipe
        self.length = length
        self._client = ClientRef(Client(url).config)

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        client = self._client.get()
        for obj_url in self.source_datapipe:
            provider, bucket, name = parse_url(obj_url)
            yield obj_url, StreamWrapper(client.bucket(bucket, provider).object(name).get().raw())

    def __len__(self) -> int:
        return len(self.source_datapipe)  # type: ignore[arg-type]
