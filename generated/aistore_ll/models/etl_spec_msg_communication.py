from typing import Literal

ETLSpecMsgCommunication = Literal["hpull://", "hpush://", "ws://"]

ETL_SPEC_MSG_COMMUNICATION_VALUES: set[ETLSpecMsgCommunication] = {
    "hpull://",
    "hpush://",
    "ws://",
}


def check_etl_spec_msg_communication(value: str) -> ETLSpecMsgCommunication:
    if value in ETL_SPEC_MSG_COMMUNICATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ETL_SPEC_MSG_COMMUNICATION_VALUES!r}"
    )
