"""What a review card shows beside the text, without Flask: language names, model bands."""

import pytest

from service.card import ScoreRow, language_name, machine_only, score_rows


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("en", "English"),
        ("ar", "Arabic"),
        ("fa", "Persian"),
        ("tr", "Turkish"),
        ("ckb", "Kurdish (Sorani)"),
        ("kmr", "Kurdish (Kurmanji)"),
        ("und", "undetermined"),
        (None, "undetermined"),
        ("de", "de"),  # a language the outlet does not publish in: its code
    ],
)
def test_language_shown_by_name_else_by_code(code, name):
    assert language_name(code) == name


@pytest.mark.parametrize(
    ("reasons", "expected"),
    [
        ([{"source": "model", "category": "abuse", "score": 0.6}], True),
        ([{"source": "language", "rule": "unsupported_language"}], True),
        ([{"source": "model"}, {"source": "language"}], True),
        ([{"source": "rule", "rule": "unknown_link"}, {"source": "model"}], False),
        ([], False),
    ],
)
def test_scores_are_shown_in_full_when_no_rule_gave_evidence(reasons, expected):
    assert machine_only(reasons) is expected


def test_each_category_scored_against_both_thresholds():
    thresholds = {
        "abuse": {"reject": 0.8, "review": 0.5},
        "personal_attack": {"reject": None, "review": 0.6},  # the model never rejects it
    }
    rows = {r.category: r for r in score_rows({"abuse": 0.52, "personal_attack": 0.99}, thresholds)}
    assert rows["abuse"] == ScoreRow("abuse", 0.52, 0.5, 0.8) and rows["abuse"].band == "review"
    assert rows["personal_attack"].band == "review"
    assert rows["threat"].band == "none"
    assert ScoreRow("threat", 0.8, 0.5, 0.8).band == "reject"
    assert ScoreRow("threat", 0.49, 0.5, 0.8).band == "below"
    assert list(rows) == [
        "profanity",
        "vulgarity",
        "threat",
        "personal_attack",
        "abuse",
        "promotion",
    ]
