import unicodedata

import pytest

from patrika.text import normalize, slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("पुतिन–मोदी वार्ता", "पुतिन-मोदी-वार्ता"),
        ("प्रधानमंत्री मोदी", "प्रधानमंत्री-मोदी"),
        ("Putin–Modi Talks: Alaska Summit", "putin-modi-talks-alaska-summit"),
        ("  21वीं सदी!! ", "21वीं-सदी"),
    ],
)
def test_slugify_keeps_combining_marks(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_slugify_output_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "क़ानून")
    assert slugify(decomposed) == unicodedata.normalize("NFC", "क़ानून")


def test_normalize_removes_bidi_overrides_but_keeps_zwj() -> None:
    text = "abc\u202edef\u200b क्\u200dष"
    assert normalize(text) == "abcdef क्\u200dष"
