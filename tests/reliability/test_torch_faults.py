"""A DataLoader worker killed mid-epoch: the epoch fails with a clear error, nothing silently dropped."""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import torch  # installed by `make venv` (requirements-torch.txt): a missing torch fails, never skips
from torch.utils.data import DataLoader

from aistore_hl import Client
from aistore_hl.torch import AISIterDataset, AISMapDataset

from .harness import FaultMatrix

N = 40
VICTIM = b"o-25"  # the worker reading this sample dies as an OOM kill would: SIGKILL, no cleanup


def _die_on_victim(data: bytes) -> bytes:
    if data == VICTIM:
        os.kill(os.getpid(), signal.SIGKILL)
    return data


@pytest.mark.parametrize("kind", ["iterable", "map"])
def test_worker_killed_mid_epoch(
    ais_endpoint: str, bucket_factory: Callable[..., str], fault_matrix: FaultMatrix, kind: str
) -> None:
    with Client(ais_endpoint) as c:
        b = c.bucket(bucket_factory("torchkill"))
        with ThreadPoolExecutor(8) as ex:
            list(ex.map(lambda i: b.object(f"o-{i:02d}").put(content=f"o-{i:02d}".encode()), range(N)))
        if kind == "iterable":
            ds: torch.utils.data.Dataset = AISIterDataset(b, transform=_die_on_victim, batch_size=4)
            dl = DataLoader(ds, batch_size=None, num_workers=2, multiprocessing_context="fork")
        else:
            ds = AISMapDataset(b, transform=_die_on_victim)
            dl = DataLoader(ds, batch_size=4, num_workers=2, multiprocessing_context="fork")
        got: list[str] = []
        with pytest.raises(RuntimeError, match=r"DataLoader worker \(pid\(s\) \d+\) exited unexpectedly"):
            for item in dl:
                names = [item[0]] if kind == "iterable" else list(item[0])
                got += names
        counts = Counter(got)
        assert all(v == 1 for v in counts.values())  # nothing twice
        assert "o-25" not in counts  # the sample being read when the worker died was not passed off
        assert len(got) < N  # the epoch did not end as if complete
    fault_matrix.add(
        f"DataLoader {kind} dataset, 2 workers (fork), {N} objects",
        "worker SIGKILLed while reading o-25",
        "epoch raises naming the dead worker; no sample twice, none faked",
        f"RuntimeError after {len(got)}/{N} samples, each once",
        verified=f"{len(got)} distinct",
    )
