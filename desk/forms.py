"""The comment form of the change form's comment panel."""

from django import forms

from desk.models import MAX_BODY_CHARACTERS, MAX_PASSAGE_CHARACTERS

# The session keeps a refused comment under this key, so that the panel offers it again.
DRAFT_KEY = "desk.draft.{}"


class CommentForm(forms.Form):
    body = forms.CharField(label="Comment", max_length=MAX_BODY_CHARACTERS)
    passage = forms.CharField(
        label="On the passage (optional)", max_length=MAX_PASSAGE_CHARACTERS, required=False
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
