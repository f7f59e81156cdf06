from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "patrika.editorial"
    verbose_name = _("Editorial")

    def ready(self) -> None:
        from .revisions import revisions_register

        revisions_register()
