"""Feeds: readers' feed apps get every public story, with absolute links, and nothing else."""

import calendar
from datetime import timedelta
from types import SimpleNamespace

import feedparser
import pytest
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from articles import workflow
from articles.models import Article, Byline, Correction
from reader import feeds
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"
FORMATS = ["rss", "atom"]


@pytest.fixture
def newsroom(settings, section, author):
    """A live story by two authors, about a person and an organization, and one older story."""
    settings.NEWSROOM_SITE_URL = SITE
    co_author = factories.make_person(name="Yuri Ortiz", slug="yuri-ortiz")
    subject = factories.make_person(name="Neil Armstrong", slug="neil-armstrong")
    agency = factories.make_organization(name="Space Agency", slug="space-agency")
    story = factories.make_article(
        status="published",
        section=section,
        authors=[author, co_author],
        tags=["Apollo", "Moon"],
        headline="Men walk on the Moon",
        standfirst="Two astronauts spent two hours outside.",
        published_ago=timedelta(hours=2),
        updated_at=timezone.now() - timedelta(minutes=30),
    )
    story.people_mentioned.add(subject)
    story.organizations_mentioned.add(agency)
    older = factories.make_article(
        status="published",
        section=section,
        authors=[author],
        tags=["Apollo"],
        published_ago=timedelta(days=3),
    )
    return SimpleNamespace(
        story=story, older=older, author=author, subject=subject, agency=agency, section=section
    )


def feed_urls(newsroom) -> dict[str, str]:
    """One feed of each kind that lists the main story (format left to fill in)."""
    return {
        "latest": "/feeds/latest/{}/",
        "section": f"/feeds/sections/{newsroom.section.slug}/{{}}/",
        "tag": "/feeds/tags/moon/{}/",
        "byline": f"/feeds/people/{newsroom.author.slug}/{{}}/",
        "mentioned person": f"/feeds/people/{newsroom.subject.slug}/{{}}/",
        "organization": f"/feeds/people/{newsroom.agency.slug}/{{}}/",
    }


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
    return response, parsed


def entry_for(parsed, article):
    ids = {entry.id: entry for entry in parsed.entries}
    return ids[f"{SITE}/articles/{article.pk}"]


def as_utc_timestamp(struct_time) -> int:
    return calendar.timegm(struct_time)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ["latest", "section", "tag", "byline", "mentioned person"])
def test_each_feed_parses_and_lists_the_story(client, newsroom, kind, fmt):
    """Every feed is valid for a feed reader and carries the story."""
    _, parsed = fetch(client, feed_urls(newsroom)[kind].format(fmt))
    assert entry_for(parsed, newsroom.story).title == "Men walk on the Moon"


@pytest.mark.parametrize("fmt", FORMATS)
def test_organization_feed_lists_stories_about_it(client, newsroom, fmt):
    _, parsed = fetch(client, feed_urls(newsroom)["organization"].format(fmt))
    assert [entry.title for entry in parsed.entries] == ["Men walk on the Moon"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_item_details(client, newsroom, fmt):
    """Links are absolute, dates, authors, tags and the summary come from the story."""
    story = newsroom.story
    _, parsed = fetch(client, f"/feeds/latest/{fmt}/")
    entry = entry_for(parsed, story)
    assert entry.link == f"{SITE}{story.get_absolute_url()}"
    assert parsed.feed.link == f"{SITE}/"
    assert as_utc_timestamp(entry.published_parsed) == int(story.first_published_at.timestamp())
    assert [author.name for author in entry.authors] == ["Rosa Marín", "Yuri Ortiz"]
    assert sorted(tag.term for tag in entry.tags) == ["Apollo", "Moon"]
    assert entry.summary == "Two astronauts spent two hours outside."


def test_atom_entries_carry_the_update_time(client, newsroom):
    _, parsed = fetch(client, "/feeds/latest/atom/")
    entry = entry_for(parsed, newsroom.story)
    assert as_utc_timestamp(entry.updated_parsed) == int(newsroom.story.updated_at.timestamp())


def test_standfirst_is_sent_as_text_not_markup(client, newsroom):
    Article.objects.filter(pk=newsroom.story.pk).update(standfirst="Fish & <b>chips</b>")
    content = client.get("/feeds/latest/rss/").content.decode()
    assert "<b>" not in content
    assert "Fish &amp;amp; &amp;lt;b&amp;gt;chips" in content


def test_update_time_is_never_before_first_publication(client, newsroom):
    story = newsroom.story
    Article.objects.filter(pk=story.pk).update(
        updated_at=story.first_published_at - timedelta(days=1)
    )
    _, parsed = fetch(client, "/feeds/latest/atom/")
    entry = entry_for(parsed, story)
    assert entry.updated_parsed == entry.published_parsed


def test_feed_links_use_the_site_url_not_the_request_host(client, newsroom):
    response, parsed = fetch(client, "/feeds/latest/atom/")
    assert "testserver" not in response.content.decode()
    assert parsed.feed.id == f"{SITE}/feeds/latest/atom/"


def test_rss_guid_is_not_a_permalink(client, newsroom):
    content = client.get("/feeds/latest/rss/").content.decode()
    assert f'<guid isPermaLink="false">{SITE}/articles/{newsroom.story.pk}</guid>' in content


def test_guid_survives_withdrawal_return_and_a_new_slug(
    client, newsroom, reporter, reviewer, second_reviewer
):
    """A feed reader does not show a story twice because it was pulled and put back."""
    story = newsroom.story
    story = workflow.unpublish(story, reviewer, "Checking a fact.")
    Article.objects.filter(pk=story.pk).update(slug="men-on-the-moon", created_by=reporter)
    story = workflow.approve(workflow.submit(story, reporter), second_reviewer)
    _, parsed = fetch(client, "/feeds/latest/rss/")
    entry = entry_for(parsed, story)
    assert entry.link.endswith("/men-on-the-moon/")


def test_non_public_stories_never_appear_in_any_feed(client, newsroom, section, author):
    """Drafts, stories in review and scheduled stories stay out of every feed."""
    hidden = {
        "draft": factories.make_article(status="draft"),
        "in_review": factories.make_article(status="in_review"),
        "scheduled": factories.make_article(
            status="published", publish_at=timezone.now() + timedelta(hours=1)
        ),
    }
    for article in hidden.values():
        article.section = section
        article.save()
        article.tags.add("Moon")
        Byline.objects.create(article=article, person=author)
        article.people_mentioned.add(newsroom.subject)
        article.organizations_mentioned.add(newsroom.agency)
    for url in feed_urls(newsroom).values():
        for fmt in FORMATS:
            content = client.get(url.format(fmt)).content.decode()
            for state, article in hidden.items():
                assert article.headline not in content, (state, url)


@pytest.mark.parametrize("fmt", FORMATS)
def test_last_modified_is_the_newest_item(client, newsroom, fmt):
    response, _ = fetch(client, f"/feeds/latest/{fmt}/")
    assert response["Last-Modified"] == http_date(newsroom.story.updated_at.timestamp())
    assert parse_http_date(response["Last-Modified"]) <= timezone.now().timestamp()


def test_unchanged_feed_answers_304(client, newsroom):
    """A feed reader polling with If-Modified-Since gets a bodiless 304 until a story changes."""
    last_modified = client.get("/feeds/latest/rss/")["Last-Modified"]
    response = client.get("/feeds/latest/rss/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304


def test_feeds_are_bounded(client, newsroom, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 1)
    _, parsed = fetch(client, "/feeds/latest/rss/")
    assert [entry.title for entry in parsed.entries] == ["Men walk on the Moon"]


def test_newest_story_first(client, newsroom):
    _, parsed = fetch(client, "/feeds/sections/missions/rss/")
    assert [entry.id for entry in parsed.entries] == [
        f"{SITE}/articles/{newsroom.story.pk}",
        f"{SITE}/articles/{newsroom.older.pk}",
    ]


def test_a_story_both_by_and_about_someone_appears_once(client, newsroom):
    newsroom.story.people_mentioned.add(newsroom.author)
    _, parsed = fetch(client, f"/feeds/people/{newsroom.author.slug}/rss/")
    assert len(parsed.entries) == 2


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/sections/no-such-section/rss/",
        "/feeds/tags/no-such-tag/atom/",
        "/feeds/people/no-such-person/rss/",
    ],
)
def test_unknown_slug_is_404(client, newsroom, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("story_count", [3, 40])
def test_query_count_is_fixed(
    client, newsroom, section, author, story_count, django_assert_max_num_queries
):
    for number in range(story_count):
        factories.make_article(
            status="published", section=section, authors=[author], tags=["Moon", f"Tag {number}"]
        )
    for url in feed_urls(newsroom).values():
        with django_assert_max_num_queries(5):
            client.get(url.format("rss"))
    with django_assert_max_num_queries(1):
        client.get("/feeds/corrections/atom/")


def test_every_feed_has_its_route_name():
    from django.urls import reverse

    for name in ["latest", "corrections"]:
        for fmt in FORMATS:
            assert reverse(f"feeds-{name}-{fmt}") == f"/feeds/{name}/{fmt}/"
    assert reverse("feeds-people-atom", kwargs={"slug": "x"}) == "/feeds/people/x/atom/"


@pytest.fixture
def corrections(newsroom, section):
    withdrawn = factories.make_article(status="published", section=section)
    on_public = Correction.objects.create(
        article=newsroom.story, kind="correction", text="The landing was on 20 July."
    )
    on_withdrawn = Correction.objects.create(
        article=withdrawn, kind="correction", text="A hidden correction."
    )
    Article.objects.filter(pk=withdrawn.pk).update(
        status=Article.Status.DRAFT, unpublished_at=timezone.now()
    )
    return SimpleNamespace(on_public=on_public, on_withdrawn=on_withdrawn)


@pytest.mark.parametrize("fmt", FORMATS)
def test_corrections_feed_lists_corrections_on_public_stories(client, corrections, newsroom, fmt):
    """Readers following corrections see each one, linked to where it shows on the story."""
    _, parsed = fetch(client, f"/feeds/corrections/{fmt}/")
    (entry,) = parsed.entries
    story = newsroom.story
    assert parsed.feed.link == f"{SITE}/corrections/"
    assert entry.title == "Correction: Men walk on the Moon"
    assert entry.link == f"{SITE}{story.get_absolute_url()}#corrections"
    assert entry.summary == "The landing was on 20 July."
    assert entry.id == f"{SITE}/corrections/{corrections.on_public.pk}"
    created = int(corrections.on_public.created_at.timestamp())
    assert as_utc_timestamp(entry.published_parsed) == created


def test_corrections_feed_is_newest_first_and_names_the_kind(client, corrections, newsroom):
    Correction.objects.create(
        article=newsroom.older,
        kind="clarification",
        text="Later note.",
        created_at=timezone.now() + timedelta(seconds=1),
    )
    _, parsed = fetch(client, "/feeds/corrections/rss/")
    assert [entry.title.split(":")[0] for entry in parsed.entries] == [
        "Clarification",
        "Correction",
    ]
