"""Alembic's environment for the app's schema: it runs on the connection the app hands it (in
the app's own transaction and lock, see storage.db.migrate), never from a configuration file."""

from __future__ import annotations

from alembic import context

from storage.db import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
