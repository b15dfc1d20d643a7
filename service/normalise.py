"""Folding of comment text for matching only; the stored comment is never changed.

`fold` returns a lower-case ASCII-leaning copy in which disguised spellings line up with
the word lists (look-alike letters, full-width and styled forms, accents, zero-width
characters, leetspeak, separators inside words, stretched letters), plus a map from each
folded character back to the original, so that evidence spans point into the original.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from wordfreq import zipf_frequency

# Digits and symbols that stand for letters inside a word ("sh1t", "a$$", "@ss", "sh!t").
LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "9": "g",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "i",
        "€": "e",
    }
)
# Arabizi (Arabic typed in Latin letters) writes with digits the letters Latin lacks; in a
# sentence read as Arabizi they are read as the letters the same words are typed with when
# no digit is used, not as leetspeak, so that "5ara" and "khara", "7mar" and "hmar", "3arab"
# and "arab" meet one entry. Hamza (2) and ain (3) are typed as nothing, "'", "a" or "e":
# they are dropped ("2ana" ana, "ma3" ma, "yel3an" yelan). "7'" and "3'" are kh and gh.
ARABIZI = {"2": "", "3": "", "5": "kh", "6": "t", "7": "h", "8": "gh", "9": "q"}
# A word typed with Arabizi digits: letters with single digits of ARABIZI among them, not
# an address, a handle or a path ("ali7@mail.com", "@sa7", "/v2/"), nor a number.
_ARABIZI_TOKEN = re.compile(
    r"(?<![a-z0-9@#/._:\-])(?=[a-z0-9'’]*[a-z])(?=[a-z0-9'’]*[235-9])[a-z0-9'’]+"
    r"(?![a-z0-9@/_:]|\.[a-z0-9])"
)
_ARABIZI_NOT = re.compile(r"\d\d|[014]|^\d+(?:st|nd|rd|th|am|pm|k|m|bn|km|kg|mm|cm|h|min|s|x)$")
# Characters that hide a letter ("f*ck", "f#ck"); they stay in the folded text as masks.
MASKS = "*#%"
# Look-alikes that Unicode's confusables table leaves out or maps by shape to the wrong letter.
EXTRA_LOOKALIKES = {
    "ε": "e", "κ": "k", "τ": "t", "χ": "x", "β": "b", "լ": "l", "ı": "i",
    # Greek small letters read as Latin ones in disguised spellings (not in confusables)
    "η": "n", "ν": "v", "ρ": "p", "υ": "u", "ω": "w", "ι": "i", "α": "a",
    # Azerbaijani (Iran's and the Caucasus's Turkic readers) writes e as schwa ("qəhbə")
    "ə": "e", "Ə": "e",
}  # fmt: skip
# Unicode blocks of Latin letter variants whose names say which letter they are (small
# capitals, letters with hooks and strokes, circled, squared and parenthesised letters,
# regional indicators); NFKD and the confusables table leave many of them unfolded.
_LETTER_BLOCKS = (
    (0x0080, 0x0300), (0x1D00, 0x1DC0), (0x1E00, 0x1F00), (0x2460, 0x2500),
    (0x2C60, 0x2C80), (0xA720, 0xA800), (0xAB30, 0xAB70), (0x1F100, 0x1F200),
)  # fmt: skip
_LETTER_NAME = re.compile(
    r"(?:LATIN (?:SMALL |CAPITAL )?LETTER (?:SMALL CAPITAL )?"
    r"|(?:NEGATIVE )?(?:CIRCLED|SQUARED|PARENTHESIZED) LATIN (?:SMALL |CAPITAL )?LETTER "
    r"|REGIONAL INDICATOR SYMBOL LETTER )([A-Z])(?: WITH [A-Z -]+)?"
)
# Markup a comment form may pass through: HTML entities ("&#102;uck", "&amp;"), tags
# ("fu<b></b>ck") and markdown emphasis ("**f**uck", "_fuck_"). The emphasis opener
# must start a word, so that masks inside one ("f**k") stay masks.
_MARKUP = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|<(?P<close>/?)(?P<tag>[A-Za-z][A-Za-z0-9]{0,15})(?P<attrs>\s[^<>]{0,200})?/?>"
    r"|(?<![\w*_~])(?P<em>\*{1,3}|_{1,3}|~~)(?P<body>[^\s*_~](?:[^\n]{0,40}?[^\s*_~])?)(?P=em)"
)
_MARKUP_CHARS = "&<*_~"
# Tags that break a line or a block stand for a space; inline ones (b, i, span) for nothing.
# A tag's attributes are kept, between spaces: a link in href="..." is still a link.
_BLOCK_TAGS = frozenset(
    "br p div li ul ol tr td th table h1 h2 h3 h4 h5 h6 blockquote hr pre section".split()
)
# A token: letters plus the digits and symbols that may disguise them.
_TOKEN = re.compile(r"[a-z0-9@$!|€*#%]+")
_HAS_LETTER = re.compile(r"[a-z]")
# Numbers with a unit or suffix are not leetspeak: "2010s", "3rd", "5am", "10km", "20k".
_NUMBER_WITH_SUFFIX = re.compile(r"\d[\d.,]*(?:s|st|nd|rd|th|am|pm|k|m|bn|km|kg|mm|cm|h|min)")
# Single letters separated by spaces, dots, dashes...: "f u c k", "f.u.c.k", "b-i-t-c-h".
_SPACED = re.compile(r"(?<![a-z0-9])[a-z*](?:[ ._\-·•,/+~:]{1,3}[a-z*](?![a-z0-9])){2,}")
_SEPARATOR = re.compile(r"[ ._\-·•,/+~:]")
# Letters that stand alone as words in English and chat ("u r a clown", "i c u"): a run
# of only these is words, not a spaced-out one ("f u c k" has f and k).
_LETTER_WORDS = frozenset("aiurycno")
# A letter that is a word of its own ("I", "a", "u") may open a spaced-out word rather than
# be its first letter: "I h a t e" is "I hate", but "I d i o t" is "idiot" and "a s s" is
# "ass". The run is read as the word it spells with that letter, when that is an English
# word, else as the letter and a word ("i" + "hate"), when that one is.
_OPENING_WORDS = frozenset("aiu")
_WORD_ZIPF = 2.0  # as service.rules.dictionary.ORDINARY_ZIPF: once in 10 million words
# A character repeated three or more times is cut to two ("fuuuuck", "!!!!"), a vowel to
# one ("kiiill", "veeermin": few words double a vowel, and patterns spell words plainly);
# masks are kept.
_STRETCH = re.compile(r"([^*#%])\1{2,}", re.DOTALL)
_VOWELS = frozenset("aeiou")


# Arabic script (Arabic, Persian, Sorani): spelling variants that readers type for one
# letter, depending on their keyboard, folded to one form so that one list entry matches
# them all: ی/ى/ي (Persian, Arabic final and Arabic yeh), ک/ك, ة/ۀ/ە/ھ and ه (taa
# marbuta and Sorani ە are written ه on many keyboards), hamza carriers and wasla on alif,
# and the Sorani letters that an Arabic or Persian keyboard lacks (ڕ ڵ ۆ ێ, typed ر ل و ي).
# Harakat and other marks are dropped as accents are; tatweel (ـ) is only stretching.
# Arabic-Indic and Persian digits are digits ("٠٧٥٠" is a phone number).
ARABIC_FOLD = {
    "ى": "ي", "ی": "ي", "ۍ": "ي", "ې": "ي",
    "ێ": "ي", "ئ": "ي",  # ى ی ۍ ې ێ ئ -> ي
    "ک": "ك", "ڪ": "ك",  # ک ڪ -> ك
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه",
    "ہ": "ه",  # ة ۀ ە ھ ہ -> ه
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ٲ": "ا", "ٳ": "ا", "ٵ": "ا",  # أ إ آ ٱ ٲ ٳ ٵ -> ا
    "ؤ": "و", "ۆ": "و",  # ؤ ۆ -> و
    "ڕ": "ر",  # ڕ -> ر
    "ڵ": "ل",  # ڵ -> ل
    "ـ": "",  # tatweel
}  # fmt: skip
ARABIC_FOLD.update({chr(0x0660 + d): str(d) for d in range(10)})  # ٠-٩
ARABIC_FOLD.update({chr(0x06F0 + d): str(d) for d in range(10)})  # ۰-۹
# Letters a folded word is made of: Latin after folding, and the Arabic script's letters
# (which folding keeps in their own script). Shared by every word matcher.
WORD_LETTERS = "a-zء-غف-يٮ-ۓۺ-ۿݐ-ݿࢠ-ࣿ"
_ARABIC_BLOCKS = ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00),
                  (0xFE70, 0xFF00))  # fmt: skip


def _arabic_script(char: str) -> bool:
    code = ord(char)
    return any(low <= code < high for low, high in _ARABIC_BLOCKS)


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded copy of a text: `text` with leetspeak read as letters, `plain` without.

    Both have the same length; `src[i]` is the index in the original text of folded
    character i (None when the two line up one to one).
    """

    text: str
    plain: str
    src: tuple[int, ...] | None
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) to the original text."""
        if self.src is None:
            return (start, end)
        if end <= start:
            pos = self.src[start] if start < len(self.src) else self.original_length
            return (pos, pos)
        return (self.src[start], self.src[end - 1] + 1)


@cache
def _lookalikes() -> dict[str, str]:
    """Non-ASCII characters that look like one ASCII letter or digit (Unicode confusables)."""
    path = resources.files("confusable_homoglyphs") / "confusables.json"
    table: dict[str, str] = {}
    for char, entries in json.loads(path.read_text(encoding="utf-8")).items():
        if len(char) != 1 or char.isascii():
            continue
        for entry in entries:
            glyph = entry["c"]
            if len(glyph) == 1 and glyph.isascii() and glyph.isalnum():
                table[char] = glyph.lower()
                break
    table.update(EXTRA_LOOKALIKES)
    return table


@cache
def _named_letters() -> dict[str, str]:
    """Latin letter variants by their Unicode names ("LATIN LETTER SMALL CAPITAL F": f)."""
    table: dict[str, str] = {}
    for low, high in _LETTER_BLOCKS:
        for code in range(low, high):
            char = chr(code)
            match = _LETTER_NAME.fullmatch(unicodedata.name(char, ""))
            if match:
                table[char] = match.group(1).lower()
    return table


@cache
def _fold_char(char: str) -> str:
    """Fold one character: compatibility form, no accents, case, look-alikes, no invisibles."""
    category = unicodedata.category(char)
    if category in ("Cf", "Mn", "Me") or "\ufe00" <= char <= "\ufe0f":
        # zero-width joiners, soft hyphens, bidi marks, variation selectors, accents; the
        # Persian zero-width non-joiner too ("می‌کشمت" folds as "میکشمت": see docs/rules.md)
        return ""
    if _arabic_script(char):
        return _fold_arabic(char)
    folded = _fold_by_shape(char)
    if len(folded) == 1 and folded.isascii() and folded.isalnum():
        return folded
    return _named_letters().get(char, folded)  # "ꜰ", "ƒ", "🅕", "⒡": by the letter's name


def _fold_arabic(char: str) -> str:
    """An Arabic-script character in its one spelling; never a Latin look-alike (the
    confusables table reads ه as 'o' and ا as 'l', which would mangle every word)."""
    out = []
    for part in unicodedata.normalize("NFKD", char):  # presentation forms, hamza carriers
        if unicodedata.category(part) in ("Mn", "Me", "Cf"):
            continue
        out.append(ARABIC_FOLD.get(part, part))
    return "".join(out)


def _fold_by_shape(char: str) -> str:
    table = _lookalikes()
    out = []
    for part in unicodedata.normalize("NFKD", char):
        if unicodedata.category(part) in ("Mn", "Me"):
            continue
        folded = part.casefold()
        for piece in folded:
            out.append(table.get(piece) or table.get(part, piece))
    return "".join(out)


def _unmarked(text: str) -> tuple[str, list[int]] | None:
    """The text with HTML entities decoded and tags and emphasis removed, and the index
    in `text` of each of its characters; None when there is no markup."""
    if not any(char in text for char in _MARKUP_CHARS):  # five scans in C, not 10,000 lookups
        return None
    pieces: list[str] = []
    src: list[int] = []
    done = 0

    def keep(start: int, end: int) -> None:
        pieces.append(text[start:end])
        src.extend(range(start, end))

    for match in _MARKUP.finditer(text):
        keep(done, match.start())
        done = match.end()
        if match.group("em") is not None:
            keep(*match.span("body"))
        elif match.group("tag") is not None:
            if match.group("attrs"):
                keep(*match.span("attrs"))
                pieces.append(" ")
                src.append(match.end("attrs"))
            elif match.group("tag").lower() in _BLOCK_TAGS:
                pieces.append(" ")
                src.append(match.start())
        else:
            decoded = html.unescape(match.group())
            pieces.append(decoded)
            src.extend([match.start()] * len(decoded))
    if done == 0:
        return None
    keep(done, len(text))
    return "".join(pieces), src


def _fold_chars(text: str) -> tuple[str, list[int] | None]:
    unmarked = _unmarked(text)
    if unmarked is None:
        if text.isascii():
            return text.lower(), None
        chars, index = text, range(len(text))
    else:
        chars, index = unmarked
        if chars.isascii():
            return chars.lower(), index
    pieces: list[str] = []
    src: list[int] = []
    for char, at in zip(chars, index, strict=True):
        piece = char.lower() if char.isascii() else _fold_char(char)
        if piece:
            pieces.append(piece)
            src.extend([at] * len(piece))
    return "".join(pieces), src


def _read_leet(text: str) -> str:
    """Read digits and symbols as letters inside tokens that have letters (1:1, same length)."""

    def repl(match: re.Match[str]) -> str:
        token = match.group()
        if token.isalpha() or not _HAS_LETTER.search(token):
            return token
        if _NUMBER_WITH_SUFFIX.fullmatch(token):
            return token
        lead = ""
        if token[0] == "@" and len(token) > 1 and token[1].isalpha():
            lead, token = "@", token[1:]  # an @mention, not "@ss"
        core = token.rstrip("!")  # trailing "!!!" is punctuation
        return lead + core.translate(LEET) + token[len(core) :]

    return _TOKEN.sub(repl, text)


def read_arabizi(word: str) -> str:
    """A lower-case word typed with Arabizi digits, with the digits read as letters
    ("5ara": khara, "3arab": arab, "7'ara": khara); any other word unchanged."""
    if not _ARABIZI_TOKEN.fullmatch(word) or _ARABIZI_NOT.search(word):
        return word
    return "".join(letters for letters, _ in _arabizi_letters(word))


def _arabizi_letters(word: str) -> Iterator[tuple[str, int]]:
    """Each letter group of an Arabizi word as read, with the index of the character it
    reads ("7'" is kh and "3'" gh, read from the digit; other digits by ARABIZI)."""
    i = 0
    while i < len(word):
        char = word[i]
        if char in "37" and i + 1 < len(word) and word[i + 1] in "'’":
            yield ("kh" if char == "7" else "gh"), i
            i += 2
        else:
            yield ARABIZI.get(char, char), i
            i += 1


def _read_arabizi_spans(
    text: str, src: list[int] | None, spans: Sequence[tuple[int, int]]
) -> tuple[str, list[int] | None]:
    """The folded text with the Arabizi words inside `spans` (of the original) read as
    letters, and the map back to the original."""
    pieces: list[str] = []
    out_src: list[int] = []
    done = 0
    changed = False
    for match in _ARABIZI_TOKEN.finditer(text):
        start, end = match.span()
        at = src[start] if src is not None else start
        if not any(low <= at < high for low, high in spans):
            continue
        word = match.group()
        read = read_arabizi(word)
        if read == word:
            continue
        changed = True
        pieces.append(text[done:start])
        out_src.extend(src[done:start] if src is not None else range(done, start))
        for letters, i in _arabizi_letters(word):  # each maps to the character it reads
            origin = src[start + i] if src is not None else start + i
            pieces.append(letters)
            out_src.extend([origin] * len(letters))
        done = end
    if not changed:
        return text, src
    pieces.append(text[done:])
    out_src.extend(src[done:] if src is not None else range(done, len(text)))
    return "".join(pieces), out_src


def fold_letters(text: str) -> str:
    """`text` with each non-ASCII character folded as `fold` folds it, ASCII untouched: for
    list patterns written in a language's letters, whose regex syntax must stay as it is."""
    if text.isascii():
        return text
    return "".join(c if c.isascii() else _fold_char(c) for c in text.replace("İ", "i"))


def spelling(word: str) -> str:
    """A word in lower case as written, marks kept, Turkish capital İ included ("SİKTİR":
    siktir, "GÖT": göt): how a word is compared with a list's spelling of it."""
    return word.replace("İ", "i").lower()


def _drop(keep: list[bool], *strings: str) -> list[str]:
    return ["".join(c for c, k in zip(s, keep, strict=True) if k) for s in strings]


@lru_cache(maxsize=4_096)
def _opens_spaced_word(letters: str) -> bool:
    """Whether the first of a run of spaced letters is a word before the rest ("ihate" is
    i + hate), rather than its first letter ("idiot", "ass")."""
    if letters[0] not in _OPENING_WORDS or len(letters) < 4 or "*" in letters:
        return False
    if zipf_frequency(letters, "en") >= _WORD_ZIPF:
        return False
    return zipf_frequency(letters[1:], "en") >= _WORD_ZIPF


def fold(text: str, arabizi: Sequence[tuple[int, int]] = ()) -> Folded:
    """Fold `text` for matching; the result maps back to the original's positions.
    `arabizi`: spans of the original read as Arabizi, whose digits inside words are
    letters (ARABIZI), not leetspeak."""
    folded, src_list = _fold_chars(text)
    if arabizi:
        folded, src_list = _read_arabizi_spans(folded, src_list, arabizi)
    plain = folded
    folded = _read_leet(folded)
    keep: list[bool] | None = None
    for match in _SPACED.finditer(folded):
        letters = _SEPARATOR.sub("", match.group())
        if _LETTER_WORDS.issuperset(letters):
            continue  # "u r a clown" is three words, not "ura"
        keep = keep or [True] * len(folded)
        seps = list(_SEPARATOR.finditer(match.group()))
        if _opens_spaced_word(letters):
            seps = seps[1:] if seps[0].start() == 1 else seps  # "I h a t e": i + hate
        for sep in seps:
            keep[match.start() + sep.start()] = False
    for match in _STRETCH.finditer(folded):
        keep = keep or [True] * len(folded)
        kept = 1 if match.group(1) in _VOWELS else 2
        for i in range(match.start() + kept, match.end()):
            keep[i] = False
    if keep is not None:
        if src_list is None:
            src_list = list(range(len(text)))
        src_list = [s for s, k in zip(src_list, keep, strict=True) if k]
        folded, plain = _drop(keep, folded, plain)
    src = tuple(src_list) if src_list is not None else None
    return Folded(text=folded, plain=plain, src=src, original_length=len(text))
