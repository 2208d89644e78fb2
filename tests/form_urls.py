"""The portal's addresses, with /over/ answered by a page that holds a form (a CSRF token)."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from buurtwijs.urls import urlpatterns as portal_urlpatterns


def about_with_form(request):
    field = f'<input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}">'
    return HttpResponse(f"<!doctype html><title>Over</title><form method=post>{field}</form>")


urlpatterns = [path("over/", about_with_form, name="about"), *portal_urlpatterns]
