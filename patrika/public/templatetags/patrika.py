from __future__ import annotations

from django import template

from patrika.newsroom.models import Image, Section

register = template.Library()


@register.filter
def section_name(section: Section, language: str) -> str:
    return section.name_for(language)


@register.filter
def srcset(image: Image) -> str:
    from django.core.files.storage import default_storage

    return ", ".join(
        f"{default_storage.url(name)} {width}w"
        for width, name in sorted(image.renditions.items(), key=lambda item: int(item[0]))
    )
