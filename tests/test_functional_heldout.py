"""The held-out functional suite: its shape, its independence from the first suite, and
the service held to today's accuracy on each part."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.domain import Category, Verdict
from tests.functional import cases as first
from tests.functional import heldout as suite
from tests.test_functional_suite import REGION, assert_floor
from training import functional

FLOORS = json.loads((Path(__file__).parent / "functional" / "heldout_floors.json").read_text())
CASES = suite.cases()
NAMES = [f.id for f in suite.FUNCTIONALITIES]


def _of(name: str) -> list[suite.Case]:
    return [c for c in CASES if c.functionality == name]


def test_suite_targets_at_least_twelve_groups_among_them_the_regions():
    groups = {c.group for c in CASES} & suite.GROUP_IDS
    assert len(groups) >= 12
    assert REGION <= groups


def test_every_group_is_crossed_with_every_group_template():
    for f in suite.FUNCTIONALITIES:
        for n, template in enumerate(f.templates, 1):
            if "{G}" in template or "{a}" in template or "{mod}" in template:
                groups = {c.group for c in CASES if c.template == f"{f.id}.{n}"}
                assert groups == suite.GROUP_IDS, f"{f.id}.{n}"


def test_every_taxonomy_functionality_has_cases():
    missing = [name for name in suite.TAXONOMY if not _of(name)]
    assert not missing


def test_every_hateful_functionality_has_a_clean_contrast_set_beside_it():
    for f in suite.FUNCTIONALITIES:
        if f.kind is suite.Kind.HATEFUL:
            clean = [
                c
                for g in suite.FUNCTIONALITIES
                if g.kind is suite.Kind.CONTRAST and g.contrast_of == f.id
                for c in _of(g.id)
                if not c.harmful
            ]
            assert clean, f.id


def test_contrast_sets_name_a_hateful_functionality_of_this_suite():
    for f in suite.FUNCTIONALITIES:
        if f.contrast_of is not None:
            assert f.kind is suite.Kind.CONTRAST
            assert suite.BY_ID[f.contrast_of].kind is suite.Kind.HATEFUL


def test_identity_statements_and_counter_speech_are_clean_contrasts_only():
    for name in ("identity_statement", "counter_speech"):
        assert suite.BY_ID[name].kind is suite.Kind.CONTRAST
        assert not any(c.harmful for c in _of(name))


def test_every_hateful_template_with_a_marked_word_has_its_spelling_variants():
    variants: dict[str, int] = {}
    for c in _of(suite.SPELLING):
        origin = c.template.split(":")[0]
        variants[origin] = variants.get(origin, 0) + 1
    for f in suite.FUNCTIONALITIES:
        if f.kind is suite.Kind.HATEFUL:
            for n, template in enumerate(f.templates, 1):
                if suite.MARK.search(template):
                    assert variants.get(f"{f.id}.{n}") == suite.PER_TEMPLATE, f"{f.id}.{n}"


def test_every_variation_is_used():
    used = {c.template.split(":")[1] for c in _of(suite.SPELLING)}
    assert used == {name for name, _ in suite.HELD_VARIATIONS}


def test_spelling_variants_differ_from_the_cases_they_disguise():
    plain = {c.text for c in CASES if c.functionality != suite.SPELLING}
    assert not [c.text for c in _of(suite.SPELLING) if c.text in plain]


def test_no_case_repeats_a_case_of_the_first_suite():
    assert not {c.text for c in CASES} & {c.text for c in first.cases()}


def test_no_two_cases_share_a_text():
    assert len({c.text for c in CASES}) == len(CASES)


def test_a_case_names_a_policy_category_exactly_when_it_is_harmful():
    for case in CASES:
        assert case.harmful == (case.category is not None), case
        assert case.category is None or case.category in Category
        assert suite.expected(case) is (Verdict.REJECT if case.harmful else Verdict.APPROVE)


def test_lower_case_templates_are_filled_in_lower_case():
    lower = [c for c in _of("derog_trait") if c.template == "derog_trait.2"]
    assert lower and all(c.text == c.text.lower() for c in lower)


def test_suite_is_the_same_on_every_build_and_stays_small():
    assert suite.cases() == CASES
    assert 1_500 <= len(CASES) <= 3_000


def test_floors_cover_every_functionality_in_both_modes():
    for mode in (functional.RULES_ONLY, functional.WITH_MODEL):
        assert set(FLOORS["floors"][mode]) == {*NAMES, *functional.TOTALS}


@pytest.fixture(scope="session")
def judged_heldout(moderator) -> tuple[str, dict[str, functional.Row]]:
    """The held-out suite judged once per moderator mode, as rows by functionality."""
    rows = functional.summarise(functional.judge(CASES, moderator), suite)
    return functional.mode_of(moderator), {r.functionality: r for r in rows}


@pytest.mark.parametrize("name", [*NAMES, *functional.TOTALS])
def test_heldout_accuracy_holds_its_recorded_floor(judged_heldout, name):
    mode, rows = judged_heldout
    assert_floor(rows[name], FLOORS["floors"][mode][name], f"held-out {name} ({mode})")
