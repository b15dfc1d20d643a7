"""Decision quality on the official test splits, beside the reference libraries.

    python -m training.evaluate [--data DIR] [--model models/classifier.joblib] [--jobs 2]

For each split it prints, for the whole service (rules, model if installed, policy), for
alt-profanity-check (`predict_prob`, cut at 0.5) and for better-profanity
(`contains_profanity`), run on the same rows in the same run: ROC AUC where there is a
score, precision, recall and F1 of the positive class, and macro-F1. The service counts
a comment as positive when its decision is `reject` (a comment in review is not
published, so its provisional reject counts).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
from sklearn.metrics import f1_score, precision_recall_fscore_support, roc_auc_score

from service import build_moderator
from service.config import Settings
from service.domain import Verdict
from service.pipeline import moderate
from training import data


@dataclass(frozen=True)
class Split:
    name: str
    texts: list[str]
    y: np.ndarray  # 1 = the dataset's positive class (offensive, insult, sexist, spam, reject)
    head: str | None = None  # the model head that speaks to this split's concept


def splits(root) -> list[Split]:
    """The official test splits (and news_dev), each with its positive class."""

    def make(name, examples, positive: Callable[[str], bool], head=None) -> Split:
        y = np.array([int(positive(e.label)) for e in examples])
        return Split(name, [e.text for e in examples], y, head)

    kaggle, kaggle_verification = (
        data.kaggle_insults_test(s, root) for s in ("test", "verification")
    )
    yt = data.youtube_spam(("Youtube05-Shakira",), root)
    news = [data.Example(r["text"], r["expected"], "news_dev") for r in data.news_dev(root)]
    return [
        make("OLID level A test (OFF)", data.olid_test(root), lambda x: x == "OFF", "offensive"),
        make("Kaggle insults test", kaggle, lambda x: x == "1", "insult"),
        make("Kaggle insults verification", kaggle_verification, lambda x: x == "1", "insult"),
        make("EDOS task A test (sexist)", data.edos_test(root), lambda x: x == "sexist", "sexism"),
        make("YouTube spam, held-out video 5", yt, lambda x: x == "spam", "spam"),
        make("news_dev (reject)", news, lambda x: x == "reject"),
    ]


def _better_profanity(texts: list[str]) -> list[int]:
    from better_profanity import Profanity

    checker = Profanity()
    checker.load_censor_words()
    return [int(checker.contains_profanity(t)) for t in texts]


def better_profanity_flags(texts: list[str], jobs: int) -> np.ndarray:
    """better-profanity is slow (tens of ms a comment): spread over `jobs` processes."""
    chunks = [texts[i::jobs] for i in range(jobs)]
    with ProcessPoolExecutor(jobs) as pool:
        parts = list(pool.map(_better_profanity, chunks))
    out = np.zeros(len(texts), dtype=int)
    for i, part in enumerate(parts):
        out[i::jobs] = part
    return out


def scores_line(name: str, y: np.ndarray, pred: np.ndarray, score: np.ndarray | None) -> str:
    p, r, f, _ = precision_recall_fscore_support(y, pred, average="binary", zero_division=0)
    macro = f1_score(y, pred, average="macro", zero_division=0)
    auc = roc_auc_score(y, score) if score is not None and len(set(y)) == 2 else float("nan")
    return f"| {name} | {auc:.3f} | {p:.3f} | {r:.3f} | {f:.3f} | {macro:.3f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--model", default=None, help="also score a trained artifact's heads (a .joblib file)"
    )
    parser.add_argument(
        "--skip-better-profanity",
        action="store_true",
        help="leave out better-profanity (about 65 ms a comment)",
    )
    args = parser.parse_args()
    from profanity_check import predict_prob

    root = data.data_dir(args.data)
    model_path = Path(args.model) if args.model else None
    moderator = build_moderator(Settings(database_url="sqlite://", model_path=model_path))
    print(f"service: model {moderator.classifier.version}, policy {moderator.policy.version}\n")
    model = joblib.load(args.model) if args.model else None
    heads = list(model.named_steps["heads"].heads) if model is not None else []
    for split in splits(root):
        started = time.perf_counter()
        decisions = [moderate(t, moderator) for t in split.texts]
        service = np.array([int(d.verdict is Verdict.REJECT) for d in decisions])
        apc = predict_prob(split.texts)
        print(f"### {split.name}: {len(split.texts)} rows, {int(split.y.sum())} positive\n")
        print("| system | ROC AUC | precision | recall | F1 | macro-F1 |")
        print("| --- | --- | --- | --- | --- | --- |")
        print(
            scores_line(
                f"service ({'rules + model' if model else 'rules'})", split.y, service, None
            )
        )
        print(scores_line("alt-profanity-check", split.y, (apc >= 0.5).astype(int), apc))
        if model is not None and split.head is not None:
            score = model.predict_proba(split.texts)[:, heads.index(split.head)]
            print(
                scores_line(
                    f"model head '{split.head}' at 0.5", split.y, (score >= 0.5).astype(int), score
                )
            )
        if not args.skip_better_profanity:
            bp = better_profanity_flags(split.texts, args.jobs)
            print(scores_line("better-profanity", split.y, bp, None))
        print(f"\n({time.perf_counter() - started:.0f} s)\n")


if __name__ == "__main__":
    main()
