from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.get_batch_coloc import GetBatchColoc
from ...models.moss_req import MossReq
from ...models.provider import Provider
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    bucket: str,
    *,
    body: MossReq,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    coloc: GetBatchColoc | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["namespace"] = namespace

    json_coloc: int | Unset = UNSET
    if not isinstance(coloc, Unset):
        json_coloc = coloc

    params["coloc"] = json_coloc

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ml/moss/{bucket}".format(
            bucket=quote(str(bucket), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


request_kwargs = _get_kwargs
"""Public alias of `_get_kwargs`: the httpx request arguments (method, url, params, headers, body) for this operation."""


def _is_json(response: httpx.Response) -> bool:
    if response.headers.get("content-type", "").startswith("application/json"):
        return True
    try:
        response.json()
    except ValueError:
        return False
    return True


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrHTTP | File | str | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 307:
        response_307 = response.text
        return response_307

    if response.status_code == 400:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_400 = ErrHTTP.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_404 = ErrHTTP.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_429 = ErrHTTP.from_dict(response.json())

        return response_429

    if not response.content:
        return None
    response_default = ErrHTTP.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrHTTP | File | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: MossReq,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    coloc: GetBatchColoc | Unset = UNSET,
) -> Response[ErrHTTP | File | str]:
    """Get-Batch over a default bucket (proxy answers 307 to a designated target)

     Reads every `MossReq.in` entry (a whole object, a byte range, or a
    file inside a shard) and answers one archive holding them **in
    exactly the request order**. Entries without `bucket` (or `uname`)
    are read from the bucket in the path. Duplicate names are legal.

    The proxy reads the body, checks GET access on every bucket, picks a
    designated target (DT: random, or with `coloc>=1` the target holding
    most entries), registers the work item there and answers **307**
    with `Location: <DT>/v1/ml/moss/{bucket}/<xid>/<wid>/<nat>?...&tid=`;
    **re-send the same GET and body** to it. The DT assembles the answer
    (its own entries from disk, the others pushed by their targets).

    * `strm=true`: the archive alone (`Content-Type` of `mime`, e.g.
      `application/x-tar`), streamed as it is assembled. A failure after
      the status line **ends the archive early with 200**: count the
      entries against the request. A missing object without `coer` does
      that when the DT owns it; when a peer owns it, the archive holds its
      `__404__/` entry anyway (and goes on).
    * `strm=false`: `multipart/mixed`: part `metadata` (a `MossResp`
      JSON, one `out` entry per `in` entry with its `size` and
      `err_msg`), then part `archive`. The DT buffers the whole archive
      before the first byte; errors are an HTTP error status (but a
      missing object a peer owns is an `err_msg` entry, `coer` or not).

    Archive members are named `<bucket>/<objname>` (`onob`:
    `<objname>`), with `/<archpath>` appended for archived files. With
    `coer` a missing entry becomes `__404__/<bucket>/<objname>` of size
    0 (at most `get_batch.max_soft_errs` of them, default 8).

    After the last entry the DT waits ~100 ms (no data from its peers
    for `noRxWindow`) before it ends every answer. The DT throttles at
    96 pending work items and answers **429** at 256 (or under memory
    pressure).

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        coloc (GetBatchColoc | Unset):
        body (MossReq): Get-Batch request (`apc.MossReq`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | File | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        body=body,
        provider=provider,
        namespace=namespace,
        coloc=coloc,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: MossReq,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    coloc: GetBatchColoc | Unset = UNSET,
) -> ErrHTTP | File | str | None:
    """Get-Batch over a default bucket (proxy answers 307 to a designated target)

     Reads every `MossReq.in` entry (a whole object, a byte range, or a
    file inside a shard) and answers one archive holding them **in
    exactly the request order**. Entries without `bucket` (or `uname`)
    are read from the bucket in the path. Duplicate names are legal.

    The proxy reads the body, checks GET access on every bucket, picks a
    designated target (DT: random, or with `coloc>=1` the target holding
    most entries), registers the work item there and answers **307**
    with `Location: <DT>/v1/ml/moss/{bucket}/<xid>/<wid>/<nat>?...&tid=`;
    **re-send the same GET and body** to it. The DT assembles the answer
    (its own entries from disk, the others pushed by their targets).

    * `strm=true`: the archive alone (`Content-Type` of `mime`, e.g.
      `application/x-tar`), streamed as it is assembled. A failure after
      the status line **ends the archive early with 200**: count the
      entries against the request. A missing object without `coer` does
      that when the DT owns it; when a peer owns it, the archive holds its
      `__404__/` entry anyway (and goes on).
    * `strm=false`: `multipart/mixed`: part `metadata` (a `MossResp`
      JSON, one `out` entry per `in` entry with its `size` and
      `err_msg`), then part `archive`. The DT buffers the whole archive
      before the first byte; errors are an HTTP error status (but a
      missing object a peer owns is an `err_msg` entry, `coer` or not).

    Archive members are named `<bucket>/<objname>` (`onob`:
    `<objname>`), with `/<archpath>` appended for archived files. With
    `coer` a missing entry becomes `__404__/<bucket>/<objname>` of size
    0 (at most `get_batch.max_soft_errs` of them, default 8).

    After the last entry the DT waits ~100 ms (no data from its peers
    for `noRxWindow`) before it ends every answer. The DT throttles at
    96 pending work items and answers **429** at 256 (or under memory
    pressure).

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        coloc (GetBatchColoc | Unset):
        body (MossReq): Get-Batch request (`apc.MossReq`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | File | str
    """

    return sync_detailed(
        bucket=bucket,
        client=client,
        body=body,
        provider=provider,
        namespace=namespace,
        coloc=coloc,
    ).parsed


async def asyncio_detailed(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: MossReq,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    coloc: GetBatchColoc | Unset = UNSET,
) -> Response[ErrHTTP | File | str]:
    """Get-Batch over a default bucket (proxy answers 307 to a designated target)

     Reads every `MossReq.in` entry (a whole object, a byte range, or a
    file inside a shard) and answers one archive holding them **in
    exactly the request order**. Entries without `bucket` (or `uname`)
    are read from the bucket in the path. Duplicate names are legal.

    The proxy reads the body, checks GET access on every bucket, picks a
    designated target (DT: random, or with `coloc>=1` the target holding
    most entries), registers the work item there and answers **307**
    with `Location: <DT>/v1/ml/moss/{bucket}/<xid>/<wid>/<nat>?...&tid=`;
    **re-send the same GET and body** to it. The DT assembles the answer
    (its own entries from disk, the others pushed by their targets).

    * `strm=true`: the archive alone (`Content-Type` of `mime`, e.g.
      `application/x-tar`), streamed as it is assembled. A failure after
      the status line **ends the archive early with 200**: count the
      entries against the request. A missing object without `coer` does
      that when the DT owns it; when a peer owns it, the archive holds its
      `__404__/` entry anyway (and goes on).
    * `strm=false`: `multipart/mixed`: part `metadata` (a `MossResp`
      JSON, one `out` entry per `in` entry with its `size` and
      `err_msg`), then part `archive`. The DT buffers the whole archive
      before the first byte; errors are an HTTP error status (but a
      missing object a peer owns is an `err_msg` entry, `coer` or not).

    Archive members are named `<bucket>/<objname>` (`onob`:
    `<objname>`), with `/<archpath>` appended for archived files. With
    `coer` a missing entry becomes `__404__/<bucket>/<objname>` of size
    0 (at most `get_batch.max_soft_errs` of them, default 8).

    After the last entry the DT waits ~100 ms (no data from its peers
    for `noRxWindow`) before it ends every answer. The DT throttles at
    96 pending work items and answers **429** at 256 (or under memory
    pressure).

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        coloc (GetBatchColoc | Unset):
        body (MossReq): Get-Batch request (`apc.MossReq`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | File | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        body=body,
        provider=provider,
        namespace=namespace,
        coloc=coloc,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: MossReq,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    coloc: GetBatchColoc | Unset = UNSET,
) -> ErrHTTP | File | str | None:
    """Get-Batch over a default bucket (proxy answers 307 to a designated target)

     Reads every `MossReq.in` entry (a whole object, a byte range, or a
    file inside a shard) and answers one archive holding them **in
    exactly the request order**. Entries without `bucket` (or `uname`)
    are read from the bucket in the path. Duplicate names are legal.

    The proxy reads the body, checks GET access on every bucket, picks a
    designated target (DT: random, or with `coloc>=1` the target holding
    most entries), registers the work item there and answers **307**
    with `Location: <DT>/v1/ml/moss/{bucket}/<xid>/<wid>/<nat>?...&tid=`;
    **re-send the same GET and body** to it. The DT assembles the answer
    (its own entries from disk, the others pushed by their targets).

    * `strm=true`: the archive alone (`Content-Type` of `mime`, e.g.
      `application/x-tar`), streamed as it is assembled. A failure after
      the status line **ends the archive early with 200**: count the
      entries against the request. A missing object without `coer` does
      that when the DT owns it; when a peer owns it, the archive holds its
      `__404__/` entry anyway (and goes on).
    * `strm=false`: `multipart/mixed`: part `metadata` (a `MossResp`
      JSON, one `out` entry per `in` entry with its `size` and
      `err_msg`), then part `archive`. The DT buffers the whole archive
      before the first byte; errors are an HTTP error status (but a
      missing object a peer owns is an `err_msg` entry, `coer` or not).

    Archive members are named `<bucket>/<objname>` (`onob`:
    `<objname>`), with `/<archpath>` appended for archived files. With
    `coer` a missing entry becomes `__404__/<bucket>/<objname>` of size
    0 (at most `get_batch.max_soft_errs` of them, default 8).

    After the last entry the DT waits ~100 ms (no data from its peers
    for `noRxWindow`) before it ends every answer. The DT throttles at
    96 pending work items and answers **429** at 256 (or under memory
    pressure).

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        coloc (GetBatchColoc | Unset):
        body (MossReq): Get-Batch request (`apc.MossReq`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | File | str
    """

    return (
        await asyncio_detailed(
            bucket=bucket,
            client=client,
            body=body,
            provider=provider,
            namespace=namespace,
            coloc=coloc,
        )
    ).parsed
