from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.act_msg import ActMsg
from ...models.err_http import ErrHTTP
from ...models.provider import Provider
from ...types import UNSET, Response, Unset


def _get_kwargs(
    bucket: str,
    object_: str,
    *,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    set_new_custom: bool | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["namespace"] = namespace

    params["set-new-custom"] = set_new_custom

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/objects/{bucket}/{object_}".format(
            bucket=quote(str(bucket), safe=""),
            object_=quote(str(object_), safe="/"),
        ),
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

    if response.status_code == 307:
        response_307 = cast(Any, None)
        return response_307

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
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    set_new_custom: bool | Unset = UNSET,
) -> Response[Any | ErrHTTP]:
    """Set or replace an object's custom metadata (proxy answers 307)

     Body `ActMsg` without `action`, whose value is the custom metadata
    (`CustomMD`, string → string). By default the keys are added or
    updated; `set-new-custom=true` replaces all custom keys with these.
    The target answers 200 with an empty body.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        set_new_custom (bool | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        object_=object_,
        body=body,
        provider=provider,
        namespace=namespace,
        set_new_custom=set_new_custom,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    set_new_custom: bool | Unset = UNSET,
) -> Any | ErrHTTP | None:
    """Set or replace an object's custom metadata (proxy answers 307)

     Body `ActMsg` without `action`, whose value is the custom metadata
    (`CustomMD`, string → string). By default the keys are added or
    updated; `set-new-custom=true` replaces all custom keys with these.
    The target answers 200 with an empty body.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        set_new_custom (bool | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return sync_detailed(
        bucket=bucket,
        object_=object_,
        client=client,
        body=body,
        provider=provider,
        namespace=namespace,
        set_new_custom=set_new_custom,
    ).parsed


async def asyncio_detailed(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    set_new_custom: bool | Unset = UNSET,
) -> Response[Any | ErrHTTP]:
    """Set or replace an object's custom metadata (proxy answers 307)

     Body `ActMsg` without `action`, whose value is the custom metadata
    (`CustomMD`, string → string). By default the keys are added or
    updated; `set-new-custom=true` replaces all custom keys with these.
    The target answers 200 with an empty body.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        set_new_custom (bool | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        object_=object_,
        body=body,
        provider=provider,
        namespace=namespace,
        set_new_custom=set_new_custom,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    set_new_custom: bool | Unset = UNSET,
) -> Any | ErrHTTP | None:
    """Set or replace an object's custom metadata (proxy answers 307)

     Body `ActMsg` without `action`, whose value is the custom metadata
    (`CustomMD`, string → string). By default the keys are added or
    updated; `set-new-custom=true` replaces all custom keys with these.
    The target answers 200 with an empty body.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        set_new_custom (bool | Unset):
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
            bucket=bucket,
            object_=object_,
            client=client,
            body=body,
            provider=provider,
            namespace=namespace,
            set_new_custom=set_new_custom,
        )
    ).parsed
