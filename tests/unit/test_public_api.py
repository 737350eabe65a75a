"""The public face: top-level names and the module paths users import, locked.

Code written against the seed, the README, the examples or the seed audit imports these names
from these paths; a move inside the package must leave each one importable where it was (a
re-export at the old path is enough). The lists are written out, not read from the package, so a
name or a path that disappears fails here. New names may be added freely: only a loss fails.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap

import pytest

import aistore_hl

#: ``from aistore_hl import X`` for each of these keeps working.
TOP_LEVEL = {
    # seed API
    "Client", "Cluster", "Bucket", "Object", "ObjectGroup", "Etl", "Job", "ObjStream",
    "get_default_runtime", "etl_templates", "DEFAULT_CHUNK_SIZE",
    "ProviderAIS", "ProviderAmazon", "ProviderAzure", "ProviderGoogle", "ProviderOCI",
    # seed-era errors
    "AISError", "AISException", "ErrBckAlreadyExists", "ErrBckNotFound", "ErrETLNotFound",
    "ErrObjNotFound", "ErrRemoteBckNotFound", "InvalidBckProvider", "InvalidObjectRangeIndex",
    "Timeout", "TransferError", "JobFailed",
    # seed-era types
    "ETL", "ActionMsg", "Bck", "ETLDetails", "JobStatus", "Namespace", "NetInfo", "ObjectRange",
    "Smap", "Snode", "Header", "BucketEntry", "BucketList", "BucketLister",
    # beyond the seed: configuration, asyncio, Get-Batch, bulk transfer
    "NOT_GIVEN", "ClientConfig", "RetryPolicy", "Timeouts",
    "AsyncClient", "AsyncCluster", "AsyncBucket", "AsyncObject", "AsyncObjectGroup", "AsyncEtl",
    "AsyncJob", "AsyncObjStream",
    "Batch", "AsyncBatch", "BatchEntry", "TransferSummary",
}  # fmt: skip

#: ``from <path> import <name>`` for each of these keeps working (seed-era module paths, and the
#: ones the README, examples, bench, tests and tests/SEED_AUDIT.md import today).
PATHS: dict[str, set[str]] = {
    "aistore_hl.errors": {
        "AISClientError", "AISError", "AISException", "BadRequest", "BatchEntryMismatch",
        "BatchError", "BatchIncomplete", "BatchObjNotFound", "ChecksumMismatch", "Conflict",
        "ConnectionFailed", "EmptyBatch", "ErrBckAlreadyExists", "ErrBckNotFound",
        "ErrETLAlreadyExists", "ErrETLNotFound", "ErrGETConflict", "ErrObjNotFound",
        "ErrRemoteBckNotFound", "Forbidden", "Gone", "IncompleteRead", "InsufficientStorage",
        "InvalidArgument", "InvalidBckProvider", "InvalidBucketName", "InvalidETLName",
        "InvalidObjectName", "InvalidObjectRangeIndex", "InvalidPath", "InvalidRequest", "JobFailed",
        "MethodNotAllowed", "NotFound", "ObjectChanged", "RangeNotSatisfiable", "RequestTimeout",
        "ServiceUnavailable", "TLSError", "Timeout", "TooManyRequests", "TransferError",
        "Unauthorized", "UnexpectedResponse", "UnknownBckProvider", "Unsupported",
        "raise_for_status", "araise_for_status",
    },
    "aistore_hl.const": {
        "ProviderAIS", "ProviderAmazon", "ProviderAzure", "ProviderGoogle", "ProviderOCI",
        "DEFAULT_CHUNK_SIZE", "DEFAULT_READ_CHUNK_SIZE", "ITER_PAGE_SIZE_AIS",
        "DEFAULT_DOWNLOAD_PART_SIZE", "DEFAULT_DOWNLOAD_WORKERS", "PROVIDERS",
        "CHECKSUM_CRC32C", "CHECKSUM_MD5", "CHECKSUM_NONE", "CHECKSUM_SHA256", "CHECKSUM_XXHASH",
        "HEADER_CHECKSUM_TYPE", "HEADER_CHECKSUM_VALUE", "HEADER_CONTENT_LENGTH",
    },
    "aistore_hl.types": {
        "ActionMsg", "Bck", "ETL", "ETLDetails", "ETLObjError", "JobStatus", "Namespace", "NetInfo",
        "ObjectRange", "Smap", "Snode",
    },
    "aistore_hl.etl_templates": {"ECHO", "GO_ECHO", "HELLO_WORLD", "MD5", "TAR2TF", "TEMPLATES"},
    "aistore_hl.aio": {
        "AsyncClient", "AsyncCluster", "AsyncBucket", "AsyncObject", "AsyncObjectGroup", "AsyncEtl",
        "AsyncJob",
    },
    "aistore_hl.config": {
        "ClientConfig", "DEFAULT_TIMEOUTS", "NOT_GIVEN", "NotGiven", "RetryPolicy", "Timeouts",
        "resolve_timeout",
    },
    "aistore_hl.header": {"Header"},
    "aistore_hl.listing": {"BucketEntry", "BucketList", "BucketLister", "AsyncBucketLister"},
    "aistore_hl.obj_stream": {"ObjStream", "AsyncObjStream", "ChecksumNotVerifiedWarning"},
    "aistore_hl.client": {"Client"},
    "aistore_hl.cluster": {"Cluster"},
    "aistore_hl.cluster_api": {"ClusterStats", "NodeStats", "NodeStatus", "RemoteCluster"},
    "aistore_hl.bucket": {"Bucket"},
    "aistore_hl.object": {"Object"},
    "aistore_hl.object_group": {"ObjectGroup"},
    "aistore_hl.etl": {"Etl", "get_default_runtime"},
    "aistore_hl.job": {"Job", "JobFailed"},
    "aistore_hl.transfer": {"TransferSummary", "put_files", "download_files"},
    "aistore_hl.batch": {"Batch", "AsyncBatch", "BatchEntry"},
    "aistore_hl.bucket_props": {
        "BucketProps", "BucketSummary", "ShardSummary", "ChecksumProps", "MirrorProps",
        "VersioningProps", "WritePolicyProps",
    },
    "aistore_hl.bucket_jobs": {"ShardSummary", "ShardSummPoll"},
    "aistore_hl.validation": {
        "normalize_etl_comm_type", "normalize_provider", "validate_archpath",
        "validate_bucket_name", "validate_chunk_size", "validate_etl_name",
        "validate_object_name", "validate_timeout",
    },
    # the transports the README names ("Urllib3Transport remains available for your own
    # httpx.Client"); importing a path loads its transport, `import aistore_hl` does not need to
    "aistore_hl.transport": {"Urllib3Transport"},
    "aistore_hl.httpclient_transport": {"HTTPClientTransport"},
    "aistore_hl.aiohttp_transport": {"AiohttpTransport"},
    "aistore_hl.fs": {"AISFileSystem", "AISAsyncFileSystem"},
}  # fmt: skip


def test_top_level_names_are_exported() -> None:
    missing_all = TOP_LEVEL - set(aistore_hl.__all__)
    assert not missing_all, f"gone from aistore_hl.__all__: {sorted(missing_all)}"
    missing = sorted(n for n in TOP_LEVEL if not hasattr(aistore_hl, n))
    assert not missing, f"gone from aistore_hl: {missing}"


def test_all_names_resolve_and_are_unique() -> None:
    # httpx's test_exported_members: everything __all__ promises is there, once.
    assert len(aistore_hl.__all__) == len(set(aistore_hl.__all__))
    unresolved = [n for n in aistore_hl.__all__ if not hasattr(aistore_hl, n)]
    assert not unresolved
    assert isinstance(aistore_hl.__version__, str)


def test_star_import_gives_all() -> None:
    ns: dict[str, object] = {}
    exec("from aistore_hl import *", ns)
    assert set(aistore_hl.__all__) <= set(ns)


@pytest.mark.parametrize("path", sorted(PATHS))
def test_module_path_keeps_its_names(path: str) -> None:
    if path == "aistore_hl.fs":
        pytest.importorskip("fsspec")
    module = importlib.import_module(path)
    missing = sorted(n for n in PATHS[path] if not hasattr(module, n))
    assert not missing, f"gone from {path}: {missing}"


@pytest.mark.parametrize(
    ("path", "name"),
    sorted((p, n) for p, names in PATHS.items() for n in names if n in TOP_LEVEL),
)
def test_top_level_and_module_path_are_the_same_object(path: str, name: str) -> None:
    # A re-export, not a copy: isinstance / except clauses must match whichever path was used.
    assert getattr(importlib.import_module(path), name) is getattr(aistore_hl, name)


def test_each_module_path_imports_in_a_fresh_interpreter() -> None:
    # Import order must not matter: each path on its own, first thing in the process (a circular
    # import between the resource modules shows only this way).
    paths = [p for p in sorted(PATHS) if p != "aistore_hl.fs"]
    code = textwrap.dedent(
        f"""
        import importlib, sys
        for p in {paths!r}:
            for m in [m for m in sys.modules if m.startswith("aistore_hl")]:
                del sys.modules[m]
            importlib.import_module(p)
        """
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_import_and_client_load_neither_urllib3_nor_aiohttp() -> None:
    # The sync default transport is http.client; urllib3 (Urllib3Transport) and aiohttp (the
    # AsyncClient's transport) load only when those are used.
    code = (
        "import sys, aistore_hl; aistore_hl.Client('http://127.0.0.1:1');"
        "print(sorted(m for m in ('urllib3', 'aiohttp') if m in sys.modules))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
    # ... and the check can see them: an AsyncClient does load aiohttp.
    code = (
        "import sys, aistore_hl; aistore_hl.AsyncClient('http://127.0.0.1:1');"
        "print('aiohttp' in sys.modules)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "True", r.stderr
