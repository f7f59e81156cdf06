from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from django.utils import timezone

from patrika.importers.base import ImportOptions
from patrika.importers.html import extract_page
from patrika.importers.runner import run_import
from patrika.newsroom.models import Story, StoryStatus
from patrika.safe_url import is_public_url
from patrika.tests.hostile_urls import HOSTILE_IDS, HOSTILE_VALUES

HTML = Path(__file__).parent / "fixtures" / "html"

# trafilatura 2.3 (through jusText) needs lxml.html.clean, a separate package since lxml 5.2.
pytest.importorskip("lxml_html_clean", reason="pip install lxml-html-clean==0.4.6")


def _run(*paths: Path, **options: object):
    return run_import(kind="html", paths=list(paths), options=ImportOptions(**options))


@pytest.mark.django_db
def test_article_is_extracted_without_page_furniture() -> None:
    result = _run(HTML / "rail-corridor.html")
    assert result.created == 1, result.summary()
    story = Story.objects.get()
    t = story.translations.get()
    assert t.language == "en"
    assert t.title == "New freight corridor cuts Delhi–Mumbai transit time"
    assert t.body.startswith("The western dedicated freight corridor opened")
    assert "## What changes for shippers" in t.body
    assert "- Speeds of up to 100 km/h" in t.body
    assert "**twenty hours**" in t.body
    assert "[new passenger services](https://metroledger.example.com/india/" in t.body
    for furniture in ("Subscribe", "Share this", "Related stories", "Leave a Comment",
                      "email address", "All rights reserved", "Follow us"):  # fmt: skip
        assert furniture not in t.body
    assert "# New freight corridor" not in t.body  # the page's h1 is the title
    assert t.summary == "The western dedicated freight corridor is now fully open."
    assert [a.name for a in story.authors.all()] == ["Kavita Rao"]
    assert timezone.localtime(story.published_at).date().isoformat() == "2025-09-14"
    assert story.status == StoryStatus.DRAFT
    source = story.sources.get()
    assert source.publisher == "Metro Ledger"
    assert source.url == "https://metroledger.example.com/india/freight-corridor-transit-time"
    assert story.import_source == "html:" + source.url


@pytest.mark.django_db
def test_hindi_page_and_folder_import() -> None:
    result = _run(HTML, publish=True)
    assert (result.created, result.failed) == (len(list(HTML.glob("*.html"))) - 1, 1)
    assert "empty-page.html" in result.failures[0].reason
    assert "no article text" in result.failures[0].reason
    story = Story.objects.get(translations__title="किसानों के लिए नई ई-मंडी शुरू")
    t = story.translations.get()
    assert t.language == "hi" and t.title == "किसानों के लिए नई ई-मंडी शुरू"
    assert "## कैसे करें पंजीकरण" in t.body
    assert "शेयर करें" not in t.body and "होम" not in t.body
    assert [a.name for a in story.authors.all()] == ["सुरेश यादव"]
    assert story.status == StoryStatus.PUBLISHED


@pytest.mark.django_db
def test_reimport_updates_in_place() -> None:
    _run(HTML / "kisan-mandi.html")
    again = _run(HTML / "kisan-mandi.html")
    assert again.created == 0 and again.skipped == 1
    assert Story.objects.count() == 1


@pytest.mark.django_db
def test_binary_file_is_a_clear_failure(tmp_path: Path) -> None:
    junk = tmp_path / "photo.html"
    junk.write_bytes(bytes(range(256)) * 8)
    result = _run(junk)
    assert result.failed == 1 and "photo.html" in result.failures[0].reason


@pytest.mark.django_db
@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_a_page_address_that_is_not_public_is_left_out(tmp_path: Path, url: str) -> None:
    own = "https://metroledger.example.com/india/freight-corridor-transit-time"
    raw = (HTML / "rail-corridor.html").read_text(encoding="utf-8")
    path = tmp_path / "page.html"
    path.write_text(raw.replace(f'"{own}"', f'"{escape(url)}"'), encoding="utf-8")
    # What trafilatura reads as the page's address (it drops some schemes by itself).
    found = extract_page(path.read_bytes(), path=path).url
    result = _run(path)
    assert (result.created, result.failed) == (1, 0), result.summary()
    source = Story.objects.get().sources.get()
    assert source.publisher == "Metro Ledger"
    refused = [w for w in result.warnings if w.startswith(f"{path}: ") and "refused" in w]
    if found and is_public_url(found):  # "//host/x" read as https://host/x
        assert (source.url, refused) == (found, [])
    else:
        assert (source.url, len(refused)) == ("", 1 if found else 0), result.summary()


# Saved pages in the shape of real ones: the headline without the site's name and the date the
# <title> adds, and no "Read more" / "Also read" / "यह भी पढ़ें" link lines.
PAGES = [
    (
        "dw-coal-exit.html",
        "Germany's coalition agrees on coal exit plan",
        ["Germany's federal government", "The cabinet is expected"],
        ["coal commission", "Lignite towns", "Lusatia", "Read more", "Also read"],
    ),
    (
        "bbc-hindi-monsoon.html",
        "मॉनसून: केरल में तीन दिन पहले पहुंची बारिश, किसानों को राहत",
        ["## कितनी बारिश की उम्मीद", "हालांकि विशेषज्ञों ने आगाह किया"],
        ["इसे भी पढ़ें", "ये भी पढ़ें", "पारा 47 डिग्री", "अल नीनो क्या है", "BBC News"],
    ),
    (
        "bhaskar-mandi-prices.html",
        "गेहूं के दाम में उछाल, मंडियों में आवक घटी",
        ["इंदौर की मंडी में", "सरकार ने कहा है"],
        ["यह भी पढ़ें", "ये भी पढ़ें", "सोने का भाव", "सरसों की फसल", "चने के दाम", "अंग्रेज़ी"],
    ),
    (
        "ukbdnews-budget.html",
        "Bangladesh budget raises spending on schools and clinics",
        ["The finance minister presented", "final vote at the end of June"],
        ["Read More", "Remittances"],
    ),
    (
        "blog-travel-notes.html",
        # "What Nobody Tells You" is the post's own subtitle: no metadata names it, it stays.
        "Ladakh in Winter | What Nobody Tells You",
        ["I spent three weeks in Leh", "butter tea"],
        ["Also read", "Spiti", "Read more", "Zanskar", "Mountain Diaries", "Related"],
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "headline", "kept", "dropped"), PAGES, ids=[p[0] for p in PAGES])
def test_real_shaped_pages(name: str, headline: str, kept: list[str], dropped: list[str]) -> None:
    result = _run(HTML / name)
    assert result.created == 1, result.summary()
    translation = Story.objects.get().translations.get()
    assert translation.title == headline
    for text in kept:
        assert text in translation.body, text
    for text in dropped:
        assert text not in translation.body, text
    assert not translation.body.startswith("#")  # the page's own h1 is the title


def test_bhaskar_author_is_kept_as_the_page_writes_it() -> None:
    from patrika.importers.html import extract_page

    page = extract_page((HTML / "bhaskar-mandi-prices.html").read_bytes(), path=Path("p.html"))
    assert page.author == ["राजेश शर्मा"]  # trafilatura alone gives "राजेश शर्म"
