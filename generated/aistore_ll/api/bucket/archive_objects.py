from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.act_msg import ActMsg
from ...models.err_http import ErrHTTP
from ...models.provider import Provider
from ...types import UNSET, Response, Unset


def _get_kwargs(
    bucket: str,
    *,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["namespace"] = namespace

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/buckets/{bucket}".format(
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
) -> ErrHTTP | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

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

    if response.status_code == 503:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_503 = ErrHTTP.from_dict(response.json())

        return response_503

    if not response.content:
        return None
    response_default = ErrHTTP.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrHTTP | str]:
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
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
) -> Response[ErrHTTP | str]:
    """Archive a list/range of objects into one shard (multi-object archive)

     Body `ActMsg` with action `archive` and an `ArchiveBckMsg` value: the
    objects of this bucket selected by `objnames` / `template` go into the
    archive `archname` (`.tar`, `.tgz`/`.tar.gz`, `.zip`, `.tar.lz4`) in
    `tobck` (this bucket when `tobck` is empty) → job id. An unsupported
    extension or `mime` → 400 before any job starts.

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        body=body,
        provider=provider,
        namespace=namespace,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
) -> ErrHTTP | str | None:
    """Archive a list/range of objects into one shard (multi-object archive)

     Body `ActMsg` with action `archive` and an `ArchiveBckMsg` value: the
    objects of this bucket selected by `objnames` / `template` go into the
    archive `archname` (`.tar`, `.tgz`/`.tar.gz`, `.zip`, `.tar.lz4`) in
    `tobck` (this bucket when `tobck` is empty) → job id. An unsupported
    extension or `mime` → 400 before any job starts.

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | str
    """

    return sync_detailed(
        bucket=bucket,
        client=client,
        body=body,
        provider=provider,
        namespace=namespace,
    ).parsed


async def asyncio_detailed(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
) -> Response[ErrHTTP | str]:
    """Archive a list/range of objects into one shard (multi-object archive)

     Body `ActMsg` with action `archive` and an `ArchiveBckMsg` value: the
    objects of this bucket selected by `objnames` / `template` go into the
    archive `archname` (`.tar`, `.tgz`/`.tar.gz`, `.zip`, `.tar.lz4`) in
    `tobck` (this bucket when `tobck` is empty) → job id. An unsupported
    extension or `mime` → 400 before any job starts.

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        body=body,
        provider=provider,
        namespace=namespace,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
) -> ErrHTTP | str | None:
    """Archive a list/range of objects into one shard (multi-object archive)

     Body `ActMsg` with action `archive` and an `ArchiveBckMsg` value: the
    objects of this bucket selected by `objnames` / `template` go into the
    archive `archname` (`.tar`, `.tgz`/`.tar.gz`, `.zip`, `.tar.lz4`) in
    `tobck` (this bucket when `tobck` is empty) → job id. An unsupported
    extension or `mime` → 400 before any job starts.

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | str
    """

    return (
        await asyncio_detailed(
            bucket=bucket,
            client=client,
            body=body,
            provider=provider,
            namespace=namespace,
        )
    ).parsed
