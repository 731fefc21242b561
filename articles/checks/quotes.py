"""Checks on quotations: every quote needs someone who said it, linked where we can."""

from __future__ import annotations

from collections.abc import Iterator

from articles.checks.findings import Finding, blocker, excerpt, warning
from articles.checks.story import Story


def check_unattributed_quotes(story: Story) -> Iterator[Finding]:
    """Block quotes nobody is named as saying, in the body or among the saved quotes.

    Only a quote with no candidate speaker at all blocks; a "he said" we cannot tie to
    anyone named, or a speaker who could be one of two, is a warning for a person to read."""
    for quote in story.quotes:
        if not quote.attribution_text:
            yield blocker(
                "unattributed_quote",
                f'Say who said "{excerpt(quote.text)}": the copy names nobody.',
                quote.text,
            )
        elif quote.speaker_kind == "pronoun" and not quote.speaker_name:
            # A pronoun is a speaker we could not place, not a missing one: a warning.
            yield warning(
                "unattributed_quote",
                f'"{excerpt(quote.text)}" is attributed only to "{quote.attribution_text}", '
                "and nobody who fits is named before it. Name the speaker.",
                quote.text,
            )
        elif quote.speaker_kind == "ambiguous":
            yield warning(
                "ambiguous_speaker",
                f'"{excerpt(quote.text)}" is attributed to "{quote.attribution_text}", which '
                f"could be {' or '.join(quote.candidates)}. Name the speaker.",
                quote.text,
            )
    for info in story.data.quotes:
        if info.linked or info.attribution_text.strip() or story.body_quote(info.text):
            continue
        yield blocker(
            "unattributed_quote",
            f'The quote "{excerpt(info.text)}" has no speaker. Link it to who said it.',
            info.text,
        )


def check_unlinked_speakers(story: Story) -> Iterator[Finding]:
    """Warn about quotes whose speaker the copy names but nobody has linked."""
    for info in story.data.quotes:
        if info.linked:
            continue
        in_body = story.body_quote(info.text)
        if in_body is not None and not in_body.is_attributed:
            continue  # check_unattributed_quotes already blocks it
        said_by = (in_body.speaker_name or in_body.attribution_text) if in_body else ""
        said_by = said_by or info.attribution_text.strip()
        if said_by:
            yield warning(
                "unlinked_speaker",
                f'Link "{excerpt(info.text, 60)}" to its speaker: the copy says it is from '
                f'"{said_by}", but the quote is not linked to a person or organization.',
                info.text,
            )
