"""Every public address, and which app answers it."""

from django.contrib import admin
from django.urls import include, path

from approaches import views as approach_views
from buurtwijs import health, views, wellknown
from cities import views as city_views
from library import views as library_views
from search import views as search_views

# Under /steden/: the city pages show a city through its approach, a district page the place.
city_patterns = (
    [
        path("", approach_views.city_list, name="list"),
        path("<slug:city_slug>/", approach_views.city_profile, name="detail"),
        path(
            "<slug:city_slug>/wijken/<slug:district_slug>/",
            city_views.district_detail,
            name="district",
        ),
    ],
    "cities",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("steden/", include(city_patterns)),
    path("begrippen/", library_views.glossary, name="glossary"),
    path("bronnen/", library_views.sources, name="sources"),
    path("over/", views.about, name="about"),
    path("vergelijk/", approach_views.compare, name="compare"),
    path("zoeken/", search_views.search_page, name="search"),
    path("", include("feedback.urls")),
    path("beheer/", admin.site.urls),
    path("gezond/", health.health, name="health"),
    path("robots.txt", wellknown.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", wellknown.security_txt, name="security_txt"),
]

handler404 = "buurtwijs.views.page_not_found"
handler500 = "buurtwijs.views.server_error"
