"""The multilingual functional suite: its shape (languages, writings, groups, no repeats)
and the service held to today's accuracy, and to today's share of clean comments not
rejected as final, on each language and functionality."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from service.domain import Category, Verdict
from tests.functional import cases as first
from tests.functional import heldout
from tests.functional import multilingual as suite
from tests.test_functional_suite import assert_floor
from training import functional

FLOORS = json.loads((Path(__file__).parent / "functional" / "multilingual_floors.json").read_text())
CASES = suite.cases()
NAMES = [f.id for f in suite.FUNCTIONALITIES]
CODES = [lang.code for lang in suite.LANGUAGES]
HATEFUL = [n for n, s in suite.SHAPES.items() if s.kind is suite.H]
# The rows with clean cases, whose share not rejected as final is held ("kept").
WITH_CLEAN = [
    *(f.id for f in suite.FUNCTIONALITIES if f.kind is suite.C),
    functional.CONTRAST_TOTAL,
    functional.TOTAL,
]
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
SORANI_LETTERS = re.compile(r"[ێۆڕڵەڤ]")  # letters Sorani writes and Arabic and Persian do not
PERSIAN_LETTERS = re.compile(r"[پچژگ]")  # in Persian and Sorani, not in standard Arabic
LATIN_DIACRITICS = {"tr": re.compile(r"[çğıöşüÇĞİÖŞÜ]"), "kmr": re.compile(r"[çêîûşÇÊÎÛŞ]")}


def _of(language: str, writing: str | None = None) -> list[suite.Case]:
    return [
        c for c in CASES if c.language == language and (writing is None or c.writing == writing)
    ]


def test_no_two_cases_share_a_text():
    assert len({c.text for c in CASES}) == len(CASES)


def test_no_case_repeats_a_case_of_the_other_suites():
    assert not {c.text for c in CASES} & {c.text for c in first.cases()}
    assert not {c.text for c in CASES} & {c.text for c in heldout.cases()}


def test_every_language_has_hateful_and_contrast_cases():
    for code in CODES:
        harmful = [c for c in _of(code) if c.harmful]
        clean = [c for c in _of(code) if not c.harmful]
        assert len(harmful) >= 15 and len(clean) >= 15, code


@pytest.mark.parametrize("code", CODES)
def test_every_language_has_every_hateful_functionality_and_the_core_contrasts(code):
    names = {c.functionality.split(".", 1)[1] for c in _of(code)}
    core = {"criticism", "innocent_words", "reported_abuse", "identity", "greeting"}
    assert {*HATEFUL} - {"group_abuse"} <= names
    assert core <= names


@pytest.mark.parametrize("code", [c for c in CODES if c != "en-mixed"])
def test_each_language_is_written_natively_and_typed_on_both_sides(code):
    for writing in (suite.NATIVE, suite.TYPED):
        cases = _of(code, writing)
        assert any(c.harmful for c in cases), (code, writing)
        assert any(not c.harmful for c in cases), (code, writing)
    assert 40 <= len(_of(code)) <= 110


def test_english_mixed_cases_are_their_own_writing():
    assert {c.writing for c in _of("en-mixed")} == {suite.MIXED}
    assert not {c.writing for c in CASES if c.language != "en-mixed"} - {suite.NATIVE, suite.TYPED}


def test_scripts_match_their_labels():
    for c in CASES:
        arabic_script = c.language in ("ar", "fa", "ckb") and c.writing == suite.NATIVE
        assert bool(ARABIC_SCRIPT.search(c.text)) is arabic_script, c
        if c.language == "ckb" and c.writing == suite.NATIVE:
            assert SORANI_LETTERS.search(c.text), c
        if c.language in ("ar", "fa"):
            assert not SORANI_LETTERS.search(c.text), c
        if c.language == "ar":
            assert not PERSIAN_LETTERS.search(c.text), c
        if c.language in LATIN_DIACRITICS and c.writing == suite.TYPED:
            assert not LATIN_DIACRITICS[c.language].search(c.text), c


def test_look_alike_letters_appear_on_both_sides():
    """Persian mostly with its own ی and ک, some typed on an Arabic keyboard with ي and ك,
    and Arabic with a few Persian forms: a folding step must bring them together."""
    for code, own, other in (("fa", "یک", "يك"), ("ar", "يك", "یک")):
        cases = _of(code, suite.NATIVE)
        with_other = [c for c in cases if re.search(f"[{other}]", c.text)]
        assert with_other and 2 * len(with_other) < len(cases), code
        assert sum(bool(re.search(f"[{own}]", c.text)) for c in cases) > len(cases) / 2, code
    assert any("\u0640" in c.text for c in CASES)  # tatweel
    assert any(re.search("[\u064b-\u0652]", c.text) for c in CASES)  # diacritics
    assert any("İ" in c.text for c in CASES) and any("I" in c.text for c in _of("tr"))


@pytest.mark.parametrize("code", [c for c in CODES if c != "en-mixed"])
def test_every_group_is_named_once_in_each_crossed_functionality(code):
    lang = suite.BY_LANGUAGE[code]
    assert set(lang.groups) == set(suite.GROUP_IDS)
    for name, templates in lang.rows.items():
        if any(suite.crossed(t) for t in templates):
            groups = [c.group for c in CASES if c.functionality == f"{code}.{name}"]
            assert sorted(groups) == sorted(suite.GROUP_IDS), name


def test_suite_names_the_regions_groups():
    assert set(suite.GROUP_IDS) <= {c.group for c in CASES if c.harmful}


def test_contrast_sets_name_a_hateful_functionality_of_their_language():
    for f in suite.FUNCTIONALITIES:
        if f.contrast_of is not None:
            assert f.kind is suite.C
            assert suite.BY_ID[f.contrast_of].kind is suite.H
            assert f.contrast_of.split(".")[0] == f.id.split(".")[0]


def test_a_case_names_a_policy_category_exactly_when_it_is_harmful():
    for case in CASES:
        assert case.harmful == (case.category is not None), case
        assert case.category is None or case.category in Category
        assert suite.expected(case) is (Verdict.REJECT if case.harmful else Verdict.APPROVE)


def test_suite_is_the_same_on_every_build_and_stays_small():
    assert suite.cases() == CASES
    assert 300 <= len(CASES) <= 700


def test_floors_cover_every_functionality_in_both_modes():
    for mode in (functional.RULES_ONLY, functional.WITH_MODEL):
        assert set(FLOORS["floors"][mode]) == {*NAMES, *functional.TOTALS}
        assert set(FLOORS["kept"][mode]) == set(WITH_CLEAN)


@pytest.fixture(scope="session")
def outcomes(moderator) -> list[functional.Outcome]:
    """The multilingual suite judged once per moderator mode."""
    return functional.judge(CASES, moderator)


@pytest.fixture(scope="session")
def judged_multilingual(moderator, outcomes) -> tuple[str, dict[str, functional.Row]]:
    """The judged suite as rows by functionality."""
    rows = functional.summarise(outcomes, suite)
    return functional.mode_of(moderator), {r.functionality: r for r in rows}


def test_figures_per_language_and_writing_add_up_to_the_suites(outcomes, judged_multilingual):
    _, rows = judged_multilingual
    per = {r.functionality: r for r in functional.by_language(outcomes, suite)}
    for kind, total in (
        ("hateful", functional.HATEFUL_TOTAL),
        ("contrasts", functional.CONTRAST_TOTAL),
    ):
        whole = [per[f"{code} {kind}"] for code in CODES]
        assert sum(r.cases for r in whole) == rows[total].cases
        assert sum(r.correct for r in whole) == rows[total].correct
        for code in CODES[:-1]:  # every language but en-mixed is written two ways
            parts = [per[f"{code} {w} {kind}"] for w in (suite.NATIVE, suite.TYPED)]
            assert sum(r.review for r in parts) == per[f"{code} {kind}"].review


@pytest.mark.parametrize("name", [*NAMES, *functional.TOTALS])
def test_multilingual_accuracy_holds_its_recorded_floor(judged_multilingual, name):
    mode, rows = judged_multilingual
    assert_floor(rows[name], FLOORS["floors"][mode][name], f"multilingual {name} ({mode})")


@pytest.mark.parametrize("name", WITH_CLEAN)
def test_clean_comments_not_rejected_as_final_hold_their_recorded_share(judged_multilingual, name):
    """A clean comment may go to review (no model for Persian and Kurdish), but a list
    that starts rejecting it as final shows here even while accuracy has no floor."""
    mode, rows = judged_multilingual
    row, kept = rows[name], FLOORS["kept"][mode][name]
    assert row.kept is not None and row.kept + 1e-9 >= kept, (
        f"multilingual {name} ({mode}): {row.auto_rejected} of {row.clean} clean cases "
        f"rejected as final, kept {row.kept:.3f} is below its floor {kept:.2f}"
    )
