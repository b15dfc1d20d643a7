"""Alembic environment: runs migrations on the connection that service.db passes in."""

from alembic import context

from service.store import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through service.db.upgrade(), which passes a connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
