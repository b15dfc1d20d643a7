"""The functional suite: its shape, and the service held to today's accuracy on each part."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.domain import Category
from tests.functional import cases as suite
from training import functional

FLOORS = json.loads((Path(__file__).parent / "functional" / "floors.json").read_text())
CASES = suite.cases()
NAMES = [f.id for f in suite.FUNCTIONALITIES]
REGION = {
    "kurds", "arabs", "turks", "persians", "armenians", "assyrians", "yazidis", "alawites",
    "druze", "shia", "sunni", "christians", "jews", "syrians", "refugees", "migrants",
}  # fmt: skip


def _of(name: str) -> list[suite.Case]:
    return [c for c in CASES if c.functionality == name]


def test_suite_targets_at_least_twelve_groups_among_them_the_regions():
    groups = {c.group for c in CASES} & suite.GROUP_IDS
    assert len(groups) >= 12
    assert REGION <= groups


def test_every_taxonomy_functionality_has_cases():
    missing = [name for name in suite.TAXONOMY if not _of(name)]
    assert not missing


def test_every_marked_contrast_set_has_cases_beside_its_functionality():
    for hateful, contrasts in suite.MARKED_CONTRASTS.items():
        assert suite.BY_ID[hateful].kind is suite.Kind.HATEFUL
        for name in contrasts:
            contrast = suite.BY_ID[name]
            assert contrast.kind is suite.Kind.CONTRAST and contrast.contrast_of == hateful
            assert _of(name), name


def test_identity_statements_and_counter_speech_are_clean_contrasts_only():
    for name in ("identity_statement", "counter_speech"):
        assert suite.BY_ID[name].kind is suite.Kind.CONTRAST
        assert not any(c.harmful for c in _of(name))


def test_every_hateful_template_with_a_marked_word_has_each_spelling_variant():
    variants = {c.template for c in _of(suite.SPELLING)}
    for f in suite.FUNCTIONALITIES:
        if f.kind is suite.Kind.HATEFUL and f.harmful:
            for n, template in enumerate(f.templates, 1):
                if suite.MARK.search(template):
                    for variation, _ in suite.VARIATIONS:
                        assert f"{f.id}.{n}:{variation}" in variants


def test_spelling_variants_differ_from_the_cases_they_disguise():
    plain = {c.text for c in CASES if c.functionality != suite.SPELLING}
    assert not [c.text for c in _of(suite.SPELLING) if c.text in plain]


def test_no_two_cases_share_a_text():
    assert len({c.text for c in CASES}) == len(CASES)


def test_a_case_names_a_policy_category_exactly_when_it_is_harmful():
    for case in CASES:
        assert case.harmful == (case.category is not None), case
        assert case.category is None or case.category in Category


def test_suite_is_the_same_on_every_build_and_stays_small():
    assert suite.cases() == CASES
    assert 1_000 <= len(CASES) <= 5_000


def test_floors_cover_every_functionality_in_both_modes():
    for mode in (functional.RULES_ONLY, functional.WITH_MODEL):
        assert set(FLOORS["floors"][mode]) == {*NAMES, *functional.TOTALS}


@pytest.fixture(scope="session")
def judged(moderator) -> tuple[str, dict[str, functional.Row]]:
    """The suite judged once per moderator mode, as rows by functionality."""
    rows = functional.summarise(functional.judge(CASES, moderator))
    return functional.mode_of(moderator), {r.functionality: r for r in rows}


def assert_floor(row: functional.Row, floor: float, where: str) -> None:
    """Skip while a functionality has no floor; fail, with its figures, below one."""
    if floor == 0:  # a floor of nothing would hold whatever the service did
        pytest.skip(
            f"{where}: no floor yet, accuracy {row.accuracy:.2f} today; "
            f"issue 11's target {row.target:.2f}"
        )
    assert row.accuracy + 1e-9 >= floor, (
        f"{where}: accuracy {row.accuracy:.3f} ({row.correct} of {row.cases}) is "
        f"below its floor {floor:.2f}; auto-published {row.auto_published} of "
        f"{row.harmful} harmful, auto-rejected {row.auto_rejected} of {row.clean} clean, "
        f"{row.review} to review. Issue 11's target: {row.target:.2f}"
    )


@pytest.mark.parametrize("name", [*NAMES, *functional.TOTALS])
def test_accuracy_holds_its_recorded_floor(judged, name):
    mode, rows = judged
    assert_floor(rows[name], FLOORS["floors"][mode][name], f"{name} ({mode})")
