from typing import Literal

GetObjectArchmode = Literal["prefix", "regexp", "substr", "suffix", "wdskey"]

GET_OBJECT_ARCHMODE_VALUES: set[GetObjectArchmode] = {
    "prefix",
    "regexp",
    "substr",
    "suffix",
    "wdskey",
}


def check_get_object_archmode(value: str) -> GetObjectArchmode:
    if value in GET_OBJECT_ARCHMODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_OBJECT_ARCHMODE_VALUES!r}"
    )
