"""``DynamicBatchSampler``: mini-batches of indices that fit a byte budget (official SDK 2.0 name)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import torch
from torch.utils.data import Sampler

from aistore_hl.torch._datasets import AISMapDataset

logger = logging.getLogger(__name__)

#: Fill a last batch needs to be kept with ``drop_last=True`` (the official default).
SATURATION_FACTOR = 0.8


class DynamicBatchSampler(Sampler[list[int]]):
    """Batches of indices of an ``AISMapDataset`` whose objects' sizes add up to at most a budget.

    Samples are taken in order (or shuffled, per epoch) and packed greedily: a batch is yielded
    when the next sample would not fit. Use it as ``DataLoader(ds, batch_sampler=sampler)``; each
    batch is then one Get-Batch request. Sizes come from the listing (Bucket sources) or a HEAD per
    object (ObjectGroups, Objects), once.

    Args:
        data_source: The map-style dataset.
        max_batch_size: Bytes per batch at most.
        drop_last: Drop the last batch if it is filled to less than ``saturation_factor``.
        allow_oversized_samples: A sample larger than ``max_batch_size`` forms a batch of its own;
            otherwise it is left out with a logged warning (never silently).
        saturation_factor: See ``drop_last``.
        shuffle: A new random order every epoch (``torch.randperm``; seed it with
            ``torch.manual_seed``).

    Raises:
        ValueError: ``max_batch_size`` <= 0 or ``saturation_factor`` outside [0, 1].
    """

    def __init__(
        self,
        data_source: AISMapDataset,
        max_batch_size: float,
        drop_last: bool = False,
        allow_oversized_samples: bool = False,
        saturation_factor: float = SATURATION_FACTOR,
        shuffle: bool = False,
    ) -> None:
        if max_batch_size <= 0:
            raise ValueError(f"max_batch_size must be > 0, not {max_batch_size}")
        if not 0 <= saturation_factor <= 1:
            raise ValueError(f"saturation_factor must be in [0, 1], not {saturation_factor}")
        self._sizes = data_source._src.sizes()
        self._max = max_batch_size
        self._drop_last = drop_last
        self._oversized = allow_oversized_samples
        self._saturation = saturation_factor
        self._shuffle = shuffle

    def _batches(self, order: list[int], warn: bool) -> Iterator[list[int]]:
        batch: list[int] = []
        total = 0
        for i in order:
            size = self._sizes[i]
            if size > self._max:
                if self._oversized:
                    yield [i]
                elif warn:
                    logger.warning("sample %d (%d bytes) is larger than max_batch_size: left out", i, size)
                continue
            if total + size > self._max:
                yield batch
                batch, total = [], 0
            batch.append(i)
            total += size
        if batch and not (self._drop_last and total < self._saturation * self._max):
            yield batch

    def __iter__(self) -> Iterator[list[int]]:
        n = len(self._sizes)
        order = torch.randperm(n).tolist() if self._shuffle else list(range(n))
        return self._batches(order, warn=True)

    def __len__(self) -> int:
        """Batches of an epoch in dataset order (a shuffled epoch may pack into one more or less)."""
        return sum(1 for _ in self._batches(list(range(len(self._sizes))), warn=False))
