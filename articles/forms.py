"""Forms behind the admin's workflow buttons. They only parse input; workflow decides."""

from django import forms
from django.utils import timezone

from articles.models import Correction

DATETIME_LOCAL = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]


class TransitionForm(forms.Form):
    comment = forms.CharField(required=False, max_length=2000, widget=forms.Textarea)
    publish_at = forms.DateTimeField(required=False, input_formats=DATETIME_LOCAL)
    kind = forms.ChoiceField(required=False, choices=Correction.Kind.choices)

    def clean_publish_at(self):
        value = self.cleaned_data["publish_at"]
        if value and timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value
