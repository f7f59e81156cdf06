"""Docs are part of the product: settings and features must be documented."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_environment_setting_is_documented() -> None:
    settings_source = (ROOT / "patrika" / "settings.py").read_text()
    names = set(re.findall(r'env(?:_bool|_list)?\("([A-Z_]+)"', settings_source))
    names |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', settings_source))
    documented = (ROOT / "docs" / "deployment.md").read_text()
    missing = sorted(name for name in names if f"`{name}`" not in documented)
    assert missing == []


def test_readme_quick_start_is_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make demo", "make test"]
    assert (ROOT / "docs" / "screenshot.png").exists()


def test_docs_links_resolve() -> None:
    for page in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]:
        for target in re.findall(r"\]\(((?!https?:)[^)#]+)\)", page.read_text()):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"
