from django.contrib import admin
from django.urls import include, path

from approaches import views as approaches_views
from buurtwijs import health, views, wellknown
from search import views as search_views

urlpatterns = [
    path("", views.home, name="home"),
    path("steden/", include("cities.urls")),
    path("begrippen/", views.glossary, name="glossary"),
    path("bronnen/", views.sources, name="sources"),
    path("over/", views.about, name="about"),
    path("vergelijk/", approaches_views.compare, name="compare"),
    path("zoeken/", search_views.search_page, name="search"),
    path("beheer/", admin.site.urls),
    path("gezond/", health.health, name="health"),
    path("robots.txt", wellknown.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", wellknown.security_txt, name="security_txt"),
]

handler404 = "buurtwijs.views.page_not_found"
handler500 = "buurtwijs.views.server_error"
