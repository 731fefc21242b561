"""Find the quotations in copy and who said them.

A quotation is text between straight double quotes within one paragraph (single quotes
inside it are part of the text; single quotes are never taken as quotation marks, since
they double as apostrophes). A quote left open at the end of a paragraph counts only
when the next paragraph opens with a quote mark (the convention for a quote that runs on);
otherwise it is ignored, so an unclosed mark never swallows the rest of the copy.

The attribution is read by `copytext.attribution` (`"…," X said`, `"…," said X`,
`"…," she told AFP`, `according to X`, `X said: "…"`, `X said the craft was "…"`, and a
few looser forms). A pronoun is resolved to the nearest person (or, for "it" and "the
agency", organization) named before it in the same or the previous paragraph; names inside
quotes do not count. A quote with no attribution of its own takes the speaker of the quote
before it in the same paragraph (or of a quote it runs on from or into). A short
unattributed phrase in quote marks (under four words) is treated as a title or scare
quote, not a quotation. Reported speech without quote marks ("NASA said on Twitter that
…") is not a quotation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Any

from copytext.attribution import Attribution, find_attribution
from copytext.entities import KnownEntities
from copytext.names import NameSpan, find_names, match_span
from copytext.text import straighten_double_quotes
from copytext.vocabulary import ORGANIZATION_NOUNS

MIN_UNATTRIBUTED_WORDS = 4
MAX_ATTRIBUTION = 300
NAMING_VERBS = frozenset({"call", "calls", "called", "calling", "described", "dubbed"})
_QUOTE_MARK = re.compile('"')


@dataclass(frozen=True)
class ExtractedQuote:
    text: str
    attribution_text: str
    speaker_name: str | None
    how: str
    matched: Any | None
    paragraph: int
    speaker_kind: str = ""  # "person", "organization", "pronoun", "description" or ""
    position: int = 0  # offset of the opening quote mark in its paragraph

    @property
    def is_attributed(self) -> bool:
        """Say whether a reader can tell who said it: a named speaker or a described source."""
        return bool(self.speaker_name) or self.speaker_kind == "description"


@dataclass(frozen=True)
class _Span:
    open: int
    close: int
    runs_on: bool = False
    continues: bool = False


@dataclass(frozen=True)
class _Referent:
    position: int
    name: str
    kind: str


def extract_quotes(paragraphs: list[str], *, known: KnownEntities) -> list[ExtractedQuote]:
    """Return the quotations in the paragraphs with their speakers, in order."""
    paragraphs = [straighten_double_quotes(paragraph) for paragraph in paragraphs]
    finder = _SpeakerFinder(paragraphs, known)
    found: list[tuple[ExtractedQuote, _Span]] = []
    continues = False
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        spans = quote_spans(paragraph, continues=continues, runs_on=following.startswith('"'))
        if spans and spans[0].continues:
            finder.quote_origin[index] = finder.quote_origin.get(index - 1, index - 1)
        continues = bool(spans) and spans[-1].runs_on
        for number, span in enumerate(spans):
            quote = finder.attribute(index, spans, number)
            if quote is not None:
                found.append((quote, span))
    return _inherit_speakers(found)


def quote_spans(paragraph: str, *, continues: bool = False, runs_on: bool = False) -> list[_Span]:
    """Pair the quote marks of a paragraph; an unpaired last mark runs on or is dropped."""
    marks = [match.start() for match in _QUOTE_MARK.finditer(paragraph)]
    spans = [_Span(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2 and runs_on:
        spans.append(_Span(marks[-1], len(paragraph), runs_on=True))
    if spans and continues and spans[0].open == 0:
        spans[0] = replace(spans[0], continues=True)
    return spans


def unclosed_quote_positions(paragraphs: list[str]) -> list[tuple[int, int]]:
    """Return (paragraph, offset) of quote marks that are opened and never closed."""
    unclosed = []
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        if paragraph.count('"') % 2 and not following.startswith('"'):
            unclosed.append((index, paragraph.rfind('"')))
    return unclosed


class _SpeakerFinder:
    """Attribute quote spans, resolving pronouns against names met so far."""

    def __init__(self, paragraphs: list[str], known: KnownEntities):
        self.paragraphs = paragraphs
        self.known = known
        self.speakers: dict[int, list[_Referent]] = {}
        self.names: dict[int, list[_Referent]] = {}
        self.quote_origin: dict[int, int] = {}  # paragraph -> where the quote it continues began

    def attribute(self, index: int, spans: list[_Span], number: int) -> ExtractedQuote | None:
        """Return the quote in `spans[number]` with its speaker, or None if it is no quote."""
        paragraph, span = self.paragraphs[index], spans[number]
        text = paragraph[span.open + 1 : span.close].strip().rstrip(",").strip()
        if not text:
            return None
        found = find_attribution(
            paragraph,
            open_at=span.open,
            close_at=span.close,
            previous_close=spans[number - 1].close + 1 if number else 0,
            next_open=spans[number + 1].open if number + 1 < len(spans) else len(paragraph),
        )
        short = len(text.split()) < MIN_UNATTRIBUTED_WORDS
        if found is None or (short and found.verb in NAMING_VERBS):
            # A short phrase in quote marks, or what something is "called", is a name or a
            # scare quote rather than a quotation.
            return None if short else ExtractedQuote(text, "", None, "", None, index, "", span.open)
        name, entity, kind = self._speaker(index, found, spans)
        return ExtractedQuote(
            text=text,
            attribution_text=paragraph[found.start : found.end].strip(" ,;.:")[:MAX_ATTRIBUTION],
            speaker_name=name,
            how=found.how,
            matched=entity,
            paragraph=index,
            speaker_kind=kind,
            position=span.open,
        )

    def _speaker(
        self, index: int, found: Attribution, spans: list[_Span]
    ) -> tuple[str | None, Any | None, str]:
        """Return (speaker name, known entity, kind) for an attribution."""
        if found.name:
            entity = self.known.match(found.name)
            kind = self.known.kind_of(entity) if entity is not None else "person"
            self.speakers.setdefault(index, []).append(_Referent(found.start, found.name, kind))
            return found.name, entity, kind
        wanted = _wanted_kind(found.pronoun, found.described)
        if wanted is None:
            return None, None, "description"
        # "the agency" may point back anywhere; a pronoun only to this or the last paragraph
        # (counting a quote that runs over several paragraphs as one).
        earliest = 0 if found.described else self.quote_origin.get(index, index) - 1
        referent = self._referent(index, found.start, wanted, spans, earliest=earliest)
        if referent is None:
            return None, None, "description" if found.described else "pronoun"
        entity = self.known.match(referent.name)
        kind = self.known.kind_of(entity) if entity is not None else referent.kind
        return referent.name, entity, kind

    def _referent(
        self, index: int, position: int, wanted: set[str], spans: list[_Span], *, earliest: int
    ) -> _Referent | None:
        """Return the nearest name of the wanted kind before `position`, back to `earliest`."""
        here = [r for r in self._referents(index, spans) if r.position < position]
        for number in range(index, max(earliest, 0) - 1, -1):
            candidates = here if number == index else self._referents(number, None)
            for referent in reversed(candidates):
                if referent.kind in wanted:
                    return referent
        return None

    def _referents(self, index: int, spans: list[_Span] | None) -> list[_Referent]:
        """Return the people and organizations named in a paragraph, outside its quotes."""
        if index not in self.names:
            paragraph = self.paragraphs[index]
            spans = spans if spans is not None else quote_spans(paragraph)
            opens = [span.open for span in spans]
            self.names[index] = [
                referent
                for name in find_names(paragraph)
                if not _inside_quote(name.start, spans, opens)
                and (referent := self._as_referent(name)) is not None
            ]
        merged = self.names[index] + self.speakers.get(index, [])
        return sorted(merged, key=lambda referent: referent.position)

    def _as_referent(self, span: NameSpan) -> _Referent | None:
        entity = match_span(span, self.known)
        if entity is not None:
            return _Referent(span.start, span.text, self.known.kind_of(entity))
        if span.kind and (span.words > 1 or span.hint):
            return _Referent(span.start, span.text, span.kind)
        return None


def _wanted_kind(pronoun: str, described: str) -> set[str] | None:
    """Return what kind of name a pronoun or "the agency" points back to (None: nothing)."""
    if pronoun in ("he", "she"):
        return {"person"}
    if pronoun in ("they", "we"):
        return {"person", "organization"}
    if pronoun == "it":
        return {"organization"}
    words = described.casefold().split()
    if len(words) == 2 and words[0] == "the" and words[1] in ORGANIZATION_NOUNS:
        return {"organization"}
    return None


def _inside_quote(position: int, spans: list[_Span], opens: list[int]) -> bool:
    number = bisect.bisect_left(opens, position) - 1
    return number >= 0 and position < spans[number].close


def _inherit_speakers(found: list[tuple[ExtractedQuote, _Span]]) -> list[ExtractedQuote]:
    """Give quotes with no attribution of their own the speaker of the quote they continue."""
    quotes = [quote for quote, _span in found]
    for index in range(1, len(quotes)):
        quote, previous = quotes[index], quotes[index - 1]
        same_paragraph = previous.paragraph == quote.paragraph
        if not quote.attribution_text and (same_paragraph or found[index][1].continues):
            quotes[index] = _inherit(quote, previous)
    for index in range(len(quotes) - 2, -1, -1):
        if not quotes[index].attribution_text and found[index][1].runs_on:
            quotes[index] = _inherit(quotes[index], quotes[index + 1])
    return quotes


def _inherit(quote: ExtractedQuote, source: ExtractedQuote) -> ExtractedQuote:
    return replace(
        quote,
        attribution_text=source.attribution_text,
        speaker_name=source.speaker_name,
        how=source.how,
        matched=source.matched,
        speaker_kind=source.speaker_kind,
    )
