"""Every language a decision found: `decisions.languages`, a JSON list beside `language`.

Detection became per sentence, so a decision names all the languages present (main one
first), not only the main one. The column is nullable, a plain ALTER on both databases;
existing decisions get the one language they were decided in (`[]` for `und`), which is
what was detected then. Only the new column is written: the history stays append-only.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("languages", sa.Text(), nullable=True))
    decisions = sa.table("decisions", sa.column("language"), sa.column("languages"))
    known = decisions.c.language.isnot(None) & (decisions.c.language != "und")
    op.execute(
        decisions.update()
        .where(known)
        .values(languages=sa.literal('["') + decisions.c.language + sa.literal('"]'))
    )
    op.execute(decisions.update().where(~known).values(languages="[]"))


def downgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("languages")
