from typing import Literal

Provider = Literal["ais", "aws", "az", "azure", "gcp", "gs", "oc", "oci", "s3"]

PROVIDER_VALUES: set[Provider] = {
    "ais",
    "aws",
    "az",
    "azure",
    "gcp",
    "gs",
    "oc",
    "oci",
    "s3",
}


def check_provider(value: str) -> Provider:
    if value in PROVIDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROVIDER_VALUES!r}")
