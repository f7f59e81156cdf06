from django.urls import path

from . import views

app_name = "preview"

# Outside the language prefix: the language is part of the preview's own address.
urlpatterns = [
    path("<str:token>/bilingual/", views.link_preview, name="link_bilingual"),
    path("<str:token>/<str:lang>/", views.link_preview, name="link"),
]
