from typing import Literal

GetDaemonInfoWhat = Literal[
    "bmd",
    "config",
    "log",
    "metrics",
    "node_stats",
    "node_status",
    "smap",
    "smapvote",
    "snode",
    "software_version",
    "sysinfo",
    "tls_certificate",
]

GET_DAEMON_INFO_WHAT_VALUES: set[GetDaemonInfoWhat] = {
    "bmd",
    "config",
    "log",
    "metrics",
    "node_stats",
    "node_status",
    "smap",
    "smapvote",
    "snode",
    "software_version",
    "sysinfo",
    "tls_certificate",
}


def check_get_daemon_info_what(value: str) -> GetDaemonInfoWhat:
    if value in GET_DAEMON_INFO_WHAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_DAEMON_INFO_WHAT_VALUES!r}"
    )
