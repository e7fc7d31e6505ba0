"""The distributed engine (src/jazu/dask.py) on a real `distributed.LocalCluster` of two worker
processes: a partitioned Parquet data set converted column by column gives what one process
gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import jazu
from conftest import ROOT, read

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")


def _rows() -> "pd.DataFrame":
    lines = [line for n in ("003", "004") for line in read(next((ROOT / "seeds").glob(f"{n}_*.txt"))).splitlines() if line]
    return pd.DataFrame({
        "id": range(len(lines)),
        "text": lines,
        "title": [line[:30] if i % 3 else None for i, line in enumerate(lines)],
        "url": [f"https://kaz.kz/{i}" for i in range(len(lines))],
    })


def test_a_parquet_data_set_on_a_local_cluster(tmp_path: Path) -> None:
    from jazu.dask import convert_dataframe

    rows = _rows()
    dd.from_pandas(rows, npartitions=6).to_parquet(tmp_path / "in")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster, distributed.Client(cluster):
        frame = dd.read_parquet(tmp_path / "in")
        convert_dataframe(frame, ["text", "title"], target="arab").to_parquet(tmp_path / "out")
    got = dd.read_parquet(tmp_path / "out").compute().sort_values("id").reset_index(drop=True)
    one = jazu.Transliterator("auto", "arab")
    assert list(got["text"]) == [one(v) for v in rows["text"]]
    assert [None if pd.isna(v) else v for v in got["title"]] == [one(v) if isinstance(v, str) else None for v in rows["title"]]
    assert list(got["url"]) == list(rows["url"]) and list(got["id"]) == list(rows["id"])


def test_bad_columns_and_options_fail_before_any_work() -> None:
    from jazu.dask import convert_dataframe

    frame = dd.from_pandas(_rows(), npartitions=2)
    with pytest.raises(jazu.UnknownOptionError, match="no column 'body'"):
        convert_dataframe(frame, ["body"], target="arab")
    with pytest.raises(jazu.UnknownScriptError):
        convert_dataframe(frame, ["text"], target="greek")
