"""Opt-in direct reads: the client computes the owning target as the cluster does (HRW)."""

from __future__ import annotations

import asyncio
import os
import random
import string
from collections.abc import Callable

import httpx
import pytest

from aistore_hl import AsyncClient, Client
from aistore_hl._hrw import owner_url, targets_of
from aistore_hl.errors import ErrObjNotFound
from aistore_hl.types import Bck, Smap


def test_hrw_owner_matches_the_proxys_redirect_for_every_name(
    ais_endpoint: str, bucket_factory: Callable[..., str]
) -> None:
    name = bucket_factory("hrw")
    raw = httpx.Client(base_url=ais_endpoint, timeout=30)
    targets = targets_of(Smap.from_json(raw.get("/v1/daemon", params={"what": "smap"}).json()))
    assert len(targets) == 2
    rng = random.Random(7)
    alphabet = string.ascii_letters + string.digits + "/._- "
    owners = set()
    for _ in range(300):
        obj = "".join(rng.choices(alphabet, k=rng.randint(1, 60))).strip("/ ") or "x"
        r = raw.get(f"/v1/objects/{name}/{obj}", params={"provider": "ais"})
        assert r.status_code == 301, r.text
        want = owner_url(targets, f"{Bck(name).uname()}{obj}")
        assert want is not None and r.headers["location"].startswith(want + "/"), (obj, r.headers["location"])
        owners.add(want)
    assert len(owners) == 2  # both targets own some names: the test can tell a wrong pick


def test_direct_get_is_one_request_and_returns_the_object(
    ais_endpoint: str, bucket_factory: Callable[..., str]
) -> None:
    name = bucket_factory("direct")
    data = {f"o/{i}": os.urandom(4096 + i) for i in range(20)}
    sent: list[httpx.URL] = []

    # Sync only: the tap is an httpx.BaseTransport (the AsyncClient's seam takes an async one);
    # test_async_direct_get covers the async direct path.
    class Tap(httpx.BaseTransport):  # sees every HTTP attempt below the retry layer
        def __init__(self, inner: httpx.BaseTransport) -> None:
            self.inner = inner

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            sent.append(request.url)
            return self.inner.handle_request(request)

        def close(self) -> None:  # the client's close reaches the pooled connections
            self.inner.close()

    with Client(ais_endpoint) as plain, Client(ais_endpoint, direct_reads=True, transport=Tap) as direct:
        for k, v in data.items():
            plain.bucket(name).object(k).put(content=v)
        b = direct.bucket(name)
        b.object("o/0").get().read_all()  # first read also fetches the cluster map
        sent.clear()
        for k, v in data.items():
            s = b.object(k).get()
            assert s.read_all() == v and s.checksum_verified
        assert len(sent) == len(data)  # one request per object: no proxy hop
        assert all(u.port != httpx.URL(ais_endpoint).port for u in sent)
        with pytest.raises(ErrObjNotFound):  # falls back to the proxy, which says 404 too
            b.object("missing").get()


def test_direct_reads_fall_back_through_the_proxy_on_a_stale_map(
    ais_endpoint: str, bucket_factory: Callable[..., str], connect: Callable[..., Client]
) -> None:
    name = bucket_factory("stale")
    with connect(ais_endpoint, direct_reads=True) as c:  # Client, then AsyncClient
        c.bucket(name).object("x").put(content=b"payload")
        rc = c._rc
        rc.routing.targets = [(1, "http://127.0.0.1:1")]  # a map pointing at nothing
        assert c.bucket(name).object("x").get().read_all() == b"payload"
        assert rc.routing.targets is None  # dropped, refetched on the next direct read
        assert c.bucket(name).object("x").get().read_all() == b"payload"
        assert rc.routing.targets is not None and not rc.routing.refused


def test_a_missing_object_keeps_the_map_and_any_target_serves_a_read(
    ais_endpoint: str, bucket_factory: Callable[..., str], connect: Callable[..., Client]
) -> None:
    name = bucket_factory("owner")
    with connect(ais_endpoint) as c:  # Client, then AsyncClient; direct reads are the default
        b = c.bucket(name)
        b.object("x").put(content=b"payload")
        assert b.object("x").get().read_all() == b"payload"
        rc = c._rc
        good = rc.routing.targets
        assert good is not None and len(good) == 2
        with pytest.raises(ErrObjNotFound):
            b.object("nope").get()
        assert rc.routing.targets is good  # a genuine 404 says nothing about the map
        # A map naming the wrong owner: AIS 5.0 targets serve an object they do not own (they
        # locate it in the cluster), so a stale map costs nothing but an internal hop.
        urls = sorted({url for _, url in good})
        for url in urls:
            rc.routing.targets = [(d, url) for d, _ in good]
            s = b.object("x").get()
            assert s.read_all() == b"payload" and s.checksum_verified


def test_async_direct_get(ais_endpoint: str, bucket_factory: Callable[..., str]) -> None:
    name = bucket_factory("adirect")

    async def main() -> None:
        async with AsyncClient(ais_endpoint, direct_reads=True) as c:
            await c.bucket(name).object("a").put(content=b"async-direct")
            assert await (await c.bucket(name).object("a").get()).read_all() == b"async-direct"
            assert c._rc.routing.targets is not None  # the direct path was taken

    asyncio.run(main())
