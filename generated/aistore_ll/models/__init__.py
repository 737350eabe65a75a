"""Contains all the data models used in inputs/outputs.

Loaded lazily (PEP 562): a model's module is imported the first time its name is used, so
importing one endpoint (or the high-level client) does not import every model.
aistore-hl template override: spec/templates/models_init.py.jinja.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .act_msg import ActMsg
    from .act_val_rm_node import ActValRmNode
    from .archive_bck_msg import ArchiveBckMsg
    from .args_msg import ArgsMsg
    from .attach_remote_cluster_what import AttachRemoteClusterWhat
    from .bck import Bck
    from .blob_msg import BlobMsg
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
    from .cluster_mountpaths import ClusterMountpaths
    from .cluster_mountpaths_targets import ClusterMountpathsTargets
    from .cluster_stats import ClusterStats
    from .cluster_stats_target import ClusterStatsTarget
    from .cluster_sys_info import ClusterSysInfo
    from .cluster_sys_info_proxy import ClusterSysInfoProxy
    from .cluster_sys_info_target import ClusterSysInfoTarget
    from .config_to_set import ConfigToSet
    from .create_nbi_msg import CreateNBIMsg
    from .custom_md import CustomMD
    from .detach_remote_cluster_what import DetachRemoteClusterWhat
    from .disk_stats import DiskStats
    from .disk_stats_all_disk_stats import DiskStatsAllDiskStats
    from .disk_stats_all_disk_stats_additional_property import (
        DiskStatsAllDiskStatsAdditionalProperty,
    )
    from .disk_stats_mountpaths_type_0 import DiskStatsMountpathsType0
    from .download_admin_msg import DownloadAdminMsg
    from .download_body import DownloadBody
    from .download_body_headers import DownloadBodyHeaders
    from .download_body_limits import DownloadBodyLimits
    from .download_body_objects_type_1 import DownloadBodyObjectsType1
    from .download_body_type import DownloadBodyType
    from .download_job import DownloadJob
    from .download_status import DownloadStatus
    from .download_status_download_errors_item import DownloadStatusDownloadErrorsItem
    from .download_task import DownloadTask
    from .ec_encode_msg import ECEncodeMsg
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
    from .get_daemon_info_severity import GetDaemonInfoSeverity
    from .get_daemon_info_what import GetDaemonInfoWhat
    from .get_node_info_severity import GetNodeInfoSeverity
    from .get_node_info_what import GetNodeInfoWhat
    from .get_object_archmode import GetObjectArchmode
    from .index_shard_msg import IndexShardMsg
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
    from .metric_names import MetricNames
    from .moss_in import MossIn
    from .moss_out import MossOut
    from .moss_req import MossReq
    from .moss_req_coloc import MossReqColoc
    from .moss_req_mime import MossReqMime
    from .moss_resp import MossResp
    from .mountpath_capacity import MountpathCapacity
    from .mountpath_capacity_fs import MountpathCapacityFs
    from .mountpath_list import MountpathList
    from .mpt_completed_part import MptCompletedPart
    from .namespace import Namespace
    from .nbi_info import NBIInfo
    from .nbi_info_map import NBIInfoMap
    from .net_info import NetInfo
    from .node_capacity import NodeCapacity
    from .node_capacity_mountpaths_type_0 import NodeCapacityMountpathsType0
    from .node_state_info import NodeStateInfo
    from .node_state_info_bmd import NodeStateInfoBmd
    from .node_state_info_smap import NodeStateInfoSmap
    from .node_state_info_smap_primary import NodeStateInfoSmapPrimary
    from .node_stats import NodeStats
    from .node_stats_tracker import NodeStatsTracker
    from .node_status import NodeStatus
    from .node_status_tracker import NodeStatusTracker
    from .prefetch_msg import PrefetchMsg
    from .presence import Presence
    from .promote_args import PromoteArgs
    from .provider import Provider
    from .put_object_append_type import PutObjectAppendType
    from .query_cluster_what import QueryClusterWhat
    from .query_msg import QueryMsg
    from .rechunk_msg import RechunkMsg
    from .remote_cluster import RemoteCluster
    from .remote_clusters import RemoteClusters
    from .shard_summ_msg import ShardSummMsg
    from .shard_summ_result import ShardSummResult
    from .smap import Smap
    from .smap_pmap import SmapPmap
    from .smap_tmap import SmapTmap
    from .smap_vote import SmapVote
    from .snode import Snode
    from .snode_daemon_type import SnodeDaemonType
    from .start_download_response_200 import StartDownloadResponse200
    from .tcb_msg import TCBMsg
    from .tcb_msg_ext import TCBMsgExt
    from .tco_msg import TCOMsg
    from .update_cluster_config_nvs import UpdateClusterConfigNvs
    from .update_node_config_nvs import UpdateNodeConfigNvs

_MODULES = {
    "ActMsg": ".act_msg",
    "ActValRmNode": ".act_val_rm_node",
    "ArchiveBckMsg": ".archive_bck_msg",
    "ArgsMsg": ".args_msg",
    "AttachRemoteClusterWhat": ".attach_remote_cluster_what",
    "Bck": ".bck",
    "BlobMsg": ".blob_msg",
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
    "ClusterMountpaths": ".cluster_mountpaths",
    "ClusterMountpathsTargets": ".cluster_mountpaths_targets",
    "ClusterStats": ".cluster_stats",
    "ClusterStatsTarget": ".cluster_stats_target",
    "ClusterSysInfo": ".cluster_sys_info",
    "ClusterSysInfoProxy": ".cluster_sys_info_proxy",
    "ClusterSysInfoTarget": ".cluster_sys_info_target",
    "ConfigToSet": ".config_to_set",
    "CreateNBIMsg": ".create_nbi_msg",
    "CustomMD": ".custom_md",
    "DetachRemoteClusterWhat": ".detach_remote_cluster_what",
    "DiskStats": ".disk_stats",
    "DiskStatsAllDiskStats": ".disk_stats_all_disk_stats",
    "DiskStatsAllDiskStatsAdditionalProperty": ".disk_stats_all_disk_stats_additional_property",
    "DiskStatsMountpathsType0": ".disk_stats_mountpaths_type_0",
    "DownloadAdminMsg": ".download_admin_msg",
    "DownloadBody": ".download_body",
    "DownloadBodyHeaders": ".download_body_headers",
    "DownloadBodyLimits": ".download_body_limits",
    "DownloadBodyObjectsType1": ".download_body_objects_type_1",
    "DownloadBodyType": ".download_body_type",
    "DownloadJob": ".download_job",
    "DownloadStatus": ".download_status",
    "DownloadStatusDownloadErrorsItem": ".download_status_download_errors_item",
    "DownloadTask": ".download_task",
    "ECEncodeMsg": ".ec_encode_msg",
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
    "GetDaemonInfoSeverity": ".get_daemon_info_severity",
    "GetDaemonInfoWhat": ".get_daemon_info_what",
    "GetNodeInfoSeverity": ".get_node_info_severity",
    "GetNodeInfoWhat": ".get_node_info_what",
    "GetObjectArchmode": ".get_object_archmode",
    "IndexShardMsg": ".index_shard_msg",
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
    "MetricNames": ".metric_names",
    "MossIn": ".moss_in",
    "MossOut": ".moss_out",
    "MossReq": ".moss_req",
    "MossReqColoc": ".moss_req_coloc",
    "MossReqMime": ".moss_req_mime",
    "MossResp": ".moss_resp",
    "MountpathCapacity": ".mountpath_capacity",
    "MountpathCapacityFs": ".mountpath_capacity_fs",
    "MountpathList": ".mountpath_list",
    "MptCompletedPart": ".mpt_completed_part",
    "Namespace": ".namespace",
    "NBIInfo": ".nbi_info",
    "NBIInfoMap": ".nbi_info_map",
    "NetInfo": ".net_info",
    "NodeCapacity": ".node_capacity",
    "NodeCapacityMountpathsType0": ".node_capacity_mountpaths_type_0",
    "NodeStateInfo": ".node_state_info",
    "NodeStateInfoBmd": ".node_state_info_bmd",
    "NodeStateInfoSmap": ".node_state_info_smap",
    "NodeStateInfoSmapPrimary": ".node_state_info_smap_primary",
    "NodeStats": ".node_stats",
    "NodeStatsTracker": ".node_stats_tracker",
    "NodeStatus": ".node_status",
    "NodeStatusTracker": ".node_status_tracker",
    "PrefetchMsg": ".prefetch_msg",
    "Presence": ".presence",
    "PromoteArgs": ".promote_args",
    "Provider": ".provider",
    "PutObjectAppendType": ".put_object_append_type",
    "QueryClusterWhat": ".query_cluster_what",
    "QueryMsg": ".query_msg",
    "RechunkMsg": ".rechunk_msg",
    "RemoteCluster": ".remote_cluster",
    "RemoteClusters": ".remote_clusters",
    "ShardSummMsg": ".shard_summ_msg",
    "ShardSummResult": ".shard_summ_result",
    "Smap": ".smap",
    "SmapPmap": ".smap_pmap",
    "SmapTmap": ".smap_tmap",
    "SmapVote": ".smap_vote",
    "Snode": ".snode",
    "SnodeDaemonType": ".snode_daemon_type",
    "StartDownloadResponse200": ".start_download_response_200",
    "TCBMsg": ".tcb_msg",
    "TCBMsgExt": ".tcb_msg_ext",
    "TCOMsg": ".tco_msg",
    "UpdateClusterConfigNvs": ".update_cluster_config_nvs",
    "UpdateNodeConfigNvs": ".update_node_config_nvs",
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
    "ActValRmNode",
    "ArchiveBckMsg",
    "ArgsMsg",
    "AttachRemoteClusterWhat",
    "Bck",
    "BlobMsg",
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
    "ClusterMountpaths",
    "ClusterMountpathsTargets",
    "ClusterStats",
    "ClusterStatsTarget",
    "ClusterSysInfo",
    "ClusterSysInfoProxy",
    "ClusterSysInfoTarget",
    "ConfigToSet",
    "CreateNBIMsg",
    "CustomMD",
    "DetachRemoteClusterWhat",
    "DiskStats",
    "DiskStatsAllDiskStats",
    "DiskStatsAllDiskStatsAdditionalProperty",
    "DiskStatsMountpathsType0",
    "DownloadAdminMsg",
    "DownloadBody",
    "DownloadBodyHeaders",
    "DownloadBodyLimits",
    "DownloadBodyObjectsType1",
    "DownloadBodyType",
    "DownloadJob",
    "DownloadStatus",
    "DownloadStatusDownloadErrorsItem",
    "DownloadTask",
    "ECEncodeMsg",
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
    "GetDaemonInfoSeverity",
    "GetDaemonInfoWhat",
    "GetNodeInfoSeverity",
    "GetNodeInfoWhat",
    "GetObjectArchmode",
    "IndexShardMsg",
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
    "MetricNames",
    "MossIn",
    "MossOut",
    "MossReq",
    "MossReqColoc",
    "MossReqMime",
    "MossResp",
    "MountpathCapacity",
    "MountpathCapacityFs",
    "MountpathList",
    "MptCompletedPart",
    "NBIInfo",
    "NBIInfoMap",
    "Namespace",
    "NetInfo",
    "NodeCapacity",
    "NodeCapacityMountpathsType0",
    "NodeStateInfo",
    "NodeStateInfoBmd",
    "NodeStateInfoSmap",
    "NodeStateInfoSmapPrimary",
    "NodeStats",
    "NodeStatsTracker",
    "NodeStatus",
    "NodeStatusTracker",
    "PrefetchMsg",
    "Presence",
    "PromoteArgs",
    "Provider",
    "PutObjectAppendType",
    "QueryClusterWhat",
    "QueryMsg",
    "RechunkMsg",
    "RemoteCluster",
    "RemoteClusters",
    "ShardSummMsg",
    "ShardSummResult",
    "Smap",
    "SmapPmap",
    "SmapTmap",
    "SmapVote",
    "Snode",
    "SnodeDaemonType",
    "StartDownloadResponse200",
    "TCBMsg",
    "TCBMsgExt",
    "TCOMsg",
    "UpdateClusterConfigNvs",
    "UpdateNodeConfigNvs",
)
