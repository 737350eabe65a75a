from typing import Literal

MossReqColoc = Literal[0, 1, 2]

MOSS_REQ_COLOC_VALUES: set[MossReqColoc] = {
    0,
    1,
    2,
}


def check_moss_req_coloc(value: int) -> MossReqColoc:
    if value in MOSS_REQ_COLOC_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MOSS_REQ_COLOC_VALUES!r}"
    )
