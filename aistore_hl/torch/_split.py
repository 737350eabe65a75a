"""Which samples one DataLoader worker of one distributed rank reads (pure, no torch import).

Every (rank, worker) pair is one *part* of ``world_size * num_workers`` parts; part ``p`` takes
the samples ``p, p + parts, p + 2 * parts, ...``. The parts are disjoint and together cover every
index exactly once, for any ``n`` (uneven splits leave some parts one sample longer, never skip
one). Striding (rather than contiguous blocks) keeps the DataLoader's round-robin output close to
the source order.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def part_of(worker_id: int, num_workers: int, rank: int, world_size: int) -> tuple[int, int]:
    """``(part, parts)`` of worker ``worker_id`` of rank ``rank``.

    Raises:
        ValueError: A count below 1 or an id out of its range.
    """
    if num_workers < 1 or world_size < 1:
        raise ValueError(f"num_workers ({num_workers}) and world_size ({world_size}) must be >= 1")
    if not 0 <= worker_id < num_workers or not 0 <= rank < world_size:
        raise ValueError(f"worker {worker_id}/{num_workers} or rank {rank}/{world_size} out of range")
    return rank * num_workers + worker_id, world_size * num_workers


def split(items: Sequence[T], part: int, parts: int) -> Sequence[T]:
    """The items of ``part`` (of ``parts``): every ``parts``-th item from index ``part``."""
    if parts < 1 or not 0 <= part < parts:
        raise ValueError(f"part {part} of {parts} out of range")
    return items[part::parts]


def env_rank() -> tuple[int, int]:
    """``(rank, world_size)`` from ``RANK`` / ``WORLD_SIZE`` (torchrun sets them), else ``(0, 1)``.

    Raises:
        ValueError: Malformed or inconsistent values.
    """
    rank = int(os.environ.get("RANK", "0") or 0)
    world = int(os.environ.get("WORLD_SIZE", "1") or 1)
    if world < 1 or not 0 <= rank < world:
        raise ValueError(f"RANK={rank} WORLD_SIZE={world}: need 0 <= RANK < WORLD_SIZE")
    return rank, world
