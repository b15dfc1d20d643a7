"""Lookups kept across texts (lexicon.py, typos.py) give what a fresh lookup gives."""

from service.normalise import fold
from service.rules import build_rules
from service.rules import typos as typos_module
from service.rules.typos import Misspellings

TEXTS = [
    "what a shiiit show, you idiots",
    "@ss kisser, the minister said",
    "The report on Scunthorpe was dull.",
    "f@ck this and f*ck that",
    "ياكلب",
    "idiot idiot idiot",
]


def hits(rules, text):
    found = rules.find(text, fold(text))
    return [(h.category, h.rule, h.span, h.strength) for h in found.hits], found.cleared


def test_a_warm_rule_set_finds_what_a_fresh_one_finds():
    warm = build_rules()
    for text in TEXTS * 2:  # every word read once already on the second pass
        hits(warm, text)
    for text in TEXTS:
        assert hits(warm, text) == hits(build_rules(), text), text


def test_kept_misspellings_survive_being_forgotten(monkeypatch):
    monkeypatch.setattr(typos_module, "MAX_REMEMBERED", 2)
    words = ["refugees", "immigrants", "journalists"]
    kept, fresh = Misspellings(words), Misspellings(words)
    tokens = ["refuggees", "imigrants", "journalist", "refugees", "joumalists", "refuggees"]
    for token in tokens * 2:
        assert kept.correct(token) == Misspellings(words).correct(token), token
    assert [kept.correct(t) for t in tokens] == [fresh.correct(t) for t in tokens]
    assert kept.correct("refuggees") == "refugees"  # a letter added, read as the word
