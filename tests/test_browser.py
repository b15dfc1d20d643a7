"""The reviewer pages in a real browser: headless Debian chromium driven by Playwright,
against `moderation serve` (gunicorn, SQLite, the committed model) on loopback."""

import os
import shutil
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests.live import moderation, serving

# Screenshots go to a temporary folder: tests never change tracked files. `make
# screenshots` points this at docs/ to regenerate the picture in docs/reviewers.md.
SCREENSHOTS = os.environ.get("MODERATION_SCREENSHOT_DIR")
PASSWORD = "correct horse battery"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags chromium keeps dialling out of a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = (
    "<script>window.pwned = 1; document.title = 'pwned'</script>"
    "<img src=x onerror=\"window.pwned = 2; alert('xss')\"> read more at koyawatch.net/x"
)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = "chromium is not installed (make install-test installs Debian's package)"
        if os.environ.get("MODERATION_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Live:
    """A running service with an API key and one reviewer account."""

    def __init__(self, base: str, key: str) -> None:
        self.base = base
        self.auth = {"Authorization": f"Bearer {key}"}

    def submit(self, text: str, article: dict | None = None, author: dict | None = None) -> str:
        comment_id = f"b-{uuid.uuid4().hex[:8]}"
        body = {"id": comment_id, "text": text, **({"article": article} if article else {})}
        if author:
            body["author"] = author
        response = requests.post(f"{self.base}/moderate", json=body, headers=self.auth, timeout=10)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "in_review", response.json()
        time.sleep(0.01)  # distinct arrival times: the queue is oldest first
        return comment_id

    def comment(self, comment_id: str) -> dict:
        return requests.get(
            f"{self.base}/comments/{comment_id}", headers=self.auth, timeout=10
        ).json()


def started(folder: Path):
    with serving(folder) as (base, key, env):
        moderation(env, "reviewers", "add", "alice", "--password-stdin", stdin=PASSWORD + "\n")
        yield Live(base, key)


# One server for most tests of a test process (each test has its own browser context):
# they add comments and decide their own, so earlier ones' leftovers sit above theirs in
# the queue. A test that needs an empty queue takes `fresh`, a server of its own.
@pytest.fixture(scope="module")
def live(tmp_path_factory):
    yield from started(tmp_path_factory.mktemp("queue"))


@pytest.fixture
def fresh(tmp_path):
    yield from started(tmp_path)


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def log_in(page, live):
    page.goto(f"{live.base}/queue")
    assert "/login" in page.url  # the queue sends strangers to the login page
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/queue")


def card(page, comment_id):
    return page.locator(f'article.card[data-comment="{comment_id}"]')


def last_actor(live, comment_id):
    entry = live.comment(comment_id)["history"][-1]
    return entry["source"], entry["actor"], entry["decision"]


def test_log_in_then_approve_and_reject_with_buttons(page, fresh):
    first = fresh.submit("Interesting: koyawatch.net/report", {"id": "oil-1", "title": "Oil"})
    second = fresh.submit("More at koyawatch.net/more on the budget")
    log_in(page, fresh)
    assert page.locator("#total").inner_text() == "2"
    card(page, first).get_by_role("button", name="Approve").click()
    page.get_by_text("Approved 1 comment.").wait_for()
    assert card(page, first).count() == 0
    card(page, second).get_by_role("button", name="Reject").click()
    page.get_by_text("Rejected 1 comment.").wait_for()
    assert last_actor(fresh, first) == ("reviewer", "alice", "approve")
    assert last_actor(fresh, second) == ("reviewer", "alice", "reject")
    assert fresh.comment(second)["current"]["categories"] == ["promotion"]


def test_keyboard_shortcuts(page, fresh):
    ids = [fresh.submit(f"Report {i}: koyawatch.net/r{i}") for i in range(3)]
    log_in(page, fresh)
    page.keyboard.press("j")
    assert "current" in card(page, ids[1]).get_attribute("class")
    page.keyboard.press("a")  # approves the second card
    page.get_by_text("Approved 1 comment.").wait_for()
    page.keyboard.press("j")
    page.keyboard.press("k")
    page.keyboard.press("r")  # rejects the first card
    page.get_by_text("Rejected 1 comment.").wait_for()
    assert last_actor(fresh, ids[1]) == ("reviewer", "alice", "approve")
    assert last_actor(fresh, ids[0]) == ("reviewer", "alice", "reject")
    assert fresh.comment(ids[2])["current"]["status"] == "in_review"


def test_bulk_approve_and_reject(page, live):
    ids = [live.submit(f"See koyawatch.net/b{i}") for i in range(4)]
    log_in(page, live)
    for comment_id in ids[:2]:
        card(page, comment_id).get_by_label(f"Comment {comment_id}").check()
    page.get_by_role("button", name="Approve selected").click()
    page.get_by_text("Approved 2 comments.").wait_for()
    for comment_id in ids[2:]:
        card(page, comment_id).get_by_label(f"Comment {comment_id}").check()
    page.get_by_role("button", name="Reject selected").click()
    page.get_by_text("Rejected 2 comments.").wait_for()
    assert [last_actor(live, i)[2] for i in ids] == ["approve", "approve", "reject", "reject"]


def test_filters(page, live):
    link = live.submit("Details at koyawatch.net/f")
    german = live.submit("Das ist ein sehr guter Artikel über die Wahlen in Erbil und Slemani.")
    log_in(page, live)
    # German is none of the outlet's languages: `other`
    page.get_by_label("Language", exact=True).select_option("other")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**language=other**")
    assert card(page, german).count() == 1 and card(page, link).count() == 0
    page.get_by_role("link", name="Clear filters").click()
    page.get_by_label("Category", exact=True).select_option("promotion")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**category=promotion**")
    assert card(page, link).count() == 1 and card(page, german).count() == 0


UNLABELLED_CONTROLS = """() => Array.from(
    document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
    && !(el.tagName === 'BUTTON' && el.textContent.trim()))
  .map(el => el.outerHTML)"""


def test_every_control_has_a_label_and_the_page_its_language(page, live):
    live.submit("Details at koyawatch.net/a11y")
    page.goto(f"{live.base}/login")
    assert page.evaluate(UNLABELLED_CONTROLS) == []
    log_in(page, live)
    for path in ("/queue", "/history"):
        page.goto(live.base + path)
        assert page.evaluate(UNLABELLED_CONTROLS) == [], path
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("h1").count() == 1


def test_log_out(page, live):
    log_in(page, live)
    page.get_by_role("button", name="Log out").click()
    page.get_by_text("You are logged out.").wait_for()
    page.goto(f"{live.base}/queue")
    assert "/login" in page.url


def test_log_out_ends_the_session_in_another_browser_too(browser, page, live):
    comment_id = live.submit("Interesting: koyawatch.net/elsewhere")
    other = browser.new_context()
    try:
        laptop = other.new_page()
        log_in(laptop, live)
        log_in(page, live)
        page.get_by_role("button", name="Log out").click()
        page.get_by_text("You are logged out.").wait_for()
        # the laptop's queue page is still open: its Approve button now gets a refusal
        card(laptop, comment_id).get_by_role("button", name="Approve").click()
        laptop.wait_for_load_state()
        assert live.comment(comment_id)["current"]["status"] == "in_review"
        laptop.goto(f"{live.base}/queue")
        assert "/login" in laptop.url
    finally:
        other.close()


def test_login_link_to_another_site_lands_on_the_queue(page, live):
    # another origin, on loopback (a closed port), as a browser reads "/<tab>/host"
    page.goto(f"{live.base}/login?next=/%09/127.0.0.2:1/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live.base}/queue")


def test_hostile_comment_shows_literally_and_nothing_runs(page, fresh, tmp_path):
    hostile = fresh.submit(HOSTILE, {"id": "x<y>", "title": "<b onmouseover=alert(1)>t</b>"})
    fresh.submit(
        "Photos of the Koya strikes, unedited: koyawatch.net/photos",
        {"id": "strikes-koya", "title": "Drone strikes on Koya"},
    )
    fresh.submit("Das ist ein sehr guter Artikel über die Wahlen in Erbil und Slemani.")
    log_in(page, fresh)
    shown = card(page, hostile).locator("blockquote.text")
    assert shown.evaluate("node => node.textContent") == HOSTILE
    assert shown.locator("script, img").count() == 0
    shown.hover()
    page.wait_for_timeout(300)  # give an injected handler every chance to fire
    assert page.evaluate("() => window.pwned") is None
    assert page.title() != "pwned" and page.dialogs == []
    assert "<b onmouseover=alert(1)>t</b>" in card(page, hostile).inner_text()
    page.set_viewport_size({"width": 1100, "height": 1000})
    shot = Path(SCREENSHOTS or tmp_path) / "queue.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def current(page) -> str | None:
    return page.evaluate(
        "() => { const c = document.querySelector('article.card.current');"
        " return c && c.dataset.comment; }"
    )


def test_decide_by_keyboard_keeps_the_place_and_undo_puts_the_card_back(page, live):
    ids = [live.submit(f"Figures at koyawatch.net/k{i}") for i in range(3)]
    log_in(page, live)
    page.evaluate("() => { window.notReloaded = true; }")
    card(page, ids[0]).focus()
    page.keyboard.press("j")
    assert current(page) == ids[1]
    page.keyboard.press("a")  # approves the second: the third is selected, in place
    page.get_by_text("Approved 1 comment.").wait_for()
    assert card(page, ids[1]).count() == 0 and current(page) == ids[2]
    assert page.evaluate("() => document.activeElement.dataset.comment") == ids[2]
    page.keyboard.press("k")
    page.keyboard.press("r")  # rejects the first
    page.get_by_text("Rejected 1 comment.").wait_for()
    assert current(page) == ids[2]
    page.get_by_label("Language", exact=True).focus()
    page.keyboard.press("a")  # a key in a form field is the field's, not a decision
    page.keyboard.press("Escape")
    card(page, ids[2]).focus()
    page.keyboard.press("u")  # takes back the reject: the first card is back, selected
    page.get_by_text("back in the queue").wait_for()
    assert current(page) == ids[0]
    assert page.evaluate("() => window.notReloaded") is True
    assert [h["source"] for h in live.comment(ids[0])["history"]] == ["service", "reviewer", "undo"]
    assert live.comment(ids[0])["current"]["status"] == "in_review"
    assert last_actor(live, ids[1]) == ("reviewer", "alice", "approve")
    assert live.comment(ids[2])["current"]["status"] == "in_review"
    page.reload()  # the undone card is in the queue for everyone, not only on this page
    assert card(page, ids[0]).count() == 1 and card(page, ids[1]).count() == 0


HOSTILE_NAME = '"><img src=x onerror="window.pwned = 3">'


def test_card_shows_article_link_author_scores_and_right_to_left_text(page, live):
    url = 'https://news.example/kurds?a=1&b="2"'
    flagged = live.submit(  # a promise the model reads as a threat: no rule, model only
        "We will fight every deportation order in court",
        {"id": "k-1", "title": "<i>Kurdish</i> politics", "url": url},
        {"name": HOSTILE_NAME},
    )
    # Persian, which no model judges, waits for a reviewer (clean Arabic is approved now)
    persian = live.submit("مقاله عالی بود، ممنون از پوشش خبری از اربیل", author={"name": "احمد"})
    refused = requests.post(
        f"{live.base}/moderate",
        json={"text": "Nice", "article": {"id": "x", "url": "javascript:alert(1)"}},
        headers=live.auth,
        timeout=10,
    )
    assert refused.status_code == 400 and refused.json()["error"] == "invalid_field"
    thresholds = requests.get(f"{live.base}/health", timeout=10).json()["thresholds"]
    log_in(page, live)
    shown = card(page, flagged)
    link = shown.locator("p.article a")
    assert link.get_attribute("href") == url
    assert link.get_attribute("rel") == "noopener noreferrer nofollow"
    assert link.inner_text() == "<i>Kurdish</i> politics"
    assert shown.locator(".author").inner_text() == HOSTILE_NAME
    assert shown.locator("img, i").count() == 0 and page.evaluate("() => window.pwned") is None
    threat = shown.locator('table.model-scores tr[data-category="threat"]')
    cells = threat.locator("td").all_inner_texts()
    score = live.comment(flagged)["current"]["scores"]["threat"]
    assert cells[:3] == [
        f"{score:.2f}",
        f"{thresholds['threat']['review']:.2f}",
        f"{thresholds['threat']['reject']:.2f}",
    ]
    assert "band-review" in threat.get_attribute("class")
    text = card(page, persian).locator("blockquote.text")
    assert text.get_attribute("dir") == "auto"
    assert text.evaluate("node => getComputedStyle(node).direction") == "rtl"
    direction = shown.locator("blockquote.text").evaluate("n => getComputedStyle(n).direction")
    assert direction == "ltr"
    assert card(page, persian).locator(".lang").inner_text() == "Persian"
    page.get_by_label("Language", exact=True).select_option(label="Persian")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**language=fa**")
    assert card(page, persian).count() == 1 and card(page, flagged).count() == 0
