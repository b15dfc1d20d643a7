"""Arabic and Turkish heads: script folding, thresholds, routing by language, the committed heads."""

import json

import numpy as np
import pytest
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from service import build_moderator
from service.classifier import ModelError, load_classifier
from service.config import DEFAULT_MODEL_PATH, Settings
from service.domain import Category, Source, Status, Verdict
from service.model import MultiHeadLogistic, fold_texts
from service.pipeline import moderate
from service.script_folding import fold_script, fold_script_texts
from training import data, language_heads
from training.train import _tfidf, save_artifact


@pytest.mark.parametrize(
    ("spellings", "why"),
    [
        (("كلب", "كـــلب", "كَلْب"), "tatweel and diacritics"),
        (("يكتب", "یکتب", "يکتب"), "Persian yeh and keheh"),
        (("مدرسة", "مدرسه"), "ta marbuta written as heh"),
        (("على", "علي"), "alef maqsura"),
        (("أنت", "إنت", "انت"), "alef with hamza"),
        (("şerefsiz", "SEREFSIZ", "şerefsız"), "Turkish i's and cedillas"),
        (("IŞIK", "ışık", "isik"), "dotless capital I"),
    ],
)
def test_script_folding_makes_one_word_of_its_spellings(spellings, why):
    assert len({fold_script(s) for s in spellings}) == 1, why


def test_script_folding_keeps_letters_that_tell_words_apart():
    # Persian letters with no Arabic twin stay. (Sorani's ڕ ێ ۆ ڵ fold to their Arabic
    # twins in normalise.fold, for the word lists; no Sorani text reaches these heads.)
    assert fold_script("پول") != fold_script("بول")
    assert fold_script("Kürtler") == "kurtler"  # Latin accents fold as elsewhere


def test_approve_threshold_lets_at_most_that_share_of_positives_below():
    positives = np.linspace(0, 1, 1001)
    t = language_heads.approve_threshold(positives, 0.05)
    assert (positives < t).mean() <= 0.05
    assert (positives <= t).mean() > 0.05
    assert language_heads.approve_threshold(np.array([]), 0.05) == 0.0


def test_thresholds_are_rounded_to_the_safe_side():
    rng = np.random.default_rng(0)
    y = (np.arange(4000) % 4 == 0).astype(np.int8)
    scores = np.clip(np.where(y == 1, rng.normal(0.6, 0.2, 4000), rng.normal(0.2, 0.1, 4000)), 0, 1)
    probs = scores[:, None]
    (t,) = language_heads.choose_thresholds(language_heads.TURKISH, y[:, None], probs).values()
    assert (scores[y == 1] < t["review"]).mean() <= language_heads.MAX_PUBLISHED
    assert (scores[y == 0] >= t["reject"]).mean() <= language_heads.MAX_REJECTED
    assert 0 < t["review"] <= t["reject"] < 1


def test_rules_verdicts_count_in_the_covering_heads_thresholds():
    """The desk sees rules and heads together: a clean row a strong rule rejects uses up
    the rejected share; an offensive row a rule holds is not published, whatever its score."""
    rng = np.random.default_rng(1)
    y = (np.arange(4000) % 4 == 0).astype(np.int8)
    scores = np.clip(np.where(y == 1, rng.normal(0.6, 0.2, 4000), rng.normal(0.2, 0.1, 4000)), 0, 1)
    ruled = np.full(4000, "", dtype=object)
    ruled[np.flatnonzero(y == 0)[:60]] = "reject"  # 2% of clean rows: a rule's false rejects
    ruled[np.flatnonzero(y == 1)[:300]] = "review"  # weak hits hold 30% of offensive rows
    spec, Y, probs = language_heads.TURKISH, y[:, None], scores[:, None]
    alone = language_heads.choose_thresholds(spec, Y, probs)["profanity"]
    (t,) = language_heads.choose_thresholds(spec, Y, probs, ruled.astype(str)).values()
    desk = language_heads.desk_figures(spec, Y, probs, {"profanity": t}, ruled.astype(str))
    assert desk["auto_rejected"] <= language_heads.MAX_REJECTED
    assert desk["auto_published"] <= language_heads.MAX_PUBLISHED
    assert t["reject"] > alone["reject"]  # less room for the head's own rejects
    assert t["review"] > alone["review"]  # held rows need no low approve threshold


def test_each_source_keeps_the_bounds_on_its_own():
    """Pooled, a large source of easy clean rows would let the head reject many of a small
    source's clean rows; per source, the strictest threshold holds for both."""
    rng = np.random.default_rng(3)
    n_news, n_tweets = 6000, 1000
    y = (np.arange(n_news + n_tweets) % 4 == 0).astype(np.int8)
    sources = np.array(["news"] * n_news + ["tweets"] * n_tweets)
    clean_mean = np.where(sources == "news", 0.15, 0.45)  # clean tweets score higher
    scores = np.clip(np.where(y == 1, rng.normal(0.7, 0.15), rng.normal(clean_mean, 0.1)), 0, 1)
    spec, Y, probs = language_heads.TURKISH, y[:, None], scores[:, None]
    (pooled,) = language_heads.choose_thresholds(spec, Y, probs).values()
    (t,) = language_heads.choose_thresholds(spec, Y, probs, sources=sources).values()
    tweets_clean = scores[(sources == "tweets") & (y == 0)]
    assert (tweets_clean >= pooled["reject"]).mean() > language_heads.MAX_REJECTED
    for source in ("news", "tweets"):
        mine = sources == source
        assert (scores[mine & (y == 0)] >= t["reject"]).mean() <= language_heads.MAX_REJECTED
        assert (scores[mine & (y == 1)] < t["review"]).mean() <= language_heads.MAX_PUBLISHED


def test_a_naming_head_with_few_positives_only_sends_to_review():
    y = np.zeros((2000, 3), dtype=np.int8)
    y[:40, 2] = 1  # 40 vulgar rows: fewer than MIN_VALIDATION_POSITIVES
    y[:300, 1] = 1
    y[:600, 0] = 1
    probs = np.random.default_rng(2).random((2000, 3))
    t = language_heads.choose_thresholds(language_heads.ARABIC, y, probs)
    assert t["vulgarity"]["reject"] is None and t["vulgarity"]["review"] < 1
    assert t["abuse"]["reject"] is not None


def test_sources_weigh_alike_so_a_head_cannot_learn_a_sources_base_rate():
    Row = language_heads.Row
    rows = [Row("a", {"offensive": 1}, "tweets")] * 30 + [Row("b", {"offensive": 0}, "tweets")] * 10
    rows += [Row("c", {"offensive": 1}, "news")] * 5 + [Row("d", {"offensive": 0}, "news")] * 55
    w = language_heads.source_weights(language_heads.TURKISH, rows)[:, 0]
    cells = [w[:30].sum(), w[30:40].sum(), w[40:45].sum(), w[45:].sum()]
    np.testing.assert_allclose(cells, [25.0] * 4)  # 100 rows, four (source, label) cells
    unlabelled = Row("e", {}, "news")
    assert language_heads.source_weights(language_heads.TURKISH, [*rows, unlabelled])[-1, 0] == 0


def test_out_of_fold_heads_rebuild_byte_for_byte():
    import io

    import joblib

    Row = language_heads.Row
    texts = ["siktir git", "salak herif", "aptal misin", "defol şerefsiz", "haber güzel"]
    texts += ["meclis toplandı", "okul açıldı", "teşekkürler", "petrol durdu", "yağmur yağdı"]
    rows = [Row(t, {"offensive": int(i < 4)}, "a" if i % 2 else "b") for i, t in enumerate(texts)]
    rows *= 3  # the word n-grams need two rows each in every fold
    spec = language_heads.TURKISH

    def built() -> tuple[bytes, bytes]:
        buffer = io.BytesIO()
        joblib.dump(language_heads.fit_heads(spec, rows), buffer)
        return buffer.getvalue(), language_heads.out_of_fold(spec, rows).tobytes()

    assert built() == built()


TURKISH_ROWS = [
    ("siktir git orospu çocuğu", 1),
    ("seni gerizekalı aptal", 1),
    ("şerefsiz herif defol", 1),
    ("ulan salak mısın", 1),
    ("bugün meclis toplandı", 0),
    ("erbil'de yeni okul açıldı", 0),
    ("haber için teşekkürler", 0),
    ("petrol ihracatı durdu", 0),
]
DEFAULT_ROWS = [("you stupid idiot", 1), ("you moron", 1), ("thanks for this", 0), ("good news", 0)]


def _pipeline(fold, heads, rows) -> Pipeline:
    features = FeatureUnion([("chars", _tfidf("char_wb", (2, 4), min_df=1, max_features=5000))])
    pipeline = Pipeline(
        [
            ("fold", FunctionTransformer(fold)),
            ("features", features),
            ("heads", MultiHeadLogistic(heads=heads, C=20.0)),
        ]
    )
    return pipeline.fit([t for t, _ in rows], np.array([[y] for _, y in rows]))


@pytest.fixture(scope="module")
def artifact(tmp_path_factory):
    """A tiny real model with a Turkish head, saved as training saves one."""
    default = _pipeline(fold_texts, ("insult",), DEFAULT_ROWS)
    turkish = _pipeline(fold_script_texts, ("offensive",), TURKISH_ROWS)
    out = tmp_path_factory.mktemp("model")
    card = {
        "heads": ["insult"],
        "category_heads": {"personal_attack": ["insult"]},
        "thresholds": {"personal_attack": {"reject": 0.9, "review": 0.6}},
        "languages": {
            "tr": {
                "heads": ["offensive"],
                "category_heads": {"profanity": ["offensive"]},
                "thresholds": {"profanity": {"reject": 0.6, "review": 0.3}},
            }
        },
    }
    save_artifact(default, out, card, {"tr": turkish})
    return out / "classifier.joblib"


def test_each_language_is_scored_by_its_own_heads(artifact):
    classifier = load_classifier(artifact)
    scores = classifier.score_languages({"tr": "siktir git salak", "en": "you stupid idiot"})
    assert set(scores["tr"]) == {Category.PROFANITY}
    assert set(scores["en"]) == {Category.PERSONAL_ATTACK}
    head = classifier.languages["tr"]
    texts = [t for t, _ in TURKISH_ROWS] + ["İSTANBUL ışık", ""]
    fast = np.array([head.scorer.probabilities(t) for t in texts])
    np.testing.assert_allclose(fast, head.pipeline.predict_proba(texts), atol=1e-5)


def test_a_language_head_decides_its_comments(artifact):
    moderator = build_moderator(Settings(database_url="sqlite://", model_path=artifact))
    assert moderator.policy.judges("tr") and not moderator.policy.judges("fa")
    insult = moderate("siktir git orospu çocuğu, şerefsiz", moderator)
    assert insult.language == "tr"
    assert (insult.verdict, insult.status) == (Verdict.REJECT, Status.FINAL)
    assert [r.note for r in insult.reasons if r.source is Source.MODEL] == ["tr model"]
    clean = moderate("Bugün meclis toplandı ve petrol ihracatı konuşuldu", moderator)
    assert (clean.verdict, clean.status) == (Verdict.APPROVE, Status.FINAL), clean.reasons


def test_an_artifact_whose_card_names_other_languages_is_refused(artifact, tmp_path):
    card = json.loads(artifact.with_suffix(".json").read_text())
    card["languages"] = {}
    other = tmp_path / "classifier.joblib"
    other.write_bytes(artifact.read_bytes())
    other.with_suffix(".json").write_text(json.dumps(card))
    with pytest.raises(ModelError, match="language heads"):
        load_classifier(other)


def test_the_language_thresholds_reach_health_and_config(artifact, tmp_path):
    from service import api, create_app
    from service.settings_report import language_lines

    app = create_app({"database_url": f"sqlite:///{tmp_path / 'm.db'}", "model_path": artifact})
    policy = app.extensions[api.EXTENSION].moderator.policy
    lines = {line.name: line.value for line in language_lines(policy.language_thresholds, "v")}
    assert lines["model_languages"] == "tr"
    assert lines["threshold.tr.reject.profanity"] == "0.6000"
    body = app.test_client().get("/health").get_json()
    assert body["language_thresholds"] == {"tr": {"profanity": {"reject": 0.6, "review": 0.3}}}


# --- the committed artifact's heads -------------------------------------------------------
CARD = json.loads(DEFAULT_MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def served():
    return build_moderator(Settings(database_url="sqlite://", model_path=DEFAULT_MODEL_PATH))


def test_committed_card_has_arabic_and_turkish_heads_trained_without_test_splits():
    assert set(CARD["languages"]) == {"ar", "tr"}
    files = [d["file"] for d in CARD["data"]]
    for evaluation_only in ("osact4", "pars_off", "mayda", "hateval", "testset", "labela"):
        assert not any(evaluation_only in f for f in files), files
    for section in CARD["languages"].values():
        for t in section["thresholds"].values():
            assert 0.0 < t["review"] <= (1.0 if t["reject"] is None else t["reject"]) <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Siktir git orospu çocuğu",
        "Sen ne anlarsın gerizekalı şerefsiz herif",
        "يا كلب يا ابن الكلب يا حقير",
    ],
)
def test_clear_insults_in_arabic_and_turkish_are_rejected(served, text):
    decision = moderate(text, served)
    assert (decision.verdict, decision.status) == (Verdict.REJECT, Status.FINAL), decision.scores
    assert any(r.source is Source.MODEL and r.note for r in decision.reasons)


@pytest.mark.parametrize(
    "text",
    [
        # insults without a swear word: in the review band (0.29 against reject 0.72)
        "انت حمار وواطي وقليل الادب",
        "Sen tam bir aptalsın, yazdıkların da saçmalık",
    ],
)
def test_milder_insults_are_never_published_unseen(served, text):
    decision = moderate(text, served)
    assert not (decision.verdict is Verdict.APPROVE and decision.status is Status.FINAL)
    assert any(r.source is Source.MODEL for r in decision.reasons), decision.scores


@pytest.mark.parametrize(
    "text",
    [
        "Erbil'de bugün yeni bir hastane açıldı, emeği geçen herkese teşekkürler.",
        "Haber için teşekkürler, umarım ateşkes kalıcı olur.",
        "شكرا على هذا التقرير المفيد عن الانتخابات في كركوك",
        "نتمنى أن يعود السلام إلى سوريا والعراق قريبا",
    ],
)
def test_clean_arabic_and_turkish_news_comments_are_not_rejected(served, text):
    decision = moderate(text, served)
    assert not (decision.verdict is Verdict.REJECT and decision.status is Status.FINAL)


def test_persian_has_no_head_and_goes_to_review(served):
    decision = moderate("امیدوارم صلح به منطقه برگردد و مردم در آرامش زندگی کنند", served)
    assert decision.language == "fa" and decision.status is Status.IN_REVIEW
    assert any(r.rule == "unsupported_language" for r in decision.reasons)


def test_turkish_heads_on_the_official_test_split_are_no_worse_than_validation(shared_data):
    """The held-out OffensEval test split, never trained or tuned on, by the head alone."""
    from sklearn.metrics import roc_auc_score

    rows = data.offenseval_turkish_test(shared_data)
    head = load_classifier(DEFAULT_MODEL_PATH).languages["tr"]
    probs = head.pipeline.predict_proba([e.text for e in rows])[:, 0]
    auc = roc_auc_score([e.label == "OFF" for e in rows], probs)
    assert auc >= CARD["languages"]["tr"]["validation"]["profanity"]["roc_auc"] - 0.03, auc


def test_mayda_is_also_judged_with_twitters_links_masked_as_the_other_tweet_sets_ship():
    from training.languages_eval import SETS, mask_tco

    rows = [
        ("Suriyeliler bugün toplandı https://t.co/Ab12cD 👉https://t.co/x9", False),
        ("haber: https://www.bbc.com/turkce/x ve bit.ly/abc", False),  # stay as written
    ]
    assert mask_tco(rows) == [
        ("Suriyeliler bugün toplandı URL 👉URL", False),
        ("haber: https://www.bbc.com/turkce/x ve bit.ly/abc", False),
    ]
    names = [entry.labelled.name for entry in SETS]
    assert "turkish_hate_mayda" in names  # the as-is figure stays beside the masked one
    assert "turkish_hate_mayda (t.co links masked as URL)" in names


def test_the_per_language_desk_counts_what_the_heads_and_the_service_decide(served):
    from training import languages_eval
    from training.desk import LabelledSet

    made_up = LabelledSet("made up", lambda root: [], "clean")
    rows = [
        ("Siktir git orospu çocuğu", True),  # rejected: counts in neither figure
        ("Sen tam bir aptalsın, yazdıkların da saçmalık", True),
        ("Bugün meclis toplandı ve petrol ihracatı konuşuldu", False),
    ]
    alone = languages_eval.heads_alone(made_up, rows, served, "tr")
    whole, detected = languages_eval.through_service(made_up, rows, served, "tr")
    for row in (alone, whole):
        assert (row.harmful, row.clean, row.auto_published, row.auto_rejected) == (2, 1, 0, 0)
    assert alone.name == "made up, heads alone" and detected == 1.0
