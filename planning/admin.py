"""The assignment admin, with the budget, its week calendar and its CSV export.

Logic lives in `planning.assignments` (writes) and `planning.budget` (reads); this module
checks who may see what and turns service errors into admin messages.
"""

import csv
from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from planning import assignments, budget
from planning.forms import BudgetFilterForm
from planning.models import Assignment

PLANNED_FIELDS = [
    "slug_line", "brief", "section", "assignee", "editor", "due_at", "publish_on", "slot",
    "length_words",
]  # fmt: skip


def local(moment) -> str:
    return f"{timezone.localtime(moment):%d %b %Y %H:%M}" if moment else ""


def spreadsheet_safe(value) -> str:
    """Keep a cell from being read as a formula by a spreadsheet (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = [
        "slug_line", "section", "assignee", "publish_on", "slot", "due", "progress_label",
        "story",
    ]  # fmt: skip
    list_select_related = ["section", "assignee", "article"]
    list_filter = ["status", "section", "slot"]
    search_fields = ["slug_line"]
    fields = [*PLANNED_FIELDS, "status"]
    list_per_page = 50

    # Who sees what: planners everything, an assignee their own assignments.

    def get_queryset(self, request):
        rows = super().get_queryset(request).with_progress()
        if assignments.can_manage(request.user):
            return rows
        return rows.filter(assignee=request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or assignments.can_work_on(request.user, obj))

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if obj is None or assignments.can_manage(request.user):
            return allowed
        return allowed and obj.assignee_id == request.user.pk

    def get_readonly_fields(self, request, obj=None):
        if assignments.can_manage(request.user):
            return []
        return PLANNED_FIELDS  # an assignee changes only the status

    def save_model(self, request, obj, form, change):
        if assignments.can_manage(request.user):
            assignments.save_assignment(obj, user=request.user)
        else:
            assignments.change_status(obj, user=request.user, status=obj.status)

    # Columns.

    @admin.display(description="Due", ordering="due_at")
    def due(self, assignment):
        if assignment.is_overdue:
            return format_html(
                '{} <strong class="overdue">Overdue</strong>', local(assignment.due_at)
            )
        return local(assignment.due_at)

    @admin.display(description="Status", ordering="progress")
    def progress_label(self, assignment):
        return Assignment.Status(assignment.progress).label

    @admin.display(description="Story")
    def story(self, assignment):
        article = assignment.article
        if article is None:
            return "—"
        url = reverse("admin:articles_article_change", args=[article.pk])
        words = budget.count_words(article.body)
        return format_html(
            '<a href="{}">{}</a> ({}, {} words)', url, article.headline,
            article.get_status_display(), words,
        )  # fmt: skip

    # The assignment's own page: the story's progress and the "Start work" button.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        assignment = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if assignment is not None:
            article = assignment.article
            extra.update(
                progress_label=Assignment.Status(assignment.progress).label,
                story=article,
                story_words=budget.count_words(article.body) if article else None,
                can_start_work=assignments.can_start_work(request.user, assignment),
            )
        return super().change_view(request, object_id, form_url, extra)

    def changelist_view(self, request, extra_context=None):
        extra = {"can_see_budget": assignments.can_manage(request.user), **(extra_context or {})}
        return super().changelist_view(request, extra)

    def get_urls(self):
        views = [
            ("<int:object_id>/start/", self.start_view, "planning_assignment_start"),
            ("budget/", self.budget_view, "planning_budget"),
            ("budget/calendar/", self.calendar_view, "planning_budget_calendar"),
            ("budget/csv/", self.csv_view, "planning_budget_csv"),
        ]
        own = [
            path(route, self.admin_site.admin_view(view), name=name) for route, view, name in views
        ]
        return own + super().get_urls()

    def start_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        assignment = get_object_or_404(self.get_queryset(request), pk=object_id)
        try:
            started = assignments.start_work(assignment, user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(
                reverse("admin:planning_assignment_change", args=[object_id])
            )
        self.message_user(
            request, f"Draft created: “{started.article.headline}”. The assignment is in progress.",
            messages.SUCCESS,
        )  # fmt: skip
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[started.article_id])
        )

    # The budget, for the people who plan (editors and reviewers).

    def _budget_request(self, request):
        if not assignments.can_manage(request.user):
            raise PermissionDenied
        form = BudgetFilterForm(request.GET)  # every field is optional: no filter is valid
        if not form.is_valid():
            return form, None
        return form, budget.BudgetFilters(
            start=form.start(),
            section=form.cleaned_data["section"],
            person=form.cleaned_data["person"],
            status=form.cleaned_data["status"],
        )

    def _render(self, request, template, title, form, context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "form": form,
            "query": request.GET.urlencode(),
            **context,
        }
        status = 400 if form.errors else 200
        return TemplateResponse(request, template, context, status=status)

    def budget_view(self, request):
        form, filters = self._budget_request(request)
        found = budget.budget(filters) if filters else None
        return self._render(
            request, "admin/planning/budget.html", "Story budget", form,
            {"budget": found, "days": found.by_day() if found else [], "filters": filters},
        )  # fmt: skip

    def calendar_view(self, request):
        form, filters = self._budget_request(request)
        if filters is None:
            return self._render(
                request, "admin/planning/calendar.html", "Week calendar", form, {"columns": []}
            )
        start = filters.start - timedelta(days=filters.start.weekday())
        week = budget.BudgetFilters(
            start=start, section=filters.section, person=filters.person, status=filters.status
        )
        found = budget.budget(week)
        return self._render(
            request, "admin/planning/calendar.html", f"Week of {start:%d %B %Y}", form,
            {"budget": found, "columns": found.week(start), "week_start": start,
             "previous_week": start - timedelta(days=7), "next_week": start + timedelta(days=7)},
        )  # fmt: skip

    def csv_view(self, request):
        form, filters = self._budget_request(request)
        if filters is None:
            problems = "; ".join(
                f"{form.fields[name].label if name in form.fields else name}: {' '.join(errors)}"
                for name, errors in form.errors.items()
            )
            return HttpResponse(
                f"Check the filters. {problems}\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        found = budget.budget(filters)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="budget-{filters.start:%Y-%m-%d}.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(
            ["Day", "Section", "Slot", "Slug line", "Assignee", "Editor", "Status", "Due",
             "Overdue", "Target words", "Story status", "Story words"]
        )  # fmt: skip
        for line in found.lines:
            writer.writerow(
                [spreadsheet_safe(value) for value in (
                    f"{line.day:%Y-%m-%d}", line.section or "", line.slot_label, line.slug_line,
                    display(line.assignee), display(line.editor), line.status_label,
                    local(line.due_at), "Overdue" if line.overdue else "",
                    line.length_words or "",
                    line.story.get_status_display() if line.story else "",
                    "" if line.story_words is None else line.story_words,
                )]
            )  # fmt: skip
        if found.truncated:
            writer.writerow([f"More than {budget.MAX_ROWS} stories: narrow the filters."])
        return response


def display(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
