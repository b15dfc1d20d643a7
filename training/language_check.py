"""How often English test comments are routed away from the English rules (target < 1%).

A comment is routed away when any of its sentences is detected as another language, since
each such sentence sends it to review.

python -m training.language_check [--data DIR]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from service.language import ENGLISH, LanguageDetector
from training.data import english_test_comments


def misrouted(detector: LanguageDetector, data: str | None = None) -> tuple[int, list]:
    """All English test comments, and those with a sentence in another language (and which)."""
    examples = english_test_comments(data)
    wrong = []
    for example in examples:
        foreign = [c for c in detector.detect(example.text).languages if c != ENGLISH]
        if foreign:
            wrong.append((example, foreign[0]))
    return len(examples), wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="labelled data folder (default ../shared/data)")
    args = parser.parse_args()
    detector = LanguageDetector()
    start = time.perf_counter()
    total, wrong = misrouted(detector, args.data)
    seconds = time.perf_counter() - start
    print(
        f"{total} English test comments, {len(wrong)} routed elsewhere "
        f"({len(wrong) / total:.2%}), {seconds / total * 1e6:.0f} µs per comment"
    )
    print("by dataset:", dict(Counter(e.source for e, _ in wrong)))
    print("by language:", dict(Counter(code for _, code in wrong)))
    for example, code in wrong:
        print(f"  {code}  {example.source}: {example.text[:100]!r}")


if __name__ == "__main__":
    main()
