"""aistore_hl.batch's pure layer: the incremental TAR reader, the multipart splitter, the per-entry
checks, the request plan, and bad input refused before any request. No cluster (the wire itself is
tested in tests/integration/test_batch.py and tests/contract)."""

from __future__ import annotations

import io
import json
import random
import tarfile
from typing import Any

import pytest

from aistore_hl import Client
from aistore_hl.batch import (
    DEFAULT_REQUEST_SIZE,
    _Assembler,
    _Item,
    _Options,
    _plan,
    _request,
    _TarReader,
)
from aistore_hl.errors import (
    BatchEntryMismatch,
    BatchIncomplete,
    BatchObjNotFound,
    EmptyBatch,
    ErrObjNotFound,
    InvalidArgument,
    InvalidObjectName,
)
from aistore_hl.types import Bck, Namespace

B = Bck("b", "ais")
TAR = _Options(".tar", cont_on_err=False, only_obj_name=False, streaming=True, colocation=0)
COER = _Options(".tar", cont_on_err=True, only_obj_name=False, streaming=True, colocation=0)


def make_tar(members: list[tuple[str, bytes]], fmt: int = tarfile.USTAR_FORMAT) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def pieces(data: bytes, sizes: list[int]) -> list[bytes]:
    out, pos, i = [], 0, 0
    while pos < len(data):
        n = sizes[i % len(sizes)]
        out.append(data[pos : pos + n])
        pos += n
        i += 1
    return out


MEMBERS = [("b/a", b"A" * 700), ("b/empty", b""), ("b/dir/c d", bytes(range(256)) * 3), ("b/a", b"A" * 700)]


@pytest.mark.parametrize("sizes", [[1], [511, 513], [1000], [7, 4096, 3], [1 << 20]])
@pytest.mark.parametrize("fmt", [tarfile.USTAR_FORMAT, tarfile.GNU_FORMAT, tarfile.PAX_FORMAT])
def test_tar_reader_any_split(sizes: list[int], fmt: int) -> None:
    long = "b/" + "x" * 150 + "/" + "y" * 120  # beyond USTAR's 100 + 155: GNU 'L' or PAX 'path'
    members = [*MEMBERS, (long, b"L" * 10)] if fmt != tarfile.USTAR_FORMAT else MEMBERS
    data = make_tar(members, fmt)
    reader = _TarReader()
    got = [(m.name, m.data) for p in pieces(data + b"--boundary--\r\n", sizes) for m in reader.feed(p)]
    reader.finish()
    assert got == members
    assert reader.ended and not reader.in_member


def test_tar_reader_reports_where_it_stopped() -> None:
    data = make_tar(MEMBERS)
    header_end = 512 + 1024 + 512  # b/a (header + 2 blocks), b/empty's header
    reader = _TarReader()
    assert [m.name for m in reader.feed(data[: header_end + 512 + 100])] == ["b/a", "b/empty"]
    reader.finish()
    assert reader.in_member and not reader.ended  # inside b/dir/c d's data
    reader = _TarReader()
    reader.feed(data[:header_end])
    reader.finish()
    assert not reader.in_member  # stopped between two entries


def test_tar_reader_refuses_garbage() -> None:
    with pytest.raises(ValueError, match="USTAR"):
        _TarReader().feed(b"x" * 512)


def items(*names: str, **kw: Any) -> list[_Item]:
    return [_Item(B, n, **kw) for n in names]


def feed_all(asm: _Assembler, data: bytes, step: int = 300) -> list[Any]:
    out = []
    for p in pieces(data, [step]):
        out.extend(asm.feed(p))
    out.extend(asm.finish())
    return out


def test_assembler_entries_in_order_with_checks() -> None:
    req = _request(0, [*items("a", "empty"), _Item(B, "dir/c d", start=3, length=768), *items("a")], TAR)
    asm = _Assembler(req, TAR, "application/x-tar", "u")
    data = make_tar([("b/a", b"A" * 700), ("b/empty", b""), ("b/dir/c d", b"z" * 768), ("b/a", b"A" * 700)])
    got = feed_all(asm, data)
    assert [(e.index, e.obj_name, e.size, e.data) for e in got] == [
        (0, "a", 700, b"A" * 700),
        (1, "empty", 0, b""),
        (2, "dir/c d", 768, b"z" * 768),
        (3, "a", 700, b"A" * 700),
    ]
    info, data0 = got[0]  # the official SDK's (MossOut, bytes) unpacking
    assert info is got[0] and data0 == b"A" * 700


def test_assembler_hands_over_before_the_end_marker() -> None:
    req = _request(0, items("a", "c"), TAR)
    asm = _Assembler(req, TAR, "application/x-tar", "u")
    data = make_tar([("b/a", b"1" * 10), ("b/c", b"2" * 10)])
    got = asm.feed(data[: 512 * 4])  # both entries, no end-of-archive blocks yet (the ~100 ms tail)
    assert [e.obj_name for e in got] == ["a", "c"] and asm.complete


@pytest.mark.parametrize("where", [0, 1, 2])
def test_missing_entry_is_typed_never_empty(where: int) -> None:
    names = ["x", "y", "z"]
    members = [(f"b/{n}", n.encode() * 5) for n in names]
    members[where] = (f"__404__/b/{names[where]}", b"")
    data = make_tar(members)
    got = feed_all(_Assembler(_request(0, items(*names), COER), COER, "application/x-tar", "u"), data)
    assert [e.ok for e in got] == [i != where for i in range(3)]
    bad = got[where]
    assert bad.size == 0 and isinstance(bad.error, BatchObjNotFound) and bad.error.index == where
    with pytest.raises(BatchObjNotFound):
        _ = bad.data
    with pytest.raises(ErrObjNotFound):  # the error is an ErrObjNotFound, as for a single GET
        _info, _data = bad
    # without cont_on_err the same answer raises at that entry, after delivering the ones before
    asm = _Assembler(_request(0, items(*names), TAR), TAR, "application/x-tar", "u")
    delivered: list[str] = []
    with pytest.raises(BatchObjNotFound) as exc:
        for p in pieces(data, [512]):
            delivered += [e.obj_name for e in asm.feed(p)]
    assert exc.value.index == where and delivered == names[:where]


@pytest.mark.parametrize("cut", ["early", "mid"])
def test_short_archive_names_the_first_entry_not_delivered(cut: str) -> None:
    data = make_tar([("b/a", b"1" * 600), ("b/c", b"2" * 600)])
    req = _request(10, items("a", "c", "d"), TAR)  # the third request entry of a split batch
    asm = _Assembler(req, TAR, "application/x-tar", "u")
    body = data if cut == "early" else data[: 512 + 1024 + 512 + 100]
    with pytest.raises(BatchIncomplete) as exc:
        feed_all(asm, body)
    want = (12, "b/d", False) if cut == "early" else (11, "b/c", True)
    assert (exc.value.index, exc.value.name, exc.value.mid_entry) == want
    assert exc.value.expected == 13


def test_mismatches_raise() -> None:
    asm = _Assembler(_request(0, items("a"), TAR), TAR, "application/x-tar", "u")
    with pytest.raises(BatchEntryMismatch, match="holds 'b/other'"):
        feed_all(asm, make_tar([("b/other", b"x")]))
    # a range answered whole (AIS 5.0 does that for a range outside an object a peer owns)
    req = _request(0, [_Item(B, "a", start=100, length=1)], TAR)
    with pytest.raises(BatchEntryMismatch, match="10 bytes, asked 1"):
        feed_all(_Assembler(req, TAR, "application/x-tar", "u"), make_tar([("b/a", b"x" * 10)]))
    asm = _Assembler(_request(0, items("a"), TAR), TAR, "application/x-tar", "u")
    with pytest.raises(BatchEntryMismatch, match="extra"):
        feed_all(asm, make_tar([("b/a", b"x"), ("b/a", b"x")]))


MP = _Options(".tar", cont_on_err=True, only_obj_name=True, streaming=False, colocation=0)


def multipart(meta: dict[str, Any], archive: bytes, boundary: str = "bnd123") -> tuple[str, bytes]:
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n'.encode()
        + json.dumps(meta).encode()
        + b"\n\r\n"
        + f'--{boundary}\r\nContent-Disposition: form-data; name="archive"; filename="x"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n".encode()
        + archive
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return f"multipart/mixed; boundary={boundary}", body


@pytest.mark.parametrize("step", [1, 37, 100_000])
def test_multipart_metadata_then_archive(step: int) -> None:
    out = [
        {"objname": "a", "bucket": "b", "provider": "ais", "size": 3},
        {
            "objname": "m",
            "bucket": "b",
            "provider": "",
            "size": 0,
            "err_msg": "t[x]: ais://b/m does not exist",
        },
    ]
    ctype, body = multipart({"uuid": "gbt-1", "out": out}, make_tar([("a", b"abc"), ("__404__/m", b"")]))
    got = feed_all(_Assembler(_request(0, items("a", "m"), MP), MP, ctype, "u"), body, step)
    assert got[0].data == b"abc" and got[1].err_msg == "t[x]: ais://b/m does not exist"


def test_multipart_metadata_must_agree() -> None:
    out = [{"objname": "a", "bucket": "b", "provider": "ais", "size": 4}]
    ctype, body = multipart({"uuid": "gbt-1", "out": out}, make_tar([("a", b"abc")]))
    with pytest.raises(BatchEntryMismatch, match="metadata says 'a' of 4 bytes"):
        feed_all(_Assembler(_request(0, items("a"), MP), MP, ctype, "u"), body)
    ctype, body = multipart({"uuid": "gbt-1", "out": out * 2}, make_tar([("a", b"abc")]))
    with pytest.raises(BatchEntryMismatch, match="metadata has 2 entries, asked 1"):
        feed_all(_Assembler(_request(0, items("a"), MP), MP, ctype, "u"), body)


def test_plan_splits_and_names_buckets() -> None:
    other = Bck("o", "aws")
    ns = Bck("n", "ais", Namespace(uuid="remais", name=""))
    its = [*items(*(f"k{i}" for i in range(5))), _Item(other, "x"), _Item(ns, "y", archpath="p/q.txt")]
    reqs = _plan(its, COER, 3)
    assert [(r.first, len(r.items)) for r in reqs] == [(0, 3), (3, 3), (6, 1)]
    assert reqs[0].path == "/v1/ml/moss/b" and reqs[0].params == {"provider": "ais"}
    assert json.loads(reqs[0].body) == {
        "in": [{"objname": f"k{i}"} for i in range(3)],
        "onob": False,
        "strm": True,
        "coer": True,
    }
    assert reqs[1].path == "/v1/ml/moss"  # several buckets: every entry names its own
    assert json.loads(reqs[1].body)["in"] == [
        {"objname": "k3", "bucket": "b", "provider": "ais"},
        {"objname": "k4", "bucket": "b", "provider": "ais"},
        {"objname": "x", "bucket": "o", "provider": "aws"},
    ]
    assert reqs[2].path == "/v1/ml/moss/n" and reqs[2].params == {"provider": "ais", "namespace": "@remais#"}
    colo = _request(0, items("a"), _Options(".zip", False, True, True, 1))
    assert colo.params["coloc"] == 1 and json.loads(colo.body)["mime"] == ".zip"
    assert DEFAULT_REQUEST_SIZE >= 1000


@pytest.fixture
def offline() -> Client:
    """A client of an address nothing listens on: every check below must fail before a request."""
    return Client("http://127.0.0.1:1", retry=None)


def test_bad_input_before_any_request(offline: Client) -> None:
    b = offline.bucket("b")
    with pytest.raises(EmptyBatch):
        offline.batch(bucket=b).get()
    cases: list[tuple[dict[str, Any], type[Exception], str]] = [
        ({"start": -1, "length": 5}, InvalidArgument, "start"),
        ({"start": 5, "length": 0}, InvalidArgument, "use -1"),
        ({"length": -2}, InvalidArgument, "length"),
        ({"archpath": "a/../b"}, InvalidArgument, "archpath"),
        ({"archpath": "dir/"}, InvalidArgument, "archpath"),
        ({"opaque": "text"}, InvalidArgument, "opaque"),
    ]
    for kw, exc, match in cases:
        with pytest.raises(exc, match=match):
            offline.batch(bucket=b).add("o", **kw)
    for bad in ("", "a/../b", "dir/", "~/x"):
        with pytest.raises(InvalidObjectName):
            offline.batch([bad], bucket=b)
    with pytest.raises(InvalidArgument, match="no bucket"):
        offline.batch(["o"])
    with pytest.raises(InvalidArgument, match="output_format"):
        offline.batch(["o"], bucket=b, output_format=".rar")
    with pytest.raises(InvalidArgument, match="colocation"):
        offline.batch(["o"], bucket=b, colocation=3)
    with pytest.raises(InvalidArgument, match="request_size"):
        offline.batch(["o"], bucket=b, request_size=0)
    ok = offline.batch(bucket=b).add("o", start=5, length=-1).add(b.object("p"), archpath="x.txt")
    assert len(ok) == 2


def test_random_splits_keep_every_byte() -> None:
    rnd = random.Random(7)
    members = [(f"b/o{i}", rnd.randbytes(rnd.choice([0, 1, 511, 512, 513, 5000]))) for i in range(40)]
    data = make_tar(members)
    asm = _Assembler(_request(0, items(*(f"o{i}" for i in range(40))), TAR), TAR, "application/x-tar", "u")
    got = []
    pos = 0
    while pos < len(data):
        n = rnd.randint(1, 3000)
        got += asm.feed(data[pos : pos + n])
        pos += n
    got += asm.finish()
    assert [e.data for e in got] == [d for _, d in members]
