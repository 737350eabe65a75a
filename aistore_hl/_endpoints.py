"""Generated endpoint modules, each imported the first time a request is built with it.

``import aistore_hl`` would otherwise import every endpoint the plans name (~30 ms of the
package's import time on the bench machine, docs/bench/layout-18.md) although a program uses a
few. ``importlib.import_module`` is thread-safe, so the first use may come from any thread.

The object GET/PUT/HEAD and the listing are imported with the package (``eager``): nearly every
program uses them first thing, and a lazy import there would only move its cost into the first
request (measured: the first 20,000-entry listing took ~40 ms longer, the list endpoint importing
the models of every answer the route multiplexes).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

_PACKAGE = "aistore_ll.api."


class Endpoint:
    """Stands for the generated module ``aistore_ll.api.<path>`` until it is first used."""

    __slots__ = ("_module", "path")

    def __init__(self, path: str, *, eager: bool = False) -> None:
        self.path = path
        self._module: ModuleType | None = None
        if eager:
            self._module = importlib.import_module(_PACKAGE + path)

    @property
    def module(self) -> ModuleType:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(_PACKAGE + self.path)
        return module

    def request_kwargs(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The generated ``request_kwargs``: method, URL, query, headers and body of one request."""
        kw: dict[str, Any] = self.module.request_kwargs(*args, **kwargs)
        return kw

    def __repr__(self) -> str:
        return f"Endpoint({self.path!r})"


# -- the endpoints the plans use, by generated module (aistore_ll/api/<tag>/<operation>.py) ----------
archive_objects = Endpoint("bucket.archive_objects")
delete_bucket = Endpoint("bucket.delete_bucket")
head_bucket = Endpoint("bucket.head_bucket")
list_objects = Endpoint("bucket.list_objects", eager=True)
perform_bucket_action = Endpoint("bucket.perform_bucket_action")
update_bucket_props = Endpoint("bucket.update_bucket_props")
get_daemon_info = Endpoint("cluster.get_daemon_info")
get_health = Endpoint("cluster.get_health")
get_node_info = Endpoint("cluster.get_node_info")
list_buckets = Endpoint("cluster.list_buckets")
delete_etl = Endpoint("etl.delete_etl")
get_etl = Endpoint("etl.get_etl")
init_etl = Endpoint("etl.init_etl")
list_etls = Endpoint("etl.list_etls")
start_etl = Endpoint("etl.start_etl")
stop_etl = Endpoint("etl.stop_etl")
perform_cluster_action = Endpoint("job.perform_cluster_action")
query_cluster = Endpoint("job.query_cluster")
delete_object = Endpoint("object_.delete_object")
get_object = Endpoint("object_.get_object", eager=True)
head_object = Endpoint("object_.head_object", eager=True)
perform_object_action = Endpoint("object_.perform_object_action")
perform_objects_action = Endpoint("object_.perform_objects_action")
put_object = Endpoint("object_.put_object", eager=True)
update_object_props = Endpoint("object_.update_object_props")
