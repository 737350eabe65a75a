from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.presence import Presence
from ...models.provider import Provider
from ...types import UNSET, Response, Unset


def _get_kwargs(
    bucket: str,
    *,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
    dont_add_remote_bck_md: bool | Unset = UNSET,
    bsumm_remote: bool | Unset = UNSET,
    uuid: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["namespace"] = namespace

    json_presence: int | Unset = UNSET
    if not isinstance(presence, Unset):
        json_presence = presence

    params["presence"] = json_presence

    params["dont_add_remote_bck_md"] = dont_add_remote_bck_md

    params["bsumm_remote"] = bsumm_remote

    params["uuid"] = uuid

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "head",
        "url": "/v1/buckets/{bucket}".format(
            bucket=quote(str(bucket), safe=""),
        ),
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
) -> Any | None:
    if response.status_code == 200:
        return None

    if response.status_code == 202:
        return None

    if response.status_code == 206:
        return None

    if response.status_code == 400:
        return None

    if response.status_code == 404:
        return None

    if response.status_code == 500:
        return None

    if response.status_code == 503:
        return None

    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any]:
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
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
    dont_add_remote_bck_md: bool | Unset = UNSET,
    bsumm_remote: bool | Unset = UNSET,
    uuid: str | Unset = UNSET,
) -> Response[Any]:
    """Bucket properties; bucket info (properties + summary)

     * `props` (no `bsumm_remote`): 200 with the bucket properties (JSON
      `Bprops`) in the `Ais-Bucket-Props` header.
    * `info` (`bsumm_remote=true|false`, Go `api.GetBucketInfo`): the
      first call starts a summary job and answers **202** with the
      properties and the job id in `Ais-Xaction-Id`; repeat with
      `uuid=<job id>` until **200**, which adds the `BsummResult` JSON
      in `Ais-Bucket-Summ`. `bsumm_remote=true` also counts the objects
      of a remote bucket that are not in the cluster. An unknown `uuid`
      is a **500** (whose `url_path` is the internal
      `/v1/buckets/<b>/query`).

    A remote bucket that exists but is not yet in the cluster metadata
    is added on the fly unless `dont_add_remote_bck_md=true`. Errors
    have no body: the ErrHTTP JSON is in the `Hdr-Error` header.

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        dont_add_remote_bck_md (bool | Unset):
        bsumm_remote (bool | Unset):
        uuid (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        provider=provider,
        namespace=namespace,
        presence=presence,
        dont_add_remote_bck_md=dont_add_remote_bck_md,
        bsumm_remote=bsumm_remote,
        uuid=uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    bucket: str,
    *,
    client: AuthenticatedClient | Client,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    presence: Presence | Unset = UNSET,
    dont_add_remote_bck_md: bool | Unset = UNSET,
    bsumm_remote: bool | Unset = UNSET,
    uuid: str | Unset = UNSET,
) -> Response[Any]:
    """Bucket properties; bucket info (properties + summary)

     * `props` (no `bsumm_remote`): 200 with the bucket properties (JSON
      `Bprops`) in the `Ais-Bucket-Props` header.
    * `info` (`bsumm_remote=true|false`, Go `api.GetBucketInfo`): the
      first call starts a summary job and answers **202** with the
      properties and the job id in `Ais-Xaction-Id`; repeat with
      `uuid=<job id>` until **200**, which adds the `BsummResult` JSON
      in `Ais-Bucket-Summ`. `bsumm_remote=true` also counts the objects
      of a remote bucket that are not in the cluster. An unknown `uuid`
      is a **500** (whose `url_path` is the internal
      `/v1/buckets/<b>/query`).

    A remote bucket that exists but is not yet in the cluster metadata
    is added on the fly unless `dont_add_remote_bck_md=true`. Errors
    have no body: the ErrHTTP JSON is in the `Hdr-Error` header.

    Args:
        bucket (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        presence (Presence | Unset): Presence filter (`apc.Flt*`).
        dont_add_remote_bck_md (bool | Unset):
        bsumm_remote (bool | Unset):
        uuid (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        provider=provider,
        namespace=namespace,
        presence=presence,
        dont_add_remote_bck_md=dont_add_remote_bck_md,
        bsumm_remote=bsumm_remote,
        uuid=uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
