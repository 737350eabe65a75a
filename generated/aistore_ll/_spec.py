"""Provenance of this generated package (written by scripts/generate.py; do not edit)."""

SPEC_PATH = "spec/ais.yaml"
SPEC_SHA256 = "f1a873f8bc515ada86f01d4db09638e0b7dd80256e49db8f8b61183cf18065f1"
# sha256 over the generator config, the template overrides and the msgspec aliases
GENERATOR_INPUTS_SHA256 = "eedd0fab41b310b013e780968507a483b2dcf6ee2b2bbbf90363d593b1469d68"
OPENAPI_PYTHON_CLIENT_VERSION = "0.29.1"
DATAMODEL_CODE_GENERATOR_VERSION = "0.89.0"
RUFF_VERSION = "0.17.6"
