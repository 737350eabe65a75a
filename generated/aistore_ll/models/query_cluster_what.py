from typing import Literal

QueryClusterWhat = Literal[
    "backends",
    "bmd",
    "cluster_config",
    "mountpaths",
    "node_stats",
    "qryxstats",
    "remote",
    "running_all",
    "smap",
    "smapvote",
    "snode",
    "status",
    "status_all",
    "sysinfo",
    "target_ips",
]

QUERY_CLUSTER_WHAT_VALUES: set[QueryClusterWhat] = {
    "backends",
    "bmd",
    "cluster_config",
    "mountpaths",
    "node_stats",
    "qryxstats",
    "remote",
    "running_all",
    "smap",
    "smapvote",
    "snode",
    "status",
    "status_all",
    "sysinfo",
    "target_ips",
}


def check_query_cluster_what(value: str) -> QueryClusterWhat:
    if value in QUERY_CLUSTER_WHAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QUERY_CLUSTER_WHAT_VALUES!r}"
    )
