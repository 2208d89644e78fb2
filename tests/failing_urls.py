"""A URL configuration with one view that fails, to test the 500 page."""

from django.urls import path

from buurtwijs.urls import handler404, handler500  # noqa: F401 -- Django looks them up here
from buurtwijs.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("Deze pagina faalt expres.")


urlpatterns = [path("kapot/", broken), *site_urlpatterns]
