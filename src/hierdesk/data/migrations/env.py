"""Alembic environment: always called with a connection from hierdesk.data.migrate."""

from alembic import context

from hierdesk.data.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - offline mode is not used
    raise RuntimeError("hierdesk migrations run through hierdesk.data.migrate.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
