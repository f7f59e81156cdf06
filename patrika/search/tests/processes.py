"""Running Python and `patrika` in child processes, for tests of what survives a process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from subprocess import CompletedProcess

ROOT = Path(__file__).resolve().parents[3]


def python(env: dict[str, str], *args: str, check: bool = True) -> CompletedProcess[str]:
    """`python ARGS` in a child process, from the project folder."""
    result = subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if check and result.returncode != 0:
        raise AssertionError(f"{args[:3]} exited {result.returncode}:\n{result.stderr}")
    return result


def patrika(env: dict[str, str], *args: str, check: bool = True) -> CompletedProcess[str]:
    """`patrika ARGS` in a child process, as an operator runs it."""
    return python(env, "-m", "patrika.cli", *args, check=check)
