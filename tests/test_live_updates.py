"""Changes to a live story by reporters and editors wait for review; readers see the live one."""

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import UpdateProposal
from tests import factories
from tests.factories import article_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(reporter, reviewer, section):
    article = factories.make_article(
        section=section,
        created_by=reporter,
        last_edited_by=reporter,
        tags=["Moon"],
        body="Live text.",
    )
    workflow.submit(article, reporter)
    return workflow.approve(article, reviewer)


def propose(client, user, article, **changes):
    client.force_login(user)
    return client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(article, **changes),
    )


PUBLIC_PAGES = ["/", "/sections/missions/", "/tags/moon/"]


def test_reporter_edit_of_live_story_becomes_a_proposal(client, reporter, live):
    """Readers keep the live text on every page while the reporter's fix waits."""
    response = propose(client, reporter, live, body="Fixed text.")
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.body == "Live text."
    proposal = UpdateProposal.objects.get(article=live)
    assert proposal.status == "pending"
    assert proposal.revision.content["body"] == "Fixed text."
    client.logout()
    assert "Live text." in client.get(live.get_absolute_url()).content.decode()
    for url in PUBLIC_PAGES:
        assert client.get(url).status_code == 200


def test_proposed_headline_is_on_no_public_page(client, editor, live):
    propose(client, editor, live, headline="Proposed headline nobody should see")
    client.logout()
    for url in [*PUBLIC_PAGES, live.get_absolute_url()]:
        assert "Proposed headline nobody should see" not in client.get(url).content.decode()


def test_approving_the_proposal_updates_the_live_story(client, reporter, second_reviewer, live):
    before = live.updated_at
    propose(client, reporter, live, body="Fixed text.")
    proposal = UpdateProposal.objects.get(article=live)
    workflow.approve_update(proposal, second_reviewer)
    live.refresh_from_db()
    assert live.body == "Fixed text."
    assert live.updated_at > before
    client.logout()
    assert "Fixed text." in client.get(live.get_absolute_url()).content.decode()


def test_proposer_cannot_approve_their_own_update(reviewer, live, editor, client):
    propose(client, editor, live, body="Editor's fix.")
    proposal = UpdateProposal.objects.get(article=live)
    with pytest.raises(workflow.TransitionError):
        workflow.approve_update(proposal, editor)
    own = workflow.propose_update(live, reviewer, {**proposal.revision.content, "body": "Mine."})
    with pytest.raises(workflow.TransitionError, match="four-eyes"):
        workflow.approve_update(own, reviewer)


def test_returned_proposal_goes_back_to_its_author(client, reporter, reviewer, live):
    propose(client, reporter, live, body="Half-done fix.")
    proposal = UpdateProposal.objects.get(article=live)
    workflow.return_update(proposal, reviewer, "Check the date first.")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.reason) == ("returned", "Check the date first.")
    live.refresh_from_db()
    assert live.body == "Live text."


def test_reviewer_sees_the_proposed_diff_and_buttons(client, reporter, reviewer, live):
    propose(client, reporter, live, body="Fixed text.")
    client.force_login(reviewer)
    page = client.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert "Proposed update by reporter" in page
    assert "<del>Live </del><ins>Fixed </ins>text." in page
    assert "Approve update" in page


def test_reviewer_edit_of_live_story_publishes_directly(client, reviewer, live):
    before = live.updated_at
    client.force_login(reviewer)
    client.post(
        reverse("admin:articles_article_change", args=[live.pk]),
        article_form_data(live, body="Direct fix."),
    )
    live.refresh_from_db()
    assert live.body == "Direct fix."
    assert live.updated_at > before
    assert not UpdateProposal.objects.exists()


def test_other_reporter_cannot_propose(client, other_reporter, live):
    response = propose(client, other_reporter, live, body="Not mine.")
    assert response.status_code in (302, 403)
    assert not UpdateProposal.objects.exists()


def test_pending_update_waits_in_the_review_queue(client, reporter, reviewer, live):
    propose(client, reporter, live, body="Fixed text.")
    client.force_login(reviewer)
    page = client.get(reverse("admin:articles_reviewqueue_changelist")).content.decode()
    assert live.headline in page
    assert "Approval of an update" in page


def test_proposed_headline_is_in_no_feed_sitemap_search_or_api(client, editor, live):
    """Readers keep the live version on every machine route too, until a reviewer approves."""
    propose(client, editor, live, headline="Proposed headline nobody should see")
    client.logout()
    routes = [
        "/feeds/latest/rss/",
        "/feeds/latest/atom/",
        "/feeds/sections/missions/rss/",
        "/sitemap.xml",
        "/sitemap-news.xml",
        "/search/?q=proposed",
        "/api/v1/articles/",
        f"/api/v1/articles/{live.pk}/",
    ]
    for url in routes:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Proposed headline nobody should see" not in response.content.decode(), url


def test_author_sees_why_their_update_was_sent_back(client, reporter, reviewer, live):
    propose(client, reporter, live, body="Half-done fix.")
    workflow.return_update(
        UpdateProposal.objects.get(article=live), reviewer, "Check the date first."
    )
    page = client.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert "was sent back by reviewer" in page
    assert "Check the date first." in page
