from typing import Literal

MossReqMime = Literal["", ".tar", ".tar.gz", ".tar.lz4", ".tgz", ".zip"]

MOSS_REQ_MIME_VALUES: set[MossReqMime] = {
    "",
    ".tar",
    ".tar.gz",
    ".tar.lz4",
    ".tgz",
    ".zip",
}


def check_moss_req_mime(value: str) -> MossReqMime:
    if value in MOSS_REQ_MIME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MOSS_REQ_MIME_VALUES!r}"
    )
