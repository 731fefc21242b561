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

import re
from dataclasses import dataclass, replace
from typing import Any

from copytext import nlp
from copytext.attribution import Attribution, find_attribution
from copytext.cast import PRONOUN_GENDER, SPEECH_VERB_FORMS, Cast, Member, Mention, find_cast
from copytext.entities import KnownEntities
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
    confidence: str = ""  # "high", "medium" or "" (no speaker, or one we cannot be sure of)
    evidence: str = ""  # how the speaker was found, in words
    candidates: tuple[str, ...] = ()  # the plausible speakers, when the copy allows several

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


def extract_quotes(
    paragraphs: list[str], *, known: KnownEntities, cast: Cast | None = None
) -> list[ExtractedQuote]:
    """Return the quotations in the paragraphs with their speakers, in order."""
    paragraphs = [straighten_double_quotes(paragraph) for paragraph in paragraphs]
    cast = cast if cast is not None else find_cast(paragraphs, known=known)
    finder = _SpeakerFinder(paragraphs, known, cast)
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


@dataclass(frozen=True)
class _Speaker:
    name: str | None
    entity: Any | None
    kind: str
    confidence: str = ""
    evidence: str = ""
    candidates: tuple[str, ...] = ()


class _SpeakerFinder:
    """Attribute quote spans: the words around each quote say how it is attributed, the
    story's cast (read with spaCy) says who that is."""

    def __init__(self, paragraphs: list[str], known: KnownEntities, cast: Cast):
        self.paragraphs = paragraphs
        self.known = known
        self.cast = cast
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
        if found is None:
            found = self._parsed_attribution(index, span)
        if found is None and span.open == 0 and not span.continues:
            found = self._lead_in(index)
        before = paragraph[max(0, span.open - 40) : span.open]
        if found is None and (looks_like_title(text) or _TITLE_CUE.search(before)):
            return None  # a book, film or show in quote marks
        if found is None or (short and found.verb in NAMING_VERBS):
            # A short phrase in quote marks, or what something is "called", is a name or a
            # scare quote rather than a quotation.
            return None if short else ExtractedQuote(text, "", None, "", None, index, "", span.open)
        speaker = self._speaker(index, found)
        attribution = found.text or paragraph[found.start : found.end]
        return ExtractedQuote(
            text=text,
            attribution_text=attribution.strip(" ,;.:")[:MAX_ATTRIBUTION],
            speaker_name=speaker.name,
            how=found.how,
            matched=speaker.entity,
            paragraph=index,
            speaker_kind=speaker.kind,
            position=span.open,
            confidence=speaker.confidence,
            evidence=speaker.evidence,
            candidates=speaker.candidates,
        )

    def _parsed_attribution(self, index: int, span: _Span) -> Attribution | None:
        """Read the attribution from the parse when the patterns found none: the subject of a
        speech verb in the sentence the quote ends in (else begins in), outside the quote
        ("…," works council chairman Detlef Krämer said)."""
        doc = nlp.parse([self.paragraphs[index]])[0]
        sentences = []
        for position in (span.close, span.open + 1):
            token = next((t for t in doc if t.idx >= position), None)
            if token is not None and token.sent not in sentences:
                sentences.append(token.sent)
        for sentence in sentences:
            for verb in sentence:
                if verb.lower_ in SPEECH_VERB_FORMS and not span.open <= verb.idx <= span.close:
                    found = self._subject_of(doc, verb, span)
                    if found is not None:
                        return found
        return None

    def _subject_of(self, doc, verb, span: _Span) -> Attribution | None:
        for subject in verb.children:
            if subject.dep_ not in ("nsubj", "nsubjpass") or span.open <= subject.idx <= span.close:
                continue
            start = subject.left_edge.idx
            end = subject.right_edge.idx + len(subject.right_edge.text)
            words = doc.text[start:end]
            if subject.lower_ in PRONOUN_GENDER or subject.lower_ in ("they", "it", "we"):
                return Attribution(start, end, verb.text, verb.text, pronoun=subject.lower_)
            if subject.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in subject.subtree):
                return Attribution(start, end, verb.text, verb.text, name=words)
            return Attribution(start, end, verb.text, verb.text, described=words)
        return None

    def _lead_in(self, index: int) -> Attribution | None:
        """The speaker of a quote that opens its paragraph after a lead-in ending in a colon
        ("Kayla Brennan, a physical therapist, described the last miles:"): the subject of
        that sentence's main verb, else whoever the patterns find in it."""
        if index == 0 or not self.paragraphs[index - 1].rstrip().endswith(":"):
            return None
        previous = self.paragraphs[index - 1].rstrip()
        doc = nlp.parse([self.paragraphs[index - 1]])[0]
        sentence = list(doc.sents)[-1] if len(doc) else None
        nowhere = _Span(len(doc.text) + 1, len(doc.text) + 1)
        found = self._subject_of(doc, sentence.root, nowhere) if sentence is not None else None
        if found is None:
            last = max((m.end() for m in _SENTENCE_END.finditer(previous)), default=0)
            found = find_attribution(
                previous + ' "', open_at=len(previous) + 1, close_at=len(previous) + 1,
                previous_close=last, next_open=len(previous) + 1,
            )  # fmt: skip
        if found is None:
            return None
        return replace(found, paragraph_offset=-1, text=previous[found.start : found.end])

    def _speaker(self, index: int, found: Attribution) -> _Speaker:
        """Say who an attribution names, how sure we are, and why."""
        where = index + found.paragraph_offset
        if found.name:
            return self._named(where, found)
        if found.pronoun:
            return self._pronoun(where, found)
        return self._described(where, found)

    def _named(self, index: int, found: Attribution) -> _Speaker:
        member = self.cast.named(found.name)
        if member is None:
            # The words caught are no one the story names ("Conservative committee member…",
            # a city): take the person or organization the attribution itself names.
            member = self._member_near(index, found)
        # A name the model took for a place is still a speaker when it is the subject of the
        # speech verb ("Yıldırım told reporters"); otherwise ("in Lisbon") it is no one.
        if (
            member is None
            and self.cast.is_non_name(found.name)
            and not self._is_subject(index, found)
        ):
            return _Speaker(None, None, "", evidence=f'"{found.name}" is a place, not a speaker')
        if member is not None and member.kind == "organization":
            # "said Red Cross volunteer Harold Beasley": the organization qualifies the person.
            member = self._person_after(index, found) or member
        if member is None:
            entity = self.known.match(found.name)
            kind = self.known.kind_of(entity) if entity is not None else "person"
            return _Speaker(found.name, entity, kind, "medium", f'named: "{found.name}"')
        return self._as_speaker(member, "high", f'named: "{found.name}"')

    def _pronoun(self, index: int, found: Attribution) -> _Speaker:
        gender = PRONOUN_GENDER.get(found.pronoun, "")
        kinds = _wanted_kind(found.pronoun, "") or {"person"}
        earliest = self.quote_origin.get(index, index) - 2  # wire copy reaches two back
        fitting = [
            mention
            for mention in self.cast.before(index, found.start, earliest=earliest)
            if mention.member.kind in kinds
            and (not gender or mention.member.gender in ("", gender))
        ]
        # A one-word "person" never named in full is often a company the model misread.
        full = [m for m in fitting if m.member.kind != "person" or " " in m.member.name]
        for mention in full or fitting:
            member = mention.member
            rivals = self._rivals(mention, full or fitting) if gender else []
            if rivals:  # "Ms Cartwright and Ms Achebe both told the court…" / "She told…"
                names = tuple(dict.fromkeys([member.name, *(rival.name for rival in rivals)]))
                evidence = f'"{found.pronoun}" could be any of them'
                return _Speaker(None, None, "ambiguous", evidence=evidence, candidates=names)
            sure = "high" if not gender or member.gender == gender else "medium"
            return self._as_speaker(member, sure, f'"{found.pronoun}" points back to {member.name}')
        return _Speaker(None, None, "pronoun", evidence=f'nobody before "{found.pronoun}" fits')

    def _rivals(self, chosen: Mention, fitting: list[Mention]) -> list[Member]:
        """Return the other people as fitting as `chosen`, named in the same sentence."""
        if chosen.paragraph >= len(self.paragraphs):
            return []
        doc = nlp.parse([self.paragraphs[chosen.paragraph]])[0]
        span = doc.char_span(chosen.start, chosen.end, alignment_mode="expand")
        if span is None:
            return []
        start, end = span.sent.start_char, span.sent.end_char
        return [
            mention.member
            for mention in fitting
            if mention.paragraph == chosen.paragraph
            and start <= mention.start < end
            and mention.member is not chosen.member
            and mention.member.gender == chosen.member.gender
        ]

    def _described(self, index: int, found: Attribution) -> _Speaker:
        words = found.described.casefold().split()
        if not words or words[0] != "the":
            return _Speaker(None, None, "description", evidence="a source the copy describes")
        noun = _head_noun(words[1:])
        kinds = {"organization"} if noun in ORGANIZATION_NOUNS else {"person"}
        members = self.cast.described_as(noun, kinds)
        if not members and kinds == {"organization"}:
            # "the company said": the organization the story was last talking about.
            members = [
                mention.member
                for mention in self.cast.before(index, found.start, earliest=0)
                if mention.member.kind == "organization"
            ][:1]
        if len(members) == 1:
            return self._as_speaker(
                members[0], "medium", f'"{found.described}" is {members[0].name}'
            )
        if len(members) > 1:
            names = tuple(member.name for member in members)
            return _Speaker(
                None, None, "ambiguous", evidence=f'"{found.described}" could be any of them',
                candidates=names,
            )  # fmt: skip
        return _Speaker(None, None, "description", evidence="a source the copy describes")

    def _is_subject(self, index: int, found: Attribution) -> bool:
        """Say whether the attribution's name is the grammatical subject of its speech verb."""
        if found.paragraph_offset or index >= len(self.paragraphs):
            return False
        doc = nlp.parse([self.paragraphs[index]])[0]
        token = next((t for t in doc if t.idx >= found.start), None)
        while token is not None and token.dep_ == "compound":
            token = token.head
        return (
            token is not None
            and token.dep_ in ("nsubj", "nsubjpass")
            and token.head.lower_ in SPEECH_VERB_FORMS
        )

    def _person_after(self, index: int, found: Attribution) -> Member | None:
        """Return a person named right after the attribution's first name, in one phrase."""
        paragraph = self.paragraphs[index]
        for mention in self.cast.mentions:
            if mention.paragraph != index or mention.in_quote or mention.member.kind != "person":
                continue
            between = paragraph[found.start + len(found.name) : mention.start].split()
            near = found.start < mention.start <= found.start + len(found.name) + 40
            if (
                near
                and len(between) <= 3
                and all(word.islower() and word not in SPEECH_VERB_FORMS for word in between)
            ):
                return mention.member  # only lower-case role words between: "volunteer"
        return None

    def _member_near(self, index: int, found: Attribution) -> Member | None:
        """Return the person (else organization) named last within the attribution."""
        end = max(found.end, found.start + len(found.text))
        inside = [
            mention.member
            for mention in self.cast.mentions
            if mention.paragraph == index
            and not mention.in_quote
            and found.start <= mention.start < end
        ]
        people = [member for member in inside if member.kind == "person"]
        return (people or inside or [None])[-1]

    def _as_speaker(self, member: Member, confidence: str, evidence: str) -> _Speaker:
        entity = member.entity
        if entity is None and confidence == "high":
            entity = self.known.match(member.name)  # linked only when we are sure who it is
        return _Speaker(member.name, entity, member.kind, confidence, evidence)


_SENTENCE_END = re.compile(r"[.!?…][\"'’)\]]*\s+")
_TITLE_SMALL_WORDS = frozenset(
    "a an the of in on at to for and or but with from by into as de la el del los las von van "
    "der le les du des".split()
)
# Words that announce a title in quote marks: her novel "El huerto de sal".
_TITLE_CUE = re.compile(
    r"\b(?:novel|book|memoir|film|movie|documentary|album|song|single|play|opera|series|show|"
    r"painting|portrait|exhibition|poem|collection|titled|entitled|called|named|"
    r"(?:published|released|translated|known|appeared)\b[^\"]{0,30}\bas)\s*,?\s*$",
    re.IGNORECASE,
)


def looks_like_title(text: str) -> bool:
    """Say whether quoted words are a title ("Small Hours at the Harbour"), not speech: every
    main word capitalised and no sentence punctuation."""
    words = text.split()
    if not words or text.rstrip()[-1:] in ".!?,;:":
        return False
    main = [word for word in words if word.casefold() not in _TITLE_SMALL_WORDS]
    return bool(main) and all(word[:1].isupper() or word[:1].isdigit() for word in main)


def _head_noun(words: list[str]) -> str:
    """Return the noun a description stands on: "central bank" → bank, "minister of x" → minister."""
    for position, word in enumerate(words):
        if word in ("of", "for", "at", "from", "with", "in") and position:
            return words[position - 1]
    return words[-1] if words else ""


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
    for index in range(1, len(quotes)):
        # A paragraph that is nothing but a quote, right after one that ends with an attributed
        # quote, goes on with the same speaker: the wire convention for a second paragraph.
        quote, previous = quotes[index], quotes[index - 1]
        if (
            not quote.attribution_text
            and found[index][1].open == 0
            and previous.paragraph == quote.paragraph - 1
            and previous.attribution_text
        ):
            quotes[index] = replace(
                _inherit(quote, previous),
                confidence="medium" if previous.confidence else "",
                evidence=f"goes on from the quote before it ({previous.evidence})",
            )
    return quotes


def _inherit(quote: ExtractedQuote, source: ExtractedQuote) -> ExtractedQuote:
    return replace(
        quote,
        attribution_text=source.attribution_text,
        speaker_name=source.speaker_name,
        how=source.how,
        matched=source.matched,
        speaker_kind=source.speaker_kind,
        confidence=source.confidence,
        evidence=source.evidence,
        candidates=source.candidates,
    )
