"""fsspec's own abstract test suite (``fsspec.tests.abstract``) run on ``AISFileSystem`` and the real cluster.

These are the copy/get/put/open/pipe tests fsspec ships for third-party filesystems to reuse: we
only provide the fixtures. The filesystem under test is the one fsspec itself finds by protocol
(``fsspec.filesystem("ais")``, through the ``fsspec.specs`` entry point). Every test works under a
fresh prefix of one bucket of the module. AIS has no empty directories, which the suite allows
for (``supports_empty_directories`` False: it adds a dummy file where it needs a directory).
"""

from __future__ import annotations

import posixpath
import uuid
from collections.abc import Callable, Iterator

import fsspec
import pytest
from fsspec.tests.abstract import (
    AbstractCopyTests,
    AbstractFixtures,
    AbstractGetTests,
    AbstractOpenTests,
    AbstractPipeTests,
    AbstractPutTests,
)

from aistore_hl.fs import AISFileSystem


@pytest.fixture(scope="module")
def ais_fs(ais_endpoint: str) -> Iterator[AISFileSystem]:
    fs = fsspec.filesystem("ais", endpoint=ais_endpoint, skip_instance_cache=True)
    assert isinstance(fs, AISFileSystem)  # found through the fsspec.specs entry point
    yield fs
    fs.client.close()


@pytest.fixture(scope="module")
def fs_bucket(module_bucket_factory: Callable[..., str]) -> str:
    return module_bucket_factory("fsabs")


class AISFixtures(AbstractFixtures):  # type: ignore[misc]
    @pytest.fixture
    def fs(self, ais_fs: AISFileSystem) -> AISFileSystem:
        return ais_fs

    @pytest.fixture
    def fs_path(self, fs_bucket: str) -> str:
        return f"{fs_bucket}/{uuid.uuid4().hex[:10]}"

    @pytest.fixture
    def fs_join(self) -> Callable[..., str]:
        return posixpath.join

    @pytest.fixture
    def supports_empty_directories(self) -> bool:
        return False

    @pytest.fixture
    def fs_target(self, fs: AISFileSystem, fs_join: Callable[..., str], fs_path: str) -> Iterator[str]:
        target = fs_join(fs_path, "target")
        yield target
        if fs.exists(target):
            fs.rm(target, recursive=True)


class TestAISCopy(AbstractCopyTests, AISFixtures):  # type: ignore[misc]
    pass


class TestAISGet(AbstractGetTests, AISFixtures):  # type: ignore[misc]
    pass


class TestAISPut(AbstractPutTests, AISFixtures):  # type: ignore[misc]
    pass


class TestAISOpen(AbstractOpenTests, AISFixtures):  # type: ignore[misc]
    pass


class TestAISPipe(AbstractPipeTests, AISFixtures):  # type: ignore[misc]
    pass
