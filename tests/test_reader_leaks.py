"""Names seen only in unpublished copy stay unknown in feeds as on pages; API links name our site."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"
HIDDEN_NAMES = {
    "writer": "Hidden Writer",
    "subject": "Hidden Subject",
    "speaker": "Hidden Speaker",
    "agency": "Hidden Agency",
    "tag": "Embargoed Probe",
}


@pytest.fixture(params=["draft", "in_review", "scheduled", "withdrawn"])
def unpublished_story(request, section, reporter, reviewer, second_reviewer):
    """A story readers may not see, the only one to name its writer, subject, speaker and tag."""
    writer = factories.make_person(name=HIDDEN_NAMES["writer"], slug="hidden-writer")
    story = factories.make_article(
        section=section, created_by=reporter, authors=[writer], tags=[HIDDEN_NAMES["tag"]]
    )
    story.people_mentioned.add(
        factories.make_person(name=HIDDEN_NAMES["subject"], slug="hidden-subject")
    )
    story.organizations_mentioned.add(
        factories.make_organization(name=HIDDEN_NAMES["agency"], slug="hidden-agency")
    )
    speaker = factories.make_person(name=HIDDEN_NAMES["speaker"], slug="hidden-speaker")
    factories.make_quote(story, speaker_person=speaker)
    if request.param != "draft":
        story = workflow.submit(story, reporter)
    if request.param == "scheduled":
        story = workflow.approve(story, reviewer, publish_at=timezone.now() + timedelta(days=1))
    if request.param == "withdrawn":
        story = workflow.approve(story, reviewer)
        story = workflow.unpublish(story, second_reviewer, "Legal hold")
    return story


HIDDEN_SLUGS = ["hidden-writer", "hidden-subject", "hidden-speaker", "hidden-agency"]
HIDDEN_ADDRESSES = [
    *[f"/people/{slug}/" for slug in HIDDEN_SLUGS],
    *[f"/feeds/people/{slug}/{fmt}/" for slug in HIDDEN_SLUGS for fmt in ("rss", "atom")],
    "/tags/embargoed-probe/",
    "/feeds/tags/embargoed-probe/rss/",
    "/feeds/tags/embargoed-probe/atom/",
]


@pytest.mark.parametrize("url", HIDDEN_ADDRESSES)
def test_names_from_unpublished_copy_are_404_on_pages_and_feeds(client, unpublished_story, url):
    """A person, organization or tag named only in unpublished copy: 404, and no name shown."""
    response = client.get(url)
    assert response.status_code == 404
    content = response.content.decode()
    assert not [name for name in HIDDEN_NAMES.values() if name in content]


@pytest.fixture
def public_names(section):
    """A writer and a tag with a public story, and a person known only from a biography."""
    writer = factories.make_person(name="Open Writer", slug="open-writer")
    factories.make_article(status="published", section=section, authors=[writer], tags=["Lunar"])
    factories.make_person(name="Bio Only", slug="bio-only", bio="Flew twice.")


@pytest.mark.parametrize(
    "page, feed, name",
    [
        ("/people/open-writer/", "/feeds/people/open-writer/rss/", "Open Writer"),
        ("/people/bio-only/", "/feeds/people/bio-only/atom/", "Bio Only"),
        ("/tags/lunar/", "/feeds/tags/lunar/rss/", "Lunar"),
        ("/sections/missions/", "/feeds/sections/missions/atom/", "Missions"),
    ],
)
def test_a_feed_answers_when_its_page_does(client, public_names, page, feed, name):
    """Whoever has a public page has a feed too, with their name in its title."""
    assert client.get(page).status_code == 200
    response = client.get(feed)
    assert response.status_code == 200
    assert name in response.content.decode()


@pytest.fixture
def three_stories(settings, section):
    settings.NEWSROOM_SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "attacker.example"]
    for hours in (1, 2, 3):
        factories.make_article(
            status="published", section=section, published_ago=timedelta(hours=hours)
        )


def test_api_page_links_point_at_the_site_whatever_the_host(client, three_stories):
    """A request sent to another host name cannot plant its host in the cached next link."""
    query = {"page_size": 1}
    planted = client.get("/api/v1/articles/", query, headers={"host": "attacker.example:1337"})
    assert planted.status_code == 200
    assert planted.json()["next"].startswith(f"{SITE}/api/v1/articles/?")
    assert client.get("/api/v1/articles/", query).json()["next"] == planted.json()["next"]
