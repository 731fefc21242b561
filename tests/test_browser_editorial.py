"""The editorial path in a real Chromium: people in their roles, through the admin's own forms.

A reporter writes and submits, a reviewer sends the story back and then approves it, and a
reader who never logged in finds it; two editors save the same story; the copy desk, share
links and scheduling do what the people using them see. Fixtures the steps start from (a
published story to link to, a story waiting for review) come from the factories; every step
under test is a click or a keystroke.
"""

import re
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from articles import workflow
from tests import browser as shared
from tests import factories
from tests.browser import expect

pytestmark = shared.browser_marks()
browser = shared.browser
open_page = shared.open_page
roles = shared.roles  # autouse: the role groups exist in every test

ARTICLE_URL = re.compile(r"/\d{4}/\d{2}/\d{2}/crew-returns-safely/$")
QUOTE = "We did what we came to do."


@pytest.fixture
def newsroom(section):
    """A reporter with a byline identity and an earlier published story, a reviewer, and the
    commander the new story quotes."""
    reporter = factories.make_user("reporter", groups=["Reporters"], is_staff=True)
    factories.make_user("reviewer", groups=["Reviewers"], is_staff=True)
    rosa = factories.make_person(name="Rosa Marín", slug="rosa-marin", user=reporter)
    factories.make_person(
        name="Anna Sorensen",
        slug="anna-sorensen",
        role="Mission commander",
        bio="Anna Sorensen commanded the crew.",
    )
    factories.make_article(
        status="published",
        section=section,
        authors=[rosa],
        headline="The crew trains in Houston",
        slug="crew-trains",
    )
    return reporter


def choose(page, label, text):
    """Pick `text` in the admin autocomplete (select2) named by its label or column `label`."""
    page.get_by_role("combobox", name=re.compile("^" + re.escape(label))).click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).click()


def messages(page):
    """The admin's messages ("… was added successfully", a transition's outcome)."""
    return page.locator(".messagelist")


def png(tmp_path):
    """Write a small real PNG to upload as a hero image."""
    path = tmp_path / "splashdown.png"
    Image.new("RGB", (640, 360), "#336699").save(path, "PNG")
    return path


def test_a_story_goes_from_a_reporter_through_review_to_readers(open_page, newsroom, tmp_path):
    """Written, sent back with a reason, fixed, approved: then readers find and follow it."""
    reporter = open_page("reporter")
    shared.log_in(reporter, "reporter")
    page = reporter.page
    page.goto("/admin/articles/article/add/")
    page.locator("#id_headline").press_sequentially("Crew returns safely")
    page.fill("#id_standfirst", "Four astronauts splashed down in the Pacific.")
    page.fill(
        "#id_body",
        f'"{QUOTE[:-1]}," said Anna Sorensen, the mission commander.\n\n'
        "The capsule landed at dawn after ten days in space.",
    )
    choose(page, "Section", "Missions")
    page.fill("#id_new_tags", "Splashdown")
    page.set_input_files("#id_hero_image", png(tmp_path))
    page.fill("#id_hero_alt", "The capsule floating in a calm blue sea")
    page.locator("#bylines-group .add-row a").click()
    choose(page, "Author", "Rosa Marín")
    page.locator("#quotes-group .add-row a").click()
    page.fill("#id_quotes-0-text", QUOTE)
    choose(page, "Speaker (person)", "Anna Sorensen")
    page.fill("#id_quotes-0-attribution_text", "said Anna Sorensen")
    page.check("#id_quotes-0-is_pull_quote")
    page.locator("#picks-group .add-row a").click()
    choose(page, "Related story", "The crew trains in Houston")
    reporter.shot("story written")
    page.click("input[name=_continue]")
    expect(messages(page)).to_contain_text("was added successfully")
    expect(page.locator(".workflow-panel h2")).to_have_text("Workflow: Draft")
    page.get_by_role("button", name="Submit for review").click()
    expect(messages(page)).to_contain_text("Submitted for review.")
    reporter.shot("submitted")
    story_form = page.url

    reviewer = open_page("reviewer")
    shared.log_in(reviewer, "reviewer")
    desk = reviewer.page
    desk.goto("/admin/articles/reviewqueue/")
    desk.get_by_role("link", name="Crew returns safely").click()
    reason = "Say where the capsule landed: which ocean, how far from shore."
    desk.fill("#id_request_changes_comment", reason)
    reviewer.shot("requesting changes")
    desk.get_by_role("button", name="Request changes…").click()
    expect(messages(desk)).to_contain_text("Sent back to the authors with your request.")

    page.goto(story_form)
    expect(page.locator(".workflow-panel .errornote")).to_have_text(
        f"Changes requested by reviewer: {reason}"
    )
    reporter.shot("sees the reason")
    page.fill(
        "#id_body",
        f'"{QUOTE[:-1]}," said Anna Sorensen, the mission commander.\n\n'
        "The capsule landed at dawn in the Pacific, 40 km off San Diego.",
    )
    page.click("input[name=_continue]")
    expect(messages(page)).to_contain_text("was changed successfully")
    page.get_by_role("button", name="Submit for review").click()
    expect(messages(page)).to_contain_text("Submitted for review.")

    desk.goto("/admin/articles/reviewqueue/")
    desk.get_by_role("link", name="Crew returns safely").click()
    expect(desk.locator(".copy-desk h3")).not_to_contain_text("blocker")
    desk.get_by_role("button", name="Approve and publish").click()
    expect(messages(desk)).to_contain_text("Approved and published.")
    expect(desk.locator(".workflow-panel h2")).to_have_text("Workflow: Published")
    reviewer.shot("approved")

    reader = open_page("reader")
    web = reader.page
    web.goto("/")
    web.get_by_role("link", name="Crew returns safely").first.click()
    expect(web).to_have_url(ARTICLE_URL)
    expect(web.locator("h1")).to_have_text("Crew returns safely")
    expect(web.locator(".story-body")).to_contain_text("40 km off San Diego")
    expect(web.locator(".meta")).to_contain_text("By Rosa Marín")
    expect(web.locator(".tags")).to_contain_text("Splashdown")
    hero = web.get_by_role("img", name="The capsule floating in a calm blue sea")
    expect(hero).to_be_visible()
    assert hero.evaluate("image => image.complete && image.naturalWidth > 0"), "no hero image"
    reader.shot("reads the story")

    related = web.get_by_role("complementary", name="Related stories")
    related.get_by_role("link", name="The crew trains in Houston").click()
    expect(web.locator("h1")).to_have_text("The crew trains in Houston")
    web.go_back()
    web.locator(".pull-quote").get_by_role("link", name="Anna Sorensen").click()
    expect(web).to_have_url(re.compile(r"/people/anna-sorensen/$"))
    expect(web.locator("h1")).to_have_text("Anna Sorensen")
    expect(web.locator(".quote")).to_contain_text(QUOTE)
    expect(web.locator(".quote").get_by_role("link", name="Crew returns safely")).to_be_visible()
    reader.shot("follows the person link")
    for visitor in (reporter, reviewer, reader):
        visitor.assert_clean()


def test_a_stale_save_shows_the_other_change_and_keeps_the_typing(open_page, section):
    """Two editors save the same story: the second is told who changed what, loses nothing,
    and merges."""
    factories.make_user("editor", groups=["Editors"], is_staff=True)
    factories.make_user("editor2", groups=["Editors"], is_staff=True)
    story = factories.make_article(section=section, headline="Probe reaches orbit")
    form = f"/admin/articles/article/{story.pk}/change/"
    first, second = open_page("editor"), open_page("editor2")
    for editor, username in ((first, "editor"), (second, "editor2")):
        shared.log_in(editor, username)
        editor.page.goto(form)

    first.page.fill("#id_headline", "Probe reaches Mars orbit")
    first.page.click("input[name=_continue]")
    expect(messages(first.page)).to_contain_text("was changed successfully")

    typed = "The probe fired its engine for six minutes."
    second.page.fill("#id_body", typed)
    second.page.click("input[name=_continue]")
    stale = second.page.locator(".stale-edit")
    expect(stale).to_contain_text("Not saved: editor changed this story at")
    expect(stale.locator("ins", has_text="Mars")).to_be_visible()
    expect(second.page.locator("#id_body")).to_have_value(typed)
    second.shot("told of the other change")

    second.page.fill("#id_headline", "Probe reaches Mars orbit")  # merges what the other did
    second.page.click("input[name=_continue]")
    expect(messages(second.page)).to_contain_text("was changed successfully")
    second.page.goto(form)
    expect(second.page.locator("#id_headline")).to_have_value("Probe reaches Mars orbit")
    expect(second.page.locator("#id_body")).to_have_value(typed)
    second.shot("both changes kept")


def test_the_copy_desk_flags_an_unattributed_quote(open_page, newsroom, section):
    """A quote typed with nobody named as saying it is a blocker on the change form."""
    story = factories.make_article(section=section, created_by=newsroom)
    reporter = open_page("reporter")
    shared.log_in(reporter, "reporter")
    page = reporter.page
    page.goto(f"/admin/articles/article/{story.pk}/change/")
    expect(page.locator(".copy-desk")).not_to_contain_text("Blockers")
    page.fill("#id_body", 'The crew was tired.\n\n"We need a long sleep now."')
    page.click("input[name=_continue]")
    desk = page.locator(".copy-desk")
    expect(desk.locator("h4").first).to_have_text("Blockers")
    expect(desk.locator("li").first).to_contain_text("unattributed_quote")
    expect(desk.locator("li").first).to_contain_text("We need a long sleep now.")
    reporter.shot("copy desk finding")


def test_a_share_link_shows_the_draft_to_someone_logged_out(open_page, newsroom, section):
    """A share link made on the change form opens the draft for someone who is not logged in,
    while its public address stays unknown."""
    story = factories.make_article(
        section=section, created_by=newsroom, headline="Secret draft about the rover"
    )
    reporter = open_page("reporter")
    shared.log_in(reporter, "reporter")
    page = reporter.page
    page.goto(f"/admin/articles/article/{story.pk}/change/")
    page.get_by_role("button", name="Create share link").click()
    link = messages(page).get_by_role("link")
    expect(link).to_have_attribute("href", re.compile(r"/preview/"))
    share_url = link.get_attribute("href")
    reporter.shot("share link made")

    outsider = open_page("outsider")
    response = outsider.page.goto(share_url)
    assert response.status == 200
    expect(outsider.page.locator(".preview-banner")).to_have_text("Preview — not published")
    expect(outsider.page.locator("h1")).to_have_text("Secret draft about the rover")
    outsider.shot("reads the draft")
    assert outsider.page.goto("/search/?q=rover").status == 200
    expect(outsider.page.locator("main")).to_contain_text("No results")


def test_a_scheduled_story_goes_live_at_its_time(open_page, newsroom, section):
    """Scheduled through the admin, the story is hidden until its time, then on the front page
    once `publish_due` runs."""
    story = factories.make_article(
        section=section, created_by=newsroom, headline="Rover wakes after the dust storm"
    )
    workflow.submit(story, newsroom)
    # The admin's time picker has whole minutes: schedule for the next minute but one, then move
    # the clock (of this process, so of the live server too) just past it instead of waiting.
    publish_at = (timezone.now() + timedelta(minutes=2)).replace(second=0, microsecond=0)
    reviewer = open_page("reviewer")
    shared.log_in(reviewer, "reviewer")
    page = reviewer.page
    page.goto(f"/admin/articles/article/{story.pk}/change/")
    local = timezone.localtime(publish_at)
    page.fill("#id_schedule_publish_at", f"{local:%Y-%m-%dT%H:%M}")
    page.get_by_role("button", name="Schedule…").click()
    expect(messages(page)).to_contain_text(f"Scheduled for {local:%d %b %Y %H:%M}.")
    reviewer.shot("scheduled")

    reader = open_page("reader")
    reader.page.goto("/")
    story_link = reader.page.get_by_role("link", name="Rover wakes after the dust storm")
    expect(story_link).to_have_count(0)
    with time_machine.travel(publish_at + timedelta(seconds=1), tick=True):
        output = StringIO()
        call_command("publish_due", stdout=output)
        assert "Live: Rover wakes after the dust storm" in output.getvalue()
        reader.page.reload()
        story_link.click()
        expect(reader.page.locator("h1")).to_have_text("Rover wakes after the dust storm")
        reader.shot("reads the story at its time")
