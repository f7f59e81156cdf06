import io

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone, translation
from django.utils.html import escape
from PIL import Image as PILImage

from patrika.newsroom import services
from patrika.newsroom.demo import TOPICS, load_demo
from patrika.newsroom.models import Author, Image, Section, Story, StoryStatus, Tag, Translation
from patrika.newsroom.services import StoryData, TranslationData
from patrika.newsroom.tests.factories import (
    make_section,
    make_story,
    media_files,
    png_of_one_colour,
)
from patrika.safe_url import MESSAGES
from patrika.tests.hostile_urls import HOSTILE_IDS, HOSTILE_VALUES, PUBLIC_URLS
from patrika.text import normalize

pytestmark = pytest.mark.django_db


def _inline_management(prefix: str, total: int) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_changelist_filters_and_search(admin_client) -> None:
    make_story(en="Monsoon reaches Delhi", section=make_section())
    for query in (
        "",
        "?status__exact=published",
        "?language=hi",
        "?q=Monsoon",
        "?section__id__exact=1",
    ):
        response = admin_client.get("/admin/newsroom/story/" + query)
        assert response.status_code == 200, query
    assert "Monsoon reaches Delhi" in admin_client.get("/admin/newsroom/story/?q=Monsoon").text


def test_editor_creates_a_bilingual_story_in_the_admin(admin_client, client) -> None:
    now = timezone.localtime()
    data = {
        "status": StoryStatus.PUBLISHED,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": (now - timezone.timedelta(minutes=5)).strftime("%H:%M:%S"),
        "original_language": "hi",
        "comments_open": "on",
        **_inline_management("translations", 2),
        "translations-0-language": "hi",
        "translations-0-state": "ready",
        "translations-0-title": "संसद में बजट पेश",
        "translations-0-body": "## मुख्य बातें\n\nबजट पेश हुआ।",
        "translations-1-language": "en",
        "translations-1-state": "ready",
        "translations-1-title": "Budget presented in Parliament",
        "translations-1-body": "The budget was presented.",
        **_inline_management("sources", 1),
        "sources-0-title": "Budget speech",
        "sources-0-publisher": "PIB",
        "sources-0-position": "0",
    }
    response = admin_client.post("/admin/newsroom/story/add/", data)
    assert response.status_code == 302, response.text[:3000]
    story = Story.objects.get()
    # The status is the desk's (buttons and actions), not a field: the new story is a draft.
    assert story.status == StoryStatus.DRAFT
    admin_client.post(
        "/admin/newsroom/story/", {"action": "publish_selected", "_selected_action": [story.pk]}
    )
    story.refresh_from_db()
    assert story.meta["sources"][0]["publisher"] == "PIB"
    hindi = story.translations.get(language="hi")
    assert hindi.slug == "संसद-में-बजट-पेश"
    page = client.get(hindi.get_absolute_url())
    assert page.status_code == 200
    assert "<h2>मुख्य बातें</h2>" in page.text and "PIB" in page.text


def test_publish_action(admin_client) -> None:
    story = make_story(status=StoryStatus.DRAFT)
    admin_client.post(
        "/admin/newsroom/story/",
        {"action": "publish_selected", "_selected_action": [story.pk]},
    )
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED


TRANSLATION_FIELDS = [
    f.name for f in Translation._meta.concrete_fields if f.name not in ("id", "updated_at")
]


def _change_form(admin_client: Client, story: Story) -> dict[str, list[str]]:
    """Every field of the story's change form as a browser posts it back: inline formsets,
    their management forms and empty templates included."""
    response = admin_client.get(f"/admin/newsroom/story/{story.pk}/change/")
    assert response.status_code == 200
    (form,) = lxml.html.fromstring(response.text).xpath('//form[@id="story_form"]')
    data: dict[str, list[str]] = {"_save": ["Save"]}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    return data


def _translation_prefix(data: dict[str, list[str]], language: str) -> str:
    (prefix,) = [
        name.removesuffix("-language")
        for name, values in data.items()
        if name.startswith("translations-") and name.endswith("-language") and values == [language]
    ]
    return prefix


def _submit(admin_client: Client, story: Story, data: dict[str, list[str]]) -> None:
    response = admin_client.post(f"/admin/newsroom/story/{story.pk}/change/", data)
    if response.status_code != 302:
        errors = lxml.html.fromstring(response.text).xpath(
            '//*[contains(@class, "errorlist") or contains(@class, "errornote")]'
        )
        pytest.fail(f"{story.import_source}: {[e.text_content().strip() for e in errors]}")
    assert response.url == "/admin/newsroom/story/"


def _saved_content(story: Story) -> list:
    story = Story.objects.get(pk=story.pk)
    translations = story.translations.order_by("language")
    return [
        # The admin's date and time inputs show whole seconds.
        story.published_at.replace(microsecond=0),
        *[(f, getattr(story, f)) for f in ("status", "section_id", "comments_open")],
        *[(f, getattr(story, f)) for f in ("original_language", "featured_image_id")],
        list(story.tags.values_list("pk", "slug")),
        list(story.authors.values_list("pk", "slug")),
        list(story.sources.values_list("title", "publisher", "url", "position")),
        # Django's form fields strip surrounding whitespace (the demo bodies end in "\n").
        [
            tuple(v.strip() if isinstance(v, str) else v for v in row)
            for row in translations.values_list(*TRANSLATION_FIELDS)
        ],
    ]


def _edit_and_read(
    admin_client: Client, client: Client, story: Story, *, language: str, n: int
) -> None:
    """Save the form unchanged (nothing may change), then with a new title and body in
    `language`, and find them on the public page in that language."""
    before = _saved_content(story)
    _submit(admin_client, story, _change_form(admin_client, story))
    assert _saved_content(story) == before, story.import_source

    data = _change_form(admin_client, story)
    prefix = _translation_prefix(data, language)
    # Nukta, chandrabindu, anusvara, virama and a Devanagari digit, as typed (maybe not NFC).
    title = f"ज़िले में बूँदाबाँदी से राहत, किसानों ने कहा — शुक्रिया ({n}) १"
    data[f"{prefix}-title"] = [title]
    data[f"{prefix}-body"] = [f"## ताज़ा हालात\n\nसुबह से बारिश; खेतों तक पानी पहुँचा। ({n})"]
    _submit(admin_client, story, data)
    translation = story.translations.get(language=language)
    page = client.get(translation.get_absolute_url())
    assert page.status_code == 200, story.import_source
    assert normalize(title) in page.text
    assert normalize("<h2>ताज़ा हालात</h2>") in page.text
    assert normalize(f"खेतों तक पानी पहुँचा। ({n})") in page.text


def test_every_demo_story_saves_in_the_admin(admin_client, client) -> None:
    load_demo(generated=len(TOPICS))
    stories = list(Story.objects.order_by("pk"))
    assert len(stories) == len(TOPICS) + 1
    for n, story in enumerate(stories):
        _edit_and_read(admin_client, client, story, language="hi", n=n)


@override_settings(LANGUAGES=[("en", "English"), ("hi", "Hindi"), ("mr", "Marathi")])
def test_marathi_story_saves_in_the_admin(admin_client, client) -> None:
    story = services.story_save(
        data=StoryData(
            status=StoryStatus.PUBLISHED,
            published_at=timezone.now() - timezone.timedelta(minutes=1),
            tags=["पुणे", "पाऊस"],
            authors=["मराठी डेस्क"],
            translations=[
                TranslationData(language="en", title="Rain in Pune", body="It rained."),
                TranslationData(
                    language="mr", title="पुण्यात पावसाची हजेरी", body="पाऊस पडला, झाडं हिरवी झाली."
                ),
            ],
        )
    )
    _edit_and_read(admin_client, client, story, language="mr", n=1)


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("tag", {"name": "मोदी–पुतिन वार्ता", **_inline_management("names", 0)}),
        ("author", {"name": "राहुल सिंह", "bio": "", "email": ""}),
        ("section", {"position": "0", **_inline_management("names", 0)}),
    ],
)
def test_slugs_typed_in_the_admin(admin_client, path: str, fields: dict[str, str]) -> None:
    """Hindi slugs with matras, nukta and virama save; spaces, slashes, capitals, underscores
    and punctuation are refused with the one validator's message."""
    url = f"/admin/newsroom/{path}/add/"
    for n, slug in enumerate(["मोदी-पुतिन-वार्ता", "ज़िला-समाचार", "२०२६-चुनाव", "world"]):
        data = {**fields, "slug": slug}
        if "name" in data:
            data["name"] = f"{data['name']} {n}"
        response = admin_client.post(url, data)
        assert response.status_code == 302, response.text[:2000]
        assert normalize(slug) in {normalize(s) for s in _slugs(path)}
    for slug in ["मोदी पुतिन", "a/b", "World", "a_b", "मोदी?", "-a"]:
        response = admin_client.post(url, {**fields, "name": "x", "slug": slug})
        assert response.status_code == 200, slug
        assert "is not a valid slug" in response.text, slug


def _slugs(path: str) -> list[str]:
    model = {"tag": Tag, "author": Author, "section": Section}[path]
    return list(model.objects.values_list("slug", flat=True))


def test_a_slug_typed_for_a_hindi_translation(admin_client) -> None:
    story = make_story(hi="बजट पेश")
    data = _change_form(admin_client, story)
    prefix = _translation_prefix(data, "hi")
    data[f"{prefix}-slug"] = ["संसद-में-बजट-२०२६"]
    _submit(admin_client, story, data)
    assert story.translations.get(language="hi").slug == "संसद-में-बजट-२०२६"
    data[f"{prefix}-slug"] = ["संसद में बजट"]
    response = admin_client.post(f"/admin/newsroom/story/{story.pk}/change/", data)
    assert response.status_code == 200
    assert "“संसद में बजट” is not a valid slug" in response.text


def _staff_client(client, *codenames: str):
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user("reporter", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


# Everything a reporter edits, inlines included: every permission but publishing.
REPORTER = tuple(
    f"{action}_{model}"
    for action in ("view", "add", "change", "delete")
    for model in ("story", "translation", "sourceattribution")
)


def _change_data(story: Story, **values: str) -> dict[str, str]:
    """The story's change form as a browser sends it back unchanged, then `values`."""
    published = timezone.localtime(story.published_at)
    translations = list(story.translations.all())
    data = {
        "status": story.status,
        "published_at_0": published.strftime("%Y-%m-%d"),
        "published_at_1": published.strftime("%H:%M:%S"),
        "original_language": story.original_language,
        "comments_open": "on",
        **_inline_management("translations", len(translations)),
        "translations-INITIAL_FORMS": str(len(translations)),
        **_inline_management("sources", 0),
    }
    for n, t in enumerate(translations):
        for field in ("language", "state", "title", "summary", "body"):
            data[f"translations-{n}-{field}"] = getattr(t, field)
        # Empty, so it is made again from the title: the admin's slug check refuses the
        # matras of a Hindi slug sent back as it is.
        data[f"translations-{n}-slug"] = ""
        data[f"translations-{n}-id"] = str(t.pk)
        data[f"translations-{n}-story"] = str(story.pk)
    data.update(values)
    return data


def _own(story: Story) -> Story:
    """The story as the reporter's own: a contributor edits only what they created."""
    from django.contrib.auth.models import User

    Story.objects.filter(pk=story.pk).update(created_by=User.objects.get(username="reporter"))
    story.refresh_from_db()
    return story


@pytest.mark.parametrize("status", [StoryStatus.DRAFT, StoryStatus.IN_REVIEW, StoryStatus.ARCHIVED])
def test_reporter_without_publish_permission_cannot_take_a_live_story_down(client, status) -> None:
    reporter = _staff_client(client, *REPORTER)
    story = _own(make_story(status=StoryStatus.PUBLISHED))
    url = f"/admin/newsroom/story/{story.pk}/change/"
    assert 'name="status"' not in reporter.get(url).text
    earlier = story.published_at - timezone.timedelta(days=3)
    data = _change_data(
        story,
        status=status,
        published_at_0=timezone.localtime(earlier).strftime("%Y-%m-%d"),
        **{"translations-0-title": "A corrected headline"},
    )
    # A live story is no longer a draft: not theirs to edit, even their own.
    assert reporter.post(url, data).status_code == 403
    story.refresh_from_db()
    assert not story.translations.filter(title="A corrected headline").exists()
    assert story.status == StoryStatus.PUBLISHED
    assert abs(story.published_at - earlier) > timezone.timedelta(days=2)


@pytest.mark.parametrize("move", ["publish", "schedule", "approve"])
def test_reporter_without_publish_permission_cannot_publish_a_draft(client, move) -> None:
    reporter = _staff_client(client, *REPORTER)
    story = _own(make_story(status=StoryStatus.DRAFT))
    url = f"/admin/newsroom/story/{story.pk}/change/"
    page = reporter.get(url).text
    assert f'value="{move}"' not in page and 'name="status"' not in page
    # Neither the status posted as a field (it is none) nor the move itself publishes.
    assert reporter.post(url, _change_data(story, status="published")).status_code == 302
    story.refresh_from_db()
    assert story.status == StoryStatus.DRAFT
    assert reporter.post(url, _change_data(story, _transition=move)).status_code == 403
    story.refresh_from_db()
    assert story.status == StoryStatus.DRAFT
    # Moving it along the desk is still theirs to do.
    response = reporter.post(url, _change_data(story, _transition="submit"))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == StoryStatus.IN_REVIEW


def test_editor_with_publish_permission_publishes_and_unpublishes(client) -> None:
    approved, live = make_story(status=StoryStatus.APPROVED), make_story()
    editor = _staff_client(client, *REPORTER, "publish_story")
    url = "/admin/newsroom/story/{}/change/"
    response = editor.post(url.format(approved.pk), _change_data(approved, _transition="publish"))
    assert response.status_code == 302
    response = editor.post(url.format(live.pk), _change_data(live, _transition="unpublish"))
    assert response.status_code == 302
    approved.refresh_from_db()
    live.refresh_from_db()
    assert (approved.status, live.status) == (StoryStatus.PUBLISHED, StoryStatus.DRAFT)
    editor.post(
        "/admin/newsroom/story/",
        {"action": "unpublish_selected", "_selected_action": [approved.pk]},
    )
    approved.refresh_from_db()
    assert approved.status == StoryStatus.DRAFT


def _refusal_shown(html: str) -> bool:
    """One of the URL rule's own explanations is on the page (not Django's "Enter a valid
    URL.")."""
    with translation.override("en"):
        texts = [str(m) for m in MESSAGES.values()]
    texts[list(MESSAGES).index("too_long")] = "This address is too long"
    return any(escape(text) in html for text in texts)


def _story_form(source_url: str) -> dict[str, str]:
    now = timezone.localtime()
    return {
        "status": StoryStatus.PUBLISHED,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": (now - timezone.timedelta(minutes=5)).strftime("%H:%M:%S"),
        "original_language": "hi",
        "comments_open": "on",
        **_inline_management("translations", 1),
        "translations-0-language": "hi",
        "translations-0-state": "ready",
        "translations-0-title": "संसद में बजट पेश",
        "translations-0-body": "बजट पेश हुआ।",
        **_inline_management("sources", 1),
        "sources-0-title": "बजट भाषण",
        "sources-0-publisher": "PIB",
        "sources-0-url": source_url,
        "sources-0-position": "0",
    }


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_source_url_that_is_not_public_is_refused_with_a_clear_error(admin_client, url) -> None:
    response = admin_client.post("/admin/newsroom/story/add/", _story_form(url))
    assert response.status_code == 200
    assert not Story.objects.exists()
    html = response.content.decode()
    assert _refusal_shown(html), html[:3000]
    assert "बजट भाषण" in html  # what the editor typed is still in the form


def test_source_url_refusal_speaks_hindi(admin_client) -> None:
    response = admin_client.post(
        "/admin/newsroom/story/add/",
        _story_form("https://editor:secret@pib.gov.in/speech"),
        HTTP_ACCEPT_LANGUAGE="hi",
    )
    assert "इस पते से उपयोगकर्ता नाम और पासवर्ड हटाएँ।" in response.content.decode()
    assert not Story.objects.exists()


def test_public_source_url_is_kept(admin_client) -> None:
    url = PUBLIC_URLS[4]  # a Hindi host and path
    response = admin_client.post("/admin/newsroom/story/add/", _story_form(url))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Story.objects.get().sources.get().url == url


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_image_source_url_that_is_not_public_is_refused(admin_client, url) -> None:
    response = admin_client.post(
        "/admin/newsroom/image/add/", {"source_url": url, "credit": "फ़ोटो डेस्क"}
    )
    assert response.status_code == 200
    assert not Image.objects.exists()
    assert _refusal_shown(response.content.decode())


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "orange").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("side", [13_000, 20_000])
@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "The picture is too large: at most 50 megapixels"), ("hi", "चित्र बहुत बड़ा है")],
)
def test_admin_refuses_a_picture_with_too_many_pixels(
    side: int, language: str, message: str, admin_client
) -> None:
    upload = SimpleUploadedFile("bomb.png", png_of_one_colour(side, side), "image/png")
    response = admin_client.post(
        "/admin/newsroom/image/add/",
        {"file": upload, "credit": "PTI"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    assert message in response.text
    assert not Image.objects.exists()
    assert media_files() == []


def test_admin_upload_of_an_ordinary_picture_gets_renditions(admin_client) -> None:
    upload = SimpleUploadedFile("monsoon.png", _png(2000, 1200), "image/png")
    response = admin_client.post("/admin/newsroom/image/add/", {"file": upload, "credit": "PTI"})
    assert response.status_code == 302, response.text[:2000]
    image = Image.objects.get()
    assert (image.width, image.height, image.credit) == (2000, 1200, "PTI")
    assert sorted(map(int, image.renditions)) == [480, 960, 1440]
    assert media_files() == sorted([image.file.name, *image.renditions.values()])
    # Replacing it with a picture that is too large keeps the old one.
    upload = SimpleUploadedFile("bomb.png", png_of_one_colour(20_000, 20_000), "image/png")
    response = admin_client.post(
        f"/admin/newsroom/image/{image.pk}/change/", {"file": upload, "credit": "PTI"}
    )
    assert response.status_code == 200 and "too large" in response.text
    assert Image.objects.get().file.name == image.file.name
    assert media_files() == sorted([image.file.name, *image.renditions.values()])


def test_editor_gives_a_tag_its_hindi_name_in_the_admin(admin_client, client) -> None:
    story = make_story(tags=["Monsoon"])
    tag = Tag.objects.get()
    response = admin_client.post(
        f"/admin/newsroom/tag/{tag.pk}/change/",
        {
            "name": "Monsoon",
            "slug": "monsoon",
            **_inline_management("names", 1),
            "names-0-language": "hi",
            "names-0-name": "मानसून",
        },
    )
    assert response.status_code == 302, response.text[:2000]
    hindi = client.get(story.translations.get(language="hi").get_absolute_url()).text
    english = client.get(story.translations.get(language="en").get_absolute_url()).text
    assert ">मानसून</a>" in hindi and ">Monsoon</a>" not in hindi
    assert ">Monsoon</a>" in english
    assert "मानसून" in client.get("/hi/tag/monsoon/").text
    assert "मानसून" in admin_client.get("/admin/newsroom/tag/?q=मानसून").text
