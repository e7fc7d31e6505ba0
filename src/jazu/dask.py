"""The distributed engine (`pip install 'jazu[dask]'`): convert a partitioned data set, column
by column, on a Dask cluster — a `distributed.LocalCluster` on one machine, or a cluster of many
(the same code: only the `Client` you connect differs).

    import dask.dataframe as dd
    from jazu.dask import convert_dataframe

    frame = dd.read_parquet("crawl/*.parquet")            # or dd.read_json("crawl/*.jsonl", lines=True)
    convert_dataframe(frame, ["text", "title"], target="latn").to_parquet("crawl-latn/")

Each worker process builds one Transliterator per set of options, the first time a partition
needs it, and keeps it (compiled tables and word cache) for every partition after: the graph
carries only the options, never a converter. Values that are not strings (None, numbers) pass
through; the output is what one process gives (`tests/test_dask.py`).
"""

from __future__ import annotations

from typing import Any, Sequence, Tuple

def transliterator(options: Tuple[Any, ...]) -> Any:
    """This process's Transliterator for `options` (the Transliterator's own arguments): the one
    `jazu.transliterate` shares in the process, built the first time."""
    from jazu import _transliterator

    return _transliterator(*options)


def convert_partition(partition: Any, columns: Sequence[str], options: Tuple[Any, ...]) -> Any:
    """One pandas partition with `columns` converted (a copy: Dask's partitions are not ours)."""
    t = transliterator(options)
    partition = partition.copy()
    for column in columns:
        partition[column] = partition[column].map(lambda value: t(value) if isinstance(value, str) else value)
    return partition


def convert_dataframe(frame: Any, columns: Sequence[str], target: str, source: str = "auto", **options: Any) -> Any:
    """A lazy Dask DataFrame: `frame` with the string values of `columns` converted to `target`
    (options: those of `jazu.Transliterator`: tables, case, lexicon, profile, digits)."""
    from jazu.errors import UnknownOptionError
    from jazu.transliterator import Transliterator

    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise UnknownOptionError(f"no column {missing[0]!r}; the data set has: {', '.join(map(str, frame.columns))}")
    # Built here once, so that bad options fail now and not on every worker; the workers get
    # only its arguments.
    arguments = Transliterator(source=source, target=target, **options).__reduce__()[1]
    return frame.map_partitions(convert_partition, list(columns), arguments, meta=frame._meta)
