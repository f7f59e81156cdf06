from django.urls import URLPattern

app_name = "comments"
urlpatterns: list[URLPattern] = []
