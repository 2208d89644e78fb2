"""robots.txt and /.well-known/security.txt (RFC 9116)."""

from datetime import UTC, timedelta

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

SECURITY_CONTACT = "mailto:security@buurtwijs.nl"
# RFC 9116 asks for an expiry under a year away, so it is computed on every request.
SECURITY_TXT_VALIDITY = timedelta(days=365)


def _text(body: str) -> HttpResponse:
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        f"Disallow: {reverse('admin:index')}",
        f"Sitemap: {request.build_absolute_uri(reverse('django.contrib.sitemaps.views.sitemap'))}",
        "",
    ]
    return _text("\n".join(lines))


@require_safe
@cache_control(max_age=86400, public=True)
def security_txt(request):
    expires = timezone.now().replace(microsecond=0) + SECURITY_TXT_VALIDITY
    lines = [
        f"Contact: {SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri(reverse('security_txt'))}",
        "",
    ]
    return _text("\n".join(lines))
