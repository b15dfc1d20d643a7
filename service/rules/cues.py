"""Reporting and condemnation cues of the readers' other languages (`lists/<lang>/context.toml`).

English reported speech is a grammar in `context.py`. The other languages' cues are
vocabulary, one file per language folder, each entry with its reason:

- `[report]`   words that report what someone else said, wrote or called people (verbs
               in the third person, passives and participles, "according to", and the
               nouns that name a saying: "word", "slur", "expression");
- `[condemn]`  words that condemn what was said ("is racism", "is hate speech", "must
               be punished", "no to homophobia");
- `[negation]` words that take a condemnation back when they stand beside it ("is not
               racism"): such a condemnation counts for nothing;
- `[prefixes]` letters joined to the front of a word ("و" 'and'): a cue is also found
               after them.

Entries are matched as whole words on a light folding of the text (case, accents, the
Arabic script's keyboard variants, invisible joiners), which keeps Arabizi digits as
written, so "2al" stays 'he said'. The cues are found once per text.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from operator import attrgetter
from pathlib import Path

from wordfreq import zipf_frequency

from service.normalise import fold_letters, spelling
from service.rules.dictionary import is_ordinary
from service.rules.lists import RuleListError, default_dir, read_table_file

CUE_FILE = "context.toml"
REPORT, CONDEMN = "report", "condemn"
DENIED = "denied"  # a condemnation beside its negation ("ırkçılık değil": is not racism)
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_WORD = re.compile(r"\w+")
# Words around a condemnation that may hold its negation: one before, two after.
_NEGATION_BEFORE, _NEGATION_AFTER = 1, 2
# Zipf 4: a word met about once per 100,000 English words ("got" 5.9, "li" 4.3, "gori" 2.3).
_EVERYDAY_ZIPF = 4.0
_start = attrgetter("start")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return char.lower() if char.isascii() else fold_letters(char).lower()


def light_fold(text: str) -> tuple[str, list[int]]:
    """`text` folded letter by letter (case, accents, Arabic-script variants, invisible
    characters dropped), and for each folded character the index it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    src: list[int] = []
    for at, char in enumerate(text):
        folded = _fold_char(char)
        out.append(folded)
        src.extend([at] * len(folded))
    return "".join(out), src


def _spellings(entry: str) -> list[tuple[str, ...]]:
    """The word sequences an entry stands for, folded: in Arabic script each space may
    also be left out ("می گوید" is also typed "میگوید", and "می‌گوید" folds so)."""
    words = light_fold(entry.strip())[0].split()
    if not _ARABIC_LETTER.search(entry) or len(words) == 1:
        return [tuple(words)]
    out = []
    for joins in product((False, True), repeat=len(words) - 1):
        sequence = [words[0]]
        for word, join in zip(words[1:], joins, strict=True):
            if join:
                sequence[-1] += word
            else:
                sequence.append(word)
        out.append(tuple(sequence))
    return out


def _written_only(entry: str) -> str:
    """The spelling a cue with Latin marks must be written in, when its plain fold is
    ordinary English, word for word ("demiş" folds to "demis", a name; Kurmanji "got wê"
    'called her' to "got we"): else ""."""
    folded = light_fold(entry)[0].split()
    if entry.isascii() or not all(w.isascii() for w in folded):
        return ""
    if len(folded) == 1:
        return spelling(entry.strip()) if is_ordinary(folded[0]) else ""
    # A phrase meets English by chance only if all its words are everyday ones ("got we");
    # one rarer word ("li gori") keeps it Kurmanji.
    if all(zipf_frequency(w, "en") >= _EVERYDAY_ZIPF for w in folded):
        return " ".join(spelling(entry).split())
    return ""


@dataclass(frozen=True)
class Cue:
    """One cue found in a text: its span in the original and its kind (report, condemn)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Cues:
    """Every language's cues, indexed by their first word (a language's cue words are its
    own, so they are looked for in every sentence); each text is read word by word once."""

    languages: tuple[str, ...]
    # first word -> (words, kind, spelling): a spelling, when the cue must be written so
    index: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]
    negation: frozenset[str]
    prefixes: tuple[str, ...]  # folded, longest first
    digest: str

    def find(self, text: str) -> list[Cue]:
        """The cues in `text`, by position; a condemnation next to a negation is `DENIED`."""
        if not self.index:
            return []
        folded, src = light_fold(text)
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]
        found: list[Cue] = []
        for i, (word, start, _) in enumerate(words):
            for key in self._keys(word):
                for sequence, kind, spelled in self.index.get(key, ()):
                    n = len(sequence)
                    if tuple(w for w, _, _ in words[i + 1 : i + n]) != sequence[1:]:
                        continue
                    span = (src[start], src[words[i + n - 1][2] - 1] + 1)
                    if spelled and " ".join(spelling(text[slice(*span)]).split()) != spelled:
                        continue  # "Demis" is a name, not Turkish "demiş" typed plain
                    if kind == CONDEMN and self._negated(words, i, i + n):
                        kind = DENIED
                    found.append(Cue(*span, kind))
        found.sort(key=lambda cue: cue.start)
        return found

    def _keys(self, word: str) -> list[str]:
        """The word, and the word without a joined prefix where two letters remain."""
        if not word.startswith(self.prefixes):  # most words: one C call, no loop
            return [word]
        keys = [word]
        for prefix in self.prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                keys.append(word[len(prefix) :])
        return keys

    def _negated(self, words: list[tuple[str, int, int]], first: int, stop: int) -> bool:
        near = (
            words[max(0, first - _NEGATION_BEFORE) : first] + words[stop : stop + _NEGATION_AFTER]
        )
        return any(word in self.negation for word, _, _ in near)


def cues_in(cues: list[Cue], bounds: tuple[int, int], kind: str | None = None) -> list[Cue]:
    """The cues (of `kind`, if given) that lie within `bounds`."""
    i = bisect_left(cues, bounds[0], key=_start)  # no list of starts built per call
    out = []
    while i < len(cues) and cues[i].start < bounds[1]:
        if cues[i].end <= bounds[1] and (kind is None or cues[i].kind == kind):
            out.append(cues[i])
        i += 1
    return out


def _table(data: dict, key: str, where: str) -> dict[str, str]:
    table = data.get(key, {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise RuleListError(f"{where}: [{key}] must map each word to a reason string")
    return table


def load_cues(directory: Path | None = None) -> Cues:
    """Read every language folder's `context.toml` in `directory` (default: shipped)."""
    directory = directory or default_dir()
    languages, digests = [], []
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    negation: set[str] = set()
    prefixes: set[str] = set()
    for folder in sorted(p for p in directory.iterdir() if p.is_dir()):
        path = folder / CUE_FILE
        if not path.is_file():
            continue
        where = f"{folder.name}/{CUE_FILE}"
        data, digest = read_table_file(path)
        unknown = set(data) - {REPORT, CONDEMN, "negation", "prefixes"}
        if unknown:
            raise RuleListError(f"{where}: unknown table(s) {sorted(unknown)}")
        for kind in (REPORT, CONDEMN):
            for entry in _table(data, kind, where):
                if not light_fold(entry)[0].split():
                    raise RuleListError(f"{where}: [{kind}] has an empty entry")
                spelled = _written_only(entry)
                for sequence in _spellings(entry):
                    index.setdefault(sequence[0], []).append((sequence, kind, spelled))
        negation.update(light_fold(w)[0].strip() for w in _table(data, "negation", where))
        prefixes.update(light_fold(p)[0].strip() for p in _table(data, "prefixes", where))
        languages.append(folder.name)
        digests.append(digest)
    return Cues(
        languages=tuple(languages),
        index={
            word: tuple(sorted(set(seqs), key=lambda s: -len(s[0]))) for word, seqs in index.items()
        },
        negation=frozenset(negation),
        prefixes=tuple(sorted(prefixes, key=len, reverse=True)),
        digest=hashlib.sha256("".join(digests).encode()).hexdigest(),
    )


@lru_cache(maxsize=1)
def shipped_cues() -> Cues:
    """The shipped lists' cues, read on first use (context.py reads every text with them)."""
    return load_cues()
