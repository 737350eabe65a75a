from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cluster_mountpaths import ClusterMountpaths
from ...models.cluster_stats import ClusterStats
from ...models.cluster_sys_info import ClusterSysInfo
from ...models.err_http import ErrHTTP
from ...models.job_snaps_by_target import JobSnapsByTarget
from ...models.job_status import JobStatus
from ...models.json_object import JSONObject
from ...models.query_cluster_what import QueryClusterWhat
from ...models.query_msg import QueryMsg
from ...models.remote_clusters import RemoteClusters
from ...models.smap import Smap
from ...models.smap_vote import SmapVote
from ...models.snode import Snode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: QueryMsg | Unset = UNSET,
    what: QueryClusterWhat,
    frc: bool | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_what: str = what
    params["what"] = json_what

    params["frc"] = frc

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cluster",
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    if not isinstance(body, Unset):
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
) -> (
    ClusterMountpaths
    | ClusterStats
    | ClusterSysInfo
    | JobSnapsByTarget
    | JobStatus
    | JSONObject
    | list[JobStatus]
    | list[str]
    | None
    | RemoteClusters
    | Smap
    | SmapVote
    | Snode
    | ErrHTTP
):
    if response.status_code == 200:
        if not response.content:
            return None
        if not _is_json(response):
            return None

        def _parse_response_200(
            data: object,
        ) -> (
            ClusterMountpaths
            | ClusterStats
            | ClusterSysInfo
            | JobSnapsByTarget
            | JobStatus
            | JSONObject
            | list[JobStatus]
            | list[str]
            | None
            | RemoteClusters
            | Smap
            | SmapVote
            | Snode
        ):
            if data is None:
                return data
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
                response_200_type_1 = RemoteClusters.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_2 = JobStatus.from_dict(data)

                return response_200_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_3 = ClusterStats.from_dict(data)

                return response_200_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_4 = ClusterSysInfo.from_dict(data)

                return response_200_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_5 = ClusterMountpaths.from_dict(data)

                return response_200_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_6 = SmapVote.from_dict(data)

                return response_200_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_7 = Snode.from_dict(data)

                return response_200_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_8 = JobSnapsByTarget.from_dict(data)

                return response_200_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_9 = JSONObject.from_dict(data)

                return response_200_type_9
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_10 = []
                _response_200_type_10 = data
                for response_200_type_10_item_data in _response_200_type_10:
                    response_200_type_10_item = JobStatus.from_dict(
                        response_200_type_10_item_data
                    )

                    response_200_type_10.append(response_200_type_10_item)

                return response_200_type_10
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_11 = cast(list[str], data)

                return response_200_type_11
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ClusterMountpaths
                | ClusterStats
                | ClusterSysInfo
                | JobSnapsByTarget
                | JobStatus
                | JSONObject
                | list[JobStatus]
                | list[str]
                | None
                | RemoteClusters
                | Smap
                | SmapVote
                | Snode,
                data,
            )

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
    ClusterMountpaths
    | ClusterStats
    | ClusterSysInfo
    | JobSnapsByTarget
    | JobStatus
    | JSONObject
    | list[JobStatus]
    | list[str]
    | None
    | RemoteClusters
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
    body: QueryMsg | Unset = UNSET,
    what: QueryClusterWhat,
    frc: bool | Unset = UNSET,
) -> Response[
    ClusterMountpaths
    | ClusterStats
    | ClusterSysInfo
    | JobSnapsByTarget
    | JobStatus
    | JSONObject
    | list[JobStatus]
    | list[str]
    | None
    | RemoteClusters
    | Smap
    | SmapVote
    | Snode
    | ErrHTTP
]:
    """Query jobs (xactions) and cluster-wide information

     Selected by `what=`:

    * `status` → `JobStatus` of one job (IC view); body `QueryMsg` with
      `id` and/or `kind` (else 400); 404 if no such job.
    * `status_all` → array of `JobStatus` (may be `null` when nothing
      matches); `frc=true` refreshes stats from the targets first.
    * `qryxstats` → `JobSnapsByTarget` (target id → array of `JobSnap`);
      404 if nothing matched.
    * `running_all` → array of `"kind[id]"` strings.
    * `remote` → `RemoteClusters` (attached remote AIS clusters).
    * `smap` → `Smap`; `snode` → the primary's `Snode`; `smapvote` →
      `SmapVote`.
    * `backends` → array of configured backend provider names.
    * `node_stats` → `ClusterStats` (performance counters and capacity of
      every node; Go `api.GetClusterStats`).
    * `sysinfo` → `ClusterSysInfo` (memory/CPU by node; the `proxy` map
      is empty in 5.0).
    * `mountpaths` → `ClusterMountpaths`.
    * `target_ips` → text, the comma-separated IPs of all targets'
      networks.
    * `cluster_config` → the cluster config (untyped JSON object).
    * `bmd` → the bucket metadata (untyped JSON object).

    `status`, `status_all`, `qryxstats` and `running_all` require a JSON
    `QueryMsg` body (an empty body is a 400). The keys are matched
    case-insensitively, so the capitalized `ArgsMsg` keys also work.
    `status` and `status_all` are written without a Content-Type.

    Args:
        what (QueryClusterWhat):
        frc (bool | Unset):
        body (QueryMsg | Unset): Job query (`xact.QueryMsg`), body of `query_cluster`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClusterMountpaths | ClusterStats | ClusterSysInfo | JobSnapsByTarget | JobStatus | JSONObject | list[JobStatus] | list[str] | None | RemoteClusters | Smap | SmapVote | Snode | ErrHTTP]
    """

    kwargs = _get_kwargs(
        body=body,
        what=what,
        frc=frc,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: QueryMsg | Unset = UNSET,
    what: QueryClusterWhat,
    frc: bool | Unset = UNSET,
) -> (
    ClusterMountpaths
    | ClusterStats
    | ClusterSysInfo
    | JobSnapsByTarget
    | JobStatus
    | JSONObject
    | list[JobStatus]
    | list[str]
    | None
    | RemoteClusters
    | Smap
    | SmapVote
    | Snode
    | ErrHTTP
):
    """Query jobs (xactions) and cluster-wide information

     Selected by `what=`:

    * `status` → `JobStatus` of one job (IC view); body `QueryMsg` with
      `id` and/or `kind` (else 400); 404 if no such job.
    * `status_all` → array of `JobStatus` (may be `null` when nothing
      matches); `frc=true` refreshes stats from the targets first.
    * `qryxstats` → `JobSnapsByTarget` (target id → array of `JobSnap`);
      404 if nothing matched.
    * `running_all` → array of `"kind[id]"` strings.
    * `remote` → `RemoteClusters` (attached remote AIS clusters).
    * `smap` → `Smap`; `snode` → the primary's `Snode`; `smapvote` →
      `SmapVote`.
    * `backends` → array of configured backend provider names.
    * `node_stats` → `ClusterStats` (performance counters and capacity of
      every node; Go `api.GetClusterStats`).
    * `sysinfo` → `ClusterSysInfo` (memory/CPU by node; the `proxy` map
      is empty in 5.0).
    * `mountpaths` → `ClusterMountpaths`.
    * `target_ips` → text, the comma-separated IPs of all targets'
      networks.
    * `cluster_config` → the cluster config (untyped JSON object).
    * `bmd` → the bucket metadata (untyped JSON object).

    `status`, `status_all`, `qryxstats` and `running_all` require a JSON
    `QueryMsg` body (an empty body is a 400). The keys are matched
    case-insensitively, so the capitalized `ArgsMsg` keys also work.
    `status` and `status_all` are written without a Content-Type.

    Args:
        what (QueryClusterWhat):
        frc (bool | Unset):
        body (QueryMsg | Unset): Job query (`xact.QueryMsg`), body of `query_cluster`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClusterMountpaths | ClusterStats | ClusterSysInfo | JobSnapsByTarget | JobStatus | JSONObject | list[JobStatus] | list[str] | None | RemoteClusters | Smap | SmapVote | Snode | ErrHTTP
    """

    return sync_detailed(
        client=client,
        body=body,
        what=what,
        frc=frc,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: QueryMsg | Unset = UNSET,
    what: QueryClusterWhat,
    frc: bool | Unset = UNSET,
) -> Response[
    ClusterMountpaths
    | ClusterStats
    | ClusterSysInfo
    | JobSnapsByTarget
    | JobStatus
    | JSONObject
    | list[JobStatus]
    | list[str]
    | None
    | RemoteClusters
    | Smap
    | SmapVote
    | Snode
    | ErrHTTP
]:
    """Query jobs (xactions) and cluster-wide information

     Selected by `what=`:

    * `status` → `JobStatus` of one job (IC view); body `QueryMsg` with
      `id` and/or `kind` (else 400); 404 if no such job.
    * `status_all` → array of `JobStatus` (may be `null` when nothing
      matches); `frc=true` refreshes stats from the targets first.
    * `qryxstats` → `JobSnapsByTarget` (target id → array of `JobSnap`);
      404 if nothing matched.
    * `running_all` → array of `"kind[id]"` strings.
    * `remote` → `RemoteClusters` (attached remote AIS clusters).
    * `smap` → `Smap`; `snode` → the primary's `Snode`; `smapvote` →
      `SmapVote`.
    * `backends` → array of configured backend provider names.
    * `node_stats` → `ClusterStats` (performance counters and capacity of
      every node; Go `api.GetClusterStats`).
    * `sysinfo` → `ClusterSysInfo` (memory/CPU by node; the `proxy` map
      is empty in 5.0).
    * `mountpaths` → `ClusterMountpaths`.
    * `target_ips` → text, the comma-separated IPs of all targets'
      networks.
    * `cluster_config` → the cluster config (untyped JSON object).
    * `bmd` → the bucket metadata (untyped JSON object).

    `status`, `status_all`, `qryxstats` and `running_all` require a JSON
    `QueryMsg` body (an empty body is a 400). The keys are matched
    case-insensitively, so the capitalized `ArgsMsg` keys also work.
    `status` and `status_all` are written without a Content-Type.

    Args:
        what (QueryClusterWhat):
        frc (bool | Unset):
        body (QueryMsg | Unset): Job query (`xact.QueryMsg`), body of `query_cluster`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClusterMountpaths | ClusterStats | ClusterSysInfo | JobSnapsByTarget | JobStatus | JSONObject | list[JobStatus] | list[str] | None | RemoteClusters | Smap | SmapVote | Snode | ErrHTTP]
    """

    kwargs = _get_kwargs(
        body=body,
        what=what,
        frc=frc,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: QueryMsg | Unset = UNSET,
    what: QueryClusterWhat,
    frc: bool | Unset = UNSET,
) -> (
    ClusterMountpaths
    | ClusterStats
    | ClusterSysInfo
    | JobSnapsByTarget
    | JobStatus
    | JSONObject
    | list[JobStatus]
    | list[str]
    | None
    | RemoteClusters
    | Smap
    | SmapVote
    | Snode
    | ErrHTTP
):
    """Query jobs (xactions) and cluster-wide information

     Selected by `what=`:

    * `status` → `JobStatus` of one job (IC view); body `QueryMsg` with
      `id` and/or `kind` (else 400); 404 if no such job.
    * `status_all` → array of `JobStatus` (may be `null` when nothing
      matches); `frc=true` refreshes stats from the targets first.
    * `qryxstats` → `JobSnapsByTarget` (target id → array of `JobSnap`);
      404 if nothing matched.
    * `running_all` → array of `"kind[id]"` strings.
    * `remote` → `RemoteClusters` (attached remote AIS clusters).
    * `smap` → `Smap`; `snode` → the primary's `Snode`; `smapvote` →
      `SmapVote`.
    * `backends` → array of configured backend provider names.
    * `node_stats` → `ClusterStats` (performance counters and capacity of
      every node; Go `api.GetClusterStats`).
    * `sysinfo` → `ClusterSysInfo` (memory/CPU by node; the `proxy` map
      is empty in 5.0).
    * `mountpaths` → `ClusterMountpaths`.
    * `target_ips` → text, the comma-separated IPs of all targets'
      networks.
    * `cluster_config` → the cluster config (untyped JSON object).
    * `bmd` → the bucket metadata (untyped JSON object).

    `status`, `status_all`, `qryxstats` and `running_all` require a JSON
    `QueryMsg` body (an empty body is a 400). The keys are matched
    case-insensitively, so the capitalized `ArgsMsg` keys also work.
    `status` and `status_all` are written without a Content-Type.

    Args:
        what (QueryClusterWhat):
        frc (bool | Unset):
        body (QueryMsg | Unset): Job query (`xact.QueryMsg`), body of `query_cluster`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClusterMountpaths | ClusterStats | ClusterSysInfo | JobSnapsByTarget | JobStatus | JSONObject | list[JobStatus] | list[str] | None | RemoteClusters | Smap | SmapVote | Snode | ErrHTTP
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            what=what,
            frc=frc,
        )
    ).parsed
