"""Addresses that never break: a renamed story, person or organization keeps its old links."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles import workflow
from articles.models import Article, FormerAddress
from people.models import FormerAddress as FormerPeopleAddress
from tests import factories
from tests.factories import add_form_data, article_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(section, author):
    return factories.make_article(
        status="published", section=section, authors=[author], slug="first-name"
    )


def rename(client, user, article, slug):
    """Change the story's slug through the admin, as `user`; return the admin's answer."""
    article = Article.objects.get(pk=article.pk)
    client.force_login(user)
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(article, slug=slug),
    )
    client.logout()
    return response


def current_url(article):
    return Article.objects.get(pk=article.pk).get_absolute_url()


def test_every_old_address_leads_straight_to_the_current_one(client, reviewer, live):
    """Two renames: both old links take one hop to the story as it is now."""
    first = live.get_absolute_url()
    assert rename(client, reviewer, live, "second-name").status_code == 302
    second = current_url(live)
    assert rename(client, reviewer, live, "third-name").status_code == 302
    now = current_url(live)
    assert now.endswith("/third-name/")
    for old in (first, second):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == now
    assert client.get(now).status_code == 200
    assert FormerAddress.objects.filter(article=live).count() == 2


def test_a_drafts_renames_leave_nothing_behind(client, editor, section):
    """Nobody had a draft's address, so renaming it keeps none."""
    draft = factories.make_article(section=section, slug="draft-name")
    old = draft.get_absolute_url()
    assert rename(client, editor, draft, "draft-other").status_code == 302
    assert rename(client, editor, draft, "draft-third").status_code == 302
    assert not FormerAddress.objects.exists()
    assert client.get(old).status_code == 404


def test_a_withdrawn_storys_old_addresses_are_gone(client, reviewer, live):
    """Old links of a withdrawn story answer 410, like its current address."""
    old = live.get_absolute_url()
    rename(client, reviewer, live, "renamed")
    workflow.unpublish(Article.objects.get(pk=live.pk), reviewer, "Legal")
    assert client.get(old).status_code == 410
    assert client.get(current_url(live)).status_code == 410


def test_a_former_address_of_a_story_readers_cannot_see_is_a_plain_404(client, section):
    """It says nothing a never-used address would not."""
    draft = factories.make_article(section=section, slug="secret-new-name")
    gone = FormerAddress.objects.create(published_on=date(2026, 1, 2), slug="gone", article=draft)
    response = client.get(str(gone))
    missing = client.get("/2026/01/02/never-existed/")
    assert response.status_code == 404
    assert response.content == missing.content


@pytest.mark.parametrize("kind", ["person", "organization"])
def test_a_person_or_organization_keeps_their_old_address(client, editor, kind):
    """An editor renames a page in the admin; its old address leads to the new one."""
    if kind == "person":
        entity = factories.make_person(name="Yuri Gagarin", slug="yuri", bio="Flew first.")
        data = {"name": entity.name, "slug": "yuri-gagarin", "bio": entity.bio, "aliases": ""}
    else:
        entity = factories.make_organization(name="Roscosmos", slug="rsa", description="Agency.")
        data = {"name": entity.name, "slug": "roscosmos", "kind": "agency", "aliases": ""}
        data["description"] = entity.description
    client.force_login(editor)
    response = client.post(reverse(f"admin:people_{kind}_change", args=[entity.pk]), data)
    assert response.status_code == 302
    client.logout()
    old = client.get(f"/people/{'yuri' if kind == 'person' else 'rsa'}/")
    assert old.status_code == 301
    assert old["Location"] == f"/people/{data['slug']}/"
    assert FormerPeopleAddress.objects.get().entity == entity


def test_a_person_page_readers_cannot_see_stays_404_at_its_old_address(client, editor):
    person = factories.make_person(name="Nobody Yet", slug="nobody")
    client.force_login(editor)
    client.post(
        reverse("admin:people_person_change", args=[person.pk]),
        {"name": person.name, "slug": "nobody-yet", "aliases": ""},
    )
    client.logout()
    assert FormerPeopleAddress.objects.filter(slug="nobody").exists()
    assert client.get("/people/nobody/").status_code == 404


def test_a_person_may_not_take_someone_elses_old_address(client, editor):
    first = factories.make_person(name="First", slug="first", bio="Bio.")
    second = factories.make_person(name="Second", slug="second")
    client.force_login(editor)
    url = reverse("admin:people_person_change", args=[first.pk])
    client.post(url, {"name": "First", "slug": "first-renamed", "bio": "Bio.", "aliases": ""})
    response = client.post(
        reverse("admin:people_person_change", args=[second.pk]),
        {"name": "Second", "slug": "first", "aliases": ""},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"][0].startswith("Another person")


def test_a_story_may_not_take_another_storys_old_address(client, reviewer, editor, live, section):
    """Old links never land on a different story: the admin says why, new or renamed."""
    rename(client, reviewer, live, "renamed")
    client.force_login(editor)
    added = client.post(
        reverse("admin:articles_article_add"), add_form_data(section, slug="first-name")
    )
    assert added.status_code == 200
    assert "used to be at this address" in added.context["adminform"].form.errors["slug"][0]
    other = factories.make_article(section=section, slug="other")
    refused = rename(client, editor, other, "first-name")
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors.as_data()["slug"][0].code == "former_address"


def test_the_save_service_refuses_another_storys_old_address(reviewer, editor, live, section):
    FormerAddress.objects.create(published_on=date(2026, 1, 2), slug="taken", article=live)
    other = factories.make_article(section=section, slug="other")

    def apply(article):
        article.slug = "taken"
        article.save()

    with pytest.raises(ValidationError) as refused:
        workflow.save_content(other, editor, apply, expected_version=other.version)
    assert refused.value.code == "former_address"
    assert Article.objects.get(pk=other.pk).slug == "other"


def test_a_story_renamed_back_has_its_old_address_again(client, reviewer, live):
    first = live.get_absolute_url()
    rename(client, reviewer, live, "second-name")
    second = current_url(live)
    assert rename(client, reviewer, live, "first-name").status_code == 302
    assert client.get(first).status_code == 200
    assert client.get(second)["Location"] == first
    assert list(FormerAddress.objects.values_list("slug", flat=True)) == ["second-name"]


@pytest.mark.parametrize("url", ["/feeds/latest/rss/", "/feeds/latest/atom/", "/sitemap.xml"])
def test_feeds_and_sitemaps_list_only_the_current_address(client, reviewer, live, url):
    old = live.get_absolute_url()
    rename(client, reviewer, live, "brand-new-address")
    listed = client.get(url).content.decode()
    assert current_url(live) in listed
    assert old not in listed


def test_the_redirect_costs_a_few_queries(client, reviewer, live, django_assert_num_queries):
    """The story, the withdrawn check and the former address: three reads."""
    old = live.get_absolute_url()
    rename(client, reviewer, live, "renamed")
    with django_assert_num_queries(3):
        assert client.get(old).status_code == 301


def test_the_redirect_is_cached_and_purged_by_the_next_change(
    client, reviewer, live, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """A reader's 301 comes from the cache, and a later rename replaces it."""
    old = live.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        rename(client, reviewer, live, "renamed")
    first = client.get(old)
    assert "public" in first["Cache-Control"]
    assert f"article-{live.pk}" in first["Surrogate-Key"].split()
    with django_assert_num_queries(0):
        assert client.get(old)["Location"] == first["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        rename(client, reviewer, live, "renamed-again")
    assert client.get(old)["Location"] == current_url(live)
