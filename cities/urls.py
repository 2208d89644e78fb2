from django.urls import path

from cities import views

app_name = "cities"
urlpatterns = [
    path("", views.city_list, name="list"),
    path("<slug:city_slug>/", views.city_detail, name="detail"),
    path("<slug:city_slug>/wijken/<slug:district_slug>/", views.district_detail, name="district"),
]
