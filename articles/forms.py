"""Forms behind the admin's workflow buttons. They only parse input; workflow decides."""

from django import forms
from django.utils import timezone

from articles import editing
from articles.models import Article, Correction

DATETIME_LOCAL = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]


class TransitionForm(forms.Form):
    comment = forms.CharField(required=False, max_length=2000, widget=forms.Textarea)
    publish_at = forms.DateTimeField(required=False, input_formats=DATETIME_LOCAL)
    kind = forms.ChoiceField(required=False, choices=Correction.Kind.choices)
    override_reason = forms.CharField(required=False, max_length=2000, widget=forms.Textarea)

    def clean_publish_at(self):
        value = self.cleaned_data["publish_at"]
        if value and timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value


class ArticleAdminForm(forms.ModelForm):
    """The article form; it carries the version it was loaded at so a stale save is refused."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "headline", "slug", "standfirst", "body", "kind", "section", "dateline", "tags",
            "people_mentioned", "organizations_mentioned",
            "hero_image", "hero_alt", "hero_caption", "hero_credit",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stale_edit = None
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        loaded = cleaned.get("loaded_version") or self.instance.version
        try:
            # Locks the row until the admin's transaction ends: nobody saves in between.
            editing.lock_current_version(self.instance, loaded)
        except editing.StaleEdit as stale:
            self.stale_edit = stale
            # The next save has seen their changes, so it may go through.
            self.data = self.data.copy()
            self.data[self.add_prefix("loaded_version")] = stale.current_version
            raise forms.ValidationError(stale.message, code="stale") from None
        return cleaned
