"""The preferences form: for each kind of notice, by email and in the inbox."""

from django import forms

from notices.models import Kind, NoticePreference


class PreferencesForm(forms.Form):
    """Two checkboxes per kind of notice, ticked unless the user turned them off."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        stored = {p.kind: p for p in NoticePreference.objects.filter(user=user)}
        for kind in Kind:
            preference = stored.get(kind.value)
            self.fields[f"{kind.value}_inbox"] = forms.BooleanField(
                label="In my inbox",
                required=False,
                initial=preference.inbox if preference else True,
            )
            self.fields[f"{kind.value}_email"] = forms.BooleanField(
                label="By email", required=False, initial=preference.email if preference else True
            )

    def rows(self):
        """Yield (kind's label, inbox field, email field) for the template."""
        for kind in Kind:
            yield kind.label, self[f"{kind.value}_inbox"], self[f"{kind.value}_email"]

    def save(self) -> None:
        """Store the user's choice for every kind."""
        for kind in Kind:
            NoticePreference.objects.update_or_create(
                user=self.user,
                kind=kind.value,
                defaults={
                    "inbox": self.cleaned_data[f"{kind.value}_inbox"],
                    "email": self.cleaned_data[f"{kind.value}_email"],
                },
            )
