from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.act_msg import ActMsg
from ...models.bsumm_result import BsummResult
from ...models.err_http import ErrHTTP
from ...models.lso_res import LsoRes
from ...models.nbi_info_map import NBIInfoMap
from ...models.provider import Provider
from ...models.shard_summ_result import ShardSummResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    bucket: str,
    *,
    body: ActMsg | Unset = UNSET,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["namespace"] = namespace

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/buckets/{bucket}".format(
            bucket=quote(str(bucket), safe=""),
        ),
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
) -> ErrHTTP | list[BsummResult] | LsoRes | NBIInfoMap | ShardSummResult | str | None:
    if response.status_code == 200:
        if not response.content:
            return None
        if not _is_json(response):
            return None

        def _parse_response_200(
            data: object,
        ) -> list[BsummResult] | LsoRes | NBIInfoMap | ShardSummResult:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = LsoRes.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_1 = []
                _response_200_type_1 = data
                for response_200_type_1_item_data in _response_200_type_1:
                    response_200_type_1_item = BsummResult.from_dict(
                        response_200_type_1_item_data
                    )

                    response_200_type_1.append(response_200_type_1_item)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_2 = ShardSummResult.from_dict(data)

                return response_200_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_3 = NBIInfoMap.from_dict(data)

            return response_200_type_3

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = response.text
        return response_202

    if response.status_code == 206:
        if not response.content:
            return None
        if not _is_json(response):
            return None

        def _parse_response_206(data: object) -> list[BsummResult] | ShardSummResult:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_206_type_0 = []
                _response_206_type_0 = data
                for response_206_type_0_item_data in _response_206_type_0:
                    response_206_type_0_item = BsummResult.from_dict(
                        response_206_type_0_item_data
                    )

                    response_206_type_0.append(response_206_type_0_item)

                return response_206_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_206_type_1 = ShardSummResult.from_dict(data)

            return response_206_type_1

        response_206 = _parse_response_206(response.json())

        return response_206

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
    ErrHTTP | list[BsummResult] | LsoRes | NBIInfoMap | ShardSummResult | str
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg | Unset = UNSET,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
) -> Response[
    ErrHTTP | list[BsummResult] | LsoRes | NBIInfoMap | ShardSummResult | str
]:
    """List objects (one page), or run a bucket summary

     Body `ActMsg`:

    * `list` with an `LsoMsg` value (`{}` for defaults) → one page,
      `LsoRes`. Paginate by echoing `uuid` and `continuation_token` in the
      next request's `LsoMsg`; an empty `continuation_token` in the
      response ends the listing. With `Accept: application/msgpack` the
      page is msgpack (`LsoResMsgpack`, short keys, integer `s`).
    * `summary-bck` with a `BsummCtrlMsg` value: the first call (empty
      `uuid`) starts the job and answers **202** with the job id (text);
      repeat with `value.uuid=<id>` until 200. 202 = not ready (body
      `[]`), 206 = partial, 200 = final array of `BsummResult`. Summary
      results are written after the status line, hence without a
      Content-Type (sniffed `text/plain`).

    * `summary-shard` with a `ShardSummMsg` value: as `summary-bck` (202
      with the job id, then poll with `value.uuid`) until 200 with one
      `ShardSummResult` (TAR shards and their indexes).
    * `show-inventory` (`name` = inventory name, empty = all) → 200,
      `NBIInfoMap` (`{}` when there is none).

    Listing through an inventory is `list` with flag 32768 (a bucket
    without one: 400 `has no inventories`). Listing the members of
    archives is `list` with flag 8 (arch-dir).

    Without a body (and without a JSON Content-Type) the server assumes
    `{"action":"list","value":{}}`.

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        body (ActMsg | Unset): Action message `{"action", "name", "value"}`. `value` depends on
            the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | list[BsummResult] | LsoRes | NBIInfoMap | ShardSummResult | list[BsummResult] | ShardSummResult | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        body=body,
        provider=provider,
        namespace=namespace,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg | Unset = UNSET,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
) -> ErrHTTP | list[BsummResult] | LsoRes | NBIInfoMap | ShardSummResult | str | None:
    """List objects (one page), or run a bucket summary

     Body `ActMsg`:

    * `list` with an `LsoMsg` value (`{}` for defaults) → one page,
      `LsoRes`. Paginate by echoing `uuid` and `continuation_token` in the
      next request's `LsoMsg`; an empty `continuation_token` in the
      response ends the listing. With `Accept: application/msgpack` the
      page is msgpack (`LsoResMsgpack`, short keys, integer `s`).
    * `summary-bck` with a `BsummCtrlMsg` value: the first call (empty
      `uuid`) starts the job and answers **202** with the job id (text);
      repeat with `value.uuid=<id>` until 200. 202 = not ready (body
      `[]`), 206 = partial, 200 = final array of `BsummResult`. Summary
      results are written after the status line, hence without a
      Content-Type (sniffed `text/plain`).

    * `summary-shard` with a `ShardSummMsg` value: as `summary-bck` (202
      with the job id, then poll with `value.uuid`) until 200 with one
      `ShardSummResult` (TAR shards and their indexes).
    * `show-inventory` (`name` = inventory name, empty = all) → 200,
      `NBIInfoMap` (`{}` when there is none).

    Listing through an inventory is `list` with flag 32768 (a bucket
    without one: 400 `has no inventories`). Listing the members of
    archives is `list` with flag 8 (arch-dir).

    Without a body (and without a JSON Content-Type) the server assumes
    `{"action":"list","value":{}}`.

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        body (ActMsg | Unset): Action message `{"action", "name", "value"}`. `value` depends on
            the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | list[BsummResult] | LsoRes | NBIInfoMap | ShardSummResult | list[BsummResult] | ShardSummResult | str
    """

    return sync_detailed(
        bucket=bucket,
        client=client,
        body=body,
        provider=provider,
        namespace=namespace,
    ).parsed


async def asyncio_detailed(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg | Unset = UNSET,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
) -> Response[
    ErrHTTP | list[BsummResult] | LsoRes | NBIInfoMap | ShardSummResult | str
]:
    """List objects (one page), or run a bucket summary

     Body `ActMsg`:

    * `list` with an `LsoMsg` value (`{}` for defaults) → one page,
      `LsoRes`. Paginate by echoing `uuid` and `continuation_token` in the
      next request's `LsoMsg`; an empty `continuation_token` in the
      response ends the listing. With `Accept: application/msgpack` the
      page is msgpack (`LsoResMsgpack`, short keys, integer `s`).
    * `summary-bck` with a `BsummCtrlMsg` value: the first call (empty
      `uuid`) starts the job and answers **202** with the job id (text);
      repeat with `value.uuid=<id>` until 200. 202 = not ready (body
      `[]`), 206 = partial, 200 = final array of `BsummResult`. Summary
      results are written after the status line, hence without a
      Content-Type (sniffed `text/plain`).

    * `summary-shard` with a `ShardSummMsg` value: as `summary-bck` (202
      with the job id, then poll with `value.uuid`) until 200 with one
      `ShardSummResult` (TAR shards and their indexes).
    * `show-inventory` (`name` = inventory name, empty = all) → 200,
      `NBIInfoMap` (`{}` when there is none).

    Listing through an inventory is `list` with flag 32768 (a bucket
    without one: 400 `has no inventories`). Listing the members of
    archives is `list` with flag 8 (arch-dir).

    Without a body (and without a JSON Content-Type) the server assumes
    `{"action":"list","value":{}}`.

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        body (ActMsg | Unset): Action message `{"action", "name", "value"}`. `value` depends on
            the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | list[BsummResult] | LsoRes | NBIInfoMap | ShardSummResult | list[BsummResult] | ShardSummResult | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        body=body,
        provider=provider,
        namespace=namespace,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg | Unset = UNSET,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
) -> ErrHTTP | list[BsummResult] | LsoRes | NBIInfoMap | ShardSummResult | str | None:
    """List objects (one page), or run a bucket summary

     Body `ActMsg`:

    * `list` with an `LsoMsg` value (`{}` for defaults) → one page,
      `LsoRes`. Paginate by echoing `uuid` and `continuation_token` in the
      next request's `LsoMsg`; an empty `continuation_token` in the
      response ends the listing. With `Accept: application/msgpack` the
      page is msgpack (`LsoResMsgpack`, short keys, integer `s`).
    * `summary-bck` with a `BsummCtrlMsg` value: the first call (empty
      `uuid`) starts the job and answers **202** with the job id (text);
      repeat with `value.uuid=<id>` until 200. 202 = not ready (body
      `[]`), 206 = partial, 200 = final array of `BsummResult`. Summary
      results are written after the status line, hence without a
      Content-Type (sniffed `text/plain`).

    * `summary-shard` with a `ShardSummMsg` value: as `summary-bck` (202
      with the job id, then poll with `value.uuid`) until 200 with one
      `ShardSummResult` (TAR shards and their indexes).
    * `show-inventory` (`name` = inventory name, empty = all) → 200,
      `NBIInfoMap` (`{}` when there is none).

    Listing through an inventory is `list` with flag 32768 (a bucket
    without one: 400 `has no inventories`). Listing the members of
    archives is `list` with flag 8 (arch-dir).

    Without a body (and without a JSON Content-Type) the server assumes
    `{"action":"list","value":{}}`.

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        body (ActMsg | Unset): Action message `{"action", "name", "value"}`. `value` depends on
            the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | list[BsummResult] | LsoRes | NBIInfoMap | ShardSummResult | list[BsummResult] | ShardSummResult | str
    """

    return (
        await asyncio_detailed(
            bucket=bucket,
            client=client,
            body=body,
            provider=provider,
            namespace=namespace,
        )
    ).parsed
