"""``Urllib3Transport`` at the path the README names; it lives in ``aistore_hl._http.transports``.

Importing this module loads urllib3; ``import aistore_hl`` does not.
"""

from aistore_hl._http.transports._common import (
    READ_SIZE_EXTENSION,
    read_size_for,
    tls_context,
    transport_kwargs,
)
from aistore_hl._http.transports.urllib3 import Urllib3Transport

__all__ = ["READ_SIZE_EXTENSION", "Urllib3Transport", "read_size_for", "tls_context", "transport_kwargs"]
