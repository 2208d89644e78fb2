"""The login lock-out records (django-axes) are for administrators, not for editors."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin


def _administrators_only(request) -> bool:
    return request.user.is_active and request.user.is_superuser


for model in (AccessAttempt, AccessFailureLog, AccessLog):
    model_admin = admin.site._registry.get(model)
    if model_admin is not None:
        model_admin.has_module_permission = _administrators_only
        model_admin.has_view_permission = lambda request, obj=None: _administrators_only(request)
