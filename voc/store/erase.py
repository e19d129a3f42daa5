"""Taking data out of the store: undoing an ingest run, erasing one customer's feedback.

* :func:`delete_run` undoes an ingest (a wrong file, a wrong mapping): the rows it loaded
  and quarantined are deleted, their predictions and review corrections with them, and the
  run stays listed as ``deleted`` with its counts. Ingesting the file again loads its rows
  anew (they are no longer duplicates).
* :func:`erase_customer` answers a data subject's erasure request (Indonesia's personal
  data protection law, UU 27/2022, and the GDPR alike): every feedback row of a customer id,
  whether it was stored as it was or as its pseudonym.

Each erasure is logged in ``erasures`` with its counts, never with what was erased.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from voc.errors import NotFoundError, VocError
from voc.store.schema import erasures, feedback, ingest_runs, quarantine

__all__ = ["Erasure", "delete_run", "erase_customer", "list_erasures"]


@dataclass
class Erasure:
    """What one erasure removed."""

    kind: str
    reference: str | None
    feedback_rows: int
    quarantine_rows: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _log(conn, erasure: Erasure) -> None:
    conn.execute(erasures.insert().values(at=_now(), **erasure.to_dict()))


def delete_run(engine: Engine, run_id: int) -> Erasure:
    """Delete the rows ingest run ``run_id`` loaded and quarantined; mark it ``deleted``.

    Raises:
        NotFoundError: There is no such run.
        VocError: The run is still running, or was deleted before.
    """
    with engine.begin() as conn:
        run = conn.execute(
            sa.select(ingest_runs.c.status, ingest_runs.c.deleted_at).where(
                ingest_runs.c.id == run_id
            )
        ).first()
        if run is None:
            raise NotFoundError(
                f"There is no ingest run {run_id}.", hint="`voc runs` lists the runs."
            )
        if run.deleted_at is not None:
            raise VocError(f"Ingest run {run_id} was deleted before ({run.deleted_at:%Y-%m-%d}).")
        if run.status == "running":
            raise VocError(
                f"Ingest run {run_id} is still running.",
                hint="Wait for it to finish (or fail), then delete it.",
            )
        rows = conn.execute(feedback.delete().where(feedback.c.ingest_run_id == run_id))
        held = conn.execute(quarantine.delete().where(quarantine.c.ingest_run_id == run_id))
        conn.execute(
            ingest_runs.update()
            .where(ingest_runs.c.id == run_id)
            .values(status="deleted", deleted_at=_now())
        )
        erasure = Erasure("run", str(run_id), rows.rowcount, held.rowcount)
        _log(conn, erasure)
    return erasure


def erase_customer(engine: Engine, customer_id: str) -> Erasure:
    """Delete every feedback row of ``customer_id`` (as stored, or as its pseudonym).

    A customer id that held PII (a phone number, an e-mail address) was stored as the
    store's pseudonym of it (``cust_...``); both forms are looked for, so the request can
    name the customer as the source system knows them. Predictions and review corrections
    go with the rows. Quarantined rows are not searched (they keep the raw row's content,
    redacted, not a customer column).

    Raises:
        VocError: ``customer_id`` is empty.
    """
    from voc.ingest.pipeline import customer_pseudonym
    from voc.store.settings import pseudonym_key

    customer_id = (customer_id or "").strip()
    if not customer_id:
        raise VocError("Give the customer id whose feedback is to be erased.")
    forms = {customer_id, customer_pseudonym(customer_id, pseudonym_key(engine))}
    with engine.begin() as conn:
        rows = conn.execute(feedback.delete().where(feedback.c.customer_id.in_(sorted(forms))))
        erasure = Erasure("customer", None, rows.rowcount, 0)
        _log(conn, erasure)
    return erasure


def list_erasures(engine: Engine) -> list[dict]:
    """The erasure log, newest first."""
    with engine.connect() as conn:
        query = sa.select(erasures).order_by(erasures.c.id.desc())
        return [dict(row._mapping) for row in conn.execute(query)]
