"""django.contrib.admin with Patrika's site (its header, the desk as front page) as admin.site;
named in INSTALLED_APPS in place of "django.contrib.admin"."""

from django.contrib.admin.apps import AdminConfig


class PatrikaAdminConfig(AdminConfig):
    default_site = "patrika.editorial.site.PatrikaAdminSite"
