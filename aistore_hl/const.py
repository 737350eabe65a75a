"""Constants shared by the high-level layer: providers, header names, actions, query params.

Values mirror the AIStore 5.0 server (``api/apc/*.go`` in NVIDIA/aistore v1.5.0). Names
that existed in the seed-era SDK (``ProviderAIS``, ``DEFAULT_CHUNK_SIZE``, ``ACT_*``,
``QParam*``, ``HTTP_METHOD_*``) are kept so code written against it keeps working.

Header names are lower-case: HTTP header names are case-insensitive and both
``httpx.Headers`` and :class:`aistore_hl.header.Header` look them up case-insensitively.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

# --------------------------------------------------------------------------------------
# Bucket providers (api/apc/provider.go)
# --------------------------------------------------------------------------------------

ProviderAIS: Final = "ais"
ProviderAmazon: Final = "aws"
ProviderGoogle: Final = "gcp"
ProviderAzure: Final = "azure"
ProviderOCI: Final = "oci"

#: Every provider the server accepts in its canonical spelling.
PROVIDERS: Final[frozenset[str]] = frozenset(
    {ProviderAIS, ProviderAmazon, ProviderGoogle, ProviderAzure, ProviderOCI}
)

#: Cloud (remote) providers: every provider except ``ais``.
CLOUD_PROVIDERS: Final[frozenset[str]] = PROVIDERS - {ProviderAIS}

#: Scheme-style aliases the server normalizes (``apc.NormalizeProvider``).
PROVIDER_ALIASES: Final = MappingProxyType(
    {"s3": ProviderAmazon, "gs": ProviderGoogle, "az": ProviderAzure, "oc": ProviderOCI}
)

#: Provider -> URI scheme used in canonical names such as ``s3://bucket`` (``apc.ToScheme``).
PROVIDER_SCHEMES: Final = MappingProxyType(
    {
        ProviderAIS: "ais",
        ProviderAmazon: "s3",
        ProviderGoogle: "gs",
        ProviderAzure: "az",
        ProviderOCI: "oc",
    }
)

#: The uname of the global namespace (``cmn.NsGlobalUname``).
NS_GLOBAL_UNAME: Final = "@#"
NS_UUID_PREFIX: Final = "@"
NS_NAME_PREFIX: Final = "#"

# --------------------------------------------------------------------------------------
# Defaults and limits
# --------------------------------------------------------------------------------------

#: Default chunk size (bytes) for iterating over an object's content (seed value).
DEFAULT_CHUNK_SIZE: Final = 32768

#: Bytes read per call when streaming a response body (the transports' default read size; bigger
#: chunks are joined from such pieces, see ``obj_stream._Chunker``). A piece this size is still in
#: the core's L2 cache when it is hashed and cut into chunks; 1 MiB pieces are not. Measured on the
#: 2-core EPYC (1 MiB L2 per core) for a 1 GiB GET in 32 KiB chunks: verified 1,973 -> 2,567 MB/s,
#: unverified 2,711 -> 3,770 MB/s; 128 KiB and 512 KiB were both slower than 256 KiB.
DEFAULT_READ_CHUNK_SIZE: Final = 256 << 10

#: ``Object.download``: parts read at the same time, and bytes per part (the official SDK's
#: parallel range reads also use 8 MiB). One stream by default: it costs the least CPU per GiB
#: (0.5 CPU-s against 0.8 with 4 ranges, which add threads and a hash pass over the written file),
#: and on the 2-core loopback machine, where the client and the cluster share the cores, it was
#: the faster back to back (2,074-2,188 vs 1,378-1,496 MB/s). Raise it for links where one TCP
#: stream cannot fill the pipe.
DEFAULT_DOWNLOAD_WORKERS: Final = 1
DEFAULT_DOWNLOAD_PART_SIZE: Final = 8 << 20

#: Entries per page when iterating over an ``ais://`` bucket with ``page_size=0``: the targets'
#: own page-buffer cap (``xact/xs/lso.go`` ``maxPageCap`` = 4 x ``apc.MaxPageSizeAIS``). AIS 5.0
#: accepts pages above 10,000 for in-cluster buckets (cloud backends clamp to their maximum), and
#: fewer, larger pages list 100,000 objects about 1.3x faster (measured: 195k -> 257k entries/s).
ITER_PAGE_SIZE_AIS: Final = 40_000

#: Maximum length, in bytes, of a bucket name (``cos.MaxNameLength``).
MAX_BUCKET_NAME_LEN: Final = 64

#: System buckets whose names start with a dot (``cmn.SysNBI``, ``cmn.SysShardIdx``).
SYSTEM_BUCKETS: Final[frozenset[str]] = frozenset({".sys-inventory", ".sys-shardidx"})

#: ETL names must be 6..32 characters of ``[a-z0-9-]`` (``k8s.ValidateEtlName``).
ETL_NAME_MIN_LEN: Final = 6
ETL_NAME_MAX_LEN: Final = 32

# --------------------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------------------

HTTP_METHOD_GET: Final = "get"
HTTP_METHOD_HEAD: Final = "head"
HTTP_METHOD_PUT: Final = "put"
HTTP_METHOD_POST: Final = "post"
HTTP_METHOD_DELETE: Final = "delete"
HTTP_METHOD_PATCH: Final = "patch"

URL_PATH_BUCKETS: Final = "buckets"
URL_PATH_OBJECTS: Final = "objects"
URL_PATH_CLUSTER: Final = "cluster"
URL_PATH_DAEMON: Final = "daemon"
URL_PATH_HEALTH: Final = "health"
URL_PATH_ETL: Final = "etl"
URL_PATH_VERSION_PREFIX: Final = "/v1"

MSGPACK_CONTENT_TYPE: Final = "application/msgpack"
JSON_CONTENT_TYPE: Final = "application/json"
OCTET_STREAM_CONTENT_TYPE: Final = "application/octet-stream"

# Standard headers (lower-case)
HEADER_ACCEPT: Final = "accept"
HEADER_AUTHORIZATION: Final = "authorization"
HEADER_CONTENT_ENCODING: Final = "content-encoding"
HEADER_CONTENT_LENGTH: Final = "content-length"
HEADER_CONTENT_RANGE: Final = "content-range"
HEADER_CONTENT_TYPE: Final = "content-type"
HEADER_ETAG: Final = "etag"
HEADER_LAST_MODIFIED: Final = "last-modified"
HEADER_LOCATION: Final = "location"  # HTTP redirect target; not to confuse with ais-location
HEADER_RANGE: Final = "range"
HEADER_RETRY_AFTER: Final = "retry-after"
HEADER_USER_AGENT: Final = "user-agent"

#: JSON ``ErrHTTP`` of a failed HEAD request (there is no body; note: no ``ais-`` prefix).
HEADER_ERROR: Final = "hdr-error"

# Object properties (cmn.ToHeader, ais/target.go objPropsToHeader)
HEADER_CHECKSUM_TYPE: Final = "ais-checksum-type"
HEADER_CHECKSUM_VALUE: Final = "ais-checksum-value"
HEADER_ATIME: Final = "ais-atime"  # unix nanoseconds, decimal
HEADER_VERSION: Final = "ais-version"
HEADER_CUSTOM_MD: Final = "ais-custom-md"  # repeated "k=v"
HEADER_OBJ_NAME: Final = "ais-name"
HEADER_OBJ_BUCKET_NAME: Final = "ais-bucket-name"
HEADER_OBJ_BUCKET_PROVIDER: Final = "ais-bucket-provider"
HEADER_PRESENT: Final = "ais-present"
HEADER_OBJ_LOCATION: Final = "ais-location"
HEADER_MIRROR_COPIES: Final = "ais-mirror-copies"
HEADER_MIRROR_PATHS: Final = "ais-mirror-paths"  # comma-separated
HEADER_CHUNKS_COUNT: Final = "ais-chunks-count"
HEADER_CHUNKS_MAX_CHUNK_SIZE: Final = "ais-chunks-max-chunk-size"
HEADER_EC_GENERATION: Final = "ais-ec-generation"
HEADER_EC_DATA: Final = "ais-ec-data"
HEADER_EC_PARITY: Final = "ais-ec-parity"
HEADER_EC_REPLICATED: Final = "ais-ec-replicated"

# Bucket properties and jobs
HEADER_BUCKET_PROPS: Final = "ais-bucket-props"  # JSON cmn.Bprops
HEADER_BUCKET_SUMM: Final = "ais-bucket-summ"  # JSON cmn.BsummResult
HEADER_BACKEND_PROVIDER: Final = "ais-provider"
HEADER_XACTION_ID: Final = "ais-xaction-id"
HEADER_REMOTE_OFFLINE: Final = "ais-remote-offline"

# Requests
HEADER_APPEND_HANDLE: Final = "ais-append-handle"
HEADER_BLOB_DOWNLOAD: Final = "ais-blob-download"
HEADER_BLOB_CHUNK: Final = "ais-blob-chunk"
HEADER_BLOB_WORKERS: Final = "ais-blob-workers"
HEADER_NODE_ID: Final = "ais-node-id"

# --------------------------------------------------------------------------------------
# Actions (api/apc/actmsg.go). The ACT_* names that existed in the seed SDK are kept.
# --------------------------------------------------------------------------------------

ACT_LIST: Final = "list"
ACT_CREATE_BCK: Final = "create-bck"
ACT_DESTROY_BCK: Final = "destroy-bck"
ACT_MOVE_BCK: Final = "move-bck"
ACT_COPY_BCK: Final = "copy-bck"
ACT_ETL_BCK: Final = "etl-bck"
ACT_EVICT_REMOTE_BCK: Final = "evict-remote-bck"
ACT_SUMMARY_BCK: Final = "summary-bck"
ACT_SET_BPROPS: Final = "set-bprops"
ACT_RESET_BPROPS: Final = "reset-bprops"
ACT_DELETE_MULTIPLE_OBJ: Final = "delete-listrange"
ACT_EVICT_MULTIPLE_OBJ: Final = "evict-listrange"
ACT_PREFETCH_MULTIPLE_OBJ: Final = "prefetch-listrange"
ACT_COPY_MULTIPLE_OBJ: Final = "copy-listrange"
ACT_ETL_MULTIPLE_OBJ: Final = "etl-listrange"
ACT_ARCHIVE: Final = "archive"
ACT_RENAME_OBJ: Final = "rename-obj"
ACT_PROMOTE: Final = "promote"
ACT_START: Final = "start"
ACT_STOP: Final = "stop"
ACT_SHUTDOWN: Final = "shutdown"

# Aliases spelled like the server's Go names.
ACT_DELETE_OBJECTS: Final = ACT_DELETE_MULTIPLE_OBJ
ACT_EVICT_OBJECTS: Final = ACT_EVICT_MULTIPLE_OBJ
ACT_PREFETCH_OBJECTS: Final = ACT_PREFETCH_MULTIPLE_OBJ

# --------------------------------------------------------------------------------------
# Query parameters (api/apc/query.go). Seed-era spellings (QParam*) are kept; note the
# seed's QParamKeepBckMD was "keep_md", which the server never honoured: it is now the
# server's real "keep_bck_md".
# --------------------------------------------------------------------------------------

QParamProvider: Final = "provider"
QParamNamespace: Final = "namespace"
QParamBucketTo: Final = "bck_to"
QParamObjectTo: Final = "object_to"
QParamKeepBckMD: Final = "keep_bck_md"
QParamArchpath: Final = "archpath"
QParamArchmime: Final = "archmime"
QParamArchregx: Final = "archregx"
QParamArchmode: Final = "archmode"
QParamETLName: Final = "etl_name"
QParamETLArgs: Final = "etl_args"
QParamETLPipeline: Final = "etl_pipeline"
QParamForce: Final = "frc"
QParamWhat: Final = "what"
QParamProps: Final = "props"
QParamUUID: Final = "uuid"
QParamPresence: Final = "presence"
QParamLatestVer: Final = "latest-ver"
QParamSync: Final = "synchronize"
QParamSilent: Final = "sln"
QParamValidateCksum: Final = "validate-checksum"
QParamSkipVC: Final = "skip_vc"
QParamDontHeadRemote: Final = "dont_head_remote_bck"
QParamDontAddRemote: Final = "dont_add_remote_bck_md"
QParamBsummRemote: Final = "bsumm_remote"
QParamAppendType: Final = "append_type"
QParamAppendHandle: Final = "append_handle"
QParamNewCustom: Final = "set-new-custom"
QparamPrimaryReadyReb: Final = "prr"
QParamAskPrimary: Final = "apr"
QParamClusterInfo: Final = "cii"

# Values of the ``what`` query parameter
WHAT_SMAP: Final = "smap"
WHAT_BMD: Final = "bmd"
WHAT_NODE_CONFIG: Final = "config"
WHAT_CLUSTER_CONFIG: Final = "cluster_config"
WHAT_SOFTWARE_VERSION: Final = "software_version"
WHAT_TARGET_IPS: Final = "target_ips"
WHAT_ONE_XACT_STATUS: Final = "status"
WHAT_ALL_XACT_STATUS: Final = "status_all"
WHAT_QUERY_XACT_STATS: Final = "qryxstats"
WHAT_ALL_RUNNING_XACTS: Final = "running_all"
WHAT_NODE_STATS_AND_STATUS: Final = "node_status"

# --------------------------------------------------------------------------------------
# Checksums (cmn/cos/cksum.go) and ETL communication types (ext/etl/api.go)
# --------------------------------------------------------------------------------------

CHECKSUM_NONE: Final = "none"
CHECKSUM_XXHASH: Final = "xxhash"  # XXH64, seed 0 (OneOfOne/xxhash)
CHECKSUM_XXHASH2: Final = "xxhash2"  # XXH64, seed 0 (cespare/xxhash); the server default
CHECKSUM_MD5: Final = "md5"
CHECKSUM_CRC32C: Final = "crc32c"
CHECKSUM_SHA256: Final = "sha256"
CHECKSUM_SHA512: Final = "sha512"

ETL_COMM_HPUSH: Final = "hpush://"
ETL_COMM_HPULL: Final = "hpull://"
ETL_COMM_WS: Final = "ws://"
ETL_COMM_TYPES: Final[frozenset[str]] = frozenset({ETL_COMM_HPUSH, ETL_COMM_HPULL, ETL_COMM_WS})
