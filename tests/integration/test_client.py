"""Seed ``Client``: the factories and the two shortcuts, against the real cluster."""

from __future__ import annotations

import io
import socket
import tarfile
from collections.abc import Callable

import pytest

from aistore_hl import Bucket, Client, Cluster, Etl, Job, Namespace, ProviderAIS, RetryPolicy
from aistore_hl.errors import ConnectionFailed, ErrBckNotFound, ErrObjNotFound, Unsupported
from aistore_hl.listing import BucketEntry, BucketLister


@pytest.fixture
def client(any_client: Client) -> Client:
    """Every test here runs against ``Client`` and ``AsyncClient`` (``bucket``, ``remote_bucket``
    and ``connect`` follow)."""
    return any_client


def _dead_endpoint() -> str:
    """A loopback URL nothing listens on (connection refused at once)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def test_factories_make_no_http_request(connect: Callable[..., Client]) -> None:
    """bucket/cluster/job/etl only build objects: on a client whose endpoint is dead they all
    succeed, and only a real call fails with the connection error."""
    c = connect(_dead_endpoint(), retry=RetryPolicy.no_retries())
    b = c.bucket("anything")
    assert isinstance(c.cluster(), Cluster)
    assert isinstance(c.job(), Job)
    assert isinstance(c.etl(), Etl)
    assert b.object("x").obj_name == "x"
    with pytest.raises(ConnectionFailed):
        b.head()


def test_bucket_factory_binds_name_provider_namespace(
    client: Client, bucket: Bucket, remote_bucket: Bucket, remote_alias: str
) -> None:
    b = client.bucket(bucket.name)
    assert isinstance(b, Bucket)
    assert b.client is client
    assert (b.name, b.provider, b.namespace) == (bucket.name, ProviderAIS, None)
    assert b.head()["ais-bucket-props"]  # the real bucket it names answers
    with pytest.raises(ErrBckNotFound):
        client.bucket(bucket.name + "-nope").head()
    # ns selects the remote cluster's bucket: the same name without ns does not exist here.
    rb = client.bucket(remote_bucket.name, ns=Namespace(uuid=remote_alias))
    assert rb.namespace == Namespace(uuid=remote_alias)
    assert rb.head().bucket_props is not None
    with pytest.raises(ErrBckNotFound):
        client.bucket(remote_bucket.name).head()


def test_cluster_job_etl_factories_are_bound_to_the_client(client: Client) -> None:
    cluster, job, etl = client.cluster(), client.job(), client.etl()
    assert cluster.client is client and job.client is client and etl.client is client
    assert cluster.is_aistore_running()
    jid = job.start(job_kind="lru")
    assert job.wait_for_job(job_id=jid, timeout=60).kind == "lru"
    with pytest.raises(Unsupported):
        etl.list()


def test_list_objects_iter_shortcut(client: Client, bucket: Bucket) -> None:
    names = [f"img/{i:02d}.jpg" for i in range(7)] + ["txt/readme"]
    for i, n in enumerate(names):
        bucket.object(n).put(content=b"x" * (i + 1))

    it = client.list_objects_iter(
        bucket.name, provider=ProviderAIS, prefix="img/", props="name,size", page_size=3
    )
    assert isinstance(it, BucketLister)
    assert it.pages_fetched == 0  # lazy: nothing requested yet
    first = next(it)
    assert isinstance(first, BucketEntry) and it.pages_fetched == 1
    entries = [first, *it]
    assert [e.name for e in entries] == names[:7]
    assert [e.size for e in entries] == list(range(1, 8))
    assert it.pages_fetched == 3  # 3 + 3 + 1


def test_get_object_shortcut_default_chunk_size_and_archpath(client: Client, bucket: Bucket) -> None:
    bucket.object("plain").put(content=b"hello world")
    stream = client.get_object(bucket.name, "plain")
    chunks = list(stream)
    assert chunks == [bytes([c]) for c in b"hello world"]  # seed default chunk_size=1
    assert client.get_object(bucket.name, "plain", chunk_size=4).read_all() == b"hello world"

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in (("a.txt", b"AAA"), ("dir/b.bin", b"\x00\x01" * 1000)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    bucket.object("shard.tar").put(content=buf.getvalue())
    assert client.get_object(bucket.name, "shard.tar", archpath="dir/b.bin", chunk_size=512).read_all() == (
        b"\x00\x01" * 1000
    )
    assert client.get_object(bucket.name, "shard.tar", archpath="a.txt").read_all() == b"AAA"
    with pytest.raises(ErrObjNotFound):
        client.get_object(bucket.name, "missing").read_all()
