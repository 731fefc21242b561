"""The budget's filter form: every value checked, so a bad address gets a message, not a 500."""

from datetime import date, timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import Section
from planning.models import Assignment

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


class BudgetFilterForm(forms.Form):
    day = forms.DateField(
        label="From day",
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="YYYY-MM-DD; the budget shows this day and the six after it.",
        error_messages={"invalid": "Enter the day as YYYY-MM-DD, for example 2026-03-14."},
    )
    section = forms.ModelChoiceField(
        label="Section", queryset=Section.objects.all(), required=False, empty_label="All"
    )
    person = forms.ModelChoiceField(
        label="Assignee",
        queryset=get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .order_by("username"),
        required=False,
        empty_label="Everyone",
    )
    status = forms.ChoiceField(
        label="Status", choices=[("", "Any")] + Assignment.Status.choices, required=False
    )

    def clean_day(self):
        day = self.cleaned_data.get("day")
        if day is not None and not EARLIEST <= day <= LATEST:
            raise forms.ValidationError("Choose a day between 2000 and 2100.", code="out_of_range")
        return day

    def start(self) -> date:
        """Return the first day asked for (today when none)."""
        return self.cleaned_data.get("day") or timezone.localdate()

    def week_start(self) -> date:
        """Return the Monday of the week of the day asked for."""
        start = self.start()
        return start - timedelta(days=start.weekday())
