from typing import Literal

GetNodeInfoWhat = Literal[
    "bmd",
    "config",
    "disk",
    "log",
    "metrics",
    "mountpaths",
    "node_stats",
    "node_status",
    "smap",
    "smapvote",
    "snode",
    "software_version",
    "sysinfo",
    "tls_certificate",
]

GET_NODE_INFO_WHAT_VALUES: set[GetNodeInfoWhat] = {
    "bmd",
    "config",
    "disk",
    "log",
    "metrics",
    "mountpaths",
    "node_stats",
    "node_status",
    "smap",
    "smapvote",
    "snode",
    "software_version",
    "sysinfo",
    "tls_certificate",
}


def check_get_node_info_what(value: str) -> GetNodeInfoWhat:
    if value in GET_NODE_INFO_WHAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_NODE_INFO_WHAT_VALUES!r}"
    )
