from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.node_state_info import NodeStateInfo
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    prr: bool | Unset = UNSET,
    readiness: bool | Unset = UNSET,
    cii: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["prr"] = prr

    params["readiness"] = readiness

    params["cii"] = cii

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/health",
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
) -> ErrHTTP | NodeStateInfo | None:
    if response.status_code == 200:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_200 = NodeStateInfo.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_400 = ErrHTTP.from_dict(response.json())

        return response_400

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
) -> Response[ErrHTTP | NodeStateInfo]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    prr: bool | Unset = UNSET,
    readiness: bool | Unset = UNSET,
    cii: bool | Unset = UNSET,
) -> Response[ErrHTTP | NodeStateInfo]:
    """Liveness / readiness probe of the node that receives the request

     Without parameters: 200 with an empty body once the node has started,
    503 (empty) before that. `readiness=true` additionally requires the
    node and cluster to be ready. `prr=true` asks whether the primary is
    ready to rebalance (503 + ErrHTTP when not). `cii=true` returns the
    node's `NodeStateInfo` as JSON (cannot be combined with `prr`).

    Args:
        prr (bool | Unset):
        readiness (bool | Unset):
        cii (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | NodeStateInfo]
    """

    kwargs = _get_kwargs(
        prr=prr,
        readiness=readiness,
        cii=cii,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    prr: bool | Unset = UNSET,
    readiness: bool | Unset = UNSET,
    cii: bool | Unset = UNSET,
) -> ErrHTTP | NodeStateInfo | None:
    """Liveness / readiness probe of the node that receives the request

     Without parameters: 200 with an empty body once the node has started,
    503 (empty) before that. `readiness=true` additionally requires the
    node and cluster to be ready. `prr=true` asks whether the primary is
    ready to rebalance (503 + ErrHTTP when not). `cii=true` returns the
    node's `NodeStateInfo` as JSON (cannot be combined with `prr`).

    Args:
        prr (bool | Unset):
        readiness (bool | Unset):
        cii (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | NodeStateInfo
    """

    return sync_detailed(
        client=client,
        prr=prr,
        readiness=readiness,
        cii=cii,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    prr: bool | Unset = UNSET,
    readiness: bool | Unset = UNSET,
    cii: bool | Unset = UNSET,
) -> Response[ErrHTTP | NodeStateInfo]:
    """Liveness / readiness probe of the node that receives the request

     Without parameters: 200 with an empty body once the node has started,
    503 (empty) before that. `readiness=true` additionally requires the
    node and cluster to be ready. `prr=true` asks whether the primary is
    ready to rebalance (503 + ErrHTTP when not). `cii=true` returns the
    node's `NodeStateInfo` as JSON (cannot be combined with `prr`).

    Args:
        prr (bool | Unset):
        readiness (bool | Unset):
        cii (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | NodeStateInfo]
    """

    kwargs = _get_kwargs(
        prr=prr,
        readiness=readiness,
        cii=cii,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    prr: bool | Unset = UNSET,
    readiness: bool | Unset = UNSET,
    cii: bool | Unset = UNSET,
) -> ErrHTTP | NodeStateInfo | None:
    """Liveness / readiness probe of the node that receives the request

     Without parameters: 200 with an empty body once the node has started,
    503 (empty) before that. `readiness=true` additionally requires the
    node and cluster to be ready. `prr=true` asks whether the primary is
    ready to rebalance (503 + ErrHTTP when not). `cii=true` returns the
    node's `NodeStateInfo` as JSON (cannot be combined with `prr`).

    Args:
        prr (bool | Unset):
        readiness (bool | Unset):
        cii (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | NodeStateInfo
    """

    return (
        await asyncio_detailed(
            client=client,
            prr=prr,
            readiness=readiness,
            cii=cii,
        )
    ).parsed
