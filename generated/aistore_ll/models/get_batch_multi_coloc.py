from typing import Literal

GetBatchMultiColoc = Literal[0, 1, 2]

GET_BATCH_MULTI_COLOC_VALUES: set[GetBatchMultiColoc] = {
    0,
    1,
    2,
}


def check_get_batch_multi_coloc(value: int) -> GetBatchMultiColoc:
    if value in GET_BATCH_MULTI_COLOC_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_BATCH_MULTI_COLOC_VALUES!r}"
    )
