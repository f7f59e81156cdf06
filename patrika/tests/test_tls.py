"""TLS at a proxy keeps every protection of TLS; only "no TLS at all" turns them off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
PATRIKA = str(Path(sys.executable).parent / "patrika")
PRODUCTION = {
    "PATRIKA_PRODUCTION": "1",
    "SECRET_KEY": "x" * 20 + "-production-only-key-with-enough-entropy-9f8e7d6c5b4a",
    "ALLOWED_HOSTS": "news.example.org",
}
SHOWN = [
    "PATRIKA_TLS",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_PROXY_SSL_HEADER",
]


def _patrika(tmp_path: Path, *args: str, **variables: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATRIKA_VAR_DIR": str(tmp_path), **variables}
    for name in ("DJANGO_ALLOW_ASYNC_UNSAFE", "PATRIKA_HTTPS", "PATRIKA_TLS"):
        if name not in variables:
            env.pop(name, None)
    return subprocess.run(
        [PATRIKA, *args], env=env, capture_output=True, text=True, cwd=ROOT, check=False
    )


def _settings(tmp_path: Path, **variables: str) -> dict:
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {SHOWN!r}}}))"
    )
    result = _patrika(tmp_path, "shell", "--no-imports", "-c", code, **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


SECURE = {
    "SECURE_SSL_REDIRECT": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
}


@pytest.mark.parametrize(
    ("variables", "mode", "trusts_forwarded_proto"),
    [
        (PRODUCTION, "direct", False),
        ({**PRODUCTION, "PATRIKA_TLS": "proxy"}, "proxy", True),
        ({**PRODUCTION, "PATRIKA_HTTPS": "1"}, "direct", False),
        ({"PATRIKA_TLS": "proxy"}, "proxy", True),
    ],
)
def test_both_tls_modes_keep_cookies_secure_and_hsts(
    tmp_path, variables, mode, trusts_forwarded_proto
) -> None:
    shown = _settings(tmp_path, **variables)
    assert shown["PATRIKA_TLS"] == mode
    assert {name: shown[name] for name in SECURE} == SECURE
    assert bool(shown["SECURE_PROXY_SSL_HEADER"]) is trusts_forwarded_proto


@pytest.mark.parametrize(
    "variables", [{}, {**PRODUCTION, "PATRIKA_HTTPS": "0"}, {"PATRIKA_TLS": "off"}]
)
def test_no_tls_at_all_is_the_only_mode_without_them(tmp_path, variables) -> None:
    shown = _settings(tmp_path, **variables)
    assert shown["PATRIKA_TLS"] == "off"
    assert not any(shown[name] for name in SECURE)
    assert shown["SECURE_PROXY_SSL_HEADER"] is None


def test_check_deploy_is_clean_behind_a_tls_proxy(tmp_path) -> None:
    result = _patrika(
        tmp_path, "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, PATRIKA_TLS="proxy"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_unknown_mode_is_refused(tmp_path) -> None:
    result = _patrika(tmp_path, "check", PATRIKA_TLS="maybe")
    assert result.returncode != 0
    assert "PATRIKA_TLS must be direct, proxy or off" in result.stderr


@pytest.mark.django_db
def test_forwarded_proto_is_believed_only_from_a_proxy(settings) -> None:
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_PROXY_SSL_HEADER = None  # direct: a client's header proves nothing
    response = Client().get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301 and response["Location"].startswith("https://")

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # proxy mode
    response = Client().get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
