"""Bench worker for the official SDK (``aistore`` on PyPI). Runs in .venv-peer.

Used the fastest fair way its 2.0.0 source allows:
* ``Client(endpoint, max_pool_size=P)``: requests' HTTPAdapter keeps P connections per host, so
  32 threads don't churn connections (its default of 10 would).
* streaming GET: ``get_reader(chunk_size=...)`` iterated (``iter_content``); read_all() of a large
  object is a non-streamed ``Response.content`` and much slower, so it is not used for the stream case.
* small GET: ``get_reader().read_all()`` (one non-streamed request, its own fast path).
* download to a file: ``get_reader(writer=f)``, or ``get_reader(num_workers=N)`` iterated into f.
* PUT: ``get_writer().put_file(path)`` (streams the file handle) / ``put_content(bytes)``.
* list: ``list_objects_iter()`` (msgpack pages, props name,size; page size 0 = the server default
  10,000, or ``--page-size``).
"""

from __future__ import annotations

import os

from bench.workers import _common as cm


def run() -> dict[str, object]:
    a = cm.parser(__doc__ or "").parse_args()
    # the official SDK is installed in .venv-peer only (mypy, run from .venv, does not see it)
    import aistore  # type: ignore[import-not-found,unused-ignore]
    from aistore.sdk import Client  # type: ignore[import-not-found,unused-ignore]

    client = Client(a.endpoint, max_pool_size=a.pool)
    bck = client.bucket(a.bucket)
    res: dict[str, object] = {
        "client": f"aistore {aistore.__version__}" if hasattr(aistore, "__version__") else "aistore"
    }
    try:
        import requests  # type: ignore[import-untyped,unused-ignore]
        import urllib3

        res["stack"] = f"requests {requests.__version__}, urllib3 {getattr(urllib3, '__version__', '?')}"
    except ImportError:
        pass

    if a.case == "probe":
        return res

    if a.case == "get_large":
        obj = bck.object(a.obj)
        cs = a.chunk_size or None
        with cm.Timer(a.profile) as t:
            n = 0
            for chunk in obj.get_reader(chunk_size=cs):
                n += len(chunk)
        cm.check(a.expect, n, "bytes")
        res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n)
        return res

    if a.case == "download":
        # Its two ways to a local file: ``get_reader(writer=f)`` (one stream into the writer), or
        # ``get_reader(num_workers=N)`` (concurrent range reads) iterated into the file.
        obj = bck.object(a.obj)
        with cm.Timer(a.profile) as t, open(a.file, "wb") as f:
            if a.workers:
                for chunk in obj.get_reader(num_workers=a.workers):
                    f.write(chunk)
            else:
                obj.get_reader(writer=f)
        n = os.path.getsize(a.file)
        cm.check(a.expect, n, "bytes")
        res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n)
        return res

    if a.case == "put_large":
        obj = bck.object(a.obj)
        size = os.path.getsize(a.file)
        with cm.Timer(a.profile) as t:
            obj.get_writer().put_file(a.file)
        res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=size)
        return res

    if a.case == "get_small":
        names = cm.names(a.names_file)

        def get1(name: str) -> int:
            return len(bck.object(name).get_reader().read_all())

        with cm.Timer(a.profile) as t:
            ops, n = cm.run_threads(a.concurrency, names, get1, a.deadline)
        cm.check(ops * a.size, n, "bytes")
        res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n, ops=ops, planned=len(names))
        return res

    if a.case == "put_small":
        names = cm.names(a.names_file)
        data = cm.payloads(a.size, a.seed)
        idx = {nm: i for i, nm in enumerate(names)}

        def put1(name: str) -> int:
            body = data[idx[name] % len(data)]
            bck.object(name).get_writer().put_content(body)
            return len(body)

        with cm.Timer(a.profile) as t:
            ops, n = cm.run_threads(a.concurrency, names, put1, a.deadline)
        res.update(seconds=t.seconds, cpu=t.cpu, minflt=t.minflt, bytes=n, ops=ops, planned=len(names))
        return res

    if a.case == "list":
        res.update(
            cm.list_case(a, lambda props, page_size: bck.list_objects_iter(props=props, page_size=page_size))
        )
        return res

    raise SystemExit(f"unknown case {a.case}")


if __name__ == "__main__":
    cm.main_guard(run)
