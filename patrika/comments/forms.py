"""The "Leave a Comment" form: every rule a reader can break is checked here, and each error is
attached to the field it is about, so the page can show it there with the text kept."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy, ngettext

from patrika.newsroom.models import Story
from patrika.safe_url import PublicURLFormField

from . import conf, selectors
from .models import WEBSITE_MAX_LENGTH, Comment
from .spam.rules import (
    HONEYPOT_FIELD,
    FormTokenError,
    form_token_make,
    form_token_read,
    honeypot_tripped,
)
from .text import BrokenText, clean, find_links

BROKEN_TEXT = gettext_lazy(
    "Some characters could not be read (the text was not valid UTF-8). Please check this "
    "field and send it again."
)


def _clean_text(value: str, *, multiline: bool = False) -> str:
    try:
        return clean(value or "", multiline=multiline)
    except BrokenText as error:
        raise forms.ValidationError(BROKEN_TEXT, code="broken_text") from error


class CommentForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), strip=False)
    email = forms.EmailField(
        label=gettext_lazy("Email"),
        max_length=254,
        help_text=gettext_lazy("Never published and never shared."),
    )
    website = PublicURLFormField(
        label=gettext_lazy("Website"),
        required=False,
        max_length=WEBSITE_MAX_LENGTH,
        help_text=gettext_lazy("Optional. An http:// or https:// address."),
    )
    body = forms.CharField(label=gettext_lazy("Comment"), widget=forms.Textarea, strip=False)
    # The honeypot: hidden from people (the template wraps it in a `hidden` element).
    homepage = forms.CharField(label=gettext_lazy("Leave this field empty"), required=False)
    story = forms.IntegerField(widget=forms.HiddenInput)
    lang = forms.CharField(widget=forms.HiddenInput, max_length=12)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, data: Any = None, *, story: Story, language: str, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "comment-%s")
        initial = {"story": story.pk, "lang": language, **kwargs.pop("initial", {})}
        initial.setdefault("token", form_token_make(story_id=story.pk))
        super().__init__(data, initial=initial, **kwargs)
        self.story = story
        self.language = language
        self.submission_key = ""
        self.parent_comment: Comment | None = None
        name_max, body_max, links = conf.name_max_length(), conf.max_length(), conf.max_links()
        self.fields["name"].widget.attrs.update(maxlength=name_max, autocomplete="name")
        self.fields["name"].help_text = gettext("Up to %(max)d characters.") % {"max": name_max}
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["website"].widget.attrs.update(autocomplete="url")
        # No maxlength on the text: a browser would cut a long paste off without a word.
        self.fields["body"].widget.attrs.update(rows=6, cols=60)
        self.fields["body"].help_text = ngettext(
            "Plain text, up to %(max)d characters and %(links)d link.",
            "Plain text, up to %(max)d characters and %(links)d links.",
            links,
        ) % {"max": body_max, "links": links}
        honeypot = self.fields[HONEYPOT_FIELD]
        honeypot.widget.attrs.update(autocomplete="off", tabindex="-1")

    def clean_name(self) -> str:
        name = _clean_text(self.cleaned_data.get("name", ""))
        if not name:
            raise forms.ValidationError(gettext("Please enter your name."), code="required")
        limit = conf.name_max_length()
        if len(name) > limit:
            raise forms.ValidationError(
                gettext("Please shorten your name to %(max)d characters (it has %(n)d).")
                % {"max": limit, "n": len(name)},
                code="max_length",
            )
        return name

    def clean_email(self) -> str:
        # Lower-cased so "known commenter" and duplicate checks are exact (indexed) lookups.
        return _clean_text(self.cleaned_data.get("email", "")).lower()

    def clean_website(self) -> str:
        return _clean_text(self.cleaned_data.get("website", ""))

    def clean_body(self) -> str:
        body = _clean_text(self.cleaned_data.get("body", ""), multiline=True)
        if not body:
            raise forms.ValidationError(gettext("Please write a comment."), code="required")
        limit = conf.max_length()
        if len(body) > limit:
            raise forms.ValidationError(
                gettext(
                    "Please shorten your comment to %(max)d characters (it has %(n)d). "
                    "Your text is kept here."
                )
                % {"max": limit, "n": len(body)},
                code="max_length",
            )
        links, allowed = len(find_links(body)), conf.max_links()
        if links > allowed:
            raise forms.ValidationError(
                ngettext(
                    "Please keep to %(max)d link (this comment has %(n)d).",
                    "Please keep to %(max)d links (this comment has %(n)d).",
                    allowed,
                )
                % {"max": allowed, "n": links},
                code="links",
            )
        return body

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("story") not in (None, self.story.pk) or data.get("lang") != self.language:
            raise forms.ValidationError(gettext("This form belongs to another story."))
        if honeypot_tripped(data.get(HONEYPOT_FIELD)):
            raise forms.ValidationError(
                gettext("Your comment looks automated and was not accepted."), code="honeypot"
            )
        self._check_token(data.get("token") or "")
        parent_id = data.get("parent")
        if parent_id:
            self.parent_comment = selectors.comment_get_public(
                story=self.story, comment_id=parent_id
            )
            if self.parent_comment is None:
                self.add_error(
                    None,
                    forms.ValidationError(
                        gettext(
                            "The comment you are replying to is not published on this story. "
                            "Your comment is kept below: send it as a new comment instead."
                        ),
                        code="parent",
                    ),
                )
                self._forget_parent()
        return data

    def _check_token(self, token: str) -> None:
        try:
            stamp = form_token_read(token, story_id=self.story.pk)
        except FormTokenError:
            self._replace_token()
            raise forms.ValidationError(
                gettext("This form had expired. Please check your comment and send it again."),
                code="token",
            ) from None
        if stamp.age < conf.min_fill_seconds():
            raise forms.ValidationError(
                gettext("That was quick! Please check your comment and send it again."),
                code="too_fast",
            )
        self.submission_key = stamp.key

    def _mutable_data(self) -> Any:
        if not getattr(self.data, "_mutable", True):
            self.data = self.data.copy()
        return self.data

    def _replace_token(self) -> None:
        self._mutable_data()["token"] = form_token_make(story_id=self.story.pk)

    def _forget_parent(self) -> None:
        self._mutable_data()["parent"] = ""

    @property
    def non_honeypot_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("name", "email", "website", "body")]

    @property
    def honeypot(self) -> forms.BoundField:
        return self[HONEYPOT_FIELD]
