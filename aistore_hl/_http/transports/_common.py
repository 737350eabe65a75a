"""What every transport here shares: TLS contexts, the constructor arguments taken from a
``ClientConfig``, and the per-request read size. No urllib3 or aiohttp here, so the default sync
transport loads neither."""

from __future__ import annotations

import select
import socket
import ssl
from typing import Any

import httpx

from aistore_hl.config import ClientConfig

READ_SIZE_EXTENSION = "aistore_hl.read_size"
"""Request extension: read the response body in pieces of this many bytes (when >= the
transport's default), so a consumer iterating big chunks gets each one from a single read
instead of re-assembling (copying) smaller pieces."""


def tls_context(verify: bool | str | ssl.SSLContext, cert: str | tuple[str, str] | None) -> ssl.SSLContext:
    """The ``ssl.SSLContext`` for a transport's ``verify`` and ``cert`` arguments.

    ``verify``: True (system CAs), False (no verification), a CA bundle path, or a context used as
    is; ``cert``: a PEM path or ``(cert, key)`` paths, loaded into the context (as urllib3 does).
    """
    if isinstance(verify, ssl.SSLContext):
        ctx = verify
    elif verify is False:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    else:
        ctx = ssl.create_default_context(cafile=verify if isinstance(verify, str) else None)
    if isinstance(cert, tuple):
        ctx.load_cert_chain(certfile=cert[0], keyfile=cert[1])
    elif cert:
        ctx.load_cert_chain(certfile=cert)
    return ctx


def transport_kwargs(config: ClientConfig) -> dict[str, Any]:
    """The constructor arguments every transport here takes from a ``ClientConfig``."""
    return {
        "verify": config.verify,
        "cert": config.client_cert,
        "pool_maxsize": config.max_pool_size,
        "read_chunk_size": config.read_chunk_size,
    }


def read_size_for(request: httpx.Request, default: int) -> int:
    """The body read size for ``request``: its ``READ_SIZE_EXTENSION`` if larger than ``default``."""
    wanted = request.extensions.get(READ_SIZE_EXTENSION)
    return max(default, wanted) if isinstance(wanted, int) and wanted > 0 else default


def peer_closed(sock: socket.socket | None) -> bool:
    """True if the peer closed (or wrote to) an idle connection: readable means EOF or garbage."""
    if sock is None:
        return True
    try:
        poller = select.poll()  # not select(): it cannot take descriptors above 1023
        poller.register(sock, select.POLLIN)
        return bool(poller.poll(0))
    except (OSError, ValueError):
        return True
