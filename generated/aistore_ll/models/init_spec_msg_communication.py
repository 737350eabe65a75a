from typing import Literal

InitSpecMsgCommunication = Literal["hpull://", "hpush://", "ws://"]

INIT_SPEC_MSG_COMMUNICATION_VALUES: set[InitSpecMsgCommunication] = {
    "hpull://",
    "hpush://",
    "ws://",
}


def check_init_spec_msg_communication(value: str) -> InitSpecMsgCommunication:
    if value in INIT_SPEC_MSG_COMMUNICATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INIT_SPEC_MSG_COMMUNICATION_VALUES!r}"
    )
