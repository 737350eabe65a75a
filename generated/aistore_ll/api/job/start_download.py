from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.download_body import DownloadBody
from ...models.err_http import ErrHTTP
from ...models.start_download_response_200 import StartDownloadResponse200
from ...types import Response


def _get_kwargs(
    *,
    body: DownloadBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/download",
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
) -> ErrHTTP | StartDownloadResponse200 | None:
    if response.status_code == 200:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_200 = StartDownloadResponse200.from_dict(response.json())

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
) -> Response[ErrHTTP | StartDownloadResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DownloadBody,
) -> Response[ErrHTTP | StartDownloadResponse200]:
    """Start a download job (HTTP(S) links or a remote bucket into a bucket)

     The body is a `DownloadBody` whose `type` selects the kind:
    `single` (`object_name` + `link`), `range` (`template` of links,
    `subdir`), `multi` (`objects`: a list of links or a name → link
    map), `backend` (the objects of a remote bucket: `prefix`,
    `suffix`, `synchronize`; an ais bucket is a 400; the bucket's
    namespace must carry the remote cluster's **uuid**, an alias is not
    resolved here: 404) → 200 `{"id"}`.
    The downloader refuses loopback addresses: a link to `127.0.0.1`
    starts fine and the task fails (`dload: egress blocked`).

    Args:
        body (DownloadBody): Download request (`dload.Body`: `type` plus the fields of that kind,
            flattened): `Base` (`bucket`, `description`, `timeout`,
            `progress_interval`, `limits`, `headers`) for all kinds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | StartDownloadResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: DownloadBody,
) -> ErrHTTP | StartDownloadResponse200 | None:
    """Start a download job (HTTP(S) links or a remote bucket into a bucket)

     The body is a `DownloadBody` whose `type` selects the kind:
    `single` (`object_name` + `link`), `range` (`template` of links,
    `subdir`), `multi` (`objects`: a list of links or a name → link
    map), `backend` (the objects of a remote bucket: `prefix`,
    `suffix`, `synchronize`; an ais bucket is a 400; the bucket's
    namespace must carry the remote cluster's **uuid**, an alias is not
    resolved here: 404) → 200 `{"id"}`.
    The downloader refuses loopback addresses: a link to `127.0.0.1`
    starts fine and the task fails (`dload: egress blocked`).

    Args:
        body (DownloadBody): Download request (`dload.Body`: `type` plus the fields of that kind,
            flattened): `Base` (`bucket`, `description`, `timeout`,
            `progress_interval`, `limits`, `headers`) for all kinds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | StartDownloadResponse200
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DownloadBody,
) -> Response[ErrHTTP | StartDownloadResponse200]:
    """Start a download job (HTTP(S) links or a remote bucket into a bucket)

     The body is a `DownloadBody` whose `type` selects the kind:
    `single` (`object_name` + `link`), `range` (`template` of links,
    `subdir`), `multi` (`objects`: a list of links or a name → link
    map), `backend` (the objects of a remote bucket: `prefix`,
    `suffix`, `synchronize`; an ais bucket is a 400; the bucket's
    namespace must carry the remote cluster's **uuid**, an alias is not
    resolved here: 404) → 200 `{"id"}`.
    The downloader refuses loopback addresses: a link to `127.0.0.1`
    starts fine and the task fails (`dload: egress blocked`).

    Args:
        body (DownloadBody): Download request (`dload.Body`: `type` plus the fields of that kind,
            flattened): `Base` (`bucket`, `description`, `timeout`,
            `progress_interval`, `limits`, `headers`) for all kinds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | StartDownloadResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DownloadBody,
) -> ErrHTTP | StartDownloadResponse200 | None:
    """Start a download job (HTTP(S) links or a remote bucket into a bucket)

     The body is a `DownloadBody` whose `type` selects the kind:
    `single` (`object_name` + `link`), `range` (`template` of links,
    `subdir`), `multi` (`objects`: a list of links or a name → link
    map), `backend` (the objects of a remote bucket: `prefix`,
    `suffix`, `synchronize`; an ais bucket is a 400; the bucket's
    namespace must carry the remote cluster's **uuid**, an alias is not
    resolved here: 404) → 200 `{"id"}`.
    The downloader refuses loopback addresses: a link to `127.0.0.1`
    starts fine and the task fails (`dload: egress blocked`).

    Args:
        body (DownloadBody): Download request (`dload.Body`: `type` plus the fields of that kind,
            flattened): `Base` (`bucket`, `description`, `timeout`,
            `progress_interval`, `limits`, `headers`) for all kinds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | StartDownloadResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
