"""Input found by an adversarial review: each once broke a page or leaked; none may again."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import copydesk, revisions, workflow
from articles.models import Article, UpdateProposal
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_control_character_in_a_live_story_does_not_break_feeds(client, section):
    """A pasted soft line break (\\x0b) in a standfirst used to make every feed a 500."""
    factories.make_article(
        status="published", section=section, headline="Soft\x0bbreak", standfirst="A\x0cB"
    )
    for url in ["/feeds/latest/rss/", "/feeds/latest/atom/", "/sitemap-news.xml", "/sitemap.xml"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "\x0b" not in response.content.decode()


def test_admin_forms_strip_control_characters(client, editor, draft):
    client.force_login(editor)
    data = factories.article_form_data(
        draft, headline="Clean\x0b headline", standfirst="Pasted\x0c text"
    )
    client.post(reverse("admin:articles_article_change", args=[draft.pk]), data)
    draft.refresh_from_db()
    assert (draft.headline, draft.standfirst) == ("Clean headline", "Pasted text")


def test_an_old_proposal_cannot_undo_later_edits(
    client, editor, reviewer, second_reviewer, section
):
    """Approving a proposal made before a reviewer's direct fix would silently undo the fix."""
    live = factories.make_article(status="published", section=section, standfirst="Original.")
    proposal = workflow.propose_update(
        live, editor, {**revisions.snapshot(live), "headline": "New headline"}
    )
    client.force_login(reviewer)
    data = factories.article_form_data(
        Article.objects.get(pk=live.pk), standfirst="Reviewer's fix."
    )
    client.post(reverse("admin:articles_article_change", args=[live.pk]), data)
    with pytest.raises(workflow.TransitionError, match="changed since this update was proposed"):
        workflow.approve_update(proposal, second_reviewer)
    live.refresh_from_db()
    assert live.standfirst == "Reviewer's fix."
    assert live.headline != "New headline"


def test_unpublishing_sends_pending_updates_back(editor, reviewer, published_article):
    proposal = workflow.propose_update(
        published_article, editor, revisions.snapshot(published_article)
    )
    workflow.unpublish(published_article, reviewer, "Legal hold")
    proposal.refresh_from_db()
    assert proposal.status == UpdateProposal.Status.RETURNED
    with pytest.raises(workflow.TransitionError):
        workflow.approve_update(proposal, reviewer)


def test_reporters_see_only_their_own_unpublished_quotes(client, reporter, section):
    others = factories.make_article(section=section, headline="Someone else's draft")
    factories.make_quote(others, text="A secret remark")
    client.force_login(reporter)
    page = client.get(reverse("admin:articles_quote_changelist")).content.decode()
    assert "A secret remark" not in page


def test_reporters_see_no_unpublished_stories_on_person_pages_in_the_admin(
    client, reporter, section
):
    subject = factories.make_person(name="Subject Person", slug="subject-person")
    others = factories.make_article(section=section, headline="Someone else's scoop")
    others.people_mentioned.add(subject)
    client.force_login(reporter)
    page = client.get(reverse("admin:people_person_change", args=[subject.pk])).content.decode()
    assert "Someone else&#x27;s scoop" not in page and "Someone else's scoop" not in page


def test_tags_and_names_known_only_from_drafts_stay_unknown(client, section):
    draft = factories.make_article(section=section, tags=["Embargoed merger"])
    person = factories.make_person(name="Not Yet Named", slug="not-yet-named")
    draft.people_mentioned.add(person)
    assert client.get("/tags/embargoed-merger/").status_code == 404
    assert client.get("/people/not-yet-named/").status_code == 404
    scheduled = factories.make_article(
        status="published", section=section, publish_at=timezone.now() + timedelta(days=1)
    )
    scheduled.tags.add("Embargoed merger")
    assert client.get("/tags/embargoed-merger/").status_code == 404


def test_absurd_admin_date_filters_are_not_a_crash(client, editor):
    client.force_login(editor)
    for url in [
        "/admin/articles/article/?created_at__year=99999999999999999999",
        "/admin/articles/articleevent/?created_at__month=13",
    ]:
        assert client.get(url).status_code in (200, 302, 403), url


def test_api_answers_head_and_refuses_odd_digits(client, published_article):
    assert client.head("/api/v1/articles/").status_code == 200
    assert client.get("/api/v1/articles/", {"page_size": "\u0665"}).status_code == 400


def test_suggestions_need_a_known_kind_and_accept_any_script(editor, draft):
    with pytest.raises(workflow.TransitionError, match="person or an organization"):
        copydesk.accept_suggestion(draft, editor, name="Someone", kind="zzz")
    person = copydesk.accept_suggestion(
        draft, editor, name="宇宙飛行士", kind="person", expected_version=draft.version
    )
    assert person.slug and person in draft.people_mentioned.all()


@pytest.mark.parametrize(
    "url",
    [
        "/search/?section=%00",
        "/search/?tag=%00",
        "/search/?person=a%00b",
        "/search/?q=%00",
        "/api/v1/articles/?section=%00",
        "/api/v1/articles/?tag=%00",
        "/sections/missions/?page=%00",
        "/sitemap-articles.xml?p=%00",
    ],
)
def test_nul_bytes_in_query_strings_are_never_a_crash(client, published_article, url):
    """PostgreSQL refuses NUL bytes outright; they must be turned away before they reach it."""
    assert client.get(url).status_code < 500
