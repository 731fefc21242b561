"""Bad input through the admin gets a clear error and loses nothing."""

import threading

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from articles import workflow
from articles.models import MAX_BODY_CHARACTERS, Article
from articles.roles import sync_roles
from articles.wire import import_wire
from copytext import WireError
from tests import factories
from tests.factories import add_form_data, article_form_data, image_upload

ADD_URL = "/admin/articles/article/add/"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.mark.django_db
def test_a_version_of_zero_is_refused_as_stale(client, editor, draft):
    """A form claiming version 0 cannot skip the stale check and wipe a colleague's work."""
    client.force_login(editor)
    response = client.post(change_url(draft), article_form_data(draft, loaded_version=0, body="X"))
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.body != "X"


@pytest.mark.django_db
def test_a_slug_differing_only_in_case_is_refused(client, editor, section, published_article):
    """`Apollo-11` beside `apollo-11` is the same address: the form says so."""
    client.force_login(editor)
    response = client.post(ADD_URL, add_form_data(section, slug=published_article.slug.upper()))
    assert response.status_code == 200
    assert "Another story already has this address" in response.content.decode()
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_new_addresses_are_lower_case(client, editor, section):
    client.force_login(editor)
    client.post(ADD_URL, add_form_data(section, slug="Apollo-11-Moon-Landing"))
    assert Article.objects.filter(slug="apollo-11-moon-landing").exists()


@pytest.mark.django_db
def test_an_image_is_stored_under_the_extension_of_its_format(client, editor, draft):
    """A PNG uploaded as "x.pdf" is stored as a .png, whatever its name claimed."""
    client.force_login(editor)
    upload = image_upload("x.pdf", image_format="PNG")
    data = article_form_data(draft, hero_image=upload, hero_alt="A test card")
    response = client.post(change_url(draft), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.hero_image.name.endswith("/x.png")


@pytest.mark.django_db
def test_an_over_long_body_is_refused_with_a_clear_message(client, reporter, draft):
    """A body past 200,000 characters is refused and the stored story keeps its text."""
    client.force_login(reporter)
    body = "word " * (MAX_BODY_CHARACTERS // 5 + 1)
    response = client.post(change_url(draft), article_form_data(draft, body=body))
    assert response.status_code == 200
    assert "may have up to 200,000 characters" in response.content.decode()
    draft.refresh_from_db()
    assert len(draft.body) < 1000


@pytest.mark.django_db
def test_over_long_wire_copy_is_not_imported(editor):
    with pytest.raises(WireError, match="at most 200,000"):
        import_wire("Headline\n\n" + "word " * (MAX_BODY_CHARACTERS // 5 + 1), user=editor)
    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs two real connections (PostgreSQL)"
)
def test_two_adds_with_one_slug_at_once_give_a_form_error(client, section, monkeypatch):
    """When a colleague saves the same address between our check and our save, we get the
    form back with the reason, not a server error."""
    sync_roles(apps)  # transactional tests flush the groups the migrations made
    editor = factories.make_user("editor", groups=["Editors"], is_staff=True)
    section = factories.make_section(name="Races", slug="races")
    real_save = workflow.save_content
    raced = []

    def colleague_saves_first(article, user, apply, **kwargs):
        if not raced:  # a colleague's story with the same address commits on its own connection
            raced.append(True)
            thread = threading.Thread(target=_colleague_story, args=(article.slug,))
            thread.start()
            thread.join()
        return real_save(article, user, apply, **kwargs)

    monkeypatch.setattr(workflow, "save_content", colleague_saves_first)
    client.force_login(editor)
    response = client.post(ADD_URL, add_form_data(section, slug="same-address"))
    assert response.status_code == 200
    assert "already exists" in response.content.decode() or "already has this address" in (
        response.content.decode()
    )
    assert Article.objects.filter(slug="same-address").count() == 1


def _colleague_story(slug):
    try:
        factories.make_article(slug=slug, headline="The colleague's story")
    finally:
        connection.close()
