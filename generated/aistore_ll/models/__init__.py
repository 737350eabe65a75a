"""Contains all the data models used in inputs/outputs.

Loaded lazily (PEP 562): a model's module is imported the first time its name is used, so
importing one endpoint (or the high-level client) does not import every model.
aistore-hl template override: spec/templates/models_init.py.jinja.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .act_msg import ActMsg
    from .archive_bck_msg import ArchiveBckMsg
    from .args_msg import ArgsMsg
    from .attach_remote_cluster_what import AttachRemoteClusterWhat
    from .bck import Bck
    from .bprops import Bprops
    from .bprops_checksum import BpropsChecksum
    from .bprops_mirror import BpropsMirror
    from .bprops_to_set import BpropsToSet
    from .bprops_versioning import BpropsVersioning
    from .bprops_write_policy import BpropsWritePolicy
    from .bsumm_ctrl_msg import BsummCtrlMsg
    from .bsumm_result import BsummResult
    from .bsumm_result_obj_count import BsummResultObjCount
    from .bsumm_result_obj_size import BsummResultObjSize
    from .bsumm_result_total_size import BsummResultTotalSize
    from .env_var import EnvVar
    from .err_http import ErrHTTP
    from .etl_details import ETLDetails
    from .etl_info import ETLInfo
    from .etl_info_stage import ETLInfoStage
    from .etl_logs import ETLLogs
    from .etl_obj_error import ETLObjError
    from .etl_runtime import ETLRuntime
    from .etl_spec_msg import ETLSpecMsg
    from .etl_spec_msg_communication import ETLSpecMsgCommunication
    from .evd_msg import EvdMsg
    from .get_batch_coloc import GetBatchColoc
    from .get_batch_multi_coloc import GetBatchMultiColoc
    from .get_daemon_info_what import GetDaemonInfoWhat
    from .get_object_archmode import GetObjectArchmode
    from .init_spec_msg import InitSpecMsg
    from .init_spec_msg_communication import InitSpecMsgCommunication
    from .job_snap import JobSnap
    from .job_snap_ext_type_0 import JobSnapExtType0
    from .job_snap_stats import JobSnapStats
    from .job_snaps_by_target import JobSnapsByTarget
    from .job_status import JobStatus
    from .json_object import JSONObject
    from .list_range import ListRange
    from .lso_ent import LsoEnt
    from .lso_ent_msgpack import LsoEntMsgpack
    from .lso_msg import LsoMsg
    from .lso_msg_hdr import LsoMsgHdr
    from .lso_res import LsoRes
    from .lso_res_msgpack import LsoResMsgpack
    from .mem_cpu_info import MemCPUInfo
    from .mem_cpu_info_load_avg import MemCPUInfoLoadAvg
    from .meta_version import MetaVersion
    from .moss_in import MossIn
    from .moss_out import MossOut
    from .moss_req import MossReq
    from .moss_req_coloc import MossReqColoc
    from .moss_req_mime import MossReqMime
    from .moss_resp import MossResp
    from .namespace import Namespace
    from .net_info import NetInfo
    from .node_state_info import NodeStateInfo
    from .node_state_info_bmd import NodeStateInfoBmd
    from .node_state_info_smap import NodeStateInfoSmap
    from .node_state_info_smap_primary import NodeStateInfoSmapPrimary
    from .prefetch_msg import PrefetchMsg
    from .presence import Presence
    from .provider import Provider
    from .query_cluster_what import QueryClusterWhat
    from .query_msg import QueryMsg
    from .remote_cluster import RemoteCluster
    from .remote_clusters import RemoteClusters
    from .smap import Smap
    from .smap_pmap import SmapPmap
    from .smap_tmap import SmapTmap
    from .snode import Snode
    from .snode_daemon_type import SnodeDaemonType
    from .tcb_msg import TCBMsg
    from .tcb_msg_ext import TCBMsgExt
    from .tco_msg import TCOMsg

_MODULES = {
    "ActMsg": ".act_msg",
    "ArchiveBckMsg": ".archive_bck_msg",
    "ArgsMsg": ".args_msg",
    "AttachRemoteClusterWhat": ".attach_remote_cluster_what",
    "Bck": ".bck",
    "Bprops": ".bprops",
    "BpropsChecksum": ".bprops_checksum",
    "BpropsMirror": ".bprops_mirror",
    "BpropsToSet": ".bprops_to_set",
    "BpropsVersioning": ".bprops_versioning",
    "BpropsWritePolicy": ".bprops_write_policy",
    "BsummCtrlMsg": ".bsumm_ctrl_msg",
    "BsummResult": ".bsumm_result",
    "BsummResultObjCount": ".bsumm_result_obj_count",
    "BsummResultObjSize": ".bsumm_result_obj_size",
    "BsummResultTotalSize": ".bsumm_result_total_size",
    "EnvVar": ".env_var",
    "ErrHTTP": ".err_http",
    "ETLDetails": ".etl_details",
    "ETLInfo": ".etl_info",
    "ETLInfoStage": ".etl_info_stage",
    "ETLLogs": ".etl_logs",
    "ETLObjError": ".etl_obj_error",
    "ETLRuntime": ".etl_runtime",
    "ETLSpecMsg": ".etl_spec_msg",
    "ETLSpecMsgCommunication": ".etl_spec_msg_communication",
    "EvdMsg": ".evd_msg",
    "GetBatchColoc": ".get_batch_coloc",
    "GetBatchMultiColoc": ".get_batch_multi_coloc",
    "GetDaemonInfoWhat": ".get_daemon_info_what",
    "GetObjectArchmode": ".get_object_archmode",
    "InitSpecMsg": ".init_spec_msg",
    "InitSpecMsgCommunication": ".init_spec_msg_communication",
    "JobSnap": ".job_snap",
    "JobSnapExtType0": ".job_snap_ext_type_0",
    "JobSnapStats": ".job_snap_stats",
    "JobSnapsByTarget": ".job_snaps_by_target",
    "JobStatus": ".job_status",
    "JSONObject": ".json_object",
    "ListRange": ".list_range",
    "LsoEnt": ".lso_ent",
    "LsoEntMsgpack": ".lso_ent_msgpack",
    "LsoMsg": ".lso_msg",
    "LsoMsgHdr": ".lso_msg_hdr",
    "LsoRes": ".lso_res",
    "LsoResMsgpack": ".lso_res_msgpack",
    "MemCPUInfo": ".mem_cpu_info",
    "MemCPUInfoLoadAvg": ".mem_cpu_info_load_avg",
    "MetaVersion": ".meta_version",
    "MossIn": ".moss_in",
    "MossOut": ".moss_out",
    "MossReq": ".moss_req",
    "MossReqColoc": ".moss_req_coloc",
    "MossReqMime": ".moss_req_mime",
    "MossResp": ".moss_resp",
    "Namespace": ".namespace",
    "NetInfo": ".net_info",
    "NodeStateInfo": ".node_state_info",
    "NodeStateInfoBmd": ".node_state_info_bmd",
    "NodeStateInfoSmap": ".node_state_info_smap",
    "NodeStateInfoSmapPrimary": ".node_state_info_smap_primary",
    "PrefetchMsg": ".prefetch_msg",
    "Presence": ".presence",
    "Provider": ".provider",
    "QueryClusterWhat": ".query_cluster_what",
    "QueryMsg": ".query_msg",
    "RemoteCluster": ".remote_cluster",
    "RemoteClusters": ".remote_clusters",
    "Smap": ".smap",
    "SmapPmap": ".smap_pmap",
    "SmapTmap": ".smap_tmap",
    "Snode": ".snode",
    "SnodeDaemonType": ".snode_daemon_type",
    "TCBMsg": ".tcb_msg",
    "TCBMsgExt": ".tcb_msg_ext",
    "TCOMsg": ".tco_msg",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_MODULES)


__all__ = (
    "ActMsg",
    "ArchiveBckMsg",
    "ArgsMsg",
    "AttachRemoteClusterWhat",
    "Bck",
    "Bprops",
    "BpropsChecksum",
    "BpropsMirror",
    "BpropsToSet",
    "BpropsVersioning",
    "BpropsWritePolicy",
    "BsummCtrlMsg",
    "BsummResult",
    "BsummResultObjCount",
    "BsummResultObjSize",
    "BsummResultTotalSize",
    "ETLDetails",
    "ETLInfo",
    "ETLInfoStage",
    "ETLLogs",
    "ETLObjError",
    "ETLRuntime",
    "ETLSpecMsg",
    "ETLSpecMsgCommunication",
    "EnvVar",
    "ErrHTTP",
    "EvdMsg",
    "GetBatchColoc",
    "GetBatchMultiColoc",
    "GetDaemonInfoWhat",
    "GetObjectArchmode",
    "InitSpecMsg",
    "InitSpecMsgCommunication",
    "JSONObject",
    "JobSnap",
    "JobSnapExtType0",
    "JobSnapStats",
    "JobSnapsByTarget",
    "JobStatus",
    "ListRange",
    "LsoEnt",
    "LsoEntMsgpack",
    "LsoMsg",
    "LsoMsgHdr",
    "LsoRes",
    "LsoResMsgpack",
    "MemCPUInfo",
    "MemCPUInfoLoadAvg",
    "MetaVersion",
    "MossIn",
    "MossOut",
    "MossReq",
    "MossReqColoc",
    "MossReqMime",
    "MossResp",
    "Namespace",
    "NetInfo",
    "NodeStateInfo",
    "NodeStateInfoBmd",
    "NodeStateInfoSmap",
    "NodeStateInfoSmapPrimary",
    "PrefetchMsg",
    "Presence",
    "Provider",
    "QueryClusterWhat",
    "QueryMsg",
    "RemoteCluster",
    "RemoteClusters",
    "Smap",
    "SmapPmap",
    "SmapTmap",
    "Snode",
    "SnodeDaemonType",
    "TCBMsg",
    "TCBMsgExt",
    "TCOMsg",
)
