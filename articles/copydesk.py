"""The copy desk's actions on a story: names to add to the directory, accepted in one click."""

from django.db import transaction

from articles import revisions, workflow
from articles.markdown import render_plain_text
from articles.models import Article
from copytext import Suggestion, detect_mentions
from copytext.text import split_paragraphs, strip_control_characters
from people.directory import known_entities
from people.models import Organization, Person, unique_slug


def suggestions_for(article: Article) -> list[Suggestion]:
    """Return names in the story that match no known person or organization."""
    text = "\n\n".join(filter(None, [article.standfirst, render_plain_text(article.body)]))
    return detect_mentions(split_paragraphs(text), known=known_entities()).suggestions


def accept_suggestion(article: Article, user, *, name: str, kind: str) -> Person | Organization:
    """Add a suggested name to the directory, mention it in the story and link its quotes."""
    if kind not in ("person", "organization"):
        raise workflow.TransitionError("Say whether the name is a person or an organization.")
    model = Organization if kind == "organization" else Person
    permission = f"people.add_{model._meta.model_name}"
    name = " ".join(strip_control_characters(name or "").split())[:200]
    if not name:
        raise workflow.TransitionError("Give the name to add.")
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if not user.has_perm(permission):
            raise workflow.TransitionError(f"You may not add {model._meta.verbose_name_plural}.")
        if not workflow.can_edit(user, locked):
            raise workflow.TransitionError("You may not edit this article.")
        entity = model.objects.filter(name__iexact=name).first()
        if entity is None:
            entity = model.objects.create(name=name, slug=unique_slug(model, name))
        mentions = locked.people_mentioned if model is Person else locked.organizations_mentioned
        mentions.add(entity)
        speaker_field = "speaker_person" if model is Person else "speaker_organization"
        locked.quotes.filter(
            speaker_person__isnull=True,
            speaker_organization__isnull=True,
            attribution_text__icontains=name,
        ).update(**{speaker_field: entity})
        locked.version += 1
        locked.last_edited_by = user
        locked.save(update_fields=["version", "last_edited_by", "modified_at"])
        revisions.record(locked, user)
    return entity
