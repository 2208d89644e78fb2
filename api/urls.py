from django.urls import path

from api import downloads, views

app_name = "data"
urlpatterns = [
    path("", views.data_page, name="index"),
    path("steden/<slug:city_slug>/wijken.csv", downloads.districts_csv, name="districts_csv"),
    path(
        "steden/<slug:city_slug>/wijken.geojson",
        downloads.districts_geojson,
        name="districts_geojson",
    ),
    path("begrippen.csv", downloads.terms_csv, name="terms_csv"),
    path("bronnen.csv", downloads.sources_csv, name="sources_csv"),
]
