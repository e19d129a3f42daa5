"""Dask engine for ``voc classify --engine dask``: partitioned classification on a cluster.

Each worker process loads the classifier once (a module-level cache keyed by taxonomy and
model version) and runs :func:`voc.streaming.classify_chunk` on its partitions, so results
equal the local engine's row for row. A CSV/TSV/XLSX/JSON(L) input is first read by the
local engine's readers (one sequential pass) into Parquet partitions beside the output, so
both engines read a file alike: quoted line breaks, `;` delimiters, encodings, title lines,
and rows that cannot be read, which are listed in ``OUTPUT.unreadable.csv`` instead of
stopping the job. Output is a parquet folder with one file per partition. See
docs/SCALING.md.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

from voc.errors import ColumnMappingError, ConfigError, InputFileError

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


def staging_path(output: Path) -> Path:
    """Where :func:`classify_dask` stages a table file's partitions (removed afterwards)."""
    return output.with_name(output.name + ".staging")


def _stage(path: Path, output: Path, partition_rows: int) -> tuple[Path, list]:
    """Read ``path`` with the local engine's readers into Parquet partitions.

    Returns:
        The staging folder (one ``part-NNNNNN.parquet`` per ``partition_rows`` rows) and
        the rows that could not be read (:class:`voc.ingest.readers.RawRecord`).

    Raises:
        InputFileError: No row of the file can be read, or it has none.
    """
    from voc.streaming import iter_chunks, no_rows_error

    staging = staging_path(output)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    unreadable: list = []
    parts = 0
    try:
        for number, frame in enumerate(iter_chunks(path, partition_rows, unreadable.append)):
            frame.to_parquet(staging / f"part-{number:06d}.parquet", index=False)
            parts += 1
        if parts == 0:
            raise no_rows_error(path.name, unreadable)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, unreadable


def _has_structs(path: Path) -> bool:
    import pyarrow.parquet as pq

    from voc.ingest.tables import has_structs

    try:
        schema = pq.read_schema(path)
    except (OSError, ValueError):
        return False  # dask reports the damaged file
    return has_structs(schema)


def _read(path: Path, output: Path, partition_rows: int):
    """The input as a Dask DataFrame, its staging folder (or None) and its unreadable rows."""
    import dask.dataframe as dd

    from voc.ingest.archives import unpacked

    if path.is_dir() or (path.suffix.lower() == ".parquet" and not _has_structs(path)):
        return dd.read_parquet(path, split_row_groups=True), None, []
    # Other tables, and a Parquet file with struct columns (staged with their fields as
    # columns, `feedback.text`, as the local engine reads them)
    with unpacked(path) as table:  # a .gz/.zip's table, read from a temporary copy
        staging, unreadable = _stage(table, output, partition_rows)
    return dd.read_parquet(staging), staging, unreadable


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
        input: A Parquet file or folder, read in place (workers must see the same path), or
            any table file the local engine reads (CSV, TSV, XLSX, JSON, JSONL, also in a
            .gz/.zip), staged first into Parquet partitions in ``OUTPUT.staging`` beside
            ``output`` (workers must see that folder too).
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
        partition_rows: Rows per partition of a staged file.
        show_progress: Show dask's progress bar.

    Returns:
        ``{"rows", "partitions", "output", "model_version", "columns_left_out",
        "rows_unreadable", "unreadable_file"}``: the rows that could not be read are listed
        (line, reason, redacted content) in ``OUTPUT.unreadable.csv``, as by the local engine.
    """
    input, output = Path(input), Path(output)
    if not input.exists():
        raise InputFileError(f"Input file {input} does not exist.")
    if not isinstance(workers, int) or workers < 1:
        raise ConfigError(f"--workers must be a positive integer, not {workers!r}.")
    if output.suffix.lower() in (".csv", ".jsonl", ".ndjson", ".tsv", ".xlsx"):
        raise ConfigError(
            f"The dask engine writes a parquet folder, not {output.name}; "
            "give -o a folder name such as results.parquet or results/."
        )
    ddf, staging, unreadable = _read(input, output, partition_rows)
    try:
        if text_col not in ddf.columns:
            from voc.ingest import listed_columns

            raise ColumnMappingError(
                f"Column '{text_col}' not found; available columns: {listed_columns(ddf.columns)}.",
                hint="Pass the text column with --text-col NAME.",
            )
        import pyarrow as pa

        tax = str(taxonomy) if taxonomy else None
        args = (text_col, id_col, tax, model_version, aspects, tuple(keep_columns))
        meta = _partition(ddf._meta, *args)
        result = ddf.map_partitions(_partition, *args, meta=meta)
        schema = pa.schema([(str(c), _arrow_type(t)) for c, t in meta.dtypes.items()])
        future = result.to_parquet(output, write_index=False, compute=False, schema=schema)
        with _client(scheduler, workers) as client:
            handle = client.compute(future)
            if show_progress:
                from distributed import progress

                progress(handle)
            handle.result()
            version = client.submit(_version, tax, model_version, pure=False).result()
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    import pyarrow.parquet as pq

    from voc.streaming import columns_left_out, write_unreadable

    files = sorted(output.glob("*.parquet"))
    rows = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    left_out = columns_left_out(list(ddf.columns), text_col, id_col, keep_columns)
    listed = write_unreadable(unreadable, output)
    return {
        "rows": rows,
        "partitions": len(files),
        "output": str(output),
        "model_version": version,
        "columns_left_out": left_out,
        "rows_unreadable": len(unreadable),
        "unreadable_file": str(listed) if listed else None,
    }


@contextmanager
def _client(scheduler: str | None, workers: int):
    """A client of the scheduler at ``scheduler``, or of a LocalCluster started for the run."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


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
