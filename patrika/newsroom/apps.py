from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "patrika.newsroom"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        from . import checks, receivers  # noqa: F401  (registers checks, connects receivers)
        from .images import pil_limit_apply

        pil_limit_apply()
