from typing import Literal

PutObjectAppendType = Literal["append", "flush"]

PUT_OBJECT_APPEND_TYPE_VALUES: set[PutObjectAppendType] = {
    "append",
    "flush",
}


def check_put_object_append_type(value: str) -> PutObjectAppendType:
    if value in PUT_OBJECT_APPEND_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PUT_OBJECT_APPEND_TYPE_VALUES!r}"
    )
