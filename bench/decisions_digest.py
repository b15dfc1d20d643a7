"""A sha256 of every decision over a fixed corpus: speed-ups must leave it unchanged.

    .venv/bin/python bench/decisions_digest.py [--model models/classifier.joblib] [--dump F]

The corpus: news_dev, every text of the three functional suites (tests/functional cases,
heldout, multilingual), and the first 8,000 English test comments of training.data (OLID,
EDOS, Kaggle insults test and verification). Each text's line holds the rules' whole
Findings (every hit with its span and evidence, cleared spans, completeness) and the
whole Decision (verdict, status, categories, reasons, scores, languages, versions).
`--dump` writes those lines, to diff two runs when the digests differ.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ENGLISH_SAMPLE = 8_000  # test comments of training.data, in the order it reads them


def corpus() -> list[str]:
    """The fixed texts, in a fixed order (duplicates kept: they cost nothing to check)."""
    from tests.functional import cases, heldout, multilingual
    from training import data

    texts = [r["text"] for r in data.news_dev(None)]
    for suite in (cases, heldout, multilingual):
        texts += [c.text for c in suite.cases()]
    texts += [e.text for e in data.english_test_comments(None)[:ENGLISH_SAMPLE]]
    return texts


def line(text: str, moderator) -> str:
    """One text's findings and decision, as a line that changes when either does."""
    from service.language import latin_typed
    from service.normalise import fold
    from service.pipeline import moderate

    detection = moderator.language.detect(text)
    findings = moderator.rules.find(text, fold(text, arabizi=latin_typed(detection)))
    decision = moderate(text, moderator)
    return f"{text!r}\t{findings!r}\t{decision!r}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "classifier.joblib"))
    parser.add_argument("--dump", type=Path, help="also write each text's line here")
    args = parser.parse_args()

    from service import build_moderator
    from service.config import Settings

    moderator = build_moderator(Settings(database_url="sqlite://", model_path=Path(args.model)))
    texts = corpus()
    digest = hashlib.sha256()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    started = time.process_time()
    for text in texts:
        row = line(text, moderator)
        digest.update(row.encode("utf-8", "surrogatepass"))
        if dump:
            dump.write(row)
    seconds = time.process_time() - started
    if dump:
        dump.close()
    print(f"{len(texts)} texts, {seconds:.1f} s CPU: sha256 {digest.hexdigest()}")


if __name__ == "__main__":
    main()
