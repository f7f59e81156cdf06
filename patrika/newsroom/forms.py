"""Form fields of the newsroom's admin."""

from __future__ import annotations

from typing import Any

from django import forms

from . import images


class PictureField(forms.ImageField):
    """An ImageField that reads the picture's size from its header before anything else, so a
    picture with too many pixels gets a clear error instead of being decoded."""

    def to_python(self, data: Any) -> Any:
        if hasattr(data, "seek"):
            try:
                images.image_size(data)
            except images.ImageTooLarge as refused:
                raise forms.ValidationError(str(refused), code="too_large") from None
            except images.ImageUnreadable:
                pass  # ImageField says so in its own words
        return super().to_python(data)
