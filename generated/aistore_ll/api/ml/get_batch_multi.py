from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.get_batch_multi_coloc import (
    GetBatchMultiColoc,
)
from ...models.moss_req import MossReq
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: MossReq,
    coloc: GetBatchMultiColoc | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_coloc: int | Unset = UNSET
    if not isinstance(coloc, Unset):
        json_coloc = coloc

    params["coloc"] = json_coloc

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ml/moss",
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
    *,
    client: AuthenticatedClient | Client,
    body: MossReq,
    coloc: GetBatchMultiColoc | Unset = UNSET,
) -> Response[ErrHTTP | File | str]:
    """Get-Batch where every entry names its bucket (proxy answers 307)

     As `get_batch`, without a default bucket: every `MossReq.in` entry
    carries `bucket` (and `provider`) or `uname`. The DT's `Location`
    is `<DT>/v1/ml/moss/<xid>/<wid>/<nat>?...`.

    Args:
        coloc (GetBatchMultiColoc | Unset):
        body (MossReq): Get-Batch request (`apc.MossReq`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | File | str]
    """

    kwargs = _get_kwargs(
        body=body,
        coloc=coloc,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: MossReq,
    coloc: GetBatchMultiColoc | Unset = UNSET,
) -> ErrHTTP | File | str | None:
    """Get-Batch where every entry names its bucket (proxy answers 307)

     As `get_batch`, without a default bucket: every `MossReq.in` entry
    carries `bucket` (and `provider`) or `uname`. The DT's `Location`
    is `<DT>/v1/ml/moss/<xid>/<wid>/<nat>?...`.

    Args:
        coloc (GetBatchMultiColoc | Unset):
        body (MossReq): Get-Batch request (`apc.MossReq`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | File | str
    """

    return sync_detailed(
        client=client,
        body=body,
        coloc=coloc,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MossReq,
    coloc: GetBatchMultiColoc | Unset = UNSET,
) -> Response[ErrHTTP | File | str]:
    """Get-Batch where every entry names its bucket (proxy answers 307)

     As `get_batch`, without a default bucket: every `MossReq.in` entry
    carries `bucket` (and `provider`) or `uname`. The DT's `Location`
    is `<DT>/v1/ml/moss/<xid>/<wid>/<nat>?...`.

    Args:
        coloc (GetBatchMultiColoc | Unset):
        body (MossReq): Get-Batch request (`apc.MossReq`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | File | str]
    """

    kwargs = _get_kwargs(
        body=body,
        coloc=coloc,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MossReq,
    coloc: GetBatchMultiColoc | Unset = UNSET,
) -> ErrHTTP | File | str | None:
    """Get-Batch where every entry names its bucket (proxy answers 307)

     As `get_batch`, without a default bucket: every `MossReq.in` entry
    carries `bucket` (and `provider`) or `uname`. The DT's `Location`
    is `<DT>/v1/ml/moss/<xid>/<wid>/<nat>?...`.

    Args:
        coloc (GetBatchMultiColoc | Unset):
        body (MossReq): Get-Batch request (`apc.MossReq`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | File | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            coloc=coloc,
        )
    ).parsed
