"""``AiohttpTransport`` (the ``AsyncClient``'s transport) at the path the README names.

It lives in ``aistore_hl._http.transports.aiohttp``; importing this module loads aiohttp.
"""

from aistore_hl._http.transports._common import READ_SIZE_EXTENSION
from aistore_hl._http.transports.aiohttp import AiohttpTransport

__all__ = ["READ_SIZE_EXTENSION", "AiohttpTransport"]
