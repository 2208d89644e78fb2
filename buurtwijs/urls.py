from django.contrib import admin
from django.urls import include, path

from buurtwijs import views

urlpatterns = [
    path("", views.home, name="home"),
    path("steden/", include("cities.urls")),
    path("begrippen/", views.glossary, name="glossary"),
    path("bronnen/", views.sources, name="sources"),
    path("over/", views.about, name="about"),
    path("vergelijk/", views.home, name="compare"),  # placeholder until the comparison lands
    path("zoeken/", views.home, name="search"),  # placeholder until search lands
    path("beheer/", admin.site.urls),
]
