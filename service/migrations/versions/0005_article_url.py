"""The article's address, when the CMS sends one: `comments.article_url`.

Reviewers see the article's title as a link to it. Only http and https addresses of at
most 2,000 characters are accepted (service/validation.py), so the column is that wide.
Nullable: older comments and CMSs that send no address have none. A plain ALTER on both
databases; no row is rewritten.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("comments") as batch:
        batch.add_column(sa.Column("article_url", sa.String(2000), nullable=True))


def downgrade() -> None:
    # A plain ALTER ... DROP COLUMN (SQLite 3.35+): a batch copy of the table would have to
    # drop `comments`, which the decisions' foreign key refuses once any comment has one.
    op.drop_column("comments", "article_url")
