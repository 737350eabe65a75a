"""Listing ceiling: how fast the cluster hands out pages, with (almost) no client work.

The same requests the clients make (GET /v1/buckets/<b> with an ActMsg "list" body, props
name,size, ``--page-size`` entries per page (0: the server default), msgpack answers,
continuation tokens), sent over one bare ``http.client`` connection;
each page is decoded only as far as its continuation token and the number of entries (msgspec
skips the entries as raw bytes). What remains is the cluster producing the pages plus the transfer:
no client can list faster than this on the same cluster.

Runs in the ours venv (needs msgspec); prints one JSON line like the other workers.
"""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import msgspec

from bench.workers import _common as cm


class _Page(msgspec.Struct):
    entries: list[msgspec.Raw] | None = msgspec.field(name="Entries", default=None)
    token: str = msgspec.field(name="ContinuationToken", default="")
    uuid: str = msgspec.field(name="UUID", default="")


def run() -> dict[str, object]:
    a = cm.parser(__doc__ or "").parse_args()
    if a.case != "list":
        raise SystemExit("ceiling_list: only the 'list' case")
    u = urlsplit(a.endpoint)
    conn = http.client.HTTPConnection(u.hostname or "127.0.0.1", u.port or 80)
    decoder = msgspec.msgpack.Decoder(_Page)
    headers = {"Accept": "application/msgpack", "Content-Type": "application/json"}
    with cm.Timer(a.profile) as t:
        n = 0
        token = uuid = ""
        while True:
            value: dict[str, str | int] = {"props": "name,size"}
            if a.page_size:
                value["pagesize"] = a.page_size
            if uuid:
                value["uuid"] = uuid
            if token:
                value["continuation_token"] = token
            body = json.dumps({"action": "list", "value": value})
            conn.request("GET", f"/v1/buckets/{a.bucket}?provider=ais", body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            if resp.status != 200:
                raise SystemExit(f"list page: HTTP {resp.status}: {data[:300]!r}")
            page = decoder.decode(data)
            n += len(page.entries or ())
            token, uuid = page.token, page.uuid or uuid
            if not token:
                break
    conn.close()
    cm.check(a.expect, n, "entries")
    return {"client": "http.client + msgspec (tokens only)", "seconds": t.seconds, "cpu": t.cpu, "ops": n}


if __name__ == "__main__":
    cm.main_guard(run)
