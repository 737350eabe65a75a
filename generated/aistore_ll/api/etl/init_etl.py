from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.etl_spec_msg import ETLSpecMsg
from ...models.init_spec_msg import InitSpecMsg
from ...types import Response


def _get_kwargs(
    *,
    body: ETLSpecMsg | InitSpecMsg,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/etl",
    }

    if isinstance(body, ETLSpecMsg):
        _kwargs["json"] = body.to_dict()
    else:
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
) -> ErrHTTP | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_400 = ErrHTTP.from_dict(response.json())

        return response_400

    if response.status_code == 409:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_409 = ErrHTTP.from_dict(response.json())

        return response_409

    if response.status_code == 501:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_501 = ErrHTTP.from_dict(response.json())

        return response_501

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
) -> Response[ErrHTTP | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ETLSpecMsg | InitSpecMsg,
) -> Response[ErrHTTP | str]:
    """Initialize (create and start) an ETL

     The body is the raw init message (**not** an ActMsg): the server
    tries `ETLSpecMsg` first, then the deprecated `InitSpecMsg`. Answers
    the job id (text) once all targets have started their pods; the
    client timeout must exceed `init_timeout`. A failed init leaves the
    name registered (stage `Aborted`), hence 409 until deleted.

    Args:
        body (ETLSpecMsg | InitSpecMsg):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | str]
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
    body: ETLSpecMsg | InitSpecMsg,
) -> ErrHTTP | str | None:
    """Initialize (create and start) an ETL

     The body is the raw init message (**not** an ActMsg): the server
    tries `ETLSpecMsg` first, then the deprecated `InitSpecMsg`. Answers
    the job id (text) once all targets have started their pods; the
    client timeout must exceed `init_timeout`. A failed init leaves the
    name registered (stage `Aborted`), hence 409 until deleted.

    Args:
        body (ETLSpecMsg | InitSpecMsg):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ETLSpecMsg | InitSpecMsg,
) -> Response[ErrHTTP | str]:
    """Initialize (create and start) an ETL

     The body is the raw init message (**not** an ActMsg): the server
    tries `ETLSpecMsg` first, then the deprecated `InitSpecMsg`. Answers
    the job id (text) once all targets have started their pods; the
    client timeout must exceed `init_timeout`. A failed init leaves the
    name registered (stage `Aborted`), hence 409 until deleted.

    Args:
        body (ETLSpecMsg | InitSpecMsg):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ETLSpecMsg | InitSpecMsg,
) -> ErrHTTP | str | None:
    """Initialize (create and start) an ETL

     The body is the raw init message (**not** an ActMsg): the server
    tries `ETLSpecMsg` first, then the deprecated `InitSpecMsg`. Answers
    the job id (text) once all targets have started their pods; the
    client timeout must exceed `init_timeout`. A failed init leaves the
    name registered (stage `Aborted`), hence 409 until deleted.

    Args:
        body (ETLSpecMsg | InitSpecMsg):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
