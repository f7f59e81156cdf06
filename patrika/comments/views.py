"""The comment endpoint: parse the POST, call the service, answer the reader.

Success is Post/Redirect/Get back to the story (#comment-<id>); a refused comment re-renders
the story page with everything the reader typed and each error beside its field."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation as i18n
from django.utils.translation import gettext
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.http import require_POST

from patrika import languages
from patrika.client_ip import client_ip
from patrika.converters import parse_id
from patrika.newsroom import selectors as newsroom_selectors
from patrika.newsroom.models import Translation

from . import services
from .context import FORM_ATTR
from .cookies import remember_own_comment
from .forms import CommentForm
from .models import CommentStatus


def _translation(request: HttpRequest) -> Translation:
    """The live story translation the form was posted from (hidden fields story + lang)."""
    story_id, lang = parse_id(request.POST.get("story", "")), request.POST.get("lang", "")
    if story_id is None or lang not in languages.codes():
        raise Http404
    slug = (
        Translation.objects.filter(story_id=story_id, language=lang)
        .values_list("slug", flat=True)
        .first()
    )
    found = newsroom_selectors.translation_get_live(lang=lang, slug=slug) if slug else None
    if found is None:
        raise Http404
    return found


def _story_page(
    request: HttpRequest, translation: Translation, form: CommentForm, *, status: int
) -> HttpResponse:
    # Imported late: the public app imports the context providers named in settings.
    from patrika.public.views import _story_context

    setattr(request, FORM_ATTR, form)
    return render(request, "public/story.html", _story_context(request, translation), status=status)


@require_POST
def comment_post(request: HttpRequest) -> HttpResponse:
    translation = _translation(request)
    i18n.activate(translation.language)
    story = translation.story
    form = CommentForm(request.POST, story=story, language=translation.language)
    if not form.is_valid():
        return _story_page(request, translation, form, status=400)
    data = form.cleaned_data
    draft = services.CommentDraft(
        story=story,
        language=translation.language,
        name=data["name"],
        email=data["email"],
        website=data["website"],
        body=data["body"],
        parent=form.parent_comment,
        ip_address=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        submission_key=form.submission_key,
        permalink=request.build_absolute_uri(translation.get_absolute_url()),
    )
    try:
        result = services.comment_post(draft=draft)
    except services.CommentRejected as rejected:
        form.add_error(None, rejected.message)
        response = _story_page(request, translation, form, status=rejected.status_code)
        if isinstance(rejected, services.RateLimited):
            response["Retry-After"] = str(rejected.retry_after)
        return response
    comment = result.comment
    anchor = f"#comment-{comment.pk}" if comment.status != CommentStatus.SPAM else "#respond"
    response = HttpResponseRedirect(translation.get_absolute_url() + anchor, status=303)
    if comment.status == CommentStatus.PENDING:
        remember_own_comment(request, response, comment_id=comment.pk)
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """For CSRF_FAILURE_VIEW: a refused comment comes back with its text, not as a bare 403.

    The reader gets a fresh token with the page and sends the form again; other requests get
    Django's usual page."""
    if request.method == "POST" and request.path == reverse("comments:post"):
        try:
            translation = _translation(request)
        except Http404:
            translation = None
        if translation is not None:
            i18n.activate(translation.language)
            form = CommentForm(request.POST, story=translation.story, language=translation.language)
            form.is_valid()
            form.add_error(
                None,
                gettext(
                    "Your session had expired, so the comment was not sent. Please check it "
                    "and send it again."
                ),
            )
            return _story_page(request, translation, form, status=403)
    return django_csrf_failure(request, reason=reason)
