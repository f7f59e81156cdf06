"""In Chromium, under the site's policies: nothing a reader or an editor does is refused (no
`securitypolicyviolation` event, no console error), and code injected inline is refused."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Response

from patrika.comments.models import Comment
from patrika.newsroom.demo import SAMPLE_KEY, load_demo
from patrika.newsroom.models import Story, Tag, Translation
from patrika.newsroom.tests.factories import make_story
from patrika.tests.failing_urls import FAILING_PATH
from patrika.tests.policy import header_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Installed in every page before its own scripts; reports each refusal to the test.
RECORDER = """
document.addEventListener('securitypolicyviolation', (event) => {
  window.__reportViolation({
    page: location.href, directive: event.violatedDirective, blocked: event.blockedURI,
    source: event.sourceFile, line: event.lineNumber, sample: event.sample,
  });
});
"""


@dataclass
class PolicyWatch:
    """What the browser refused or complained about, across every page of a context."""

    violations: list[dict[str, Any]] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    documents: list[Response] = field(default_factory=list)

    def on_violation(self, violation: dict[str, Any]) -> None:
        self.violations.append(violation)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning") or "Policy" in message.text:
            self.console.append(f"{message.type}: {message.text} ({message.location})")

    def on_response(self, response: Response) -> None:
        if response.request.resource_type == "document":
            self.documents.append(response)

    def problems(self) -> dict[str, list[Any]]:
        unprotected = [
            (r.url, problems) for r in self.documents if (problems := header_problems(r.headers))
        ]
        return {
            "violations": self.violations,
            "console": self.console,
            "pages without the policies": unprotected,
        }


@pytest.fixture
def watch(page: Page) -> PolicyWatch:
    watched = PolicyWatch()
    context: BrowserContext = page.context
    context.expose_function("__reportViolation", watched.on_violation)
    context.add_init_script(RECORDER)
    context.on("console", watched.on_console)
    context.on("weberror", lambda error: watched.console.append(f"uncaught: {error.error}"))
    context.on("response", watched.on_response)
    return watched


NO_PROBLEMS = {"violations": [], "console": [], "pages without the policies": []}


@pytest.fixture
def demo_site(live_server) -> str:
    load_demo(generated=6)
    return live_server.url


def _sample(lang: str) -> Translation:
    return Story.objects.get(import_source=SAMPLE_KEY).translations.get(language=lang)


def _settle(page: Page) -> None:
    # Violation reports travel to the test asynchronously; let them arrive before judging.
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise((done) => setTimeout(done, 0))")


def test_inline_code_injected_into_a_page_is_refused_and_seen(demo_site, page, watch) -> None:
    page.goto(demo_site + _sample("en").get_absolute_url())
    _settle(page)
    page.evaluate(
        """() => new Promise((done) => {
          const script = document.createElement('script');
          script.textContent = 'window.__injected = true';
          document.head.append(script);
          const img = document.createElement('img');
          img.onload = img.onerror = () => setTimeout(done, 0);
          img.src = 'http://tracker.example/pixel.gif';
          document.body.append(img);
        })"""
    )
    _settle(page)
    assert page.evaluate("window.__injected === undefined")
    refused = sorted((v["directive"], v["blocked"]) for v in watch.violations)
    assert refused == [
        ("img-src", "http://tracker.example/pixel.gif"),
        ("script-src-elem", "inline"),
    ]


def test_reader_reads_searches_and_comments_without_a_refusal(
    demo_site, page, watch, settings
) -> None:
    settings.PATRIKA_COMMENTS_MIN_FILL_SECONDS = 0  # the fill-time rule has its own tests
    page.goto(demo_site + "/")
    page.get_by_role("link", name=_sample("en").title).first.click()
    _settle(page)
    assert page.locator("script[type='application/ld+json']").count() == 1
    page.get_by_role("link", name="हिन्दी").first.click()
    _settle(page)
    assert page.locator("html").get_attribute("lang") == "hi"
    page.locator(".bilingual-link").click()
    _settle(page)
    page.locator('.jump a[href="#story-hi"]').click()
    page.wait_for_function("location.hash === '#story-hi'")

    page.goto(demo_site + "/hi/")
    page.fill("#q", "पुतिन")
    with page.expect_navigation():
        page.press("#q", "Enter")
    _settle(page)
    assert "/hi/search/" in page.url

    for lang, name, body in (
        ("en", "Ravi Kumar", "Good report on the talks."),
        ("hi", "सुनीता शर्मा", "पुतिन और मोदी की बातचीत पर अच्छी रिपोर्ट।"),
    ):
        page.goto(demo_site + _sample(lang).get_absolute_url())
        page.fill("#comment-name", name)
        page.fill("#comment-email", "reader@example.org")
        page.fill("#comment-body", body)
        with page.expect_navigation():
            page.click(".comment-form button[type=submit]")
        _settle(page)
        assert "#comment-" in page.url
        assert page.locator(".awaiting-moderation").first.is_visible()
    assert Comment.objects.count() == 2
    assert watch.problems() == NO_PROBLEMS


@pytest.mark.urls("patrika.tests.failing_urls")
def test_error_pages_show_without_a_refusal(demo_site, page, watch) -> None:
    for path, status in (("/en/news/no-such-story/", 404), (FAILING_PATH, 500)):
        response = page.goto(demo_site + path)
        assert response is not None and response.status == status
        _settle(page)
    # The browser reports each failed page load itself; that is the point of these pages.
    watch.console = [line for line in watch.console if "Failed to load resource" not in line]
    assert watch.problems() == NO_PROBLEMS


def test_editor_edits_a_story_in_the_admin_without_a_refusal(
    demo_site, page, watch, admin_user
) -> None:
    # English only: saving a Hindi slug back through the admin form is refused by Django's
    # slug validator (matras are not \w), a separate issue from the policies.
    story = make_story(hi=None, tags=["Putin and Modi Talks"])
    other_tag = Tag.objects.exclude(stories=story).order_by("name").first()
    assert other_tag is not None
    page.goto(demo_site + "/admin/login/?next=/admin/newsroom/story/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.goto(demo_site + f"/admin/newsroom/story/{story.pk}/change/")
    _settle(page)

    # Date and time pickers.
    page.click("#calendarlink0")
    page.locator("#calendarbox0").get_by_role("link", name="Today").click()
    page.click("#clocklink0")
    page.locator("#clockbox0").get_by_role("link", name="Now").click()

    # Inlines: a translation added and removed again, a source added and filled in.
    translations = page.locator("#translations-group .inline-related:not(.empty-form)")
    before = translations.count()
    page.locator("#translations-group .add-row a").click()
    assert translations.count() == before + 1
    translations.last.locator(".inline-deletelink").click()
    assert translations.count() == before
    page.locator("#sources-group .add-row a").click()
    source_rows = page.locator("#sources-group tr.dynamic-sources:not(.empty-form)")
    source_rows.last.locator("input[name$='-title']").fill("Press release")

    # Autocomplete: an existing tag found by typing.
    page.locator(".field-tags .select2-selection").click()
    page.locator(".field-tags .select2-search__field").fill(other_tag.name[:4])
    page.locator(".select2-results__option", has_text=other_tag.name).first.click()

    # A new tag in the pop-up window, its slug left empty: the server makes it, matras kept.
    with page.expect_popup() as opened:
        page.click("#add_id_tags")
    popup = opened.value
    popup.wait_for_load_state("load")
    popup.fill("#id_name", "मोदी वार्ता")
    assert popup.input_value("#id_slug") == ""
    with popup.expect_event("close"):
        popup.click("input[name=_save]")

    with page.expect_navigation():
        page.click("input[name=_save]")
    _settle(page)
    assert page.locator(".errorlist").all_inner_texts() == []
    assert page.locator(".messagelist .success").is_visible()
    names = set(story.tags.values_list("name", flat=True))
    assert {other_tag.name, "मोदी वार्ता"} <= names
    assert Tag.objects.get(name="मोदी वार्ता").slug == "मोदी-वार्ता"
    assert story.sources.filter(title="Press release").exists()
    assert User.objects.get(username="admin").is_superuser
    # Chromium asks a new window (the tag pop-up) for /favicon.ico, which the site does not
    # serve; whether that 404 is logged before the window closes is a race, not a policy.
    watch.console = [line for line in watch.console if "/favicon.ico" not in line]
    assert watch.problems() == NO_PROBLEMS
