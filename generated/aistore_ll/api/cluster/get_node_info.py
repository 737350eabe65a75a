from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.disk_stats import DiskStats
from ...models.err_http import ErrHTTP
from ...models.get_node_info_severity import (
    GetNodeInfoSeverity,
)
from ...models.get_node_info_what import GetNodeInfoWhat
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
    what: GetNodeInfoWhat,
    severity: GetNodeInfoSeverity | Unset = UNSET,
    offset: int | Unset = UNSET,
    all_: bool | Unset = UNSET,
    ais_node_id: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Ais-Node-Id"] = ais_node_id

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
        "url": "/v1/reverse/daemon",
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
    what: GetNodeInfoWhat,
    severity: GetNodeInfoSeverity | Unset = UNSET,
    offset: int | Unset = UNSET,
    all_: bool | Unset = UNSET,
    ais_node_id: str,
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
    """Information about any node, by id (the proxy forwards to it)

     The proxy forwards the request to the node named in `Ais-Node-Id`
    (a reverse proxy, no redirect) and relays its `/v1/daemon` answer.
    Same `what=` values as `get_daemon_info` (`smap`, `snode`,
    `sysinfo`, `config`, `bmd`, `node_stats`, `node_status`, `metrics`,
    `smapvote`, `log`, `software_version`, `tls_certificate`), plus, on
    targets, `mountpaths` (`MountpathList`) and `disk` (`DiskStats`).
    Go `api.GetDaemonStats`, `GetStatsAndStatus`, `GetDaemonLog`,
    `GetMountpaths`, `GetDaemonConfig`, `GetMetricNames`,
    `GetSoftwareVersion`, `GetDiskRWUtilCap`, `GetNodeClusterMap`,
    `GetNodeMeta`, `GetAnyStats` use this route.
    A missing `Ais-Node-Id` is a 400 (`missing node ID`); an unknown id
    is a 404 (`errNodeNotFound`).

    Args:
        what (GetNodeInfoWhat):
        severity (GetNodeInfoSeverity | Unset):
        offset (int | Unset):
        all_ (bool | Unset):
        ais_node_id (str):

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
        ais_node_id=ais_node_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    what: GetNodeInfoWhat,
    severity: GetNodeInfoSeverity | Unset = UNSET,
    offset: int | Unset = UNSET,
    all_: bool | Unset = UNSET,
    ais_node_id: str,
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
    """Information about any node, by id (the proxy forwards to it)

     The proxy forwards the request to the node named in `Ais-Node-Id`
    (a reverse proxy, no redirect) and relays its `/v1/daemon` answer.
    Same `what=` values as `get_daemon_info` (`smap`, `snode`,
    `sysinfo`, `config`, `bmd`, `node_stats`, `node_status`, `metrics`,
    `smapvote`, `log`, `software_version`, `tls_certificate`), plus, on
    targets, `mountpaths` (`MountpathList`) and `disk` (`DiskStats`).
    Go `api.GetDaemonStats`, `GetStatsAndStatus`, `GetDaemonLog`,
    `GetMountpaths`, `GetDaemonConfig`, `GetMetricNames`,
    `GetSoftwareVersion`, `GetDiskRWUtilCap`, `GetNodeClusterMap`,
    `GetNodeMeta`, `GetAnyStats` use this route.
    A missing `Ais-Node-Id` is a 400 (`missing node ID`); an unknown id
    is a 404 (`errNodeNotFound`).

    Args:
        what (GetNodeInfoWhat):
        severity (GetNodeInfoSeverity | Unset):
        offset (int | Unset):
        all_ (bool | Unset):
        ais_node_id (str):

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
        ais_node_id=ais_node_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    what: GetNodeInfoWhat,
    severity: GetNodeInfoSeverity | Unset = UNSET,
    offset: int | Unset = UNSET,
    all_: bool | Unset = UNSET,
    ais_node_id: str,
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
    """Information about any node, by id (the proxy forwards to it)

     The proxy forwards the request to the node named in `Ais-Node-Id`
    (a reverse proxy, no redirect) and relays its `/v1/daemon` answer.
    Same `what=` values as `get_daemon_info` (`smap`, `snode`,
    `sysinfo`, `config`, `bmd`, `node_stats`, `node_status`, `metrics`,
    `smapvote`, `log`, `software_version`, `tls_certificate`), plus, on
    targets, `mountpaths` (`MountpathList`) and `disk` (`DiskStats`).
    Go `api.GetDaemonStats`, `GetStatsAndStatus`, `GetDaemonLog`,
    `GetMountpaths`, `GetDaemonConfig`, `GetMetricNames`,
    `GetSoftwareVersion`, `GetDiskRWUtilCap`, `GetNodeClusterMap`,
    `GetNodeMeta`, `GetAnyStats` use this route.
    A missing `Ais-Node-Id` is a 400 (`missing node ID`); an unknown id
    is a 404 (`errNodeNotFound`).

    Args:
        what (GetNodeInfoWhat):
        severity (GetNodeInfoSeverity | Unset):
        offset (int | Unset):
        all_ (bool | Unset):
        ais_node_id (str):

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
        ais_node_id=ais_node_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    what: GetNodeInfoWhat,
    severity: GetNodeInfoSeverity | Unset = UNSET,
    offset: int | Unset = UNSET,
    all_: bool | Unset = UNSET,
    ais_node_id: str,
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
    """Information about any node, by id (the proxy forwards to it)

     The proxy forwards the request to the node named in `Ais-Node-Id`
    (a reverse proxy, no redirect) and relays its `/v1/daemon` answer.
    Same `what=` values as `get_daemon_info` (`smap`, `snode`,
    `sysinfo`, `config`, `bmd`, `node_stats`, `node_status`, `metrics`,
    `smapvote`, `log`, `software_version`, `tls_certificate`), plus, on
    targets, `mountpaths` (`MountpathList`) and `disk` (`DiskStats`).
    Go `api.GetDaemonStats`, `GetStatsAndStatus`, `GetDaemonLog`,
    `GetMountpaths`, `GetDaemonConfig`, `GetMetricNames`,
    `GetSoftwareVersion`, `GetDiskRWUtilCap`, `GetNodeClusterMap`,
    `GetNodeMeta`, `GetAnyStats` use this route.
    A missing `Ais-Node-Id` is a 400 (`missing node ID`); an unknown id
    is a 404 (`errNodeNotFound`).

    Args:
        what (GetNodeInfoWhat):
        severity (GetNodeInfoSeverity | Unset):
        offset (int | Unset):
        all_ (bool | Unset):
        ais_node_id (str):

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
            ais_node_id=ais_node_id,
        )
    ).parsed
