from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.provider import Provider
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    bucket: str,
    object_: str,
    *,
    body: File,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    ais_checksum_type: str | Unset = UNSET,
    ais_checksum_value: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(ais_checksum_type, Unset):
        headers["Ais-Checksum-Type"] = ais_checksum_type

    if not isinstance(ais_checksum_value, Unset):
        headers["Ais-Checksum-Value"] = ais_checksum_value

    params: dict[str, Any] = {}

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["namespace"] = namespace

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/objects/{bucket}/{object_}".format(
            bucket=quote(str(bucket), safe=""),
            object_=quote(str(object_), safe="/"),
        ),
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


request_kwargs = _get_kwargs
"""Public alias of `_get_kwargs`: the httpx request arguments (method, url, params, headers, body) for this operation."""


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
        response_400 = ErrHTTP.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        if not response.content:
            return None
        response_404 = ErrHTTP.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        if not response.content:
            return None
        response_500 = ErrHTTP.from_dict(response.json())

        return response_500

    if response.status_code == 507:
        if not response.content:
            return None
        response_507 = ErrHTTP.from_dict(response.json())

        return response_507

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
    body: File,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    ais_checksum_type: str | Unset = UNSET,
    ais_checksum_value: str | Unset = UNSET,
) -> Response[Any | ErrHTTP]:
    """Write an object (proxy answers 307 to the owning target)

     The proxy answers **307** immediately without reading the body;
    re-send the request with the body to `Location`. The target answers
    200 with an empty body and the new object's attributes in headers.
    `Ais-Checksum-Type` + `Ais-Checksum-Value` request an end-to-end
    check (a matching existing checksum makes the PUT a no-op).

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        ais_checksum_type (str | Unset):
        ais_checksum_value (str | Unset):
        body (File):

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
        ais_checksum_type=ais_checksum_type,
        ais_checksum_value=ais_checksum_value,
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
    body: File,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    ais_checksum_type: str | Unset = UNSET,
    ais_checksum_value: str | Unset = UNSET,
) -> Any | ErrHTTP | None:
    """Write an object (proxy answers 307 to the owning target)

     The proxy answers **307** immediately without reading the body;
    re-send the request with the body to `Location`. The target answers
    200 with an empty body and the new object's attributes in headers.
    `Ais-Checksum-Type` + `Ais-Checksum-Value` request an end-to-end
    check (a matching existing checksum makes the PUT a no-op).

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        ais_checksum_type (str | Unset):
        ais_checksum_value (str | Unset):
        body (File):

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
        ais_checksum_type=ais_checksum_type,
        ais_checksum_value=ais_checksum_value,
    ).parsed


async def asyncio_detailed(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    ais_checksum_type: str | Unset = UNSET,
    ais_checksum_value: str | Unset = UNSET,
) -> Response[Any | ErrHTTP]:
    """Write an object (proxy answers 307 to the owning target)

     The proxy answers **307** immediately without reading the body;
    re-send the request with the body to `Location`. The target answers
    200 with an empty body and the new object's attributes in headers.
    `Ais-Checksum-Type` + `Ais-Checksum-Value` request an end-to-end
    check (a matching existing checksum makes the PUT a no-op).

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        ais_checksum_type (str | Unset):
        ais_checksum_value (str | Unset):
        body (File):

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
        ais_checksum_type=ais_checksum_type,
        ais_checksum_value=ais_checksum_value,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    ais_checksum_type: str | Unset = UNSET,
    ais_checksum_value: str | Unset = UNSET,
) -> Any | ErrHTTP | None:
    """Write an object (proxy answers 307 to the owning target)

     The proxy answers **307** immediately without reading the body;
    re-send the request with the body to `Location`. The target answers
    200 with an empty body and the new object's attributes in headers.
    `Ais-Checksum-Type` + `Ais-Checksum-Value` request an end-to-end
    check (a matching existing checksum makes the PUT a no-op).

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        ais_checksum_type (str | Unset):
        ais_checksum_value (str | Unset):
        body (File):

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
            ais_checksum_type=ais_checksum_type,
            ais_checksum_value=ais_checksum_value,
        )
    ).parsed
