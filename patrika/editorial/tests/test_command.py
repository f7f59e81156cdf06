"""`patrika lint`: text and JSON output, exit codes, stories from the database and dumps from
files (--text, never saved), messages in the editor's language."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from patrika.newsroom.models import Story
from patrika.newsroom.services import SourceData
from patrika.newsroom.tests.factories import make_story

SAMPLE = Path(__file__).resolve().parents[2] / "importers/tests/fixtures/text/putin-modi-talks.txt"
KEYS = {"story", "language", "rule", "level", "message", "paragraph", "excerpt"}


def _lint(*args: str) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("lint", *args, stdout=out)
    except SystemExit as exit:
        return int(exit.code or 0), out.getvalue()
    return 0, out.getvalue()


@pytest.mark.django_db
def test_sample_dump_yields_every_defect_with_its_place() -> None:
    code, out = _lint("--text", str(SAMPLE), "--format", "json")
    findings = json.loads(out)
    assert code == 1
    assert all(KEYS <= set(f) for f in findings)
    by_rule = {}
    for f in findings:
        by_rule.setdefault(f["rule"], []).append(f)
    assert any("Putin and Modi Talks/Putin" in f["excerpt"] for f in by_rule["stuffing"])
    [cut] = by_rule["truncation"]
    assert cut["language"] == "en" and cut["excerpt"].endswith("collective security mechan.")
    assert any(f["excerpt"] == "Scroll down for hindi" for f in by_rule["boilerplate"])
    gaps = {(f["language"], f["excerpt"][:25]) for f in by_rule["parity-paragraphs"]}
    assert ("en", "According to official sta") in gaps
    assert any(lang == "hi" and text.startswith("मोदी ने स्पष्ट") for lang, text in gaps)
    assert all(isinstance(f["paragraph"], int) for f in findings if f["rule"] != "title-length")
    assert Story.objects.count() == 0  # --text never saves


@pytest.mark.django_db
def test_text_format_and_exit_codes_from_the_database() -> None:
    clean = make_story(
        en="Bridge opens",
        en_body="The minister opened the new bridge on Monday. Traffic moved freely by evening.",
        hi="पुल खुला",
        hi_body="मंत्री ने सोमवार को नए पुल का उद्घाटन किया। शाम तक यातायात सुचारु रहा।",
        sources=[SourceData(title="Agency")],
    )
    code, out = _lint(str(clean.pk))
    assert code == 0 and "0 findings, 0 errors" in out
    broken = make_story(en_body="Scroll down for hindi\n\nThe plan was announced on Monday.")
    code, out = _lint(str(broken.pk))
    assert code == 1
    assert f"{broken.pk} en paragraph 1: error [boilerplate]" in out
    code, out = _lint()  # every story
    assert code == 1 and "[boilerplate]" in out
    with pytest.raises(CommandError):
        _lint("999999")


@pytest.mark.django_db
def test_messages_follow_the_editors_language(monkeypatch) -> None:
    story = make_story(en_body="Scroll down for hindi\n\nThe plan was announced on Monday.")
    monkeypatch.setenv("LANG", "hi_IN.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    _code, out = _lint(str(story.pk), "--format", "json")
    [finding] = [f for f in json.loads(out) if f["rule"] == "boilerplate"]
    assert "बॉयलरप्लेट" in finding["message"]
