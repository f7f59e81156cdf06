from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RateLimitConfig(AppConfig):
    name = "patrika.ratelimit"
    label = "ratelimit"
    verbose_name = _("Rate limits")
    default_auto_field = "django.db.models.BigAutoField"
