"""Imported text goes under the language it is in, decided from its script and what the source
declares; text in a language the site does not publish is refused (or, with --language, stored
under the language the user names)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import override_settings

from patrika.importers.base import ImportOptions
from patrika.importers.runner import run_import
from patrika.newsroom.models import Translation

pytestmark = pytest.mark.django_db

TEXT = {
    "en": "Heavy rain has lashed the city since morning. The weather office said the rain "
    "would continue for two more days and that low-lying areas could be flooded.",
    "hi": "दिल्ली में आज सुबह से तेज़ बारिश हो रही है। मौसम विभाग ने कहा है कि अगले दो दिन "
    "बारिश जारी रहेगी और निचले इलाकों में पानी भर सकता है।",
    "mr": "पुण्यात आज सकाळपासून जोरदार पाऊस पडत आहे. हवामान विभागाने सांगितले की पुढील दोन "
    "दिवस पाऊस सुरू राहील आणि सखल भागात पाणी साचू शकते.",
    "bn": "কলকাতায় আজ সকাল থেকে ভারী বৃষ্টি হচ্ছে। আবহাওয়া দফতর জানিয়েছে, আগামী দুই দিন "
    "বৃষ্টি চলবে এবং নিচু এলাকায় জল জমতে পারে।",
    "ur": "لاہور میں آج صبح سے تیز بارش ہو رہی ہے۔ محکمہ موسمیات کے مطابق اگلے دو دن تک بارش "
    "جاری رہے گی اور نشیبی علاقوں میں پانی جمع ہو سکتا ہے۔",
    "ta": "சென்னையில் இன்று காலை முதல் கனமழை பெய்து வருகிறது. அடுத்த இரண்டு நாட்களுக்கு "
    "மழை தொடரும் என்று வானிலை ஆய்வு மையம் தெரிவித்துள்ளது.",
}
TITLE = {
    "en": "Rain lashes the city",
    "hi": "शहर में तेज़ बारिश",
    "mr": "शहरात जोरदार पाऊस",
    "bn": "শহরে ভারী বৃষ্টি",
    "ur": "شہر میں تیز بارش",
    "ta": "நகரில் கனமழை",
}
WITH_MARATHI = [("en", "English"), ("hi", "Hindi"), ("mr", "Marathi")]


def _page(tmp_path: Path, content: str, *, lang: str | None, title: str, head: str = "") -> Path:
    attribute = f' lang="{lang}"' if lang else ""
    path = tmp_path / "page.html"
    path.write_text(
        f"""<!DOCTYPE html><html{attribute}><head><meta charset="utf-8"><title>{title}</title>
{head}</head><body><article><h1>{title}</h1><p>{content}</p><p>{content}</p></article>
</body></html>""",
        encoding="utf-8",
    )
    return path


def _html(path: Path, **options: object):
    pytest.importorskip("lxml_html_clean")
    return run_import(kind="html", paths=[path], options=ImportOptions(**options))


# (page lang, text, what the refusal names)
REFUSED = [
    ("bn", "bn", "Bangla"),
    (None, "bn", "Bangla script"),
    ("en", "bn", "Bangla script"),  # a template's lang="en" over a Bengali article
    ("ur", "ur", "Urdu"),
    (None, "ur", "Arabic script"),
    ("mr", "mr", "Marathi"),  # Devanagari, but not Hindi
    ("mr-IN", "mr", "Marathi"),
    ("ta", "ta", "Tamil"),
    (None, "ta", "Tamil script"),
]


@pytest.mark.parametrize(("lang", "text", "named"), REFUSED)
def test_page_in_a_language_the_site_does_not_publish_is_refused(
    tmp_path: Path, lang: str | None, text: str, named: str
) -> None:
    result = _html(_page(tmp_path, TEXT[text], lang=lang, title=TITLE[text]))
    assert (result.created, result.failed) == (0, 1), result.summary()
    [failure] = result.failures
    assert "page.html" in failure.reason and named in failure.reason
    assert "not one of this site's languages" in failure.reason or "none of" in failure.reason
    assert "--language" in failure.reason
    assert not Translation.objects.exists()


@pytest.mark.parametrize(("lang", "text", "named"), REFUSED)
def test_with_language_the_page_is_stored_under_the_language_named(
    tmp_path: Path, lang: str | None, text: str, named: str
) -> None:
    result = _html(_page(tmp_path, TEXT[text], lang=lang, title=TITLE[text]), language="hi")
    assert result.created == 1, result.summary()
    translation = Translation.objects.get()
    assert (translation.language, translation.title) == ("hi", TITLE[text])


@override_settings(LANGUAGES=WITH_MARATHI)
def test_marathi_page_goes_to_marathi_when_the_site_publishes_it(tmp_path: Path) -> None:
    _html(_page(tmp_path, TEXT["mr"], lang="mr", title=TITLE["mr"]))
    assert Translation.objects.get().language == "mr"
    Translation.objects.all().delete()
    _html(_page(tmp_path, TEXT["hi"], lang="hi", title=TITLE["hi"]))
    assert Translation.objects.get().language == "hi"


@pytest.mark.parametrize(
    ("lang", "content", "head", "expected"),
    [
        # Mixed pages: a quote in another script does not change the language.
        ("hi", TEXT["hi"] + " “We will manage,” he said in English.", "", "hi"),
        ("en", TEXT["en"] + " A sign read: " + TITLE["bn"] + ".", "", "en"),
        ("en-IN", TEXT["en"] + " " + TITLE["ur"], "", "en"),
        ("hi-IN", TEXT["hi"], "", "hi"),
        (None, TEXT["hi"], "", "hi"),
        (None, TEXT["en"], "", "en"),
        # A template's lang="en" over a Hindi article, and the reverse: the script wins.
        ("en", TEXT["hi"], "", "hi"),
        ("hi", TEXT["en"], "", "en"),
        # No lang attribute: the page's metadata declares the language.
        (None, TEXT["hi"], '<meta property="og:locale" content="hi_IN">', "hi"),
    ],
)
def test_mixed_and_mislabelled_pages(
    tmp_path: Path, lang: str | None, content: str, head: str, expected: str
) -> None:
    title = TITLE[expected]
    result = _html(_page(tmp_path, content, lang=lang, title=title, head=head))
    assert result.created == 1, result.summary()
    assert Translation.objects.get().language == expected
    mislabelled = lang and lang.split("-")[0] != expected
    assert bool(result.warnings) == bool(mislabelled), result.warnings


@pytest.mark.parametrize(
    ("head", "named"),
    [
        ('<meta property="og:locale" content="mr_IN">', "Marathi"),
        ('<meta http-equiv="content-language" content="mr">', "Marathi"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "inLanguage": "mr"}'
         "</script>", "Marathi"),
    ],
)  # fmt: skip
def test_metadata_declares_the_language_when_no_element_does(
    tmp_path: Path, head: str, named: str
) -> None:
    result = _html(_page(tmp_path, TEXT["mr"], lang=None, title=TITLE["mr"], head=head))
    assert result.failed == 1 and named in result.failures[0].reason


def test_the_lang_of_the_article_counts_over_the_page_template(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        f"""<html lang="en"><head><title>{TITLE["mr"]}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article lang="mr"><h1>{TITLE["mr"]}</h1><p>{TEXT["mr"]}</p><p>{TEXT["mr"]}</p></article>
</body></html>""",
        encoding="utf-8",
    )
    result = _html(page)
    assert result.failed == 1 and "Marathi" in result.failures[0].reason


# Text dumps ------------------------------------------------------------------------------------
def _dump(tmp_path: Path, *languages: str) -> Path:
    path = tmp_path / "dump.txt"
    parts = [f"{TITLE[code]}\n\n{TEXT[code]}\n" for code in languages]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _text(path: Path, **options: object):
    return run_import(kind="text", paths=[path], options=ImportOptions(**options))


@pytest.mark.parametrize(("languages", "script"), [(("bn",), "Bangla"), (("en", "ta"), "Tamil")])
def test_dump_with_text_in_a_script_no_language_uses_is_refused(
    tmp_path: Path, languages: tuple[str, ...], script: str
) -> None:
    result = _text(_dump(tmp_path, *languages))
    assert result.failed == 1, result.summary()
    reason = result.failures[0].reason
    assert f"{script} script" in reason and "line " in reason and "--language" in reason
    assert not Translation.objects.exists()


def test_dump_with_language_stores_it_under_that_language(tmp_path: Path) -> None:
    _text(_dump(tmp_path, "en", "bn"), language="hi")
    stored = dict(Translation.objects.values_list("language", "title"))
    assert stored == {"en": TITLE["en"], "hi": TITLE["bn"]}


@override_settings(LANGUAGES=WITH_MARATHI)
def test_dump_devanagari_goes_to_the_language_named(tmp_path: Path) -> None:
    _text(_dump(tmp_path, "en", "mr"), language="mr")
    assert dict(Translation.objects.values_list("language", "title")) == {
        "en": TITLE["en"],
        "mr": TITLE["mr"],
    }


# WordPress and JSON ----------------------------------------------------------------------------
def _wxr(tmp_path: Path, language: str | None, code: str) -> Path:
    category = f'<category domain="language" nicename="{language}">{language}</category>'
    path = tmp_path / "export.xml"
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Site</title>
<link>https://site.example</link><language>en-US</language>
<item><title>{TITLE[code]}</title><content:encoded><![CDATA[<p>{TEXT[code]}</p>]]>
</content:encoded><wp:post_id>3</wp:post_id><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>{category if language else ""}</item>
</channel></rss>""",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("language", "code", "named"), [("bn", "bn", "Bangla"), (None, "ta", "Tamil")]
)
def test_wordpress_post_in_a_language_the_site_does_not_publish(
    tmp_path: Path, language: str | None, code: str, named: str
) -> None:
    path = _wxr(tmp_path, language, code)
    result = run_import(kind="wordpress", paths=[path], options=ImportOptions())
    assert result.failed == 1 and named in result.failures[0].reason, result.summary()
    result = run_import(kind="wordpress", paths=[path], options=ImportOptions(language="hi"))
    assert result.created == 1, result.summary()
    assert Translation.objects.get().language == "hi"


def test_json_translation_in_a_language_the_site_does_not_publish(tmp_path: Path) -> None:
    story = {"id": 1, "translations": [{"language": "bn", "title": TITLE["bn"]}]}
    path = tmp_path / "archive.json"
    path.write_text(
        json.dumps({"format": "patrika-export", "version": 1, "stories": [story]}),
        encoding="utf-8",
    )
    result = run_import(kind="json", paths=[path], options=ImportOptions())
    assert result.failed == 1
    assert "Bangla" in result.failures[0].reason and "en, hi" in result.failures[0].reason
