"""The bench's cases, one module per family; each has its rounds and its table rows.

* ``large``           GET (stream and into a file) and PUT of one large object;
* ``small``           N-way GET and PUT of small objects;
* ``listing``         paged listing, with the cluster's own pace as the ceiling;
* ``imports``         import time;
* ``fsspec_parquet``  pyarrow reading Parquet through ``AISFileSystem``;
* ``batch``           Get-Batch (its own interleaved rounds); ``torch_data``: DataLoader, shard reader;
* ``transfer``        ``Bucket.put_files`` (``make bench`` runs it on its own cluster, after bench.run);
* ``base``            the run's parameters and context; ``data``: the seeded data.

The order of a run's cases and of the table's rows is bench/run.py's ``ROUNDS`` and ``ROWS``.
This package imports nothing at import time (``bench.report`` imports ``bench.cases.base``).
"""
