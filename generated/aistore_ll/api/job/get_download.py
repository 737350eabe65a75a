from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.download_admin_msg import DownloadAdminMsg
from ...models.download_job import DownloadJob
from ...models.download_status import DownloadStatus
from ...models.err_http import ErrHTTP
from ...types import Response


def _get_kwargs(
    *,
    body: DownloadAdminMsg,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "get",
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
) -> DownloadStatus | list[DownloadJob] | None | ErrHTTP:
    if response.status_code == 200:
        if not response.content:
            return None
        if not _is_json(response):
            return None

        def _parse_response_200(
            data: object,
        ) -> DownloadStatus | list[DownloadJob] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = DownloadStatus.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_1_type_0 = []
                _response_200_type_1_type_0 = data
                for response_200_type_1_type_0_item_data in _response_200_type_1_type_0:
                    response_200_type_1_type_0_item = DownloadJob.from_dict(
                        response_200_type_1_type_0_item_data
                    )

                    response_200_type_1_type_0.append(response_200_type_1_type_0_item)

                return response_200_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DownloadStatus | list[DownloadJob] | None, data)

        response_200 = _parse_response_200(response.json())

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
) -> Response[DownloadStatus | list[DownloadJob] | None | ErrHTTP]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DownloadAdminMsg,
) -> Response[DownloadStatus | list[DownloadJob] | None | ErrHTTP]:
    """Status of one download job (by id) or the list of jobs (by regex)

     Body `DownloadAdminMsg` (required; an empty body is a 400): with
    `id` → `DownloadStatus`; without → array of `DownloadJob` matching
    `regex` (or all). Written without a Content-Type. An unknown id is
    a 404.

    Args:
        body (DownloadAdminMsg): Download job selection (`dload.AdminBody`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadStatus | list[DownloadJob] | None | ErrHTTP]
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
    body: DownloadAdminMsg,
) -> DownloadStatus | list[DownloadJob] | None | ErrHTTP:
    """Status of one download job (by id) or the list of jobs (by regex)

     Body `DownloadAdminMsg` (required; an empty body is a 400): with
    `id` → `DownloadStatus`; without → array of `DownloadJob` matching
    `regex` (or all). Written without a Content-Type. An unknown id is
    a 404.

    Args:
        body (DownloadAdminMsg): Download job selection (`dload.AdminBody`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadStatus | list[DownloadJob] | None | ErrHTTP
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DownloadAdminMsg,
) -> Response[DownloadStatus | list[DownloadJob] | None | ErrHTTP]:
    """Status of one download job (by id) or the list of jobs (by regex)

     Body `DownloadAdminMsg` (required; an empty body is a 400): with
    `id` → `DownloadStatus`; without → array of `DownloadJob` matching
    `regex` (or all). Written without a Content-Type. An unknown id is
    a 404.

    Args:
        body (DownloadAdminMsg): Download job selection (`dload.AdminBody`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadStatus | list[DownloadJob] | None | ErrHTTP]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DownloadAdminMsg,
) -> DownloadStatus | list[DownloadJob] | None | ErrHTTP:
    """Status of one download job (by id) or the list of jobs (by regex)

     Body `DownloadAdminMsg` (required; an empty body is a 400): with
    `id` → `DownloadStatus`; without → array of `DownloadJob` matching
    `regex` (or all). Written without a Content-Type. An unknown id is
    a 404.

    Args:
        body (DownloadAdminMsg): Download job selection (`dload.AdminBody`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadStatus | list[DownloadJob] | None | ErrHTTP
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
