"""The costliest comment we can build: is one judgment bounded at the maximum length?

    .venv/bin/python bench/worst_case.py [--length 10000] [--repeat 3] [--budget-ms 50]

Builds families of hostile texts at the maximum length (every listed word, the same word
repeated, each disguise the folding undoes, counter-speech in every sentence, every
pattern's trigger words, links, e-mails, other scripts, combining marks, repeated special
characters) from the shipped rule lists, and judges each with the service's own
`moderate()` and the committed model. Prints the CPU time of one judgment per family
(best of --repeat) as a ratio to a clean news text of the same length judged in the same
run, and to alt-profanity-check and better-profanity on the worst text. Exits 1 when the
worst family costs more than --budget-ms.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from string import ascii_lowercase

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.normalise import MASKS  # noqa: E402
from service.rules import RuleSet  # noqa: E402
from service.rules.gate import required_literals  # noqa: E402
from service.rules.lists import load_lists  # noqa: E402

CLEAN = (
    "The ministry said the talks in Erbil would resume next week, after the budget "
    "dispute over oil exports and public salaries was settled by the federal court. "
)
LEET = str.maketrans({"a": "@", "e": "3", "i": "1", "o": "0", "s": "$", "t": "7"})
SPECIAL = "a1-_.@ :/'\"+*#\n"


def fill(pieces: Iterable[str], length: int, sep: str = " ") -> str:
    """The pieces joined by `sep`, cycled until the text is `length` characters long."""
    pieces = [p for p in pieces if p] or ["x"]
    out, size, i = [], 0, 0
    while size < length:
        piece = pieces[i % len(pieces)] + sep
        out.append(piece)
        size += len(piece)
        i += 1
    return "".join(out)[:length]


def vocabulary(rules: RuleSet) -> dict[str, list[str]]:
    """Per category: the listed words, phrases and roots of its compiled lexicon."""
    words: dict[str, list[str]] = {}
    for rule in rules.rules:
        lexicon = getattr(rule, "lexicon", None)
        if lexicon is not None and len(lexicon):
            words[rule.category.value] = sorted(lexicon.listed())
    return words


def pattern_words() -> list[str]:
    """The literal strings every pattern needs before it runs, and its sets' words."""
    out: set[str] = set()
    for rule_list in load_lists(None).values():
        for pattern in rule_list.patterns:
            out.update(s.strip() for s in required_literals(pattern.regex) or ())
        for values in rule_list.sets.values():
            out.update(values)
    return sorted(w for w in out if w)


def families(rules: RuleSet, length: int) -> dict[str, str]:
    """Name -> hostile text of `length` characters."""
    vocab = vocabulary(rules)
    every = sorted({w for ws in vocab.values() for w in ws})
    single = [w for w in every if " " not in w and "-" not in w]
    rng = random.Random(20261201)
    out = {"clean reference": fill([CLEAN], length, "")}
    for category, words in vocab.items():
        out[f"every {category} word"] = fill(words, length)
        out[f"first {category} word repeated"] = fill(words[:1], length)
    out["names capitalised"] = fill([w.capitalize() for w in single], length)
    out["leetspeak"] = fill([w.translate(LEET) for w in single], length)
    out["masked"] = fill([w[0] + "*" * (len(w) - 2) + w[-1] for w in single], length)
    out["mixed masks"] = fill(
        [w[0] + "".join(rng.choice(MASKS + "$@!1") for _ in w[1:]) for w in single], length
    )
    out["every letter disguised"] = fill(
        [
            "".join(rng.choice(ascii_lowercase) + rng.choice("0134578@$!") for _ in range(4))
            for _ in range(2_000)
        ],
        length,
    )
    out["zero-width inside words"] = fill(["\u200b".join(w) for w in single], length)
    out["dotted letters"] = fill([".".join(w) for w in single], length)
    out["spaced letters"] = fill([" ".join(w) for w in single], length, "  ")
    out["stretched letters"] = fill(["".join(c * 6 for c in w) for w in single], length)
    out["counter-speech every sentence"] = fill(
        [f"Calling them '{w}' is racist." for w in every], length
    )
    out["one sentence per word"] = fill([f"{w}!" for w in every], length, "\n")
    out["quotes around every word"] = fill([f'"{w}" said' for w in every], length)
    out["pattern triggers"] = fill(pattern_words(), length)
    shuffled = pattern_words() + every
    rng.shuffle(shuffled)
    out["pattern triggers and words shuffled"] = fill(shuffled, length)
    # the group analysis: every group word in the frames it reads, with and without
    # sentence ends (one clause of 10,000 characters)
    lexicons = [rule.groups for rule in rules.rules if hasattr(rule, "groups")]
    groups = sorted({w for lexicon in lexicons for w in lexicon.gate})
    frames = [
        "{} are rats",
        "i can't stand {}",
        "death to all the {}",
        "{} don't deserve to live",
        "they are not {}",
        "as a {} i say",
    ]
    out["group frames"] = fill([f.format(g) + "." for g in groups for f in frames], length)
    out["group frames, one clause"] = fill([f.format(g) for g in groups for f in frames], length)
    out["links"] = fill([f"http://bit.ly/{w}" for w in single], length)
    out["e-mail addresses"] = fill([f"{w}@{w}.co" for w in single], length)
    out["phone numbers"] = fill(["+964 750 123 4567 whatsapp"], length)
    out["mentions"] = fill([f"@{w}" for w in single], length)
    out["other scripts"] = fill(["كلب", "حمار", "сука", "блядь", "傻逼", "גנב", "कुत्ता"], length)
    out["mixed scripts in each word"] = fill(["ідіот", "fцck", "ѕhit", "bіtch"], length)
    out["combining marks"] = fill(["f" + "\u0301" * 30 + "uck"], length)
    out["emoji sequences"] = fill(["\U0001f469\u200d\U0001f4bb\ufe0f"], length, "")
    for first in SPECIAL:
        for second in SPECIAL:
            out[f"pair {first + second!r}"] = fill([first + second], length, "")
    out["random words and symbols"] = "".join(
        rng.choice([*every, *SPECIAL, " ", ". ", "'"]) + rng.choice(" .,'\"*")
        for _ in range(length)
    )[:length]
    return out


def cpu_ms(judge: Callable[[], object], repeat: int) -> float:
    """The CPU time of the fastest of `repeat` calls, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        judge()
        best = min(best, time.process_time() - started)
    return best * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget-ms", type=float, default=50.0)
    parser.add_argument("--model", default=None, help="default: the committed model")
    args = parser.parse_args()

    from service import build_moderator
    from service.api import decision_json
    from service.config import DEFAULT_MODEL_PATH, Settings
    from service.pipeline import moderate

    model = Path(args.model) if args.model else DEFAULT_MODEL_PATH
    moderator = build_moderator(Settings(database_url="sqlite://", model_path=model))
    texts = families(moderator.rules, args.length)
    rows = []
    for name, text in texts.items():
        moderate(text, moderator)  # warm: caches, lazy tables
        ms = cpu_ms(lambda t=text: moderate(t, moderator), args.repeat)
        body = len(json.dumps(decision_json("c-1", moderate(text, moderator))))
        rows.append((ms, name, body))
    clean = next(ms for ms, name, _ in rows if name == "clean reference")
    rows.sort(reverse=True)
    print(f"{len(rows)} texts of {args.length} characters, model {model.name}")
    print(f"{'text':42} {'CPU ms':>8} {'x clean':>8} {'answer bytes':>13}")
    for ms, name, body in rows[:15]:
        print(f"{name:42} {ms:8.1f} {ms / clean:8.2f} {body:13,}")
    worst_ms, worst, _ = rows[0]

    from better_profanity import Profanity
    from profanity_check import predict_prob

    profanity = Profanity()
    profanity.load_censor_words()
    apc = cpu_ms(lambda: predict_prob([texts[worst]]), args.repeat)
    bp = cpu_ms(lambda: profanity.contains_profanity(texts[worst]), 1)
    print(f"clean reference: {clean:.1f} ms; worst ({worst}): {worst_ms:.1f} ms")
    print(f"same worst text: alt-profanity-check {apc:.1f} ms ({worst_ms / apc:.1f}x ours)")
    print(f"                 better-profanity {bp:.1f} ms ({worst_ms / bp:.3f}x ours)")
    if worst_ms > args.budget_ms:
        print(f"over budget: {worst_ms:.1f} ms > {args.budget_ms} ms")
        return 1
    print(f"within budget: {worst_ms:.1f} ms <= {args.budget_ms} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
