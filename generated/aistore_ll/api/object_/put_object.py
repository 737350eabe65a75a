from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.err_http import ErrHTTP
from ...models.provider import Provider
from ...models.put_object_append_type import (
    PutObjectAppendType,
)
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    bucket: str,
    object_: str,
    *,
    body: File,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    append_type: PutObjectAppendType | Unset = UNSET,
    append_handle: str | Unset = UNSET,
    upload_id: str | Unset = UNSET,
    part_number: int | Unset = UNSET,
    object_to: str | Unset = UNSET,
    etl_name: str | Unset = UNSET,
    etl_args: str | Unset = UNSET,
    etl_pipeline: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    synchronize: bool | Unset = UNSET,
    archpath: str | Unset = UNSET,
    archmime: str | Unset = UNSET,
    ais_checksum_type: str | Unset = UNSET,
    ais_checksum_value: str | Unset = UNSET,
    ais_pine: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(ais_checksum_type, Unset):
        headers["Ais-Checksum-Type"] = ais_checksum_type

    if not isinstance(ais_checksum_value, Unset):
        headers["Ais-Checksum-Value"] = ais_checksum_value

    if not isinstance(ais_pine, Unset):
        headers["Ais-Pine"] = ais_pine

    params: dict[str, Any] = {}

    json_provider: str | Unset = UNSET
    if not isinstance(provider, Unset):
        json_provider = provider

    params["provider"] = json_provider

    params["namespace"] = namespace

    json_append_type: str | Unset = UNSET
    if not isinstance(append_type, Unset):
        json_append_type = append_type

    params["append_type"] = json_append_type

    params["append_handle"] = append_handle

    params["uploadId"] = upload_id

    params["partNumber"] = part_number

    params["object_to"] = object_to

    params["etl_name"] = etl_name

    params["etl_args"] = etl_args

    params["etl_pipeline"] = etl_pipeline

    params["latest-ver"] = latest_ver

    params["synchronize"] = synchronize

    params["archpath"] = archpath

    params["archmime"] = archmime

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/objects/{bucket}/{object_}".format(
            bucket=quote(str(bucket), safe=""),
            object_=quote(str(object_), safe="/"),
        ),
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

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
) -> Any | ErrHTTP | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

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

    if response.status_code == 500:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_500 = ErrHTTP.from_dict(response.json())

        return response_500

    if response.status_code == 501:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_501 = ErrHTTP.from_dict(response.json())

        return response_501

    if response.status_code == 507:
        if not response.content:
            return None
        if not _is_json(response):
            return None
        response_507 = ErrHTTP.from_dict(response.json())

        return response_507

    if not response.content:
        return None
    response_default = ErrHTTP.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrHTTP]:
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
    body: File,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    append_type: PutObjectAppendType | Unset = UNSET,
    append_handle: str | Unset = UNSET,
    upload_id: str | Unset = UNSET,
    part_number: int | Unset = UNSET,
    object_to: str | Unset = UNSET,
    etl_name: str | Unset = UNSET,
    etl_args: str | Unset = UNSET,
    etl_pipeline: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    synchronize: bool | Unset = UNSET,
    archpath: str | Unset = UNSET,
    archmime: str | Unset = UNSET,
    ais_checksum_type: str | Unset = UNSET,
    ais_checksum_value: str | Unset = UNSET,
    ais_pine: str | Unset = UNSET,
) -> Response[Any | ErrHTTP]:
    """Write an object, append, upload a part, copy or transform one object (proxy answers 307)

     The proxy answers **307** immediately without reading the body;
    re-send the request with the body to `Location`. The target answers
    200 with an empty body and the new object's attributes in headers.
    `Ais-Checksum-Type` + `Ais-Checksum-Value` request an end-to-end
    check (a matching existing checksum makes the PUT a no-op).

    One route, several operations chosen by the query:

    * `put` (no selecting query): write the object.
    * `append` (`append_type=append`, `append_handle` empty the first
      time): append the body to a work file; the answer carries
      `Ais-Append-Handle`, to be passed back as `append_handle` on the
      next `append` and on the final `flush`. The handle names the
      target, so the proxy redirects to it (a malformed handle is a 400
      from the proxy).
    * `flush` (`append_type=flush`, `append_handle`): finalize the
      appended object (empty body; optional checksum headers).
    * `upload-part` (`uploadId` + `partNumber`, from
      `perform_object_action` `mpt-upload`): store one part of a
      multipart upload; an unknown upload id is a 404.
    * `copy` (`object_to=<provider>/<ns-uname>/<bucket>/<object>`, empty
      body): copy this object to another bucket/name (the destination
      bucket must exist). `latest-ver` and `synchronize` apply to remote
      sources.
    * `transform` (`object_to` + `etl_name` [+ `etl_args`,
      `etl_pipeline`]): copy through an ETL; a build without ETL answers
      **501** from the proxy.
    * `append-to-arch` (`archpath` + `archmime`): write the body as the
      file `archpath` of the shard, per the `Ais-Pine` flags: none (or
      `0`) = a **new** shard holding only this file (an existing shard is
      replaced), `1` = append, the shard must exist (else 404), `2` =
      append if the shard exists, else create it.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        append_type (PutObjectAppendType | Unset):
        append_handle (str | Unset):
        upload_id (str | Unset):
        part_number (int | Unset):
        object_to (str | Unset):
        etl_name (str | Unset):
        etl_args (str | Unset):
        etl_pipeline (str | Unset):
        latest_ver (bool | Unset):
        synchronize (bool | Unset):
        archpath (str | Unset):
        archmime (str | Unset):
        ais_checksum_type (str | Unset):
        ais_checksum_value (str | Unset):
        ais_pine (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        object_=object_,
        body=body,
        provider=provider,
        namespace=namespace,
        append_type=append_type,
        append_handle=append_handle,
        upload_id=upload_id,
        part_number=part_number,
        object_to=object_to,
        etl_name=etl_name,
        etl_args=etl_args,
        etl_pipeline=etl_pipeline,
        latest_ver=latest_ver,
        synchronize=synchronize,
        archpath=archpath,
        archmime=archmime,
        ais_checksum_type=ais_checksum_type,
        ais_checksum_value=ais_checksum_value,
        ais_pine=ais_pine,
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
    body: File,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    append_type: PutObjectAppendType | Unset = UNSET,
    append_handle: str | Unset = UNSET,
    upload_id: str | Unset = UNSET,
    part_number: int | Unset = UNSET,
    object_to: str | Unset = UNSET,
    etl_name: str | Unset = UNSET,
    etl_args: str | Unset = UNSET,
    etl_pipeline: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    synchronize: bool | Unset = UNSET,
    archpath: str | Unset = UNSET,
    archmime: str | Unset = UNSET,
    ais_checksum_type: str | Unset = UNSET,
    ais_checksum_value: str | Unset = UNSET,
    ais_pine: str | Unset = UNSET,
) -> Any | ErrHTTP | None:
    """Write an object, append, upload a part, copy or transform one object (proxy answers 307)

     The proxy answers **307** immediately without reading the body;
    re-send the request with the body to `Location`. The target answers
    200 with an empty body and the new object's attributes in headers.
    `Ais-Checksum-Type` + `Ais-Checksum-Value` request an end-to-end
    check (a matching existing checksum makes the PUT a no-op).

    One route, several operations chosen by the query:

    * `put` (no selecting query): write the object.
    * `append` (`append_type=append`, `append_handle` empty the first
      time): append the body to a work file; the answer carries
      `Ais-Append-Handle`, to be passed back as `append_handle` on the
      next `append` and on the final `flush`. The handle names the
      target, so the proxy redirects to it (a malformed handle is a 400
      from the proxy).
    * `flush` (`append_type=flush`, `append_handle`): finalize the
      appended object (empty body; optional checksum headers).
    * `upload-part` (`uploadId` + `partNumber`, from
      `perform_object_action` `mpt-upload`): store one part of a
      multipart upload; an unknown upload id is a 404.
    * `copy` (`object_to=<provider>/<ns-uname>/<bucket>/<object>`, empty
      body): copy this object to another bucket/name (the destination
      bucket must exist). `latest-ver` and `synchronize` apply to remote
      sources.
    * `transform` (`object_to` + `etl_name` [+ `etl_args`,
      `etl_pipeline`]): copy through an ETL; a build without ETL answers
      **501** from the proxy.
    * `append-to-arch` (`archpath` + `archmime`): write the body as the
      file `archpath` of the shard, per the `Ais-Pine` flags: none (or
      `0`) = a **new** shard holding only this file (an existing shard is
      replaced), `1` = append, the shard must exist (else 404), `2` =
      append if the shard exists, else create it.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        append_type (PutObjectAppendType | Unset):
        append_handle (str | Unset):
        upload_id (str | Unset):
        part_number (int | Unset):
        object_to (str | Unset):
        etl_name (str | Unset):
        etl_args (str | Unset):
        etl_pipeline (str | Unset):
        latest_ver (bool | Unset):
        synchronize (bool | Unset):
        archpath (str | Unset):
        archmime (str | Unset):
        ais_checksum_type (str | Unset):
        ais_checksum_value (str | Unset):
        ais_pine (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return sync_detailed(
        bucket=bucket,
        object_=object_,
        client=client,
        body=body,
        provider=provider,
        namespace=namespace,
        append_type=append_type,
        append_handle=append_handle,
        upload_id=upload_id,
        part_number=part_number,
        object_to=object_to,
        etl_name=etl_name,
        etl_args=etl_args,
        etl_pipeline=etl_pipeline,
        latest_ver=latest_ver,
        synchronize=synchronize,
        archpath=archpath,
        archmime=archmime,
        ais_checksum_type=ais_checksum_type,
        ais_checksum_value=ais_checksum_value,
        ais_pine=ais_pine,
    ).parsed


async def asyncio_detailed(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    append_type: PutObjectAppendType | Unset = UNSET,
    append_handle: str | Unset = UNSET,
    upload_id: str | Unset = UNSET,
    part_number: int | Unset = UNSET,
    object_to: str | Unset = UNSET,
    etl_name: str | Unset = UNSET,
    etl_args: str | Unset = UNSET,
    etl_pipeline: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    synchronize: bool | Unset = UNSET,
    archpath: str | Unset = UNSET,
    archmime: str | Unset = UNSET,
    ais_checksum_type: str | Unset = UNSET,
    ais_checksum_value: str | Unset = UNSET,
    ais_pine: str | Unset = UNSET,
) -> Response[Any | ErrHTTP]:
    """Write an object, append, upload a part, copy or transform one object (proxy answers 307)

     The proxy answers **307** immediately without reading the body;
    re-send the request with the body to `Location`. The target answers
    200 with an empty body and the new object's attributes in headers.
    `Ais-Checksum-Type` + `Ais-Checksum-Value` request an end-to-end
    check (a matching existing checksum makes the PUT a no-op).

    One route, several operations chosen by the query:

    * `put` (no selecting query): write the object.
    * `append` (`append_type=append`, `append_handle` empty the first
      time): append the body to a work file; the answer carries
      `Ais-Append-Handle`, to be passed back as `append_handle` on the
      next `append` and on the final `flush`. The handle names the
      target, so the proxy redirects to it (a malformed handle is a 400
      from the proxy).
    * `flush` (`append_type=flush`, `append_handle`): finalize the
      appended object (empty body; optional checksum headers).
    * `upload-part` (`uploadId` + `partNumber`, from
      `perform_object_action` `mpt-upload`): store one part of a
      multipart upload; an unknown upload id is a 404.
    * `copy` (`object_to=<provider>/<ns-uname>/<bucket>/<object>`, empty
      body): copy this object to another bucket/name (the destination
      bucket must exist). `latest-ver` and `synchronize` apply to remote
      sources.
    * `transform` (`object_to` + `etl_name` [+ `etl_args`,
      `etl_pipeline`]): copy through an ETL; a build without ETL answers
      **501** from the proxy.
    * `append-to-arch` (`archpath` + `archmime`): write the body as the
      file `archpath` of the shard, per the `Ais-Pine` flags: none (or
      `0`) = a **new** shard holding only this file (an existing shard is
      replaced), `1` = append, the shard must exist (else 404), `2` =
      append if the shard exists, else create it.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        append_type (PutObjectAppendType | Unset):
        append_handle (str | Unset):
        upload_id (str | Unset):
        part_number (int | Unset):
        object_to (str | Unset):
        etl_name (str | Unset):
        etl_args (str | Unset):
        etl_pipeline (str | Unset):
        latest_ver (bool | Unset):
        synchronize (bool | Unset):
        archpath (str | Unset):
        archmime (str | Unset):
        ais_checksum_type (str | Unset):
        ais_checksum_value (str | Unset):
        ais_pine (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrHTTP]
    """

    kwargs = _get_kwargs(
        bucket=bucket,
        object_=object_,
        body=body,
        provider=provider,
        namespace=namespace,
        append_type=append_type,
        append_handle=append_handle,
        upload_id=upload_id,
        part_number=part_number,
        object_to=object_to,
        etl_name=etl_name,
        etl_args=etl_args,
        etl_pipeline=etl_pipeline,
        latest_ver=latest_ver,
        synchronize=synchronize,
        archpath=archpath,
        archmime=archmime,
        ais_checksum_type=ais_checksum_type,
        ais_checksum_value=ais_checksum_value,
        ais_pine=ais_pine,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket: str,
    object_: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    provider: Provider | Unset = UNSET,
    namespace: str | Unset = UNSET,
    append_type: PutObjectAppendType | Unset = UNSET,
    append_handle: str | Unset = UNSET,
    upload_id: str | Unset = UNSET,
    part_number: int | Unset = UNSET,
    object_to: str | Unset = UNSET,
    etl_name: str | Unset = UNSET,
    etl_args: str | Unset = UNSET,
    etl_pipeline: str | Unset = UNSET,
    latest_ver: bool | Unset = UNSET,
    synchronize: bool | Unset = UNSET,
    archpath: str | Unset = UNSET,
    archmime: str | Unset = UNSET,
    ais_checksum_type: str | Unset = UNSET,
    ais_checksum_value: str | Unset = UNSET,
    ais_pine: str | Unset = UNSET,
) -> Any | ErrHTTP | None:
    """Write an object, append, upload a part, copy or transform one object (proxy answers 307)

     The proxy answers **307** immediately without reading the body;
    re-send the request with the body to `Location`. The target answers
    200 with an empty body and the new object's attributes in headers.
    `Ais-Checksum-Type` + `Ais-Checksum-Value` request an end-to-end
    check (a matching existing checksum makes the PUT a no-op).

    One route, several operations chosen by the query:

    * `put` (no selecting query): write the object.
    * `append` (`append_type=append`, `append_handle` empty the first
      time): append the body to a work file; the answer carries
      `Ais-Append-Handle`, to be passed back as `append_handle` on the
      next `append` and on the final `flush`. The handle names the
      target, so the proxy redirects to it (a malformed handle is a 400
      from the proxy).
    * `flush` (`append_type=flush`, `append_handle`): finalize the
      appended object (empty body; optional checksum headers).
    * `upload-part` (`uploadId` + `partNumber`, from
      `perform_object_action` `mpt-upload`): store one part of a
      multipart upload; an unknown upload id is a 404.
    * `copy` (`object_to=<provider>/<ns-uname>/<bucket>/<object>`, empty
      body): copy this object to another bucket/name (the destination
      bucket must exist). `latest-ver` and `synchronize` apply to remote
      sources.
    * `transform` (`object_to` + `etl_name` [+ `etl_args`,
      `etl_pipeline`]): copy through an ETL; a build without ETL answers
      **501** from the proxy.
    * `append-to-arch` (`archpath` + `archmime`): write the body as the
      file `archpath` of the shard, per the `Ais-Pine` flags: none (or
      `0`) = a **new** shard holding only this file (an existing shard is
      replaced), `1` = append, the shard must exist (else 404), `2` =
      append if the shard exists, else create it.

    Args:
        bucket (str):
        object_ (str):
        provider (Provider | Unset): Backend provider (the last four are aliases of aws, gcp,
            azure, oci).
        namespace (str | Unset):
        append_type (PutObjectAppendType | Unset):
        append_handle (str | Unset):
        upload_id (str | Unset):
        part_number (int | Unset):
        object_to (str | Unset):
        etl_name (str | Unset):
        etl_args (str | Unset):
        etl_pipeline (str | Unset):
        latest_ver (bool | Unset):
        synchronize (bool | Unset):
        archpath (str | Unset):
        archmime (str | Unset):
        ais_checksum_type (str | Unset):
        ais_checksum_value (str | Unset):
        ais_pine (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrHTTP
    """

    return (
        await asyncio_detailed(
            bucket=bucket,
            object_=object_,
            client=client,
            body=body,
            provider=provider,
            namespace=namespace,
            append_type=append_type,
            append_handle=append_handle,
            upload_id=upload_id,
            part_number=part_number,
            object_to=object_to,
            etl_name=etl_name,
            etl_args=etl_args,
            etl_pipeline=etl_pipeline,
            latest_ver=latest_ver,
            synchronize=synchronize,
            archpath=archpath,
            archmime=archmime,
            ais_checksum_type=ais_checksum_type,
            ais_checksum_value=ais_checksum_value,
            ais_pine=ais_pine,
        )
    ).parsed
