"""In a real Chromium: hostile comments stay inert, readers post in English and Hindi, and a
moderator clears a queue of spam in a few clicks."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from patrika.comments.models import Comment, CommentStatus
from patrika.newsroom.tests.factories import make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE = [
    "<script>window.__pwned = 'script'; alert('script')</script>",
    "<img src=x onerror=\"window.__pwned='img'; alert('img')\">",
    "<svg onload=\"window.__pwned='svg'\"></svg>",
    "javascript:window.__pwned='js-text'",
    "<a href=\"javascript:window.__pwned='href'\">click me</a>",
    "http://x.example/\"onmouseover=\"window.__pwned='attr'",
    "safe\u202eedoc\u200b text",
]


@pytest.fixture
def watched(page: Page) -> Page:
    """A page that records any dialog and exposes whether hostile code ran."""
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.add_init_script("window.__pwned = false;")
    page.dialogs = dialogs
    return page


def test_hostile_comments_never_execute(live_server, watched, artifacts_dir) -> None:
    story = make_story()
    for n, body in enumerate(HOSTILE):
        Comment.objects.create(
            story=story,
            language="en",
            name=f"<script>alert('name{n}')</script><b onmouseover=alert(1)>n{n}</b>",
            email=f"h{n}@example.org",
            website="javascript:alert('website')" if n % 2 else 'https://ok.example/"x=',
            body=body,
            status=CommentStatus.APPROVED,
        )
    url = live_server.url + story.translations.get(language="en").get_absolute_url()
    watched.goto(url)
    watched.wait_for_load_state("load")
    for link in watched.locator(".comment a").all():
        link.hover()
    watched.locator(".comment-body").first.click()
    watched.screenshot(path=f"{artifacts_dir}/comments-hostile.png", full_page=True)
    assert watched.dialogs == []
    assert watched.evaluate("window.__pwned") is False
    assert watched.locator("#comments script").count() == 0
    assert watched.locator("#comments [onerror], #comments [onload]").count() == 0
    hrefs = watched.eval_on_selector_all("#comments a", "els => els.map(e => e.href)")
    assert hrefs and not any(h.lower().startswith("javascript:") for h in hrefs)
    # The hostile text is shown, as text.
    text = watched.locator("#comments").inner_text()
    assert "<script>window.__pwned" in text
    # The right-to-left override and zero-width space are gone even from imported rows.
    assert "safeedoc text" in text


def _post(page, url: str, *, name: str, email: str, body: str) -> None:
    page.goto(url)
    page.fill("#comment-name", name)
    page.fill("#comment-email", email)
    page.fill("#comment-body", body)
    with page.expect_navigation():
        page.click(".comment-form button[type=submit]")


def test_reader_posts_in_english_and_sees_awaiting_moderation(live_server, page) -> None:
    story = make_story()
    en = story.translations.get(language="en")
    _post(
        page,
        live_server.url + en.get_absolute_url(),
        name="Ravi Kumar",
        email="ravi@example.org",
        body="Good report on the talks.",
    )
    comment = Comment.objects.get()
    assert page.url.endswith(f"{en.get_absolute_url()}#comment-{comment.pk}")
    item = page.locator(f"#comment-{comment.pk}")
    assert "Good report on the talks." in item.inner_text()
    assert "awaiting moderation" in item.locator(".awaiting-moderation").inner_text()
    assert comment.status == CommentStatus.PENDING


def test_reader_posts_in_hindi_and_sees_awaiting_moderation(live_server, page) -> None:
    story = make_story()
    hi = story.translations.get(language="hi")
    body = "पुतिन और मोदी की बातचीत पर अच्छी रिपोर्ट। क्‍या बात है!"
    _post(
        page,
        live_server.url + hi.get_absolute_url(),
        name="सुनीता शर्मा",
        email="sunita@example.org",
        body=body,
    )
    comment = Comment.objects.get()
    assert comment.language == "hi" and comment.name == "सुनीता शर्मा"
    assert comment.body == body
    assert page.evaluate("document.documentElement.lang") == "hi"
    item = page.locator(f"#comment-{comment.pk}")
    assert body in item.inner_text()
    assert item.locator(".awaiting-moderation").is_visible()


def test_refused_comment_comes_back_filled_in(live_server, page) -> None:
    story = make_story()
    en = story.translations.get(language="en")
    body = "Links: http://a.example http://b.example http://c.example"
    _post(
        page,
        live_server.url + en.get_absolute_url(),
        name="Meera",
        email="meera@example.org",
        body=body,
    )
    assert page.input_value("#comment-name") == "Meera"
    assert page.input_value("#comment-email") == "meera@example.org"
    assert page.input_value("#comment-body") == body
    assert "Please keep to 2 links" in page.locator(".field-body").inner_text()
    assert not Comment.objects.exists()
    # Fix the text and send again from the same page.
    page.fill("#comment-body", "Just one link: http://a.example")
    with page.expect_navigation():
        page.click(".comment-form button[type=submit]")
    assert Comment.objects.get().body == "Just one link: http://a.example"


def test_moderator_clears_a_queue_of_spam_in_a_few_clicks(live_server, page, admin_user) -> None:
    story = make_story()
    for n in range(25):
        Comment.objects.create(
            story=story,
            language="en",
            name=f"Bot {n}",
            email=f"bot{n}@example.org",
            body=f"cheap casino pills {n}",
            spam_score=0.99,
        )
    Comment.objects.create(
        story=story,
        language="en",
        name="Reader",
        email="r@example.org",
        body="real",
        spam_score=0.1,
    )
    page.goto(live_server.url + "/admin/login/?next=/admin/comments/comment/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.goto(live_server.url + "/admin/comments/comment/?status__exact=pending&score=high")
    page.check("#action-toggle")
    page.select_option("select[name=action]", "mark_spam")
    page.click("button[name=index]")
    page.wait_for_load_state("load")
    assert Comment.objects.filter(status=CommentStatus.SPAM).count() == 25
    assert Comment.objects.get(name="Reader").status == CommentStatus.PENDING


def test_comments_and_refused_form_are_accessible(live_server, page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    story = make_story()
    first = Comment.objects.create(
        story=story,
        language="en",
        name="First",
        email="f@example.org",
        body="A first comment with https://example.org a link.",
        status=CommentStatus.APPROVED,
    )
    Comment.objects.create(
        story=story,
        language="hi",
        name="दूसरा",
        email="s@example.org",
        body="एक जवाब",
        parent=first,
        status=CommentStatus.APPROVED,
    )
    en = story.translations.get(language="en")
    _post(
        page,
        live_server.url + en.get_absolute_url() + f"?reply_to={first.pk}",
        name="   ",  # passes the browser's `required`, refused by the server
        email="reader@example.org",
        body="x" * 6000,
    )
    assert page.url.endswith("/comments/post/#respond")
    assert page.locator(".field-body .errorlist").is_visible()
    results = Axe().run(page, context={"include": [["#comments"]]})
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_reader_replies_without_javascript(live_server, browser) -> None:
    story = make_story()
    first = Comment.objects.create(
        story=story,
        language="en",
        name="First",
        email="f@example.org",
        body="Opening comment.",
        status=CommentStatus.APPROVED,
    )
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + story.translations.get(language="en").get_absolute_url())
        page.click(f"#comment-{first.pk} .comment-reply a")
        assert page.locator("#respond-h").inner_text() == "Reply to First"
        page.fill("#comment-name", "Second")
        page.fill("#comment-email", "second@example.org")
        page.fill("#comment-body", "A reply, sent with JavaScript off.")
        page.click(".comment-form button[type=submit]")
        page.wait_for_load_state("load")
        reply = Comment.objects.get(name="Second")
        assert reply.parent_id == first.pk
        nested = page.locator(f"#comment-{first.pk} .comment-children #comment-{reply.pk}")
        assert "awaiting moderation" in nested.inner_text()
    finally:
        context.close()
