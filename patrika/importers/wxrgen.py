"""Generated WordPress exports (fixed seed) for tests and the import benchmark.

Every other post is the Hindi translation of the one before (Polylang data), posts carry
categories, tags, a featured image and threaded comments, like a real newsroom's export.
"""

from __future__ import annotations

import random
from pathlib import Path
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated Desk</title>
<link>https://generated.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://generated.example.org</wp:base_site_url>
<wp:author><wp:author_login><![CDATA[desk]]></wp:author_login>
<wp:author_display_name><![CDATA[Desk Reporter]]></wp:author_display_name></wp:author>
"""
TAIL = "</channel>\n</rss>\n"
SECTIONS = [("india", "India", "भारत"), ("world", "World", "विश्व"), ("sports", "Sports", "खेल")]
EN_WORDS = (
    "government officials said the new policy would help farmers traders and students across "
    "the state while experts warned that the budget needs careful review before monsoon"
).split()
HI_WORDS = (
    "सरकार के अधिकारियों ने कहा कि नई नीति से किसानों व्यापारियों और छात्रों को मदद मिलेगी "
    "जबकि विशेषज्ञों ने चेतावनी दी कि बजट की सावधानी से समीक्षा जरूरी है"
).split()


def _sentence(rng: random.Random, words: list[str], end: str) -> str:
    picked = [rng.choice(words) for _ in range(rng.randint(10, 18))]
    return " ".join(picked).capitalize() + end


def _content(rng: random.Random, words: list[str], end: str, heading: str) -> str:
    paragraphs = [
        "<!-- wp:paragraph -->\n<p>"
        + " ".join(_sentence(rng, words, end) for _ in range(3))
        + " <strong>"
        + rng.choice(words)
        + "</strong></p>\n<!-- /wp:paragraph -->"
        for _ in range(4)
    ]
    paragraphs.insert(2, f"<h2>{heading}</h2>")
    paragraphs.append("<ul><li>" + "</li><li>".join(rng.sample(words, 3)) + "</li></ul>")
    return "\n\n".join(paragraphs)


def _comments(rng: random.Random, post_id: int, language_words: list[str]) -> str:
    out = []
    for n in range(rng.randint(0, 3)):
        cid = post_id * 10 + n
        parent = cid - 1 if n and rng.random() < 0.5 else 0
        status = rng.choice(["1", "1", "1", "0", "spam"])
        out.append(
            f"<wp:comment><wp:comment_id>{cid}</wp:comment_id>"
            f"<wp:comment_author><![CDATA[Reader {cid}]]></wp:comment_author>"
            f"<wp:comment_author_email>reader{cid}@example.net</wp:comment_author_email>"
            f"<wp:comment_author_IP>203.0.113.{cid % 250}</wp:comment_author_IP>"
            f"<wp:comment_date_gmt>2025-01-02 10:{n:02d}:00</wp:comment_date_gmt>"
            f"<wp:comment_content><![CDATA[{_sentence(rng, language_words, '.')}]]>"
            f"</wp:comment_content><wp:comment_approved>{status}</wp:comment_approved>"
            f"<wp:comment_type>comment</wp:comment_type>"
            f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
        )
    return "".join(out)


def _item(rng: random.Random, post_id: int, *, language: str, group: str, day: int) -> str:
    words, end = (HI_WORDS, "।") if language == "hi" else (EN_WORDS, ".")
    slug, en_name, hi_name = SECTIONS[post_id % len(SECTIONS)]
    name = hi_name if language == "hi" else en_name
    title = f"{_sentence(rng, words, '')[:70].strip()} {post_id}"
    status = "publish" if post_id % 10 else "draft"
    date = f"2025-{1 + day % 12:02d}-{1 + day % 28:02d} {day % 24:02d}:00:00"
    translation = (
        f'<category domain="language" nicename="{language}"><![CDATA[{language}]]></category>'
        f'<category domain="post_translations" nicename="{group}"><![CDATA[{group}]]></category>'
        if group
        else ""
    )
    return (
        f"<item><title><![CDATA[{title}]]></title>"
        f"<link>https://generated.example.org/?p={post_id}</link>"
        f"<dc:creator><![CDATA[desk]]></dc:creator>"
        f"<content:encoded><![CDATA[{_content(rng, words, end, escape(name))}]]></content:encoded>"
        f"<excerpt:encoded><![CDATA[{_sentence(rng, words, end)}]]></excerpt:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_date_gmt>{date}</wp:post_date_gmt>"
        f"<wp:post_date>{date}</wp:post_date><wp:comment_status>open</wp:comment_status>"
        f"<wp:post_name>post-{post_id}</wp:post_name><wp:status>{status}</wp:status>"
        f"<wp:post_type>post</wp:post_type>"
        f'<category domain="category" nicename="{slug}{"-hi" if language == "hi" else ""}">'
        f"<![CDATA[{name}]]></category>"
        f'<category domain="post_tag" nicename="t{post_id % 40}"><![CDATA[Tag {post_id % 40}]]>'
        f"</category>{translation}"
        f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        f"<wp:meta_value>{1_000_000 + post_id % 50}</wp:meta_value></wp:postmeta>"
        f"{_comments(rng, post_id, words)}</item>\n"
    )


def write_wxr(path: Path, *, posts: int, seed: int = 2026, bilingual: bool = True) -> Path:
    """Write an export with `posts` post items (in en/hi pairs when `bilingual`)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for n in range(50):
            out.write(
                f"<item><title>Photo {n}</title><wp:post_id>{1_000_000 + n}</wp:post_id>"
                f"<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>"
                f"<wp:attachment_url>https://generated.example.org/wp-content/uploads/2025/01/"
                f"photo-{n}.jpg</wp:attachment_url></item>\n"
            )
        for post_id in range(1, posts + 1):
            if bilingual:
                pair = (post_id + 1) // 2
                language = "en" if post_id % 2 else "hi"
                group = f"pll_{pair}"
            else:
                language, group = "en", ""
            out.write(_item(rng, post_id, language=language, group=group, day=post_id // 2))
        out.write(TAIL)
    return path
