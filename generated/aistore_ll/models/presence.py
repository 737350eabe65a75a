from typing import Literal

Presence = Literal[0, 1, 2, 3, 4, 5]

PRESENCE_VALUES: set[Presence] = {
    0,
    1,
    2,
    3,
    4,
    5,
}


def check_presence(value: int) -> Presence:
    if value in PRESENCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRESENCE_VALUES!r}")
