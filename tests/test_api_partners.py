"""Partners with keys: embargoed copy early with the embargo scope and nothing without, keyed
answers never shared through the cache, bad keys refused, anonymous callers rate-limited."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from syndication import partners
from syndication.models import Scope
from tests import factories
from tests.test_api_schema import assert_ninjs

pytestmark = pytest.mark.django_db
LIST = "/api/v1/articles/"


@pytest.fixture
def embargoed(reporter, reviewer, section):
    """An approved story whose embargo runs two more hours."""
    story = factories.make_article(
        section=section,
        created_by=reporter,
        headline="Harbour deal under embargo",
        embargo_until=timezone.now() + timedelta(hours=2),
    )
    workflow.submit(story, reporter)
    return workflow.approve(story, reviewer)


@pytest.fixture
def public_story(section):
    return factories.make_article(status="published", section=section, headline="Open story")


def key_for(editor, *scopes) -> str:
    return partners.issue_key("Wire partner", list(scopes), editor)[1]


def bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


def headlines(response) -> list[str]:
    return [item["headlines"][0]["value"] for item in response.json()["results"]]


def test_a_key_with_the_embargo_scope_gets_embargoed_copy_early(client, editor, embargoed):
    """The list and the story itself, with `embargoedUntil`, valid ninjs."""
    key = key_for(editor, Scope.EMBARGO)
    listed = client.get(LIST, headers=bearer(key))
    assert "Harbour deal under embargo" in headlines(listed)
    item = client.get(f"{LIST}{embargoed.pk}/", headers={"X-Api-Key": key}).json()
    assert item["embargoedUntil"].startswith(embargoed.embargo_until.strftime("%Y-%m-%dT"))
    assert_ninjs(item)


@pytest.mark.parametrize("scopes", [(), ("none",)], ids=["key without scopes", "anonymous"])
def test_without_the_scope_an_embargoed_story_does_not_exist(
    client, editor, embargoed, public_story, scopes
):
    """No scope, or no key: the list leaves it out and its id answers 404 like a missing one."""
    headers = bearer(key_for(editor)) if scopes == () else {}
    assert headlines(client.get(LIST, headers=headers)) == ["Open story"]
    missing = client.get(f"{LIST}{embargoed.pk}/", headers=headers)
    assert missing.status_code == 404
    assert missing.json() == client.get(f"{LIST}999999/", headers=headers).json()


def test_keyed_answers_never_pass_through_the_shared_cache(client, editor, embargoed, public_story):
    """Anonymous first (cached), then a partner, then anonymous again: each sees its own."""
    assert headlines(client.get(LIST)) == ["Open story"]
    keyed = client.get(LIST, headers=bearer(key_for(editor, Scope.EMBARGO)))
    assert "Harbour deal under embargo" in headlines(keyed)
    assert keyed["Cache-Control"] == "private, no-store"
    assert headlines(client.get(LIST)) == ["Open story"]


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": "Bearer nrk_not-a-key"}, {"X-Api-Key": "nonsense"}],
    ids=["unknown bearer", "unknown x-api-key"],
)
def test_an_unknown_key_is_refused_not_taken_as_anonymous(client, public_story, headers):
    refused = client.get(LIST, headers=headers)
    assert refused.status_code == 401
    assert refused.json()["detail"]


def test_a_revoked_key_is_refused(client, editor, public_story):
    key, plaintext = partners.issue_key("Old partner", [], editor)
    partners.revoke_key(key)
    assert client.get(LIST, headers=bearer(plaintext)).status_code == 401


def test_anonymous_callers_are_told_when_to_come_back(client, settings, public_story):
    """Past the anonymous limit: 429 in JSON with Retry-After. (Answers the page cache holds
    cost nothing and are not counted, so each request here asks for a new page.)"""
    settings.NEWSROOM_API_ANON_RATE = "2/minute"
    for size in (3, 4):
        assert client.get(LIST, {"page_size": size}).status_code == 200
    refused = client.get(LIST, {"page_size": 5})
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "Too many requests" in refused.json()["detail"]
