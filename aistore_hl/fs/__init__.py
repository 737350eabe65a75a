"""fsspec filesystems for AIStore: ``ais://bucket/key`` for pandas, pyarrow, dask, zarr...

Install with ``pip install aistore-hl[fsspec]``; fsspec then finds :class:`AISFileSystem` by its
protocol (``fsspec.filesystem("ais")``, ``pd.read_parquet("ais://bucket/x.parquet")``).
:class:`AISAsyncFileSystem` is the asyncio twin on ``AsyncClient``. Importing ``aistore_hl``
never imports this package (nor fsspec).
"""

from aistore_hl.fs._async import AISAsyncFileSystem
from aistore_hl.fs._cache import AISReadaheadCache
from aistore_hl.fs._core import AISFileSystem
from aistore_hl.fs._file import AISFile

__all__ = ["AISAsyncFileSystem", "AISFile", "AISFileSystem", "AISReadaheadCache"]
