from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.init_spec_msg_communication import (
    InitSpecMsgCommunication,
    check_init_spec_msg_communication,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.env_var import EnvVar


T = TypeVar("T", bound="InitSpecMsg")


@_attrs_define
class InitSpecMsg:
    """ETL init from a Kubernetes Pod spec (`etl.InitSpecMsg`; deprecated, removal in v5.1).

    Attributes:
        name (str):
        spec (str): base64 of the Pod YAML.
        communication (InitSpecMsgCommunication | Unset):
        init_timeout (str | Unset):
        obj_timeout (str | Unset):
        support_direct_put (bool | Unset):
        env (list[EnvVar] | Unset):
    """

    name: str
    spec: str
    communication: InitSpecMsgCommunication | Unset = UNSET
    init_timeout: str | Unset = UNSET
    obj_timeout: str | Unset = UNSET
    support_direct_put: bool | Unset = UNSET
    env: list[EnvVar] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        spec = self.spec

        communication: str | Unset = UNSET
        if not isinstance(self.communication, Unset):
            communication = self.communication

        init_timeout = self.init_timeout

        obj_timeout = self.obj_timeout

        support_direct_put = self.support_direct_put

        env: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.env, Unset):
            env = []
            for env_item_data in self.env:
                env_item = env_item_data.to_dict()
                env.append(env_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "spec": spec,
            }
        )
        if communication is not UNSET:
            field_dict["communication"] = communication
        if init_timeout is not UNSET:
            field_dict["init_timeout"] = init_timeout
        if obj_timeout is not UNSET:
            field_dict["obj_timeout"] = obj_timeout
        if support_direct_put is not UNSET:
            field_dict["support_direct_put"] = support_direct_put
        if env is not UNSET:
            field_dict["env"] = env

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.env_var import EnvVar

        d = dict(src_dict)
        name = d.pop("name")

        spec = d.pop("spec")

        _communication = d.pop("communication", UNSET)
        communication: InitSpecMsgCommunication | Unset
        if isinstance(_communication, Unset):
            communication = UNSET
        else:
            communication = check_init_spec_msg_communication(_communication)

        init_timeout = d.pop("init_timeout", UNSET)

        obj_timeout = d.pop("obj_timeout", UNSET)

        support_direct_put = d.pop("support_direct_put", UNSET)

        _env = d.pop("env", UNSET)
        env: list[EnvVar] | Unset = UNSET
        if _env is not UNSET:
            env = []
            for env_item_data in _env:
                env_item = EnvVar.from_dict(env_item_data)

                env.append(env_item)

        init_spec_msg = cls(
            name=name,
            spec=spec,
            communication=communication,
            init_timeout=init_timeout,
            obj_timeout=obj_timeout,
            support_direct_put=support_direct_put,
            env=env,
        )

        return init_spec_msg
