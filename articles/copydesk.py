"""The copy desk's actions on a story: names to add to the directory, accepted in one click."""

from django.db import transaction

from articles import workflow
from articles.checks import CheckInput
from articles.checks.story import Story
from articles.markdown import render_plain_text
from articles.models import Article, mentions_field, speaker_field
from copytext import ExtractedQuote, Suggestion, detect_mentions
from copytext.text import split_paragraphs, strip_control_characters
from people.directory import known_entities
from people.models import Organization, Person, unique_slug


def quotes_read(reading: CheckInput) -> list[ExtractedQuote]:
    """Return the quotes the copy desk reads in a story, each with its speaker, how sure the
    desk is of them and why (shown beside the findings, so an editor can check the reading)."""
    return Story(reading).quotes


def suggestions_for(article: Article) -> list[Suggestion]:
    """Return names in the story that match no known person or organization."""
    text = "\n\n".join(filter(None, [article.standfirst, render_plain_text(article.body)]))
    return detect_mentions(split_paragraphs(text), known=known_entities()).suggestions


def accept_suggestion(
    article: Article, user, *, name: str, kind: str, expected_version: int | None = None
) -> Person | Organization:
    """Add a suggested name to the directory, mention it in the story and link its quotes.

    `expected_version` is the version of the story the suggestion was shown on; the change is
    saved like any other edit (`workflow.save_content`), so a stale page is refused.
    """
    if kind not in ("person", "organization"):
        raise workflow.TransitionError("Say whether the name is a person or an organization.")
    model = Organization if kind == "organization" else Person
    name = " ".join(strip_control_characters(name or "").split())[:200]
    if not name:
        raise workflow.TransitionError("Give the name to add.")
    if not user.has_perm(f"people.add_{model.kind_name}"):
        raise workflow.TransitionError(f"You may not add {model._meta.verbose_name_plural}.")
    if not workflow.can_edit(user, article):
        raise workflow.TransitionError("You may not edit this article.")
    with transaction.atomic():
        entity = model.objects.filter(name__iexact=name).first()
        if entity is None:
            entity = model.objects.create(name=name, slug=unique_slug(model, name))

        def apply(target: Article) -> None:
            getattr(target, mentions_field(model)).add(entity)
            target.quotes.filter(
                speaker_person__isnull=True,
                speaker_organization__isnull=True,
                attribution_text__icontains=name,
            ).update(**{speaker_field(model): entity})

        workflow.save_content(article, user, apply, expected_version=expected_version)
    return entity
