"""Import wire copy as a draft article, with its quotes, byline, tags and mentions.

Reading the copy (paragraphs, quotes, names) is `copytext`'s job; this module saves the result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from articles import checks as editorial_checks
from articles import workflow
from articles.models import Article, Byline, Quote, speaker_field
from copytext import (
    ExtractedQuote,
    KnownEntities,
    Mentions,
    ParsedWire,
    Suggestion,
    WireError,
    detect_mentions,
    extract_quotes,
    parse_wire,
)
from copytext.text import strip_control_characters
from people.directory import known_entities

MAX_SLUG_BASE = 100


@dataclass
class ImportResult:
    parsed: ParsedWire
    article: Article | None = None
    duplicate_of: Article | None = None
    quotes: list[ExtractedQuote] = field(default_factory=list)
    mentions: Mentions = field(default_factory=Mentions)
    findings: list[editorial_checks.Finding] = field(default_factory=list)
    dry_run: bool = False

    @property
    def suggestions(self) -> list[Suggestion]:
        """Names in the copy that match no known person or organization."""
        return self.mentions.suggestions

    @property
    def blockers(self) -> list[editorial_checks.Finding]:
        return editorial_checks.blockers(self.findings)


def import_wire(
    data: bytes | str,
    *,
    user: Any = None,
    section: Any = None,
    author: Any = None,
    tags: Iterable[str] = (),
    dry_run: bool = False,
    known: KnownEntities | None = None,
) -> ImportResult:
    """Parse wire copy and save it as a draft with its quotes, byline, tags and mentions.

    Never publishes. Copy whose headline and body match an existing article is reported as
    `duplicate_of` and nothing is created; with `dry_run` nothing is written either, and the
    editorial checks run on the parsed copy instead of a saved article.
    """
    parsed = parse_wire(data)
    known = known if known is not None else known_entities()
    result = ImportResult(
        parsed=parsed,
        quotes=extract_quotes(parsed.paragraphs, known=known),
        mentions=detect_mentions(parsed.body_paragraphs, known=known),
        dry_run=dry_run,
    )
    result.duplicate_of = find_duplicate(parsed)
    if result.duplicate_of is not None:
        return result
    if dry_run:
        check_input = editorial_checks.CheckInput.from_wire(
            parsed, quotes=result.quotes, has_byline=author is not None, tags=tags, known=known
        )
        result.findings = editorial_checks.run_checks(check_input)
        return result
    result.article = save_draft(result, user=user, section=section, author=author, tags=tags)
    result.findings = editorial_checks.run_checks(result.article)
    return result


def find_duplicate(parsed: ParsedWire) -> Article | None:
    """Return the article imported from the same copy (same content hash), or one with the same
    headline and body, if one exists."""
    by_hash = Article.objects.filter(wire_hash=parsed.content_hash).order_by("pk").first()
    if by_hash is not None:
        return by_hash
    return (
        Article.objects.filter(headline=parsed.headline, body=parsed.body_markdown)
        .order_by("pk")
        .first()
    )


def save_draft(
    result: ImportResult, *, user: Any, section: Any, author: Any, tags: Iterable[str]
) -> Article:
    """Create the draft article and everything hanging off it, all or nothing (through the save
    service, like every other change)."""
    parsed = result.parsed
    article = Article(
        headline=parsed.headline,
        slug=unique_article_slug(parsed.headline),
        standfirst=parsed.standfirst,
        body=parsed.body_markdown,
        dateline=parsed.dateline[:100],
        section=section,
        wire_hash=parsed.content_hash,
    )
    try:
        article.full_clean(exclude=["created_by", "last_edited_by"])
    except ValidationError as error:
        raise WireError(" ".join(error.messages)) from None

    def apply(draft: Article) -> None:
        draft.save()
        if author is not None:
            Byline.objects.create(article=draft, person=author, position=0)
        names = [strip_control_characters(tag).strip()[:100] for tag in tags]  # taggit's limit
        if any(names):
            draft.tags.add(*filter(None, names))
        link_mentions(draft, result)
        Quote.objects.bulk_create(build_quotes(draft, result.quotes))

    return workflow.save_content(article, user, apply).article


def unique_article_slug(headline: str) -> str:
    """Return a slug from the headline, with -2, -3… when it is taken (one query)."""
    base = slugify(headline)[:MAX_SLUG_BASE].strip("-") or "wire-story"
    taken = set(Article.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, counter = base, 2
    while candidate in taken:
        candidate, counter = f"{base}-{counter}", counter + 1
    return candidate


def link_mentions(article: Article, result: ImportResult) -> None:
    """Link the known people and organizations the copy names, speakers included."""
    people = {entity.pk: entity for entity in result.mentions.people}
    organizations = {entity.pk: entity for entity in result.mentions.organizations}
    for quote in result.quotes:
        if quote.matched is not None:
            target = people if quote.speaker_kind == "person" else organizations
            target.setdefault(quote.matched.pk, quote.matched)
    article.people_mentioned.set(people.values())
    article.organizations_mentioned.set(organizations.values())


def build_quotes(article: Article, quotes: list[ExtractedQuote]) -> list[Quote]:
    """Return unsaved Quote rows for the extracted quotes, linked to known speakers."""
    rows = []
    for position, quote in enumerate(quotes):
        speaker = {speaker_field(quote.matched): quote.matched} if quote.matched else {}
        rows.append(
            Quote(
                article=article,
                text=quote.text,
                **speaker,
                how=quote.how,
                attribution_text=quote.attribution_text,
                position=position,
            )
        )
    return rows
