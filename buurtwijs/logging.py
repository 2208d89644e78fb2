"""Log records as JSON lines, so a log collector can search them by field.

Django attaches the request to its error records (logger ``django.request``); the formatter adds
its method and path, never its body, cookies or headers.
"""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed through ``extra=`` and is kept.
_STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
_SKIPPED_EXTRAS = {"request", "status_code", "server_time"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry |= _request_fields(getattr(record, "request", None))
        entry |= {
            key: value
            for key, value in vars(record).items()
            if key not in _STANDARD_ATTRIBUTES and key not in _SKIPPED_EXTRAS
        }
        if status := getattr(record, "status_code", None):
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _request_fields(request) -> dict:
    if request is None or not hasattr(request, "method"):
        return {}
    return {"method": request.method, "path": request.path}
