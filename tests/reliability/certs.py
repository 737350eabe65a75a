"""A throwaway CA and node certificate for the TLS tests, made with the ``openssl`` CLI.

(The ``cryptography`` package is not a project dependency; ``openssl`` is on every test machine.)
The node certificate is valid for ``IP:127.0.0.1`` and ``DNS:localhost``, for both server and client
use (aisnode also presents it on its intra-cluster connections). Keys are ECDSA P-256: fast to make.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Certs:
    ca: Path
    ca_key: Path
    cert: Path
    key: Path
    other_ca: Path  # a second, unrelated CA: trusting it must not be enough


def _run(*args: str, cwd: Path) -> None:
    proc = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError(f"openssl {' '.join(args)} failed: {proc.stderr}")


def _ca(dir_: Path, name: str) -> tuple[Path, Path]:
    key, crt = dir_ / f"{name}.key", dir_ / f"{name}.crt"
    _run(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        key.name,
        "-out",
        crt.name,
        "-days",
        "2",
        "-subj",
        f"/CN=aistore-hl test {name}",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        "-addext",
        "subjectKeyIdentifier=hash",
        cwd=dir_,
    )
    return crt, key


def make_certs(dir_: Path) -> Certs:
    if shutil.which("openssl") is None:
        raise RuntimeError("the openssl CLI is needed to make test certificates")
    dir_.mkdir(parents=True, exist_ok=True)
    ca, ca_key = _ca(dir_, "ca")
    other_ca, _ = _ca(dir_, "other-ca")
    (dir_ / "node.ext").write_text(
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth,clientAuth\n"
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
        "subjectKeyIdentifier=hash\n"
        "authorityKeyIdentifier=keyid,issuer\n"
    )
    _run(
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        "node.key",
        "-out",
        "node.csr",
        "-subj",
        "/CN=127.0.0.1",
        cwd=dir_,
    )
    _run(
        "x509",
        "-req",
        "-in",
        "node.csr",
        "-CA",
        ca.name,
        "-CAkey",
        ca_key.name,
        "-CAcreateserial",
        "-out",
        "node.crt",
        "-days",
        "2",
        "-extfile",
        "node.ext",
        cwd=dir_,
    )
    return Certs(ca=ca, ca_key=ca_key, cert=dir_ / "node.crt", key=dir_ / "node.key", other_ca=other_ca)
