from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.etl_logs import ETLLogs
from ...types import Response


def _get_kwargs(
    name: str,
    target: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/etl/{name}/logs/{target}".format(
            name=quote(str(name), safe=""),
            target=quote(str(target), safe=""),
        ),
    }

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
) -> ETLLogs | ErrHTTP | None:
    if response.status_code == 200:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_200 = ETLLogs.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_404 = ErrHTTP.from_dict(response.json())

        return response_404

    if response.status_code == 501:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_501 = ErrHTTP.from_dict(response.json())

        return response_501

    if not response.content:
        return None
    response_default = ErrHTTP.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ETLLogs | ErrHTTP]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    target: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ETLLogs | ErrHTTP]:
    """Logs of the ETL pod on one target

    Args:
        name (str):
        target (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ETLLogs | ErrHTTP]
    """

    kwargs = _get_kwargs(
        name=name,
        target=target,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    target: str,
    *,
    client: AuthenticatedClient | Client,
) -> ETLLogs | ErrHTTP | None:
    """Logs of the ETL pod on one target

    Args:
        name (str):
        target (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ETLLogs | ErrHTTP
    """

    return sync_detailed(
        name=name,
        target=target,
        client=client,
    ).parsed


async def asyncio_detailed(
    name: str,
    target: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ETLLogs | ErrHTTP]:
    """Logs of the ETL pod on one target

    Args:
        name (str):
        target (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ETLLogs | ErrHTTP]
    """

    kwargs = _get_kwargs(
        name=name,
        target=target,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    target: str,
    *,
    client: AuthenticatedClient | Client,
) -> ETLLogs | ErrHTTP | None:
    """Logs of the ETL pod on one target

    Args:
        name (str):
        target (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ETLLogs | ErrHTTP
    """

    return (
        await asyncio_detailed(
            name=name,
            target=target,
            client=client,
        )
    ).parsed
