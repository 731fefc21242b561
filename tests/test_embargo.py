"""Embargoes: partners may have an approved story before its embargo ends; readers see nothing."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, ArticleEvent
from articles.workflow import TransitionError
from tests import factories
from tests.factories import article_form_data

pytestmark = pytest.mark.django_db

HEADLINE = "Zanzibar ferry deal signed"


def _in(**delta):
    return (timezone.now() + timedelta(**delta)).replace(second=0, microsecond=0)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def transition_url(article, action):
    return reverse("admin:articles_article_transition", args=[article.pk, action])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def embargo_fields(moment):
    """The change form's embargo field as the admin's date and time inputs post it."""
    local = timezone.localtime(moment)
    return {"embargo_until_0": f"{local:%Y-%m-%d}", "embargo_until_1": f"{local:%H:%M:%S}"}


def set_embargo_in_form(client, user, article, moment, **changes):
    client.force_login(user)
    article = Article.objects.get(pk=article.pk)
    data = article_form_data(article, **embargo_fields(moment), **changes)
    return client.post(change_url(article), data)


@pytest.fixture
def third_reviewer(db):
    return factories.make_user("reviewer3", groups=["Reviewers"], is_staff=True)


@pytest.fixture
def tagged_draft(reporter, section, author):
    """The reporter's draft, bylined, tagged and naming a person, so every listing could show it."""
    story = factories.make_article(
        section=section, created_by=reporter, last_edited_by=reporter, headline=HEADLINE,
        slug="zanzibar-ferry-deal", authors=[author], tags=["Ferries"],
    )  # fmt: skip
    story.people_mentioned.add(factories.make_person(name="Ada Ferryman", slug="ada-ferryman"))
    return story


@pytest.fixture
def embargoed(client, tagged_draft, reporter, reviewer):
    """Through the admin: the reporter sets an embargo two hours ahead and submits, a reviewer
    approves. Partners may have it now; readers may not until the embargo ends."""
    until = _in(hours=2)
    assert set_embargo_in_form(client, reporter, tagged_draft, until).status_code == 302
    client.post(transition_url(tagged_draft, "submit"), {"comment": ""})
    client.force_login(reviewer)
    response = client.post(transition_url(tagged_draft, "approve"), {"comment": "Fine"})
    assert any(message.startswith("Approved under embargo") for message in messages_of(response))
    client.logout()
    story = Article.objects.get(pk=tagged_draft.pk)
    assert (story.status, story.embargo_until) == ("published", until)
    return story


# Setting an embargo with the story's content.


def test_reporter_sets_an_embargo_in_the_change_form(client, reporter, draft):
    """A reporter's draft takes an embargo time like any other field, as a new revision."""
    until = _in(days=1)
    response = set_embargo_in_form(client, reporter, draft, until)
    assert response.status_code == 302
    stored = Article.objects.get(pk=draft.pk)
    assert stored.embargo_until == until
    assert stored.version == draft.version + 1
    page = client.get(change_url(stored)).content.decode()
    assert 'name="embargo_until_0"' in page


def test_an_embargo_in_the_past_is_refused_with_a_form_error(client, reporter, draft):
    """A past embargo comes back as an error on its field and nothing is saved."""
    response = set_embargo_in_form(client, reporter, draft, _in(hours=-1), headline="Changed")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "An embargo must end in the future" in str(errors["embargo_until"])
    stored = Article.objects.get(pk=draft.pk)
    assert (stored.embargo_until, stored.headline) == (None, draft.headline)


@pytest.mark.parametrize(
    "date, time",
    [("9999-12-31", "23:59:00"), ("0001-01-01", "00:00:00"), ("2030-13-45", "25:99"),
     ("tomorrow", "noon"), ("2030-01-01", "")],
)  # fmt: skip
def test_bad_embargo_times_are_form_errors_never_500(client, reporter, draft, date, time):
    """Absurd, ancient, malformed or half-filled times are shown as errors on the field."""
    client.force_login(reporter)
    data = article_form_data(draft, embargo_until_0=date, embargo_until_1=time)
    response = client.post(change_url(draft), data)
    assert response.status_code == 200
    assert "embargo_until" in response.context["adminform"].form.errors
    assert Article.objects.get(pk=draft.pk).embargo_until is None


def test_a_new_story_with_a_past_embargo_is_refused(client, reporter, section):
    """The add form refuses a past embargo too, and creates nothing."""
    client.force_login(reporter)
    data = factories.add_form_data(section, **embargo_fields(_in(days=-2)))
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert not Article.objects.filter(slug="a-new-story").exists()


def test_an_embargo_that_has_passed_does_not_block_other_edits(client, reporter, draft):
    """Saving a draft whose embargo time has passed meanwhile keeps it and saves the edit."""
    until = _in(hours=1)
    set_embargo_in_form(client, reporter, draft, until)
    with time_machine.travel(until + timedelta(hours=1), tick=False):
        response = set_embargo_in_form(client, reporter, draft, until, headline="Later edit")
    assert response.status_code == 302
    assert Article.objects.get(pk=draft.pk).headline == "Later edit"


def test_changing_the_embargo_during_review_sends_the_story_back(client, editor, in_review):
    """The embargo is approved with the story: changing it in review needs a new submission."""
    response = set_embargo_in_form(client, editor, in_review, _in(days=1))
    assert response.status_code == 302
    stored = Article.objects.get(pk=in_review.pk)
    assert stored.status == "draft"
    assert stored.events.first().action == "articles.edit_in_review"


def test_an_approved_storys_embargo_is_not_in_the_form(client, embargoed, second_reviewer):
    """Once approved, the form shows the embargo but a crafted post cannot change it."""
    response = set_embargo_in_form(client, second_reviewer, embargoed, _in(days=5))
    assert 'name="embargo_until_0"' not in client.get(change_url(embargoed)).content.decode()
    assert response.status_code == 302
    assert Article.objects.get(pk=embargoed.pk).embargo_until == embargoed.embargo_until


def test_the_save_service_refuses_an_embargo_change_after_approval(embargoed, second_reviewer):
    """Code calling the save service directly gets the same refusal as the form."""

    def apply(article):
        article.embargo_until = _in(days=9)
        article.save()

    until = embargoed.embargo_until
    with pytest.raises(TransitionError, match="lift or extend its embargo"):
        workflow.save_content(embargoed, second_reviewer, apply, expected_version=embargoed.version)
    assert Article.objects.get(pk=embargoed.pk).embargo_until == until


# What readers see.


def test_an_embargoed_story_is_approved_but_not_public(embargoed):
    """It is in the partners' list, not in the public one, and dated at its embargo's end."""
    assert embargoed not in Article.objects.published()
    assert list(Article.objects.under_embargo()) == [embargoed]
    assert not embargoed.is_public and embargoed.is_embargoed
    assert embargoed.first_published_at == embargoed.embargo_until
    assert embargoed.went_live_at is None


READER_ADDRESSES = [
    "/",
    "/sections/missions/",
    "/tags/ferries/",
    "/people/rosa-marin/",
    "/people/ada-ferryman/",
    "/search/?q=Zanzibar",
    "/feeds/latest/rss/",
    "/feeds/latest/atom/",
    "/feeds/sections/missions/rss/",
    "/feeds/tags/ferries/atom/",
    "/feeds/people/rosa-marin/rss/",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/api/v1/articles/",
    "/api/v1/articles/?q=Zanzibar",
]


@pytest.mark.parametrize("url", READER_ADDRESSES)
def test_readers_see_nothing_of_an_embargoed_story(client, embargoed, url):
    """No page, feed, sitemap, search or API answer names the story before its embargo ends."""
    response = client.get(url)
    assert response.status_code in {200, 404}
    content = response.content.decode()
    assert "ferry deal" not in content  # (a search page repeats the query word, not more)
    assert embargoed.slug not in content
    assert "ferry deal" not in client.get(url).content.decode()  # nor does the cached copy


def test_the_embargoed_storys_own_addresses_answer_404(client, embargoed):
    """Its page and its API item answer 404, as if it did not exist."""
    assert client.get(embargoed.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/articles/{embargoed.pk}/").status_code == 404


def test_publish_due_makes_the_story_public_at_its_embargo(
    client, embargoed, django_capture_on_commit_callbacks
):
    """At the embargo's end publish_due logs it once and purges the cached pages that left it
    out; readers get it on every page."""
    until = embargoed.embargo_until
    with time_machine.travel(until - timedelta(minutes=1), tick=False):
        assert "Zanzibar" not in client.get("/").content.decode()  # now in the page cache
    with time_machine.travel(until + timedelta(seconds=30), tick=False):
        assert embargoed in Article.objects.published()  # readers' queries see it already,
        assert "Zanzibar" not in client.get("/").content.decode()  # the cached page not yet
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_due", stdout=out)
            assert workflow.publish_due() == []
        assert "Live: Zanzibar ferry deal signed (embargoed until" in out.getvalue()
        assert client.get(embargoed.get_absolute_url()).status_code == 200
        for url in ["/", "/feeds/latest/rss/", "/search/?q=Zanzibar", "/sitemap-news.xml"]:
            assert "Zanzibar" in client.get(url).content.decode() or embargoed.slug in (
                client.get(url).content.decode()
            ), url
        api = client.get("/api/v1/articles/").content.decode()
        assert "Zanzibar" in api
    events = embargoed.events.filter(action="articles.embargo_ended")
    assert events.count() == 1 and events.get().actor is None
    stored = Article.objects.get(pk=embargoed.pk)
    assert stored.went_live_at is not None
    assert not Article.objects.under_embargo(at=stored.went_live_at).exists()


# Lifting and extending: reviewers other than the authors, logged with a reason.


def test_a_second_reviewer_lifts_the_embargo_from_the_panel(
    client, embargoed, second_reviewer, django_capture_on_commit_callbacks
):
    """Lifting the embargo makes the story public at once, logged with the reason."""
    old = embargoed.embargo_until
    client.force_login(second_reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            transition_url(embargoed, "lift_embargo"), {"comment": "Minister spoke early."}
        )
    assert "Embargo lifted: readers see the story now." in messages_of(response)
    stored = Article.objects.get(pk=embargoed.pk)
    assert stored.is_public and stored.went_live_at is not None
    event = stored.events.first()
    assert (event.action, event.actor, event.comment) == (
        "articles.embargo_lift",
        second_reviewer,
        "Minister spoke early.",
    )
    assert (event.old_embargo_until, event.new_embargo_until) == (old, stored.embargo_until)
    assert "Embargo lifted early (embargo until" in event.label
    client.logout()
    assert client.get(stored.get_absolute_url()).status_code == 200
    assert "Zanzibar" in client.get("/").content.decode()
    assert workflow.publish_due() == []  # nothing left to log


def test_a_second_reviewer_extends_the_embargo(client, embargoed, second_reviewer):
    """Extending the embargo moves the end later; readers wait until the new time."""
    old, new = embargoed.embargo_until, _in(days=2)
    client.force_login(second_reviewer)
    response = client.post(
        transition_url(embargoed, "extend_embargo"),
        {"embargo_until": f"{timezone.localtime(new):%Y-%m-%dT%H:%M}", "comment": "Court order."},
    )
    assert f"Embargo extended until {timezone.localtime(new):%d %b %Y %H:%M}." in messages_of(
        response
    )
    stored = Article.objects.get(pk=embargoed.pk)
    assert (stored.embargo_until, stored.first_published_at) == (new, new)
    event = stored.events.first()
    assert (event.action, event.comment) == ("articles.embargo_extend", "Court order.")
    assert (event.old_embargo_until, event.new_embargo_until) == (old, new)
    client.logout()
    with time_machine.travel(old + timedelta(minutes=1), tick=False):
        assert workflow.publish_due() == []
        assert client.get(stored.get_absolute_url()).status_code == 404
    with time_machine.travel(new + timedelta(minutes=1), tick=False):
        assert workflow.publish_due() == [stored]
        assert client.get(stored.get_absolute_url()).status_code == 200


@pytest.fixture
def reviewers_embargoed_story(reviewer, second_reviewer, section):
    """A story the reviewer wrote with an embargo, approved by a second reviewer."""
    story = factories.make_article(
        section=section, created_by=reviewer, last_edited_by=reviewer, embargo_until=_in(hours=3)
    )
    return workflow.approve(workflow.submit(story, reviewer), second_reviewer)


@pytest.mark.parametrize("action", ["lift_embargo", "extend_embargo"])
def test_the_author_reviewer_may_not_change_their_storys_embargo(
    client, reviewers_embargoed_story, reviewer, third_reviewer, action
):
    """Four eyes, as for approval: the writer is refused, another reviewer may."""
    story = reviewers_embargoed_story
    data = {"comment": "Because.", "embargo_until": f"{_in(days=3):%Y-%m-%dT%H:%M}"}
    client.force_login(reviewer)
    response = client.post(transition_url(story, action), data)
    assert any("four-eyes rule" in message for message in messages_of(response))
    assert Article.objects.get(pk=story.pk).embargo_until == story.embargo_until
    assert not ArticleEvent.objects.filter(action__startswith="articles.embargo_").exists()
    client.force_login(third_reviewer)
    client.post(transition_url(story, action), data)
    assert Article.objects.get(pk=story.pk).embargo_until != story.embargo_until


def test_four_eyes_off_lets_the_author_reviewer_lift(settings, reviewers_embargoed_story, reviewer):
    """With NEWSROOM_FOUR_EYES off, a reviewer may lift the embargo of their own story."""
    settings.NEWSROOM_FOUR_EYES = False
    assert workflow.lift_embargo(reviewers_embargoed_story, reviewer, reason="Out now.").is_public


@pytest.mark.parametrize("role", ["reporter", "editor"])
@pytest.mark.parametrize("action", ["lift_embargo", "extend_embargo"])
def test_reporters_and_editors_may_not_change_an_embargo(client, request, embargoed, role, action):
    """Even the story's own reporter, posting straight to the action, is refused."""
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        transition_url(embargoed, action),
        {"comment": "Now.", "embargo_until": f"{_in(days=3):%Y-%m-%dT%H:%M}"},
    )
    assert "Only reviewers can lift or extend an embargo." in messages_of(response)
    assert Article.objects.get(pk=embargoed.pk).embargo_until == embargoed.embargo_until


@pytest.mark.parametrize(
    "action, data, message",
    [
        ("lift_embargo", {"comment": "  "}, "Say why the embargo is lifted early."),
        ("extend_embargo", {"comment": "Later."}, "Choose when the embargo should end."),
        ("extend_embargo", {"comment": ""}, "Say why the embargo is extended."),
        ("extend_embargo", {"comment": "x", "embargo_until": "2001-01-01T10:00"}, "in the future"),
        ("extend_embargo", {"comment": "x", "embargo_until": "9999-12-31T23:59"}, "10 years"),
        ("extend_embargo", {"comment": "x", "embargo_until": "next week"}, "Check the form"),
        ("extend_embargo", {"comment": "x", "embargo_until": "EARLIER"}, "choose a later time"),
        ("nonsense", {"comment": "x"}, "Unknown action"),
    ],
)
def test_bad_embargo_changes_are_explained_and_change_nothing(
    client, embargoed, second_reviewer, action, data, message
):
    """A missing reason or time, a past, absurd, garbled or earlier time: a message, no change."""
    if data.get("embargo_until") == "EARLIER":
        data["embargo_until"] = f"{timezone.localtime(_in(hours=1)):%Y-%m-%dT%H:%M}"
    client.force_login(second_reviewer)
    response = client.post(transition_url(embargoed, action), data)
    assert response.status_code == 302
    assert any(message in text for text in messages_of(response)), messages_of(response)
    stored = Article.objects.get(pk=embargoed.pk)
    assert (stored.embargo_until, stored.version) == (embargoed.embargo_until, embargoed.version)


@pytest.mark.parametrize("state", ["draft", "public"])
def test_only_a_running_embargo_can_be_lifted(client, second_reviewer, draft, state):
    """A draft's embargo is changed in the form; a public story has no embargo to lift."""
    story = draft if state == "draft" else factories.make_article(status="published")
    client.force_login(second_reviewer)
    response = client.post(transition_url(story, "lift_embargo"), {"comment": "x"})
    expected = "Only an approved story" if state == "draft" else "not under embargo"
    assert any(expected in message for message in messages_of(response))


def test_an_embargoed_story_is_taken_back_with_cancel_schedule(embargoed, second_reviewer):
    """Not live, so not "unpublished" (no 410 at its address): its release is cancelled."""
    with pytest.raises(TransitionError, match="cancel its schedule"):
        workflow.unpublish(embargoed, second_reviewer, "Wrong.")
    story = workflow.cancel_schedule(embargoed, second_reviewer, "Deal collapsed.")
    assert (story.status, story.first_published_at, story.unpublished_at) == ("draft", None, None)
    assert not Article.objects.under_embargo().exists()


def test_a_scheduled_story_waits_for_both_its_time_and_its_embargo(
    reviewer, second_reviewer, section
):
    """Partners get it at its publish time, readers at its embargo's end."""
    publish_at, until = _in(hours=1), _in(hours=3)
    story = factories.make_article(
        section=section, created_by=reviewer, embargo_until=until, status="in_review"
    )
    story = workflow.approve(story, second_reviewer, publish_at=publish_at)
    assert story.first_published_at == until
    assert not Article.objects.under_embargo().exists()
    with time_machine.travel(publish_at + timedelta(minutes=1), tick=False):
        assert list(Article.objects.under_embargo()) == [story]
        assert workflow.publish_due() == []
    with time_machine.travel(until + timedelta(minutes=1), tick=False):
        assert workflow.publish_due() == [story]
    assert story.events.first().action == "articles.embargo_ended"


# The admin shows it.


def test_the_panel_offers_lift_and_extend_to_a_second_reviewer(client, embargoed, second_reviewer):
    """The panel says "Under embargo until …" and offers both actions to a reviewer who may."""
    client.force_login(second_reviewer)
    response = client.get(change_url(embargoed))
    until = f"{timezone.localtime(embargoed.embargo_until):%d %b %Y %H:%M}"
    assert f"Under embargo until {until}" in response.content.decode()
    panel = response.context["workflow"]["embargo"]
    assert panel["can_change"] and not panel["refusal"]
    markup = render_to_string(
        "admin/articles/article/embargo_panel.html", {"workflow": response.context["workflow"]}
    )
    assert f"Under embargo until {until}" in markup
    assert "Lift embargo now" in markup and "Extend embargo" in markup


def test_the_panel_tells_the_author_reviewer_why_not(client, reviewers_embargoed_story, reviewer):
    """The writer sees why there is no button for them."""
    client.force_login(reviewer)
    panel = client.get(change_url(reviewers_embargoed_story)).context["workflow"]["embargo"]
    assert not panel["can_change"]
    assert "another reviewer must lift or extend" in panel["refusal"]
    markup = render_to_string(
        "admin/articles/article/embargo_panel.html", {"workflow": {"embargo": panel}}
    )
    assert "Lift embargo now" not in markup


def test_the_change_list_filters_embargoed_stories(client, embargoed, second_reviewer, section):
    """The list's "embargo" filter shows the stories under embargo, with their end time."""
    other = factories.make_article(status="published", section=section, headline="Open story")
    client.force_login(second_reviewer)
    url = reverse("admin:articles_article_changelist")
    page = client.get(url, {"embargo": "under"}).content.decode()
    assert HEADLINE in page and other.headline not in page
    assert "Under embargo until" in page
