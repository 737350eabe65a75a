from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.json_object import JSONObject
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    regex: str | Unset = UNSET,
    only_active: bool | Unset = UNSET,
    uuid: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["regex"] = regex

    params["only_active"] = only_active

    params["uuid"] = uuid

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sort",
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
) -> ErrHTTP | JSONObject | list[JSONObject] | None:
    if response.status_code == 200:
        if not response.content:
            return None
        if not _is_json(response):
            return None

        def _parse_response_200(data: object) -> JSONObject | list[JSONObject] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_0_type_0 = []
                _response_200_type_0_type_0 = data
                for response_200_type_0_type_0_item_data in _response_200_type_0_type_0:
                    response_200_type_0_type_0_item = JSONObject.from_dict(
                        response_200_type_0_type_0_item_data
                    )

                    response_200_type_0_type_0.append(response_200_type_0_type_0_item)

                return response_200_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = JSONObject.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JSONObject | list[JSONObject] | None, data)

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
) -> Response[ErrHTTP | JSONObject | list[JSONObject] | None]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    regex: str | Unset = UNSET,
    only_active: bool | Unset = UNSET,
    uuid: str | Unset = UNSET,
) -> Response[ErrHTTP | JSONObject | list[JSONObject] | None]:
    """List dSort jobs, or the metrics of one (`uuid`)

     A default build answers 200 `[]` whatever the query (also with
    `uuid`); with dSort, `uuid` → metrics by target.

    Args:
        regex (str | Unset):
        only_active (bool | Unset):
        uuid (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | JSONObject | list[JSONObject] | None]
    """

    kwargs = _get_kwargs(
        regex=regex,
        only_active=only_active,
        uuid=uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    regex: str | Unset = UNSET,
    only_active: bool | Unset = UNSET,
    uuid: str | Unset = UNSET,
) -> ErrHTTP | JSONObject | list[JSONObject] | None:
    """List dSort jobs, or the metrics of one (`uuid`)

     A default build answers 200 `[]` whatever the query (also with
    `uuid`); with dSort, `uuid` → metrics by target.

    Args:
        regex (str | Unset):
        only_active (bool | Unset):
        uuid (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | JSONObject | list[JSONObject] | None
    """

    return sync_detailed(
        client=client,
        regex=regex,
        only_active=only_active,
        uuid=uuid,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    regex: str | Unset = UNSET,
    only_active: bool | Unset = UNSET,
    uuid: str | Unset = UNSET,
) -> Response[ErrHTTP | JSONObject | list[JSONObject] | None]:
    """List dSort jobs, or the metrics of one (`uuid`)

     A default build answers 200 `[]` whatever the query (also with
    `uuid`); with dSort, `uuid` → metrics by target.

    Args:
        regex (str | Unset):
        only_active (bool | Unset):
        uuid (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | JSONObject | list[JSONObject] | None]
    """

    kwargs = _get_kwargs(
        regex=regex,
        only_active=only_active,
        uuid=uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    regex: str | Unset = UNSET,
    only_active: bool | Unset = UNSET,
    uuid: str | Unset = UNSET,
) -> ErrHTTP | JSONObject | list[JSONObject] | None:
    """List dSort jobs, or the metrics of one (`uuid`)

     A default build answers 200 `[]` whatever the query (also with
    `uuid`); with dSort, `uuid` → metrics by target.

    Args:
        regex (str | Unset):
        only_active (bool | Unset):
        uuid (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | JSONObject | list[JSONObject] | None
    """

    return (
        await asyncio_detailed(
            client=client,
            regex=regex,
            only_active=only_active,
            uuid=uuid,
        )
    ).parsed
