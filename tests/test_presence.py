"""Who is editing: the change form says who else has the story open, and since when."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import presence
from tests import browser as shared
from tests.browser import expect

pytestmark = pytest.mark.django_db
browser = shared.browser  # the browser test's fixtures, by name
open_page = shared.open_page


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def presence_url(article):
    return reverse("admin:articles_article_presence", args=[article.pk])


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def rosa(editor):
    editor.first_name, editor.last_name = "Rosa", "Marín"
    editor.save()
    return editor


def test_the_second_editor_sees_the_first_and_since_when(draft, rosa, reviewer):
    """Rosa opens the story at 10:02; the reviewer who opens it next sees her name and time."""
    opened = timezone.localtime().replace(hour=10, minute=2)
    with time_machine.travel(opened, tick=False):
        first = logged_in(rosa).get(change_url(draft))
    assert "is editing this story" not in first.text
    with time_machine.travel(opened + timedelta(minutes=1), tick=False):
        second = logged_in(reviewer).get(change_url(draft))
    assert "Rosa Marín is editing this story (since 10:02)" in second.text


def test_the_ping_refreshes_and_lists_the_others(draft, rosa, reviewer):
    """A page left open stays listed past the TTL because it pings; the answer names others."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        logged_in(rosa).get(change_url(draft))
    client = logged_in(reviewer)
    with time_machine.travel(start + timedelta(seconds=90), tick=False):
        logged_in(rosa).post(presence_url(draft))
    with time_machine.travel(start + timedelta(seconds=180), tick=False):
        answer = client.post(presence_url(draft))
    assert answer.status_code == 200
    assert "no-store" in answer["Cache-Control"]
    [other] = answer.json()["others"]
    assert other["name"] == "Rosa Marín"
    assert other["since"] == f"{timezone.localtime(start):%H:%M}"


def test_the_ping_needs_the_csrf_token(draft, rosa):
    client = Client(enforce_csrf_checks=True)
    client.force_login(rosa)
    assert client.post(presence_url(draft)).status_code == 403


def test_the_ping_refuses_someone_who_may_not_change_the_story(in_review, reporter, rosa):
    """A reporter may no longer edit their story once it is in review: no presence for them."""
    logged_in(rosa).get(change_url(in_review))
    client = logged_in(reporter)
    assert client.post(presence_url(in_review)).status_code == 403
    assert "is editing this story" not in client.get(change_url(in_review)).text


def test_the_ping_is_post_only(draft, rosa):
    assert logged_in(rosa).get(presence_url(draft)).status_code == 405


def test_presence_expires(draft, rosa, reviewer):
    """Someone whose page stopped pinging is gone after the TTL."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        logged_in(rosa).get(change_url(draft))
    later = start + timedelta(seconds=presence.TTL_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        page = logged_in(reviewer).get(change_url(draft)).text
    assert "is editing this story" not in page


def test_leaving_removes_you(draft, rosa, reviewer):
    logged_in(rosa).get(change_url(draft))
    logged_in(rosa).post(presence_url(draft), {"leave": "1"})
    assert logged_in(reviewer).post(presence_url(draft)).json() == {"others": []}


def test_a_goodbye_from_an_older_page_leaves_you_listed(draft, rosa, reviewer):
    """Saving opens the next page before the old one's goodbye arrives: Rosa stays listed."""
    client = logged_in(rosa)
    client.post(presence_url(draft), {"page": "first"})
    client.post(presence_url(draft), {"page": "second"})
    client.post(presence_url(draft), {"page": "first", "leave": "1"})
    [other] = logged_in(reviewer).post(presence_url(draft)).json()["others"]
    assert other["name"] == "Rosa Marín"


def test_nobody_sees_themselves(draft, rosa):
    client = logged_in(rosa)
    client.get(change_url(draft))
    assert client.post(presence_url(draft)).json() == {"others": []}


def test_a_cache_that_is_down_shows_nobody_and_never_fails(settings, draft, rosa, reviewer):
    """Redis at a closed port: the form and the ping answer as if nobody else were there."""
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.resilience.FailOpenRedisCache",
            "LOCATION": "redis://127.0.0.1:9",
            "RETRY_AFTER": 0,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    assert logged_in(rosa).get(change_url(draft)).status_code == 200
    page = logged_in(reviewer).get(change_url(draft))
    assert page.status_code == 200
    assert "is editing this story" not in page.text
    answer = logged_in(reviewer).post(presence_url(draft))
    assert answer.status_code == 200
    assert answer.json() == {"others": []}
    assert logged_in(reviewer).post(presence_url(draft), {"leave": "1"}).status_code == 200


@pytest.fixture
def desk(transactional_db):
    """Accounts for a browser test: a transactional test flushes the groups, so make them."""
    from django.apps import apps

    from articles.roles import sync_roles
    from tests import factories

    sync_roles(apps)
    ilse = factories.make_user(
        "reviewer", groups=["Reviewers"], is_staff=True, first_name="Ilse", last_name="Lindqvist"
    )
    rosa = factories.make_user(
        "editor", groups=["Editors"], is_staff=True, first_name="Rosa", last_name="Marín"
    )
    story = factories.make_article(headline="Ferry deal signed", created_by=rosa)
    return ilse, rosa, story


def _browser_test(function):
    for mark in reversed(shared.browser_marks(axe=True)):
        function = mark(function)
    return function


@_browser_test
def test_in_a_browser_presence_and_the_lock_are_shown_accessibly(open_page, desk):
    """Ilse locks the story; Rosa opening it sees who is editing and the lock, and axe finds
    nothing to fix; leaving the page takes Ilse off the list (the pagehide beacon)."""
    ilse, rosa, story = desk
    reviewer, editor = open_page("reviewer"), open_page("editor")
    shared.log_in(reviewer, "reviewer")
    shared.log_in(editor, "editor")
    reviewer.page.goto(change_url(story))
    reviewer.page.get_by_role("button", name="Lock", exact=True).click()
    expect(reviewer.page.locator(".story-lock")).to_contain_text("You locked this story")

    editor.page.goto(change_url(story))
    expect(editor.page.locator(".presence")).to_contain_text(
        "Ilse Lindqvist is editing this story (since"
    )
    expect(editor.page.locator(".story-lock")).to_contain_text("Locked by Ilse Lindqvist since")
    editor.assert_clean()  # before axe, whose own script sets styles
    reports = [shared.accessibility_report(editor, "change form, locked, someone editing")]
    shared.assert_accessible(reports)

    reviewer.page.goto("/admin/")  # pagehide: the beacon says Ilse left
    for _ in range(50):
        if not presence.others_present(story.pk, rosa):
            break
        editor.page.wait_for_timeout(100)
    assert presence.others_present(story.pk, rosa) == []
    reviewer.assert_clean()
