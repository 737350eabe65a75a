"""Streaming TAR parsing and WebDataset grouping for the shard reader (pure, no I/O).

``tarfile`` in stream mode costs tens of microseconds per member (TarInfo objects, header
checks of every field); a shard of small samples has thousands of members, so members are cut
straight out of the byte stream here: ustar headers, GNU long names (``L``) and pax ``path``
records (``x``), the formats ``tar``, Go's ``archive/tar`` and AIS itself write.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from aistore_hl.errors import ShardError

_BLOCK = 512
_ZERO = bytes(_BLOCK)
_KEY = re.compile(r"^((?:.*/)?[^./]+)\.([^/]+)$")


def _size(header: bytes) -> int:
    field = header[124:136]
    if field[0] & 0x80:  # base-256 (GNU) for sizes of 8 GiB and more
        return int.from_bytes(field[1:], "big")
    text = field.split(b"\0", 1)[0].strip()
    return int(text, 8) if text else 0


def _name(header: bytes) -> str:
    name = header[0:100].split(b"\0", 1)[0]
    if header[257:262] == b"ustar":
        prefix = header[345:500].split(b"\0", 1)[0]
        if prefix:
            name = prefix + b"/" + name
    return name.decode("utf-8", "surrogateescape")


def _pax_path(data: bytes) -> str | None:
    pos, path = 0, None
    while pos < len(data):
        sp = data.index(b" ", pos)
        length = int(data[pos:sp])
        key, _, value = data[sp + 1 : pos + length - 1].partition(b"=")
        if key == b"path":
            path = value.decode("utf-8", "surrogateescape")
        pos += length
    return path


def members(pieces: Iterable[bytes], shard: str) -> Iterator[tuple[str, bytes]]:
    """``(name, data)`` of every regular file of the TAR stream ``pieces``, in order.

    Raises:
        ShardError: A bad header or a stream that ends inside a member.
    """
    buf = bytearray()
    pos = 0
    long_name: str | None = None
    it = iter(pieces)
    done = False

    def need(n: int) -> bool:
        nonlocal buf, pos, done
        while len(buf) - pos < n and not done:
            try:
                piece = next(it)
            except StopIteration:
                done = True
                break
            if pos > (1 << 20):  # drop what is parsed, so memory stays at about one piece
                del buf[:pos]
                pos = 0
            buf += piece
        return len(buf) - pos >= n

    while True:
        if not need(_BLOCK):
            if len(buf) - pos:
                raise ShardError(shard, "ends inside a header")
            return  # no end-of-archive blocks: accepted, as tar itself does
        header = bytes(buf[pos : pos + _BLOCK])
        pos += _BLOCK
        if header == _ZERO:
            return
        try:
            size = _size(header)
        except ValueError:
            raise ShardError(shard, f"bad header at byte {pos - _BLOCK}") from None
        padded = (size + _BLOCK - 1) // _BLOCK * _BLOCK
        if not need(padded) and len(buf) - pos < size:
            raise ShardError(shard, f"ends inside member {_name(header)!r}")
        data = bytes(buf[pos : pos + size])
        pos += padded
        kind = header[156:157]
        if kind == b"L":
            long_name = data.split(b"\0", 1)[0].decode("utf-8", "surrogateescape")
        elif kind == b"x":
            long_name = _pax_path(data) or long_name
        elif kind in (b"0", b"\0", b"7"):
            name = long_name if long_name is not None else _name(header)
            long_name = None
            yield name, data
        else:  # directories, links, global pax headers: no sample data
            long_name = None


def split_key(name: str) -> tuple[str, str]:
    """WebDataset's ``(key, extension)``: ``a/b/0001.seg.png`` -> ``("a/b/0001", "seg.png")``.

    A name without an extension is its own key with extension ``""``.
    """
    m = _KEY.match(name)
    return (m[1], m[2]) if m else (name, "")


def samples(files: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, dict[str, bytes]]]:
    """Group consecutive members by key into ``(key, {extension: data})`` samples."""
    key: str | None = None
    sample: dict[str, bytes] = {}
    for name, data in files:
        k, ext = split_key(name)
        if k != key:
            if key is not None:
                yield key, sample
            key, sample = k, {}
        sample[ext] = data
    if key is not None:
        yield key, sample
