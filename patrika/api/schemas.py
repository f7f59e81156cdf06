"""What the API returns. These classes are the OpenAPI schema; change them with care (v1)."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema


class TranslationLink(Schema):
    language: str
    title: str
    url: str
    api_url: str


class SectionRef(Schema):
    slug: str
    name: str


class SectionOut(Schema):
    slug: str
    names: dict[str, str]
    stories_url: str


class TagOut(Schema):
    name: str
    slug: str


class AuthorRef(Schema):
    name: str
    slug: str


class AuthorOut(Schema):
    name: str
    slug: str
    bio: str


class ImageOut(Schema):
    url: str
    width: int | None
    height: int | None
    credit: str


class SourceOut(Schema):
    title: str
    publisher: str
    url: str


class StoryOut(Schema):
    id: int
    language: str
    title: str
    slug: str
    summary: str
    url: str
    api_url: str
    published_at: datetime
    section: SectionRef | None
    tags: list[TagOut]
    authors: list[AuthorRef]
    image: ImageOut | None
    translations: list[TranslationLink]


class StoryDetailOut(StoryOut):
    body_html: str
    updated_at: datetime
    sources: list[SourceOut]
    image_alt: str
    image_caption: str
    comments_url: str


class CommentOut(Schema):
    id: int
    parent_id: int | None
    language: str
    name: str
    website: str
    body_html: str
    created_at: datetime


class SearchHitOut(Schema):
    story_id: int
    language: str
    title: str
    url: str
    api_url: str
    published_at: datetime
    snippet: str


class StoryPage(Schema):
    items: list[StoryOut]
    next_cursor: str | None
    next_url: str | None


class CommentPage(Schema):
    items: list[CommentOut]
    next_cursor: str | None
    next_url: str | None


class TagPage(Schema):
    items: list[TagOut]
    next_cursor: str | None
    next_url: str | None


class AuthorPage(Schema):
    items: list[AuthorOut]
    next_cursor: str | None
    next_url: str | None


class SectionList(Schema):
    items: list[SectionOut]


class SearchPageOut(Schema):
    query: str
    total: int
    items: list[SearchHitOut]
    next_cursor: str | None
    next_url: str | None


class IndexOut(Schema):
    version: str
    schema_url: str
    languages: list[str]
    stories_urls: dict[str, str]
    sections_url: str
    tags_url: str
    authors_url: str


class ErrorOut(Schema):
    detail: str
