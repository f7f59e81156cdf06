from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from patrika.api.views import api
from patrika.ops.views import healthz
from patrika.public import urls as public_urls

urlpatterns = [
    path(f"{settings.PATRIKA_ADMIN_PATH}/", admin.site.urls),
    path("comments/", include("patrika.comments.urls")),
    path("preview/", include("patrika.editorial.urls")),
    path("healthz", healthz, name="healthz"),
    path("api/", RedirectView.as_view(pattern_name="api-v1:index"), name="api"),
    path("api/v1/", api.urls),
    path("openapi.json", RedirectView.as_view(pattern_name="api-v1:openapi-json")),
    *public_urls.site_patterns,
    *i18n_patterns(
        path("search/", include("patrika.search.urls")),
        path("", include("patrika.public.urls")),
    ),
]

if settings.PATRIKA_SERVE_MEDIA:
    # Uploaded images from Django itself: fine for one machine; behind nginx, turn it off.
    from django.http import HttpRequest, HttpResponse
    from django.views.static import serve

    from patrika import converters  # noqa: F401 (registers <filepath>)

    def media(request: HttpRequest, path: str) -> HttpResponse:
        # MEDIA_ROOT read per request, not frozen when the URLs load (tests change it).
        return serve(request, path, document_root=settings.MEDIA_ROOT)

    urlpatterns.append(path("media/<filepath:path>", media))

handler404 = "patrika.public.views.page_not_found"
handler500 = "patrika.public.views.server_error"
