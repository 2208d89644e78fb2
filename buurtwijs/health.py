"""The health check a load balancer or container runtime polls."""

import logging

from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from buurtwijs.middleware import DATABASE_ERRORS, RETRY_AFTER_SECONDS

logger = logging.getLogger("buurtwijs.outage")


@never_cache
@require_safe
def health(request):
    """200 "ok" when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DATABASE_ERRORS as error:
        logger.warning("Gezondheidscontrole: database onbereikbaar: %s", error)
        response = HttpResponse("database onbereikbaar", status=503, content_type="text/plain")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse("ok", content_type="text/plain")
