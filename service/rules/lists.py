"""Reading the editable rule lists: one TOML file per category in `rules/lists/`.

A list file may have these tables (all optional); every entry's value is a short reason:

- `[words]`    whole words or phrases ("blow job"), matched on folded text;
- `[roots]`    matched inside longer words too ("clusterfuck"), unless the word is allowed;
- `[allow]`    innocent words that contain a listed word or root (Scunthorpe), and
               phrases in which a listed word is a homonym ("chink in its|the armour");
- `[exclude]`  words taken out of an imported list (better-profanity's "gay", "kill");
- `[names]`    listed words that are also people's names: skipped when written as names,
               capitalised beside another capitalised word ("Dick Cheney");
- `[places]`   listed words that are also place names, skipped when capitalised after a
               place word ("the village of Fucking");
- `[name_parts]` lower-case parts of place names ("Chorlton cum Hardy"; docs/rules.md);
- `[sets]`     named word sets, used in patterns as `{name}`;
- `[grammar]`  named regex fragments built from sets and earlier fragments (a class of
               person references: pronouns, "the author", "the commenter above"), used
               in patterns as `{name}` like a set, so that many patterns share one class;
- `[patterns.NAME]` with `regex` (over folded text), `note`, and optional `strength`
               (`strong` rejects, `weak` only sends to review) and `text = "plain"` (match
               before leetspeak is read: for e-mail addresses, handles and numbers);
- `[senses.NAME]` an innocent sense of listed words (`words`), told by its vocabulary
               (`context`) near them, with its `reason` ("fag": a cigarette); see senses.py;
- `[weak]`     (language files) words or phrases with innocent senses: a hit only sends
               the comment to review;
- `[prefixes]` (language files) letters joined to the front of a word (Arabic "ال",
               "و", "يا"): a word is also looked up without them;
- `[suffixes]` (language files) enclitics joined to the end of a Latin-typed word
               (Finglish "-i", Kurmanji "-ê"): each Latin single word of the folder's
               `[words]` and `[weak]` is also listed with them, at load time.

Each other language's lists sit in a folder named by its code (`tr/`, `ar/`, `fa/`, `ckb/`,
`kmr/`), with the same file names and tables; they are folded like the text and merged
into the category's list, so that every language's words apply to every comment.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from pathlib import Path

from wordfreq import zipf_frequency

from service.domain import Category, Strength
from service.normalise import fold, fold_letters, read_arabizi, spelling
from service.rules.dictionary import ORDINARY_ZIPF, is_ordinary
from service.rules.gate import parse

_SET_REF = re.compile(r"\{([a-z_]+)\}")


class RuleListError(ValueError):
    """A rule list file is malformed; the message names the file and entry."""


@dataclass(frozen=True)
class Pattern:
    """A list's pattern, parsed when loaded (a malformed one is refused then) and compiled
    by the rule that scans with it (gate.quick_start): compiling it twice would cost most
    of a process's start-up again."""

    name: str
    pattern: str  # the regex text, its {set} references expanded
    note: str
    strength: Strength
    # Match the folded text before leetspeak is read ("plain"), for e-mails and handles.
    plain: bool = False
    flags: int = 0

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The pattern compiled as written (the rules scan with gate.quick_start's)."""
        return re.compile(self.pattern, self.flags)


@dataclass(frozen=True, slots=True)
class Sense:
    """An innocent sense of listed words, and the words that tell it (senses.py)."""

    name: str
    words: frozenset[str]
    context: frozenset[str]
    reason: str


@dataclass(frozen=True, slots=True)
class RuleList:
    """One category's list file, parsed and with its `{set}` references expanded."""

    category: Category
    words: dict[str, str]
    roots: dict[str, str]
    allow: dict[str, str]
    exclude: dict[str, str]
    names: dict[str, str]
    sets: dict[str, tuple[str, ...]]
    patterns: tuple[Pattern, ...]
    options: dict = field(default_factory=dict)
    digest: str = ""
    places: dict[str, str] = field(default_factory=dict)
    name_parts: dict[str, str] = field(default_factory=dict)
    # Words from a language folder: folded word -> (language, the word as the file spells it).
    origin: dict[str, tuple[str, str]] = field(default_factory=dict)
    weak: frozenset[str] = frozenset()  # folded words that only send to review
    prefixes: tuple[str, ...] = ()  # folded, longest first
    senses: tuple[Sense, ...] = ()  # innocent senses of listed words (senses.py)


def default_dir() -> Path:
    """The list files shipped with the service."""
    return Path(str(resources.files("service.rules") / "lists"))


def set_regex(words: tuple[str, ...]) -> str:
    # Longest first, so that "sand nigger" wins over "sand"; spaces match any separator run.
    alts = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s\-]+") for w in alts) + ")"


def _table(data: dict, key: str, path: Path) -> dict[str, str]:
    table = data.get(key, {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise RuleListError(f"{path.name}: [{key}] must map each word to a reason string")
    return {k.casefold(): v for k, v in table.items()}


def load_list(path: Path, category: Category, folded: bool = False) -> RuleList:
    """Parse one list file; raise RuleListError naming the problem. `folded`: the sets and
    patterns are written in a language's own letters, folded here as the text is."""
    letters = fold_letters if folded else str
    raw = path.read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleListError(f"{path.name}: {exc}") from exc
    sets: dict[str, tuple[str, ...]] = {}
    for name, words in data.get("sets", {}).items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RuleListError(f"{path.name}: [sets] {name} must be a list of strings")
        sets[name] = tuple(letters(w.casefold()) for w in words)
    # Grammar fragments: regex text with {set} and {earlier fragment} references expanded.
    fragments: dict[str, str] = {}

    def expand_refs(source: str, owner: str) -> str:
        def expand(match: re.Match[str]) -> str:
            ref = match.group(1)
            if ref in fragments:
                return fragments[ref]
            if ref not in sets:
                raise RuleListError(f"{path.name}: {owner} uses unknown set {{{ref}}}")
            return set_regex(sets[ref])

        return _SET_REF.sub(expand, source)

    for name, source in data.get("grammar", {}).items():
        if not isinstance(source, str) or name in sets:
            raise RuleListError(
                f"{path.name}: [grammar] {name} must be a regex string not named as a set"
            )
        fragments[name] = "(?:" + expand_refs(letters(source), f"grammar {name}") + ")"
        try:
            parse(fragments[name])
        except re.error as exc:
            raise RuleListError(f"{path.name}: grammar {name}: {exc}") from exc
    patterns = []
    for name, spec in data.get("patterns", {}).items():
        if not isinstance(spec, dict) or "regex" not in spec:
            raise RuleListError(f"{path.name}: pattern {name} needs a regex")
        source = letters(spec["regex"])
        regex = expand_refs(source, f"pattern {name}")
        try:
            parse(regex)
        except re.error as exc:
            raise RuleListError(f"{path.name}: pattern {name}: {exc}") from exc
        strength = Strength(spec.get("strength", "strong"))
        plain = spec.get("text", "folded") == "plain"
        patterns.append(Pattern(name, regex, spec.get("note", ""), strength, plain))
    return RuleList(
        category=category,
        words=_table(data, "words", path),
        roots=_table(data, "roots", path),
        allow=_table(data, "allow", path),
        exclude=_table(data, "exclude", path),
        names=_table(data, "names", path),
        sets=sets,
        patterns=tuple(patterns),
        options=data.get("options", {}),
        digest=hashlib.sha256(raw).hexdigest(),
        places=_table(data, "places", path),
        name_parts=_table(data, "name_parts", path),
        senses=_senses(data, path),
    )


def _senses(data: dict, path: Path) -> tuple[Sense, ...]:
    """The `[senses.NAME]` tables: `words` and `context` lists of words, and a `reason`."""
    out = []
    for name, spec in data.get("senses", {}).items():
        where = f"{path.name}: [senses.{name}]"
        if not isinstance(spec, dict) or not isinstance(spec.get("reason"), str):
            raise RuleListError(f"{where} needs a reason")
        lists = [spec.get(key) for key in ("words", "context")]
        if not all(isinstance(v, list) and v and all(isinstance(w, str) for w in v) for v in lists):
            raise RuleListError(f"{where}: words and context must be lists of words")
        words, context = (frozenset(w.casefold() for w in v) for v in lists)
        out.append(Sense(name, words, context, spec["reason"]))
    return tuple(out)


def read_table_file(path: Path) -> tuple[dict, str]:
    """Parse a list file of the target-aware analysis (groups, predicates, clauses) and
    its digest; raise RuleListError naming the file when it is missing or malformed."""
    if not path.is_file():
        raise RuleListError(f"missing rule list {path}")
    raw = path.read_bytes()
    try:
        return tomllib.loads(raw.decode("utf-8")), hashlib.sha256(raw).hexdigest()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleListError(f"{path.name}: {exc}") from exc


def _folded_table(table: dict[str, str]) -> dict[str, str]:
    # Folded like the text, so that "كلية" and "كليه", "SİKTİR" and "sıktır" meet.
    return {fold(word).text.strip(): note for word, note in table.items()}


# Languages typed in Latin letters with digits for letters (Arabizi): each entry written
# with digits is also listed as typed without them ("5ara": khara, "ibn el 7aram": ibn el
# haram), as a sentence read as Arabizi folds its digits (normalise.read_arabizi).
ARABIZI_LANGUAGES = frozenset({"ar"})


def _with_arabizi_letters(table: dict[str, str]) -> dict[str, str]:
    """`table` plus each digit-written entry read as letters, unless that reading is
    listed already or is an ordinary English word ("a7a" would be "aha")."""
    out = dict(table)
    for word, note in table.items():
        if not any(c.isdigit() for c in word):
            continue
        read = " ".join(read_arabizi(w) for w in spelling(word).split())
        ordinary = " " not in read and is_ordinary(read)  # a phrase's words may each be
        if read != spelling(word) and read not in out and not ordinary:
            out[read] = f"{note}; typed without digits"
    return out


# Languages whose words a suffixed form must not be, checked as the lists load: "kerê"
# folds to Turkish "kere" (times). English and Turkish data are loaded at start-up anyway
# (dictionary.py); the European languages' would cost a second more, so tests check the
# shipped forms against them (tests/test_person_insults_languages.py), and a form found
# there is left out by listing it in the file's [allow] ("pici": the fold of "pîçî").
SUFFIX_CHECK_LANGUAGES = ("en", "tr")
# The categories whose entries are nouns and adjectives, which take enclitics; threats and
# promotion list verbs and phrases ("mikoshamet" takes no "-ha").
SUFFIXED_CATEGORIES = frozenset(
    {Category.PROFANITY, Category.VULGARITY, Category.ABUSE, Category.PERSONAL_ATTACK}
)
_VOWELS = frozenset("aeiouıêîûéáóúöü")
# One word of Latin letters (ASCII and the Latin blocks up to U+024F: ê î û ç ş ı).
_LATIN_WORD = re.compile("[a-z\u00c0-\u024f]+")


def _is_word_elsewhere(form: str) -> bool:
    """Whether a suffixed form, as spelled or folded, is an ordinary word of a language
    readers also write in Latin letters."""
    folded = fold(form).text.strip()
    if is_ordinary(folded):
        return True
    return any(
        zipf_frequency(w, lang) >= ORDINARY_ZIPF
        for w in {form, folded}
        for lang in SUFFIX_CHECK_LANGUAGES
    )


def _joined(word: str, suffix: str) -> str | None:
    """`word` with `suffix`, by the rule of the languages that declare suffixes: a suffix
    opening with a vowel follows a consonant, or merges with the same vowel ("gemje" +
    "eke" is "gemjeke"); one opening with "y" follows a vowel ("gemje" + "yî"); any other
    follows either ("ahmagh" + "ha"). None where it does not join."""
    last_vowel = word[-1] in _VOWELS
    if suffix[0] in _VOWELS:
        if not last_vowel:
            return word + suffix
        return word + suffix[1:] if word[-1] == suffix[0] and len(suffix) > 1 else None
    if suffix[0] == "y":
        return word + suffix if last_vowel else None
    return word + suffix


def _with_suffixes(
    table: dict[str, str], suffixes: dict[str, str], listed: set[str]
) -> dict[str, str]:
    """`table` plus each Latin single-word entry with each suffix, unless the form is
    listed already (`listed`: the file's words and allowed words, folded) or an ordinary
    word elsewhere."""
    out = dict(table)
    for word, note in table.items():
        written = spelling(word)
        if not _LATIN_WORD.fullmatch(written):
            continue
        for suffix, reason in suffixes.items():
            form = _joined(written, spelling(suffix))
            if form is None or form in out or fold(form).text.strip() in listed:
                continue
            if _is_word_elsewhere(form):
                continue
            out[form] = f"{note}; with -{spelling(suffix)}: {reason}"
    return out


def load_language_list(
    path: Path, category: Category, language: str, suffixes: dict[str, str] | None = None
) -> RuleList:
    """Parse one language's list file: its words folded like the text, each remembering
    its language and spelling; its patterns named `<language>:<name>`. `suffixes`: the
    folder's `[suffixes]` (folder_suffixes), joined to its Latin single words."""
    try:
        base = load_list(path, category, folded=True)
        data = tomllib.loads(path.read_bytes().decode("utf-8"))  # parsed above: valid
        _table(data, "weak", path)  # checked: each word with its reason
        _table(data, "prefixes", path)
        _table(data, "suffixes", path)
    except RuleListError as exc:
        raise RuleListError(f"{language}/{exc}") from exc
    strong = data.get("words", {})
    weak = data.get("weak", {})
    if language in ARABIZI_LANGUAGES:
        strong, weak = _with_arabizi_letters(strong), _with_arabizi_letters(weak)
    if suffixes and category in SUFFIXED_CATEGORIES:
        listed = {fold(w).text.strip() for w in (*strong, *weak, *base.allow)}
        strong = _with_suffixes(strong, suffixes, listed)
        weak = _with_suffixes(weak, suffixes, listed | {fold(w).text.strip() for w in strong})
    origin = {fold(w).text.strip(): (language, spelling(w)) for w in (*strong, *weak)}
    prefixes = _folded_table(data.get("prefixes", {}))
    patterns = tuple(replace(p, name=f"{language}:{p.name}") for p in base.patterns)
    return RuleList(
        category=category,
        words=_folded_table({**strong, **weak}),
        roots=_folded_table(base.roots),
        allow=_folded_table(base.allow),
        exclude={},
        names=_folded_table(base.names),
        sets=base.sets,
        patterns=patterns,
        digest=base.digest,
        places=_folded_table(base.places),
        name_parts=_folded_table(base.name_parts),
        origin=origin,
        weak=frozenset(fold(w).text.strip() for w in weak),
        prefixes=tuple(sorted(prefixes, key=len, reverse=True)),
    )


def _merged(first: RuleList, more: RuleList) -> RuleList:
    """`first` with another language's list added; where both list a word, `first`'s
    entry stands."""

    def union(a: dict[str, str], b: dict[str, str]) -> dict[str, str]:
        return {**b, **a}

    sets = dict(first.sets)
    for name, words in more.sets.items():
        sets[name] = sets.get(name, ()) + words
    return RuleList(
        category=first.category,
        words=union(first.words, more.words),
        roots=union(first.roots, more.roots),
        allow=union(first.allow, more.allow),
        exclude=first.exclude,
        names=union(first.names, more.names),
        sets=sets,
        patterns=first.patterns + more.patterns,
        options=first.options,
        digest=hashlib.sha256((first.digest + more.digest).encode()).hexdigest(),
        places=union(first.places, more.places),
        name_parts=union(first.name_parts, more.name_parts),
        origin={**more.origin, **{w: o for w, o in first.origin.items()}},
        weak=first.weak | (more.weak - set(first.words)),
        prefixes=tuple(sorted({*first.prefixes, *more.prefixes}, key=len, reverse=True)),
        senses=first.senses + more.senses,
    )


def language_dirs(directory: Path) -> list[Path]:
    """The language folders of a list directory, by name; a stray file in one is refused."""
    folders = sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith("_"))
    # context.toml: the language's reporting and condemnation cues (service/rules/cues.py)
    known = {f"{c.value}.toml" for c in Category} | {"context.toml"}
    for folder in folders:
        for path in folder.iterdir():
            if path.suffix == ".toml" and path.name not in known:
                raise RuleListError(f"{folder.name}/{path.name}: not a category's list file")
    return folders


def folder_suffixes(folder: Path) -> dict[str, str]:
    """The `[suffixes]` of a language folder's category files, together: enclitics belong
    to a language's words, not to a category, as prefixes belong to its script."""
    out: dict[str, str] = {}
    for category in Category:
        path = folder / f"{category.value}.toml"
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_bytes().decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise RuleListError(f"{folder.name}/{path.name}: {exc}") from exc
        table = _table(data, "suffixes", path)
        if any(not s or not s.isalpha() for s in table):
            raise RuleListError(f"{folder.name}/{path.name}: [suffixes] must be letters")
        out.update(table)
    return out


def load_lists(directory: Path | None = None) -> dict[Category, RuleList]:
    """Load every category's list file from `directory` (default: the shipped lists),
    with each language folder's file for the category merged in."""
    directory = directory or default_dir()
    lists = {}
    folders = language_dirs(directory)
    suffixes = {folder.name: folder_suffixes(folder) for folder in folders}
    for category in Category:
        path = directory / f"{category.value}.toml"
        if not path.is_file():
            raise RuleListError(f"missing rule list {path}")
        rule_list = load_list(path, category)
        for folder in folders:
            path = folder / f"{category.value}.toml"
            if path.is_file():
                more = load_language_list(path, category, folder.name, suffixes[folder.name])
                rule_list = _merged(rule_list, more)
        lists[category] = rule_list
    # Prefixes belong to a script's spelling, not to a category: every list reads them.
    prefixes = tuple(
        sorted({p for rl in lists.values() for p in rl.prefixes}, key=len, reverse=True)
    )
    return {c: replace(rl, prefixes=prefixes) for c, rl in lists.items()}
