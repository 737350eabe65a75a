"""ETL: initialize transforms from a pod spec or from Python code, list, view, start, stop, delete.

ETL needs AIStore on Kubernetes. A cluster built without ETL support (the default AIS 5.0 build)
answers every ETL request with 501, raised here as ``Unsupported``.
"""

from __future__ import annotations

import base64
import builtins
import json
import re
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

import httpx
from aistore_ll.models.env_var import EnvVar
from aistore_ll.models.etl_runtime import ETLRuntime
from aistore_ll.models.etl_spec_msg import ETLSpecMsg
from aistore_ll.models.init_spec_msg import InitSpecMsg

from aistore_hl import _ops
from aistore_hl._endpoints import Endpoint
from aistore_hl._ops import Plan
from aistore_hl._twins import twin_docs
from aistore_hl.errors import InvalidArgument, InvalidETLName, InvalidRequest
from aistore_hl.types import ETL, ETLDetails
from aistore_hl.validation import normalize_etl_comm_type
from aistore_hl.validation import validate_etl_name as _validate_name

if TYPE_CHECKING:
    from aistore_hl.client import AsyncClient, Client

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
    name = _validate_name(etl_id)
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

    name = _validate_name(etl_id)
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


class RuntimeServer:
    """Base class for ``Etl.init_class`` servers; never instantiated on the client side.

    It stands for the AIS Python runtime's ``FastAPIServer``
    (``aistore.sdk.etl.webserver.fastapi_server``): the pickle names that class, resolved only
    inside the runtime, so the official SDK need not be installed here. Subclass it and define
    ``transform(self, data: bytes, path: str, etl_args: str) -> bytes``. A subclass of the
    official SDK's ``FastAPIServer`` works as well.
    """


#: ``Etl.init_class``'s decorator; ``AsyncEtl.init_class``'s returns an awaitable of the class.
ClassDecorator: TypeAlias = Callable[[type[Any]], type[Any]]
AsyncClassDecorator: TypeAlias = Callable[[type[Any]], Awaitable[type[Any]]]

DEFAULT_OBJ_TIMEOUT = "45s"  # the official SDK's DEFAULT_ETL_OBJ_TIMEOUT
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")
_UNIT_SECONDS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}

_get_etl = Endpoint("etl.get_etl")
_get_etl_logs = Endpoint("etl.get_etl_logs")
_get_etl_target_logs = Endpoint("etl.get_etl_target_logs")


@dataclass(frozen=True, slots=True)
class ETLNodeLogs:
    """The logs of an ETL's pod on one target (``Etl.logs``).

    Attributes:
        target_id: The target.
        logs: The pod's log output, decoded (the server sends it base64-encoded).
    """

    target_id: str
    logs: str

    @classmethod
    def from_json(cls, d: Any) -> ETLNodeLogs:
        """Build from one ``etl.Logs`` JSON object (``logs``: base64 of the raw bytes)."""
        raw = d.get("logs") if isinstance(d, dict) else None
        try:
            text = base64.b64decode(raw or "").decode("utf-8", errors="replace")
        except ValueError:
            text = str(raw)
        return cls(target_id=str(d.get("target_id") or "") if isinstance(d, dict) else "", logs=text)


def duration_seconds(value: str) -> float:
    """Seconds of a Go duration (already validated): ``"1h30m"`` -> 5400.0."""
    return sum(float(n) * _UNIT_SECONDS[u] for n, u in _DURATION_PART.findall(value))


def resolve_name(etl_id: Any, bound: str) -> str:
    """The ETL a call names: ``etl_id``, or the bound name (``Client.etl(name)``) when ``""``."""
    name = etl_id or bound
    if name == "" and isinstance(etl_id, str):
        raise InvalidETLName("", "no ETL name: pass one, or bind it with client.etl(name)")
    return _validate_name(name)


def image_init_msg(
    name: str,
    image: str,
    command: list[str] | str | None,
    comm_type: str,
    init_timeout: str,
    obj_timeout: str,
    direct_put: bool,
    direct_file_access: bool,
    env: dict[str, Any],
) -> ETLSpecMsg:
    """The ``ETLSpecMsg`` of ``Etl.init`` (validated, nothing sent): the official SDK's message,
    ``env`` (and ``ETL_DIRECT_FQN``) in ``runtime.env``."""
    comm = normalize_etl_comm_type(comm_type)
    if not isinstance(image, str) or not image.strip():
        raise InvalidArgument(image, "must be a container image name", param="image")
    if isinstance(command, str):
        command = command.split()
    if command is not None and (
        not isinstance(command, list) or not all(isinstance(c, str) and c for c in command)
    ):
        raise InvalidArgument(command, "must be a list of non-empty str (or one str)", param="command")
    bad = {k: v for k, v in env.items() if not isinstance(v, str)}
    if bad:
        raise InvalidArgument(bad, "environment variables must be str values", param="kwargs")
    env_vars = [EnvVar(name=k, value=v) for k, v in env.items()]
    if direct_file_access:
        env_vars.append(EnvVar(name="ETL_DIRECT_FQN", value="true"))
    runtime = ETLRuntime(image=image)
    if command:
        runtime.command = list(command)
    if env_vars:
        runtime.env = env_vars
    return ETLSpecMsg(
        name=name,
        runtime=runtime,
        communication=comm,  # type: ignore[arg-type]
        init_timeout=validate_duration(init_timeout, "init_timeout"),
        obj_timeout=validate_duration(obj_timeout, "obj_timeout"),
        support_direct_put=bool(direct_put),
    )


def class_env(
    cls: Any, dependencies: list[str] | None, os_packages: list[str] | None, env: dict[str, Any]
) -> dict[str, Any]:
    """``Etl.init_class``'s environment: the pickled class, ``PACKAGES``, ``OS_PACKAGES``, ``env``."""
    from aistore_hl._etl_payload import server_class_payload  # cloudpickle is only needed here

    if not isinstance(cls, type) or not callable(getattr(cls, "transform", None)):
        raise InvalidArgument(
            cls, "must be a class with a transform(self, data, path, etl_args) method", param="cls"
        )
    for value, param in ((dependencies, "dependencies"), (os_packages, "os_packages")):
        if value is not None and (isinstance(value, str) or not all(isinstance(d, str) and d for d in value)):
            raise InvalidArgument(value, "must be a list of package names", param=param)
    out: dict[str, Any] = {"ETL_CLASS_PAYLOAD": server_class_payload(cls)}
    if dependencies:
        out["PACKAGES"] = ",".join(dependencies)
    if os_packages:
        out["OS_PACKAGES"] = ",".join(os_packages)
    return {**out, **env}


def _details(resp: httpx.Response) -> ETLDetails:
    body: Any = json.loads(resp.content) if resp.content else None
    return ETLDetails.from_json(body)


def _logs(resp: httpx.Response) -> list[ETLNodeLogs]:
    body = json.loads(resp.content) if resp.content else []
    items = body if isinstance(body, list) else [body]  # one target: one object (spec: ETLLogs)
    return [ETLNodeLogs.from_json(d) for d in items]


def view_plan(name: str, job_id: str) -> Plan[ETLDetails]:
    """``GET /v1/etl/<name>[?uuid=<job_id>]``."""
    if not isinstance(job_id, str):
        raise InvalidArgument(job_id, "must be a str", param="job_id")
    return Plan(_get_etl, (name,), {"uuid": job_id} if job_id else {}, _details)


def logs_plan(name: str, target_id: str) -> Plan[list[ETLNodeLogs]]:
    """``GET /v1/etl/<name>/logs`` or ``/v1/etl/<name>/logs/<target_id>``."""
    if not isinstance(target_id, str):
        raise InvalidArgument(target_id, "must be a str", param="target_id")
    if target_id:
        return Plan(_get_etl_target_logs, (name, target_id), {}, _logs)
    return Plan(_get_etl_logs, (name,), {}, _logs)


class _EtlCore:
    """The bound name and pipeline shared by ``Etl`` and ``AsyncEtl`` (the official SDK's)."""

    _name: str
    _pipeline: list[str]

    def _bind(self, name: str) -> None:
        if not isinstance(name, str):
            raise InvalidETLName(name, "must be a string")
        self._name = _validate_name(name) if name else ""
        self._pipeline = []

    @property
    def name(self) -> str:
        """The ETL name this object is bound to ("" if none)."""
        return self._name

    @property
    def pipeline(self) -> list[str]:
        """The names of the ETLs chained after this one with ``>>`` (never this one)."""
        return list(self._pipeline)

    @staticmethod
    def validate_etl_name(name: str) -> None:
        """Validate an ETL name: 6 to 32 characters of ``[a-z0-9-]``, starting and ending with a
        letter or digit.

        Args:
            name: The ETL name.

        Raises:
            InvalidETLName: If the name breaks a rule (a ``ValueError``, as the official SDK
                raises).
        """
        _validate_name(name)
        if name[0] == "-" or name[-1] == "-":
            raise InvalidETLName(name, "must start and end with a lower-case letter or digit")


class Etl(_EtlCore):
    """A class containing ETL-related functions.

    Args:
        client: The client this ETL object is bound to.
        name: The ETL this object stands for (the official SDK 2.0's ``Client.etl(name)``): the
            2.0 methods (``init``, ``init_class``, ``logs``) act on it, and the seed-era methods
            given ``etl_id=""`` too. ``etl_a >> etl_b`` chains ETLs (``pipeline``).

    Raises:
        InvalidETLName: ``name`` is given and not a valid ETL name.
    """

    def __init__(self, client: Client, name: str = "") -> None:
        self._client = client
        self._bind(name)

    def __rshift__(self, other: Etl) -> Etl:
        """``a >> b``: an ETL named like ``a`` whose ``pipeline`` continues with ``b`` (and its
        pipeline), as the official SDK chains them."""
        combined = Etl(self._client, self._name)
        combined._pipeline = [*self.pipeline, other.name, *other.pipeline]
        return combined

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
            etl_id (str): id of new ETL (today's ETL name: 6-32 characters of [a-z0-9-]); ``""``:
                the bound name (``Client.etl(name)``)
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
        msg = spec_init_msg(template, resolve_name(etl_id, self._name), communication_type, timeout)
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
            etl_id (str): ID of new ETL (today's ETL name); ``""``: the bound name
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
        name = resolve_name(etl_id, self._name)
        msg = code_init_msg(transform, name, dependencies, runtime, communication_type, timeout, chunk_size)
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

    def view(self, etl_id: str, *, job_id: str = "") -> ETLDetails:
        """View ETLs Init spec/code.

        Args:
            etl_id (str): id of ETL; ``""``: the bound name (``client.etl(name).view("")``)
            job_id (str): The job id of an offline (bucket-to-bucket) transform by this ETL, to
                report that run's object errors (sent as ``uuid``; the official SDK 2.0's name).

        Returns:
            ETLDetails: details of the ETL

        Raises:
            ErrETLNotFound: No such ETL.
            Unsupported: The cluster was built without ETL support (501).
        """
        return self._client._rc.run(view_plan(resolve_name(etl_id, self._name), job_id))

    def start(self, etl_id: str) -> None:
        """Resumes a stopped ETL with given ETL_ID.

        Note: Deleted ETLs cannot be started.

        Args:
            etl_id (str): id of ETL; ``""``: the bound name
        """
        self._client._rc.run(_ops.etl_start(resolve_name(etl_id, self._name)))

    def stop(self, etl_id: str) -> None:
        """Stops ETL with given ETL_ID. Stops (but does not delete) all the pods created by Kubernetes
        for this ETL and terminates any transforms.

        Args:
            etl_id (str): id of ETL; ``""``: the bound name
        """
        self._client._rc.run(_ops.etl_stop(resolve_name(etl_id, self._name)))

    def delete(self, etl_id: str) -> None:
        """Delete ETL with given ETL_ID. Deletes pods created by Kubernetes for this ETL and
        specifications for this ETL in Kubernetes.

        Note: the seed said running ETLs cannot be deleted; AIS 5.0 stops a running ETL first.

        Args:
            etl_id (str): id of ETL; ``""``: the bound name
        """
        self._client._rc.run(_ops.etl_delete(resolve_name(etl_id, self._name)))

    # -- the official SDK 2.0's methods, on the bound name -----------------------------------------
    def init(
        self,
        image: str,
        command: builtins.list[str] | str | None = None,
        comm_type: str = "hpush",
        init_timeout: str = "5m",
        obj_timeout: str = DEFAULT_OBJ_TIMEOUT,
        direct_put: bool = False,
        direct_file_access: bool = False,
        **kwargs: str,
    ) -> str:
        """Initializes the bound ETL from a container image (``PUT /v1/etl``, an ``ETLSpecMsg``).

        The call waits for the server, which answers once every target started its pod: the
        read timeout of this call is ``init_timeout`` plus a minute.

        Args:
            image: The container image, e.g. ``aistorage/transformer_md5:latest``.
            command: The command to run in the container (a str is split on whitespace).
            comm_type: ``hpush``, ``hpull`` or ``ws`` (with or without ``://``).
            init_timeout: How long the server waits for the pods (a Go duration, ``"5m"``).
            obj_timeout: How long one object's transform may take (``"45s"``).
            direct_put: Let the ETL put its output straight to the destination target.
            direct_file_access: Give ``transform()`` the object's local path instead of its bytes
                (``ETL_DIRECT_FQN=true``; needs hpush and a co-located pod).
            kwargs: Environment variables of the container (str values).

        Returns:
            The job id of the ETL.

        Raises:
            InvalidArgument: No bound name, a bad image, command, type, duration or variable
                (nothing is sent).
            Unsupported: The cluster was built without ETL support (501).
            ErrETLAlreadyExists: An ETL with this name exists (409).
        """
        msg = image_init_msg(
            resolve_name("", self._name), image, command, comm_type, init_timeout, obj_timeout,
            direct_put, direct_file_access, kwargs,
        )  # fmt: skip
        client = self._client.with_options(timeout=duration_seconds(init_timeout) + 60)
        return client._rc.run(_ops.etl_init(msg))

    def init_class(
        self,
        *,
        dependencies: builtins.list[str] | None = None,
        os_packages: builtins.list[str] | None = None,
        comm_type: str = "hpush",
        init_timeout: str = "5m",
        obj_timeout: str = DEFAULT_OBJ_TIMEOUT,
        direct_put: bool = True,
        direct_file_access: bool = False,
        **kwargs: str,
    ) -> ClassDecorator:
        """A class decorator that initializes the bound ETL from a Python server class.

        ``@client.etl("my-etl").init_class()`` on ``class Upper(RuntimeServer)`` (from
        ``aistore_hl.etl``, or the official SDK's ``FastAPIServer``) with
        ``transform(self, data, path, etl_args) -> bytes``: the class is pickled (cloudpickle,
        its module's code included) into ``ETL_CLASS_PAYLOAD`` and run by the image
        ``aistorage/runtime_python:<this Python>`` through ``init``. Decorating sends the request
        and returns the class.

        Args:
            dependencies: PyPI packages to install in the pod (``PACKAGES``).
            os_packages: Debian packages to install in the pod (``OS_PACKAGES``).
            comm_type: ``hpush``, ``hpull`` or ``ws``.
            init_timeout: How long the server waits for the pods (``"5m"``).
            obj_timeout: How long one object's transform may take (``"45s"``).
            direct_put: Direct put of bucket-to-bucket output (default True, as the official SDK).
            direct_file_access: ``transform()`` gets the local path (``ETL_DIRECT_FQN=true``).
            kwargs: More environment variables (e.g. ``NUM_WORKERS="8"``).

        Returns:
            The decorator.

        Raises:
            InvalidArgument: When decorating: not a class with ``transform``, a Python without a
                runtime image, or as ``init`` (nothing is sent).
            Unsupported: The cluster was built without ETL support (501).
        """

        def decorate(cls: type[Any]) -> type[Any]:
            env = class_env(cls, dependencies, os_packages, kwargs)
            image = runtime_image(get_default_runtime())
            self.init(
                image, None, comm_type, init_timeout, obj_timeout, direct_put, direct_file_access, **env
            )
            return cls

        return decorate

    def logs(self, target_id: str = "") -> builtins.list[ETLNodeLogs]:
        """The logs of the bound ETL's pods (``GET /v1/etl/<name>/logs[/<target_id>]``).

        Args:
            target_id: Only the pod of this target ("" - every target's).

        Returns:
            One ``ETLNodeLogs`` per target, the log text decoded.

        Raises:
            InvalidArgument: No bound name (nothing is sent).
            ErrETLNotFound: No such ETL.
            Unsupported: The cluster was built without ETL support (501).
        """
        return self._client._rc.run(logs_plan(resolve_name("", self._name), target_id))


@twin_docs(Etl)
class AsyncEtl(_EtlCore):
    """Async twin of ``Etl``."""

    def __init__(self, client: AsyncClient, name: str = "") -> None:
        self._client = client
        self._bind(name)

    def __rshift__(self, other: AsyncEtl) -> AsyncEtl:
        combined = AsyncEtl(self._client, self._name)
        combined._pipeline = [*self.pipeline, other.name, *other.pipeline]
        return combined

    @property
    def client(self) -> AsyncClient:
        """The client bound to this ETL object."""
        return self._client

    async def init_spec(
        self, template: str, etl_id: str, communication_type: str = "hpush", timeout: str = "5m"
    ) -> str:
        msg = spec_init_msg(template, resolve_name(etl_id, self._name), communication_type, timeout)
        await self._client._rc.run(_ops.etl_init(msg))
        return msg.name

    async def init_code(
        self,
        transform: Callable[..., Any],
        etl_id: str,
        dependencies: list[str] | None = None,
        runtime: str = get_default_runtime(),
        communication_type: str = "hpush",
        timeout: str = "5m",
        chunk_size: int | None = None,
    ) -> str:
        name = resolve_name(etl_id, self._name)
        msg = code_init_msg(transform, name, dependencies, runtime, communication_type, timeout, chunk_size)
        await self._client._rc.run(_ops.etl_init(msg))
        return msg.name

    async def list(self) -> list[ETL]:
        return await self._client._rc.run(_ops.etl_list())

    async def view(self, etl_id: str, *, job_id: str = "") -> ETLDetails:
        return await self._client._rc.run(view_plan(resolve_name(etl_id, self._name), job_id))

    async def start(self, etl_id: str) -> None:
        await self._client._rc.run(_ops.etl_start(resolve_name(etl_id, self._name)))

    async def stop(self, etl_id: str) -> None:
        await self._client._rc.run(_ops.etl_stop(resolve_name(etl_id, self._name)))

    async def delete(self, etl_id: str) -> None:
        await self._client._rc.run(_ops.etl_delete(resolve_name(etl_id, self._name)))

    async def init(
        self,
        image: str,
        command: builtins.list[str] | str | None = None,
        comm_type: str = "hpush",
        init_timeout: str = "5m",
        obj_timeout: str = DEFAULT_OBJ_TIMEOUT,
        direct_put: bool = False,
        direct_file_access: bool = False,
        **kwargs: str,
    ) -> str:
        msg = image_init_msg(
            resolve_name("", self._name), image, command, comm_type, init_timeout, obj_timeout,
            direct_put, direct_file_access, kwargs,
        )  # fmt: skip
        client = self._client.with_options(timeout=duration_seconds(init_timeout) + 60)
        return await client._rc.run(_ops.etl_init(msg))

    def init_class(
        self,
        *,
        dependencies: builtins.list[str] | None = None,
        os_packages: builtins.list[str] | None = None,
        comm_type: str = "hpush",
        init_timeout: str = "5m",
        obj_timeout: str = DEFAULT_OBJ_TIMEOUT,
        direct_put: bool = True,
        direct_file_access: bool = False,
        **kwargs: str,
    ) -> AsyncClassDecorator:
        """The decorator returns an awaitable: ``Upper = await etl.init_class()(Upper)`` (a
        decorator cannot await)."""

        async def decorate(cls: type[Any]) -> type[Any]:
            env = class_env(cls, dependencies, os_packages, kwargs)
            image = runtime_image(get_default_runtime())
            await self.init(
                image, None, comm_type, init_timeout, obj_timeout, direct_put, direct_file_access, **env
            )
            return cls

        return decorate

    async def logs(self, target_id: str = "") -> builtins.list[ETLNodeLogs]:
        return await self._client._rc.run(logs_plan(resolve_name("", self._name), target_id))
