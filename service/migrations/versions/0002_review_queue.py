"""Reviewer accounts, and each comment's current state for the review queue.

`comments` gains the state of its latest decision (verdict, status, categories,
language, when): the queue lists and counts by it without scanning the history. The
history in `decisions` stays append-only; a reviewer's decision claims the comment with
`UPDATE ... WHERE status = 'in_review'`, so of two reviewers only the first wins.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("comments") as batch:
        batch.add_column(sa.Column("verdict", sa.String(16), nullable=True))
        batch.add_column(sa.Column("status", sa.String(16), nullable=True))
        batch.add_column(sa.Column("categories", sa.Text(), nullable=True))
        batch.add_column(sa.Column("language", sa.String(16), nullable=True))
        batch.add_column(sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True))
    # Existing comments take the state of their latest decision.
    comments = sa.table(
        "comments",
        *(
            sa.column(n)
            for n in ("id", "verdict", "status", "categories", "language", "decided_at")
        ),
    )
    decisions = sa.table(
        "decisions",
        *(sa.column(n) for n in ("id", "comment_id", "verdict", "status", "categories")),
        sa.column("language"),
        sa.column("created_at"),
    )

    def latest(column: str):
        return (
            sa.select(decisions.c[column])
            .where(decisions.c.comment_id == comments.c.id)
            .order_by(decisions.c.id.desc())
            .limit(1)
            .scalar_subquery()
        )

    op.execute(
        comments.update().values(
            verdict=latest("verdict"),
            status=latest("status"),
            categories=latest("categories"),
            language=latest("language"),
            decided_at=latest("created_at"),
        )
    )
    op.create_index("ix_comments_status_received", "comments", ["status", "received_at"])
    op.create_index("ix_decisions_created_at", "decisions", ["created_at"])
    op.create_table(
        "reviewers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(100), nullable=False, unique=True),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("reviewers")
    op.drop_index("ix_decisions_created_at", "decisions")
    op.drop_index("ix_comments_status_received", "comments")
    with op.batch_alter_table("comments") as batch:
        for column in ("decided_at", "language", "categories", "status", "verdict"):
            batch.drop_column(column)
