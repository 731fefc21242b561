"""Corrections are public, permanent, and shown where readers look."""

import json
import re

import pytest

from articles import workflow
from articles.models import Correction
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def corrected(published_article, reviewer):
    workflow.publish_correction(
        published_article, reviewer, "An earlier version gave the wrong date.", "correction"
    )
    return published_article


def json_ld(page):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )


def test_correction_shows_on_the_article(client, corrected):
    page = client.get(corrected.get_absolute_url()).content.decode()
    assert "This article has been corrected" in page
    assert 'id="corrections"' in page
    assert "An earlier version gave the wrong date." in page


def test_correction_is_in_the_structured_data(client, corrected):
    data = json_ld(client.get(corrected.get_absolute_url()).content.decode())
    assert data["correction"][0]["@type"] == "CorrectionComment"
    assert data["correction"][0]["text"] == "An earlier version gave the wrong date."


def test_corrections_page_lists_newest_first(client, corrected, reviewer, section):
    other = factories.make_article(status="published", section=section, headline="Second story")
    workflow.publish_correction(other, reviewer, "A name was misspelled.", "clarification")
    page = client.get("/corrections/").content.decode()
    assert page.index("A name was misspelled.") < page.index(
        "An earlier version gave the wrong date."
    )
    assert f"{corrected.get_absolute_url()}#corrections" in page


def test_corrections_on_withdrawn_stories_leave_the_public_list(client, corrected, reviewer):
    workflow.unpublish(corrected, reviewer, "Legal review.")
    assert (
        "An earlier version gave the wrong date."
        not in client.get("/corrections/").content.decode()
    )


def test_corrections_cannot_be_edited_or_deleted(corrected):
    correction = Correction.objects.get()
    correction.text = "Quietly changed"
    with pytest.raises(Exception, match="cannot be changed"):
        correction.save()
    with pytest.raises(Exception, match="cannot be deleted"):
        correction.delete()


def test_correction_links_to_the_revision_with_the_fix(corrected):
    correction = Correction.objects.get()
    assert correction.revision is not None
    assert correction.revision.article == corrected


def test_reporter_cannot_publish_a_correction(reporter, published_article):
    with pytest.raises(workflow.TransitionError):
        workflow.publish_correction(published_article, reporter, "Sneaky", "correction")
    assert not Correction.objects.exists()


def test_corrections_page_query_ceiling(client, reviewer, section, django_assert_max_num_queries):
    for _ in range(10):
        article = factories.make_article(status="published", section=section)
        workflow.publish_correction(article, reviewer, "Fixed a figure.", "correction")
    with django_assert_max_num_queries(6):
        assert client.get("/corrections/").status_code == 200
