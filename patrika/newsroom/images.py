"""Reading pictures without letting one cost too much.

A PNG of one colour compresses 13,000 × 13,000 pixels into 164 KB, and decoding it takes
seconds and a gigabyte. So the size is read from the header first (Pillow opens lazily), a
picture over `PATRIKA_IMAGE_MAX_PIXELS` is refused before a pixel is decoded, and the rest are
decoded only as large as the widest rendition needs.
"""

from __future__ import annotations

from math import isqrt
from typing import IO

from django.conf import settings
from django.utils.translation import gettext
from PIL import Image as PILImage

# Image.reduce() works on these; other modes (palette, 1-bit, 16-bit) are converted first,
# 1-bit to a byte per pixel rather than three.
_REDUCIBLE = {"RGB", "RGBA", "L", "LA"}


class ImageRefused(ValueError):
    """A picture Patrika does not store; str() says why, in the active language."""


class ImageTooLarge(ImageRefused):
    def __init__(self, *, limit: int) -> None:
        self.limit = limit
        super().__init__(limit)

    def __str__(self) -> str:
        side = isqrt(self.limit)
        return gettext(
            "The picture is too large: at most %(megapixels)s megapixels (about %(side)s × "
            "%(side)s pixels) are accepted. Make it smaller and try again."
        ) % {"megapixels": f"{self.limit / 1_000_000:g}", "side": side}


class ImageUnreadable(ImageRefused):
    def __str__(self) -> str:
        return gettext("The file is not a picture that can be read.")


def pil_limit_apply() -> None:
    """Make Pillow's own decompression-bomb guard agree with the setting: it warns past the
    limit and refuses to open twice the limit, wherever a picture is opened (forms too)."""
    PILImage.MAX_IMAGE_PIXELS = settings.PATRIKA_IMAGE_MAX_PIXELS


def image_size(file: IO[bytes]) -> tuple[int, int]:
    """Width and height from the header, nothing decoded; ImageRefused if it is no picture or
    has more pixels than allowed."""
    limit = settings.PATRIKA_IMAGE_MAX_PIXELS
    file.seek(0)
    try:
        with PILImage.open(file) as picture:
            width, height = picture.size
    except PILImage.DecompressionBombError:
        raise ImageTooLarge(limit=limit) from None
    except (OSError, SyntaxError, ValueError):  # what Pillow raises for what it cannot read
        raise ImageUnreadable() from None
    finally:
        file.seek(0)
    if width * height > limit:
        raise ImageTooLarge(limit=limit)
    if width < 1 or height < 1:
        raise ImageUnreadable()
    return width, height


def image_decode(file: IO[bytes], *, width: int) -> PILImage.Image:
    """The picture in RGB, at least `width` wide but otherwise as small as cheaply possible:
    JPEG decodes straight at 1/2, 1/4 or 1/8 scale (draft), others are reduced by a whole
    factor right after decoding, before the expensive conversion and resampling."""
    image_size(file)
    try:
        with PILImage.open(file) as picture:
            height = max(1, round(picture.height * width / picture.width))
            picture.draft("RGB", (width, height))
            picture.load()
            if picture.mode in _REDUCIBLE:
                decoded = picture
            else:
                decoded = picture.convert("L" if picture.mode == "1" else "RGB")
            factor = decoded.width // width
            if factor > 1:
                decoded = decoded.reduce(factor)
            return decoded.convert("RGB")
    except (OSError, SyntaxError, ValueError):  # a header that promised more than the data
        raise ImageUnreadable() from None
