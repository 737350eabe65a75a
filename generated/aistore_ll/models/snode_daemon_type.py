from typing import Literal

SnodeDaemonType = Literal["proxy", "target"]

SNODE_DAEMON_TYPE_VALUES: set[SnodeDaemonType] = {
    "proxy",
    "target",
}


def check_snode_daemon_type(value: str) -> SnodeDaemonType:
    if value in SNODE_DAEMON_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SNODE_DAEMON_TYPE_VALUES!r}"
    )
