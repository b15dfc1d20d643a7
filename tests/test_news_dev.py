"""The whole service (rules, policy, language) on the outlet-style development set."""

from service.domain import Status, Verdict
from service.pipeline import moderate
from training.data import news_dev


def test_news_dev_accuracy_and_false_rejects(shared_data, moderator):
    rows = news_dev(shared_data)
    decisions = [(row, moderate(row["text"], moderator)) for row in rows]
    # A comment sent to review is not published until a human decides: count it as rejected
    # for accuracy, and separately track how many approvals were rejected outright.
    correct = sum(
        (d.verdict is Verdict.REJECT) == (r["expected"] == "reject") for r, d in decisions
    )
    approvals = [(r, d) for r, d in decisions if r["expected"] == "approve"]
    false_rejects = [
        r["text"] for r, d in approvals if d.verdict is Verdict.REJECT and d.status is Status.FINAL
    ]
    accuracy = correct / len(rows)
    assert accuracy >= 0.90, accuracy
    assert len(false_rejects) / len(approvals) <= 0.05, false_rejects


def test_news_dev_non_english_never_auto_approved_unless_judged_and_clean(shared_data, moderator):
    # Arabic and Turkish have model heads: a clean comment in them may be approved as
    # final. A harmful one never is, nor any comment in a language nothing judges.
    for row in news_dev(shared_data):
        if row["note"].startswith("non-English"):
            decision = moderate(row["text"], moderator)
            published = decision.verdict is Verdict.APPROVE and decision.status is Status.FINAL
            judged = moderator.policy.judges(decision.language)
            assert not published or (judged and row["expected"] == "approve"), row["note"]
