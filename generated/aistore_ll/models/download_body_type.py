from typing import Literal

DownloadBodyType = Literal["backend", "multi", "range", "single"]

DOWNLOAD_BODY_TYPE_VALUES: set[DownloadBodyType] = {
    "backend",
    "multi",
    "range",
    "single",
}


def check_download_body_type(value: str) -> DownloadBodyType:
    if value in DOWNLOAD_BODY_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DOWNLOAD_BODY_TYPE_VALUES!r}"
    )
