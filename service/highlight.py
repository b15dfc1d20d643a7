"""Evidence spans of a comment as text segments, for showing them marked on a page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A run of the comment's text; `labels` names the evidence covering it, if any."""

    text: str
    labels: tuple[str, ...] = ()


def segments(text: str, reasons: Iterable[dict]) -> list[Segment]:
    """Split `text` at the edges of every reason's span; out-of-range spans are ignored.

    The text is never changed: joining the segments gives it back exactly. Escaping is
    the template's job.
    """
    spans = []
    for reason in reasons:
        span = reason.get("span")
        if not span or len(span) != 2:
            continue
        start, end = int(span[0]), int(span[1])
        if 0 <= start < end <= len(text):
            label = " ".join(str(reason[k]) for k in ("category", "rule") if reason.get(k))
            spans.append((start, end, label))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        labels = tuple(dict.fromkeys(lab for s, e, lab in spans if s <= start and end <= e))
        out.append(Segment(text[start:end], labels))
    return out or [Segment(text)]
