"""Every response names its request, and every log line written for it carries that name."""

import io
import json
import logging

from django.http import HttpResponse
from django.test import RequestFactory

from newsroom.logs import RequestId, RequestIdFilter, json_formatter


def test_a_response_carries_a_new_request_id(client, db):
    """Without an id from the proxy, each response gets its own."""
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_the_proxys_request_id_is_kept(client, db):
    """The load balancer's id comes back, so its log and ours can be matched."""
    response = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.01"})
    assert response["X-Request-ID"] == "lb-7f3a.01"


def test_a_request_id_that_is_not_sane_is_replaced(client, db):
    """An id with markup or of any length is not copied into logs and headers."""
    response = client.get("/healthz", headers={"X-Request-ID": "<script>" + "x" * 80})
    assert "<" not in response["X-Request-ID"]
    assert len(response["X-Request-ID"]) == 32


def test_log_lines_are_json_with_the_request_id():
    """A line logged while a request runs is one JSON object naming the request."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(json_formatter())
    logger = logging.getLogger("tests.logs")
    logger.addHandler(handler)

    def view(request):
        logger.warning("the wire feed is late")
        return HttpResponse("ok")

    try:
        RequestId(view)(RequestFactory().get("/", headers={"X-Request-ID": "req-1"}))
        logger.warning("outside any request")
    finally:
        logger.removeHandler(handler)

    inside, outside = (json.loads(row) for row in stream.getvalue().splitlines())
    assert inside["message"] == "the wire feed is late"
    assert inside["level"] == "WARNING"
    assert inside["logger"] == "tests.logs"
    assert inside["request_id"] == "req-1"
    assert outside["request_id"] == ""
