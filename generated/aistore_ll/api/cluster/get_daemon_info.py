from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.get_daemon_info_what import GetDaemonInfoWhat
from ...models.json_object import JSONObject
from ...models.mem_cpu_info import MemCPUInfo
from ...models.smap import Smap
from ...models.snode import Snode
from ...types import UNSET, Response


def _get_kwargs(
    *,
    what: GetDaemonInfoWhat,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_what: str = what
    params["what"] = json_what

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/daemon",
        "params": params,
    }

    return _kwargs


request_kwargs = _get_kwargs
"""Public alias of `_get_kwargs`: the httpx request arguments (method, url, params, headers, body) for this operation."""


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrHTTP | JSONObject | MemCPUInfo | Smap | Snode | None:
    if response.status_code == 200:
        if not response.content:
            return None

        def _parse_response_200(data: object) -> JSONObject | MemCPUInfo | Smap | Snode:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = Smap.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = Snode.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_2 = MemCPUInfo.from_dict(data)

                return response_200_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_3 = JSONObject.from_dict(data)

            return response_200_type_3

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:
        if not response.content:
            return None
        response_400 = ErrHTTP.from_dict(response.json())

        return response_400

    if response.status_code == 503:
        if not response.content:
            return None
        response_503 = ErrHTTP.from_dict(response.json())

        return response_503

    if not response.content:
        return None
    response_default = ErrHTTP.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrHTTP | JSONObject | MemCPUInfo | Smap | Snode]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    what: GetDaemonInfoWhat,
) -> Response[ErrHTTP | JSONObject | MemCPUInfo | Smap | Snode]:
    """Information about the node that receives the request

     `what=smap` → `Smap` (cluster map as seen by this node);
    `what=snode` → this node's `Snode`;
    `what=sysinfo` → `MemCPUInfo`;
    `what=config`, `bmd`, `node_stats`, `node_status` → untyped JSON object
    (node config, bucket metadata, statistics).

    Args:
        what (GetDaemonInfoWhat):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | JSONObject | MemCPUInfo | Smap | Snode]
    """

    kwargs = _get_kwargs(
        what=what,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    what: GetDaemonInfoWhat,
) -> ErrHTTP | JSONObject | MemCPUInfo | Smap | Snode | None:
    """Information about the node that receives the request

     `what=smap` → `Smap` (cluster map as seen by this node);
    `what=snode` → this node's `Snode`;
    `what=sysinfo` → `MemCPUInfo`;
    `what=config`, `bmd`, `node_stats`, `node_status` → untyped JSON object
    (node config, bucket metadata, statistics).

    Args:
        what (GetDaemonInfoWhat):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | JSONObject | MemCPUInfo | Smap | Snode
    """

    return sync_detailed(
        client=client,
        what=what,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    what: GetDaemonInfoWhat,
) -> Response[ErrHTTP | JSONObject | MemCPUInfo | Smap | Snode]:
    """Information about the node that receives the request

     `what=smap` → `Smap` (cluster map as seen by this node);
    `what=snode` → this node's `Snode`;
    `what=sysinfo` → `MemCPUInfo`;
    `what=config`, `bmd`, `node_stats`, `node_status` → untyped JSON object
    (node config, bucket metadata, statistics).

    Args:
        what (GetDaemonInfoWhat):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | JSONObject | MemCPUInfo | Smap | Snode]
    """

    kwargs = _get_kwargs(
        what=what,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    what: GetDaemonInfoWhat,
) -> ErrHTTP | JSONObject | MemCPUInfo | Smap | Snode | None:
    """Information about the node that receives the request

     `what=smap` → `Smap` (cluster map as seen by this node);
    `what=snode` → this node's `Snode`;
    `what=sysinfo` → `MemCPUInfo`;
    `what=config`, `bmd`, `node_stats`, `node_status` → untyped JSON object
    (node config, bucket metadata, statistics).

    Args:
        what (GetDaemonInfoWhat):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | JSONObject | MemCPUInfo | Smap | Snode
    """

    return (
        await asyncio_detailed(
            client=client,
            what=what,
        )
    ).parsed
