"""Comment ids are unique per client: `comments.external_id`, unique with `client`.

`comments.id` stays the service's own key (decisions, reviewer pages, re-scoring and
backups keep addressing comments by it, and the history stays append-only: no row is
rewritten but for the new column). Every existing comment keeps its id, which becomes
its client's id too. The new column is nullable, so that adding it is a plain ALTER on
both databases (no table copy on SQLite); the service always writes it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("comments") as batch:
        batch.add_column(sa.Column("external_id", sa.String(128), nullable=True))
    comments = sa.table("comments", sa.column("id"), sa.column("external_id"))
    op.execute(comments.update().values(external_id=comments.c.id))
    op.create_index(
        "ux_comments_client_external_id", "comments", ["client", "external_id"], unique=True
    )


def downgrade() -> None:
    op.drop_index("ux_comments_client_external_id", "comments")
    with op.batch_alter_table("comments") as batch:
        batch.drop_column("external_id")
