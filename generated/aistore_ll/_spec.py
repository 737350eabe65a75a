"""Provenance of this generated package (written by scripts/generate.py; do not edit)."""

SPEC_PATH = "spec/ais.yaml"
SPEC_SHA256 = "0a8de8facb30512d34656acdf4853278a50d1f123ed03f77fa6f5f0589159dc9"
# sha256 over the generator config, the template overrides and the msgspec aliases
GENERATOR_INPUTS_SHA256 = "fa14a3a15e3e423ceaad028872a9be41aa15691c41e4c6dbc4bff45596d26adf"
OPENAPI_PYTHON_CLIENT_VERSION = "0.29.1"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
