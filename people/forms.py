"""Admin forms for people and organizations."""

from django import forms

from copytext.text import strip_control_characters
from people import addresses
from people.models import Organization, Person


def _clean_text(value: str) -> str:
    # Browsers post a textarea's lines ending in CR LF; stored text ends them in LF, so an
    # untouched field must not read as an edit (a revision, a story sent back to review).
    return strip_control_characters(value.replace("\r\n", "\n").replace("\r", "\n"))


class StripControlCharacters:
    """Remove invisible control characters from every text the form cleans, and end its
    lines as stored text does."""

    def _clean_fields(self):
        super()._clean_fields()
        for name, value in self.cleaned_data.items():
            if isinstance(value, str):
                self.cleaned_data[name] = _clean_text(value)
            elif isinstance(value, list):
                self.cleaned_data[name] = [strip_control_characters(item) for item in value]


class AliasesField(forms.CharField):
    """Other spellings, one per line in the form, a list in the database."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        lines = (line.strip() for line in (value or "").splitlines())
        return list(dict.fromkeys(line for line in lines if line))


class FormerAddressCheck:
    """Refuse a slug another person or organization used to have (the save service's check)."""

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if "slug" in self.changed_data:
            addresses.check_slug_free(slug, entity=self.instance)
        return slug


class PersonForm(FormerAddressCheck, StripControlCharacters, forms.ModelForm):
    aliases = AliasesField(
        label="Other spellings",
        required=False,
        help_text="One per line: transliterations, maiden names, misspellings seen in wire copy.",
    )

    class Meta:
        model = Person
        fields = [
            "honorific",
            "name",
            "slug",
            "aliases",
            "role",
            "bio",
            "photo",
            "photo_alt",
            "user",
        ]


class OrganizationForm(FormerAddressCheck, StripControlCharacters, forms.ModelForm):
    aliases = AliasesField(
        label="Other names",
        required=False,
        help_text="One per line: acronyms, former names, translations.",
    )

    class Meta:
        model = Organization
        fields = ["name", "slug", "aliases", "kind", "description"]
