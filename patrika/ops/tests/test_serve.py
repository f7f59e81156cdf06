"""`patrika serve --production`: refuses a configuration `check --deploy` faults, and serves
with production settings (JSON logs with request ids, /healthz over plain http) otherwise."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

PATRIKA = str(Path(sys.executable).parent / "patrika")
KEY = "x" * 20 + "-production-only-key-with-enough-entropy-9f8e7d6c5b4a"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PATRIKA_VAR_DIR": str(tmp_path), "SECRET_KEY": KEY, **extra}
    for name in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "PATRIKA_PRODUCTION", "DEBUG"):
        if name not in extra:
            env.pop(name, None)
    return env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("fault", [{"DEBUG": "1"}, {"SECRET_KEY": "short"}])
def test_production_refuses_what_check_deploy_faults(tmp_path: Path, fault: dict[str, str]) -> None:
    subprocess.run([PATRIKA, "migrate", "-v0"], env=_env(tmp_path), check=True)
    done = subprocess.run(
        [PATRIKA, "serve", "--production", "--port", str(_free_port())],
        env=_env(tmp_path, **fault),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "check --deploy" in done.stderr
    assert "Serving on" not in done.stdout


def test_production_serves_with_json_logs(tmp_path: Path) -> None:
    env = _env(tmp_path, ALLOWED_HOSTS="127.0.0.1")
    subprocess.run([PATRIKA, "migrate", "-v0"], env=env, check=True)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [PATRIKA, "serve", "--production", "--port", str(port), "--workers", "1"],
            env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            for _ in range(600):
                try:
                    answer = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                    break
                except OSError:
                    assert server.poll() is None, log.read_text()
                    time.sleep(0.1)
            else:
                pytest.fail("nothing answered: " + log.read_text())
            assert answer.status == 200
            request_id = answer.headers["X-Request-ID"]
            # Production settings reached the server: pages redirect to HTTPS.
            page = urllib.request.Request(f"http://127.0.0.1:{port}/en/", method="HEAD")
            with pytest.raises(urllib.error.HTTPError) as redirect:
                urllib.request.build_opener(_NoRedirect).open(page, timeout=10)
            assert redirect.value.code == 301
            assert redirect.value.headers["Location"].startswith("https://")
        finally:
            server.terminate()
            server.wait(timeout=60)
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("logger") == "patrika.request"]
    assert any(a["request_id"] == request_id and a["path"] == "/healthz" for a in access)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None
