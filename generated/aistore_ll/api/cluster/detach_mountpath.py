from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.act_msg import ActMsg
from ...models.err_http import ErrHTTP
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ActMsg,
    dntres: bool | Unset = UNSET,
    ais_node_id: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Ais-Node-Id"] = ais_node_id

    params: dict[str, Any] = {}

    params["dntres"] = dntres

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/reverse/daemon/mountpaths",
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
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    dntres: bool | Unset = UNSET,
    ais_node_id: str,
) -> Response[Any | ErrHTTP]:
    """Detach a mountpath from a target (ActMsg `detach-mp`, value = path)

    Args:
        dntres (bool | Unset):
        ais_node_id (str):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        body=body,
        dntres=dntres,
        ais_node_id=ais_node_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    dntres: bool | Unset = UNSET,
    ais_node_id: str,
) -> Any | ErrHTTP | None:
    """Detach a mountpath from a target (ActMsg `detach-mp`, value = path)

    Args:
        dntres (bool | Unset):
        ais_node_id (str):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return sync_detailed(
        client=client,
        body=body,
        dntres=dntres,
        ais_node_id=ais_node_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    dntres: bool | Unset = UNSET,
    ais_node_id: str,
) -> Response[Any | ErrHTTP]:
    """Detach a mountpath from a target (ActMsg `detach-mp`, value = path)

    Args:
        dntres (bool | Unset):
        ais_node_id (str):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        body=body,
        dntres=dntres,
        ais_node_id=ais_node_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    dntres: bool | Unset = UNSET,
    ais_node_id: str,
) -> Any | ErrHTTP | None:
    """Detach a mountpath from a target (ActMsg `detach-mp`, value = path)

    Args:
        dntres (bool | Unset):
        ais_node_id (str):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dntres=dntres,
            ais_node_id=ais_node_id,
        )
    ).parsed
