"""aistore-hl quickstart: the main features against a real AIStore cluster.

Run with ``make demo`` (starts a local cluster, runs this, stops it) or against your own cluster:
``AIS_ENDPOINT=http://host:8080 python examples/quickstart.py``.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import uuid

from aistore_hl import AsyncClient, Client, ObjectRange
from aistore_hl.errors import ErrObjNotFound, Unsupported


def main() -> None:
    endpoint = os.environ.get("AIS_ENDPOINT", "http://127.0.0.1:8080")
    client = Client(endpoint)

    # Cluster: map of nodes, readiness.
    cluster = client.cluster()
    smap = cluster.get_info()
    ready = cluster.is_aistore_running()
    print(f"cluster {smap.uuid}: {len(smap.pmap)} proxy, {len(smap.tmap)} targets; ready={ready}")

    bucket = client.bucket(f"quickstart-{uuid.uuid4().hex[:8]}")
    bucket.create()
    print(f"created bucket {bucket.bck.provider}://{bucket.name}")
    try:
        # Put from bytes and from a file; the body goes straight to the target (no proxy copy).
        bucket.object("hello.txt").put(content=b"Hello, AIStore!")
        with tempfile.NamedTemporaryFile(suffix=".bin") as f:
            f.write(os.urandom(3 << 20))
            f.flush()
            props = bucket.object("dir/random.bin").put(path=f.name)
        print(f"put dir/random.bin: checksum {props['ais-checksum-type']}={props['ais-checksum-value']}")

        # Head: the response headers as a case-insensitive mapping, with typed accessors on top.
        head = bucket.object("dir/random.bin").head()
        print(f"head: size={head.size} (content-length={head['Content-Length']}), version={head.version}")

        # Get: a stream that iterates in chunks, verifies length and checksum, and always closes.
        with bucket.object("hello.txt").get() as stream:
            print(f"get hello.txt -> {stream.read_all()!r}")
        total = sum(len(chunk) for chunk in bucket.object("dir/random.bin").get(chunk_size=1 << 20))
        print(f"streamed dir/random.bin in 1 MiB chunks: {total} bytes")

        # Download to a file: verified, written to a temporary file and renamed (never half-written);
        # num_workers > 1 reads byte ranges in parallel.
        with tempfile.TemporaryDirectory() as d:
            dest = os.path.join(d, "random.bin")
            bucket.object("dir/random.bin").download(dest, num_workers=3, part_size=1 << 20)
            print(f"downloaded dir/random.bin in 3 parallel 1 MiB parts: {os.path.getsize(dest)} bytes")

        # Many objects, listed lazily page by page.
        for i in range(25):
            bucket.object(f"shard-{i:03d}.txt").put(content=f"record {i}\n".encode())
        names = [e.name for e in bucket.list_objects_iter(prefix="shard-", page_size=10)]
        print(f"listed {len(names)} shards (pages of 10): {names[:3]}...")
        page = bucket.list_objects(page_size=5)
        print(f"first page: {[e.name for e in page.entries]} token={page.continuation_token!r}")

        # Multi-object delete by range template, then wait for the job.
        job_id = bucket.objects(obj_range=ObjectRange("shard-", 0, 9, pad_width=3, suffix=".txt")).delete()
        client.job().wait_for_job(job_id=job_id, timeout=60)
        print(f"deleted shard-000..009 (job {job_id}); {len(bucket.list_all_objects(prefix='shard-'))} left")

        # Bucket copy, then typed errors.
        dst = client.bucket(f"{bucket.name}-copy")
        job_id = bucket.copy(dst.name, prefix="dir/")
        client.job().wait_for_job(job_id=job_id, timeout=60)
        print(f"copied dir/* to {dst.name}: {[e.name for e in dst.list_all_objects()]}")
        dst.delete()
        try:
            bucket.object("missing").get().read_all()
        except ErrObjNotFound as e:
            print(f"typed error: {type(e).__name__} ({e.status_code})")
        try:
            client.etl().list()
        except Unsupported as e:
            print(f"ETL on this build: {type(e).__name__} {e.status_code}: {e.message}")

        asyncio.run(async_part(endpoint, bucket.name))
    finally:
        for entry in bucket.list_all_objects():
            bucket.object(entry.name).delete()
        bucket.delete()
        client.close()
    print("quickstart OK")


async def async_part(endpoint: str, bucket_name: str) -> None:
    """The same surface on asyncio: concurrent puts and gets."""
    async with AsyncClient(endpoint) as client:
        bucket = client.bucket(bucket_name)
        await asyncio.gather(*(bucket.object(f"async-{i}").put(content=bytes([i]) * 1024) for i in range(16)))
        streams = await asyncio.gather(*(bucket.object(f"async-{i}").get() for i in range(16)))
        sizes = [len(await s.read_all()) for s in streams]
        count = 0
        async for _ in bucket.list_objects_iter(prefix="async-"):
            count += 1
        print(f"async: put/get 16 objects concurrently ({sum(sizes)} bytes), listed {count}")


if __name__ == "__main__":
    main()
