"""Reads for the story budget: what is planned and running, day by day.

Every function here costs a fixed number of queries whatever the data: the assignments in one
query (with their section, people and story), the scheduled stories without an assignment in
two (with their bylines), each bounded by `MAX_ROWS`.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from articles.models import Article, Byline
from planning.models import Assignment

DAYS = 7
MAX_ROWS = 300
SLOT_ORDER = {slot: position for position, slot in enumerate(Assignment.Slot.values)}


@dataclass(frozen=True)
class BudgetFilters:
    """What the desk asked to see: `start` and the days after it, narrowed by the rest."""

    start: date
    days: int = DAYS
    section: object = None
    person: object = None
    status: str = ""


@dataclass(frozen=True)
class BudgetLine:
    """One planned or running story, as the budget, the calendar and the CSV show it."""

    day: date
    slot: str
    slot_label: str
    section: object
    slug_line: str
    assignee: object
    editor: object
    status: str
    status_label: str
    due_at: datetime | None
    length_words: int | None
    story: Article | None
    story_words: int | None
    overdue: bool
    assignment: Assignment | None = None


def count_words(text: str) -> int:
    """Return the number of words in a story body (Markdown marks count as words)."""
    return len(text.split())


def slot_for(moment: datetime) -> str:
    """Return the slot a scheduled publish time falls in."""
    hour = timezone.localtime(moment).hour
    if hour < 11:
        return Assignment.Slot.MORNING
    if hour < 16:
        return Assignment.Slot.MIDDAY
    return Assignment.Slot.EVENING


def day_bounds(start: date, days: int) -> tuple[datetime, datetime]:
    """Return the aware datetimes that open and close the days from `start`."""
    zone = timezone.get_current_timezone()
    first = datetime.combine(start, time.min, tzinfo=zone)
    return first, datetime.combine(start + timedelta(days=days), time.min, tzinfo=zone)


def assignments_in(filters: BudgetFilters):
    """Return the assignments planned for the days asked, with everything a line shows."""
    end = filters.start + timedelta(days=filters.days)
    rows = (
        Assignment.objects.with_progress()
        .filter(publish_on__gte=filters.start, publish_on__lt=end)
        .select_related("section", "assignee", "editor", "article")
        .defer("brief")
    )
    if filters.section is not None:
        rows = rows.filter(section=filters.section)
    if filters.person is not None:
        rows = rows.filter(assignee=filters.person)
    if filters.status:
        rows = rows.filter(progress=filters.status)
    return rows.order_by("publish_on", "section__position", "section__name", "slot", "due_at", "id")


def scheduled_without_assignment(filters: BudgetFilters):
    """Return the approved stories due to go live in the days asked that no assignment
    planned (an editor's own story, a wire story), with their bylines."""
    if filters.status or filters.person is not None:
        # They have no assignee and no planning status: a narrowed budget leaves them out.
        return Article.objects.none()
    first, last = day_bounds(filters.start, filters.days)
    rows = (
        Article.objects.scheduled()
        .filter(publish_at__gte=first, publish_at__lt=last, assignment__isnull=True)
        .select_related("section")
        .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("person")))
    )
    if filters.section is not None:
        rows = rows.filter(section=filters.section)
    return rows.order_by("publish_at", "id")


def assignment_line(assignment: Assignment) -> BudgetLine:
    story = assignment.article
    progress = assignment.progress
    return BudgetLine(
        day=assignment.publish_on,
        slot=assignment.slot,
        slot_label=assignment.get_slot_display(),
        section=assignment.section,
        slug_line=assignment.slug_line,
        assignee=assignment.assignee,
        editor=assignment.editor,
        status=progress,
        status_label=Assignment.Status(progress).label,
        due_at=assignment.due_at,
        length_words=assignment.length_words,
        story=story,
        story_words=count_words(story.body) if story else None,
        overdue=assignment.is_overdue,
        assignment=assignment,
    )


def scheduled_line(article: Article) -> BudgetLine:
    slot = slot_for(article.publish_at)
    return BudgetLine(
        day=timezone.localtime(article.publish_at).date(),
        slot=slot,
        slot_label=Assignment.Slot(slot).label,
        section=article.section,
        slug_line=article.headline,
        assignee=None,
        editor=None,
        status="scheduled",
        status_label="Scheduled",
        due_at=None,
        length_words=None,
        story=article,
        story_words=count_words(article.body),
        overdue=False,
    )


@dataclass(frozen=True)
class Budget:
    lines: list[BudgetLine]
    truncated: bool

    def by_day(self) -> list[tuple[date, list[tuple[object, list[tuple[str, list[BudgetLine]]]]]]]:
        """Return the lines grouped by day, then section, then slot, in running order."""
        days: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
        for line in self.lines:
            days[line.day][line.section][line.slot_label].append(line)
        return [
            (day, [(section, list(slots.items())) for section, slots in sections.items()])
            for day, sections in sorted(days.items())
        ]

    def week(self, start: date) -> list[tuple[date, list[BudgetLine]]]:
        """Return seven columns, a day each from `start`, with that day's lines."""
        columns: dict = defaultdict(list)
        for line in self.lines:
            columns[line.day].append(line)
        return [(day, columns[day]) for day in (start + timedelta(days=n) for n in range(DAYS))]


def section_key(line: BudgetLine):
    section = line.section
    return (section.position, section.name) if section else (10**9, "")


def budget(filters: BudgetFilters) -> Budget:
    """Return the budget for `filters`: assignments and unplanned scheduled stories, sorted by
    day, section, slot and due time, at most `MAX_ROWS` of each."""
    planned = list(assignments_in(filters)[: MAX_ROWS + 1])
    scheduled = list(scheduled_without_assignment(filters)[: MAX_ROWS + 1])
    truncated = len(planned) > MAX_ROWS or len(scheduled) > MAX_ROWS
    lines = [assignment_line(a) for a in planned[:MAX_ROWS]]
    lines += [scheduled_line(a) for a in scheduled[:MAX_ROWS]]
    lines.sort(
        key=lambda line: (
            line.day,
            section_key(line),
            SLOT_ORDER[line.slot],
            line.due_at or datetime.max.replace(tzinfo=timezone.get_current_timezone()),
            line.slug_line,
        )
    )
    return Budget(lines=lines, truncated=truncated)


def assignments_for(user, *, limit: int = 10) -> list[Assignment]:
    """Return the user's open assignments, soonest due first (the admin index's block)."""
    return list(
        Assignment.objects.open()
        .filter(assignee=user)
        .select_related("section", "article")
        .order_by("due_at", "id")[:limit]
    )
