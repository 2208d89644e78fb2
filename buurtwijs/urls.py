"""Every public address, and which app answers it."""

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.decorators.http import require_safe

from api import feeds
from api import views as api_views
from api.sitemaps import SITEMAPS
from api.v1 import api, unknown_path
from approaches import embed as approach_embed
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
    path("vergelijk/insluiten/", approach_embed.compare_embed, name="compare_embed"),
    path("zoeken/", search_views.search_page, name="search"),
    path("data/", include("api.urls")),
    path("api/v1/docs/", api_views.api_reference, name="api_reference"),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/[\s\S]*$", unknown_path),
    path("feeds/wijzigingen/", feeds.ChangesFeed(), name="feed"),
    path("feeds/steden/<slug:city_slug>/", feeds.CityChangesFeed(), name="city_feed"),
    path(
        "sitemap.xml",
        require_safe(sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("", include("feedback.urls")),
    path("beheer/", admin.site.urls),
    path("gezond/", health.health, name="health"),
    path("robots.txt", wellknown.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", wellknown.security_txt, name="security_txt"),
]

handler400 = "editorial.errors.bad_request"
handler403 = "editorial.errors.permission_denied"
handler404 = "buurtwijs.views.page_not_found"
handler500 = "buurtwijs.views.server_error"
