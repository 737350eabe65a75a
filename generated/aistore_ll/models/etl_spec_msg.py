from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.etl_spec_msg_communication import (
    ETLSpecMsgCommunication,
    check_etl_spec_msg_communication,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.env_var import EnvVar
    from ..models.etl_runtime import ETLRuntime
    from ..models.json_object import JSONObject


T = TypeVar("T", bound="ETLSpecMsg")


@_attrs_define
class ETLSpecMsg:
    """ETL init from a container image (`etl.ETLSpecMsg`).

    Attributes:
        name (str):
        runtime (ETLRuntime):
        communication (ETLSpecMsgCommunication | Unset): Default `hpush://`; `ws://` requires `support_direct_put`.
        init_timeout (str | Unset): Go duration, default 45s.
        obj_timeout (str | Unset): Go duration, default 10s.
        support_direct_put (bool | Unset):
        env (list[EnvVar] | Unset):
        resources (JSONObject | Unset): Untyped JSON object (node config, BMD, statistics, ...).
    """

    name: str
    runtime: ETLRuntime
    communication: ETLSpecMsgCommunication | Unset = UNSET
    init_timeout: str | Unset = UNSET
    obj_timeout: str | Unset = UNSET
    support_direct_put: bool | Unset = UNSET
    env: list[EnvVar] | Unset = UNSET
    resources: JSONObject | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        runtime = self.runtime.to_dict()

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

        resources: dict[str, Any] | Unset = UNSET
        if not isinstance(self.resources, Unset):
            resources = self.resources.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "runtime": runtime,
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
        if resources is not UNSET:
            field_dict["resources"] = resources

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.env_var import EnvVar
        from ..models.etl_runtime import ETLRuntime
        from ..models.json_object import JSONObject

        d = dict(src_dict)
        name = d.pop("name")

        runtime = ETLRuntime.from_dict(d.pop("runtime"))

        _communication = d.pop("communication", UNSET)
        communication: ETLSpecMsgCommunication | Unset
        if isinstance(_communication, Unset):
            communication = UNSET
        else:
            communication = check_etl_spec_msg_communication(_communication)

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

        _resources = d.pop("resources", UNSET)
        resources: JSONObject | Unset
        if isinstance(_resources, Unset):
            resources = UNSET
        else:
            resources = JSONObject.from_dict(_resources)

        etl_spec_msg = cls(
            name=name,
            runtime=runtime,
            communication=communication,
            init_timeout=init_timeout,
            obj_timeout=obj_timeout,
            support_direct_put=support_direct_put,
            env=env,
            resources=resources,
        )

        return etl_spec_msg
