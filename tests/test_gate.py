"""Pattern gates (service/rules/gate.py): a pattern is skipped only on texts it cannot match."""

import re

import pytest

from bench.worst_case import families
from service.normalise import fold
from service.rules import build_rules
from service.rules.base import ListRule
from service.rules.gate import LiteralIndex, first_chars, holds, pattern_gate, quick_start, strings
from tests.test_rules import ABUSE, PERSONAL_ATTACK, PROFANITY, PROMOTION, THREAT, VULGARITY

RULES = build_rules()


def admits(pattern: str, text: str) -> bool:
    gate = pattern_gate(re.compile(pattern))
    return holds(gate, LiteralIndex(strings(gate)).present(text))


def test_every_part_of_a_sequence_is_needed():
    pattern = r"\b(?:her|your)\s(?:lovely\s)?(?:legs|body)\b"
    assert admits(pattern, "look at her body")
    assert not admits(pattern, "her report was read")  # "her" alone: no body word
    assert not admits(pattern, "a body was found")  # no "her" nor "your"


def test_one_alternative_of_a_branch_is_enough():
    pattern = r"(?:send money to|wire cash via) (?:paypal|western union)"
    assert admits(pattern, "wire cash via western union")
    assert not admits(pattern, "send money to the charity")  # the second part is missing
    assert not admits(pattern, "paypal was down")


def test_a_branch_with_an_alternative_that_needs_nothing_needs_nothing():
    assert pattern_gate(re.compile(r"(?:tonight|\w+) you die")) == (frozenset({" you die"}),)


def test_short_letters_gate_nothing_but_symbols_digits_and_emoji_do():
    assert pattern_gate(re.compile(r"\bis\b")) == ()  # in nearly every comment
    assert admits(r"[a-z]+@[a-z]+\.com", "write to me@example.com")
    assert not admits(r"[a-z]+@[a-z]+\.com", "the example is common")
    assert admits(r"(?:\+|00)\d{2}", "call +44")
    assert not admits("[\U0001f346\U0001f4a6]", "no emoji here")
    assert admits("[\U0001f346\U0001f4a6]", "hmm \U0001f4a6")


def test_optional_and_negative_parts_are_not_required():
    pattern = r"(?<!not )\bsoft(?:ware)? (?:engineer)?s?\b(?!ing)"
    assert admits(pattern, "a soft toy")


CONTRASTS = [
    "The ministry said the talks would resume next week.",
    "Her body of work on the budget is impressive.",
    "Contact the newsroom at letters@example.org or call +44 20 7946 0000.",
    "She said he was an idiot, which the court called defamatory.",
]


def shipped_patterns():
    for rule in RULES.rules:
        if isinstance(rule, ListRule):
            for group, plain in ((rule._folded, False), (rule._plain, True)):
                yield from (
                    (p, gate, plain) for p, gate in zip(group.patterns, group.gates, strict=True)
                )


@pytest.fixture(scope="module")
def texts() -> list[str]:
    hostile = families(RULES, 2_000)
    pairs = [*PROFANITY, *VULGARITY, *THREAT, *PERSONAL_ATTACK, *ABUSE, *PROMOTION]
    return [text for text, _ in pairs] + CONTRASTS + list(hostile.values())


def test_no_shipped_pattern_is_skipped_on_a_text_it_matches(texts):
    checked = 0
    for text in texts:
        folded = fold(text)
        for pattern, gate, plain in shipped_patterns():
            target = folded.plain if plain else folded.text
            if pattern.regex.search(target):
                checked += 1
                assert holds(gate, LiteralIndex(strings(gate)).present(target)), pattern.name
    assert checked > 100  # the texts do reach the patterns


@pytest.mark.parametrize(
    ("pattern", "flags", "firsts"),
    [
        (r"\b(?:call|say|write)s?\b", re.IGNORECASE, "csw"),
        (r"(?:very )?(?:dumb|stupid)", 0, "dsv"),  # an optional part and the one past it
        (r"(?<![a-z])'[a-z]+'|\"[^\"]+\"", 0, "\"'"),  # a look-behind consumes nothing
        (r"[a-c]x|y+", 0, "abcy"),
    ],
)
def test_first_characters_of_every_match(pattern, flags, firsts):
    assert first_chars(re.compile(pattern, flags)) == frozenset(firsts)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+ing",  # a category: any letter of any script
        r"[^a-z]x",  # a negated class
        r"(?:not )?",  # may match nothing: every place would have to be tried
        r"(?i:kill)",  # flags of its own inside
    ],
)
def test_first_characters_untold_leave_the_pattern_as_it_is(pattern):
    regex = re.compile(pattern)
    assert first_chars(regex) is None
    assert quick_start(regex) is regex


def test_a_pattern_started_quickly_finds_the_same_matches_spans_and_groups(texts):
    folds = [fold(text) for text in texts]
    checked = 0
    for pattern, _, plain in shipped_patterns():
        quick = quick_start(pattern.regex)
        assert quick.groupindex == pattern.regex.groupindex
        for folded in folds:
            target = folded.plain if plain else folded.text
            expected = [(m.span(), m.groups()) for m in pattern.regex.finditer(target)]
            assert [(m.span(), m.groups()) for m in quick.finditer(target)] == expected
            checked += len(expected)
    assert checked > 100
    # upper case is found where the pattern ignores case
    shout = quick_start(re.compile(r"\b(?:said|called)\b", re.IGNORECASE))
    assert [m.group() for m in shout.finditer("He SAID, she Called")] == ["SAID", "Called"]
