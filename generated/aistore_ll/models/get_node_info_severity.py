from typing import Literal

GetNodeInfoSeverity = Literal["error", "info", "warning"]

GET_NODE_INFO_SEVERITY_VALUES: set[GetNodeInfoSeverity] = {
    "error",
    "info",
    "warning",
}


def check_get_node_info_severity(value: str) -> GetNodeInfoSeverity:
    if value in GET_NODE_INFO_SEVERITY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_NODE_INFO_SEVERITY_VALUES!r}"
    )
