"""Evidence spans cut the text into segments without changing it."""

from service.highlight import Segment, segments


def test_segments_rebuild_the_text_and_mark_overlaps():
    text = "you idiot, visit spam.example now"
    reasons = [
        {"category": "personal_attack", "rule": "you_are", "span": [0, 9]},
        {"category": "profanity", "rule": "idiot", "span": [4, 9]},
        {"category": "promotion", "rule": "unknown_link", "span": [17, 29]},
        {"category": None, "source": "language"},  # no span
        {"category": "abuse", "span": [5, 500]},  # out of range: ignored
    ]
    parts = segments(text, reasons)
    assert "".join(p.text for p in parts) == text
    assert parts[0] == Segment("you ", ("personal_attack you_are",))
    assert parts[1] == Segment("idiot", ("personal_attack you_are", "profanity idiot"))
    assert Segment("spam.example", ("promotion unknown_link",)) in parts


def test_no_evidence_is_one_plain_segment():
    assert segments("<b>hi</b>", []) == [Segment("<b>hi</b>")]
    assert segments("", []) == [Segment("")]
