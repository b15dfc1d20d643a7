"""The pure policy: hits, scores and language into a decision."""

import pytest

from service.domain import Category, Detection, RuleHit, Sentence, Source, Status, Strength, Verdict
from service.policy import LanguageThresholds, PolicyConfig, decide, policy_version

THRESHOLDS = dict.fromkeys(Category, 0.8)
REVIEW = dict.fromkeys(Category, 0.5)


def config(review_verdict=Verdict.REJECT) -> PolicyConfig:
    return PolicyConfig(THRESHOLDS, REVIEW, review_verdict, frozenset({"en"}), "v1")


def hit(category=Category.THREAT, strength=Strength.STRONG) -> RuleHit:
    return RuleHit(category, "rule", (0, 4), strength, "why")


def test_no_evidence_approves_final():
    decision = decide([], {}, config(), "en")
    assert (decision.verdict, decision.status, decision.categories) == (
        Verdict.APPROVE,
        Status.FINAL,
        (),
    )


def test_strong_hit_rejects_final_with_every_category():
    decision = decide([hit(), hit(Category.ABUSE), hit()], {}, config(), "en")
    assert decision.verdict is Verdict.REJECT and decision.status is Status.FINAL
    assert decision.categories == (Category.THREAT, Category.ABUSE)
    assert len(decision.reasons) == 3


def test_weak_hit_goes_to_review_with_provisional_reject():
    decision = decide([hit(strength=Strength.WEAK)], {}, config(), "en")
    assert (decision.verdict, decision.status) == (Verdict.REJECT, Status.IN_REVIEW)
    assert decision.categories == (Category.THREAT,)


def test_provisional_verdict_follows_configuration():
    decision = decide([hit(strength=Strength.WEAK)], {}, config(Verdict.APPROVE), "en")
    assert (decision.verdict, decision.status) == (Verdict.APPROVE, Status.IN_REVIEW)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0.95, (Verdict.REJECT, Status.FINAL)),
        (0.8, (Verdict.REJECT, Status.FINAL)),
        (0.6, (Verdict.REJECT, Status.IN_REVIEW)),
        (0.49, (Verdict.APPROVE, Status.FINAL)),
    ],
)
def test_scores_reject_or_review_by_threshold(score, expected):
    decision = decide([], {"en": {Category.ABUSE: score}}, config(), "en")
    assert (decision.verdict, decision.status) == expected
    if score >= 0.5:
        assert decision.reasons[0].source is Source.MODEL
        assert decision.reasons[0].score == score


def test_unsupported_language_is_never_auto_approved():
    decision = decide([], {}, config(Verdict.APPROVE), "fa")
    assert decision.status is Status.IN_REVIEW
    assert decision.reasons[0].rule == "unsupported_language"


def test_rule_hit_rejects_unsupported_language_outright():
    decision = decide([hit()], {}, config(), "tr")
    assert (decision.verdict, decision.status) == (Verdict.REJECT, Status.FINAL)


def test_undetermined_language_is_judged():
    decision = decide([], {}, config(), "und")
    assert decision.status is Status.FINAL
    assert (decision.language, decision.languages) == ("und", ())


def mixed(*languages: str) -> Detection:
    sentences = tuple(Sentence(i * 10, i * 10 + 9, code) for i, code in enumerate(languages))
    return Detection(languages[0], languages, sentences)


def test_each_unsupported_language_present_is_one_review_reason():
    decision = decide([], {}, config(Verdict.APPROVE), mixed("en", "other", "kmr"))
    assert decision.status is Status.IN_REVIEW
    notes = [r.note for r in decision.reasons if r.rule == "unsupported_language"]
    assert notes == ["other", "kmr"]
    assert (decision.language, decision.languages) == ("en", ("en", "other", "kmr"))


def test_every_language_supported_is_judged():
    supported = PolicyConfig(THRESHOLDS, REVIEW, Verdict.REJECT, frozenset({"en", "tr"}), "v1")
    decision = decide([], {}, supported, mixed("tr", "en"))
    assert (decision.status, decision.reasons) == (Status.FINAL, ())
    # the main language being supported does not hide another one present
    assert decide([], {}, config(), mixed("en", "tr")).status is Status.IN_REVIEW


# A Turkish head speaking for profanity only: reject at 0.6, review from 0.1.
TURKISH = {"tr": LanguageThresholds({Category.PROFANITY: 0.6}, {Category.PROFANITY: 0.1})}


def with_heads() -> PolicyConfig:
    return PolicyConfig(THRESHOLDS, REVIEW, Verdict.REJECT, frozenset({"en"}), "v1", TURKISH)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0.7, (Verdict.REJECT, Status.FINAL)),
        (0.3, (Verdict.REJECT, Status.IN_REVIEW)),  # below the English review threshold
        (0.05, (Verdict.APPROVE, Status.FINAL)),
    ],
)
def test_language_with_a_head_is_judged_at_its_own_thresholds(score, expected):
    decision = decide([], {"tr": {Category.PROFANITY: score}}, with_heads(), "tr")
    assert (decision.verdict, decision.status) == expected
    assert not any(r.rule == "unsupported_language" for r in decision.reasons)
    if score >= 0.1:
        assert decision.reasons[0].note == "tr model"


def test_language_without_a_head_still_goes_to_review():
    decision = decide([], {"fa": {Category.PROFANITY: 0.01}}, with_heads(), "fa")
    assert decision.status is Status.IN_REVIEW
    assert decision.reasons[0].rule == "unsupported_language"


def test_a_model_never_rejects_a_language_it_was_not_trained_on():
    # the default heads score Persian text they have no n-grams for at their base rates
    decision = decide([], {"fa": {Category.PROFANITY: 0.95}}, with_heads(), "fa")
    assert (decision.verdict, decision.status) == (Verdict.REJECT, Status.IN_REVIEW)
    assert [r.source for r in decision.reasons] == [Source.MODEL, Source.LANGUAGE]
    rule = decide([hit()], {"fa": {Category.PROFANITY: 0.95}}, with_heads(), "fa")
    assert rule.status is Status.FINAL  # a strong rule hit still rejects it


def test_every_scored_language_is_checked_and_scores_report_the_highest():
    scores = {"tr": {Category.PROFANITY: 0.05}, "fa": {Category.PROFANITY: 0.2}}
    decision = decide([], scores, with_heads(), "tr")
    assert decision.status is Status.IN_REVIEW  # the Persian part cannot be judged
    assert decision.scores == {"profanity": 0.2}


def test_heads_without_their_thresholds_leave_the_language_unsupported():
    decision = decide([], {"tr": {Category.PROFANITY: 0.05}}, config(), "tr")
    assert decision.status is Status.IN_REVIEW


def test_failures_send_to_review():
    decision = decide([], {}, config(), "en", failures=["classifier_error"])
    assert decision.status is Status.IN_REVIEW
    assert decision.reasons[0].source is Source.SYSTEM


def test_policy_version_changes_with_rules_and_thresholds():
    base = policy_version("rules", THRESHOLDS, REVIEW, Verdict.REJECT, ["en"])
    assert base == policy_version("rules", THRESHOLDS, REVIEW, Verdict.REJECT, ["en"])
    assert base != policy_version("rules2", THRESHOLDS, REVIEW, Verdict.REJECT, ["en"])
    other = {**THRESHOLDS, Category.THREAT: 0.7}
    assert base != policy_version("rules", other, REVIEW, Verdict.REJECT, ["en"])
    assert base != policy_version("rules", THRESHOLDS, REVIEW, Verdict.APPROVE, ["en"])
    heads = policy_version("rules", THRESHOLDS, REVIEW, Verdict.REJECT, ["en"], TURKISH)
    assert heads != base
    lower = {"tr": LanguageThresholds({Category.PROFANITY: 0.5}, {Category.PROFANITY: 0.1})}
    assert heads != policy_version("rules", THRESHOLDS, REVIEW, Verdict.REJECT, ["en"], lower)


def test_editor_addition_to_a_list_changes_rules_and_digest(tmp_path):
    import shutil

    from service.normalise import fold
    from service.rules import build_rules
    from service.rules.lists import default_dir

    lists = tmp_path / "lists"
    shutil.copytree(default_dir(), lists)
    before = build_rules(lists).digest
    path = lists / "profanity.toml"
    path.write_text(path.read_text().replace("[words]\n", '[words]\nfrak = "editor addition"\n', 1))
    rules = build_rules(lists)
    assert rules.digest != before
    assert [h.rule for h in rules.match("frak this", fold("frak this"))] == ["word:frak"]


def test_malformed_list_is_refused_naming_the_file(tmp_path):
    import shutil

    from service.rules import build_rules
    from service.rules.lists import RuleListError, default_dir

    lists = tmp_path / "lists"
    shutil.copytree(default_dir(), lists)
    with (lists / "threat.toml").open("a") as f:
        f.write("\n[patterns.broken]\nregex = '(unclosed'\n")
    with pytest.raises(RuleListError, match="threat.toml: pattern broken"):
        build_rules(lists)


ARABIC_HEADS = {"ar": LanguageThresholds({Category.PROFANITY: 0.6}, {Category.PROFANITY: 0.1})}


def typed(language: str, writing: str = "latin") -> Detection:
    return Detection(language, (language,), (Sentence(0, 20, language, writing),))


def test_a_language_typed_in_latin_letters_is_not_judged_by_its_scripts_heads():
    # Arabizi: the Arabic heads learned Arabic letters; a low score is no approval
    heads = PolicyConfig(THRESHOLDS, REVIEW, Verdict.APPROVE, frozenset({"en"}), "v1", ARABIC_HEADS)
    low = {"ar": {Category.PROFANITY: 0.01}}
    decision = decide([], low, heads, typed("ar"))
    assert decision.status is Status.IN_REVIEW
    assert [r.note for r in decision.reasons if r.rule == "unsupported_language"] == ["ar"]
    # nor is a high score a rejection; a strong rule hit still rejects
    high = {"ar": {Category.PROFANITY: 0.99}}
    assert decide([], high, heads, typed("ar")).verdict is Verdict.APPROVE
    assert decide([hit()], low, heads, typed("ar")).verdict is Verdict.REJECT
    # in its own script the heads judge it, as before
    assert decide([], low, heads, typed("ar", "")).status is Status.FINAL


def test_a_language_typed_in_latin_letters_is_judged_where_it_is_supported_itself():
    supported = PolicyConfig(THRESHOLDS, REVIEW, Verdict.REJECT, frozenset({"en", "ar"}), "v1")
    assert decide([], {}, supported, typed("ar")).status is Status.FINAL
