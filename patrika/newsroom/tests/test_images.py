"""Pictures are measured from their header before anything is decoded, and decoded small."""

from __future__ import annotations

import io

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from PIL import Image as PILImage

from patrika.newsroom import images

from .factories import png_of_one_colour


def _encoded(picture: PILImage.Image, kind: str, **options: object) -> io.BytesIO:
    buffer = io.BytesIO()
    picture.save(buffer, kind, **options)
    buffer.seek(0)
    return buffer


# What newsrooms upload, in every mode Pillow hands back for them.
ORDINARY = {
    "jpeg-rgb": lambda: _encoded(PILImage.new("RGB", (3000, 2000), "orange"), "JPEG"),
    "jpeg-cmyk": lambda: _encoded(PILImage.new("CMYK", (2000, 1000), (0, 80, 90, 0)), "JPEG"),
    "jpeg-grey": lambda: _encoded(PILImage.new("L", (1600, 900), 90), "JPEG"),
    "png-rgba": lambda: _encoded(PILImage.new("RGBA", (2000, 1500), (0, 90, 0, 128)), "PNG"),
    "png-palette": lambda: _encoded(PILImage.new("P", (1800, 1200), 3), "PNG"),
    "png-grey-alpha": lambda: _encoded(PILImage.new("LA", (1500, 1000), (9, 200)), "PNG"),
    "png-16-bit": lambda: _encoded(PILImage.new("I;16", (1500, 1000), 30000), "PNG"),
    "png-1-bit": lambda: io.BytesIO(png_of_one_colour(2000, 1000)),
    "gif": lambda: _encoded(PILImage.new("P", (1200, 800), 1), "GIF"),
    "webp": lambda: _encoded(PILImage.new("RGB", (2400, 1600), "teal"), "WEBP"),
    "small-png": lambda: _encoded(PILImage.new("RGB", (300, 200), "navy"), "PNG"),
}


def test_pillows_guard_follows_the_setting() -> None:
    assert PILImage.MAX_IMAGE_PIXELS == django_settings.PATRIKA_IMAGE_MAX_PIXELS


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    ("width", "height"),
    [(13_000, 13_000), (20_000, 20_000), (7_072, 7_072), (50_001, 1_000), (1, 50_000_001)],
)
def test_a_picture_over_the_limit_is_refused_from_its_header(width: int, height: int) -> None:
    # Past twice the limit Pillow itself refuses to open it; between, the size decides.
    with pytest.raises(images.ImageTooLarge):
        images.image_size(io.BytesIO(png_of_one_colour(width, height)))
    with pytest.raises(images.ImageTooLarge):
        images.image_decode(io.BytesIO(png_of_one_colour(width, height)), width=1440)


@pytest.mark.parametrize(("width", "height"), [(1000, 1000), (1, 1), (2000, 500), (1, 1_000_000)])
def test_up_to_the_limit_a_picture_is_accepted(width: int, height: int, settings) -> None:
    settings.PATRIKA_IMAGE_MAX_PIXELS = 1_000_000
    assert images.image_size(io.BytesIO(png_of_one_colour(width, height))) == (width, height)


@pytest.mark.parametrize(("width", "height"), [(1000, 1001), (1001, 1000), (1_000_001, 1)])
def test_one_pixel_over_the_limit_is_refused(width: int, height: int, settings) -> None:
    settings.PATRIKA_IMAGE_MAX_PIXELS = 1_000_000
    with pytest.raises(images.ImageTooLarge):
        images.image_size(io.BytesIO(png_of_one_colour(width, height)))


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a picture",
        b"<html><body>hello</body></html>",
        png_of_one_colour(100, 100)[:20],  # cut inside the header
        b"GIF89a",
        b"\xff\xd8\xff",
    ],
)
def test_what_is_no_picture_is_refused(content: bytes) -> None:
    with pytest.raises(images.ImageUnreadable):
        images.image_size(io.BytesIO(content))


def test_a_picture_cut_short_is_refused_when_decoded() -> None:
    noise = PILImage.effect_noise((800, 600), 60).convert("RGB")
    for kind in ("JPEG", "PNG"):
        whole = _encoded(noise, kind).getvalue()
        cut = io.BytesIO(whole[: len(whole) // 2])
        assert images.image_size(cut) == (800, 600)
        with pytest.raises(images.ImageUnreadable):
            images.image_decode(cut, width=480)


def test_the_refusal_says_why_in_hindi_too() -> None:
    refused = images.ImageTooLarge(limit=50_000_000)
    assert "50 megapixels" in str(refused) and "7071 × 7071" in str(refused)
    with translation.override("hi"):
        assert "50 मेगापिक्सेल" in str(refused)
        assert "पढ़ा" in str(images.ImageUnreadable())


@pytest.mark.parametrize("kind", ORDINARY)
def test_ordinary_pictures_decode_to_rgb_no_smaller_than_asked(kind: str) -> None:
    file = ORDINARY[kind]()
    width, height = images.image_size(file)
    decoded = images.image_decode(file, width=min(960, width))
    assert decoded.mode == "RGB"
    assert min(960, width) <= decoded.width <= width
    # A whole reduction factor keeps the shape (to a pixel of rounding).
    assert abs(decoded.height - height * decoded.width / width) <= 1


@pytest.mark.parametrize("kind", ["jpeg-rgb", "png-rgba", "png-palette", "webp"])
def test_large_pictures_are_decoded_at_a_fraction(kind: str) -> None:
    file = ORDINARY[kind]()
    width, _height = images.image_size(file)
    decoded = images.image_decode(file, width=480)
    assert 480 <= decoded.width < 2 * 480 < width
