"""Kubernetes pod-spec templates for ``Etl.init_spec`` (seed names and usage).

Each template is a YAML ``Pod`` running one of the public ``aistorage/transformer_*``
images, shaped as the AIStore 5.0 server requires for a pod-spec ETL: exactly one
container with exactly one port, named ``default``, and a ``readinessProbe`` with a
non-empty ``httpGet`` path on that ``default`` port. The ``communication_type`` annotation
holds a ``{communication_type}`` placeholder::

    spec = MD5.format(communication_type="hpush")     # or "hpush://", "hpull", "ws"

``format`` accepts the type with or without ``://`` (seed-era code passed ``"hpush"``,
today's server wants ``"hpush://"``); the result always carries the ``://`` form. The
templates are plain ``str`` values otherwise.

Note: the server deprecates pod-spec ETLs (removal planned for v5.1) in favour of
image-based init messages.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["ECHO", "GO_ECHO", "HELLO_WORLD", "MD5", "TAR2TF", "TEMPLATES", "PodSpecTemplate"]


class PodSpecTemplate(str):
    """A ``str`` whose ``format`` normalizes ``communication_type`` to the ``xxx://`` form."""

    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> str:
        """Fill the placeholders; ``communication_type`` gets ``://`` appended if missing."""
        comm = kwargs.get("communication_type")
        if isinstance(comm, str) and comm and not comm.endswith("://"):
            kwargs["communication_type"] = comm + "://"
        return str.format(str(self), *args, **kwargs)


def _pod(name: str, image: str, port: int, command: str, comment: str) -> PodSpecTemplate:
    return PodSpecTemplate(
        f"""# {comment}
apiVersion: v1
kind: Pod
metadata:
  name: {name}
  annotations:
    # one of "hpush://", "hpull://", "ws://"
    communication_type: "{{communication_type}}"
    wait_timeout: 5m
spec:
  containers:
    - name: server
      image: {image}
      imagePullPolicy: Always
      ports:
        - name: default
          containerPort: {port}
      command: {command}
      readinessProbe:
        httpGet:
          path: /health
          port: default
"""
    )


_FASTAPI: Final = (
    '["uvicorn", "fastapi_server:fastapi_app", "--host", "0.0.0.0", "--port", "8000", "--workers", "4"]'
)

#: Returns the MD5 sum of the object's data.
MD5: Final = _pod(
    "transformer-md5",
    "aistorage/transformer_md5:latest",
    8000,
    _FASTAPI,
    "Returns the MD5 sum of the original data.",
)

#: Returns ``Hello World!`` for any object.
HELLO_WORLD: Final = _pod(
    "transformer-hello-world",
    "aistorage/transformer_hello_world:latest",
    8000,
    _FASTAPI,
    'Returns "Hello World!" for any object.',
)

#: Returns the object's data unchanged (Go server).
GO_ECHO: Final = _pod(
    "echo-go",
    "aistorage/transformer_echo_go:latest",
    80,
    '["./echo", "-l", "0.0.0.0", "-p", "80"]',
    "Returns the original data unchanged (Go implementation).",
)

#: Returns the object's data unchanged (Python server).
ECHO: Final = _pod(
    "transformer-echo",
    "aistorage/transformer_echo:latest",
    8000,
    _FASTAPI,
    "Returns the original data unchanged.",
)

#: Converts TAR shards to TensorFlow TFRecord format.
TAR2TF: Final = _pod(
    "tar2tf",
    "aistorage/transformer_tar2tf:latest",
    80,
    '["./tar2tf", "-l", "0.0.0.0", "-p", "80"]',
    "Converts TAR shards to TFRecord (see ais-etl transformers/tar2tf for conversion options).",
)

#: Every template by name.
TEMPLATES: Final[dict[str, PodSpecTemplate]] = {
    "MD5": MD5,
    "HELLO_WORLD": HELLO_WORLD,
    "GO_ECHO": GO_ECHO,
    "ECHO": ECHO,
    "TAR2TF": TAR2TF,
}
