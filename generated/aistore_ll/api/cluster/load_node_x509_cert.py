from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...types import Response


def _get_kwargs(
    node_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/cluster/load-x509/{node_id}".format(
            node_id=quote(str(node_id), safe=""),
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
) -> Any | ErrHTTP | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 400:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_400 = ErrHTTP.from_dict(response.json())

        return response_400

    if not response.content:
        return None
    response_default = ErrHTTP.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrHTTP]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrHTTP]:
    """Reload the TLS certificate on one node

     A plain-HTTP cluster answers 400 (`running plain HTTP`).

    Args:
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        node_id=node_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrHTTP | None:
    """Reload the TLS certificate on one node

     A plain-HTTP cluster answers 400 (`running plain HTTP`).

    Args:
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return sync_detailed(
        node_id=node_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrHTTP]:
    """Reload the TLS certificate on one node

     A plain-HTTP cluster answers 400 (`running plain HTTP`).

    Args:
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        node_id=node_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrHTTP | None:
    """Reload the TLS certificate on one node

     A plain-HTTP cluster answers 400 (`running plain HTTP`).

    Args:
        node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return (
        await asyncio_detailed(
            node_id=node_id,
            client=client,
        )
    ).parsed
