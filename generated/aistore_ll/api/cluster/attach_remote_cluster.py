from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.attach_remote_cluster_what import (
    AttachRemoteClusterWhat,
)
from ...models.err_http import ErrHTTP
from ...types import UNSET, Response


def _get_kwargs(
    *,
    what: AttachRemoteClusterWhat,
    ais_remote_ais_alias: str,
    ais_remote_ais_url: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Ais-Remote-Ais-Alias"] = ais_remote_ais_alias

    headers["Ais-Remote-Ais-Url"] = ais_remote_ais_url

    params: dict[str, Any] = {}

    json_what: str = what
    params["what"] = json_what

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/cluster/attach",
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
    what: AttachRemoteClusterWhat,
    ais_remote_ais_alias: str,
    ais_remote_ais_url: str,
) -> Response[Any | ErrHTTP]:
    """Attach a remote AIS cluster under an alias

     Adds `alias => url` to the cluster config (`backend.conf.ais`).
    Re-attaching the same alias with the same URL succeeds (the server
    logs a warning); the same alias with another URL is a 400.
    Note the header names: `Ais-Remote-Ais-Alias` and `Ais-Remote-Ais-Url`
    (`apc.HdrRemAisAlias`, `apc.HdrRemAisURL`).

    Args:
        what (AttachRemoteClusterWhat):
        ais_remote_ais_alias (str):
        ais_remote_ais_url (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        what=what,
        ais_remote_ais_alias=ais_remote_ais_alias,
        ais_remote_ais_url=ais_remote_ais_url,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    what: AttachRemoteClusterWhat,
    ais_remote_ais_alias: str,
    ais_remote_ais_url: str,
) -> Any | ErrHTTP | None:
    """Attach a remote AIS cluster under an alias

     Adds `alias => url` to the cluster config (`backend.conf.ais`).
    Re-attaching the same alias with the same URL succeeds (the server
    logs a warning); the same alias with another URL is a 400.
    Note the header names: `Ais-Remote-Ais-Alias` and `Ais-Remote-Ais-Url`
    (`apc.HdrRemAisAlias`, `apc.HdrRemAisURL`).

    Args:
        what (AttachRemoteClusterWhat):
        ais_remote_ais_alias (str):
        ais_remote_ais_url (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return sync_detailed(
        client=client,
        what=what,
        ais_remote_ais_alias=ais_remote_ais_alias,
        ais_remote_ais_url=ais_remote_ais_url,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    what: AttachRemoteClusterWhat,
    ais_remote_ais_alias: str,
    ais_remote_ais_url: str,
) -> Response[Any | ErrHTTP]:
    """Attach a remote AIS cluster under an alias

     Adds `alias => url` to the cluster config (`backend.conf.ais`).
    Re-attaching the same alias with the same URL succeeds (the server
    logs a warning); the same alias with another URL is a 400.
    Note the header names: `Ais-Remote-Ais-Alias` and `Ais-Remote-Ais-Url`
    (`apc.HdrRemAisAlias`, `apc.HdrRemAisURL`).

    Args:
        what (AttachRemoteClusterWhat):
        ais_remote_ais_alias (str):
        ais_remote_ais_url (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        what=what,
        ais_remote_ais_alias=ais_remote_ais_alias,
        ais_remote_ais_url=ais_remote_ais_url,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    what: AttachRemoteClusterWhat,
    ais_remote_ais_alias: str,
    ais_remote_ais_url: str,
) -> Any | ErrHTTP | None:
    """Attach a remote AIS cluster under an alias

     Adds `alias => url` to the cluster config (`backend.conf.ais`).
    Re-attaching the same alias with the same URL succeeds (the server
    logs a warning); the same alias with another URL is a 400.
    Note the header names: `Ais-Remote-Ais-Alias` and `Ais-Remote-Ais-Url`
    (`apc.HdrRemAisAlias`, `apc.HdrRemAisURL`).

    Args:
        what (AttachRemoteClusterWhat):
        ais_remote_ais_alias (str):
        ais_remote_ais_url (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return (
        await asyncio_detailed(
            client=client,
            what=what,
            ais_remote_ais_alias=ais_remote_ais_alias,
            ais_remote_ais_url=ais_remote_ais_url,
        )
    ).parsed
