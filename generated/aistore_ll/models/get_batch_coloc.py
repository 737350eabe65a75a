from typing import Literal

GetBatchColoc = Literal[0, 1, 2]

GET_BATCH_COLOC_VALUES: set[GetBatchColoc] = {
    0,
    1,
    2,
}


def check_get_batch_coloc(value: int) -> GetBatchColoc:
    if value in GET_BATCH_COLOC_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_BATCH_COLOC_VALUES!r}"
    )
