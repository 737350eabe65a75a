"""The entry point: ``Client`` holds the connection pool and makes the resource objects."""

from __future__ import annotations

import copy
import os
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from aistore_hl._http.request import AsyncRequestClient, RequestClient
from aistore_hl._twins import twin_docs
from aistore_hl.bucket import AsyncBucket, Bucket
from aistore_hl.cluster import AsyncCluster, Cluster
from aistore_hl.config import NOT_GIVEN, ClientConfig, NotGiven, RetryPolicy, resolve_timeout
from aistore_hl.const import PROVIDER_ALIASES, PROVIDERS, ProviderAIS
from aistore_hl.errors import InvalidArgument
from aistore_hl.etl import AsyncEtl, Etl
from aistore_hl.job import AsyncJob, Job
from aistore_hl.listing import AsyncBucketLister, BucketLister
from aistore_hl.obj_stream import AsyncObjStream, ObjStream
from aistore_hl.object import AsyncObject, Object
from aistore_hl.types import Namespace
from aistore_hl.validation import validate_chunk_size

if TYPE_CHECKING:
    from aistore_hl.batch import AsyncBatch, Batch
    from aistore_hl.dsort import AsyncDsort, Dsort

RC = TypeVar("RC", RequestClient, AsyncRequestClient)

#: URL schemes ``get_object_from_url`` takes: every provider and its scheme alias (``apc``).
_URL_SCHEMES = {**{p: p for p in PROVIDERS}, **PROVIDER_ALIASES}


def parse_object_url(url: str) -> tuple[str, str, Namespace | None, str]:
    """Split ``scheme://[@uuid][#ns/]bucket/object`` into (bucket, provider, namespace, object).

    The object name is everything after the bucket's ``/``, taken literally: ``#``, ``?`` and
    ``%`` are part of the name (AIS object names may hold them), not a fragment or a query.

    Raises:
        InvalidArgument: Not a string, an unknown scheme, or no bucket or object name.
    """
    if not isinstance(url, str):
        raise InvalidArgument(url, "must be a str such as 'ais://bucket/object'", param="url")
    scheme, sep, rest = url.partition("://")
    provider = _URL_SCHEMES.get(scheme.lower()) if sep else None
    if provider is None:
        known = ", ".join(sorted(_URL_SCHEMES))
        raise InvalidArgument(url, f"must start with a provider scheme ({known}) and '://'", param="url")
    ns: Namespace | None = None
    if rest.startswith(("@", "#")):
        ns_part, slash, rest = rest.partition("/")
        if not slash:
            raise InvalidArgument(url, "names a namespace but no bucket and object", param="url")
        if ns_part[0] == "@":
            uuid, _, name = ns_part[1:].partition("#")
        else:
            uuid, name = "", ns_part[1:]
        ns = Namespace(uuid=uuid, name=name)
    bck_name, slash, obj_name = rest.partition("/")
    if not bck_name:
        raise InvalidArgument(url, "has no bucket name", param="url")
    if not slash or not obj_name:
        raise InvalidArgument(url, "has no object name after the bucket", param="url")
    return bck_name, provider, ns, obj_name


def resolve_config(
    config: ClientConfig | None,
    *,
    endpoint: str | None,
    timeout: float | httpx.Timeout | NotGiven | None,
    retry: RetryPolicy | None,
    token: str | None,
    verify: bool | str | None,
    client_cert: str | tuple[str, str] | None,
    max_pool_size: int | None,
    direct_reads: bool | None = None,
) -> ClientConfig:
    """Merge explicit arguments over ``config`` (or over the ``AIS_*`` environment)."""
    given: dict[str, Any] = {
        k: v
        for k, v in {
            "endpoint": endpoint,
            "retry": retry,
            "token": token,
            "verify": verify,
            "client_cert": client_cert,
            "max_pool_size": max_pool_size,
            "direct_reads": direct_reads,
        }.items()
        if v is not None
    }
    if not isinstance(timeout, NotGiven):
        given["timeout"] = resolve_timeout(timeout)  # None here means "no timeout", as asked
    if config is not None:
        return config.replace(**given)
    return ClientConfig.from_env(**given)


def bucket_ns(ns: Namespace | None, namespace: Namespace | None) -> Namespace | None:
    """``Client.bucket``'s namespace: the seed's ``ns`` or the official SDK 2.0's ``namespace``."""
    if ns is not None and namespace is not None:
        raise InvalidArgument(namespace, "give ns or namespace (the same thing), not both", param="namespace")
    return ns if ns is not None else namespace


class ClientCore(Generic[RC]):
    """Construction and options shared by ``Client`` and ``AsyncClient``."""

    _rc_class: type[RC]
    _rc: RC

    def __init__(
        self,
        endpoint: str | None = None,
        *,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        retry: RetryPolicy | None = None,
        token: str | None = None,
        verify: bool | str | None = None,
        client_cert: str | tuple[str, str] | None = None,
        max_pool_size: int | None = None,
        config: ClientConfig | None = None,
        direct_reads: bool | None = None,
        transport: Any = None,
    ) -> None:
        self.config = resolve_config(
            config,
            endpoint=endpoint,
            timeout=timeout,
            retry=retry,
            token=token,
            verify=verify,
            client_cert=client_cert,
            max_pool_size=max_pool_size,
            direct_reads=direct_reads,
        )
        self._rc = self._rc_class(self.config, transport)

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        retry: RetryPolicy | None = None,
    ) -> Self:
        """A client that shares this one's connections but uses other timeouts or retries.

        For a call or a group of calls: ``client.with_options(timeout=600).bucket(b).copy(...)``.
        ``timeout=None`` means no timeout at all for those calls (only when asked explicitly).
        Closing either client closes the shared pool.

        Raises:
            InvalidArgument: A malformed timeout (nothing is sent).
        """
        clone = copy.copy(self)
        http_timeout = None if isinstance(timeout, NotGiven) else resolve_timeout(timeout).to_httpx()
        clone._rc = self._rc.derive(retry=retry, timeout=http_timeout)
        return clone

    @classmethod
    def from_env(cls) -> Self:
        """A client configured from ``AIS_ENDPOINT`` and the other ``AIS_*`` variables."""
        return cls(os.environ.get("AIS_ENDPOINT"))

    @property
    def endpoint(self) -> str:
        """The AIStore endpoint (primary proxy URL) this client talks to."""
        return self.config.endpoint

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.config.endpoint!r})"


class Client(ClientCore[RequestClient]):
    """AIStore client for managing buckets, objects, ETL jobs.

    One client owns one pool of keep-alive connections (to the proxy and, after redirects, to
    each target); share it between threads. Close it (or use ``with Client(...) as c:``) to
    release the connections.

    Args:
        endpoint (str): AIStore endpoint (default: ``AIS_ENDPOINT``).
        timeout: Seconds (float), an ``httpx.Timeout``, or ``None`` for no timeout at all. The
            default is finite (connect 5 s, read/write 60 s): nothing waits forever by default.
        retry: Retry policy for every call (default: ``RetryPolicy()``).
        token: AuthN bearer token (default: ``AIS_AUTHN_TOKEN``). Never printed.
        verify: TLS verification: True, False (skip), or a CA bundle path (default:
            ``AIS_CLIENT_CA`` / ``AIS_SKIP_VERIFY_CRT``).
        client_cert: Client certificate for mTLS: a PEM path or (cert, key) paths.
        max_pool_size: Connections kept per host; size it to your concurrency.
        config: A complete ``ClientConfig`` (the other keyword arguments override it).
        direct_reads: GET objects straight from the target that owns them (computed from a
            cached cluster map, as the cluster does) instead of via the proxy's redirect: one
            request instead of two. On by default. A read the owner cannot serve (404,
            connection error) is retried through the proxy (a stale map is then dropped); a
            cluster that refuses direct access (401/403, e.g. with AuthN) turns them off for
            this client after the first refusal. ``False``: every read through the proxy.
        transport: The socket transport, an ``httpx.BaseTransport`` (``httpx.AsyncBaseTransport``
            for ``AsyncClient``), as httpx's ``transport=`` takes it: e.g. ``httpx.MockTransport``
            in tests. Or a callable that receives the built-in transport and returns the one to
            use, to wrap it (record attempts, inject faults, reroute) without rebuilding it:
            ``Client(url, transport=lambda inner: Recorder(inner))``. Retries, redirects and
            typed errors still run above it. Default: the built-in one. Not pickled: a client
            unpickled in a worker process gets the default.

    Raises:
        InvalidArgument: A malformed endpoint, timeout or pool size (nothing is sent).
    """

    _rc_class = RequestClient

    def close(self) -> None:
        """Close all pooled connections."""
        self._rc.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # Pickle the configuration, not the pool: a DataLoader worker gets its own connections.
    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.config = state["config"]
        self._rc = RequestClient(self.config)

    # -- factories (no HTTP requests) -------------------------------------------------------------
    def bucket(
        self,
        bck_name: str,
        provider: str = ProviderAIS,
        ns: Namespace | None = None,
        *,
        namespace: Namespace | None = None,
    ) -> Bucket:
        """Factory constructor for bucket object.

        Does not make any HTTP request, only instantiates a bucket object owned by the client.

        Args:
            bck_name (str): Name of bucket (optional, defaults to "ais").
            provider (str): Provider of bucket (one of "ais", "aws", "gcp", ...).
            ns (Namespace): Namespace of bucket (optional, defaults to None).
            namespace (Namespace): The official SDK 2.0's name for ``ns`` (give one of them).

        Returns:
            The bucket object created.

        Raises:
            InvalidArgument: Both ``ns`` and ``namespace`` given (nothing is sent).
        """
        return Bucket(self, bck_name, provider, bucket_ns(ns, namespace))

    def cluster(self) -> Cluster:
        """Factory constructor for cluster object.

        Does not make any HTTP request, only instantiates a cluster object owned by the client.

        Returns:
            The cluster object created.
        """
        return Cluster(self)

    def job(self, job_id: str = "", job_kind: str = "") -> Job:
        """Factory constructor for job object, which contains job-related functions.

        Does not make any HTTP request, only instantiates a job object bound to the client.

        Args:
            job_id (str, optional): The job the object stands for (the official SDK 2.0's
                ``client.job(xid).wait()``); its methods given ``job_id=""`` use it.
            job_kind (str, optional): Its kind, likewise (e.g. ``"copy-bck"``).

        Returns:
            The job object created.

        Raises:
            InvalidArgument: ``job_id`` or ``job_kind`` is not a str.
        """
        return Job(self, job_id, job_kind)

    def etl(self, etl_name: str = "") -> Etl:
        """Factory constructor for ETL object.

        Contains APIs related to AIStore ETL operations.
        Does not make any HTTP request, only instantiates an ETL object bound to the client.

        Args:
            etl_name (str, optional): The ETL the object stands for (the official SDK 2.0's
                ``client.etl("my-etl").init(...)``); its seed-era methods given ``etl_id=""``
                use it.

        Returns:
            The ETL object created.

        Raises:
            InvalidETLName: ``etl_name`` is given and not a valid ETL name.
        """
        return Etl(self, etl_name)

    def dsort(self, dsort_id: str = "") -> Dsort:
        """Factory constructor for a dSort object (the official SDK 2.0's ``client.dsort()``).

        Does not make any HTTP request. dSort is compiled into aisnode only with the ``dsort``
        build tag; a default AIS 5.0 build answers 501, raised as ``Unsupported``.

        Args:
            dsort_id (str, optional): The dSort job the object stands for (set by ``start``).

        Returns:
            The dSort object created.
        """
        from aistore_hl.dsort import Dsort  # loaded on first use

        return Dsort(self, dsort_id)

    def batch(
        self,
        objects: Any = None,
        bucket: Any = None,
        *,
        output_format: str = ".tar",
        cont_on_err: bool = True,
        only_obj_name: bool = False,
        streaming_get: bool = True,
        colocation: int = 0,
        **options: Any,
    ) -> Batch:
        """Get-Batch: many objects, ranges or archived files in one answer (no HTTP request yet).

        The official SDK 2.0 name and options. ``batch(names, bucket=b).get()`` yields one
        ``BatchEntry`` per entry, in request order, as they arrive. See
        :class:`aistore_hl.batch.Batch` for every option.

        Args:
            objects: Object names (of ``bucket``) or ``Object``s, or one of them.
            bucket: The default bucket of name entries.
            output_format: ``.tar`` (default), ``.tgz``, ``.tar.gz``, ``.zip`` or ``.tar.lz4``.
            cont_on_err: Yield a missing entry with its ``error`` and go on (default True).
            only_obj_name: Name archive members ``<object>`` instead of ``<bucket>/<object>``.
            streaming_get: The archive alone, streamed as assembled (default True).
            colocation: ``MossReq.coloc`` hint (the official SDK's ``Colocation`` values work):
                0 none, 1 the entries sit on few targets, 2 and in few shards.
            options: ``request_size``, ``max_in_flight`` (see ``Batch``).

        Raises:
            InvalidArgument: A bad name, range, archpath or option (nothing is sent).
        """
        from aistore_hl.batch import Batch  # loaded on first use: ``import aistore_hl`` stays light

        return Batch(
            self,
            objects,
            bucket,
            output_format=output_format,
            cont_on_err=cont_on_err,
            only_obj_name=only_obj_name,
            streaming_get=streaming_get,
            colocation=colocation,
            **options,
        )

    # -- seed-era shortcuts --------------------------------------------------------------------------
    def list_objects_iter(
        self,
        bck_name: str,
        provider: str = ProviderAIS,
        prefix: str = "",
        props: str = "",
        page_size: int | None = 0,
    ) -> BucketLister:
        """Returns an iterator for all objects in a bucket.

        Args:
            bck_name (str): Name of a bucket
            provider (str, optional): Name of bucket provider, one of "ais", "aws", "gcp", "azure"
                or "oci" ("hdfs" and "ht" are gone in AIS 5.0). Defaults to "ais".
            prefix (str, optional): return only objects that start with the prefix
            props (str, optional): comma-separated list of object properties to return. Default value
                is "name,size" (AIS 5.0 adds "cached"). See ``Bucket.list_objects``.
            page_size (int, optional): objects per page; 0 is the backend's maximum.

        Returns:
            BucketLister: object iterator

        Raises:
            InvalidArgument: A bad argument (nothing is sent).
            AISError, ConnectionFailed: While iterating.
        """
        return self.bucket(bck_name, provider).list_objects_iter(prefix, props, page_size)

    def get_object(
        self,
        bck_name: str,
        obj_name: str,
        provider: str = ProviderAIS,
        archpath: str = "",
        chunk_size: int = 1,
    ) -> ObjStream:
        """Reads an object.

        Args:
            bck_name (str): Name of a bucket
            obj_name (str): Name of an object in the bucket
            provider (str, optional): Name of bucket provider, one of "ais", "aws", "gcp", "azure", "oci".
            archpath (str, optional): If the object is an archive, use `archpath` to extract a single file
                from the archive
            chunk_size (int, optional): chunk_size to use while reading from stream. The seed's default
                of 1 byte is kept (iteration yields 1-byte chunks); ``read_all()``/``read()`` are
                unaffected by it. Pass a larger value for fast iteration.

        Returns:
            The stream of bytes to read an object or a file inside an archive.

        Raises:
            InvalidArgument: A bad argument (nothing is sent).
            ErrObjNotFound: The object does not exist.
            AISError: All other types of errors with AIStore.
            ConnectionFailed: Connection error.
        """
        validate_chunk_size(chunk_size)
        return self.bucket(bck_name, provider).object(obj_name).get(archpath=archpath, chunk_size=chunk_size)

    def get_object_from_url(self, url: str) -> Object:
        """Creates an Object instance from a URL (no HTTP request).

        Not in the seed; the name of today's official SDK. Unlike it (which parses with
        ``urlparse`` and so reads object ``a`` for ``ais://b/a#b``), the object name is taken
        literally: everything after the bucket's ``/``, ``#``, ``?`` and ``%`` included.

        Args:
            url (str): ``ais://bucket/object``, any provider scheme AIS knows (``s3://``,
                ``gs://``, ``az://``, ``oc://`` or ``aws://``, ``gcp://``...), optionally with a
                namespace: ``ais://@remais/bucket/object``, ``ais://@uuid#ns/bucket/object``.

        Returns:
            The object of that bucket.

        Raises:
            InvalidArgument: Unknown scheme, no bucket or no object name (nothing is sent).
            InvalidObjectName: The object name is malformed (e.g. dot segments).
        """
        bck_name, provider, ns, obj_name = parse_object_url(url)
        return self.bucket(bck_name, provider, ns).object(obj_name)


@twin_docs(Client)
class AsyncClient(ClientCore[AsyncRequestClient]):
    """Async AIStore client; same arguments as ``Client``. Use ``async with`` or ``await close()``."""

    _rc_class = AsyncRequestClient

    async def close(self) -> None:
        await self._rc.close()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    def bucket(
        self,
        bck_name: str,
        provider: str = ProviderAIS,
        ns: Namespace | None = None,
        *,
        namespace: Namespace | None = None,
    ) -> AsyncBucket:
        return AsyncBucket(self, bck_name, provider, bucket_ns(ns, namespace))

    def cluster(self) -> AsyncCluster:
        return AsyncCluster(self)

    def job(self, job_id: str = "", job_kind: str = "") -> AsyncJob:
        return AsyncJob(self, job_id, job_kind)

    def etl(self, etl_name: str = "") -> AsyncEtl:
        return AsyncEtl(self, etl_name)

    def dsort(self, dsort_id: str = "") -> AsyncDsort:
        from aistore_hl.dsort import AsyncDsort  # loaded on first use

        return AsyncDsort(self, dsort_id)

    def batch(
        self,
        objects: Any = None,
        bucket: Any = None,
        *,
        output_format: str = ".tar",
        cont_on_err: bool = True,
        only_obj_name: bool = False,
        streaming_get: bool = True,
        colocation: int = 0,
        **options: Any,
    ) -> AsyncBatch:
        """Get-Batch (no HTTP request yet): ``async for e in client.batch(names, bucket=b).get()``.

        Same arguments as ``Client.batch``; see :class:`aistore_hl.batch.AsyncBatch`.
        """
        from aistore_hl.batch import AsyncBatch  # loaded on first use

        return AsyncBatch(
            self,
            objects,
            bucket,
            output_format=output_format,
            cont_on_err=cont_on_err,
            only_obj_name=only_obj_name,
            streaming_get=streaming_get,
            colocation=colocation,
            **options,
        )

    def list_objects_iter(
        self,
        bck_name: str,
        provider: str = ProviderAIS,
        prefix: str = "",
        props: str = "",
        page_size: int | None = 0,
    ) -> AsyncBucketLister:
        """Returns an async iterator for all objects in a bucket."""
        return self.bucket(bck_name, provider).list_objects_iter(prefix, props, page_size)

    async def get_object(
        self,
        bck_name: str,
        obj_name: str,
        provider: str = ProviderAIS,
        archpath: str = "",
        chunk_size: int = 1,
    ) -> AsyncObjStream:
        return (
            await self.bucket(bck_name, provider)
            .object(obj_name)
            .get(archpath=archpath, chunk_size=chunk_size)
        )

    def get_object_from_url(self, url: str) -> AsyncObject:
        bck_name, provider, ns, obj_name = parse_object_url(url)
        return self.bucket(bck_name, provider, ns).object(obj_name)
