"""Provenance of this generated package (written by scripts/generate.py; do not edit)."""

SPEC_PATH = "spec/ais.yaml"
SPEC_SHA256 = "0a8de8facb30512d34656acdf4853278a50d1f123ed03f77fa6f5f0589159dc9"
# sha256 over the generator config, the template overrides and the msgspec aliases
GENERATOR_INPUTS_SHA256 = "a8b25ca9238573070da28bf38d57ed483dfdac04ee8a9980bd32768587c252d5"
OPENAPI_PYTHON_CLIENT_VERSION = "0.29.1"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
