"""Socket transports behind httpx's public transport interface.

``httpclient.HTTPClientTransport`` (sync default), ``aiohttp.AiohttpTransport`` (async default),
``urllib3.Urllib3Transport`` (not a default; for your own ``httpx.Client``). Why each default was
chosen, with the figures: docs/bench/transports.md. Import the module you use: this package
imports none of them, so ``import aistore_hl`` loads neither urllib3 nor aiohttp.
"""
