"""Stdlib-only AIS helpers for bench setup: buckets, seeded uploads, listing, cluster facts.

Independent of both clients under test, so neither one prepares the other's data.
"""

from __future__ import annotations

import http.client
import json
import random
import threading
import urllib.parse
from collections.abc import Callable, Sequence
from typing import Any


def _split(endpoint: str) -> tuple[str, int]:
    u = urllib.parse.urlsplit(endpoint)
    return u.hostname or "127.0.0.1", u.port or 80


def request(
    endpoint: str,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 120,
) -> tuple[int, dict[str, str], bytes]:
    host, port = _split(endpoint)
    c = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data
    finally:
        c.close()


def _json(endpoint: str, method: str, path: str, msg: Any = None) -> tuple[int, bytes]:
    body = json.dumps(msg).encode() if msg is not None else None
    st, _, data = request(endpoint, method, path, body, {"Content-Type": "application/json"})
    return st, data


def create_bucket(endpoint: str, name: str) -> None:
    st, data = _json(endpoint, "POST", f"/v1/buckets/{name}", {"action": "create-bck"})
    if st != 200 and b"already exists" not in data:
        raise RuntimeError(f"create {name}: HTTP {st} {data[:300]!r}")


def destroy_bucket(endpoint: str, name: str) -> None:
    st, data = _json(endpoint, "DELETE", f"/v1/buckets/{name}", {"action": "destroy-bck"})
    if st not in (200, 404):
        raise RuntimeError(f"destroy {name}: HTTP {st} {data[:300]!r}")


def list_names(endpoint: str, bucket: str, prefix: str = "") -> list[str]:
    """All object names (JSON listing, server-max pages)."""
    names: list[str] = []
    uuid, token = "", ""
    while True:
        value = {"props": "name", "prefix": prefix, "uuid": uuid, "continuation_token": token, "flags": "0"}
        st, data = _json(endpoint, "GET", f"/v1/buckets/{bucket}", {"action": "list", "value": value})
        if st != 200:
            raise RuntimeError(f"list {bucket}: HTTP {st} {data[:300]!r}")
        page = json.loads(data)
        names += [e["name"] for e in page.get("entries") or []]
        uuid, token = page.get("uuid", ""), page.get("continuation_token", "")
        if not token:
            return names


def smap(endpoint: str) -> dict[str, Any]:
    st, data = _json(endpoint, "GET", "/v1/daemon?what=smap")
    return json.loads(data) if st == 200 else {}


def mountpaths(endpoint: str) -> dict[str, Any]:
    st, data = _json(endpoint, "GET", "/v1/cluster?what=mountpaths")
    return json.loads(data) if st == 200 else {}


def cluster_config(endpoint: str) -> dict[str, Any]:
    st, data = _json(endpoint, "GET", "/v1/cluster?what=cluster_config")
    return json.loads(data) if st == 200 else {}


class _Putter:
    """One thread's connections: a fresh one per proxy leg (the proxy closes it after the 307),
    keep-alive ones to each target. The body goes to the target only."""

    def __init__(self, endpoint: str) -> None:
        self.proxy = _split(endpoint)
        self.targets: dict[tuple[str, int], http.client.HTTPConnection] = {}

    def put(self, bucket: str, name: str, body: bytes) -> None:
        path = f"/v1/objects/{bucket}/{urllib.parse.quote(name)}"
        pc = http.client.HTTPConnection(*self.proxy, timeout=60)
        try:
            pc.putrequest("PUT", path, skip_accept_encoding=True)
            pc.putheader("Content-Length", str(len(body)))
            pc.putheader("Expect", "100-continue")
            pc.endheaders()
            r = pc.getresponse()
            r.read()
            loc = r.getheader("Location")
        finally:
            pc.close()
        if r.status not in (301, 307) or not loc:
            raise RuntimeError(f"PUT {name}: proxy answered {r.status}")
        u = urllib.parse.urlsplit(loc)
        key = (u.hostname or "127.0.0.1", u.port or 80)
        tpath = u.path + ("?" + u.query if u.query else "")
        for attempt in range(2):
            tc = self.targets.get(key)
            if tc is None:
                tc = self.targets[key] = http.client.HTTPConnection(*key, timeout=60)
            try:
                tc.request("PUT", tpath, body=body, headers={"Content-Length": str(len(body))})
                tr = tc.getresponse()
                tr.read()
                break
            except (ConnectionError, http.client.HTTPException):
                tc.close()
                del self.targets[key]
                if attempt:
                    raise
        if tr.status != 200:
            raise RuntimeError(f"PUT {name}: target answered {tr.status}")

    def close(self) -> None:
        for c in self.targets.values():
            c.close()


def populate(
    endpoint: str, bucket: str, names: Sequence[str], body_for: Callable[[int], bytes], threads: int = 16
) -> None:
    errors: list[BaseException] = []

    def work(k: int) -> None:
        p = _Putter(endpoint)
        try:
            for i in range(k, len(names), threads):
                p.put(bucket, names[i], body_for(i))
        except BaseException as e:
            errors.append(e)
        finally:
            p.close()

    ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if errors:
        raise errors[0]


def seeded_payloads(size: int, seed: int, n: int = 64) -> list[bytes]:
    r = random.Random(seed)
    return [r.randbytes(size) for _ in range(n)]
