"""In a real Chromium: someone guessing at the admin login meets the lock, in their language."""

from __future__ import annotations

import pytest

from .conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("locale", "message"),
    [
        ("en-IN", "Too many failed logins for this account or from this address."),
        ("hi-IN", "इस खाते के लिए या इस पते से बहुत अधिक असफल लॉगिन हुए।"),
    ],
)
def test_guessing_at_the_login_form_ends_at_the_lock(
    live_server, browser, editor, settings, artifacts_dir, locale, message
) -> None:
    settings.AXES_FAILURE_LIMIT = 5
    context = browser.new_context(locale=locale)
    page = context.new_page()
    try:
        for n in range(5):
            page.goto(live_server.url + "/admin/login/?next=/admin/")
            page.fill("#id_username", "editor")
            page.fill("#id_password", f"guess {n}")
            page.click("input[type=submit]")
        page.goto(live_server.url + "/admin/login/?next=/admin/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        assert message in page.inner_text("#content-main")
        page.screenshot(path=f"{artifacts_dir}/login-locked-{locale}.png")
        assert "/admin/login/" in page.url
    finally:
        context.close()
