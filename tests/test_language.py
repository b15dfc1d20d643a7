"""Language routing: non-English goes to review; English is not misrouted."""

import pytest

from service.language import LanguageDetector

DETECTOR = LanguageDetector()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("lol you are so dumb bro", "en"),
        ("Great turnout in Duhok 👏👏 proud of all the youth", "en"),
        ("Iran = no respect for borders. Iraq = no respect for itself 🤷‍♂️", "en"),
        ("Bafel Talabani and Masrour Barzani have both failed the youth of Kurdistan", "en"),
        ("i am syrian in izmir 7 years. i have kimlik and work permit", "en"),
        ("Sh1tshow", "en"),
        ("👏👏🔥", "und"),
        ("Suriyeli mültecilerin zorla geri gönderilmesi uluslararası hukuka aykırı.", "tr"),
        ("على بغداد وأربيل الجلوس إلى طاولة الحوار وحل خلاف النفط وفق الدستور", "ar"),
        ("حمله‌های موشکی و پهپادی سپاه به اردوگاه‌های احزاب کرد در اقلیم کردستان محکوم است.", "fa"),
    ],
)
def test_detects_language(text, code):
    assert DETECTOR.detect(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "هیوادارم هەڵبژاردنەکان بە ئاشتی تێپەڕن و پارتی و یەکێتی ئەنجامەکان قبووڵ بکەن.",  # Sorani
        "Em dizanin tu li kû dijî. Heke tu careke din vê binivîsî, em ê werin û te bikujin.",
        "Bombebarana Îranê ya li ser kampên partiyên Kurd divê bê rawestandin.",  # Kurmanji
    ],
)
def test_kurdish_is_not_taken_for_english(text):
    assert DETECTOR.detect(text) not in ("en", "und")


def test_english_test_sets_misrouted_under_one_percent(shared_data):
    from training.language_check import misrouted

    total, wrong = misrouted(DETECTOR, shared_data)
    assert total > 9000
    assert len(wrong) / total < 0.01, [e.text[:60] for e, _ in wrong[:20]]


def test_non_english_news_dev_comments_all_routed_to_review(shared_data):
    from training.data import news_dev

    foreign = [r for r in news_dev(shared_data) if r["note"].startswith("non-English")]
    assert len(foreign) == 10
    assert all(DETECTOR.detect(r["text"]) not in ("en", "und") for r in foreign)
