"""Every page Newsroom makes meets WCAG 2.2 AA, as axe-core finds in a real Chromium.

The public pages are checked as a reader gets them; Newsroom's own admin pages (the workflow
panel and copy desk on the change form, the review queue, proposed updates, revisions, the
stale-save message, the wire import, a person's stories, the log-in lockout) as the role that
uses them. A failure lists, page by page, each violation: rule, impact, help and the
selectors of the offending elements. axe-core comes from npm (package.json; `npm ci`).
"""

from types import SimpleNamespace

import pytest

from articles import previews, workflow
from articles.models import Article
from tests import browser as shared
from tests import factories
from tests.browser import expect

pytestmark = shared.browser_marks(axe=True)
browser = shared.browser
open_page = shared.open_page
roles = shared.roles  # autouse: the role groups exist in every test

UNATTRIBUTED = "We will be back before the snow falls."


@pytest.fixture
def newsroom(db):
    """A small newsroom: a story with everything a story page shows, one it links to, a story
    waiting for review with copy-desk findings, a draft sent back, and a pending update."""
    reporter = factories.make_user("reporter", groups=["Reporters"], is_staff=True)
    reviewer = factories.make_user("reviewer", groups=["Reviewers"], is_staff=True)
    factories.make_user("editor", groups=["Editors"], is_staff=True)
    missions = factories.make_section(
        name="Missions", slug="missions", description="Crewed flights and the people on them."
    )
    rosa = factories.make_person(
        name="Rosa Marín",
        slug="rosa-marin",
        role="Science reporter",
        user=reporter,
        bio="Rosa Marín covers spaceflight.",
    )
    anna = factories.make_person(
        name="Anna Sorensen",
        slug="anna-sorensen",
        role="Mission commander",
        bio="Anna Sorensen commanded the Artemis crew.",
    )
    agency = factories.make_organization(
        name="European Space Agency", slug="esa", description="Europe's space agency."
    )
    older = factories.make_article(
        status="published",
        section=missions,
        authors=[rosa],
        headline="The crew trains in Houston",
        slug="crew-trains",
        tags=["Moon"],
    )
    story = factories.make_article(
        status="published",
        section=missions,
        authors=[rosa],
        headline="Crew returns safely from the Moon",
        slug="crew-returns",
        standfirst="Four astronauts splashed down in the Pacific after ten days.",
        body=(
            '"We did what we came to do," said Anna Sorensen, the commander.\n\n'
            "The capsule landed at dawn, as the European Space Agency had planned."
        ),
        dateline="HOUSTON",
        tags=["Moon", "Artemis"],
        hero_image=factories.image_upload("capsule.jpg", size=(640, 360)),
        hero_alt="The capsule under three parachutes above the sea",
        hero_caption="Splashdown at dawn.",
        hero_credit="NASA",
    )
    story.people_mentioned.add(anna)
    story.organizations_mentioned.add(agency)
    factories.make_quote(
        story,
        text="We did what we came to do.",
        speaker_person=anna,
        is_pull_quote=True,
        how="at the press conference",
        attribution_text="said Anna Sorensen",
    )
    factories.pick_related(story, older)
    workflow.publish_correction(
        story, reviewer, "An earlier version gave the wrong landing time.", "correction"
    )

    waiting = factories.make_article(
        section=missions,
        authors=[rosa],
        headline="Lunar base plans unveiled",
        slug="lunar-base",
        created_by=reporter,
        last_edited_by=reporter,
        body=f'"{UNATTRIBUTED}"\n\nHarold Beasley of Moonworks welcomed the plan.',
    )
    factories.make_quote(waiting, text=UNATTRIBUTED)
    waiting = workflow.save_article(
        waiting, reporter, expected_version=waiting.version, standfirst="A base by 2030."
    )  # a second revision, so the revisions can be compared
    waiting = workflow.submit(waiting, reporter)

    sent_back = factories.make_article(
        section=missions,
        authors=[rosa],
        headline="Rover finds ice",
        slug="rover-ice",
        created_by=reporter,
        last_edited_by=reporter,
    )
    workflow.request_changes(
        workflow.submit(sent_back, reporter), reviewer, "Name the scientist who confirmed it."
    )
    own_live = factories.make_article(
        status="published",
        section=missions,
        authors=[rosa],
        headline="Launch delayed",
        slug="launch-delayed",
        created_by=reporter,
        last_edited_by=reporter,
    )
    workflow.save_article(
        own_live, reporter, expected_version=own_live.version, standfirst="Delayed by a day."
    )  # a proposed update, waiting for a reviewer
    withdrawn = factories.make_article(
        status="published", section=missions, authors=[rosa], slug="withdrawn"
    )
    withdrawn_url = withdrawn.get_absolute_url()
    workflow.unpublish(withdrawn, reviewer, "Legal advice.")
    return SimpleNamespace(
        story=story,
        waiting=waiting,
        sent_back=sent_back,
        own_live=own_live,
        withdrawn_url=withdrawn_url,
        anna=anna,
        reporter=reporter,
        reviewer=reviewer,
    )


def change_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def check(watched, pages: dict) -> list[str]:
    """Visit each page (name: (address, expected status)); return axe's report on each."""
    reports = []
    for name, (url, status) in pages.items():
        response = watched.page.goto(url)
        assert response.status == status, f"{name}: {url} answered {response.status}"
        reports.append(shared.accessibility_report(watched, name))
    return reports


def test_public_pages(open_page, newsroom):
    """Every page a reader can reach, a share link's preview included, meets WCAG 2.2 AA."""
    share_link = previews.create_share_link(newsroom.waiting, newsroom.reviewer)
    reader = open_page("reader")
    reports = check(
        reader,
        {
            "front page": ("/", 200),
            "article": (newsroom.story.get_absolute_url(), 200),
            "section": ("/sections/missions/", 200),
            "tag": ("/tags/moon/", 200),
            "person": ("/people/anna-sorensen/", 200),
            "organization": ("/people/esa/", 200),
            "search": ("/search/?q=crew", 200),
            "corrections": ("/corrections/", 200),
            "share preview": (share_link, 200),
            "not found": ("/sections/no-such-section/", 404),
            "withdrawn story": (newsroom.withdrawn_url, 410),
        },
    )
    shared.assert_accessible(reports)


def test_reporter_admin_pages(open_page, newsroom):
    """A reporter's admin: the desk, their list, a new story, a story sent back with the
    reviewer's reason."""
    reporter = open_page("reporter")
    shared.log_in(reporter, "reporter")
    reports = check(
        reporter,
        {
            "admin home": ("/admin/", 200),
            "article list": ("/admin/articles/article/", 200),
            "add form": ("/admin/articles/article/add/", 200),
            "change form sent back": (change_url(newsroom.sent_back), 200),
        },
    )
    reason = reporter.page.locator(".workflow-panel").get_by_role("alert")
    expect(reason).to_contain_text("Name the scientist who confirmed it.")
    shared.assert_accessible(reports)


def test_reviewer_admin_pages(open_page, newsroom):
    """A reviewer's admin: the review queue, the workflow panel and copy desk on a story in
    review, a proposed update, a live story and compared revisions."""
    reviewer = open_page("reviewer")
    shared.log_in(reviewer, "reviewer")
    waiting = newsroom.waiting
    reports = check(
        reviewer,
        {
            "review queue": ("/admin/articles/reviewqueue/", 200),
            "change form in review": (change_url(waiting), 200),
        },
    )
    expect(reviewer.page.locator(".copy-desk")).to_contain_text(UNATTRIBUTED)
    reports += check(
        reviewer,
        {
            "change form with a proposed update": (change_url(newsroom.own_live), 200),
            "change form of a live story": (change_url(newsroom.story), 200),
            "revisions compared": (
                f"/admin/articles/article/{waiting.pk}/revisions/compare/?a=1&b=2",
                200,
            ),
        },
    )
    shared.assert_accessible(reports)


def test_editor_admin_pages(open_page, newsroom):
    """An editor's admin: the wire import and its dry run, a person with their stories, and a
    save refused as stale with the other editor's changes."""
    editor = open_page("editor")
    shared.log_in(editor, "editor")
    page = editor.page
    reports = check(
        editor,
        {
            "person with their stories": (f"/admin/people/person/{newsroom.anna.pk}/change/", 200),
            "wire import": ("/admin/articles/article/wire/import/", 200),
        },
    )
    page.fill(
        "#id_text",
        "Probe reaches Mars orbit\n\nThe probe fired its engine for six minutes.\n\n"
        '"It worked," said Priya Raman, the flight director.',
    )
    page.check("#id_dry_run")
    page.click("input[type=submit]")
    expect(page.locator("#result-heading")).to_have_text("Would create: Probe reaches Mars orbit")
    reports.append(shared.accessibility_report(editor, "wire import dry run"))

    draft = Article.objects.get(pk=newsroom.sent_back.pk)
    page.goto(change_url(draft))
    workflow.save_article(draft, newsroom.reporter, expected_version=draft.version, body="New.")
    page.fill("#id_headline", "Rover finds water ice")
    page.click("input[name=_continue]")
    expect(page.locator(".stale-edit")).to_contain_text("Not saved: reporter changed this story")
    reports.append(shared.accessibility_report(editor, "stale save"))
    shared.assert_accessible(reports)


def test_log_in_and_lockout_pages(open_page, settings):
    """The log-in page, and the page shown after too many wrong passwords, meet WCAG 2.2 AA."""
    visitor = open_page("visitor")
    page = visitor.page
    reports = check(visitor, {"log-in page": ("/admin/login/", 200)})
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.goto("/admin/login/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "not-the-password")
        page.click("input[type=submit]")
    expect(page.get_by_role("alert")).to_contain_text("Too many failed log-in attempts")
    reports.append(shared.accessibility_report(visitor, "lockout"))
    shared.assert_accessible(reports)


def test_the_check_finds_a_violation(open_page, published_article):
    """The check above would catch a fault: an image without alt text is reported by rule,
    impact, help and selector."""
    reader = open_page("reader")
    reader.page.goto("/")
    reader.page.evaluate(
        """document.querySelector("main").insertAdjacentHTML(
             "beforeend", '<img id="no-alt" src="/static/img/logo.png">')"""
    )
    report = shared.accessibility_report(reader, "front page with a fault")
    assert "image-alt (critical): Images must have alternative text" in report
    assert "#no-alt" in report


def test_planning_and_comment_pages(open_page, newsroom):
    """The newsroom's day: the budget, its week calendar, the assignment list and form, the
    admin index with a reporter's assignments, and a change form with a comment thread."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from desk import comments
    from planning.models import Assignment

    users = get_user_model().objects
    reviewer, reporter = users.get(username="reviewer"), users.get(username="reporter")
    waiting = Article.objects.get(pk=newsroom.waiting.pk)
    Assignment.objects.create(
        slug_line="Moon base budget vote",
        brief="What the vote means for the 2030 base.",
        section=waiting.section,
        assignee=reporter,
        editor=reviewer,
        due_at=timezone.now() - timedelta(hours=1),  # overdue: the marker is checked too
        publish_on=timezone.localdate(),
        created_by=reviewer,
    )
    thread = comments.add_comment(
        waiting,
        reviewer,
        body="@reporter who confirmed this?",
        passage="Harold Beasley of Moonworks welcomed the plan.",
    )
    comments.add_comment(waiting, reporter, body="The agency, on the record.", parent=thread)

    planner = open_page("reviewer")
    shared.log_in(planner, "reviewer")
    reports = check(
        planner,
        {
            "story budget": ("/admin/planning/assignment/budget/", 200),
            "week calendar": ("/admin/planning/assignment/budget/calendar/", 200),
            "assignment list": ("/admin/planning/assignment/", 200),
            "new assignment": ("/admin/planning/assignment/add/", 200),
            "change form with comments": (change_url(waiting), 200),
        },
    )
    expect(planner.page.locator("body")).to_contain_text("who confirmed this?")
    writer = open_page("reporter")
    shared.log_in(writer, "reporter")
    reports += check(writer, {"admin home with own assignments": ("/admin/", 200)})
    expect(writer.page.locator("body")).to_contain_text("Moon base budget vote")
    shared.assert_accessible(reports)
