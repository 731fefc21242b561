"""Logs a person can follow through one request: a request id on every line.

The id comes from the load balancer's `X-Request-ID` header when it sent a sane one, so a line
in the proxy's log and a line here can be matched; otherwise a new one is made. It goes back in
the response's `X-Request-ID` header (gunicorn's access log reads it from there) and onto every
log record written while the request runs. In production the records are JSON on stdout, one
object a line (settings.LOGGING).
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

_current = contextvars.ContextVar("request_id", default="")
_SANE = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def current_request_id() -> str:
    """Return the id of the request this code runs for, or "" outside a request."""
    return _current.get()


class RequestId:
    """Give every request an id, kept for its log records and sent back in `X-Request-ID`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = offered if _SANE.fullmatch(offered) else uuid.uuid4().hex
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Put the current request's id on each record (as `request_id`, "" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get()
        return True


def json_formatter() -> logging.Formatter:
    """The JSON formatter production uses: time, level, logger, message, request id."""
    from pythonjsonlogger.json import JsonFormatter

    return JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        datefmt="%Y-%m-%dT%H:%M:%S%z",
    )


try:
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # gunicorn is only needed where it serves the site
    _GunicornLogger = object


class GunicornJsonLogger(_GunicornLogger):
    """gunicorn's own lines as JSON, like the application's (deploy/gunicorn.conf.py).

    The access line is one JSON object per request with the method, path, status, bytes,
    duration and the request id the application sent back, so a slow or failed request in the
    access log leads to the application's lines for it.
    """

    def setup(self, cfg):
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.addFilter(RequestIdFilter())
            handler.setFormatter(json_formatter())
        for handler in self.access_log.handlers:
            handler.setFormatter(logging.Formatter("%(message)s"))

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        headers = dict((name.lower(), value) for name, value in resp.headers)
        line = {
            "time": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S%z"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "remote": environ.get("REMOTE_ADDR", ""),
            "method": environ.get("REQUEST_METHOD", ""),
            "path": environ.get("RAW_URI", ""),
            "status": int(status),
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "request_id": headers.get("x-request-id", ""),
            "user_agent": environ.get("HTTP_USER_AGENT", ""),
        }
        self.access_log.info(json.dumps(line))
