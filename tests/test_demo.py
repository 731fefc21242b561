"""The demo newsroom loads, loads again without duplicates, and fills the front page."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from demo.loader import demo_counts

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent():
    call_command("load_demo", stdout=StringIO())
    first = demo_counts()
    call_command("load_demo", stdout=StringIO())
    assert demo_counts() == first


def test_demo_has_what_the_brief_asks_for(client):

    output = StringIO()
    call_command("load_demo", stdout=output)
    counts = demo_counts()
    assert counts["sections"] >= 3
    assert counts["people"] + counts["organizations"] >= 15
    assert counts["tags"] >= 20
    assert counts["articles"] >= 15
    states = set(Article.objects.values_list("status", flat=True))
    assert states == {"draft", "in_review", "published"}
    assert Article.objects.scheduled().exists()
    assert Article.objects.filter(quotes__speaker_organization__isnull=False).exists()
    assert Article.objects.filter(quotes__speaker_person__isnull=False).exists()
    printed = output.getvalue()
    assert "username: reporter" in printed and "password:" in printed

    page = client.get("/").content.decode()
    assert page.count('href="/20') >= 5


def test_demo_accounts_can_log_in(client):
    call_command("load_demo", stdout=StringIO())
    from demo.loader import DEMO_ACCOUNTS

    for account in DEMO_ACCOUNTS:
        assert client.login(username=account.username, password=account.password), account.username
        assert client.get("/admin/").status_code == 200
        client.logout()
