"""Every role sets bylines and hand-picks related stories through the real admin forms."""

import pytest
from django.urls import reverse

from articles.models import Article
from people.models import Person
from tests import factories
from tests.factories import add_form_data, article_form_data

pytestmark = pytest.mark.django_db

ROLES = ["reporter", "editor", "reviewer"]


@pytest.fixture
def colleague(db):
    return factories.make_person(name="Amara Okafor", slug="amara-okafor")


@pytest.fixture
def earlier_story(section):
    return factories.make_article(status="published", section=section, headline="Earlier story")


def with_byline_and_pick(data, person, target):
    return {
        **data,
        "bylines-TOTAL_FORMS": "1",
        "bylines-0-person": person.pk,
        "bylines-0-position": "1",
        "picks-TOTAL_FORMS": "1",
        "picks-0-target": target.pk,
        "picks-0-position": "0",
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_role_sees_the_byline_and_related_inlines(client, request, role):
    """The add form offers the byline and related-stories inlines to every role."""
    client.force_login(request.getfixturevalue(role))
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'name="bylines-TOTAL_FORMS"' in page
    assert 'name="picks-TOTAL_FORMS"' in page


@pytest.mark.parametrize("role", ROLES)
def test_every_role_creates_a_story_with_a_byline_and_a_pick(
    client, request, role, section, colleague, earlier_story
):
    """Posting the add form with a co-author and a related story saves both; the writer is
    the first author."""
    user = request.getfixturevalue(role)
    client.force_login(user)
    response = client.post(
        reverse("admin:articles_article_add"),
        with_byline_and_pick(add_form_data(section), colleague, earlier_story),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    story = Article.objects.get(slug="a-new-story")
    assert [person.user for person in story.authors] == [user, None]
    assert story.authors[1] == colleague
    assert list(story.picks.values_list("target", flat=True)) == [earlier_story.pk]


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_desk_roles_fix_the_byline_of_a_story_in_review(
    client, request, role, in_review, colleague, earlier_story, settings
):
    """An editor or reviewer adds a missing byline and a related story to a story in review."""
    settings.NEWSROOM_REAPPROVE_ON_EDIT = False
    in_review.bylines.all().delete()
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        reverse("admin:articles_article_change", args=[in_review.pk]),
        with_byline_and_pick(article_form_data(in_review), colleague, earlier_story),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(in_review.authors) == [colleague]
    assert in_review.picks.get().target == earlier_story


def test_an_account_without_a_person_gets_one_on_its_first_story(client, other_reporter, section):
    """A reporter with no byline identity becomes a person named after the account."""
    other_reporter.first_name, other_reporter.last_name = "Kofi", "Mensah"
    other_reporter.save()
    client.force_login(other_reporter)
    client.post(reverse("admin:articles_article_add"), add_form_data(section))
    person = Person.objects.get(user=other_reporter)
    assert person.name == "Kofi Mensah"
    assert list(Article.objects.get(slug="a-new-story").authors) == [person]


def test_a_second_story_reuses_the_writers_person(client, reporter, section):
    """The writer's existing person record is used, not a new one."""
    client.force_login(reporter)
    client.post(reverse("admin:articles_article_add"), add_form_data(section))
    client.post(
        reverse("admin:articles_article_add"),
        add_form_data(section, headline="Another", slug="another"),
    )
    assert Person.objects.filter(user=reporter).count() == 1
    assert Article.objects.get(slug="another").authors[0] == reporter.person
