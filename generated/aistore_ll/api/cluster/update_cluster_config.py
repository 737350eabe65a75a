from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.update_cluster_config_nvs import UpdateClusterConfigNvs
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    transient: bool | Unset = UNSET,
    nvs: UpdateClusterConfigNvs | Unset = UNSET,
) -> dict[str, Any]:

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
        "url": "/v1/cluster/set-config",
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
    nvs: UpdateClusterConfigNvs | Unset = UNSET,
) -> Response[Any | ErrHTTP]:
    """Set cluster config values given as query parameters

     Each query parameter is a config name and its value
    (`log.flush_time=1m`); `transient=true` keeps the change in memory.
    An unknown name is a 400 (`unknown property`). Go
    `api.SetClusterConfig`; `perform_cluster_action` `set-config` takes
    the same as a JSON `ConfigToSet`.

    Args:
        transient (bool | Unset):
        nvs (UpdateClusterConfigNvs | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        transient=transient,
        nvs=nvs,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    transient: bool | Unset = UNSET,
    nvs: UpdateClusterConfigNvs | Unset = UNSET,
) -> Any | ErrHTTP | None:
    """Set cluster config values given as query parameters

     Each query parameter is a config name and its value
    (`log.flush_time=1m`); `transient=true` keeps the change in memory.
    An unknown name is a 400 (`unknown property`). Go
    `api.SetClusterConfig`; `perform_cluster_action` `set-config` takes
    the same as a JSON `ConfigToSet`.

    Args:
        transient (bool | Unset):
        nvs (UpdateClusterConfigNvs | Unset):

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
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    transient: bool | Unset = UNSET,
    nvs: UpdateClusterConfigNvs | Unset = UNSET,
) -> Response[Any | ErrHTTP]:
    """Set cluster config values given as query parameters

     Each query parameter is a config name and its value
    (`log.flush_time=1m`); `transient=true` keeps the change in memory.
    An unknown name is a 400 (`unknown property`). Go
    `api.SetClusterConfig`; `perform_cluster_action` `set-config` takes
    the same as a JSON `ConfigToSet`.

    Args:
        transient (bool | Unset):
        nvs (UpdateClusterConfigNvs | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        transient=transient,
        nvs=nvs,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    transient: bool | Unset = UNSET,
    nvs: UpdateClusterConfigNvs | Unset = UNSET,
) -> Any | ErrHTTP | None:
    """Set cluster config values given as query parameters

     Each query parameter is a config name and its value
    (`log.flush_time=1m`); `transient=true` keeps the change in memory.
    An unknown name is a 400 (`unknown property`). Go
    `api.SetClusterConfig`; `perform_cluster_action` `set-config` takes
    the same as a JSON `ConfigToSet`.

    Args:
        transient (bool | Unset):
        nvs (UpdateClusterConfigNvs | Unset):

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
        )
    ).parsed
