from typing import Literal

AttachRemoteClusterWhat = Literal["remote"]

ATTACH_REMOTE_CLUSTER_WHAT_VALUES: set[AttachRemoteClusterWhat] = {
    "remote",
}


def check_attach_remote_cluster_what(value: str) -> AttachRemoteClusterWhat:
    if value in ATTACH_REMOTE_CLUSTER_WHAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ATTACH_REMOTE_CLUSTER_WHAT_VALUES!r}"
    )
