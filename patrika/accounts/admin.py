"""django-axes' records in the admin (settings.AXES_ENABLE_ADMIN is off so they are registered
here): its one bulk action deletes rows, so it asks for the delete permission."""

from __future__ import annotations

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services


@admin.register(AccessAttempt)
class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
    # Ours replaces axes' action, which needs attributes that only a login request carries.
    @admin.action(description=_("Clean up expired attempts"), permissions=["delete"])
    def cleanup_expired_attempts(
        self, request: HttpRequest, queryset: QuerySet[AccessAttempt]
    ) -> None:
        count = services.login_attempts_delete_expired()
        self.message_user(
            request,
            ngettext(
                "%d expired login attempt record deleted.",
                "%d expired login attempt records deleted.",
                count,
            )
            % count,
            messages.SUCCESS,
        )


admin.site.register(AccessLog, axes_admin.AccessLogAdmin)
admin.site.register(AccessFailureLog, axes_admin.AccessFailureLogAdmin)
