from typing import Literal

QueryClusterWhat = Literal[
    "backends", "qryxstats", "remote", "running_all", "smap", "status", "status_all"
]

QUERY_CLUSTER_WHAT_VALUES: set[QueryClusterWhat] = {
    "backends",
    "qryxstats",
    "remote",
    "running_all",
    "smap",
    "status",
    "status_all",
}


def check_query_cluster_what(value: str) -> QueryClusterWhat:
    if value in QUERY_CLUSTER_WHAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QUERY_CLUSTER_WHAT_VALUES!r}"
    )
