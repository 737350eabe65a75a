from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.act_msg import ActMsg
from ...models.err_http import ErrHTTP
from ...models.presence import Presence
from ...models.provider import Provider
from ...types import UNSET, Response, Unset


def _get_kwargs(
    bucket: str,
    *,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    bck_to: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
    dont_head_remote_bck: bool | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["namespace"] = namespace

    params["bck_to"] = bck_to

    json_presence: int | Unset = UNSET
    if not isinstance(presence, Unset):
        json_presence = presence

    params["presence"] = json_presence

    params["dont_head_remote_bck"] = dont_head_remote_bck

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/buckets/{bucket}".format(
            bucket=quote(str(bucket), safe=""),
        ),
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
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    bck_to: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
    dont_head_remote_bck: bool | Unset = UNSET,
) -> Response[ErrHTTP | str]:
    """Create, rename, copy or transform a bucket; multi-object copy/transform/prefetch

     Body `ActMsg`:

    * `create-bck` (optional `BpropsToSet` value) → 200, empty. 409 if the
      bucket exists; 501 for a remote bucket that does not exist.
    * `move-bck` (rename; `bck_to` required, destination must not exist)
      → job id.
    * `copy-bck` / `etl-bck` with a `TCBMsg` value (`bck_to` required; the
      destination is created if missing) → job id. `etl-bck` with an
      unknown ETL (or in a build without ETL) → 404.
    * `copy-listrange` / `etl-listrange` with a `TCOMsg` value (the
      destination is `tobck`) → job id(s), comma-separated.
    * `prefetch-listrange` with a `PrefetchMsg` value (remote buckets
      only) → job id.
    * `make-n-copies` (value: integer number of copies, at most the
      target's mountpaths) → job id.
    * `ec-encode` (value: the JSON text of an `ECEncodeMsg`, a string;
      `name: recover` also checks and recovers slices) → job id; needs
      at least data + parity + 1 targets (else 400
      `ErrNotEnoughTargets`).
    * `rechunk` (value: `RechunkMsg`) → job id.
    * `index-shard` (value: `IndexShardMsg`) → job id (indexes the
      bucket's TAR shards).
    * `create-inventory` (value: `CreateNBIMsg`) → job id: a native
      bucket inventory (NBI), then listed with `LsoMsg.flags` 32768.
      **On an ais:// bucket without a backend this crashes every target
      in 5.0** (nil dereference in `target.Backend`,
      `xact/xs/create_nbi.go:195`); it is meant for remote buckets
      (a remote AIS bucket works).

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        bck_to (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        dont_head_remote_bck (bool | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        body=body,
        provider=provider,
        namespace=namespace,
        bck_to=bck_to,
        presence=presence,
        dont_head_remote_bck=dont_head_remote_bck,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    bck_to: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
    dont_head_remote_bck: bool | Unset = UNSET,
) -> ErrHTTP | str | None:
    """Create, rename, copy or transform a bucket; multi-object copy/transform/prefetch

     Body `ActMsg`:

    * `create-bck` (optional `BpropsToSet` value) → 200, empty. 409 if the
      bucket exists; 501 for a remote bucket that does not exist.
    * `move-bck` (rename; `bck_to` required, destination must not exist)
      → job id.
    * `copy-bck` / `etl-bck` with a `TCBMsg` value (`bck_to` required; the
      destination is created if missing) → job id. `etl-bck` with an
      unknown ETL (or in a build without ETL) → 404.
    * `copy-listrange` / `etl-listrange` with a `TCOMsg` value (the
      destination is `tobck`) → job id(s), comma-separated.
    * `prefetch-listrange` with a `PrefetchMsg` value (remote buckets
      only) → job id.
    * `make-n-copies` (value: integer number of copies, at most the
      target's mountpaths) → job id.
    * `ec-encode` (value: the JSON text of an `ECEncodeMsg`, a string;
      `name: recover` also checks and recovers slices) → job id; needs
      at least data + parity + 1 targets (else 400
      `ErrNotEnoughTargets`).
    * `rechunk` (value: `RechunkMsg`) → job id.
    * `index-shard` (value: `IndexShardMsg`) → job id (indexes the
      bucket's TAR shards).
    * `create-inventory` (value: `CreateNBIMsg`) → job id: a native
      bucket inventory (NBI), then listed with `LsoMsg.flags` 32768.
      **On an ais:// bucket without a backend this crashes every target
      in 5.0** (nil dereference in `target.Backend`,
      `xact/xs/create_nbi.go:195`); it is meant for remote buckets
      (a remote AIS bucket works).

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        bck_to (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        dont_head_remote_bck (bool | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrHTTP | str
    """

    return sync_detailed(
        bucket=bucket,
        client=client,
        body=body,
        provider=provider,
        namespace=namespace,
        bck_to=bck_to,
        presence=presence,
        dont_head_remote_bck=dont_head_remote_bck,
    ).parsed


async def asyncio_detailed(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    bck_to: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
    dont_head_remote_bck: bool | Unset = UNSET,
) -> Response[ErrHTTP | str]:
    """Create, rename, copy or transform a bucket; multi-object copy/transform/prefetch

     Body `ActMsg`:

    * `create-bck` (optional `BpropsToSet` value) → 200, empty. 409 if the
      bucket exists; 501 for a remote bucket that does not exist.
    * `move-bck` (rename; `bck_to` required, destination must not exist)
      → job id.
    * `copy-bck` / `etl-bck` with a `TCBMsg` value (`bck_to` required; the
      destination is created if missing) → job id. `etl-bck` with an
      unknown ETL (or in a build without ETL) → 404.
    * `copy-listrange` / `etl-listrange` with a `TCOMsg` value (the
      destination is `tobck`) → job id(s), comma-separated.
    * `prefetch-listrange` with a `PrefetchMsg` value (remote buckets
      only) → job id.
    * `make-n-copies` (value: integer number of copies, at most the
      target's mountpaths) → job id.
    * `ec-encode` (value: the JSON text of an `ECEncodeMsg`, a string;
      `name: recover` also checks and recovers slices) → job id; needs
      at least data + parity + 1 targets (else 400
      `ErrNotEnoughTargets`).
    * `rechunk` (value: `RechunkMsg`) → job id.
    * `index-shard` (value: `IndexShardMsg`) → job id (indexes the
      bucket's TAR shards).
    * `create-inventory` (value: `CreateNBIMsg`) → job id: a native
      bucket inventory (NBI), then listed with `LsoMsg.flags` 32768.
      **On an ais:// bucket without a backend this crashes every target
      in 5.0** (nil dereference in `target.Backend`,
      `xact/xs/create_nbi.go:195`); it is meant for remote buckets
      (a remote AIS bucket works).

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        bck_to (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        dont_head_remote_bck (bool | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrHTTP | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        body=body,
        provider=provider,
        namespace=namespace,
        bck_to=bck_to,
        presence=presence,
        dont_head_remote_bck=dont_head_remote_bck,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    bck_to: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
    dont_head_remote_bck: bool | Unset = UNSET,
) -> ErrHTTP | str | None:
    """Create, rename, copy or transform a bucket; multi-object copy/transform/prefetch

     Body `ActMsg`:

    * `create-bck` (optional `BpropsToSet` value) → 200, empty. 409 if the
      bucket exists; 501 for a remote bucket that does not exist.
    * `move-bck` (rename; `bck_to` required, destination must not exist)
      → job id.
    * `copy-bck` / `etl-bck` with a `TCBMsg` value (`bck_to` required; the
      destination is created if missing) → job id. `etl-bck` with an
      unknown ETL (or in a build without ETL) → 404.
    * `copy-listrange` / `etl-listrange` with a `TCOMsg` value (the
      destination is `tobck`) → job id(s), comma-separated.
    * `prefetch-listrange` with a `PrefetchMsg` value (remote buckets
      only) → job id.
    * `make-n-copies` (value: integer number of copies, at most the
      target's mountpaths) → job id.
    * `ec-encode` (value: the JSON text of an `ECEncodeMsg`, a string;
      `name: recover` also checks and recovers slices) → job id; needs
      at least data + parity + 1 targets (else 400
      `ErrNotEnoughTargets`).
    * `rechunk` (value: `RechunkMsg`) → job id.
    * `index-shard` (value: `IndexShardMsg`) → job id (indexes the
      bucket's TAR shards).
    * `create-inventory` (value: `CreateNBIMsg`) → job id: a native
      bucket inventory (NBI), then listed with `LsoMsg.flags` 32768.
      **On an ais:// bucket without a backend this crashes every target
      in 5.0** (nil dereference in `target.Backend`,
      `xact/xs/create_nbi.go:195`); it is meant for remote buckets
      (a remote AIS bucket works).

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        bck_to (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        dont_head_remote_bck (bool | Unset):
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
            bucket=bucket,
            client=client,
            body=body,
            provider=provider,
            namespace=namespace,
            bck_to=bck_to,
            presence=presence,
            dont_head_remote_bck=dont_head_remote_bck,
        )
    ).parsed
