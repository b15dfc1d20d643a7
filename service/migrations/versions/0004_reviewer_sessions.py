"""Reviewer sessions that can be ended, and failed logins counted for every worker.

`reviewers.session_version` is stored in each session at login and checked on every
request; logout, a new password and disabling the account bump it, which ends every
session of that reviewer at once. `login_failures` holds one row per failed login and
key (address or username) for the login limit when no Redis is configured, so all
workers count together; rows older than the limit's window are deleted as new ones come.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviewers") as batch:
        batch.add_column(
            sa.Column("session_version", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(160), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_login_failures_key_at", "login_failures", ["key", "at"])
    op.create_index("ix_login_failures_at", "login_failures", ["at"])


def downgrade() -> None:
    op.drop_index("ix_login_failures_at", "login_failures")
    op.drop_index("ix_login_failures_key_at", "login_failures")
    op.drop_table("login_failures")
    with op.batch_alter_table("reviewers") as batch:
        batch.drop_column("session_version")
