"""The story budget: assignments, starting work, the budget, its calendar and CSV export."""

import csv
import io
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article
from planning.models import Assignment
from tests import factories

pytestmark = pytest.mark.django_db

BUDGET = "admin:planning_budget"
CALENDAR = "admin:planning_budget_calendar"
CSV = "admin:planning_budget_csv"


def at(day, hour):
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def make_assignment(*, section, assignee, editor, day=None, **fields):
    day = day or timezone.localdate()
    fields.setdefault("slug_line", "Launch pad fire")
    fields.setdefault("due_at", timezone.now() + timedelta(hours=6))
    fields.setdefault("slot", Assignment.Slot.EVENING)
    fields.setdefault("length_words", 700)
    return Assignment.objects.create(
        section=section, assignee=assignee, editor=editor, publish_on=day, **fields
    )


@pytest.fixture
def assignment(section, reporter, editor):
    return make_assignment(section=section, assignee=reporter, editor=editor)


def logged_in(client, user):
    client.force_login(user)
    return client


def test_editor_creates_an_assignment(client, editor, reporter, section):
    """An editor plans a story in the admin; it records who planned it."""
    day = timezone.localdate() + timedelta(days=1)
    response = logged_in(client, editor).post(
        reverse("admin:planning_assignment_add"),
        {
            "slug_line": "Council budget vote",
            "brief": "Who voted how, and what it costs.",
            "section": section.pk,
            "assignee": reporter.pk,
            "editor": editor.pk,
            "due_at_0": f"{day:%Y-%m-%d}",
            "due_at_1": "15:00:00",
            "publish_on": f"{day:%Y-%m-%d}",
            "slot": "evening",
            "length_words": "800",
            "status": "assigned",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Assignment.objects.get()
    assert (created.slug_line, created.assignee, created.created_by) == (
        "Council budget vote",
        reporter,
        editor,
    )


def test_in_progress_needs_a_story(client, editor, assignment):
    """Only starting work puts an assignment in progress: the form says so."""
    client = logged_in(client, editor)
    page = client.get(reverse("admin:planning_assignment_change", args=[assignment.pk]))
    data = {**page.context["adminform"].form.initial}
    data.update(
        section=assignment.section_id,
        assignee=assignment.assignee_id,
        editor=assignment.editor_id,
        due_at_0=f"{timezone.localtime(assignment.due_at):%Y-%m-%d}",
        due_at_1="12:00:00",
        publish_on=f"{assignment.publish_on:%Y-%m-%d}",
        status="in_progress",
    )
    response = client.post(reverse("admin:planning_assignment_change", args=[assignment.pk]), data)
    assert response.status_code == 200
    assert "Start work to put an assignment in progress" in response.content.decode()


def test_reporter_sees_own_assignments_first(client, reporter, other_reporter, editor, section):
    """A reporter's admin index opens with their own open assignments, not their colleagues'."""
    make_assignment(
        section=section, assignee=reporter, editor=editor, slug_line="Mine: dock strike"
    )
    make_assignment(section=section, assignee=other_reporter, editor=editor, slug_line="Not mine")
    make_assignment(
        section=section, assignee=reporter, editor=editor, slug_line="Dropped story",
        status=Assignment.Status.CANCELLED,
    )  # fmt: skip
    page = logged_in(client, reporter).get(reverse("admin:index")).content.decode()
    assert "Your assignments" in page
    assert "Mine: dock strike" in page
    assert "Not mine" not in page and "Dropped story" not in page
    assert page.index("Your assignments") < page.index('class="app-articles')


def test_start_work_creates_the_linked_draft(client, reporter, assignment):
    """Start work makes a draft under the slug line, with the assignee in the byline."""
    response = logged_in(client, reporter).post(
        reverse("admin:planning_assignment_start", args=[assignment.pk])
    )
    assignment.refresh_from_db()
    story = assignment.article
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[story.pk])
    assert assignment.status == Assignment.Status.IN_PROGRESS
    assert (story.status, story.headline, story.section) == (
        "draft",
        "Launch pad fire",
        assignment.section,
    )
    assert story.created_by == reporter
    assert [byline.person.user for byline in story.bylines.all()] == [reporter]
    assert story.revisions.count() == 1  # created through the save service


def test_editor_starts_work_for_the_reporter(client, editor, reporter, assignment):
    """An editor may start the story; it is still the reporter's to write."""
    logged_in(client, editor).post(reverse("admin:planning_assignment_start", args=[assignment.pk]))
    story = Assignment.objects.get().article
    assert story.created_by == reporter
    assert workflow.can_edit(reporter, story)


def test_start_work_twice_creates_one_story(client, reporter, assignment):
    """A second click says the work has started and creates nothing."""
    client = logged_in(client, reporter)
    client.post(reverse("admin:planning_assignment_start", args=[assignment.pk]))
    response = client.post(
        reverse("admin:planning_assignment_start", args=[assignment.pk]), follow=True
    )
    assert "Work has started already" in response.content.decode()
    assert Article.objects.count() == 1


def test_status_follows_the_story(client, reporter, editor, assignment):
    """Once the story is submitted, the assignment reads as filed and is no longer overdue."""
    logged_in(client, reporter).post(
        reverse("admin:planning_assignment_start", args=[assignment.pk])
    )
    story = Assignment.objects.get().article
    change = reverse("admin:planning_assignment_change", args=[assignment.pk])
    page = client.get(change).content.decode()
    assert "In progress" in page and "words" in page
    workflow.submit(story, reporter)
    Assignment.objects.filter(pk=assignment.pk).update(due_at=timezone.now() - timedelta(hours=1))
    assert Assignment.objects.with_progress().get().progress == "filed"
    budget = logged_in(client, editor).get(reverse(BUDGET)).content.decode()
    assert "Filed" in budget and "In review" in budget
    assert "Overdue" not in budget


def test_budget_groups_by_day_section_and_slot(client, editor, reporter, section):
    """The budget runs day by day, section by section, slot by slot, with unplanned
    scheduled stories among them."""
    today = timezone.localdate()
    sport = factories.make_section(name="Sport", slug="sport", position=5)
    make_assignment(section=section, assignee=reporter, editor=editor, slug_line="B evening")
    make_assignment(
        section=section, assignee=reporter, editor=editor, slug_line="A morning", slot="morning"
    )
    make_assignment(section=sport, assignee=reporter, editor=editor, slug_line="C sport")
    make_assignment(
        section=section, assignee=reporter, editor=editor, slug_line="D tomorrow",
        day=today + timedelta(days=1),
    )  # fmt: skip
    factories.make_article(
        status="published", headline="E scheduled", section=section,
        published_ago=-(at(today + timedelta(days=2), 9) - timezone.now()),
    )  # fmt: skip
    page = logged_in(client, editor).get(reverse(BUDGET)).content.decode()
    order = [page.index(name) for name in ["A morning", "B evening", "C sport", "D tomorrow"]]
    assert order == sorted(order)
    assert page.index("D tomorrow") < page.index("E scheduled")
    assert page.count('<h2 id="day-') == 3
    assert "Scheduled" in page and "700 words" in page


def test_budget_filters(client, editor, reporter, other_reporter, section):
    """Section, person, status and day narrow the budget."""
    sport = factories.make_section(name="Sport", slug="sport")
    make_assignment(section=section, assignee=reporter, editor=editor, slug_line="Rosa story")
    make_assignment(section=sport, assignee=other_reporter, editor=editor, slug_line="Amara story")
    make_assignment(
        section=sport, assignee=other_reporter, editor=editor, slug_line="Pitched idea",
        status="pitched",
    )  # fmt: skip
    make_assignment(
        section=section, assignee=reporter, editor=editor, slug_line="Next week",
        day=timezone.localdate() + timedelta(days=8),
    )  # fmt: skip
    client = logged_in(client, editor)

    def shown(**query):
        page = client.get(reverse(BUDGET), query).content.decode()
        names = ["Rosa story", "Amara story", "Pitched idea", "Next week"]
        return {name for name in names if name in page}

    assert shown() == {"Rosa story", "Amara story", "Pitched idea"}
    assert shown(section=sport.pk) == {"Amara story", "Pitched idea"}
    assert shown(person=reporter.pk) == {"Rosa story"}
    assert shown(status="pitched") == {"Pitched idea"}
    later = timezone.localdate() + timedelta(days=5)
    assert shown(day=f"{later:%Y-%m-%d}") == {"Next week"}
    page = client.get(reverse(BUDGET)).content.decode()
    assert '<label for="id_section">Section:</label>' in page
    assert '<label for="id_day">From day:</label>' in page


def test_overdue_items_stand_out(client, editor, reporter, section):
    """A past-due story not yet filed carries a visible "Overdue" label."""
    make_assignment(
        section=section, assignee=reporter, editor=editor, slug_line="Late one",
        due_at=timezone.now() - timedelta(hours=2),
    )  # fmt: skip
    make_assignment(
        section=section, assignee=reporter, editor=editor, slug_line="Dropped",
        due_at=timezone.now() - timedelta(hours=2), status="cancelled",
    )  # fmt: skip
    page = logged_in(client, editor).get(reverse(BUDGET)).content.decode()
    assert page.count('<strong class="overdue">Overdue</strong>') == 1
    row = page[page.index("Late one") - 400 : page.index("Late one") + 200]
    assert "Overdue" in row
    index = logged_in(client, reporter).get(reverse("admin:index")).content.decode()
    assert "Overdue" in index


def test_week_calendar(client, editor, reporter, section):
    """The calendar shows seven day columns from Monday, each with its stories."""
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    make_assignment(
        section=section, assignee=reporter, editor=editor, slug_line="Thursday story",
        day=monday + timedelta(days=3),
    )  # fmt: skip
    page = logged_in(client, editor).get(reverse(CALENDAR), {"day": f"{today:%Y-%m-%d}"})
    html = page.content.decode()
    assert page.status_code == 200
    table = html[html.index('<table class="planning-calendar">') :]
    head = table[table.index("<thead>") : table.index("</thead>")]
    assert head.count('<th scope="col">') == 7
    cells = table[table.index("<tbody>") : table.index("</tbody>")].split("<td>")[1:]
    assert "Thursday story" in cells[3]
    assert all("Thursday story" not in cell for index, cell in enumerate(cells) if index != 3)


def test_csv_export(client, editor, reporter, section):
    """The CSV holds the filtered budget, with formulas defused for spreadsheets."""
    make_assignment(section=section, assignee=reporter, editor=editor, slug_line="=HYPERLINK(1)")
    response = logged_in(client, editor).get(reverse(CSV), {"section": section.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="budget-')
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Day", "Section", "Slot", "Slug line"]
    assert rows[1][1:5] == ["Missions", "Evening", "'=HYPERLINK(1)", "reporter"]
    assert rows[1][6] == "Assigned" and rows[1][9] == "700"
    assert len(rows) == 2


@pytest.mark.parametrize("name", [BUDGET, CALENDAR, CSV])
def test_reporters_cannot_see_the_budget(client, reporter, name):
    """The budget is the desk's plan: a reporter gets 403 (their own work is on the index)."""
    assert logged_in(client, reporter).get(reverse(name)).status_code == 403


def test_reviewers_manage_assignments(client, reviewer, reporter, assignment):
    """Reviewers plan too: the budget and any assignment's page open for them."""
    client = logged_in(client, reviewer)
    assert client.get(reverse(BUDGET)).status_code == 200
    change = reverse("admin:planning_assignment_change", args=[assignment.pk])
    assert client.get(change).status_code == 200


def test_reporter_cannot_open_a_colleagues_assignment(
    client, other_reporter, reporter, editor, section, assignment
):
    """Another reporter's assignment is neither listed, shown nor startable."""
    client = logged_in(client, other_reporter)
    listing = client.get(reverse("admin:planning_assignment_changelist")).content.decode()
    assert "Launch pad fire" not in listing
    change = client.get(reverse("admin:planning_assignment_change", args=[assignment.pk]))
    assert change.status_code == 302 and "Launch pad fire" not in change.content.decode()
    start = client.post(reverse("admin:planning_assignment_start", args=[assignment.pk]))
    assert start.status_code == 404
    assert Article.objects.count() == 0


def test_reporter_changes_only_the_status_of_their_own(client, reporter, assignment):
    """The assignee may change the status; the plan itself stays the editor's."""
    change = reverse("admin:planning_assignment_change", args=[assignment.pk])
    response = logged_in(client, reporter).post(
        change, {"status": "cancelled", "slug_line": "Renamed by reporter"}
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert (assignment.status, assignment.slug_line) == ("cancelled", "Launch pad fire")
    assert (
        logged_in(client, reporter).get(reverse("admin:planning_assignment_add")).status_code == 403
    )


@pytest.mark.parametrize(
    "query",
    [{"day": "2026-13-45"}, {"day": "yesterday"}, {"day": "0001-01-01"}, {"section": "abc"},
     {"person": "999999"}, {"status": "bogus"}],
)  # fmt: skip
def test_bad_filters_get_a_message(client, editor, query):
    """A malformed filter gets the form back with a message and 400, never a 500."""
    client = logged_in(client, editor)
    for name in (BUDGET, CALENDAR):
        response = client.get(reverse(name), query)
        assert response.status_code == 400
        assert "Check the filters" in response.content.decode()
    response = client.get(reverse(CSV), query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "Check the filters" in response.content.decode()


def test_budget_queries_do_not_grow_with_the_data(
    client, editor, reporter, section, django_assert_max_num_queries
):
    """The budget, calendar and CSV cost the same few queries for 2 stories or 20."""
    client = logged_in(client, editor)

    def add(count):
        for number in range(count):
            made = make_assignment(
                section=factories.make_section(), assignee=reporter, editor=editor,
                slug_line=f"Story {number}",
            )  # fmt: skip
            made.article = factories.make_article(section=made.section)
            made.save()
            factories.make_article(
                status="published", section=made.section, published_ago=-timedelta(hours=2)
            )

    add(2)
    for name in (BUDGET, CALENDAR, CSV):
        client.get(reverse(name))  # warm the session and permission caches
    add(18)
    for name in (BUDGET, CALENDAR, CSV):
        with django_assert_max_num_queries(10):  # 9, and the header's unread-notice count
            assert client.get(reverse(name)).status_code == 200
