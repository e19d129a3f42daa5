"""Dask engine for ``voc classify --engine dask``: partitioned classification on a cluster.

Each worker process loads the classifier once (a module-level cache keyed by taxonomy and
model version) and runs :func:`voc.streaming.classify_chunk` on its partitions, so results
equal the local engine's row for row. Output is a parquet folder with one file per
partition. See docs/SCALING.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from voc.errors import ConfigError, InputFileError

__all__ = ["classify_dask", "worker_model"]

_MODELS: dict[tuple[str | None, str | None], object] = {}


def worker_model(taxonomy: str | None = None, version: str | None = None):
    """Return the classifier for ``(taxonomy, version)``, loaded once per worker process."""
    key = (taxonomy, version)
    if key not in _MODELS:
        from voc.streaming import load_model

        _match_encoder_threads()
        _MODELS[key] = load_model(taxonomy, version)
    return _MODELS[key]


def _match_encoder_threads() -> None:
    """Inside a Dask worker, run the encoder on as many threads as the worker has."""
    import os

    try:
        from distributed import get_worker

        threads = get_worker().state.nthreads
    except (ImportError, ValueError, AttributeError):  # not inside a worker
        return
    os.environ.setdefault("VOC_ENCODER_THREADS", str(max(int(threads), 1)))


def _partition(frame, text_col, id_col, taxonomy, version, aspects, keep_columns=()):
    from voc.streaming import classify_chunk

    model = worker_model(taxonomy, version) if len(frame) else None
    return classify_chunk(
        frame,
        text_col=text_col,
        id_col=id_col,
        model=model,
        aspects=aspects,
        keep_columns=keep_columns,
    )


def _read(path: Path, partition_rows: int):
    import dask.dataframe as dd

    suffix = path.suffix.lower()
    if suffix == ".parquet":
        ddf = dd.read_parquet(path, split_row_groups=True)
    elif suffix in (".csv", ".tsv"):
        sep = "\t" if suffix == ".tsv" else ","
        # ~120 bytes per comment row: the blocksize aims at partition_rows rows per partition
        ddf = dd.read_csv(
            path,
            sep=sep,
            dtype=str,
            keep_default_na=False,
            blocksize=max(partition_rows * 120, 1 << 10),
        )
    else:
        raise InputFileError(
            f"The dask engine reads CSV, TSV or Parquet, not {path.name}; "
            "use the local engine (the default) for JSONL and for .gz/.zip files, or unpack "
            "the file first (a compressed CSV cannot be split into partitions)."
        )
    return ddf


def classify_dask(
    input: str | Path,
    output: str | Path,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    taxonomy: str | Path | None = None,
    model_version: str | None = None,
    aspects: bool = True,
    keep_columns: Sequence[str] = (),
    scheduler: str | None = None,
    workers: int = 2,
    partition_rows: int = 10_000,
    show_progress: bool = False,
) -> dict:
    """Classify ``input`` on a Dask cluster into the parquet folder ``output``.

    Args:
        input: CSV/TSV or Parquet file (or a parquet folder); workers must see the same path.
        output: Folder for the partitioned parquet output.
        text_col: Column with the comment text.
        id_col: Column to use as ``feedback_id``.
        taxonomy: Taxonomy YAML (default taxonomy when ``None``).
        model_version: Classifier version (latest when ``None``).
        aspects: Compute aspect-level sentiment.
        keep_columns: Input columns named for personal data to pass through all the same
            (others are left out, as by the local engine).
        scheduler: ``tcp://HOST:PORT`` of a running scheduler; ``None`` starts a
            LocalCluster of ``workers`` processes with one thread each.
        workers: Worker processes of the local cluster.
        partition_rows: Approximate rows per partition (CSV).
        show_progress: Show dask's progress bar.

    Returns:
        ``{"rows", "partitions", "output", "model_version"}``.
    """
    from distributed import Client, LocalCluster

    from voc.errors import ColumnMappingError

    input, output = Path(input), Path(output)
    if not input.exists():
        raise InputFileError(f"Input file {input} does not exist.")
    if not isinstance(workers, int) or workers < 1:
        raise ConfigError(f"--workers must be a positive integer, not {workers!r}.")
    if output.suffix.lower() in (".csv", ".jsonl", ".tsv"):
        raise ConfigError(
            f"The dask engine writes a parquet folder, not {output.name}; "
            "give -o a folder name such as results.parquet or results/."
        )
    ddf = _read(input, partition_rows)
    if text_col not in ddf.columns:
        raise ColumnMappingError(
            f"Column '{text_col}' not found; available columns: {', '.join(ddf.columns)}.",
            hint="Pass the text column with --text-col NAME.",
        )
    tax = str(taxonomy) if taxonomy else None
    args = (text_col, id_col, tax, model_version, aspects, tuple(keep_columns))
    meta = _partition(ddf._meta, *args)
    result = ddf.map_partitions(_partition, *args, meta=meta)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        import pyarrow as pa

        schema = pa.schema([(str(c), _arrow_type(t)) for c, t in meta.dtypes.items()])
        future = result.to_parquet(output, write_index=False, compute=False, schema=schema)
        if show_progress:
            from distributed import progress

            handle = client.compute(future)
            progress(handle)
            handle.result()
        else:
            client.compute(future).result()
        version = client.submit(_version, tax, model_version, pure=False).result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    import pyarrow.parquet as pq

    files = sorted(output.glob("*.parquet"))
    rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    return {"rows": rows, "partitions": len(files), "output": str(output), "model_version": version}


def _arrow_type(dtype):
    import pyarrow as pa

    kind = getattr(dtype, "kind", "O")
    if kind == "b":
        return pa.bool_()
    if kind in "fiu":
        return pa.from_numpy_dtype(dtype)
    return pa.string()


def _version(taxonomy, version):
    return worker_model(taxonomy, version).model_version
