"""Scripts the backup test runs as separate processes against a real site:
`seed` fills it, `write` keeps writing until stopped, `snapshot` prints what is committed.

Run as `python -m patrika.backups.tests.site COMMAND` with PATRIKA_VAR_DIR / DATABASE_URL.
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import django


def seed() -> None:
    from django.contrib.auth import get_user_model
    from PIL import Image as PILImage

    from patrika.newsroom.models import Author
    from patrika.newsroom.services import image_create
    from patrika.newsroom.tests.factories import make_section, make_story

    section = make_section()
    for _ in range(20):
        make_story(section=section, tags=["चुनाव"], authors=["Asha Writer"])
    Author.objects.update(email="asha.author@example.org")
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-pass-1")
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "orange").save(buffer, format="PNG")
    image = image_create(content=buffer.getvalue(), filename="photo.png", credit="PTI")
    print(image.file.name)


def write(counter: Path) -> None:
    """Comments and edits in a loop, each its own transaction; counts what it committed."""
    from patrika.comments.models import Comment, CommentStatus
    from patrika.newsroom.models import Story, Translation
    from patrika.newsroom.tests.factories import make_story

    stories = list(Story.objects.values_list("pk", flat=True))
    n = 0
    while True:
        n += 1
        story_id = stories[n % len(stories)]
        Comment.objects.create(
            story_id=story_id,
            language="hi",
            name=f"पाठक {n}",
            email=f"reader{n}@example.org",
            body=f"टिप्पणी {n}",
            status=CommentStatus.APPROVED,
        )
        translation = Translation.objects.get(story_id=story_id, language="en")
        translation.title = f"Edited {n}"
        translation.save()
        if n % 10 == 0:
            stories.append(make_story().pk)
        # Renamed into place, so a reader never sees a half-written number.
        counter.with_suffix(".tmp").write_text(str(n))
        counter.with_suffix(".tmp").replace(counter)
        time.sleep(0.005)


def snapshot() -> None:
    from django.contrib.auth import get_user_model

    from patrika.comments.models import Comment
    from patrika.newsroom.models import Image, Story, Translation

    state = {
        "stories": sorted(Story.objects.values_list("pk", flat=True)),
        "translations": {
            f"{story}/{lang}": title
            for story, lang, title in Translation.objects.values_list(
                "story_id", "language", "title"
            )
        },
        "comments": sorted(Comment.objects.values_list("pk", flat=True)),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        "images": [
            i.file.name
            for i in Image.objects.all()
            if i.file and i.file.storage.exists(i.file.name)
        ],
    }
    print(json.dumps(state))


if __name__ == "__main__":
    django.setup()
    command = sys.argv[1]
    if command == "write":
        write(Path(sys.argv[2]))
    else:
        {"seed": seed, "snapshot": snapshot}[command]()
