from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.act_msg import ActMsg
from ...models.err_http import ErrHTTP
from ...models.provider import Provider
from ...types import UNSET, Response, Unset


def _get_kwargs(
    bucket: str,
    object_: str,
    *,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    upload_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["namespace"] = namespace

    params["uploadId"] = upload_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/objects/{bucket}/{object_}".format(
            bucket=quote(str(bucket), safe=""),
            object_=quote(str(object_), safe="/"),
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
) -> Any | ErrHTTP | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

    if response.status_code == 307:
        response_307 = cast(Any, None)
        return response_307

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

    if response.status_code == 423:
        response_423 = cast(Any, None)
        return response_423

    if not response.content:
        return None
    response_default = ErrHTTP.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrHTTP | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    upload_id: str | Unset = UNSET,
) -> Response[Any | ErrHTTP | str]:
    """Multipart create/complete, rename, check lock (proxy answers 307)

     Body `ActMsg`; the proxy redirects (**307**) to the owning target,
    re-send the request and body to `Location`:

    * `mpt-upload` → 200, the new upload id (text). Then upload the parts
      with `put_object` (`uploadId`, `partNumber`).
    * `mpt-complete` (`uploadId` query; value: array of `MptCompletedPart`
      in part order) → 200, empty; the object is visible from now on.
      An unknown upload id is a 404.
    * `rename-obj` (`name` = the new object name, same bucket; ais buckets)
      → 200, empty.
    * `check-lock` → 200 unlocked, 202 read-locked, 423 write-locked
      (all without a body; a missing object is "unlocked").

    An unknown action is handled as the bucket-level POST
    (`perform_objects_action`), which reads `<bucket>/<object>` as a
    bucket name: 400 `bucket name is invalid`.

    The server refuses `mpt-abort` here (400 `invalid action`): abort
    is `delete_object` with `mpt-abort`.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        upload_id (str | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        object_=object_,
        body=body,
        provider=provider,
        namespace=namespace,
        upload_id=upload_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    upload_id: str | Unset = UNSET,
) -> Any | ErrHTTP | str | None:
    """Multipart create/complete, rename, check lock (proxy answers 307)

     Body `ActMsg`; the proxy redirects (**307**) to the owning target,
    re-send the request and body to `Location`:

    * `mpt-upload` → 200, the new upload id (text). Then upload the parts
      with `put_object` (`uploadId`, `partNumber`).
    * `mpt-complete` (`uploadId` query; value: array of `MptCompletedPart`
      in part order) → 200, empty; the object is visible from now on.
      An unknown upload id is a 404.
    * `rename-obj` (`name` = the new object name, same bucket; ais buckets)
      → 200, empty.
    * `check-lock` → 200 unlocked, 202 read-locked, 423 write-locked
      (all without a body; a missing object is "unlocked").

    An unknown action is handled as the bucket-level POST
    (`perform_objects_action`), which reads `<bucket>/<object>` as a
    bucket name: 400 `bucket name is invalid`.

    The server refuses `mpt-abort` here (400 `invalid action`): abort
    is `delete_object` with `mpt-abort`.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        upload_id (str | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP | str
    """

    return sync_detailed(
        bucket=bucket,
        object_=object_,
        client=client,
        body=body,
        provider=provider,
        namespace=namespace,
        upload_id=upload_id,
    ).parsed


async def asyncio_detailed(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    upload_id: str | Unset = UNSET,
) -> Response[Any | ErrHTTP | str]:
    """Multipart create/complete, rename, check lock (proxy answers 307)

     Body `ActMsg`; the proxy redirects (**307**) to the owning target,
    re-send the request and body to `Location`:

    * `mpt-upload` → 200, the new upload id (text). Then upload the parts
      with `put_object` (`uploadId`, `partNumber`).
    * `mpt-complete` (`uploadId` query; value: array of `MptCompletedPart`
      in part order) → 200, empty; the object is visible from now on.
      An unknown upload id is a 404.
    * `rename-obj` (`name` = the new object name, same bucket; ais buckets)
      → 200, empty.
    * `check-lock` → 200 unlocked, 202 read-locked, 423 write-locked
      (all without a body; a missing object is "unlocked").

    An unknown action is handled as the bucket-level POST
    (`perform_objects_action`), which reads `<bucket>/<object>` as a
    bucket name: 400 `bucket name is invalid`.

    The server refuses `mpt-abort` here (400 `invalid action`): abort
    is `delete_object` with `mpt-abort`.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        upload_id (str | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP | str]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        object_=object_,
        body=body,
        provider=provider,
        namespace=namespace,
        upload_id=upload_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: ActMsg,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    upload_id: str | Unset = UNSET,
) -> Any | ErrHTTP | str | None:
    """Multipart create/complete, rename, check lock (proxy answers 307)

     Body `ActMsg`; the proxy redirects (**307**) to the owning target,
    re-send the request and body to `Location`:

    * `mpt-upload` → 200, the new upload id (text). Then upload the parts
      with `put_object` (`uploadId`, `partNumber`).
    * `mpt-complete` (`uploadId` query; value: array of `MptCompletedPart`
      in part order) → 200, empty; the object is visible from now on.
      An unknown upload id is a 404.
    * `rename-obj` (`name` = the new object name, same bucket; ais buckets)
      → 200, empty.
    * `check-lock` → 200 unlocked, 202 read-locked, 423 write-locked
      (all without a body; a missing object is "unlocked").

    An unknown action is handled as the bucket-level POST
    (`perform_objects_action`), which reads `<bucket>/<object>` as a
    bucket name: 400 `bucket name is invalid`.

    The server refuses `mpt-abort` here (400 `invalid action`): abort
    is `delete_object` with `mpt-abort`.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        upload_id (str | Unset):
        body (ActMsg): Action message `{"action", "name", "value"}`. `value` depends on the
            action; see the operations' descriptions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP | str
    """

    return (
        await asyncio_detailed(
            bucket=bucket,
            object_=object_,
            client=client,
            body=body,
            provider=provider,
            namespace=namespace,
            upload_id=upload_id,
        )
    ).parsed
