"""A change purges the pages that showed the story, and only those; pages are built when a
story changes, and the stories closest to a new one take it into their related lists."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, PublicPage
from reader import cache as page_cache
from reader import pages
from tests import factories

pytestmark = pytest.mark.django_db


def publish(draft, reporter, reviewer, capture):
    """Submit and approve a story as its reporter and a reviewer would, tasks included."""
    with capture(execute=True):
        workflow.submit(draft, reporter)
    with capture(execute=True):
        workflow.approve(draft, reviewer)
    draft.refresh_from_db()
    return draft


def served_from_cache(client, url, django_assert_num_queries) -> bool:
    """Whether the next anonymous request for `url` is answered without the database."""
    try:
        with django_assert_num_queries(0):
            client.get(url)
    except pytest.fail.Exception:
        return False
    return True


def test_pages_say_what_they_show(client, published_article, section):
    response = client.get(published_article.get_absolute_url())
    assert set(response["Surrogate-Key"].split()) == {f"article-{published_article.pk}", "sections"}
    assert set(client.get("/")["Surrogate-Key"].split()) == {"front", "sections"}
    section_page = client.get(section.get_absolute_url())
    assert set(section_page["Surrogate-Key"].split()) == {f"section-{section.pk}", "sections"}
    apollo = published_article.tags.get(slug="apollo")
    assert f"tag-{apollo.pk}" in client.get("/tags/apollo/")["Surrogate-Key"].split()
    assert "feeds" in client.get("/feeds/latest/rss/")["Surrogate-Key"].split()


def test_publishing_a_story_keeps_unrelated_pages_cached(
    client,
    reporter,
    reviewer,
    section,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    """A new story about the Moon leaves a cached story about tax alone, and the front page
    shows the new story at once."""
    unrelated = factories.make_article(status="published", tags=["Tax"], headline="Tax story")
    client.get(unrelated.get_absolute_url())
    client.get("/")
    draft = factories.make_article(
        section=section, tags=["Moon"], headline="Moon story", created_by=reporter
    )
    publish(draft, reporter, reviewer, django_capture_on_commit_callbacks)
    assert served_from_cache(client, unrelated.get_absolute_url(), django_assert_num_queries)
    assert "Moon story" in client.get("/").content.decode()


def test_a_new_story_joins_the_related_lists_of_the_stories_closest_to_it(
    client, reporter, reviewer, section, django_capture_on_commit_callbacks
):
    older = factories.make_article(
        status="published", tags=["Moon", "Apollo"], headline="Older Moon story"
    )
    pages.build(older.pk)
    assert "Newer Moon story" not in client.get(older.get_absolute_url()).content.decode()
    draft = factories.make_article(
        section=section, tags=["Moon", "Apollo"], headline="Newer Moon story", created_by=reporter
    )
    draft = publish(draft, reporter, reviewer, django_capture_on_commit_callbacks)
    assert PublicPage.objects.get(article=older).related_ids == [draft.pk]
    assert "Newer Moon story" in client.get(older.get_absolute_url()).content.decode()


def test_withdrawing_a_story_purges_the_pages_that_link_to_it(
    client, reviewer, section, django_capture_on_commit_callbacks
):
    linked = factories.make_article(status="published", tags=["Moon"], headline="Linked story")
    linking = factories.make_article(status="published", tags=["Moon"], headline="Linking story")
    pages.build(linking.pk)
    assert "Linked story" in client.get(linking.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(linked, reviewer, "Legal asked us to take it down.")
    page = client.get(linking.get_absolute_url()).content.decode()
    assert "Linked story" not in page


def test_a_correction_shows_on_the_stored_page(
    client, published_article, reviewer, django_capture_on_commit_callbacks
):
    pages.build(published_article.pk)
    client.get(published_article.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish_correction(
            published_article, reviewer, "The launch was in 1969.", "correction"
        )
    assert (
        "The launch was in 1969."
        in client.get(published_article.get_absolute_url()).content.decode()
    )


def test_an_unpublished_story_loses_its_stored_page(
    published_article, reviewer, django_capture_on_commit_callbacks
):
    pages.build(published_article.pk)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(published_article, reviewer, "Legal asked us to take it down.")
    assert not PublicPage.objects.filter(article=published_article).exists()


def test_a_scheduled_story_is_built_before_its_time_and_hidden_until_then(
    client, reporter, reviewer, section, django_capture_on_commit_callbacks
):
    draft = factories.make_article(section=section, headline="Embargoed story", created_by=reporter)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(draft, reporter)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(draft, reviewer, publish_at=timezone.now() + timedelta(hours=2))
    draft.refresh_from_db()
    assert PublicPage.objects.filter(article=draft).exists()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_page_rendered_while_a_purge_ran_is_not_kept(
    client, published_article, monkeypatch, django_assert_num_queries
):
    """A render that began before a purge may show what the purge removed: it is served
    once and not stored."""
    real = pages.current

    def purged_meanwhile(article):
        page_cache.purge([f"article-{article.pk}"])
        return real(article)

    monkeypatch.setattr(pages, "current", purged_meanwhile)
    client.get(published_article.get_absolute_url())
    monkeypatch.setattr(pages, "current", real)
    assert not served_from_cache(
        client, published_article.get_absolute_url(), django_assert_num_queries
    )


def test_staff_pages_carry_no_keys_and_are_private(client, reviewer, published_article):
    client.force_login(reviewer)
    response = client.get(published_article.get_absolute_url())
    assert "private" in response["Cache-Control"]
    assert not response.has_header("Surrogate-Key")


def test_renaming_an_author_in_the_admin_updates_their_stories_pages(
    client, editor, published_article, author, django_capture_on_commit_callbacks
):
    pages.build(published_article.pk)
    assert "Rosa Marín" in client.get(published_article.get_absolute_url()).content.decode()
    client.force_login(editor)
    form = {
        "honorific": "", "name": "Rosa Marín Ortega", "slug": author.slug, "aliases": "",
        "role": author.role, "bio": "", "photo_alt": "",
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:people_person_change", args=[author.pk]), form)
    assert response.status_code == 302
    client.logout()
    page = client.get(published_article.get_absolute_url()).content.decode()
    assert "Rosa Marín Ortega" in page


def test_build_pages_builds_what_is_missing_or_old(published_article, draft):
    out = StringIO()
    call_command("build_pages", stdout=out)
    assert "Built 1 page." in out.getvalue()
    assert PublicPage.objects.filter(article=published_article).exists()
    assert not PublicPage.objects.filter(article=draft).exists()
    out = StringIO()
    call_command("build_pages", stdout=out)
    assert "current" in out.getvalue()


def test_the_front_page_never_shows_an_outdated_card(client, published_article, section):
    """A card stored before the story changed is not used: the front page renders it anew."""
    pages.build(published_article.pk)
    Article.objects.filter(pk=published_article.pk).update(
        headline="A corrected headline", version=published_article.version + 1
    )
    assert "A corrected headline" in client.get("/").content.decode()


def test_the_front_page_reads_stored_cards(client, section, django_assert_num_queries):
    """Sections, the latest stories' ids, their cards and the navigation: four queries."""
    for _ in range(6):
        story = factories.make_article(status="published", section=section, tags=["Moon"])
        pages.build(story.pk)
    with django_assert_num_queries(4):
        assert client.get("/").status_code == 200


def test_a_new_story_joins_more_from_its_author_on_their_older_pages(
    client, reporter, reviewer, section, author, django_capture_on_commit_callbacks
):
    older = factories.make_article(status="published", authors=[author], headline="Older story")
    pages.build(older.pk)
    assert "Newer story" not in client.get(older.get_absolute_url()).content.decode()
    draft = factories.make_article(
        section=section, authors=[author], headline="Newer story", created_by=reporter
    )
    publish(draft, reporter, reviewer, django_capture_on_commit_callbacks)
    page = client.get(older.get_absolute_url()).content.decode()
    assert "More from Rosa Marín" in page and "Newer story" in page


def test_renaming_a_section_changes_the_navigation_on_every_page(
    client, editor, published_article, section, django_capture_on_commit_callbacks
):
    assert "Missions" in client.get("/").content.decode()
    client.force_login(editor)
    url = reverse("admin:articles_section_change", args=[section.pk])
    form = {"name": "Space missions", "slug": section.slug, "position": section.position}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**form, "description": ""})
    assert response.status_code == 302, response.content.decode()[:500]
    client.logout()
    assert "Space missions" in client.get("/").content.decode()
