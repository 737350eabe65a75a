"""Contains all the data models used in inputs/outputs"""

from .act_msg import ActMsg
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

__all__ = (
    "ActMsg",
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
