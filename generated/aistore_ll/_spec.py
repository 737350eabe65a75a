"""Provenance of this generated package (written by scripts/generate.py; do not edit)."""

SPEC_PATH = "spec/ais.yaml"
SPEC_SHA256 = "26e8327c373addde466e3881518965e88988d3c0a5d7d994ff503f3fc0b86143"
# sha256 over the generator config, the template overrides and the msgspec aliases
GENERATOR_INPUTS_SHA256 = "93d03f444bbf1ed21d73562b17ee30dfe1f9ba6c90333896ede2d1d5f6b18351"
OPENAPI_PYTHON_CLIENT_VERSION = "0.29.1"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
