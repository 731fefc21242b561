"""What the checks read: a plain CheckInput, built from an article or from parsed wire copy."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q

from articles.models import Article
from copytext import KnownEntities
from copytext.text import MARKDOWN_LINK
from people.directory import known_entities

ARTICLE_PATH = re.compile(r"/(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/(?P<slug>[-\w]+)/?")


@dataclass(frozen=True)
class QuoteInfo:
    """A saved (or about-to-be-saved) quote: its text, attribution and linked speaker."""

    text: str
    attribution_text: str = ""
    speaker: str = ""  # the linked person's or organization's name; "" when not linked

    @property
    def linked(self) -> bool:
        return bool(self.speaker)


@dataclass(frozen=True)
class RelatedInfo:
    headline: str
    visible: bool


@dataclass(frozen=True)
class LinkInfo:
    """A Markdown link in the body to one of our article pages."""

    markdown: str
    slug: str
    visible: bool


@dataclass(frozen=True)
class CheckInput:
    headline: str
    standfirst: str = ""
    body: str = ""
    dateline: str = ""
    has_byline: bool = False
    tags: tuple[str, ...] = ()
    has_hero_image: bool = False
    hero_alt: str = ""
    quotes: tuple[QuoteInfo, ...] = ()
    related: tuple[RelatedInfo, ...] = ()
    links: tuple[LinkInfo, ...] = ()
    known: KnownEntities | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_article(cls, article, *, known: KnownEntities | None = None) -> CheckInput:
        """Read an article and what hangs off it in a fixed number of queries (at most seven)."""
        saved = article.pk is not None
        quotes = (
            list(article.quotes.select_related("speaker_person", "speaker_organization"))
            if saved
            else []
        )
        picks = list(article.picks.select_related("target")) if saved else []
        links = find_internal_links(article.body)
        visible_ids, visible_slugs = visible_articles(
            ids=[pick.target_id for pick in picks], slugs=[slug for _markdown, slug in links]
        )
        return cls(
            headline=article.headline,
            standfirst=article.standfirst,
            body=article.body,
            dateline=article.dateline,
            has_byline=saved and article.bylines.exists(),
            tags=tuple(article.tags.names()) if saved else (),
            has_hero_image=bool(article.hero_image),
            hero_alt=article.hero_alt,
            quotes=tuple(
                QuoteInfo(quote.text, quote.attribution_text, str(quote.speaker or ""))
                for quote in quotes
            ),
            related=tuple(
                RelatedInfo(pick.target.headline, pick.target_id in visible_ids) for pick in picks
            ),
            links=tuple(
                LinkInfo(markdown, slug, slug in visible_slugs) for markdown, slug in links
            ),
            known=known if known is not None else known_entities(),
        )

    @classmethod
    def from_content(cls, content: dict, *, known: KnownEntities | None = None) -> CheckInput:
        """Describe a revision's snapshot (a proposed update) as the story it would make."""
        related = [ref for ref in content.get("related", []) if ref]
        links = find_internal_links(content.get("body", ""))
        visible_ids, visible_slugs = visible_articles(
            ids=[ref["id"] for ref in related], slugs=[slug for _markdown, slug in links]
        )
        quotes = content.get("quotes", [])
        return cls(
            headline=content.get("headline", ""),
            standfirst=content.get("standfirst", ""),
            body=content.get("body", ""),
            dateline=content.get("dateline", ""),
            has_byline=bool(content.get("byline")),
            tags=tuple(content.get("tags", [])),
            has_hero_image=bool(content.get("hero_image")),
            hero_alt=content.get("hero_alt", ""),
            quotes=tuple(
                QuoteInfo(
                    quote["text"],
                    quote.get("attribution_text", ""),
                    (quote.get("speaker_person") or quote.get("speaker_organization") or {}).get(
                        "name", ""
                    ),
                )
                for quote in quotes
            ),
            related=tuple(RelatedInfo(ref["name"], ref["id"] in visible_ids) for ref in related),
            links=tuple(
                LinkInfo(markdown, slug, slug in visible_slugs) for markdown, slug in links
            ),
            known=known if known is not None else known_entities(),
        )

    @classmethod
    def from_wire(
        cls,
        parsed,
        *,
        quotes: Iterable = (),
        has_byline: bool = False,
        tags: Iterable[str] = (),
        known: KnownEntities | None = None,
    ) -> CheckInput:
        """Describe parsed wire copy as the draft it would become (for a dry run)."""
        links = find_internal_links(parsed.body_markdown)
        _ids, visible_slugs = visible_articles(ids=[], slugs=[slug for _md, slug in links])
        return cls(
            headline=parsed.headline,
            standfirst=parsed.standfirst,
            body=parsed.body_markdown,
            dateline=parsed.dateline,
            has_byline=has_byline,
            tags=tuple(tags),
            quotes=tuple(
                QuoteInfo(q.text, q.attribution_text, q.matched.name if q.matched else "")
                for q in quotes
            ),
            links=tuple(LinkInfo(md, slug, slug in visible_slugs) for md, slug in links),
            known=known,
        )


def find_internal_links(body: str) -> list[tuple[str, str]]:
    """Return (markdown, slug) for each Markdown link in the body to one of our articles."""
    own_host = urlsplit(settings.NEWSROOM_SITE_URL).netloc
    found = []
    for match in MARKDOWN_LINK.finditer(body or ""):
        url = urlsplit(match.group(2))
        if url.netloc and url.netloc != own_host:
            continue
        if path := ARTICLE_PATH.fullmatch(url.path):
            found.append((match.group(), path.group("slug")))
    return found


def visible_articles(*, ids: list[int], slugs: list[str]) -> tuple[set[int], set[str]]:
    """Return which of these article ids and slugs readers can see (one query, or none)."""
    if not ids and not slugs:
        return set(), set()
    rows = Article.objects.published().filter(Q(pk__in=ids) | Q(slug__in=slugs))
    pairs = list(rows.values_list("pk", "slug"))
    return {pk for pk, _slug in pairs}, {slug for _pk, slug in pairs}
