from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...types import UNSET, Response, Unset


def _get_kwargs(
    node_id: str,
    *,
    frc: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["frc"] = frc

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/cluster/proxy/{node_id}".format(
            node_id=quote(str(node_id), safe=""),
        ),
        "params": params,
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

    if response.status_code == 404:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_404 = ErrHTTP.from_dict(response.json())

        return response_404

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
    frc: bool | Unset = UNSET,
) -> Response[Any | ErrHTTP]:
    """Make a proxy the primary

     The current primary is accepted (200, no change). An id not in the
    Smap is a 404 (`errNodeNotFound`) unless `frc=true`.

    Args:
        node_id (str):
        frc (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        node_id=node_id,
        frc=frc,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
    frc: bool | Unset = UNSET,
) -> Any | ErrHTTP | None:
    """Make a proxy the primary

     The current primary is accepted (200, no change). An id not in the
    Smap is a 404 (`errNodeNotFound`) unless `frc=true`.

    Args:
        node_id (str):
        frc (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return sync_detailed(
        node_id=node_id,
        client=client,
        frc=frc,
    ).parsed


async def asyncio_detailed(
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
    frc: bool | Unset = UNSET,
) -> Response[Any | ErrHTTP]:
    """Make a proxy the primary

     The current primary is accepted (200, no change). An id not in the
    Smap is a 404 (`errNodeNotFound`) unless `frc=true`.

    Args:
        node_id (str):
        frc (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        node_id=node_id,
        frc=frc,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    node_id: str,
    *,
    client: AuthenticatedClient | Client,
    frc: bool | Unset = UNSET,
) -> Any | ErrHTTP | None:
    """Make a proxy the primary

     The current primary is accepted (200, no change). An id not in the
    Smap is a 404 (`errNodeNotFound`) unless `frc=true`.

    Args:
        node_id (str):
        frc (bool | Unset):

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
            frc=frc,
        )
    ).parsed
