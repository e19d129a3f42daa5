"""Settings kept in the store itself: the secret key of the pseudonyms.

The ingest replaces ids that hold personal data (a customer id or source id that is a phone
number or an e-mail address) by pseudonyms, and keeps a hash of each row's content to find
duplicates. Plain SHA-256 hashes of such values can be reversed by hashing candidates (every
Indonesian mobile number is a few billion guesses), so the hashes are keyed BLAKE2b (a MAC)
with a random key held in the ``store_settings`` table: the same store gives the same
pseudonym to the same value, so re-ingests still find their duplicates, while the
pseudonyms shown in the app, exports and logs cannot be tested against a list of numbers by
anyone without the database (whoever holds the whole database holds the key too).

A store that already held feedback before the key existed (written by a version without
it) keeps unkeyed hashes (the key is empty), because keyed ones would no longer match its
stored ids and every re-ingested row would be loaded a second time.
"""

from __future__ import annotations

import datetime as dt
import secrets

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from voc.store.schema import feedback, store_settings

__all__ = ["PSEUDONYM_KEY", "pseudonym_key"]

#: The setting that holds the pseudonym key (hex; empty for a store with unkeyed hashes).
PSEUDONYM_KEY = "pseudonym_key"


def _read(conn, name: str) -> str | None:
    query = sa.select(store_settings.c.value).where(store_settings.c.name == name)
    return conn.execute(query).scalar_one_or_none()


def pseudonym_key(engine: Engine) -> bytes:
    """Return the store's pseudonym key, creating it on first use.

    A new key is 32 random bytes; a store that already holds feedback rows gets the empty
    key (unkeyed hashes, as it was written). Two processes creating it at once agree: the
    second insert fails on the primary key and reads the first one's key.
    """
    with engine.connect() as conn:
        value = _read(conn, PSEUDONYM_KEY)
    if value is None:
        try:
            with engine.begin() as conn:
                written = conn.execute(sa.select(feedback.c.feedback_id).limit(1)).first()
                value = "" if written is not None else secrets.token_hex(32)
                conn.execute(
                    store_settings.insert().values(
                        name=PSEUDONYM_KEY,
                        value=value,
                        created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                    )
                )
        except sa.exc.IntegrityError:
            with engine.connect() as conn:
                value = _read(conn, PSEUDONYM_KEY)
    return bytes.fromhex(value or "")
