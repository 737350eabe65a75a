from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.disk_stats import DiskStats
from ...models.err_http import ErrHTTP
from ...models.get_daemon_info_severity import (
    GetDaemonInfoSeverity,
)
from ...models.get_daemon_info_what import GetDaemonInfoWhat
from ...models.json_object import JSONObject
from ...models.mem_cpu_info import MemCPUInfo
from ...models.metric_names import MetricNames
from ...models.mountpath_list import MountpathList
from ...models.node_stats import NodeStats
from ...models.node_status import NodeStatus
from ...models.smap import Smap
from ...models.smap_vote import SmapVote
from ...models.snode import Snode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    what: GetDaemonInfoWhat,
    severity: GetDaemonInfoSeverity | Unset = UNSET,
    offset: int | Unset = UNSET,
    all_: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_what: str = what
    params["what"] = json_what

    json_severity: str | Unset = UNSET
    if not isinstance(severity, Unset):
        json_severity = severity

    params["severity"] = json_severity

    params["offset"] = offset

    params["all"] = all_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/daemon",
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
) -> (
    DiskStats
    | JSONObject
    | MemCPUInfo
    | MetricNames
    | MountpathList
    | NodeStats
    | NodeStatus
    | Smap
    | SmapVote
    | Snode
    | ErrHTTP
    | None
):
    if response.status_code == 200:
        if not response.content:
            return None
        if not _is_json(response):
            return None

        def _parse_response_200(
            data: object,
        ) -> (
            DiskStats
            | JSONObject
            | MemCPUInfo
            | MetricNames
            | MountpathList
            | NodeStats
            | NodeStatus
            | Smap
            | SmapVote
            | Snode
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = Smap.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = NodeStatus.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_2 = NodeStats.from_dict(data)

                return response_200_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_3 = Snode.from_dict(data)

                return response_200_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_4 = MemCPUInfo.from_dict(data)

                return response_200_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_5 = MountpathList.from_dict(data)

                return response_200_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_6 = DiskStats.from_dict(data)

                return response_200_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_7 = SmapVote.from_dict(data)

                return response_200_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_8 = JSONObject.from_dict(data)

                return response_200_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_9 = MetricNames.from_dict(data)

            return response_200_type_9

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
) -> Response[
    DiskStats
    | JSONObject
    | MemCPUInfo
    | MetricNames
    | MountpathList
    | NodeStats
    | NodeStatus
    | Smap
    | SmapVote
    | Snode
    | ErrHTTP
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    what: GetDaemonInfoWhat,
    severity: GetDaemonInfoSeverity | Unset = UNSET,
    offset: int | Unset = UNSET,
    all_: bool | Unset = UNSET,
) -> Response[
    DiskStats
    | JSONObject
    | MemCPUInfo
    | MetricNames
    | MountpathList
    | NodeStats
    | NodeStatus
    | Smap
    | SmapVote
    | Snode
    | ErrHTTP
]:
    """Information about the node that receives the request

     `what=smap` → `Smap` (cluster map as seen by this node);
    `what=snode` → this node's `Snode`;
    `what=sysinfo` → `MemCPUInfo`;
    `what=node_stats` → `NodeStats`; `what=node_status` → `NodeStatus`;
    `what=metrics` → `MetricNames` (metric name → kind; the generated
    parser cannot tell it from an untyped object and returns `JSONObject`);
    `what=smapvote` → `SmapVote`;
    `what=config`, `bmd` → untyped JSON object (node config, bucket
    metadata);
    `what=log` → the node's current log (text; `severity`, `offset`;
    `all=true` → a gzipped TAR of all its logs);
    `what=software_version` → text, e.g. `5.0.v1.5.0`;
    `what=tls_certificate` → certificate info, **404** `no TLS
    certificate loaders configured` on an HTTP cluster.

    To ask another node, see `get_node_info` (`/v1/reverse/daemon`).

    Args:
        what (GetDaemonInfoWhat):
        severity (GetDaemonInfoSeverity | Unset):
        offset (int | Unset):
        all_ (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DiskStats | JSONObject | MemCPUInfo | MetricNames | MountpathList | NodeStats | NodeStatus | Smap | SmapVote | Snode | ErrHTTP]
    """

    kwargs = _get_kwargs(
        what=what,
        severity=severity,
        offset=offset,
        all_=all_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    what: GetDaemonInfoWhat,
    severity: GetDaemonInfoSeverity | Unset = UNSET,
    offset: int | Unset = UNSET,
    all_: bool | Unset = UNSET,
) -> (
    DiskStats
    | JSONObject
    | MemCPUInfo
    | MetricNames
    | MountpathList
    | NodeStats
    | NodeStatus
    | Smap
    | SmapVote
    | Snode
    | ErrHTTP
    | None
):
    """Information about the node that receives the request

     `what=smap` → `Smap` (cluster map as seen by this node);
    `what=snode` → this node's `Snode`;
    `what=sysinfo` → `MemCPUInfo`;
    `what=node_stats` → `NodeStats`; `what=node_status` → `NodeStatus`;
    `what=metrics` → `MetricNames` (metric name → kind; the generated
    parser cannot tell it from an untyped object and returns `JSONObject`);
    `what=smapvote` → `SmapVote`;
    `what=config`, `bmd` → untyped JSON object (node config, bucket
    metadata);
    `what=log` → the node's current log (text; `severity`, `offset`;
    `all=true` → a gzipped TAR of all its logs);
    `what=software_version` → text, e.g. `5.0.v1.5.0`;
    `what=tls_certificate` → certificate info, **404** `no TLS
    certificate loaders configured` on an HTTP cluster.

    To ask another node, see `get_node_info` (`/v1/reverse/daemon`).

    Args:
        what (GetDaemonInfoWhat):
        severity (GetDaemonInfoSeverity | Unset):
        offset (int | Unset):
        all_ (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DiskStats | JSONObject | MemCPUInfo | MetricNames | MountpathList | NodeStats | NodeStatus | Smap | SmapVote | Snode | ErrHTTP
    """

    return sync_detailed(
        client=client,
        what=what,
        severity=severity,
        offset=offset,
        all_=all_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    what: GetDaemonInfoWhat,
    severity: GetDaemonInfoSeverity | Unset = UNSET,
    offset: int | Unset = UNSET,
    all_: bool | Unset = UNSET,
) -> Response[
    DiskStats
    | JSONObject
    | MemCPUInfo
    | MetricNames
    | MountpathList
    | NodeStats
    | NodeStatus
    | Smap
    | SmapVote
    | Snode
    | ErrHTTP
]:
    """Information about the node that receives the request

     `what=smap` → `Smap` (cluster map as seen by this node);
    `what=snode` → this node's `Snode`;
    `what=sysinfo` → `MemCPUInfo`;
    `what=node_stats` → `NodeStats`; `what=node_status` → `NodeStatus`;
    `what=metrics` → `MetricNames` (metric name → kind; the generated
    parser cannot tell it from an untyped object and returns `JSONObject`);
    `what=smapvote` → `SmapVote`;
    `what=config`, `bmd` → untyped JSON object (node config, bucket
    metadata);
    `what=log` → the node's current log (text; `severity`, `offset`;
    `all=true` → a gzipped TAR of all its logs);
    `what=software_version` → text, e.g. `5.0.v1.5.0`;
    `what=tls_certificate` → certificate info, **404** `no TLS
    certificate loaders configured` on an HTTP cluster.

    To ask another node, see `get_node_info` (`/v1/reverse/daemon`).

    Args:
        what (GetDaemonInfoWhat):
        severity (GetDaemonInfoSeverity | Unset):
        offset (int | Unset):
        all_ (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DiskStats | JSONObject | MemCPUInfo | MetricNames | MountpathList | NodeStats | NodeStatus | Smap | SmapVote | Snode | ErrHTTP]
    """

    kwargs = _get_kwargs(
        what=what,
        severity=severity,
        offset=offset,
        all_=all_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    what: GetDaemonInfoWhat,
    severity: GetDaemonInfoSeverity | Unset = UNSET,
    offset: int | Unset = UNSET,
    all_: bool | Unset = UNSET,
) -> (
    DiskStats
    | JSONObject
    | MemCPUInfo
    | MetricNames
    | MountpathList
    | NodeStats
    | NodeStatus
    | Smap
    | SmapVote
    | Snode
    | ErrHTTP
    | None
):
    """Information about the node that receives the request

     `what=smap` → `Smap` (cluster map as seen by this node);
    `what=snode` → this node's `Snode`;
    `what=sysinfo` → `MemCPUInfo`;
    `what=node_stats` → `NodeStats`; `what=node_status` → `NodeStatus`;
    `what=metrics` → `MetricNames` (metric name → kind; the generated
    parser cannot tell it from an untyped object and returns `JSONObject`);
    `what=smapvote` → `SmapVote`;
    `what=config`, `bmd` → untyped JSON object (node config, bucket
    metadata);
    `what=log` → the node's current log (text; `severity`, `offset`;
    `all=true` → a gzipped TAR of all its logs);
    `what=software_version` → text, e.g. `5.0.v1.5.0`;
    `what=tls_certificate` → certificate info, **404** `no TLS
    certificate loaders configured` on an HTTP cluster.

    To ask another node, see `get_node_info` (`/v1/reverse/daemon`).

    Args:
        what (GetDaemonInfoWhat):
        severity (GetDaemonInfoSeverity | Unset):
        offset (int | Unset):
        all_ (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DiskStats | JSONObject | MemCPUInfo | MetricNames | MountpathList | NodeStats | NodeStatus | Smap | SmapVote | Snode | ErrHTTP
    """

    return (
        await asyncio_detailed(
            client=client,
            what=what,
            severity=severity,
            offset=offset,
            all_=all_,
        )
    ).parsed
