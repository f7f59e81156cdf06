"""Run several commands as one service: `patrika serve` is granian plus the task worker.

Each child gets its own process group, so a Ctrl-C in the terminal reaches this process only;
it sends every child one SIGTERM (the worker finishes its job, granian its requests) and a
second Ctrl-C kills them. When a child ends by itself the others are stopped too, and the exit
status says so: a process manager then restarts the whole service, never half of it.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from types import FrameType

_PR_SET_PDEATHSIG = 1
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _die_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook asking Linux to stop the child if this process dies (kill -9 included),
    so no orphaned granian keeps the port."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    return lambda: libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _kill_group(pid: int) -> None:
    # The whole group: granian's own worker processes would outlive a kill of granian alone.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def run_together(commands: Sequence[Sequence[str]], *, grace: float = 30.0) -> int:
    """Run the commands until one ends or this process is told to stop; then stop them all.

    Returns 0 after a requested stop, else the status of the child that ended first (1 if it
    ended with 0: a service that stops by itself has failed). Children still running `grace`
    seconds after their SIGTERM are killed.
    """
    children: list[subprocess.Popen[bytes]] = []
    requested = 0

    def signal_all(signum: int) -> None:
        for child in children:
            if child.poll() is None:
                child.send_signal(signum)
                if signum == signal.SIGKILL:
                    _kill_group(child.pid)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        nonlocal requested
        requested += 1
        signal_all(signal.SIGTERM if requested == 1 else signal.SIGKILL)

    previous = {signum: signal.signal(signum, on_signal) for signum in _STOP_SIGNALS}
    hook = _die_with_parent()
    try:
        for command in commands:
            children.append(subprocess.Popen(command, process_group=0, preexec_fn=hook))
        while all(child.poll() is None for child in children):
            # Sleeps until any child ends; a signal handler runs meanwhile and the wait goes on.
            os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOWAIT)
        first = next(child for child in children if child.returncode is not None)
        if not requested:
            signal_all(signal.SIGTERM)
        deadline = time.monotonic() + grace
        for child in children:
            try:
                child.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _kill_group(child.pid)
                child.wait()
    finally:
        for child in children:  # still running only if starting another one failed
            if child.poll() is None:
                _kill_group(child.pid)
                child.wait()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if requested:
        return 0
    return first.returncode if first.returncode > 0 else 1
