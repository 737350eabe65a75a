from typing import Literal

GetDaemonInfoWhat = Literal[
    "bmd", "config", "node_stats", "node_status", "smap", "snode", "sysinfo"
]

GET_DAEMON_INFO_WHAT_VALUES: set[GetDaemonInfoWhat] = {
    "bmd",
    "config",
    "node_stats",
    "node_status",
    "smap",
    "snode",
    "sysinfo",
}


def check_get_daemon_info_what(value: str) -> GetDaemonInfoWhat:
    if value in GET_DAEMON_INFO_WHAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_DAEMON_INFO_WHAT_VALUES!r}"
    )
