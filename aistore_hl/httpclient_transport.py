"""``HTTPClientTransport`` (the sync ``Client``'s transport) at the path the README names.

It lives in ``aistore_hl._http.transports.httpclient``.
"""

from aistore_hl._http.transports.httpclient import SENDFILE_EXTENSION, HTTPClientTransport

__all__ = ["SENDFILE_EXTENSION", "HTTPClientTransport"]
