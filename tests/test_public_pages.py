"""Readers see published stories on every page, and nothing else."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import PublicPage
from reader import pages
from tests import factories

pytestmark = pytest.mark.django_db


def non_public_articles(section, author):
    """One article in each state readers must not see."""
    return {
        "draft": factories.make_article(
            status="draft", section=section, authors=[author], tags=["Moon"]
        ),
        "in_review": factories.make_article(
            status="in_review", section=section, authors=[author], tags=["Moon"]
        ),
        "scheduled": factories.make_article(
            status="published",
            publish_at=timezone.now() + timedelta(days=1),
            section=section,
            authors=[author],
            tags=["Moon"],
        ),
    }


def test_front_page_shows_published_stories(client, published_article):
    response = client.get("/")
    assert response.status_code == 200
    assert published_article.headline in response.content.decode()


def test_article_page_shows_the_story(client, published_article, author):
    response = client.get(published_article.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{published_article.headline}</h1>" in page
    assert author.name in page
    assert author.get_absolute_url() in page
    assert page.count("<h1") == 1


def test_article_page_renders_sanitised_markdown(client, section):
    article = factories.make_article(
        status="published", section=section, body="**Lift-off.**\n\n<script>alert('x')</script>"
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<strong>Lift-off.</strong>" in page
    assert "<script>alert" not in page


def test_article_page_shows_pull_quotes_with_linked_speakers(client, published_article):
    leonov = factories.make_person(name="Alexei Leonov", slug="alexei-leonov")
    factories.make_quote(
        published_article,
        text="The Earth is absolutely round.",
        speaker_person=leonov,
        is_pull_quote=True,
    )
    factories.make_quote(published_article, text="Not pulled out.")
    page = client.get(published_article.get_absolute_url()).content.decode()
    assert "The Earth is absolutely round." in page
    assert 'href="/people/alexei-leonov/"' in page
    assert "Not pulled out." not in page


def test_article_page_lists_only_public_related_picks(client, published_article, section):
    visible = factories.make_article(status="published", section=section, headline="Visible pick")
    hidden = factories.make_article(status="draft", section=section, headline="Hidden pick")
    factories.pick_related(published_article, hidden, visible)
    page = client.get(published_article.get_absolute_url()).content.decode()
    assert "Visible pick" in page
    assert "Hidden pick" not in page


def test_wrong_date_in_article_url_is_404(client, published_article):
    url = published_article.get_absolute_url().replace("/20", "/19", 1)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled"])
def test_non_public_article_is_404_like_a_missing_one(client, section, author, state):
    """Drafts, in-review and scheduled stories answer exactly like a slug that never existed."""
    article = non_public_articles(section, author)[state]
    missing = client.get(article.get_absolute_url().replace(article.slug, "never-existed"))
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404
    assert response.content == missing.content


@pytest.mark.parametrize(
    "url",
    ["/", "/sections/missions/", "/tags/moon/", "/people/rosa-marin/"],
)
def test_non_public_articles_appear_on_no_listing(client, published_article, section, author, url):
    hidden = non_public_articles(section, author)
    page = client.get(url).content.decode()
    assert published_article.headline in page
    for article in hidden.values():
        assert article.headline not in page


def test_section_page_paginates(client, section, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for number in range(5):
        factories.make_article(
            status="published",
            section=section,
            headline=f"Story {number}",
            published_ago=timedelta(hours=number + 1),
        )
    first = client.get("/sections/missions/").content.decode()
    assert "Story 0" in first and "Story 2" not in first
    assert "Page 1 of 3" in first
    third = client.get("/sections/missions/?page=3").content.decode()
    assert "Story 4" in third


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999999999999999999", "1e9", "%00"])
def test_malformed_page_numbers_give_a_normal_page(client, section, page):
    factories.make_article(status="published", section=section)
    assert client.get("/sections/missions/", {"page": page}).status_code == 200


def test_unknown_section_tag_and_person_are_404(client, db):
    assert client.get("/sections/nowhere/").status_code == 404
    assert client.get("/tags/nothing/").status_code == 404
    assert client.get("/people/nobody/").status_code == 404


def test_person_page_lists_stories_by_and_about_them_and_their_quotes(client, section, author):
    gagarin = factories.make_person(name="Yuri Gagarin", slug="yuri-gagarin", role="cosmonaut")
    by = factories.make_article(
        status="published", section=section, authors=[author], headline="Written by Rosa"
    )
    about = factories.make_article(status="published", section=section, headline="About Gagarin")
    about.people_mentioned.add(gagarin)
    factories.make_quote(about, text="Poyekhali!", speaker_person=gagarin)
    draft = factories.make_article(status="draft", section=section, headline="Secret draft")
    factories.make_quote(draft, text="Not yet public", speaker_person=gagarin)

    rosa_page = client.get("/people/rosa-marin/").content.decode()
    assert by.headline in rosa_page
    gagarin_page = client.get("/people/yuri-gagarin/").content.decode()
    assert "About Gagarin" in gagarin_page
    assert "Poyekhali!" in gagarin_page
    assert "Not yet public" not in gagarin_page
    assert "Secret draft" not in gagarin_page


def test_organization_has_a_page(client, section):
    nasa = factories.make_organization(name="NASA", slug="nasa", kind="agency")
    about = factories.make_article(status="published", section=section, headline="NASA names crew")
    about.organizations_mentioned.add(nasa)
    page = client.get("/people/nasa/").content.decode()
    assert "<h1>NASA</h1>" in page
    assert "NASA names crew" in page


def test_healthz_answers_when_the_database_does(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_page_has_landmarks_skip_link_and_language(client, published_article):
    page = client.get(published_article.get_absolute_url()).content.decode()
    assert '<html lang="en">' in page
    assert 'href="#main"' in page
    assert '<main id="main"' in page
    assert "<header" in page and "<footer" in page


class TestQueryCeilings:
    """Public pages run a fixed number of queries however many authors, tags or quotes there are."""

    def build_story(self, section, index):
        authors = [factories.make_person() for _ in range(3)]
        article = factories.make_article(
            status="published",
            section=section,
            authors=authors,
            tags=[f"tag-{index}-{n}" for n in range(4)],
        )
        article.people_mentioned.add(*authors)
        for person in authors:
            factories.make_quote(article, speaker_person=person, is_pull_quote=True)
        factories.pick_related(
            article,
            *[factories.make_article(status="published", section=section) for _ in range(3)],
        )
        return article

    def test_article_page(self, client, section, django_assert_num_queries):
        """A cold render reads the story with its stored page, the related and "more from"
        cards, and the navigation (once, then from the cache): three queries."""
        article = self.build_story(section, 1)
        pages.build(article.pk)  # what publishing does, in the background
        with django_assert_num_queries(3):
            assert client.get(article.get_absolute_url()).status_code == 200

    def test_article_page_before_its_page_is_built(self, client, section):
        """Read before the background task ran, the page is built in the request, once."""
        article = self.build_story(section, 1)
        assert client.get(article.get_absolute_url()).status_code == 200
        assert PublicPage.objects.get(article=article).version == article.version

    def test_article_page_count_does_not_grow(self, client, section):
        """Twice the authors, tags, quotes and related stories: the same number of queries."""
        from django.core.cache import cache
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        small, large = self.build_story(section, 1), self.build_story(section, 2)
        for person in [factories.make_person() for _ in range(3)]:
            factories.make_quote(large, speaker_person=person, is_pull_quote=True)
            large.people_mentioned.add(person)
        large.tags.add("extra-1", "extra-2")
        counts = []
        for article in (small, large):
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                client.get(article.get_absolute_url())
            counts.append(len(queries))
        assert counts[0] == counts[1]

    @pytest.mark.parametrize("url", ["/", "/sections/missions/"])
    def test_listings(self, client, section, url, django_assert_max_num_queries):
        for index in range(6):
            self.build_story(section, index)
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200

    def test_person_page(self, client, section, django_assert_max_num_queries):
        person = factories.make_person(slug="subject")
        for index in range(4):
            article = self.build_story(section, index)
            article.people_mentioned.add(person)
            factories.make_quote(article, speaker_person=person)
        with django_assert_max_num_queries(10):
            assert client.get("/people/subject/").status_code == 200
