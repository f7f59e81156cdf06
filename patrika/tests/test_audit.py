"""`make audit`: pip-audit's verdict on the pinned dependencies (scripts/audit.py).

The reports are pip-audit's real JSON shape; what PyPI's vulnerability data would say is the
one part from outside the machine, so it is given here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit", ROOT / "scripts" / "audit.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CLEAN = {"name": "django", "version": "5.2.19", "vulns": []}
VULNERABLE = {
    "name": "django",
    "version": "4.2.0",
    "vulns": [{"id": "PYSEC-2023-61", "fix_versions": ["4.2.1"], "aliases": [], "description": ""}],
}
SKIPPED = {"name": "nh3", "skip_reason": "Dependency not found on PyPI and could not be audited"}


@pytest.mark.parametrize(
    ("dependencies", "status"),
    [
        ([CLEAN, SKIPPED], 0),
        ([CLEAN, VULNERABLE], 1),
        ([VULNERABLE, SKIPPED], 1),
        ([SKIPPED], 0),
    ],
)
def test_a_known_vulnerability_fails_the_audit(dependencies: list[Any], status: int) -> None:
    code, lines = _audit().verdict({"dependencies": dependencies, "fixes": []})
    assert code == status
    if status:
        assert "PYSEC-2023-61" in lines[0] and "4.2.1" in lines[0]


def test_nothing_audited_is_said_and_fails_when_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    audit = _audit()
    code, lines = audit.verdict({"dependencies": [SKIPPED], "fixes": []})
    assert code == 0 and "NOT AUDITED" in lines[0]
    monkeypatch.setenv("PATRIKA_AUDIT_STRICT", "1")
    assert audit.verdict({"dependencies": [SKIPPED], "fixes": []})[0] == 2
