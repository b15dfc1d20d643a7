"""The rules engine: one module per category, built once from the editable list files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from service.domain import Category, RuleHit
from service.normalise import Folded
from service.rules import (
    abuse,
    group_abuse,
    personal_attack,
    profanity,
    promotion,
    threat,
    vulgarity,
)
from service.rules.base import Cleared, ListRule
from service.rules.cues import shipped_cues
from service.rules.lexicon import TokenView, token_view
from service.rules.lists import RuleList, default_dir, load_lists
from service.rules.typos import Corrections, pattern_words

RULES = [
    profanity,  # swear words: better-profanity's list, curated, plus ours
    vulgarity,  # sexual and crude words, phrases and innuendo
    threat,  # intent or wish to harm, incitement, intimidation
    personal_attack,  # insults aimed at a person
    abuse,  # slurs and dehumanisation of groups, minus counter-speech
    promotion,  # links with offers, contacts, schemes, self-promotion
]
# Rules whose words, phrases and patterns are matched a second time, on the text with its
# misspelt words read as their listed ones ("go kill yuorself", "you pathtic idiot"):
# typos.Corrections. The other rules read the text as written, whose stretched and
# disguised words are theirs to read ("shiit" is no misspelt "Shiite").
CORRECTED = (threat, personal_attack, abuse)
# Analyses that read sentences rather than match words, from their own list files.
ANALYSES = [
    group_abuse,  # attacks on groups: target (groups.py) x predicate (predicates.py) x
    #               clause reading (clauses.py): negation, reporting, self-statements
]


class Rule(Protocol):
    category: Category

    def match(
        self,
        original: str,
        folded: Folded,
        view: TokenView | None = None,
        cleared: Cleared | None = None,
    ) -> list[RuleHit]: ...


@dataclass(frozen=True)
class Findings:
    """Every rule's hits, whether the text was read whole within its work budget, and the
    spans the rules read and set aside: someone else's reported or quoted words, a denied
    or condemned statement, an innocent homonym, a name (base.Cleared)."""

    hits: list[RuleHit]
    complete: bool = True  # False: too many disguised words to try every reading
    cleared: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class RuleSet:
    """The compiled rules, and a digest of the list files they were built from."""

    rules: tuple[Rule, ...]
    digest: str
    corrections: Corrections | None = None  # misspelt listed words, read as listed
    corrected: tuple[Rule, ...] = ()  # the rules that also read the corrected text

    def find(self, original: str, folded: Folded) -> Findings:
        """Every hit of every rule, in rule order; the work is bounded by the text's length."""
        hits: list[RuleHit] = []
        cleared: Cleared = []
        view = token_view(folded)  # the words, scanned once for every rule
        for rule in self.rules:
            hits.extend(rule.match(original, folded, view, cleared))
        complete = not view.budget.exhausted
        corrected = self.corrections.apply(folded, original) if self.corrections else folded
        if corrected is not folded:  # some word is misspelt: read it as listed too
            found = {(h.category, h.rule, h.span) for h in hits}
            view = token_view(corrected)
            for rule in self.corrected:
                for hit in rule.match(original, corrected, view, cleared):
                    if (hit.category, hit.rule, hit.span) not in found:
                        hits.append(hit)
            complete = complete and not view.budget.exhausted
        return Findings(hits, complete=complete, cleared=tuple(cleared))

    def match(self, original: str, folded: Folded) -> list[RuleHit]:
        """Every hit of every rule, in rule order."""
        return self.find(original, folded).hits

    def compile(self) -> None:
        """Compile every pattern now (a server's master, before it forks): otherwise each
        is compiled when a comment first needs it, which spares a command that reads a
        few comments most of its start-up."""
        for rule in self.rules:
            if isinstance(rule, ListRule):
                rule.compile()


def build_rules(directory: Path | None = None) -> RuleSet:
    """Load the list files from `directory` (default: shipped) and compile every rule.

    Compiling takes about a second; a process that builds an app again (tests, a command
    beside the server) reuses the rules compiled from the same bytes of the same files."""
    directory = directory or default_dir()
    return _compiled(directory, _fingerprint(directory))


def _fingerprint(directory: Path) -> str:
    """A digest of every file under `directory`, by relative path and content."""
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(f"{path.relative_to(directory)}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=4)
def _compiled(directory: Path, fingerprint: str) -> RuleSet:
    """The rules compiled from `directory` as it was when `fingerprint` was taken."""
    lists: dict[Category, RuleList] = load_lists(directory)
    rules = tuple(module.build(lists) for module in RULES)
    corrected = tuple(r for module, r in zip(RULES, rules, strict=True) if module in CORRECTED)
    analyses = tuple(module.build(directory) for module in ANALYSES)
    digests = [lists[c].digest for c in Category] + [a.digest for a in analyses]
    digests.append(shipped_cues().digest)  # the other languages' reporting cues (context.py)
    digest = hashlib.sha256("".join(digests).encode()).hexdigest()
    rules += analyses
    corrections = _corrections([lists[rule.category] for rule in corrected])
    return RuleSet(rules, digest, corrections, corrected)


def _corrections(rule_lists: list[RuleList]) -> Corrections:
    """The words of the lists' words, sets and patterns, as the targets of misspellings."""
    sources: list[str] = []
    for rule_list in rule_lists:
        sources.extend(rule_list.words)
        sources.extend(w for words in rule_list.sets.values() for w in words)
        sources.extend(p.pattern for p in rule_list.patterns if not p.plain)
    return Corrections(pattern_words(sources))
