"""Alembic environment of the voc store; the connection comes from ``config.attributes``."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

import voc.store.backlog_schema  # noqa: F401  (registers the backlog tables on the metadata)
from voc.store.schema import metadata

config = context.config


def _configure(**kwargs) -> None:
    context.configure(target_metadata=metadata, render_as_batch=True, **kwargs)


def run_migrations_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = sa.create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _configure(connection=conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
