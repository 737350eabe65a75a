from typing import Literal

GetDaemonInfoSeverity = Literal["error", "info", "warning"]

GET_DAEMON_INFO_SEVERITY_VALUES: set[GetDaemonInfoSeverity] = {
    "error",
    "info",
    "warning",
}


def check_get_daemon_info_severity(value: str) -> GetDaemonInfoSeverity:
    if value in GET_DAEMON_INFO_SEVERITY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_DAEMON_INFO_SEVERITY_VALUES!r}"
    )
