from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.get_object_archmode import GetObjectArchmode
from ...models.provider import Provider
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    bucket: str,
    object_: str,
    *,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    archpath: str | Unset = UNSET,
    archmime: str | Unset = UNSET,
    archregx: str | Unset = UNSET,
    archmode: GetObjectArchmode | Unset = UNSET,
    etl_name: str | Unset = UNSET,
    etl_args: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    params: dict[str, Any] = {}

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["namespace"] = namespace

    params["archpath"] = archpath

    params["archmime"] = archmime

    params["archregx"] = archregx

    json_archmode: str | Unset = UNSET
    if not isinstance(archmode, Unset):
        json_archmode = archmode

    params["archmode"] = json_archmode

    params["etl_name"] = etl_name

    params["etl_args"] = etl_args

    params["latest-ver"] = latest_ver

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/objects/{bucket}/{object_}".format(
            bucket=quote(str(bucket), safe=""),
            object_=quote(str(object_), safe="/"),
        ),
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
) -> ErrHTTP | File | str | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 206:
        response_206 = File(payload=BytesIO(response.content))

        return response_206

    if response.status_code == 301:
        response_301 = response.text
        return response_301

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

    if response.status_code == 416:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_416 = ErrHTTP.from_dict(response.json())

        return response_416

    if response.status_code == 501:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_501 = ErrHTTP.from_dict(response.json())

        return response_501

    if not response.content:
        return None
    response_default = ErrHTTP.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrHTTP | File | str]:
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
    archpath: str | Unset = UNSET,
    archmime: str | Unset = UNSET,
    archregx: str | Unset = UNSET,
    archmode: GetObjectArchmode | Unset = UNSET,
    etl_name: str | Unset = UNSET,
    etl_args: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> Response[ErrHTTP | File | str]:
    """Read an object (proxy answers 301 to the owning target)

     The proxy answers **301** with the target URL in `Location` (plus
    Go's short HTML body); the target answers 200, or 206 for a `Range`
    request. `archpath` reads one file from a shard; `archregx` +
    `archmode` return a TAR of the matching files
    (`Content-Type: application/x-tar`). `etl_name` applies an inline
    transformation (501 `ErrUnsupp` in a build without ETL).

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        archpath (str | Unset):
        archmime (str | Unset):
        archregx (str | Unset):
        archmode (GetObjectArchmode | Unset):
        etl_name (str | Unset):
        etl_args (str | Unset):
        latest_ver (bool | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | File | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        object_=object_,
        provider=provider,
        namespace=namespace,
        archpath=archpath,
        archmime=archmime,
        archregx=archregx,
        archmode=archmode,
        etl_name=etl_name,
        etl_args=etl_args,
        latest_ver=latest_ver,
        range_=range_,
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
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    archpath: str | Unset = UNSET,
    archmime: str | Unset = UNSET,
    archregx: str | Unset = UNSET,
    archmode: GetObjectArchmode | Unset = UNSET,
    etl_name: str | Unset = UNSET,
    etl_args: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> ErrHTTP | File | str | None:
    """Read an object (proxy answers 301 to the owning target)

     The proxy answers **301** with the target URL in `Location` (plus
    Go's short HTML body); the target answers 200, or 206 for a `Range`
    request. `archpath` reads one file from a shard; `archregx` +
    `archmode` return a TAR of the matching files
    (`Content-Type: application/x-tar`). `etl_name` applies an inline
    transformation (501 `ErrUnsupp` in a build without ETL).

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        archpath (str | Unset):
        archmime (str | Unset):
        archregx (str | Unset):
        archmode (GetObjectArchmode | Unset):
        etl_name (str | Unset):
        etl_args (str | Unset):
        latest_ver (bool | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | File | str
    """

    return sync_detailed(
        bucket=bucket,
        object_=object_,
        client=client,
        provider=provider,
        namespace=namespace,
        archpath=archpath,
        archmime=archmime,
        archregx=archregx,
        archmode=archmode,
        etl_name=etl_name,
        etl_args=etl_args,
        latest_ver=latest_ver,
        range_=range_,
    ).parsed


async def asyncio_detailed(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    archpath: str | Unset = UNSET,
    archmime: str | Unset = UNSET,
    archregx: str | Unset = UNSET,
    archmode: GetObjectArchmode | Unset = UNSET,
    etl_name: str | Unset = UNSET,
    etl_args: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> Response[ErrHTTP | File | str]:
    """Read an object (proxy answers 301 to the owning target)

     The proxy answers **301** with the target URL in `Location` (plus
    Go's short HTML body); the target answers 200, or 206 for a `Range`
    request. `archpath` reads one file from a shard; `archregx` +
    `archmode` return a TAR of the matching files
    (`Content-Type: application/x-tar`). `etl_name` applies an inline
    transformation (501 `ErrUnsupp` in a build without ETL).

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        archpath (str | Unset):
        archmime (str | Unset):
        archregx (str | Unset):
        archmode (GetObjectArchmode | Unset):
        etl_name (str | Unset):
        etl_args (str | Unset):
        latest_ver (bool | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | File | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        object_=object_,
        provider=provider,
        namespace=namespace,
        archpath=archpath,
        archmime=archmime,
        archregx=archregx,
        archmode=archmode,
        etl_name=etl_name,
        etl_args=etl_args,
        latest_ver=latest_ver,
        range_=range_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    archpath: str | Unset = UNSET,
    archmime: str | Unset = UNSET,
    archregx: str | Unset = UNSET,
    archmode: GetObjectArchmode | Unset = UNSET,
    etl_name: str | Unset = UNSET,
    etl_args: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> ErrHTTP | File | str | None:
    """Read an object (proxy answers 301 to the owning target)

     The proxy answers **301** with the target URL in `Location` (plus
    Go's short HTML body); the target answers 200, or 206 for a `Range`
    request. `archpath` reads one file from a shard; `archregx` +
    `archmode` return a TAR of the matching files
    (`Content-Type: application/x-tar`). `etl_name` applies an inline
    transformation (501 `ErrUnsupp` in a build without ETL).

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        archpath (str | Unset):
        archmime (str | Unset):
        archregx (str | Unset):
        archmode (GetObjectArchmode | Unset):
        etl_name (str | Unset):
        etl_args (str | Unset):
        latest_ver (bool | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | File | str
    """

    return (
        await asyncio_detailed(
            bucket=bucket,
            object_=object_,
            client=client,
            provider=provider,
            namespace=namespace,
            archpath=archpath,
            archmime=archmime,
            archregx=archregx,
            archmode=archmode,
            etl_name=etl_name,
            etl_args=etl_args,
            latest_ver=latest_ver,
            range_=range_,
        )
    ).parsed
