"""Spelling variation of listed words: one letter dropped ("Krds"), two swapped ("Kudrs")
or one added ("Kurdds"), the first letter kept; and disguises that folding cannot undo
alone: a letter hidden by a mask ("K*rds", "sc#m"), "1", "!" or "|" standing for an l
rather than an i ("Mus1ims"), and a plural written with z ("Gayz").

Only words of MIN_LENGTH letters or more get dropped variants: a four-letter word with a
letter dropped has too many real neighbours ("rats": "ras", "rat"; "kill": "kil", a
Turkish word and an English name), so four-letter words are read only with two letters
swapped ("haet", "sucm"), a letter added ("hatte") or disguised. A masked word needs
MIN_MASKED letters, and must fit one listed word only. A token that is itself a known
word (any word of the analysis' lists) or a word of its own (dictionary.is_own_spelling:
"refuges", "bakers", "gong") is never read as a misspelling.

`Corrections` applies the same reading to a whole folded text, for the rules that match
patterns rather than words ("I will kil you" stays, "go kill yuorself" is read).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from wordfreq import zipf_frequency

from service.normalise import Folded
from service.rules.dictionary import ORDINARY_ZIPF, is_own_spelling

MIN_LENGTH = 5
MIN_SWAPPED = 4  # four-letter words are read with two letters swapped, none dropped
# A word with one letter added is looked for among listed words of this length or more.
MIN_LISTED_FOR_ADDED = 4
# A masked token ("sc*m") names a listed word of this many letters or more.
MIN_MASKED = 4
MASK_CHARS = frozenset("*#%")
# Longest token looked up (bounded work per token: its variants are built letter by letter).
MAX_WORD = 24
# Folding reads "1", "!" and "|" as i; they stand for an l just as often ("mus1ims",
# "po|iticians"), and a capital I looks like an l ("MusIims").
_LOOKS_LIKE_L = "i"
# Tokens whose reading is kept (all forgotten when full): the same words come back in
# every comment, and each is looked up for every phrase set beside a group.
MAX_REMEMBERED = 20_000


def dropped(word: str) -> list[str]:
    """The word with one letter after the first dropped."""
    return [word[:i] + word[i + 1 :] for i in range(1, len(word))]


def swapped(word: str) -> list[str]:
    """The word with two neighbouring letters after the first swapped."""
    return [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(1, len(word) - 1)
        if word[i] != word[i + 1]
    ]


def _masked_fit(token: str, word: str) -> bool:
    """Whether `word` fits `token` letter for letter where the token shows one."""
    return all(t in MASK_CHARS or t == w for t, w in zip(token, word, strict=True))


class Misspellings:
    """Which listed word a misspelt or disguised token stands for."""

    def __init__(self, words: Iterable[str], known: frozenset[str] = frozenset()) -> None:
        listed = {w for w in words if w.isalpha()}
        self._listed = frozenset(w for w in listed if len(w) >= MIN_LISTED_FOR_ADDED)
        self._variants: dict[str, str] = {}
        for word in sorted(listed):
            if len(word) < MIN_SWAPPED:
                continue
            variants = swapped(word) if len(word) < MIN_LENGTH else dropped(word) + swapped(word)
            for variant in variants:
                if variant not in listed and variant not in known:
                    self._variants.setdefault(variant, word)
        self._prefixes = frozenset(w[:2] for w in self._listed)
        self._known = known | listed  # spelt right: never a misspelling
        # Masked tokens are compared with the listed words of their length and first letter.
        self._by_shape: dict[tuple[int, str], list[str]] = {}
        for word in sorted(listed):
            if len(word) >= MIN_MASKED:
                self._by_shape.setdefault((len(word), word[0]), []).append(word)
        self._corrected: dict[str, str | None] = {}  # tokens already read, across texts

    @property
    def listed(self) -> frozenset[str]:
        """The listed words of four letters or more."""
        return self._listed

    def variants(self) -> frozenset[str]:
        """Every misspelling with a letter dropped or swapped."""
        return frozenset(self._variants)

    def correct(self, token: str) -> str | None:
        """The listed word `token` misspells, or None."""
        if not MIN_LISTED_FOR_ADDED <= len(token) <= MAX_WORD or token in self._known:
            return None
        found = self._corrected.get(token, "")  # one call: another thread may clear it
        if found != "":
            return found
        if len(self._corrected) >= MAX_REMEMBERED:
            self._corrected.clear()
        found = self._corrected[token] = self._correct(token)
        return found

    def _correct(self, token: str) -> str | None:
        """`correct`, read anew."""
        if not MASK_CHARS.isdisjoint(token):
            return self._unmasked(token)
        if not token.isalpha():
            return None
        found = self._typo(token) or self._disguised(token)
        if found is None or is_own_spelling(token, found):
            return None  # "refuges", "bakers": words of their own
        return found

    def variant(self, token: str) -> str | None:
        """The listed word `token` is with a letter dropped or two swapped, or None."""
        found = self._variants.get(token)
        return None if found is None or is_own_spelling(token, found) else found

    def _typo(self, token: str) -> str | None:
        # A doubled letter is the commonest letter added ("despisse" is despise, though
        # it is despises with two letters swapped too).
        for i in range(2, len(token)):
            if token[i] == token[i - 1] and token[:i] + token[i + 1 :] in self._listed:
                return token[:i] + token[i + 1 :]
        found = self._variants.get(token)
        if found is not None:
            return found
        if len(token) > MIN_LISTED_FOR_ADDED and token[:2] in self._prefixes:
            for variant in dropped(token):  # one letter added
                if variant in self._listed:
                    return variant
        return None

    def _disguised(self, token: str) -> str | None:
        """A plural written with z ("gayz", "jewz"), or an l read by folding as i
        ("musiims" from "mus1ims"): one reading each, looked up as listed."""
        if token.endswith("z"):
            plural = token[:-1] + "s"
            if plural in self._listed:
                return plural
        if _LOOKS_LIKE_L in token[1:]:
            for i, char in enumerate(token):
                if i and char == _LOOKS_LIKE_L:
                    variant = token[:i] + "l" + token[i + 1 :]
                    if variant in self._listed:
                        return variant
        return None

    def _unmasked(self, token: str) -> str | None:
        """The one listed word a masked token ("k*rds", "sc#m") fits, its first letter and
        at least half its letters shown; None when none or several fit."""
        if token[0] in MASK_CHARS or sum(c not in MASK_CHARS for c in token) * 2 < len(token):
            return None
        fits = [w for w in self._by_shape.get((len(token), token[0]), ()) if _masked_fit(token, w)]
        return fits[0] if len(fits) == 1 else None


# Words of a list file's patterns: letters not part of a regex escape ("\bkill" is kill).
_ESCAPE = re.compile(r"\\[A-Za-z]")
_PATTERN_WORD = re.compile(r"(?<![a-z])[a-z]+(?![a-z])")
_L_DIGITS = re.compile(r"[1!|]")
# A word of the folded text, masks inside or at its end included ("k*ll", "sc**").
_TEXT_WORD = re.compile(r"(?<![a-z0-9*#%@$])[a-z][a-z*#%]*(?![a-z0-9*#%@$])")
# A sentence ends before a word that may be capitalised for that reason alone.
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”(\n])\s*$")
# The lists hold words of other languages (Turkish, Kurdish in Latin letters): only English
# words of the lists are corrected to, and a Turkish word is not an English misspelling.
MIN_ENGLISH_ZIPF = 1.0


def pattern_words(sources: Iterable[str]) -> set[str]:
    """The lower-case words in regex sources and phrases."""
    out: set[str] = set()
    for source in sources:
        out.update(_PATTERN_WORD.findall(_ESCAPE.sub(" ", source)))
    return out


class Corrections:
    """Misspelt words of a folded text read as the listed English words they misspell, for
    rules that match phrases and patterns over the text ("go kill yuorself")."""

    def __init__(self, words: Iterable[str]) -> None:
        vocabulary = {
            w
            for w in words
            if len(w) >= MIN_LISTED_FOR_ADDED and zipf_frequency(w, "en") >= MIN_ENGLISH_ZIPF
        }
        self._misspellings = Misspellings(vocabulary, frozenset(vocabulary))
        self._splits = Splits(vocabulary)

    def correct(self, token: str) -> str | None:
        """The listed word a token misspells or disguises ("k*ll", "ki1l" folded as kiil),
        or None; neither an English nor a Turkish word is a misspelling."""
        found = self._misspellings.correct(token)  # None outside its lengths too
        if found is None or (token.isalpha() and zipf_frequency(token, "tr") >= ORDINARY_ZIPF):
            return None
        return found

    def _as_l(self, written: str) -> str | None:
        """A word written with 1, ! or | for l ("kil1"), which folding read as i."""
        if written.isalpha() or not _L_DIGITS.search(written):
            return None
        word = _L_DIGITS.sub("l", written)
        return word if word in self._misspellings.listed else None

    def apply(self, folded: Folded, original: str) -> Folded:
        """The folded text with its misspelt words replaced; each replacement maps to the
        original word it reads. The same Folded when nothing is misspelt.

        Only the sentences with a replaced word are kept, the rest blanked (the rules
        read the text as written before, and a misspelling changes only its sentence),
        so that the rules reading it again do the work again only there."""
        splits = self._splits.spans(folded)
        joined = _replaced(folded, splits) if splits else folded
        changed = [folded.span(start, end) for start, end, _ in splits]  # original spans
        spans: list[tuple[int, int, str]] = []
        for match in _TEXT_WORD.finditer(joined.text):
            start, end = match.span()
            if end - start < MIN_LISTED_FOR_ADDED or end - start > MAX_WORD:
                continue
            word = self.correct(match.group()) or self._as_l(joined.plain[start:end])
            if word is not None and not _name_like(original, joined.span(start, end)):
                spans.append((start, end, word))
                changed.append(joined.span(start, end))
        if not changed:
            return folded
        return _sentences_of(_replaced(joined, spans) if spans else joined, sorted(changed))


# Pieces of a word split by one space, dot, dash or underscore ("ver min", "para-sites",
# "m.uslims"); up to four pieces, so the work per word stays bounded.
_PIECES = re.compile(r"(?<![a-z0-9])[a-z]+(?:[ .\-_][a-z]+)+(?![a-z0-9])")
_PIECE = re.compile(r"[a-z]+")
MAX_PIECES = 4


# Pieces split by spaces are words of their own when each is this common (about once in
# 100,000 words: "be", "headed", "sub", "human"), not fragments ("ver", "cer", "roaches").
COMMON_PIECE_ZIPF = 4.0


class Splits:
    """Listed words split into pieces by a space or punctuation ("ver min", "para-sites"),
    joined again: punctuation inside a word always, spaces where a piece is a fragment."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(w for w in words if w.isalpha() and len(w) >= MIN_LENGTH)
        # Every beginning of a listed word: pieces are joined on only while they begin one,
        # so most words of a sentence are given up at their first piece.
        self._starts = frozenset(w[:i] for w in self._words for i in range(1, len(w) + 1))

    def _joined(self, pieces: list[str], spaced: bool) -> str | None:
        word = "".join(pieces)
        if len(word) > MAX_WORD or word not in self._words:
            return None
        if spaced and (
            any(len(p) < 2 for p in pieces)  # "a live": a word and a word
            or all(zipf_frequency(p, "en") >= COMMON_PIECE_ZIPF for p in pieces)
        ):
            return None  # "be headed", "sub human": words, whatever they spell together
        return word

    def apply(self, folded: Folded, original: str) -> Folded:
        """The folded text with split listed words joined; each joined word maps to the
        original pieces. The same Folded when no word is split."""
        spans = self.spans(folded)
        return _replaced(folded, spans) if spans else folded

    def spans(self, folded: Folded) -> list[tuple[int, int, str]]:
        """The folded spans of split listed words, each with the word, in order."""
        text = folded.text
        spans: list[tuple[int, int, str]] = []
        for match in _PIECES.finditer(text):
            words = [(m.start() + match.start(), m.end() + match.start(), m.group())
                     for m in _PIECE.finditer(match.group())]  # fmt: skip
            i = 0
            while i < len(words) - 1:  # the longest join from each piece on
                for k in reversed(self._listed_ends(words, i)):
                    start, end = words[i][0], words[k - 1][1]
                    word = self._joined([w for _, _, w in words[i:k]], " " in text[start:end])
                    if word is not None:
                        spans.append((start, end, word))
                        i = k - 1
                        break
                i += 1
        return spans

    def _listed_ends(self, words: list[tuple[int, int, str]], i: int) -> list[int]:
        """Each k (two to MAX_PIECES pieces on from `i`) where pieces i..k-1 joined spell a
        listed word, shortest first."""
        joined = words[i][2]
        ends: list[int] = []
        for k in range(i + 2, min(len(words), i + MAX_PIECES) + 1):
            if joined not in self._starts:
                break
            joined += words[k - 1][2]
            if joined in self._words:
                ends.append(k)
        return ends


def _replaced(folded: Folded, spans: list[tuple[int, int, str]]) -> Folded:
    """`folded` with each span [start, end) replaced by its word, which maps to the whole
    original span; spans in order, not overlapping."""
    text, old_src = folded.text, folded.src
    pieces: list[str] = []
    plain: list[str] = []
    src: list[int] = []
    done = 0
    for start, end, word in spans:
        pieces.append(text[done:start])
        plain.append(folded.plain[done:start])
        src.extend(old_src[done:start] if old_src is not None else range(done, start))
        first, last = folded.span(start, end)
        pieces.append(word)
        plain.append(word)
        src.extend(min(first + i, last - 1) for i in range(len(word) - 1))
        src.append(last - 1)  # the word ends where the original's letters end
        done = end
    pieces.append(text[done:])
    plain.append(folded.plain[done:])
    src.extend(old_src[done:] if old_src is not None else range(done, len(text)))
    return Folded("".join(pieces), "".join(plain), tuple(src), folded.original_length)


_SENTENCE_BREAK = re.compile(r"[.!?;\n]")


def _sentences_of(corrected: Folded, changed: list[tuple[int, int]]) -> Folded:
    """`corrected` with only the sentences holding a changed word kept (`changed`: their
    original spans, in order), the others blanked with spaces; each kept sentence keeps
    the mark that ends the one before, which patterns may start from."""
    text = corrected.text
    breaks = [m.start() for m in _SENTENCE_BREAK.finditer(text)]
    if not breaks:
        return corrected
    src = corrected.src if corrected.src is not None else range(len(text))
    starts = [a for a, _ in changed]
    keep = [False] * len(text)
    first = 0
    for stop in [*breaks, len(text)]:
        if first < stop:
            low, high = src[first], src[stop - 1] + 1  # the sentence's original span
            i = bisect_left(starts, high) - 1  # the last change starting before its end
            if i >= 0 and changed[i][1] > low:  # (changes are disjoint: ends are in order)
                for k in range(max(0, first - 1), min(stop + 1, len(text))):
                    keep[k] = True
        first = stop + 1
    if all(keep):
        return corrected
    blank = "".join(c if k else " " for c, k in zip(text, keep, strict=True))
    plain = "".join(c if k else " " for c, k in zip(corrected.plain, keep, strict=True))
    return Folded(blank, plain, corrected.src, corrected.original_length)


def _name_like(original: str, span: tuple[int, int]) -> bool:
    """Whether a word is written as a name: capitalised (not in capitals throughout) where
    its sentence does not begin ("Mr Kilian", "in Yoursef")."""
    written = original[span[0] : span[1]]
    if not written[:1].isupper() or written.isupper():
        return False
    return _SENTENCE_END.search(original[max(0, span[0] - 8) : span[0]]) is None
