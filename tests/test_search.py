"""Readers search published stories; filters narrow; bad input never breaks the page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import revisions, workflow
from tests import factories

pytestmark = pytest.mark.django_db


def headlines(response):
    return [article.headline for article, _ in response.context["hits"]]


@pytest.fixture
def archive(section, author):
    other_section = factories.make_section(name="Profiles", slug="profiles")
    leonov = factories.make_person(name="Alexei Leonov", slug="alexei-leonov")
    nasa = factories.make_organization(name="NASA", slug="nasa")
    in_headline = factories.make_article(
        status="published", section=section, headline="Spacewalk pioneer honoured", body="A ceremony.",
        tags=["History"], authors=[author], kind="feature",
    )  # fmt: skip
    in_body = factories.make_article(
        status="published", section=other_section, headline="A quiet anniversary",
        body="Nobody mentioned the spacewalk until the end.", published_ago=timedelta(days=5),
    )  # fmt: skip
    about = factories.make_article(
        status="published", section=other_section, headline="Cosmonaut remembered", body="Memories.",
        published_ago=timedelta(days=20),
    )  # fmt: skip
    about.people_mentioned.add(leonov)
    agency = factories.make_article(
        status="published", section=section, headline="Agency budget", body="Figures."
    )
    agency.organizations_mentioned.add(nasa)
    for article in (in_headline, in_body, about, agency):
        revisions.refresh_derived_data(article.pk)  # index them as a save would
    return {"headline": in_headline, "body": in_body, "about": about, "agency": agency}


def test_headline_match_ranks_above_body_match(client, archive):
    response = client.get("/search/", {"q": "spacewalk"})
    assert response.status_code == 200
    assert headlines(response) == ["Spacewalk pioneer honoured", "A quiet anniversary"]


def test_query_is_kept_in_the_page_and_words_are_highlighted(client, archive):
    page = client.get("/search/", {"q": "spacewalk"}).content.decode()
    assert 'value="spacewalk"' in page
    assert "<mark>spacewalk</mark>" in page


def test_every_word_must_match(client, archive):
    assert headlines(client.get("/search/", {"q": "spacewalk ceremony"})) == [
        "Spacewalk pioneer honoured"
    ]


def test_people_and_tags_are_searchable(client, archive):
    assert headlines(client.get("/search/", {"q": "Leonov"})) == ["Cosmonaut remembered"]
    assert headlines(client.get("/search/", {"q": "history"})) == ["Spacewalk pioneer honoured"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"section": "missions"}, {"Spacewalk pioneer honoured", "Agency budget"}),
        ({"tag": "history"}, {"Spacewalk pioneer honoured"}),
        ({"person": "alexei-leonov"}, {"Cosmonaut remembered"}),
        ({"person": "nasa"}, {"Agency budget"}),
        ({"person": "rosa-marin"}, {"Spacewalk pioneer honoured"}),
        ({"kind": "feature"}, {"Spacewalk pioneer honoured"}),
        ({"q": "spacewalk", "section": "profiles"}, {"A quiet anniversary"}),
    ],
)
def test_filters(client, archive, params, expected):
    assert set(headlines(client.get("/search/", params))) == expected


def test_date_range(client, archive):
    today = timezone.localdate()
    params = {
        "published_after": (today - timedelta(days=10)).isoformat(),
        "published_before": today.isoformat(),
    }
    found = set(headlines(client.get("/search/", params)))
    assert "Cosmonaut remembered" not in found
    assert "A quiet anniversary" in found


def test_non_public_stories_are_never_found(client, archive, section, reporter, reviewer):
    draft = factories.make_article(
        section=section, headline="Secret spacewalk plan", created_by=reporter
    )
    revisions.refresh_derived_data(draft.pk)
    workflow.submit(draft, reporter)
    scheduled = factories.make_article(
        status="published",
        section=section,
        headline="Future spacewalk",
        publish_at=timezone.now() + timedelta(days=1),
    )
    revisions.refresh_derived_data(scheduled.pk)
    found = headlines(client.get("/search/", {"q": "spacewalk"}))
    assert "Secret spacewalk plan" not in found
    assert "Future spacewalk" not in found


def test_proposed_update_is_not_searchable(client, archive, editor):
    from articles import revisions

    live = archive["agency"]
    workflow.propose_update(
        live, editor, {**revisions.snapshot(live), "headline": "Zeppelin scandal"}
    )
    assert headlines(client.get("/search/", {"q": "zeppelin"})) == []
    assert headlines(client.get("/search/", {"q": "budget"})) == ["Agency budget"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"published_after": "yesterday-ish"},
        {"section": "no-such-section"},
        {"kind": "gossip"},
    ],
)
def test_bad_input_is_a_400_page_with_the_form(client, archive, params):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert '<form method="get"' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "%%%"},
        {"q": "'\"); DROP TABLE"},
        {"q": "spacewalk", "page": "999999"},
        {"q": "a & b | !c"},
    ],
)
def test_odd_queries_give_a_normal_page(client, archive, params):
    assert client.get("/search/", params).status_code == 200


def test_snippets_escape_story_text(client, section):
    article = factories.make_article(
        status="published", section=section, body="Rocket <script>alert(1)</script> rocket"
    )
    revisions.refresh_derived_data(article.pk)
    page = client.get("/search/", {"q": "rocket"}).content.decode()
    assert "<script>alert(1)" not in page


def test_search_page_query_ceiling(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get("/search/", {"q": "spacewalk", "section": "missions"}).status_code == 200


def test_results_page_on_without_counting_every_match(client, section, settings):
    """Search pages say whether more results follow, not how many there are: no COUNT of
    every match on each page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.NEWSROOM_PAGE_SIZE = 3
    for number in range(5):
        story = factories.make_article(
            status="published", section=section, headline=f"Comet sighting {number}"
        )
        revisions.refresh_derived_data(story.pk)
    with CaptureQueriesContext(connection) as queries:
        first = client.get("/search/", {"q": "comet"})
    page = first.content.decode()
    assert "Results 1–3 for “comet”" in page and "More results" in page
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]
    second = client.get("/search/", {"q": "comet", "page": 2}).content.decode()
    assert "Results 4–5" in second and "More results" not in second and "Better matches" in second
    assert len(headlines(first)) == 3
