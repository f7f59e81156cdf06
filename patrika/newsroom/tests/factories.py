"""Seeded builders for tests. Every app's tests build stories through these."""

from __future__ import annotations

import io
import itertools
import struct
import zlib
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from patrika.newsroom import services
from patrika.newsroom.models import Section, Story, StoryStatus
from patrika.newsroom.services import SourceData, StoryData, TranslationData

_counter = itertools.count(1)


def make_section(slug: str = "world", en: str = "World", hi: str = "विश्व") -> Section:
    return services.section_get_or_create(slug=slug, names={"en": en, "hi": hi})


def make_story(
    *,
    en: str | None = "auto",
    hi: str | None = "auto",
    en_body: str = "An English paragraph about the news.",
    hi_body: str = "समाचार के बारे में एक हिंदी अनुच्छेद।",
    status: str = StoryStatus.PUBLISHED,
    published_at: datetime | None = None,
    section: Section | None = None,
    tags: list[str] | None = None,
    authors: list[str] | None = None,
    sources: list[SourceData] | None = None,
    **extra: object,
) -> Story:
    n = next(_counter)
    translations = []
    if en is not None:
        translations.append(
            TranslationData(
                language="en",
                title=f"English story {n}" if en == "auto" else en,
                body=en_body,
                summary=f"Summary {n}",
            )
        )
    if hi is not None:
        translations.append(
            TranslationData(
                language="hi",
                title=f"हिंदी ख़बर {n}" if hi == "auto" else hi,
                body=hi_body,
                summary=f"सारांश {n}",
            )
        )
    data = StoryData(
        translations=translations,
        status=status,
        published_at=published_at or (timezone.now() - timedelta(minutes=n)),
        section=section,
        tags=tags or [],
        authors=authors or [],
        sources=sources or [],
        **extra,  # type: ignore[arg-type]
    )
    return services.story_save(data=data)


def png_of_one_colour(width: int, height: int) -> bytes:
    """A valid 1-bit black PNG of any size, written row by row: 20,000 × 20,000 pixels come to
    about 60 KB and are built without ever holding the pixels (Pillow would need 400 MB)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = bytes(1 + (width + 7) // 8)  # filter byte "none", then black pixels
    packer = zlib.compressobj(9)
    rows_per_block = max(1, (1 << 20) // len(row))
    data = io.BytesIO()
    for start in range(0, height, rows_per_block):
        data.write(packer.compress(row * min(rows_per_block, height - start)))
    data.write(packer.flush())
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", data.getvalue())
        + chunk(b"IEND", b"")
    )


def media_files() -> list[str]:
    """Every file under MEDIA_ROOT, relative to it."""
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
