"""Checks on what surrounds the text: byline, standfirst, tags, hero image, related stories."""

from __future__ import annotations

from collections.abc import Iterator

from articles.checks.findings import Finding, blocker, excerpt, warning
from articles.checks.story import Story

MAX_HEADLINE = 110


def check_byline(story: Story) -> Iterator[Finding]:
    """Block a story nobody has put their name to."""
    if not story.data.has_byline:
        yield blocker("missing_byline", "Add a byline: the story has no author.")


def check_standfirst(story: Story) -> Iterator[Finding]:
    if not story.data.standfirst.strip():
        yield warning(
            "missing_standfirst", "Write a standfirst: readers see it under the headline."
        )


def check_tags(story: Story) -> Iterator[Finding]:
    if not story.data.tags:
        yield warning("no_tags", "Add at least one tag so readers can find related stories.")


def check_hero_alt(story: Story) -> Iterator[Finding]:
    if story.data.has_hero_image and not story.data.hero_alt.strip():
        yield blocker(
            "hero_without_alt",
            "Describe the hero image in its alt text for readers who cannot see it.",
        )


def check_headline_length(story: Story) -> Iterator[Finding]:
    headline = story.data.headline.strip()
    if len(headline) > MAX_HEADLINE:
        yield warning(
            "headline_too_long",
            f"Shorten the headline to {MAX_HEADLINE} characters or fewer "
            f"(it has {len(headline)}); search results and feeds will cut it.",
            headline,
        )


def check_hidden_related(story: Story) -> Iterator[Finding]:
    """Block links and related picks to stories readers cannot open (drafts, scheduled, gone)."""
    for related in story.data.related:
        if not related.visible:
            yield blocker(
                "hidden_related_story",
                f'The related story "{excerpt(related.headline)}" is not published, so '
                "readers would not see it. Remove it or wait until it is live.",
                related.headline,
            )
    for link in story.data.links:
        if not link.visible:
            yield blocker(
                "hidden_related_story",
                f"The link {excerpt(link.markdown)} points to a story readers cannot see "
                "(not published, scheduled, or no such story).",
                link.markdown,
            )
