from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from patrika.importers.base import ImportFileError
from patrika.importers.wxr import WxrChannel, local_name, read_wxr
from patrika.importers.wxrgen import write_wxr

WXR = Path(__file__).parent / "fixtures" / "wxr"


def test_names_of_any_wxr_version() -> None:
    assert local_name("{http://wordpress.org/export/1.2/}post_id") == "wp:post_id"
    assert local_name("{http://wordpress.org/export/1.0/}post_id") == "wp:post_id"
    assert local_name("{http://wordpress.org/export/1.1/excerpt/}encoded") == "excerpt:encoded"
    assert local_name("{http://purl.org/rss/1.0/modules/content/}encoded") == "content:encoded"
    assert local_name("title") == "title"


def test_items_channel_and_lines() -> None:
    channel = WxrChannel()
    items = list(read_wxr(WXR / "newsroom.xml", channel))
    assert [i.post_id for i in items][:3] == ["50", "10", "11"]
    assert channel.base_site_url == "https://news.example.org"
    assert channel.authors == {"asha": "Asha Verma", "rahul": "राहुल सिंह"}
    post = items[1]
    assert post.line == 51 and post.status == "publish" and len(post.comments) == 6
    assert ("language", "en", "English") in post.categories
    assert post.meta["_thumbnail_id"] == "50"


def _peak(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    count = sum(1 for _ in read_wxr(path, WxrChannel()))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return count, peak


def test_reading_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small = write_wxr(tmp_path / "small.xml", posts=200)
    large = write_wxr(tmp_path / "large.xml", posts=2000)
    small_count, small_peak = _peak(small)
    large_count, large_peak = _peak(large)
    assert large_count - small_count == 1800
    assert large.stat().st_size > 9 * small.stat().st_size
    # Ten times the file, (almost) the same memory: items are dropped once read.
    assert large_peak < small_peak * 1.5


@pytest.mark.parametrize(
    "text,message",
    [
        ("", "malformed XML \\(no element found"),
        ("<rss><channel><item><title>x</title>", "malformed XML"),
        ("<feed/>", "not a WordPress export"),
        ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss/>', "refused"),
    ],
)
def test_unreadable_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(text)
    with pytest.raises(ImportFileError, match=message) as error:
        list(read_wxr(path, WxrChannel()))
    assert str(path) in str(error.value)
