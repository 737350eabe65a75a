from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.presence import Presence
from ...models.provider import Provider
from ...types import UNSET, Response, Unset


def _get_kwargs(
    bucket: str,
    object_: str,
    *,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
    props: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    validate_checksum: bool | Unset = UNSET,
    silent: bool | Unset = UNSET,
) -> dict[str, Any]:

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

    params["props"] = props

    params["latest-ver"] = latest_ver

    params["validate-checksum"] = validate_checksum

    params["silent"] = silent

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "head",
        "url": "/v1/objects/{bucket}/{object_}".format(
            bucket=quote(str(bucket), safe=""),
            object_=quote(str(object_), safe="/"),
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
) -> Any | None:
    if response.status_code == 200:
        return None

    if response.status_code == 307:
        return None

    if response.status_code == 400:
        return None

    if response.status_code == 404:
        return None

    if response.status_code == 409:
        return None

    if response.status_code == 410:
        return None

    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
    props: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    validate_checksum: bool | Unset = UNSET,
    silent: bool | Unset = UNSET,
) -> Response[Any]:
    """Object properties in response headers (proxy answers 307)

     The target answers 200 with no body; `Content-Length` carries the
    object size. Without `props` (v1) the target sets all non-empty
    properties; with `props=<comma list>` (v2) only the requested ones
    (plus `Content-Length` and `Ais-Present`). Errors have no body: the
    ErrHTTP JSON is in `Hdr-Error`.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        props (str | Unset):
        latest_ver (bool | Unset):
        validate_checksum (bool | Unset):
        silent (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        object_=object_,
        provider=provider,
        namespace=namespace,
        presence=presence,
        props=props,
        latest_ver=latest_ver,
        validate_checksum=validate_checksum,
        silent=silent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
    props: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    validate_checksum: bool | Unset = UNSET,
    silent: bool | Unset = UNSET,
) -> Response[Any]:
    """Object properties in response headers (proxy answers 307)

     The target answers 200 with no body; `Content-Length` carries the
    object size. Without `props` (v1) the target sets all non-empty
    properties; with `props=<comma list>` (v2) only the requested ones
    (plus `Content-Length` and `Ais-Present`). Errors have no body: the
    ErrHTTP JSON is in `Hdr-Error`.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        props (str | Unset):
        latest_ver (bool | Unset):
        validate_checksum (bool | Unset):
        silent (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        object_=object_,
        provider=provider,
        namespace=namespace,
        presence=presence,
        props=props,
        latest_ver=latest_ver,
        validate_checksum=validate_checksum,
        silent=silent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
