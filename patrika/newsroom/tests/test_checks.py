import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from patrika.newsroom.demo import load_demo
from patrika.newsroom.models import Author, Section, Tag, Translation

pytestmark = pytest.mark.django_db


def _check() -> None:
    call_command("check", databases=["default"], fail_level="WARNING")


def test_stored_slugs_that_are_not_valid_are_reported_by_id() -> None:
    load_demo(generated=5)
    _check()  # what Patrika writes itself passes

    # Written around the services, as raw SQL or an old dump would.
    bad = {
        Translation: Translation.objects.filter(language="hi").order_by("pk").first(),
        Tag: Tag.objects.order_by("pk").first(),
        Author: Author.objects.order_by("pk").first(),
        Section: Section.objects.order_by("pk").first(),
    }
    for (model, row), slug in zip(bad.items(), ["a b", "Tag_Name", "ऑथर/1", ""], strict=True):
        model.objects.filter(pk=row.pk).update(slug=slug)
    with pytest.raises(SystemCheckError) as raised:
        _check()
    report = str(raised.value)
    assert report.count("newsroom.W001") == 4
    for model, row in bad.items():
        assert f"newsroom.{model.__name__}: (newsroom.W001) The row with id {row.pk} " in report
    assert "“a b”" in report and "“ऑथर/1”" in report


def test_without_the_database_option_nothing_is_read(django_assert_num_queries) -> None:
    with django_assert_num_queries(0):
        call_command("check")
