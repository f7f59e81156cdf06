"""Keep baked story data true when a row shared by many stories is edited (a tag renamed or
given a Hindi name, a section's Hindi name corrected, an image re-uploaded). Story edits
themselves re-bake in newsroom.services."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .baking import stories_bake
from .models import Author, Image, Section, SectionName, Story, Tag, TagName


def _rebake(stories: Any) -> None:
    stories_bake(stories=stories.only("pk"))


@receiver(post_save, sender=Tag)
def tag_saved(sender: type, instance: Tag, created: bool, **kwargs: Any) -> None:
    if not created:
        _rebake(instance.stories.all())


@receiver([post_save, post_delete], sender=TagName)
def tag_name_changed(sender: type, instance: TagName, **kwargs: Any) -> None:
    if Tag.objects.filter(pk=instance.tag_id).exists():
        _rebake(Story.objects.filter(tags__id=instance.tag_id))


@receiver(post_save, sender=Author)
def author_saved(sender: type, instance: Author, created: bool, **kwargs: Any) -> None:
    if not created:
        _rebake(instance.stories.all())


@receiver([post_save, post_delete], sender=SectionName)
def section_name_changed(sender: type, instance: SectionName, **kwargs: Any) -> None:
    if Section.objects.filter(pk=instance.section_id).exists():
        _rebake(Story.objects.filter(section_id=instance.section_id))


@receiver(post_save, sender=Section)
def section_saved(sender: type, instance: Section, created: bool, **kwargs: Any) -> None:
    if not created:
        _rebake(instance.stories.all())


@receiver(post_save, sender=Image)
def image_saved(sender: type, instance: Image, created: bool, **kwargs: Any) -> None:
    if not created:
        _rebake(Story.objects.filter(featured_image=instance))
