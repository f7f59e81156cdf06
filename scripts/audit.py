"""`make audit` (part of `make test`): pip-audit over the installed, pinned dependencies.

Fails (exit 1) when any installed package has a known vulnerability. pip-audit asks PyPI's
JSON API; a package it could not ask about is listed as skipped. When it could ask about none
(the machine reaches only a PyPI mirror), nothing was audited: that is said loudly, and it
fails only with PATRIKA_AUDIT_STRICT=1, since it is no finding about the dependencies.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

PIP_AUDIT = Path(sys.executable).parent / "pip-audit"


def verdict(report: dict[str, Any]) -> tuple[int, list[str]]:
    """(exit status, lines to print) for pip-audit's JSON report."""
    lines: list[str] = []
    vulnerable = [d for d in report["dependencies"] if d.get("vulns")]
    audited = [d for d in report["dependencies"] if "skip_reason" not in d]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            lines.append(f"{dep['name']}=={dep['version']}: {vuln['id']} (fixed in {fixed})")
    if vulnerable:
        return 1, [*lines, f"{len(vulnerable)} pinned dependencies have known vulnerabilities."]
    if not audited:
        strict = os.environ.get("PATRIKA_AUDIT_STRICT") == "1"
        lines.append(
            "pip-audit could not look up any dependency (no answer from PyPI's JSON API): "
            "NOT AUDITED." + ("" if strict else " Set PATRIKA_AUDIT_STRICT=1 to fail on this.")
        )
        return (2 if strict else 0), lines
    skipped = len(report["dependencies"]) - len(audited)
    return 0, [f"{len(audited)} audited, no known vulnerabilities ({skipped} skipped)."]


def main() -> int:
    done = subprocess.run(
        [str(PIP_AUDIT), "--skip-editable", "--progress-spinner", "off", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(done.stdout)
    except ValueError:
        print(done.stderr, file=sys.stderr)
        return 2
    status, lines = verdict(report)
    print("\n".join(lines), file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main())
