"""A reporter's admin shows nothing of other reporters' drafts: not their address, tags or names."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def someone_elses_draft(other_reporter, section):
    return factories.make_article(
        section=section,
        created_by=other_reporter,
        slug="secret-merger-talks",
        tags=["Secret merger"],
        authors=[factories.make_person(name="Undisclosed Source", slug="undisclosed-source")],
    )


def view_on_site(article):
    content_type = ContentType.objects.get_for_model(Article)
    return f"/admin/r/{content_type.pk}/{article.pk}/"


def test_view_on_site_hides_another_reporters_draft(client, reporter, someone_elses_draft):
    """The admin's redirect answers 404 instead of revealing the draft's address."""
    client.force_login(reporter)
    response = client.get(view_on_site(someone_elses_draft))
    assert response.status_code == 404
    assert "secret-merger-talks" not in response.get("Location", "")


def test_view_on_site_still_works_for_your_own_story(client, reporter, draft):
    client.force_login(reporter)
    response = client.get(view_on_site(draft))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{draft.slug}/")


@pytest.mark.parametrize("object_id", ["999999", "not-a-number"])
def test_view_on_site_for_a_missing_object_is_a_404(client, editor, object_id):
    client.force_login(editor)
    content_type = ContentType.objects.get_for_model(Article)
    assert client.get(f"/admin/r/{content_type.pk}/{object_id}/").status_code == 404


def test_view_on_site_needs_a_login(client, draft):
    response = client.get(view_on_site(draft))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_reporter_filters_name_no_tag_or_author_of_others_drafts(
    client, reporter, draft, someone_elses_draft
):
    """The changelist's tag and author filters list only what the reporter may see."""
    draft.tags.add("Moon")
    client.force_login(reporter)
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Moon" in page
    assert "Secret merger" not in page
    assert "Undisclosed Source" not in page


def test_editors_filters_list_every_story(client, editor, someone_elses_draft):
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Secret merger" in page and "Undisclosed Source" in page


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/article/?tag=%00",
        "/admin/articles/article/?author=%00",
        "/admin/articles/article/?q=%00",
        "/admin/autocomplete/?app_label=articles&model_name=article&field_name=tags&term=%00",
    ],
)
def test_nul_bytes_in_admin_addresses_are_a_400(client, editor, draft, url):
    """PostgreSQL cannot compare a NUL byte; the request is refused before it gets there."""
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 400
