"""Schemathesis fuzzes the API from its own OpenAPI document: no 500, no answer that breaks
the document, and every story it is sent back is valid ninjs."""

from urllib.parse import parse_qs, urlsplit

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from newsroom.wsgi import application
from tests.test_api_schema import assert_ninjs, make_archive

pytestmark = pytest.mark.django_db

EXAMPLES = 30  # per operation and mode: the whole run stays under a minute


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
schema.config.generation.update(allow_x00=False)  # a project-wide guard answers NUL in text
# A withdrawn story's 410 is documented and expected, schema-valid id or not.
schema.config.checks.positive_data_acceptance.expected_statuses.append("410")
KNOWN: dict[str, list] = {}  # real ids and slugs of the current test's archive


@pytest.fixture
def archive(settings, client):
    """A small newsroom that some generated parameters are pointed at, so that the 200s of
    every operation are fuzzed too, not only their 400s and 404s."""
    settings.NEWSROOM_SITE_URL = "https://news.example"
    stories = make_archive(stories=12)
    public = stories["public"]
    KNOWN["ids"] = [a.pk for a in public] + [stories["hidden"]["withdrawn"].pk]
    KNOWN["people"] = sorted(
        {p.slug for a in public for p in [*a.authors, *a.people_mentioned.all()]}
    )
    KNOWN["organisations"] = sorted(
        {o.slug for a in public for o in a.organizations_mentioned.all()}
    )
    KNOWN["cursors"] = {
        name: parse_qs(urlsplit(client.get(url).json()["next"]).query)["cursor"][0]
        for name, url in (
            ("newest", "/api/v1/articles/?page_size=3"),
            ("changes", "/api/v1/articles/?page_size=3&since=2000-01-01T00:00:00Z"),
            ("tags", "/api/v1/tags/?page_size=2"),
        )
    }
    # Schemathesis calls the WSGI app itself, whose end of request would close the test's
    # connection (and its transaction) on PostgreSQL; Django's test client unhooks it too.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield stories
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)
    KNOWN.clear()


def aim(case):
    """Point even ids and slugs of even length at real ones, and give a schema-valid case a
    cursor the API made (any other is refused with 400 by design: see docs/API.md)."""
    value = case.path_parameters.get("article_id") if case.path_parameters else None
    if isinstance(value, int) and value % 2 == 0:
        case.path_parameters["article_id"] = KNOWN["ids"][value // 2 % len(KNOWN["ids"])]
    slug = case.path_parameters.get("slug") if case.path_parameters else None
    if isinstance(slug, str) and len(slug) % 2 == 0:
        known = KNOWN["organisations" if "organisations" in case.operation.path else "people"]
        case.path_parameters["slug"] = known[len(slug) // 2 % len(known)]
    positive = case.meta is not None and case.meta.generation.mode.is_positive
    if positive and case.query and "cursor" in case.query:
        kind = "tags" if "tags" in case.operation.path else "newest"
        kind = "changes" if case.query.get("since") is not None else kind
        case.query["cursor"] = KNOWN["cursors"][kind]


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_never_breaks_its_document(case, archive):
    aim(case)  # here, not in a hook: the coverage phase makes its cases before the archive
    response = case.call_and_validate()
    if response.status_code in (200, 410) and case.operation.path.startswith("/api/v1/articles/"):
        data = response.json()
        for item in data.get("results", [data]):
            assert_ninjs(item)
