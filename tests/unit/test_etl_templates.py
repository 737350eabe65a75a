"""aistore_hl.etl_templates: each template is a pod spec today's AIS accepts."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped,unused-ignore]

from aistore_hl import etl_templates
from aistore_hl.etl_templates import ECHO, GO_ECHO, HELLO_WORLD, MD5, TAR2TF, TEMPLATES

ALL = {"MD5": MD5, "HELLO_WORLD": HELLO_WORLD, "GO_ECHO": GO_ECHO, "ECHO": ECHO, "TAR2TF": TAR2TF}


def test_registry_is_complete() -> None:
    assert TEMPLATES == ALL
    for name in ALL:
        assert name in etl_templates.__all__


@pytest.mark.parametrize("name", sorted(ALL))
@pytest.mark.parametrize("comm", ["hpush://", "hpush", "hpull://", "hpull", "ws://"])
def test_template_is_a_valid_ais_pod_spec(name: str, comm: str) -> None:
    template = ALL[name]
    assert isinstance(template, str)
    assert "{communication_type}" in template
    text = template.format(communication_type=comm)
    assert type(text) is str
    pod: dict[str, Any] = yaml.safe_load(text)
    assert pod["apiVersion"] == "v1" and pod["kind"] == "Pod"
    annotations = pod["metadata"]["annotations"]
    expected = comm if comm.endswith("://") else comm + "://"
    assert annotations["communication_type"] == expected
    assert pod["metadata"]["name"]
    # What ext/etl/api.go:InitSpecMsg.Validate requires:
    containers = pod["spec"]["containers"]
    assert len(containers) == 1
    container = containers[0]
    assert container["image"].startswith("aistorage/transformer_")
    assert len(container["ports"]) == 1
    assert container["ports"][0]["name"] == "default"
    assert isinstance(container["ports"][0]["containerPort"], int)
    probe = container["readinessProbe"]["httpGet"]
    assert probe["path"]
    assert probe["port"] == "default"
    assert isinstance(container["command"], list) and container["command"]


def test_format_keeps_extra_arguments_ignored_and_pickles() -> None:
    # Seed-era callers may pass extra keywords; str.format ignores unused ones.
    assert "hpull://" in MD5.format(communication_type="hpull", key="k", value="v")
    assert pickle.loads(pickle.dumps(MD5)) == MD5
    with pytest.raises(KeyError):
        MD5.format()
