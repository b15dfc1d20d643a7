"""Disguised spellings, per category: each disguise of a caught comment is still caught."""

from collections.abc import Callable

import pytest

from service.domain import Strength
from service.normalise import fold
from service.rules import build_rules

RULES = build_rules()

# One plain comment per category that the rules reject, and the word in it to disguise.
BASE = {
    "profanity": ("this budget is bullshit", "bullshit"),
    "vulgarity": ("send me your nudes", "nudes"),
    "threat": ("i will kill you", "kill"),
    "personal_attack": ("you are an idiot", "idiot"),
    "abuse": ("kurds are vermin", "vermin"),
    "promotion": ("earn money from home, contact me on whatsapp +964 750 123 4567", "whatsapp"),
}

CYRILLIC = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і"})
GREEK = str.maketrans({"o": "ο", "i": "ι", "k": "κ", "t": "τ", "n": "η"})
LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "$", "t": "7"})
SMALL_CAPITALS = str.maketrans(
    dict(zip("abcdefghijklmnopqrstuvwyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡʏᴢ", strict=True))
)


def _fullwidth(word: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)


def _styled(base: int) -> Callable[[str], str]:
    """Letters from a block of mathematical alphanumerics (bold, script, double-struck)."""
    return lambda word: "".join(chr(base + ord(c) - ord("a")) if c.islower() else c for c in word)


def _enclosed(word: str) -> str:
    return "".join(chr(0x24D0 + ord(c) - ord("a")) if c.islower() else c for c in word)


DISGUISES = {
    "cyrillic look-alikes": lambda w: w.translate(CYRILLIC),
    "greek look-alikes": lambda w: w.translate(GREEK),
    "full-width": _fullwidth,
    "zero-width joiners": lambda w: "\u200d".join(w),
    "zero-width spaces": lambda w: "\u200b".join(w),
    "dots between letters": lambda w: ".".join(w),
    "spaces between letters": lambda w: " ".join(w),
    "stretched": lambda w: "".join(c * 3 if c in "aeiou" else c for c in w),
    "leetspeak": lambda w: w.translate(LEET),
    "mixed case": lambda w: "".join(c.upper() if i % 2 else c for i, c in enumerate(w)),
    "small capitals": lambda w: w.translate(SMALL_CAPITALS),
    "mathematical bold": _styled(0x1D41A),
    "mathematical bold script": _styled(0x1D4EA),
    "double-struck": _styled(0x1D552),
    "circled letters": _enclosed,
    "html entity": lambda w: f"&#{ord(w[0])};{w[1:]}",
    "inline tag": lambda w: f"{w[:2]}<b></b>{w[2:]}",
    "markdown emphasis": lambda w: f"**{w[0]}**{w[1:]}",
}


def rejected_for(text: str) -> set[str]:
    return {
        h.category.value for h in RULES.match(text, fold(text)) if h.strength is Strength.STRONG
    }


@pytest.mark.parametrize("category", BASE)
def test_the_plain_comment_is_caught(category):
    text, _ = BASE[category]
    assert category in rejected_for(text)


@pytest.mark.parametrize("disguise", DISGUISES)
@pytest.mark.parametrize("category", BASE)
def test_a_disguised_word_is_still_caught(category, disguise):
    text, word = BASE[category]
    disguised = text.replace(word, DISGUISES[disguise](word))
    assert disguised != text
    assert category in rejected_for(disguised), disguised


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("nice booooobs", "vulgarity"),  # a double vowel stretched: folded to "bobs"
        ("you baaaastard", "profanity"),
        ("i will kiiiill you", "threat"),
    ],
)
def test_stretched_vowels_in_listed_words_and_patterns(text, category):
    assert category in rejected_for(text)


@pytest.mark.parametrize("text", ["soooo goooood", "Noooo, that is not what the minister said"])
def test_stretched_everyday_words_stay_clean(text):
    assert rejected_for(text) == set()
