"""Image references for imported stories: the original URL always, a local copy when the
newsroom has its old uploads folder at hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.files import File
from django.utils.translation import gettext

from patrika.newsroom import services
from patrika.newsroom.images import ImageRefused
from patrika.newsroom.models import Image
from patrika.safe_url import validate_public_url

UPLOAD_MARKERS = ("/wp-content/uploads/", "/uploads/", "/media/")


def local_upload(url: str, uploads: Path) -> Path | None:
    """The file under `uploads` that `url` points at (…/wp-content/uploads/2024/05/a.jpg)."""
    path = unquote(urlparse(url).path)
    for marker in UPLOAD_MARKERS:
        if marker in path:
            relative = path.split(marker, 1)[1]
            candidate = (uploads / relative).resolve()
            # Never read outside the folder the newsroom pointed at.
            if candidate.is_file() and uploads.resolve() in candidate.parents:
                return candidate
    return None


def image_for_url(
    *,
    url: str,
    uploads: Path | None = None,
    credit: str = "",
    dry_run: bool = False,
    warn: Callable[[str], None] | None = None,
) -> Image:
    """The Image for `url`: found again by its source URL, or made (copying the file if the
    uploads folder has it; a dry run copies nothing). Raises ValidationError for a URL that is
    not public (patrika.safe_url): importers drop those first, with a warning. A file that is
    refused (too many pixels, not a picture) is not copied: the image stays a reference to
    `url`, and `warn` says why."""
    url = url.strip()
    validate_public_url(url)
    image = Image.objects.filter(source_url=url).order_by("id").first()
    local = local_upload(url, uploads) if uploads and not dry_run else None
    if image is not None and (image.file or local is None):
        return image
    if local is not None:
        # A reference imported earlier gets its file in place (stories keep pointing at it).
        target = image or Image(source_url=url, credit=credit)
        try:
            with local.open("rb") as file:
                return services.image_save_file(image=target, file=File(file), filename=local.name)
        except ImageRefused as refused:
            if warn is not None:
                reason = {"reason": refused}
                warn(gettext("picture not copied, kept as a link: %(reason)s") % reason)
    return image or Image.objects.create(source_url=url, credit=credit)
