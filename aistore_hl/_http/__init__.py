"""The HTTP engine under every high-level call; nothing here is public.

``request``: the sync and async request clients (plans, streams, PUT via redirect);
``retrying``: per-hop retries as an httpx transport wrapper; ``hrw``: which target owns an
object (direct reads); ``transports/``: the socket transports (``http.client`` for ``Client``,
aiohttp for ``AsyncClient``, urllib3 for your own ``httpx.Client``), each loaded only when used.
"""
