"""Classifier commands: classify, train, eval, fewshot-eval and the corpus tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from voc.errors import ConfigError

__all__ = ["register"]

# Kept in step with voc.classify.report.FEWSHOT_METHODS (not imported: `voc --help` stays light).
_REPORT_FEWSHOT_METHODS = ("logreg", "setfit")

corpus_app = typer.Typer(
    help="Build and describe the labelled training corpus.", no_args_is_help=True
)


def _with_review(model, spec: str | None):
    """Apply ``--review-thresholds`` to a loaded model (the local engines)."""
    if spec is not None:
        from voc.classify.model import ReviewThresholds

        model.review = ReviewThresholds.parse(spec, model.review)
    return model


def _text_column(input: Path, sheet: str | None) -> str:
    """The text column when ``--text-col`` is not given: ``text``, else the ingest's guess.

    The guess is named on stderr (redacted, as the ingest names headers). Without either,
    ``text`` is returned and the classification's error lists the columns.
    """
    from voc.errors import VocError
    from voc.ingest import inspect_file

    try:
        tables = inspect_file(input, sheet=sheet)["tables"]
    except VocError:
        return "text"  # the classification reports the file's problem in its own words
    if len(tables) != 1 or "text" in tables[0]["columns"]:
        return "text"
    guess = tables[0]["guess"].get("text")
    if not isinstance(guess, str):
        return "text"
    shown = tables[0]["shown_columns"].get(guess, guess)
    typer.echo(f"Text column: '{shown}' (guessed; choose another with --text-col).", err=True)
    return guess


def _load_model(taxonomy: Path | None, version: str | None):
    from voc.streaming import load_model

    return load_model(taxonomy, version)


def classify(
    input: Annotated[
        Path,
        typer.Argument(
            help="CSV, TSV, XLSX, XLS, JSON(L) or Parquet file (any size), or a .gz/.zip of one."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Output .parquet/.csv/.tsv/.jsonl/.xlsx (dask: a parquet folder).",
        ),
    ] = None,
    to_store: Annotated[
        bool, typer.Option("--to-store", help="Ingest into the store, then classify there.")
    ] = False,
    text_col: Annotated[
        str | None,
        typer.Option(
            help="Column holding the comment text (default: 'text', else the column voc ingest "
            "would take: komentar, ulasan, pesan, Isi Keluhan ...).",
        ),
    ] = None,
    id_col: Annotated[
        str | None,
        typer.Option(help="Column to use as feedback_id (an id holding PII becomes a pseudonym)."),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", help="The sheet to read from a workbook of several."),
    ] = None,
    id_prefix: Annotated[
        str | None,
        typer.Option(
            "--id-prefix",
            help="With --to-store: name of the source system, put before each source id "
            "(zendesk:123), as in voc ingest.",
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", help="Rows per chunk and checkpoint.")
    ] = 10_000,
    engine: Annotated[str, typer.Option(help="local (streaming) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler tcp://HOST:PORT (default: local cluster).")
    ] = None,
    workers: Annotated[int, typer.Option(help="Worker processes of the local Dask cluster.")] = 2,
    taxonomy: Annotated[Path | None, typer.Option(help="Taxonomy YAML (default one).")] = None,
    model_version: Annotated[str | None, typer.Option("--model-version")] = None,
    no_aspects: Annotated[bool, typer.Option("--no-aspects", help="Skip aspects.")] = False,
    review_thresholds: Annotated[
        str | None,
        typer.Option(
            "--review-thresholds",
            help="Flag needs_review below these confidences, e.g. topic=0.5,touchpoint=0.45 "
            "(default: the model's; env VOC_REVIEW_THRESHOLDS).",
        ),
    ] = None,
    keep_column: Annotated[
        list[str] | None,
        typer.Option(
            "--keep-column",
            help="Pass this input column through although its name says it holds personal "
            "data (Email, No HP, Nama...; left out by default). Repeat for several.",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Redact, detect language and classify every comment of a file, in resumable chunks.

    An interrupted run picks up where it stopped: finished chunks wait in OUTPUT.parts/.
    """
    if review_thresholds is not None:
        import os

        from voc.classify.model import REVIEW_ENV, ReviewThresholds

        ReviewThresholds.parse(review_thresholds)  # refuse a bad value before any work
        os.environ[REVIEW_ENV] = review_thresholds  # Dask workers started here inherit it
    if to_store == (output is not None):
        raise ConfigError("Give exactly one of -o OUTPUT or --to-store.")
    if engine not in ("local", "dask"):
        raise ConfigError(f"--engine must be 'local' or 'dask', not {engine!r}.")
    if id_prefix is not None and not to_store:
        raise ConfigError(
            "--id-prefix names the source system of ids kept in the store; it needs --to-store "
            "(an output file keeps the input's ids, as pseudonyms where they hold PII)."
        )
    if to_store:
        if engine != "local":
            raise ConfigError("--to-store runs on the local engine; leave out --engine dask.")
        from voc.ingest import ingest_file
        from voc.pipeline import classify_store
        from voc.store import get_engine

        store = get_engine()
        # without --text-col the ingest guesses the text column, as voc ingest does
        mapping = {
            **({"text": text_col} if text_col else {}),
            **({"feedback_id": id_col} if id_col else {}),
        }
        summary = ingest_file(
            input,
            engine=store,
            mapping=mapping,
            chunk_size=batch_size,
            show_progress=not quiet,
            id_prefix=id_prefix,
            sheet=sheet,
        )
        model = _with_review(_load_model(taxonomy, model_version), review_thresholds)
        written = classify_store(
            store, model, batch_size=batch_size, aspects=not no_aspects, show_progress=not quiet
        )
        typer.echo(
            f"Ingested {input} ({summary.loaded:,} rows stored, "
            f"{summary.quarantined:,} quarantined); "
            f"classified {written:,} with {model.model_version}."
        )
        return
    if text_col is None:
        text_col = _text_column(input, sheet)
    if engine == "dask":
        from voc.dask_engine import classify_dask

        result = classify_dask(
            input,
            output,
            text_col=text_col,
            id_col=id_col,
            taxonomy=taxonomy,
            model_version=model_version,
            aspects=not no_aspects,
            keep_columns=keep_column or (),
            scheduler=scheduler,
            workers=workers,
            partition_rows=batch_size,
            show_progress=not quiet,
        )
        typer.echo(
            f"Classified {result['rows']:,} comments in {result['partitions']} partitions "
            f"with {result['model_version']} -> {output}/"
        )
        _report_left_out(result, input)
        return
    from voc.streaming import classify_file

    model = _with_review(_load_model(taxonomy, model_version), review_thresholds)
    result = classify_file(
        input,
        output,
        text_col=text_col,
        id_col=id_col,
        chunk_size=batch_size,
        model=model,
        aspects=not no_aspects,
        show_progress=not quiet,
        keep_columns=keep_column or (),
        sheet=sheet,
    )
    skipped = f" ({result['chunks_skipped']} chunks resumed)" if result["chunks_skipped"] else ""
    typer.echo(
        f"Classified {result['rows']:,} {'comment' if result['rows'] == 1 else 'comments'} "
        f"with {model.model_version} -> {output}{skipped}"
    )
    _report_left_out(result, input)


def reclassify(
    taxonomy: Annotated[Path | None, typer.Option(help="Taxonomy YAML (default one).")] = None,
    model_version: Annotated[
        str | None, typer.Option("--model-version", help="Classifier version (default: newest).")
    ] = None,
    all_rows: Annotated[
        bool,
        typer.Option("--all", help="Every stored comment, also those the model already made."),
    ] = False,
    batch_size: Annotated[int, typer.Option(help="Comments per batch.")] = 2_000,
    no_aspects: Annotated[bool, typer.Option("--no-aspects", help="Skip aspects.")] = False,
    review_thresholds: Annotated[
        str | None,
        typer.Option(
            help="Flag needs_review below these confidences, e.g. topic=0.5,touchpoint=0.45."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Classify the stored comments again with the current (or chosen) model.

    Re-does every comment whose current prediction comes from another model version (an
    older model, or the same heads under older text rules) or that has none yet, so that
    the app's charts rest on one model. The older predictions stay in the store as history.
    """
    from voc.pipeline import classify_store
    from voc.store import current_model_versions, get_engine

    if not isinstance(batch_size, int) or batch_size < 1:
        raise ConfigError(f"--batch-size must be a positive integer, not {batch_size!r}.")
    store = get_engine()
    model = _with_review(_load_model(taxonomy, model_version), review_thresholds)
    before = current_model_versions(store)
    written = classify_store(
        store,
        model,
        batch_size=batch_size,
        aspects=not no_aspects,
        show_progress=not quiet and not as_json,
        redo="all" if all_rows else "stale",
    )
    after = current_model_versions(store)
    if as_json:
        result = {
            "model_version": model.model_version,
            "classified": written,
            "before": {str(k): v for k, v in before.items()},
            "after": {str(k): v for k, v in after.items()},
        }
        typer.echo(json.dumps(result, ensure_ascii=False))
        return

    def shown(counts: dict) -> str:
        parts = [f"{v or 'not classified'} {n:,}" for v, n in counts.items()]
        return "; ".join(parts) or "no comments"

    typer.echo(f"Before: {shown(before)}")
    if written:
        noun = "comment" if written == 1 else "comments"
        typer.echo(f"Classified {written:,} {noun} with {model.model_version}.")
    else:
        typer.echo(f"Nothing to do: every stored comment is classified with {model.model_version}.")
    typer.echo(f"Now: {shown(after)}")


def _report_left_out(result: dict, input: Path) -> None:
    """Name on stderr the personal-data columns and the unreadable rows left out."""
    if result["columns_left_out"]:
        typer.echo(
            "Left out of the output, as their names say they hold personal data: "
            f"{', '.join(result['columns_left_out'])} (keep one with --keep-column NAME).",
            err=True,
        )
    if result["rows_unreadable"]:
        count = result["rows_unreadable"]
        typer.echo(
            f"{count:,} {'row' if count == 1 else 'rows'} of {input.name} could not be read "
            f"(ragged or broken) and {'is' if count == 1 else 'are'} not classified; "
            f"each is listed with its line and reason in {result['unreadable_file']}.",
            err=True,
        )


def train(
    taxonomy: Annotated[Path | None, typer.Option(help="Taxonomy YAML (default one).")] = None,
    examples: Annotated[
        Path | None,
        typer.Option(help="Labelled examples CSV (text + topics/touchpoint/sentiment)."),
    ] = None,
    version: Annotated[str | None, typer.Option(help="Version name (default: next vN).")] = None,
    out_dir: Annotated[
        Path | None, typer.Option(help="Where to save (default models/classifiers/...).")
    ] = None,
    encoder: Annotated[str, typer.Option(help="Encoder backend name.")] = "",
    seed: Annotated[int, typer.Option()] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Train heads for a taxonomy: zero-shot, few-shot or supervised from the examples.

    With the default taxonomy and no --examples, trains on the train split of
    data/train/corpus.csv and records test-split metrics in the model card.
    """
    from voc.classify.trainer import run_training

    result = run_training(
        taxonomy_path=taxonomy,
        examples_path=examples,
        version=version,
        out_dir=out_dir,
        encoder=encoder or None,
        seed=seed,
        show_progress=not quiet,
    )
    typer.echo(f"Saved {result['model_version']} ({result['mode']}) to {result['directory']}")
    for task, metrics in result.get("metrics", {}).items():
        typer.echo(
            f"  {task:<10} test accuracy {metrics['accuracy']:.3f}  "
            f"macro-F1 {metrics['macro_f1']:.3f}"
        )


def eval_cmd(
    task: Annotated[str, typer.Option(help="sentiment, topic or touchpoint.")],
    data: Annotated[Path, typer.Option(help="Labelled file.")],
    text_col: Annotated[str, typer.Option()] = "text",
    label_col: Annotated[str, typer.Option()] = "label",
    label_map: Annotated[
        Path | None, typer.Option(help="YAML mapping from the file's labels to ours.")
    ] = None,
    taxonomy: Annotated[Path | None, typer.Option()] = None,
    model_version: Annotated[str | None, typer.Option("--model-version")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Evaluate the shipped (or chosen) model on a labelled file."""
    from voc.classify.evaluate import evaluate_file

    report = evaluate_file(
        _load_model(taxonomy, model_version),
        data,
        task=task,
        text_col=text_col,
        label_col=label_col,
        label_map=label_map,
        show_progress=not quiet and not as_json,
    )
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    _print_report(task, report)


def _print_report(task: str, report: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(
        f"[bold]{task}[/bold]: n={report['n']}  accuracy={report['accuracy']:.3f}  "
        f"macro-F1={report['macro_f1']:.3f}"
        + (f"  topic-set micro-F1={report['set_micro_f1']:.3f}" if "set_micro_f1" in report else "")
    )
    table = Table("label", "precision", "recall", "F1", "support")
    for label, m in report["per_label"].items():
        if m["support"] or m["precision"]:
            table.add_row(
                label,
                f"{m['precision']:.2f}",
                f"{m['recall']:.2f}",
                f"{m['f1']:.2f}",
                str(m["support"]),
            )
    console.print(table)
    for group, m in report.get("per_group", {}).items():
        console.print(
            f"  lang={group}: n={m['n']} accuracy={m['accuracy']:.3f} macro-F1={m['macro_f1']:.3f}"
        )


def fewshot_eval(
    train: Annotated[Path, typer.Option(help="Training pool file.")],
    test: Annotated[Path, typer.Option(help="Test file.")],
    text_col: Annotated[str, typer.Option()] = "text",
    label_col: Annotated[str, typer.Option()] = "label",
    k: Annotated[int, typer.Option(help="Examples per label.")] = 10,
    seeds: Annotated[str, typer.Option(help="Comma-separated seeds.")] = "0,1,2",
    method: Annotated[
        str,
        typer.Option(
            help="logreg (frozen embeddings), prototype, or setfit (fine-tunes the encoder "
            "on the k examples first; minutes per seed on a CPU)."
        ),
    ] = "logreg",
    encoder: Annotated[
        str | None,
        typer.Option(
            help="Encoder backend (default: the shipped one; setfit: e5-small or st:PATH)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Train on k examples per label (labels from the data) and report mean accuracy/macro-F1."""
    from voc.classify.evaluate import fewshot_evaluate

    try:
        seed_list = [int(s) for s in seeds.split(",") if s.strip()]
    except ValueError as exc:
        raise ConfigError(f"--seeds must be comma-separated integers, got {seeds!r}.") from exc
    report = fewshot_evaluate(
        train,
        test,
        text_col=text_col,
        label_col=label_col,
        k=k,
        seeds=seed_list,
        method=method,
        encoder=encoder,
        show_progress=not quiet and not as_json,
    )
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    for row in report["per_seed"]:
        typer.echo(
            f"  seed {row['seed']}: accuracy {row['accuracy']:.3f}, "
            f"macro-F1 {row['macro_f1']:.3f} ({row['seconds']:.0f} s)"
        )
    typer.echo(
        f"k={k} seeds={seed_list} method={method}: accuracy {report['accuracy']:.3f} "
        f"(sd {report['accuracy_sd']:.3f}), macro-F1 {report['macro_f1']:.3f} "
        f"in {report['seconds']:.0f} s"
    )


@corpus_app.command("build")
def corpus_build(
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Combine data/train/parts/*.csv into corpus.csv (with split) and write the data card."""
    from voc.classify.corpus import TRAIN_DIR, build_corpus
    from voc.classify.datacard import write_data_card
    from voc.taxonomy import default_taxonomy

    corpus = build_corpus(default_taxonomy())
    corpus.to_csv(TRAIN_DIR / "corpus.csv", index=False)
    card = write_data_card(corpus, TRAIN_DIR / "README.md", show_progress=not quiet)
    typer.echo(f"corpus.csv: {len(corpus):,} rows; data card: {card}")


def report_eval(
    eval_dir: Annotated[Path | None, typer.Option(help="Evaluation folder.")] = None,
    out: Annotated[Path, typer.Option(help="Markdown report to write.")] = Path(
        "docs/EVALUATION.md"
    ),
    fewshot_methods: Annotated[
        str,
        typer.Option(
            "--fewshot-methods",
            help="Comma-separated few-shot methods to run on banking77 (logreg, prototype, "
            "setfit); empty to skip.",
        ),
    ] = ",".join(_REPORT_FEWSHOT_METHODS),
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Run the evaluation protocols of ../shared/eval and write docs/EVALUATION.md."""
    from voc.classify.report import run_evaluation, write_report

    methods = tuple(m.strip() for m in fewshot_methods.split(",") if m.strip())
    results = run_evaluation(eval_dir=eval_dir, fewshot_methods=methods, show_progress=not quiet)
    write_report(results, out)
    typer.echo(f"Wrote {out}")


def register(app: typer.Typer) -> None:
    """Attach the classifier commands to ``app``."""
    app.command()(classify)
    app.command()(reclassify)
    app.command()(train)
    app.command("eval")(eval_cmd)
    app.command("fewshot-eval")(fewshot_eval)
    app.command("report-eval")(report_eval)
    app.add_typer(corpus_app, name="corpus")
