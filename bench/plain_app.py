"""Reference for bench/api.py: a Flask endpoint scoring each request with a plain pipeline.

TfidfVectorizer (word 1-2 + char 2-5 grams) and LogisticRegression, called through
scikit-learn's `predict_proba` on every request: the cost the service's own scorer is
measured against. Fitted at start-up on OLID's and Kaggle's training comments when
../shared/data is there (a realistic vocabulary, so a realistic per-request cost), else on
the bench's own comments.
"""

import json
import os

from flask import Flask, jsonify, request
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

try:
    from training import data

    examples = data.olid_train() + data.kaggle_insults("train")
    texts = [e.text for e in examples]
    labels = [int(e.label not in ("NOT", "0")) for e in examples]
except FileNotFoundError:
    rows = [json.loads(line) for line in open(os.environ["BENCH_BODIES"], encoding="utf-8")]
    texts = [r["text"] for r in rows]
    labels = [i % 2 for i in range(len(texts))]
pipeline = Pipeline(
    [
        (
            "features",
            FeatureUnion(
                [
                    ("words", TfidfVectorizer(ngram_range=(1, 2))),
                    ("chars", TfidfVectorizer(analyzer="char", ngram_range=(2, 5))),
                ]
            ),
        ),
        ("model", LogisticRegression(max_iter=1000)),
    ]
).fit(texts, labels)
app = Flask(__name__)


@app.post("/moderate")
def moderate():
    text = request.get_json()["text"]
    score = float(pipeline.predict_proba([text])[0, 1])
    return jsonify(id="plain", decision="reject" if score >= 0.5 else "approve", score=score)
