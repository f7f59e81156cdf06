"""The contract every search backend keeps, run against the backend of the current database.

The suite runs twice (SQLite, then PostgreSQL through scripts/with-postgres.sh); each subclass
runs on its own database and is skipped on the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from patrika.newsroom import services as newsroom
from patrika.newsroom.models import Story, StoryStatus, Translation, TranslationState
from patrika.newsroom.tests.factories import make_section
from patrika.search.analysis import analyze_query
from patrika.search.analysis.tokenize import script_of
from patrika.search.backends import Filters, get_backend
from patrika.search.models import SearchEntry
from patrika.search.selectors import search_page, search_suggest, search_terms

from .test_phonetic import SPELLINGS

MODI_HI = "प्रधानमंत्री मोदी ने पुतिन से बात की"
MODI_BODY_HI = "भारत–रूस व्यापार 2024 में 65 अरब डॉलर के पार पहुंचा। दोनों देशों के संबंध मजबूत हैं।"
MODI_EN = "Prime Minister Modi speaks to Putin"
MODI_BODY_EN = "India–Russia trade crossed 65 billion dollars in 2024. Ties remain strong."
MADA_HI = "मादा तेंदुए ने दो शावकों को जन्म दिया"
MADA_EN = "Leopard gives birth to two cubs"
# Bodies without stopwords, so that a story has only the stopwords its test gives it.
PLAIN_EN = "Tickets online."
PLAIN_HI = "टिकट ऑनलाइन।"
XI_HI = "शी जिन पिंग अगले महीने भारत आएंगे"


def titles(query: str, **filters: Any) -> list[str]:
    page = search_page(query=query, filters=Filters(**filters), per_page=50, lang="en")
    return [hit.title for hit in page.hits]


def languages_of(query: str, **filters: Any) -> list[str]:
    page = search_page(query=query, filters=Filters(**filters), per_page=50, lang="en")
    return [hit.language for hit in page.hits]


@pytest.mark.django_db(transaction=False)
class BackendContract:
    """Subclass with `vendor` and `backend_path`; the tests below are the contract."""

    vendor = ""
    backend_path = ""

    @pytest.fixture(autouse=True)
    def _use_backend(self, settings: Any, db: None) -> None:
        if connection.vendor != self.vendor:
            pytest.skip(f"runs on {self.vendor}, this run is on {connection.vendor}")
        settings.PATRIKA_SEARCH_BACKEND = self.backend_path

    @pytest.fixture
    def modi(self, publish: Callable[..., Story]) -> Story:
        return publish(en=MODI_EN, en_body=MODI_BODY_EN, hi=MODI_HI, hi_body=MODI_BODY_HI)

    @pytest.fixture
    def mada(self, publish: Callable[..., Story]) -> Story:
        return publish(en=MADA_EN, en_body="A zoo story.", hi=MADA_HI, hi_body="चिड़ियाघर की खबर।")

    # --- Devanagari words stay whole -------------------------------------------------------

    def test_mada_does_not_match_modi(self, modi: Story, mada: Story) -> None:
        assert titles("मादा") == [MADA_HI]
        assert MODI_HI not in titles("मादा")

    def test_fragments_of_a_shredded_word_match_nothing(self, modi: Story) -> None:
        for fragment in ("म", "द", "प", "रध", "मद"):
            assert titles(fragment) == [], fragment

    def test_compound_word_is_one_word(self, modi: Story) -> None:
        assert titles("प्रधानमंत्री") == [MODI_HI]
        assert titles("प्रधान") == []  # a word of its own, not a prefix match
        assert titles("मंत्री") == []

    def test_devanagari_query_finds_its_story(self, modi: Story, mada: Story) -> None:
        assert titles("मोदी")[0] == MODI_HI
        assert titles("शावकों") == [MADA_HI]
        assert titles("शावक") == [MADA_HI]  # light stemming: शावकों → शावक

    # --- Normalisation, on the text and on the query ------------------------------------------

    @pytest.mark.parametrize(
        ("written", "searched"),
        [
            ("संबंध", "सम्बन्ध"),
            ("सम्बन्ध", "संबंध"),
            ("क़ानून", "कानून"),
            ("कानून", "क\u093cानून"),
            ("हिन्दी", "हिंदी"),
            ("चाँद", "चांद"),
            ("गये", "गए"),
            ("क्\u200dषेत्र", "क्षेत्र"),
        ],
    )
    def test_spelling_variants_meet(
        self, publish: Callable[..., Story], written: str, searched: str
    ) -> None:
        publish(en=None, hi=f"{written} पर नई रिपोर्ट")
        assert titles(searched) == [f"{written} पर नई रिपोर्ट".replace("\u200d", "")]

    def test_english_stemming(self, modi: Story) -> None:
        assert MODI_EN in titles("speaking")
        assert MODI_EN in titles("ties")
        assert MODI_EN in titles("TRADES")

    # --- Romanized Hindi and the reverse -----------------------------------------------------

    @pytest.mark.parametrize(
        "query", ["modi", "mody", "bharat roos vyapar", "pradhanmantri", "pradhaanmantree modi"]
    )
    def test_romanized_query_finds_hindi(self, modi: Story, mada: Story, query: str) -> None:
        assert MODI_HI in titles(query)[:2]
        assert MADA_HI not in titles(query)

    def test_romanized_query_with_hindi_function_words(self, modi: Story) -> None:
        assert MODI_HI in titles("modi ki putin se baat")

    def test_devanagari_query_finds_english_translation(self, modi: Story) -> None:
        found = titles("पुतिन")
        assert found[0] == MODI_HI  # the exact word first
        assert MODI_EN in found  # the English story via the name's key

    def test_exact_words_rank_above_phonetic_matches(self, modi: Story) -> None:
        assert languages_of("Putin") == ["en", "hi"]
        assert languages_of("पुतिन") == ["hi", "en"]

    def test_every_spelling_in_the_table_finds_its_word(
        self, publish: Callable[..., Story]
    ) -> None:
        for word, _spellings, _near in SPELLINGS:
            publish(en=None, hi=f"{word} पर रिपोर्ट", hi_body=PLAIN_HI)
        missed = [
            (word, spelling)
            for word, spellings, _near in SPELLINGS
            for spelling in spellings
            if f"{word} पर रिपोर्ट" not in titles(spelling)
        ]
        assert not missed

    # --- Stopwords ---------------------------------------------------------------------------

    @pytest.mark.parametrize(
        ("query", "language", "title", "other"),
        [
            ("कौन यही", "hi", "आखिर कौन है यही शख्स", "कौन बनेगा करोड़पति"),
            ("वह कौन थी", "hi", "वह कौन थी: पचास साल बाद फिर परदे पर", "वह दिन कौन भूलेगा"),
            ("the who", "en", "The Who return to Mumbai", "Who decides tariffs"),
            ("to be or not to be", "en", "To be or not to be, in Hindi", "Not to be missed"),
        ],
    )
    def test_a_query_of_stopwords_finds_them(
        self, publish: Callable[..., Story], query: str, language: str, title: str, other: str
    ) -> None:
        # `other` has some of the words but not all.
        for text in (title, other):
            texts = {"en": None, "hi": None, language: text}
            publish(**texts, en_body=PLAIN_EN, hi_body=PLAIN_HI)
        page = search_page(query=query, filters=Filters(), per_page=50)
        assert [h.title for h in page.hits] == [title]
        assert not page.partial and not page.corrected

    @pytest.mark.parametrize(
        ("stories", "queries"),
        [
            # जिन ("whose") is a stopword; in शी जिन पिंग it is a name.
            (
                [
                    (XI_HI, "चीन के राष्ट्रपति शी जिन पिंग दिल्ली में प्रधानमंत्री से मिलेंगे।"),
                    ("जिन किसानों की फसल खराब हुई, उन्हें मुआवजा", "सरकार ने घोषणा की।"),
                    ("टेबल टेनिस: पिंग पोंग लीग शुरू", "खिलाड़ियों ने अभ्यास किया।"),
                ],
                ["jin ping", "Jin Ping", "जिन पिंग", "shi jin ping", "शी जिन पिंग"],
            ),
            (
                [
                    ("कौन बनेगा करोड़पति का नया सीजन", PLAIN_HI),
                    ("हर किसान करोड़पति बनेगा: मंत्री", PLAIN_HI),
                ],
                ["कौन बनेगा करोड़पति", "kaun banega karodpati"],
            ),
            (
                [
                    ("Will Smith to shoot a film in Jaipur", PLAIN_EN),
                    ("Adam Smith and the wealth of nations", PLAIN_EN),
                ],
                ["will smith", "Will Smith"],
            ),
        ],
    )
    def test_a_stopword_in_a_name_is_searched(
        self, publish: Callable[..., Story], stories: list[tuple[str, str]], queries: list[str]
    ) -> None:
        for title, body in stories:
            hindi = script_of(title) == "Deva"
            publish(
                en=None if hindi else title,
                hi=title if hindi else None,
                en_body=body,
                hi_body=body,
            )
        named = stories[0][0]
        for query in queries:
            page = search_page(query=query, filters=Filters(), per_page=50)
            assert [h.title for h in page.hits] == [named], query
            assert not page.partial and not page.corrected, query

    def test_a_stopword_kept_for_a_name_is_marked_next_to_it(
        self, publish: Callable[..., Story]
    ) -> None:
        publish(en=None, hi=XI_HI, hi_body="दिल्ली में जिन नेताओं से वे मिलेंगे, उनमें शी जिन पिंग")
        for query in ("jin ping", "जिन पिंग"):
            (hit,) = search_page(query=query, filters=Filters()).hits
            assert "<mark>जिन</mark> <mark>पिंग</mark>" in hit.title_html
            # The same stopword away from the name is not marked.
            assert "जिन नेताओं" in hit.snippet and "<mark>जिन</mark> नेताओं" not in hit.snippet

    def test_a_function_word_asks_nothing_of_the_other_language(
        self, publish: Callable[..., Story]
    ) -> None:
        publish(en="Modi begins Kedarnath yatra", hi="मोदी की केदारनाथ यात्रा शुरू")
        # की stands next to मोदी: it is kept, but asked of Hindi stories only.
        for query in ("modi ki kedarnath", "मोदी की केदारनाथ"):
            terms = search_terms(query=query, filters=Filters())
            assert [t.required_in for t in terms] == [(), ("hi",), ()], query
            assert sorted(languages_of(query)) == ["en", "hi"], query

    def test_adjacent_terms_stay_within_a_column(self, publish: Callable[..., Story]) -> None:
        publish(en=None, hi="पोंग लीग में शी जिन", hi_body="पिंग की चर्चा")
        publish(en=None, hi="लीग", hi_body="शी जिन पिंग की चर्चा")
        jin, ping = analyze_query("jin ping")
        backend = get_backend()
        # Only the second story has जिन right before पिंग; in the first the title ends on it
        # and the body starts with पिंग.
        stop_jin = replace(jin, with_stopwords=True)
        assert backend.count_adjacent(stop_jin, ping, filters=Filters()) == 1
        assert backend.count_adjacent(ping, stop_jin, filters=Filters()) == 0
        assert backend.count_adjacent(jin, ping, filters=Filters()) == 0  # जिन is a stopword

    # --- Index upkeep ------------------------------------------------------------------------

    def test_draft_is_not_searchable_until_published(
        self, publish: Callable[..., Story], committed: Callable[..., Any]
    ) -> None:
        story = publish(en="Budget session opens", status=StoryStatus.DRAFT, hi=None)
        assert titles("budget") == []
        committed(newsroom.story_publish, story=story)
        assert titles("budget") == ["Budget session opens"]

    def test_edit_reindexes(self, modi: Story, committed: Callable[..., Any]) -> None:
        data = newsroom.StoryData(
            translations=[newsroom.TranslationData(language="en", title="Monsoon arrives early")],
            status=StoryStatus.PUBLISHED,
            published_at=modi.published_at,
        )
        committed(newsroom.story_save, data=data, story=modi)
        assert titles("monsoon") == ["Monsoon arrives early"]
        assert titles("putin") == []  # the Hindi translation was removed, the English replaced
        assert SearchEntry.objects.filter(story=modi).count() == 1

    def test_unpublish_removes(self, modi: Story, committed: Callable[..., Any]) -> None:
        committed(newsroom.story_unpublish, story=modi)
        assert titles("modi") == []

    def test_delete_removes(self, modi: Story, committed: Callable[..., Any]) -> None:
        committed(newsroom.story_delete, story=modi)
        assert titles("modi") == []
        assert not SearchEntry.objects.exists()
        get_backend().remove_story(story_id=modi.pk)  # twice is harmless

    def test_only_ready_translations(self, modi: Story, committed: Callable[..., Any]) -> None:
        Translation.objects.filter(story=modi, language="hi").update(
            state=TranslationState.NEEDS_UPDATE
        )
        committed(newsroom.story_touch, story=modi)
        assert languages_of("modi") == ["en"]

    def test_scheduled_story_appears_when_its_time_comes(
        self, publish: Callable[..., Story], committed: Callable[..., Any]
    ) -> None:
        story = publish(en="Election results tomorrow", hi=None, status=StoryStatus.DRAFT)
        later = timezone.now() + timedelta(hours=1)
        committed(newsroom.story_publish, story=story, at=later)
        assert titles("election") == []
        Story.objects.filter(pk=story.pk).update(published_at=timezone.now())
        SearchEntry.objects.filter(story=story).update(published_at=timezone.now())
        assert titles("election") == ["Election results tomorrow"]

    def test_reindex_rebuilds(self, modi: Story, mada: Story) -> None:
        SearchEntry.objects.all().delete()
        assert titles("modi") == []
        call_command("reindex", verbosity=0)
        assert SearchEntry.objects.count() == 4
        assert MODI_HI in titles("modi")

    def test_long_devanagari_title(self, publish: Callable[..., Story]) -> None:
        # A percent-encoded Devanagari slug is up to nine bytes a letter.
        title = "प्रधानमंत्री " * 20
        publish(en=None, hi=title.strip())
        assert len(titles("प्रधानमंत्री")) == 1

    # --- Filters, pagination, snippets ----------------------------------------------------------

    def test_language_filter(self, modi: Story) -> None:
        assert languages_of("modi", language="hi") == ["hi"]
        assert languages_of("modi", language="en") == ["en"]

    def test_section_and_tag_filters(self, publish: Callable[..., Story]) -> None:
        sports = make_section("sports", "Sports", "खेल")
        world = make_section("world", "World", "विश्व")
        publish(en="Cricket final in Delhi", hi=None, section=sports, tags=["Cricket"])
        publish(en="Delhi summit on climate", hi=None, section=world, tags=["Climate"])
        assert titles("delhi", section_id=sports.pk) == ["Cricket final in Delhi"]
        tag_id = Story.objects.get(translations__title="Delhi summit on climate").tags.get().pk
        assert titles("delhi", tag_id=tag_id) == ["Delhi summit on climate"]

    def test_date_filter(self, publish: Callable[..., Story]) -> None:
        now = timezone.now()
        publish(en="Old flood report", hi=None, published_at=now - timedelta(days=40))
        publish(en="New flood report", hi=None, published_at=now - timedelta(days=1))
        recent = (now - timedelta(days=10)).date()
        assert titles("flood", date_from=recent) == ["New flood report"]
        assert titles("flood", date_to=recent) == ["Old flood report"]
        assert titles("flood", date_from=date(2000, 1, 1), date_to=date(2000, 12, 31)) == []

    def test_pagination(self, publish: Callable[..., Story]) -> None:
        for i in range(23):
            publish(en=f"Harvest festival day {i}", hi=None)
        pages = [
            search_page(query="harvest", filters=Filters(), number=n, per_page=10)
            for n in (1, 2, 3)
        ]
        assert [p.total for p in pages] == [23, 23, 23]
        assert [len(p.hits) for p in pages] == [10, 10, 3]
        assert pages[2].num_pages == 3 and not pages[2].has_next
        seen = [h.entry_id for p in pages for h in p.hits]
        assert len(set(seen)) == 23

    def test_snippet_is_escaped_and_marked(self, publish: Callable[..., Story]) -> None:
        publish(
            en="Hostile <b>title</b> about rivers",
            en_body="Before <script>alert('x')</script> the rivers & lakes report.",
            hi=None,
        )
        (hit,) = search_page(query="rivers", filters=Filters()).hits
        assert "<script>" not in hit.snippet and "<b>" not in hit.title_html
        assert "<mark>rivers</mark>" in hit.snippet
        assert "&lt;b&gt;" in hit.title_html or "<mark>" in hit.title_html
        assert "&amp;" in hit.snippet

    def test_hindi_snippet_marks_the_romanized_word(self, modi: Story) -> None:
        page = search_page(query="vyapar", filters=Filters(language="hi"))
        assert "<mark>व्यापार</mark>" in page.hits[0].snippet

    # --- Did you mean -------------------------------------------------------------------------

    def test_suggestion_for_a_misspelled_query(self, publish: Callable[..., Story]) -> None:
        publish(en="Government announces budget", hi=None)
        assert search_suggest(query="goverment") == "government"
        page = search_page(query="goverment budjet", filters=Filters())
        assert page.corrected and page.suggestion == "government budget"
        assert [h.title for h in page.hits] == ["Government announces budget"]

    def test_no_suggestion_when_nothing_is_close(self, modi: Story) -> None:
        page = search_page(query="xylophone", filters=Filters())
        assert page.total == 0 and page.suggestion == ""

    def test_some_words_when_not_all_match(self, modi: Story) -> None:
        page = search_page(query="modi xylophone", filters=Filters())
        assert page.partial and page.total == 2

    def test_backend_search_directly(self, modi: Story) -> None:
        matches = get_backend().search(analyze_query("modi"), filters=Filters(), limit=1)
        assert matches.total == 2 and len(matches.hits) == 1


class TestSQLiteFTS5Backend(BackendContract):
    vendor = "sqlite"
    backend_path = "patrika.search.backends.sqlite_fts5.Backend"

    def test_fts5_tokenizer_keeps_marks(self, modi: Story) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"द\"'")
            assert cursor.fetchone()[0] == 0
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"मोद\"'")
            assert cursor.fetchone()[0] == 1

    def test_default_tokenizer_would_shred(self) -> None:
        # The regression this design guards against, shown on a scratch table.
        with connection.cursor() as cursor:
            cursor.execute("CREATE VIRTUAL TABLE temp.shred USING fts5(t)")
            cursor.execute("INSERT INTO temp.shred(t) VALUES ('प्रधानमंत्री मोदी')")
            cursor.execute("SELECT count(*) FROM temp.shred WHERE shred MATCH '\"द\"'")
            assert cursor.fetchone()[0] == 1
            cursor.execute("DROP TABLE temp.shred")


class TestPostgresBackend(BackendContract):
    vendor = "postgresql"
    backend_path = "patrika.search.backends.postgres.Backend"

    def test_vector_keeps_words_whole(self, modi: Story) -> None:
        entry = SearchEntry.objects.get(story=modi, language="hi")
        with connection.cursor() as cursor:
            cursor.execute("SELECT vector::text FROM search_searchentry WHERE id = %s", [entry.pk])
            vector = cursor.fetchone()[0]
        assert "'मोद':" in vector and "'प्रधानमंत्र':" in vector
        assert "'द':" not in vector
