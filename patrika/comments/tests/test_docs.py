"""docs/comments.md documents every comment setting and both data commands."""

from __future__ import annotations

from pathlib import Path

from patrika.comments import conf

DOC = Path(__file__).resolve().parents[3] / "docs" / "comments.md"


def test_every_setting_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [name for name in conf.DEFAULTS if f"`{name}`" not in text]
    assert missing == []


def test_data_commands_are_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert "export_commenter --email" in text and "erase_commenter --email" in text
