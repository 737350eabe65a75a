from typing import Literal

DetachRemoteClusterWhat = Literal["remote"]

DETACH_REMOTE_CLUSTER_WHAT_VALUES: set[DetachRemoteClusterWhat] = {
    "remote",
}


def check_detach_remote_cluster_what(value: str) -> DetachRemoteClusterWhat:
    if value in DETACH_REMOTE_CLUSTER_WHAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DETACH_REMOTE_CLUSTER_WHAT_VALUES!r}"
    )
