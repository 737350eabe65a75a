"""``aistore_hl._checksum``: one module hashes for streams, downloads and transfers."""

from __future__ import annotations

import pytest

from aistore_hl import _checksum, _download, obj_stream, transfer


def test_every_reader_uses_the_one_module() -> None:
    # A second copy of the hashers (the old obj_stream ones, or one in a new reader) fails here.
    assert obj_stream.checksum_hasher is _checksum.checksum_hasher
    assert obj_stream.supported_checksums is _checksum.supported_checksums
    assert _download.checksum_hasher is _checksum.checksum_hasher
    assert transfer.checksum_hasher is _checksum.checksum_hasher


@pytest.mark.parametrize(
    ("ctype", "data", "hexdigest"),
    [
        ("md5", b"abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("sha256", b"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("crc32c", b"123456789", "e3069283"),  # the CRC-32C check value, big-endian hex
        ("xxhash2", b"", "ef46db3751d8e999"),  # XXH64, seed 0
        ("XXHASH", b"", "ef46db3751d8e999"),
    ],
)
def test_hex_forms_are_the_servers(ctype: str, data: bytes, hexdigest: str) -> None:
    hasher, reason = _checksum.checksum_hasher(ctype)
    assert hasher is not None, reason
    hasher.update(data)
    assert hasher.hexdigest() == hexdigest
    assert len(hexdigest) == _checksum.DIGEST_HEX_LEN[ctype.lower()]


def test_unknown_type_says_why() -> None:
    hasher, reason = _checksum.checksum_hasher("sha3")
    assert hasher is None and "sha3" in reason
