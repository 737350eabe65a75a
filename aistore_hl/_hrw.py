"""Old private path of ``aistore_hl._http.hrw``, kept for tests/contract (owned elsewhere)."""

from aistore_hl._http.hrw import owner_url, targets_of

__all__ = ["owner_url", "targets_of"]
