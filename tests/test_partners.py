"""Partner API keys and rate limits: editors issue and revoke keys in the admin, the API knows
who calls and slows down whoever asks too often."""

import hashlib
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory

from syndication import partners
from syndication.models import ApiKey
from syndication.partners import Unauthorized

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/syndication/apikey/add/"
LIST_URL = "/admin/syndication/apikey/"
KEY = re.compile(r"nrk_[A-Za-z0-9_-]{43}")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def api_request(key=None, *, header="Authorization", address="203.0.113.5"):
    extra = {"REMOTE_ADDR": address}
    if key is not None:
        extra["HTTP_AUTHORIZATION" if header == "Authorization" else "HTTP_X_API_KEY"] = (
            f"Bearer {key}" if header == "Authorization" else key
        )
    return RequestFactory().get("/api/v1/articles/", **extra)


# Keys in the admin.


def test_an_editor_creates_a_key_and_sees_it_only_once(editor_client, editor):
    """The key is shown once in a message; the database holds only its hash and prefix."""
    response = editor_client.post(
        ADD_URL, {"name": "Wire Partner", "scopes": ["embargo"], "rate_limit": "900"}, follow=True
    )

    assert response.status_code == 200
    [plaintext] = KEY.findall(response.content.decode())
    key = ApiKey.objects.get()
    assert key.digest == hashlib.sha256(plaintext.encode()).hexdigest()
    assert key.prefix == plaintext[:12]
    assert plaintext not in {str(value) for value in vars(key).values()}
    assert (key.name, key.scopes, key.rate_limit, key.created_by) == (
        "Wire Partner", ["embargo"], 900, editor,
    )  # fmt: skip
    assert key.sees_embargoed
    again = editor_client.get(f"{LIST_URL}{key.pk}/change/").content.decode()
    assert plaintext not in again and key.prefix in again


def test_an_editor_revokes_a_key(editor_client, editor):
    """A revoked key gets 401 from then on, and cannot be switched back on."""
    key, plaintext = partners.issue_key("Wire Partner", [], editor)

    response = editor_client.post(
        LIST_URL, {"action": "revoke", "_selected_action": [key.pk]}, follow=True
    )

    assert "Revoked: Wire Partner" in response.content.decode()
    key.refresh_from_db()
    assert key.revoked_at is not None and not key.active
    with pytest.raises(Unauthorized, match="revoked"):
        partners.identify(api_request(plaintext))
    form = editor_client.get(f"{LIST_URL}{key.pk}/change/").content.decode()
    assert 'name="active"' not in form


def test_an_editor_grants_and_removes_the_embargo_scope(editor_client, editor):
    """Scopes are ticked in the key's form; an unknown scope is refused."""
    key, _ = partners.issue_key("Wire Partner", [], editor)
    change = f"{LIST_URL}{key.pk}/change/"
    data = {"name": key.name, "rate_limit": "600", "active": "on"}

    editor_client.post(change, {**data, "scopes": ["embargo"]})
    key.refresh_from_db()
    assert key.scopes == ["embargo"] and key.sees_embargoed

    refused = editor_client.post(change, {**data, "scopes": ["everything"]})
    assert refused.status_code == 200 and "not one of the available choices" in (
        refused.content.decode()
    )
    editor_client.post(change, data)
    key.refresh_from_db()
    assert key.scopes == [] and not key.sees_embargoed


def test_a_reporter_cannot_see_the_keys(client, reporter):
    """Keys are for editors: a reporter is refused."""
    client.force_login(reporter)
    assert client.get(ADD_URL).status_code == 403
    assert client.get(LIST_URL).status_code == 403


# identify()


def test_a_request_without_a_key_is_anonymous():
    """No key, no partner: the anonymous client."""
    assert partners.identify(api_request()) is None


@pytest.mark.parametrize("header", ["Authorization", "X-Api-Key"])
def test_a_valid_key_identifies_its_partner(editor, header):
    """A key sent as a bearer token or in X-Api-Key names its partner."""
    key, plaintext = partners.issue_key("Wire Partner", ["embargo"], editor)
    assert partners.identify(api_request(plaintext, header=header)) == key


@pytest.mark.parametrize(
    "presented",
    ["nrk_" + "x" * 43, "not-a-key", "nrk_short"],
)
def test_an_unknown_key_is_refused(editor, presented):
    """A key nobody issued is a 401, never an anonymous request."""
    partners.issue_key("Wire Partner", [], editor)
    with pytest.raises(Unauthorized, match="not valid"):
        partners.identify(api_request(presented))


def test_a_key_one_character_off_is_refused(editor):
    """The prefix finds the key; the whole digest must match."""
    _, plaintext = partners.issue_key("Wire Partner", [], editor)
    wrong = plaintext[:-1] + ("A" if plaintext[-1] != "A" else "B")
    with pytest.raises(Unauthorized):
        partners.identify(api_request(wrong))


def test_an_inactive_key_is_refused(editor):
    """An editor can pause a key; while paused it gets 401."""
    key, plaintext = partners.issue_key("Wire Partner", [], editor)
    ApiKey.objects.filter(pk=key.pk).update(active=False)
    with pytest.raises(Unauthorized, match="inactive"):
        partners.identify(api_request(plaintext))


def test_another_authorization_scheme_is_refused():
    """`Authorization: Basic …` is not a key: say how to send one."""
    request = RequestFactory().get("/api/v1/articles/", HTTP_AUTHORIZATION="Basic dXNlcg==")
    with pytest.raises(Unauthorized, match="Bearer"):
        partners.identify(request)


def test_last_use_is_written_at_most_once_a_minute(editor, django_assert_num_queries):
    """A busy key costs one read per request, and one write a minute."""
    key, plaintext = partners.issue_key("Wire Partner", [], editor)
    start = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        with django_assert_num_queries(2):  # find the key, note its use
            partners.identify(api_request(plaintext))
        with django_assert_num_queries(1):
            partners.identify(api_request(plaintext))
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        partners.identify(api_request(plaintext))
    key.refresh_from_db()
    assert key.last_used_at == start + timedelta(seconds=61)


# throttle()


@pytest.fixture
def frozen():
    """A moment 45 seconds into a minute, held still so the window does not turn."""
    with time_machine.travel(datetime(2026, 3, 2, 12, 0, 45, tzinfo=UTC), tick=False):
        yield


def test_an_anonymous_caller_over_the_limit_waits_until_the_next_minute(settings, frozen):
    """The 4th request in a minute at 3/minute waits the 15 seconds left in it (Retry-After);
    another address is not slowed down."""
    settings.NEWSROOM_API_ANON_RATE = "3/minute"
    answers = [partners.throttle(api_request(), None) for _ in range(4)]
    assert answers == [None, None, None, 15]
    assert partners.throttle(api_request(address="198.51.100.7"), None) is None


def test_a_key_has_its_own_higher_limit(settings, frozen, editor):
    """A partner's key counts against its own allowance, not the anonymous one."""
    settings.NEWSROOM_API_ANON_RATE = "2/minute"
    key, _ = partners.issue_key("Wire Partner", [], editor, rate_limit=5)
    anonymous = [partners.throttle(api_request(), None) for _ in range(3)]
    keyed = [partners.throttle(api_request(), key) for _ in range(6)]
    assert anonymous[-1] == 15
    assert keyed == [None] * 5 + [15]


def test_a_new_minute_starts_a_new_count(settings):
    """Waiting out the Retry-After is enough."""
    settings.NEWSROOM_API_ANON_RATE = "1/minute"
    with time_machine.travel(datetime(2026, 3, 2, 12, 0, 59, tzinfo=UTC), tick=False):
        assert partners.throttle(api_request(), None) is None
        assert partners.throttle(api_request(), None) == 1
    with time_machine.travel(datetime(2026, 3, 2, 12, 1, 0, tzinfo=UTC), tick=False):
        assert partners.throttle(api_request(), None) is None


def test_requests_are_answered_when_the_cache_cannot_count(settings, monkeypatch):
    """A cache that is down never turns callers away."""
    settings.NEWSROOM_API_ANON_RATE = "1/minute"

    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(cache, "incr", down)
    assert [partners.throttle(api_request(), None) for _ in range(3)] == [None, None, None]
