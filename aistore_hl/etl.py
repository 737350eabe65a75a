"""ETL: initialize transforms from a pod spec or from Python code, list, view, start, stop, delete.

ETL needs AIStore on Kubernetes. A cluster built without ETL support (the default AIS 5.0 build)
answers every ETL request with 501, raised here as ``Unsupported``.
"""

from __future__ import annotations

import base64
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aistore_ll.models.env_var import EnvVar
from aistore_ll.models.etl_runtime import ETLRuntime
from aistore_ll.models.etl_spec_msg import ETLSpecMsg
from aistore_ll.models.init_spec_msg import InitSpecMsg

from aistore_hl import _ops
from aistore_hl.errors import InvalidArgument, InvalidRequest
from aistore_hl.types import ETL, ETLDetails
from aistore_hl.validation import normalize_etl_comm_type, validate_etl_name

if TYPE_CHECKING:
    from aistore_hl.client import Client

# Python versions for which the AIS Python runtime image (aistorage/runtime_python) exists.
RUNTIME_PYTHON_VERSIONS = ("3.9", "3.10", "3.11", "3.12", "3.13")
RUNTIME_IMAGE = "aistorage/runtime_python:{version}"
_RUNTIME_RE = re.compile(r"^python(\d+)\.(\d+)v2$")
_DURATION_RE = re.compile(r"^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$")


def get_default_runtime() -> str:
    """Determines etl runtime to use if not specified.

    Returns:
        String of runtime: ``python3.<minor>v2`` for the running interpreter (the payload is
        pickled, and only loads on the same Python version). Mapped to today's runtime image
        ``aistorage/runtime_python:3.<minor>`` by ``Etl.init_code``.
    """
    return f"python{sys.version_info.major}.{sys.version_info.minor}v2"


def runtime_image(runtime: str) -> str:
    """Map a seed runtime name (``python3.11v2``) onto today's image, refusing what cannot load.

    Raises:
        InvalidArgument: The runtime is malformed, has no image, or differs from this interpreter.
    """
    m = _RUNTIME_RE.match(runtime) if isinstance(runtime, str) else None
    if m is None:
        raise InvalidArgument(runtime, "expected a runtime like 'python3.11v2'", param="runtime")
    version = f"{m.group(1)}.{m.group(2)}"
    if version not in RUNTIME_PYTHON_VERSIONS:
        raise InvalidArgument(
            runtime,
            f"no AIS Python runtime for Python {version} (available: {', '.join(RUNTIME_PYTHON_VERSIONS)})",
            param="runtime",
        )
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    if version != here:
        raise InvalidArgument(
            runtime,
            f"the transform is pickled by Python {here} and would not load in a Python {version} runtime; "
            f"use runtime='python{here}v2' (or run this client on Python {version})",
            param="runtime",
        )
    return RUNTIME_IMAGE.format(version=version)


def validate_duration(value: str, param: str) -> str:
    # The seed sent any string; the server refuses a non-duration with 400.
    if not isinstance(value, str) or not _DURATION_RE.match(value):
        raise InvalidRequest(value, "expected a Go duration such as '45s', '5m' or '1h30m'", param=param)
    return value


def spec_init_msg(template: str, etl_id: str, communication_type: str, timeout: str) -> InitSpecMsg:
    """The ``InitSpecMsg`` for ``Etl.init_spec`` (validated, nothing sent)."""
    name = validate_etl_name(etl_id)
    comm = normalize_etl_comm_type(communication_type)
    if not isinstance(template, str) or not template.strip():
        raise InvalidRequest(template, "must be a non-empty pod spec (YAML)", param="template")
    # The templates in aistore_hl.etl_templates carry a {communication_type} placeholder.
    spec = template.replace("{communication_type}", comm)
    return InitSpecMsg(
        name=name,
        spec=base64.b64encode(spec.encode()).decode("ascii"),
        communication=comm,  # type: ignore[arg-type]
        init_timeout=validate_duration(timeout, "timeout"),
    )


def code_init_msg(
    transform: Callable[..., Any],
    etl_id: str,
    dependencies: list[str] | None,
    runtime: str,
    communication_type: str,
    timeout: str,
    chunk_size: int | None,
) -> ETLSpecMsg:
    """The ``ETLSpecMsg`` expressing the seed's ``init_code`` today (validated, nothing sent)."""
    from aistore_hl._etl_payload import class_payload  # cloudpickle is only needed here

    name = validate_etl_name(etl_id)
    comm = normalize_etl_comm_type(communication_type)
    if not callable(transform):
        raise InvalidArgument(transform, "must be callable", param="transform")
    if dependencies is not None and (
        isinstance(dependencies, str) or not all(isinstance(d, str) and d.strip() for d in dependencies)
    ):
        raise InvalidArgument(dependencies, "must be a list of pip requirement strings", param="dependencies")
    if chunk_size == 0:
        chunk_size = None  # the seed's `if chunk_size:` left 0 out: the whole object is read
    if chunk_size is not None and (
        not isinstance(chunk_size, int) or isinstance(chunk_size, bool) or chunk_size < 0
    ):
        raise InvalidArgument(chunk_size, "must be a positive number of bytes", param="chunk_size")
    image = runtime_image(runtime)
    env = [EnvVar(name="ETL_CLASS_PAYLOAD", value=class_payload(transform, chunk_size))]
    if dependencies:
        env.append(EnvVar(name="PACKAGES", value=",".join(d.strip() for d in dependencies)))
    return ETLSpecMsg(
        name=name,
        runtime=ETLRuntime(image=image, env=env),
        communication=comm,  # type: ignore[arg-type]
        init_timeout=validate_duration(timeout, "timeout"),
    )


class Etl:
    """A class containing ETL-related functions.

    Args:
        client: The client this ETL object is bound to.
    """

    def __init__(self, client: Client) -> None:
        self._client = client

    @property
    def client(self) -> Client:
        """The client bound to this ETL object."""
        return self._client

    def init_spec(
        self, template: str, etl_id: str, communication_type: str = "hpush", timeout: str = "5m"
    ) -> str:
        """Initializes ETL based on POD spec template. Returns ETL_ID.

        Existing templates can be found at `aistore_hl.etl_templates`.
        For more information visit: https://github.com/NVIDIA/ais-etl/tree/master/transformers

        Sent as today's ``InitSpecMsg`` (``PUT /v1/etl``): the template, base64-encoded, as
        ``spec``; ``etl_id`` as ``name``; ``timeout`` as ``init_timeout``. AIS 5.0 marks pod-spec
        init deprecated (removal planned for 5.1).

        Args:
            template (str): pod spec (YAML); a ``{communication_type}`` placeholder is filled in
            etl_id (str): id of new ETL (today's ETL name: 6-32 characters of [a-z0-9-])
            communication_type (str): Communication type of the ETL (options: hpull, hpush, ws;
                AIS 5.0 removed hrev and io)
            timeout (str): timeout of the ETL (eg. 5m for 5 minutes)

        Returns:
            etl_id (str): ETL ID (the name, usable with ``view``/``stop``/...; the server's job id
            for the init is not what the seed returned)

        Raises:
            InvalidArgument: Bad name, communication type, template or timeout (nothing is sent).
            Unsupported: The cluster was built without ETL support (501).
            ErrETLAlreadyExists: An ETL with this name exists (409).
        """
        msg = spec_init_msg(template, etl_id, communication_type, timeout)
        self._client._rc.run(_ops.etl_init(msg))
        return msg.name

    def init_code(
        self,
        transform: Callable[..., Any],
        etl_id: str,
        dependencies: list[str] | None = None,
        runtime: str = get_default_runtime(),
        communication_type: str = "hpush",
        timeout: str = "5m",
        chunk_size: int | None = None,
    ) -> str:
        """Initializes ETL based on the provided source code. Returns ETL_ID.

        AIS 5.0 has no "init from code" any more; this sends its replacement, a runtime-spec init
        (``ETLSpecMsg``) of the image ``aistorage/runtime_python:<version>`` with the transform
        wrapped in a server class, pickled with cloudpickle, in ``ETL_CLASS_PAYLOAD``, and
        ``dependencies`` in ``PACKAGES``. The caller's ``dependencies`` list is not modified.

        Args:
            transform (Callable): Transform function of the ETL: ``bytes -> bytes``; with
                ``chunk_size``, it receives an iterator of chunks and returns bytes or an iterable
                of bytes.
            etl_id (str): ID of new ETL (today's ETL name)
            dependencies (list[str]): Python dependencies to install
            runtime (str): [optional, default= V2 implementation of the current python version]
                Runtime environment of the ETL, ``python3.<minor>v2``. It must be this interpreter's
                version (pickles only load on the same Python) and one with a runtime image
                (3.9-3.13); otherwise ``InvalidArgument`` says why.
            communication_type (str): [optional, default="hpush"] Communication type of the ETL
                (options: hpull, hpush, ws; hrev and io were removed in AIS 5.0)
            timeout (str): [optional, default="5m"] Timeout of the ETL (e.g. 5m for 5 minutes), sent
                as ``init_timeout``
            chunk_size (int): Chunk size in bytes if transform function in streaming data. (whole
                object is read by default)

        Returns:
            etl_id (str): ETL ID

        Raises:
            InvalidArgument: Bad arguments or a runtime the payload cannot load in (nothing is sent).
            Unsupported: The cluster was built without ETL support (501).
            ErrETLAlreadyExists: An ETL with this name exists (409).
        """
        msg = code_init_msg(transform, etl_id, dependencies, runtime, communication_type, timeout, chunk_size)
        self._client._rc.run(_ops.etl_init(msg))
        return msg.name

    def list(self) -> list[ETL]:
        """Lists all running ETLs.

        Note: Does not list ETLs that have been stopped or deleted.

        Returns:
            List[ETL]: A list of running ETLs

        Raises:
            Unsupported: The cluster was built without ETL support (501).
        """
        return self._client._rc.run(_ops.etl_list())

    def view(self, etl_id: str) -> ETLDetails:
        """View ETLs Init spec/code.

        Args:
            etl_id (str): id of ETL

        Returns:
            ETLDetails: details of the ETL

        Raises:
            ErrETLNotFound: No such ETL.
            Unsupported: The cluster was built without ETL support (501).
        """
        return self._client._rc.run(_ops.etl_view(validate_etl_name(etl_id)))

    def start(self, etl_id: str) -> None:
        """Resumes a stopped ETL with given ETL_ID.

        Note: Deleted ETLs cannot be started.

        Args:
            etl_id (str): id of ETL
        """
        self._client._rc.run(_ops.etl_start(validate_etl_name(etl_id)))

    def stop(self, etl_id: str) -> None:
        """Stops ETL with given ETL_ID. Stops (but does not delete) all the pods created by Kubernetes
        for this ETL and terminates any transforms.

        Args:
            etl_id (str): id of ETL
        """
        self._client._rc.run(_ops.etl_stop(validate_etl_name(etl_id)))

    def delete(self, etl_id: str) -> None:
        """Delete ETL with given ETL_ID. Deletes pods created by Kubernetes for this ETL and
        specifications for this ETL in Kubernetes.

        Note: the seed said running ETLs cannot be deleted; AIS 5.0 stops a running ETL first.

        Args:
            etl_id (str): id of ETL
        """
        self._client._rc.run(_ops.etl_delete(validate_etl_name(etl_id)))
