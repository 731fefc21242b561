"""The editors' admin answers on every page, without a query per row."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

MODELS = [
    "articles_article",
    "articles_section",
    "people_person",
    "people_organization",
    "taggit_tag",
]


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def story(section, author):
    article = factories.make_article(
        status="draft", section=section, authors=[author], tags=["Moon"]
    )
    factories.make_quote(article, speaker_person=author)
    return article


def test_admin_index(admin_client):
    assert admin_client.get("/admin/").status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_changelist_and_add_pages(admin_client, story, model):
    assert admin_client.get(reverse(f"admin:{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:{model}_add")).status_code == 200


def test_quotes_are_edited_only_inside_their_article(admin_client, story):
    """The quote list is read-only; editing a quote goes through its article's form."""
    assert admin_client.get(reverse("admin:articles_quote_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:articles_quote_add")).status_code == 403
    quote = story.quotes.get()
    response = admin_client.post(
        reverse("admin:articles_quote_change", args=[quote.pk]), {"text": "Changed"}
    )
    assert response.status_code == 403
    quote.refresh_from_db()
    assert quote.text == "We did what we came to do."


def test_change_pages(admin_client, story, author, section):
    nasa = factories.make_organization(name="NASA", slug="nasa")
    story.organizations_mentioned.add(nasa)
    for name, obj in [
        ("articles_article", story),
        ("articles_section", section),
        ("people_person", author),
        ("people_organization", nasa),
    ]:
        assert admin_client.get(reverse(f"admin:{name}_change", args=[obj.pk])).status_code == 200


def test_person_admin_shows_their_stories_and_quotes(admin_client, story, author):
    page = admin_client.get(
        reverse("admin:people_person_change", args=[author.pk])
    ).content.decode()
    assert story.headline in page
    assert "We did what we came to do." in page


def test_article_changelist_search_and_filters(admin_client, story, section):
    url = reverse("admin:articles_article_changelist")
    assert story.headline in admin_client.get(url, {"q": "Headline"}).content.decode()
    for params in (
        {"status__exact": "draft"},
        {"section__id__exact": section.pk},
        {"tag": "moon"},
        {"author": "rosa-marin"},
        {"kind__exact": "news"},
    ):
        response = admin_client.get(url, params)
        assert response.status_code == 200
        assert story.headline in response.content.decode(), params


def test_status_cannot_be_set_through_the_change_form(admin_client, story):
    """The status is read-only in the admin: a crafted POST leaves it alone."""
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = {
        "headline": "Edited headline",
        "slug": story.slug,
        "standfirst": "",
        "body": "Body",
        "kind": "news",
        "section": story.section_id,
        "dateline": "",
        "new_tags": "Moon",
        "status": "published",
        "loaded_version": story.version,
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "quotes-TOTAL_FORMS": "0",
        "quotes-INITIAL_FORMS": "0",
        "picks-TOTAL_FORMS": "0",
        "picks-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    story.refresh_from_db()
    assert story.headline == "Edited headline"
    assert story.status == "draft"


def test_article_changelist_query_ceiling(admin_client, section, django_assert_max_num_queries):
    """The changelist runs a bounded number of queries however many stories and authors."""
    for _ in range(30):
        factories.make_article(
            section=section, authors=[factories.make_person(), factories.make_person()]
        )
    with django_assert_max_num_queries(12):
        assert admin_client.get(reverse("admin:articles_article_changelist")).status_code == 200


def test_tags_autocomplete_and_new_tags(admin_client, story):
    """Editors pick existing tags from an autocomplete and type new ones; case does not split tags."""
    found = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "article", "field_name": "tags", "term": "mo"},
    ).json()
    assert [item["text"] for item in found["results"]] == ["Moon"]
    from tests.factories import article_form_data

    data = article_form_data(story, new_tags="Mars, MOON")
    admin_client.post(reverse("admin:articles_article_change", args=[story.pk]), data)
    assert sorted(story.tags.names()) == ["Mars", "Moon"]
