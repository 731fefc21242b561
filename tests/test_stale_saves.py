"""Two editors on one story: the second save is refused, and nobody loses a word."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles import workflow
from articles.models import Article, Revision
from tests import factories
from tests.factories import article_form_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def two_editors(editor):
    other = factories.make_user("editor-b", groups=["Editors"], is_staff=True)
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(other)
    return first, second


def test_second_admin_save_is_refused_and_keeps_the_typing(two_editors, draft):
    """A saves after B: A's text stays in the form, B's change is shown, B's text is kept."""
    client_a, client_b = two_editors
    loaded = Article.objects.get(pk=draft.pk)  # both opened the same version
    response_b = client_b.post(
        change_url(draft), article_form_data(loaded, body="B's careful rewrite.")
    )
    assert response_b.status_code == 302

    response_a = client_a.post(
        change_url(draft), article_form_data(loaded, body="A's own paragraph.")
    )
    page = response_a.content.decode()
    assert response_a.status_code == 200
    assert "editor-b saved this story after you opened it" in page
    assert "A&#x27;s own paragraph." in page or "A's own paragraph." in page
    assert "<ins>B&#x27;s careful rewrite.</ins>" in page
    draft.refresh_from_db()
    assert draft.body == "B's careful rewrite."


def test_after_seeing_the_diff_a_can_save_again(two_editors, draft):
    client_a, client_b = two_editors
    loaded = Article.objects.get(pk=draft.pk)
    client_b.post(change_url(draft), article_form_data(loaded, body="B's version."))
    refused = client_a.post(change_url(draft), article_form_data(loaded, body="Merged version."))
    new_version = refused.context["adminform"].form["loaded_version"].value()
    retried = client_a.post(
        change_url(draft),
        article_form_data(loaded, body="Merged version.", loaded_version=new_version),
    )
    assert retried.status_code == 302
    draft.refresh_from_db()
    assert draft.body == "Merged version."


def test_each_admin_save_stores_a_revision(client, editor, draft):
    client.force_login(editor)
    before = draft.revisions.count()
    client.post(change_url(draft), article_form_data(draft, headline="A better headline"))
    revision = draft.revisions.first()
    assert draft.revisions.count() == before + 1
    assert revision.content["headline"] == "A better headline"
    assert revision.created_by == editor


def test_service_refuses_a_stale_version(editor, draft):
    """The same rule holds for code that saves without the admin."""
    version = draft.version
    workflow.save_article(draft, editor, expected_version=version, body="First.")
    with pytest.raises(workflow.StaleEdit) as stale:
        workflow.save_article(draft, editor, expected_version=version, body="Second.")
    assert [change.label for change in stale.value.changes] == ["Body"]
    assert Article.objects.get(pk=draft.pk).body == "First."


def test_a_database_error_mid_save_leaves_nothing_half_done(editor, draft, monkeypatch):
    """If storing the revision fails, the article keeps its old text and no revision is left."""
    revisions_before = Revision.objects.count()

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("articles.revisions.record", explode)
    with pytest.raises(RuntimeError):
        workflow.save_article(draft, editor, expected_version=draft.version, body="Lost?")
    draft.refresh_from_db()
    assert draft.body != "Lost?"
    assert Revision.objects.count() == revisions_before


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs two real connections (PostgreSQL)"
)
def test_concurrent_service_saves_from_one_version(section):
    """Two connections save from the same version at once: exactly one wins."""
    from django.apps import apps

    from articles.roles import sync_roles

    sync_roles(apps)
    editors = [
        factories.make_user(f"racer{n}", groups=["Editors"], is_staff=True) for n in range(2)
    ]
    article = factories.make_article(section=section)
    barrier, outcomes = threading.Barrier(2), []

    def save(user, text):
        try:
            barrier.wait()
            workflow.save_article(
                Article.objects.get(pk=article.pk), user, expected_version=1, body=text
            )
            outcomes.append("saved")
        except workflow.StaleEdit:
            outcomes.append("stale")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(user, f"Text {n}")) for n, user in enumerate(editors)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["saved", "stale"]
    assert Article.objects.get(pk=article.pk).version == 2
