from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.act_msg import ActMsg
from ...models.bck import Bck
from ...models.err_http import ErrHTTP
from ...models.presence import Presence
from ...models.provider import Provider
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ActMsg | Unset = UNSET,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["namespace"] = namespace

    json_presence: int | Unset = UNSET
    if not isinstance(presence, Unset):
        json_presence = presence

    params["presence"] = json_presence

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/buckets",
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    if not isinstance(body, Unset):
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
) -> ErrHTTP | list[Bck] | None:
    if response.status_code == 200:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Bck.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[ErrHTTP | list[Bck]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg | Unset = UNSET,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
) -> Response[ErrHTTP | list[Bck]]:
    """List buckets

     Lists buckets matching provider/namespace (empty provider = all
    providers). The optional body is ActMsg `list` **without** a
    `value`, i.e. `{"action":"list"}` (a non-null value would mean
    list-objects). Use
    `namespace=@<alias>` (e.g. `@remais`) to list the buckets of an
    attached remote AIS cluster.

    Args:
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        body (ActMsg | Unset): Action message `{"action", "name", "value"}`. `value` depends on
            the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | list[Bck]]
    """

    kwargs = _get_kwargs(
        body=body,
        provider=provider,
        namespace=namespace,
        presence=presence,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg | Unset = UNSET,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
) -> ErrHTTP | list[Bck] | None:
    """List buckets

     Lists buckets matching provider/namespace (empty provider = all
    providers). The optional body is ActMsg `list` **without** a
    `value`, i.e. `{"action":"list"}` (a non-null value would mean
    list-objects). Use
    `namespace=@<alias>` (e.g. `@remais`) to list the buckets of an
    attached remote AIS cluster.

    Args:
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        body (ActMsg | Unset): Action message `{"action", "name", "value"}`. `value` depends on
            the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | list[Bck]
    """

    return sync_detailed(
        client=client,
        body=body,
        provider=provider,
        namespace=namespace,
        presence=presence,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg | Unset = UNSET,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
) -> Response[ErrHTTP | list[Bck]]:
    """List buckets

     Lists buckets matching provider/namespace (empty provider = all
    providers). The optional body is ActMsg `list` **without** a
    `value`, i.e. `{"action":"list"}` (a non-null value would mean
    list-objects). Use
    `namespace=@<alias>` (e.g. `@remais`) to list the buckets of an
    attached remote AIS cluster.

    Args:
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        body (ActMsg | Unset): Action message `{"action", "name", "value"}`. `value` depends on
            the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | list[Bck]]
    """

    kwargs = _get_kwargs(
        body=body,
        provider=provider,
        namespace=namespace,
        presence=presence,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg | Unset = UNSET,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
) -> ErrHTTP | list[Bck] | None:
    """List buckets

     Lists buckets matching provider/namespace (empty provider = all
    providers). The optional body is ActMsg `list` **without** a
    `value`, i.e. `{"action":"list"}` (a non-null value would mean
    list-objects). Use
    `namespace=@<alias>` (e.g. `@remais`) to list the buckets of an
    attached remote AIS cluster.

    Args:
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        body (ActMsg | Unset): Action message `{"action", "name", "value"}`. `value` depends on
            the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | list[Bck]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            provider=provider,
            namespace=namespace,
            presence=presence,
        )
    ).parsed
