from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.act_msg import ActMsg
from ...models.err_http import ErrHTTP
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ActMsg,
    frc: bool | Unset = UNSET,
    transient: bool | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["frc"] = frc

    params["transient"] = transient

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/cluster",
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

    if response.status_code == 404:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_404 = ErrHTTP.from_dict(response.json())

        return response_404

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
    body: ActMsg,
    frc: bool | Unset = UNSET,
    transient: bool | Unset = UNSET,
) -> Response[ErrHTTP | str]:
    """Start or stop a job, or shut the cluster down

     Body `ActMsg`:

    * `start` with `ArgsMsg` value (`Kind` required; `name` carries an
      extra argument such as the blob-download object name) → job id
      (text). `frc=true` forces the start.
    * `stop` with `ArgsMsg` value (`ID` and/or `Kind`) → 200, empty.
    * `shutdown` → 200, empty; the whole cluster shuts down.
    * `set-config` (value: `ConfigToSet`, a partial cluster config;
      `transient=true` keeps it in memory) → 200, empty.
    * `reset-config` → 200: back to the cluster's initial config (which
      drops runtime changes such as attached remote clusters).
    * `rotate-logs`, `reload-creds` (backend credentials),
      `clear-lcache` (object metadata cache) → 200, empty.
    * `reset-stats` (value: boolean, `true` = error counters only) → 200.
    * `start-maintenance`, `stop-maintenance`, `shutdown-node`,
      `decommission-node`, `rm-unsafe` (value `ActValRmNode`) and
      `decommission` (the whole cluster) → job id or empty; a malformed
      node id is a 400 (`node ID "..." is too short`).

    Args:
        frc (bool | Unset):
        transient (bool | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | str]
    """

    kwargs = _get_kwargs(
        body=body,
        frc=frc,
        transient=transient,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    frc: bool | Unset = UNSET,
    transient: bool | Unset = UNSET,
) -> ErrHTTP | str | None:
    """Start or stop a job, or shut the cluster down

     Body `ActMsg`:

    * `start` with `ArgsMsg` value (`Kind` required; `name` carries an
      extra argument such as the blob-download object name) → job id
      (text). `frc=true` forces the start.
    * `stop` with `ArgsMsg` value (`ID` and/or `Kind`) → 200, empty.
    * `shutdown` → 200, empty; the whole cluster shuts down.
    * `set-config` (value: `ConfigToSet`, a partial cluster config;
      `transient=true` keeps it in memory) → 200, empty.
    * `reset-config` → 200: back to the cluster's initial config (which
      drops runtime changes such as attached remote clusters).
    * `rotate-logs`, `reload-creds` (backend credentials),
      `clear-lcache` (object metadata cache) → 200, empty.
    * `reset-stats` (value: boolean, `true` = error counters only) → 200.
    * `start-maintenance`, `stop-maintenance`, `shutdown-node`,
      `decommission-node`, `rm-unsafe` (value `ActValRmNode`) and
      `decommission` (the whole cluster) → job id or empty; a malformed
      node id is a 400 (`node ID "..." is too short`).

    Args:
        frc (bool | Unset):
        transient (bool | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | str
    """

    return sync_detailed(
        client=client,
        body=body,
        frc=frc,
        transient=transient,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    frc: bool | Unset = UNSET,
    transient: bool | Unset = UNSET,
) -> Response[ErrHTTP | str]:
    """Start or stop a job, or shut the cluster down

     Body `ActMsg`:

    * `start` with `ArgsMsg` value (`Kind` required; `name` carries an
      extra argument such as the blob-download object name) → job id
      (text). `frc=true` forces the start.
    * `stop` with `ArgsMsg` value (`ID` and/or `Kind`) → 200, empty.
    * `shutdown` → 200, empty; the whole cluster shuts down.
    * `set-config` (value: `ConfigToSet`, a partial cluster config;
      `transient=true` keeps it in memory) → 200, empty.
    * `reset-config` → 200: back to the cluster's initial config (which
      drops runtime changes such as attached remote clusters).
    * `rotate-logs`, `reload-creds` (backend credentials),
      `clear-lcache` (object metadata cache) → 200, empty.
    * `reset-stats` (value: boolean, `true` = error counters only) → 200.
    * `start-maintenance`, `stop-maintenance`, `shutdown-node`,
      `decommission-node`, `rm-unsafe` (value `ActValRmNode`) and
      `decommission` (the whole cluster) → job id or empty; a malformed
      node id is a 400 (`node ID "..." is too short`).

    Args:
        frc (bool | Unset):
        transient (bool | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | str]
    """

    kwargs = _get_kwargs(
        body=body,
        frc=frc,
        transient=transient,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    frc: bool | Unset = UNSET,
    transient: bool | Unset = UNSET,
) -> ErrHTTP | str | None:
    """Start or stop a job, or shut the cluster down

     Body `ActMsg`:

    * `start` with `ArgsMsg` value (`Kind` required; `name` carries an
      extra argument such as the blob-download object name) → job id
      (text). `frc=true` forces the start.
    * `stop` with `ArgsMsg` value (`ID` and/or `Kind`) → 200, empty.
    * `shutdown` → 200, empty; the whole cluster shuts down.
    * `set-config` (value: `ConfigToSet`, a partial cluster config;
      `transient=true` keeps it in memory) → 200, empty.
    * `reset-config` → 200: back to the cluster's initial config (which
      drops runtime changes such as attached remote clusters).
    * `rotate-logs`, `reload-creds` (backend credentials),
      `clear-lcache` (object metadata cache) → 200, empty.
    * `reset-stats` (value: boolean, `true` = error counters only) → 200.
    * `start-maintenance`, `stop-maintenance`, `shutdown-node`,
      `decommission-node`, `rm-unsafe` (value `ActValRmNode`) and
      `decommission` (the whole cluster) → job id or empty; a malformed
      node id is a 400 (`node ID "..." is too short`).

    Args:
        frc (bool | Unset):
        transient (bool | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

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
            frc=frc,
            transient=transient,
        )
    ).parsed
