"""Which target owns an object: AIS's highest-random-weight choice, computed client-side.

Same as the cluster's ``Smap.HrwName2T`` (core/meta/hrw.go, AIS 5.0): XXH64 of the object's uname
(``<provider>/<ns-uname>/<bucket>/<object>``) with seed MLCG32, combined with each target's
``id_digest`` by a splitmix64-style finalizer (cmn/xoshiro256); the highest wins, targets in
maintenance or decommission skipped. Used by ``direct_reads`` to skip the proxy's redirect.
"""

from __future__ import annotations

from collections.abc import Sequence

import xxhash

from aistore_hl.types import Smap

_M64 = (1 << 64) - 1
_MLCG32 = 1103515245
_MAINT_OR_DECOMM = 4 | 8


def _mix(seed: int) -> int:
    z = (seed + 0x9E3779B97F4A7C15) & _M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _M64
    z = ((z ^ (z >> 31)) + 0x9E3779B97F4A7C15) & _M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _M64
    z = ((z ^ (z >> 31)) * 5) & _M64
    return ((((z << 7) | (z >> 57)) & _M64) * 9) & _M64


def targets_of(smap: Smap) -> list[tuple[int, str]]:
    """(id_digest, public URL) of every target that can own objects."""
    return [
        (t.id_digest, t.public_net.direct_url)
        for t in smap.tmap.values()
        if t.public_net is not None and t.id_digest and not t.flags & _MAINT_OR_DECOMM
    ]


def owner_url(targets: Sequence[tuple[int, str]], uname: str) -> str | None:
    """Public URL of the target owning ``uname``; None without targets."""
    if not targets:
        return None
    digest = xxhash.xxh64_intdigest(uname.encode(), seed=_MLCG32)
    return max(targets, key=lambda t: _mix(t[0] ^ digest))[1]
