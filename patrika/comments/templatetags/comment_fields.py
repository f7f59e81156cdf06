"""Render the comment form's inputs in Python.

Django renders each widget through its own template; under the story page that was a third of
the comments block's cost. The markup is the same as the widget templates': same attributes
(required, aria-describedby, aria-invalid, maxlength, …) and the reader's typed value.
"""

from __future__ import annotations

from django import forms, template
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def comment_input(field: forms.BoundField) -> SafeString:
    widget = field.field.widget
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    final = widget.build_attrs(widget.attrs, attrs)
    value = widget.format_value(field.value())
    if isinstance(widget, forms.Textarea):
        # A newline after the tag, as Django's template writes: browsers drop the first one.
        return format_html(
            '<textarea name="{}"{}>\n{}</textarea>', field.html_name, flatatt(final), value or ""
        )
    if value is not None:
        final["value"] = value
    return format_html(
        '<input type="{}" name="{}"{}>', widget.input_type, field.html_name, flatatt(final)
    )
