"""Text tables for the evaluation commands: aligned columns, or Markdown for the docs."""

from __future__ import annotations

from collections.abc import Sequence


def render(head: Sequence[str], body: Sequence[Sequence[str]], markdown: bool = False) -> str:
    """`head` and `body` as a Markdown table, or as space-aligned plain columns."""
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        return "\n".join(lines + ["| " + " | ".join(cells) + " |" for cells in body])
    widths = [max(len(x) for x in column) for column in zip(head, *body, strict=True)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()
        for cells in [head, *body]
    )
