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
- `[patterns.NAME]` with `regex` (over folded text), `note`, and optional `strength`
               (`strong` rejects, `weak` only sends to review) and `text = "plain"` (match
               before leetspeak is read: for e-mail addresses, handles and numbers).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from service.domain import Category, Strength

_SET_REF = re.compile(r"\{([a-z_]+)\}")


class RuleListError(ValueError):
    """A rule list file is malformed; the message names the file and entry."""


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    note: str
    strength: Strength
    # Match the folded text before leetspeak is read ("plain"), for e-mails and handles.
    plain: bool = False


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


def load_list(path: Path, category: Category) -> RuleList:
    """Parse one list file; raise RuleListError naming the problem."""
    raw = path.read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleListError(f"{path.name}: {exc}") from exc
    sets: dict[str, tuple[str, ...]] = {}
    for name, words in data.get("sets", {}).items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RuleListError(f"{path.name}: [sets] {name} must be a list of strings")
        sets[name] = tuple(w.casefold() for w in words)
    patterns = []
    for name, spec in data.get("patterns", {}).items():
        if not isinstance(spec, dict) or "regex" not in spec:
            raise RuleListError(f"{path.name}: pattern {name} needs a regex")
        source = spec["regex"]

        def expand(match: re.Match[str], name: str = name) -> str:
            if match.group(1) not in sets:
                unknown = match.group(1)
                raise RuleListError(f"{path.name}: pattern {name} uses unknown set {{{unknown}}}")
            return set_regex(sets[match.group(1)])

        try:
            regex = re.compile(_SET_REF.sub(expand, source))
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
    )


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


def load_lists(directory: Path | None = None) -> dict[Category, RuleList]:
    """Load every category's list file from `directory` (default: the shipped lists)."""
    directory = directory or default_dir()
    lists = {}
    for category in Category:
        path = directory / f"{category.value}.toml"
        if not path.is_file():
            raise RuleListError(f"missing rule list {path}")
        lists[category] = load_list(path, category)
    return lists
