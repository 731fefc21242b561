"""Forms behind the admin's workflow buttons. They only parse input; workflow decides."""

from django import forms
from django.utils import timezone
from taggit.models import Tag

from articles import addresses, workflow
from articles.models import Article, Correction, Section
from people.forms import StripControlCharacters
from people.models import Person

MAX_YEARS_AHEAD = 10
DATETIME_LOCAL = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]


class TransitionForm(forms.Form):
    comment = forms.CharField(required=False, max_length=2000, widget=forms.Textarea)
    publish_at = forms.DateTimeField(required=False, input_formats=DATETIME_LOCAL)
    embargo_until = forms.DateTimeField(required=False, input_formats=DATETIME_LOCAL)
    kind = forms.ChoiceField(required=False, choices=Correction.Kind.choices)
    override_reason = forms.CharField(required=False, max_length=2000, widget=forms.Textarea)

    def clean_publish_at(self):
        return self.clean_time("publish_at")

    def clean_embargo_until(self):
        return self.clean_time("embargo_until")

    def clean_time(self, name):
        value = self.cleaned_data[name]
        if value is None:
            return value
        if value.year > timezone.now().year + MAX_YEARS_AHEAD:
            raise forms.ValidationError(
                f"Choose a time within the next {MAX_YEARS_AHEAD} years.", code="too_far"
            )
        return timezone.make_aware(value) if timezone.is_naive(value) else value


class ArticleAdminForm(StripControlCharacters, forms.ModelForm):
    """The article form; it carries the version it was loaded at so a stale save is refused.

    Tags are picked with the admin's autocomplete; tags that do not exist yet are typed into
    `new_tags` (comma-separated) and created on save.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    tags = forms.ModelMultipleChoiceField(queryset=Tag.objects.all(), required=False)
    new_tags = forms.CharField(
        label="New tags",
        required=False,
        max_length=500,
        help_text="Comma-separated tags not in the list yet.",
    )

    class Meta:
        model = Article
        fields = [
            "headline", "slug", "standfirst", "body", "kind", "section", "dateline", "tags",
            "people_mentioned", "organizations_mentioned",
            "hero_image", "hero_alt", "hero_caption", "hero_credit", "embargo_until",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stale_edit = None
        if self.instance.pk:
            self.initial["tags"] = list(self.instance.tags.all())
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def expected_version(self) -> int | None:
        """Return the version of the story this form was filled in on (None for a new one)."""
        if not self.instance.pk:
            return None
        return self.cleaned_data.get("loaded_version")

    def clean_slug(self):
        """Keep new addresses lower case (an existing mixed-case one stays as readers know it),
        and refuse one another story used to have (the save service's own check)."""
        slug = self.cleaned_data["slug"]
        if "slug" not in self.changed_data:
            return slug
        slug = slug.lower()
        addresses.check_slug_free(slug, article_id=self.instance.pk)  # shown on the field
        return slug

    def clean_new_tags(self):
        return [
            name.strip()[:100] for name in self.cleaned_data["new_tags"].split(",") if name.strip()
        ]

    def clean(self):
        cleaned = super().clean()
        cleaned["tags"] = [*cleaned.get("tags", []), *cleaned.get("new_tags", [])]
        if not self.instance.pk:
            self.check_embargo(None)
            return cleaned
        try:
            # The save service's own check, made here so a stale save comes back as a form
            # error with the editor's typing; it locks the row until the admin's transaction
            # ends, so nobody saves in between and the service's check then agrees.
            stored = workflow.check_version(self.instance, self.expected_version())
        except workflow.StaleEdit as stale:
            self.stale_edit = stale
            # The next save has seen their changes, so it may go through.
            self.data = self.data.copy()
            self.data[self.add_prefix("loaded_version")] = stale.current_version
            raise forms.ValidationError(stale.message, code="stale") from None
        except workflow.TransitionError as error:  # the form came without its version
            raise forms.ValidationError(error.message, code="no_version") from None
        self.check_embargo(stored)
        return cleaned

    def check_embargo(self, stored):
        """Show the save service's refusal of the embargo time (`workflow.check_embargo`) on
        its field. The field is absent once the story is approved: the panel changes it."""
        if "embargo_until" not in self.fields or "embargo_until" in self.errors:
            return
        try:
            workflow.check_embargo(stored, self.cleaned_data.get("embargo_until"))
        except workflow.TransitionError as error:
            self.add_error("embargo_until", forms.ValidationError(error.message, code="embargo"))


class WireImportForm(forms.Form):
    """Paste or upload wire copy; the import itself is articles.wire.import_wire."""

    text = forms.CharField(
        label="Paste the copy",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
    )
    file = forms.FileField(label="…or upload a text file", required=False)
    section = forms.ModelChoiceField(queryset=None, required=False, empty_label="No section yet")
    author = forms.ModelChoiceField(
        queryset=None, required=False, label="Byline", empty_label="No byline yet"
    )
    tags = forms.CharField(required=False, help_text="Comma-separated.", max_length=500)
    dry_run = forms.BooleanField(label="Only show what would be created", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Section.objects.all()
        self.fields["author"].queryset = Person.objects.all()

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("text", "").strip()) == bool(cleaned.get("file")):
            raise forms.ValidationError(
                "Paste the copy or upload a file (one of the two).", code="one_source"
            )
        return cleaned

    def wire_data(self) -> bytes:
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(3 * 1024 * 1024)  # more than the parser accepts, so it can say so
        return self.cleaned_data["text"].encode()

    def tag_names(self) -> list[str]:
        return [tag.strip() for tag in self.cleaned_data["tags"].split(",") if tag.strip()]
