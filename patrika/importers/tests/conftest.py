from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def stored_urls() -> list[str]:
    """Every URL an import can store: sources, image origins, commenters' websites, and the
    baked copies pages read (Story.meta)."""
    from patrika.comments.models import Comment
    from patrika.newsroom.models import Image, SourceAttribution, Story

    urls = list(SourceAttribution.objects.values_list("url", flat=True))
    urls += Image.objects.values_list("source_url", flat=True)
    urls += Comment.objects.values_list("website", flat=True)
    for meta in Story.objects.values_list("meta", flat=True):
        urls += [source["url"] for source in meta.get("sources", [])]
        if meta.get("image"):
            urls.append(meta["image"]["url"])
    return [url for url in urls if url]
