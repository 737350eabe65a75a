"""Provenance of this generated package (written by scripts/generate.py; do not edit)."""

SPEC_PATH = "spec/ais.yaml"
SPEC_SHA256 = "9965fb33dc4add67c7b8caa14282b0ed331f5027e5aa41e0529db505883148fa"
# sha256 over the generator config, the template overrides and the msgspec aliases
GENERATOR_INPUTS_SHA256 = "a8b25ca9238573070da28bf38d57ed483dfdac04ee8a9980bd32768587c252d5"
OPENAPI_PYTHON_CLIENT_VERSION = "0.29.1"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
