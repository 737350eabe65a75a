from typing import Literal

ETLInfoStage = Literal["Aborted", "Initializing", "Running", "Unknown"]

ETL_INFO_STAGE_VALUES: set[ETLInfoStage] = {
    "Aborted",
    "Initializing",
    "Running",
    "Unknown",
}


def check_etl_info_stage(value: str) -> ETLInfoStage:
    if value in ETL_INFO_STAGE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ETL_INFO_STAGE_VALUES!r}"
    )
