from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.update_node_config_nvs import UpdateNodeConfigNvs
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    transient: bool | Unset = UNSET,
    nvs: UpdateNodeConfigNvs | Unset = UNSET,
    ais_node_id: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Ais-Node-Id"] = ais_node_id

    params: dict[str, Any] = {}

    params["transient"] = transient

    json_nvs: dict[str, Any] | Unset = UNSET
    if not isinstance(nvs, Unset):
        json_nvs = nvs.to_dict()
    if not isinstance(json_nvs, Unset):
        params.update(json_nvs)

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/reverse/daemon/set-config",
        "params": params,
    }

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
    transient: bool | Unset = UNSET,
    nvs: UpdateNodeConfigNvs | Unset = UNSET,
    ais_node_id: str,
) -> Response[Any | ErrHTTP]:
    """Set config values of one node (query parameters, as `update_cluster_config`)

    Args:
        transient (bool | Unset):
        nvs (UpdateNodeConfigNvs | Unset):
        ais_node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        transient=transient,
        nvs=nvs,
        ais_node_id=ais_node_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    transient: bool | Unset = UNSET,
    nvs: UpdateNodeConfigNvs | Unset = UNSET,
    ais_node_id: str,
) -> Any | ErrHTTP | None:
    """Set config values of one node (query parameters, as `update_cluster_config`)

    Args:
        transient (bool | Unset):
        nvs (UpdateNodeConfigNvs | Unset):
        ais_node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return sync_detailed(
        client=client,
        transient=transient,
        nvs=nvs,
        ais_node_id=ais_node_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    transient: bool | Unset = UNSET,
    nvs: UpdateNodeConfigNvs | Unset = UNSET,
    ais_node_id: str,
) -> Response[Any | ErrHTTP]:
    """Set config values of one node (query parameters, as `update_cluster_config`)

    Args:
        transient (bool | Unset):
        nvs (UpdateNodeConfigNvs | Unset):
        ais_node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        transient=transient,
        nvs=nvs,
        ais_node_id=ais_node_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    transient: bool | Unset = UNSET,
    nvs: UpdateNodeConfigNvs | Unset = UNSET,
    ais_node_id: str,
) -> Any | ErrHTTP | None:
    """Set config values of one node (query parameters, as `update_cluster_config`)

    Args:
        transient (bool | Unset):
        nvs (UpdateNodeConfigNvs | Unset):
        ais_node_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return (
        await asyncio_detailed(
            client=client,
            transient=transient,
            nvs=nvs,
            ais_node_id=ais_node_id,
        )
    ).parsed
