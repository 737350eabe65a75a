from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.etl_obj_error import ETLObjError
    from ..models.etl_spec_msg import ETLSpecMsg
    from ..models.init_spec_msg import InitSpecMsg


T = TypeVar("T", bound="ETLDetails")


@_attrs_define
class ETLDetails:
    """
    Attributes:
        init_msg (ETLSpecMsg | InitSpecMsg):
        obj_errors (list[ETLObjError] | Unset):
    """

    init_msg: ETLSpecMsg | InitSpecMsg
    obj_errors: list[ETLObjError] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.etl_spec_msg import ETLSpecMsg

        init_msg: dict[str, Any]
        if isinstance(self.init_msg, ETLSpecMsg):
            init_msg = self.init_msg.to_dict()
        else:
            init_msg = self.init_msg.to_dict()

        obj_errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.obj_errors, Unset):
            obj_errors = []
            for obj_errors_item_data in self.obj_errors:
                obj_errors_item = obj_errors_item_data.to_dict()
                obj_errors.append(obj_errors_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "init_msg": init_msg,
            }
        )
        if obj_errors is not UNSET:
            field_dict["obj_errors"] = obj_errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.etl_obj_error import ETLObjError
        from ..models.etl_spec_msg import ETLSpecMsg
        from ..models.init_spec_msg import InitSpecMsg

        d = dict(src_dict)

        def _parse_init_msg(data: object) -> ETLSpecMsg | InitSpecMsg:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                init_msg_type_0 = ETLSpecMsg.from_dict(data)

                return init_msg_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            init_msg_type_1 = InitSpecMsg.from_dict(data)

            return init_msg_type_1

        init_msg = _parse_init_msg(d.pop("init_msg"))

        _obj_errors = d.pop("obj_errors", UNSET)
        obj_errors: list[ETLObjError] | Unset = UNSET
        if _obj_errors is not UNSET:
            obj_errors = []
            for obj_errors_item_data in _obj_errors:
                obj_errors_item = ETLObjError.from_dict(obj_errors_item_data)

                obj_errors.append(obj_errors_item)

        etl_details = cls(
            init_msg=init_msg,
            obj_errors=obj_errors,
        )

        return etl_details
