"""Read who said a quotation from the words around it.

Tried in order: right after the quote (`"…," X said`, `"…," said X`, `"…," she told AFP`,
`"…," according to X`); then before it in the same sentence (`X said: "…"`, `X said the
craft was "…"`); then, when the quote opens its sentence, a speech verb in the sentence
before (`Both sides, she notes, kept secrets. "…"`); and last the subject of a sentence
that introduces the quote with a colon or a speech verb out of reach of the patterns
(`Armstrong's report was brief: "…"`, `TASS broke the news, announcing "…"`).

Every pattern runs on a window of a few hundred characters next to the quote, so the cost
per quote is bounded whatever the length of the copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copytext.names import find_names
from copytext.text import UPPER, strip_possessive
from copytext.vocabulary import (
    COMMON_CAPITALISED,
    HONORIFICS,
    ROLE_WORDS,
    SPEECH_ADVERBS,
    SPEECH_VERBS,
)

AFTER_WINDOW = 240
BEFORE_WINDOW = 300
BEFORE_NAME_WINDOW = 160  # how far before the speech verb the speaker's name may start
MAX_HOW = 200

_NAME = (
    rf"[{UPPER}][\w'’-]*\.?"
    rf"(?: (?:(?:de|van|von|der|da|du|la|le|bin|al) )?(?:[{UPPER}][\w'’-]*\.?|\d{{1,4}}))*"
)
_ROLES = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
_VERB = r"(?P<verb>" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b"
_ADVERB = r"(?:\s+(?:[a-z]+ly|" + "|".join(sorted(SPEECH_ADVERBS)) + r"))?"
_DESCRIBED = (
    r"(?i:the|a|an|one|two|three|several|many|some)\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*"
    r"(?:\s+(?:for|of|at|from|with|in)\s+(?:the\s+)?(?:[A-Za-z][\w'’-]*\s+){0,2}?[A-Za-z][\w'’-]*)?"
    r"|(?:[A-Za-z][\w'’-]*\s+)?(?i:officials|witnesses|residents|police|organi[sz]ers|engineers"
    r"|scientists|researchers|doctors|experts|analysts|forecasters|fans|neighbou?rs"
    r"|investigators|officers|staff|controllers|spokespeople|sources|authorities)"
)
_WHO = (
    r"(?:(?P<pronoun>(?i:he|she|they|it|we))\b"
    rf"|(?:(?P<role>(?:[a-z][\w'’-]*\s+)?(?i:{_ROLES}))\s+)?(?P<name>{_NAME})"
    rf"|(?P<described>{_DESCRIBED})(?:,\s+(?P<appos>{_NAME}),?)?)"
)
_LEAD = r"[\s,;!?—–-]{0,4}"
_AFTER = (
    re.compile(rf"{_LEAD}{_WHO},?{_ADVERB}\s+{_VERB}"),
    re.compile(rf"{_LEAD}{_VERB}\s+{_WHO}"),
    re.compile(rf"{_LEAD}(?P<verb>(?i:according\s+to))\s+{_WHO}"),
)
_BEFORE = re.compile(rf"\b{_WHO},?{_ADVERB}\s+{_VERB}")
_VERB_ONLY = re.compile(rf"\b{_VERB}")
_BOUNDARY = re.compile(r"[.!?…][\"'’)\]]*\s+")
_SUBJECT_PRONOUN = re.compile(r"\b(?P<pronoun>(?i:he|she|they|it|we|his|her|their|its))\b")
_POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it"}
_OPENS_WITH_DESCRIPTION = re.compile(r"(?i:one|a|an|some|several)\s+[a-z]")
_OBJECT = re.compile(rf"\s+(?:(?:the|a|an)\s+)?(?:{_NAME}|[a-z][\w'’-]*)")
_PREP = re.compile(
    r"\s+(?:on|in|at|to|via|during|through|from|over)\s+(?:(?:a|an|the|his|her|their|its)\s+)?"
    rf"(?:{_NAME}|[a-z][\w'’-]*)(?:\s+(?:conference|briefing|statement|interview|call|release"
    r"|post|video|message|broadcast|meeting|event|session|hearing))?"
)
_OBJECT_VERBS = frozenset({"told", "tells", "asked", "asks", "telling"})


@dataclass(frozen=True)
class Attribution:
    """Who a quote is attributed to, as the copy puts it."""

    start: int  # where the attribution starts in the paragraph
    end: int
    verb: str = ""
    how: str = ""
    name: str = ""  # a named speaker, honorific removed
    pronoun: str = ""  # he, she, they, it or we
    described: str = ""  # "a spokesperson for the council"
    paragraph_offset: int = 0  # -1 when a lead-in paragraph attributes the quote after it
    text: str = ""  # the attribution's words, when they are not in the quote's paragraph


def find_attribution(
    paragraph: str, *, open_at: int, close_at: int, previous_close: int, next_open: int
) -> Attribution | None:
    """Return the attribution of the quote between `open_at` and `close_at`, if any."""
    text = paragraph[open_at + 1 : close_at].strip()
    after = paragraph[close_at + 1 : min(next_open, close_at + 1 + AFTER_WINDOW)]
    # "We are ready." The crew said… : a full stop inside the quote ends the sentence.
    if not (text.endswith(".") and after.lstrip()[:1].isupper()):
        for pattern in _AFTER:
            if match := pattern.match(after):
                return _from_match(match, paragraph, close_at + 1)
    return _before(paragraph, open_at, max(open_at - BEFORE_WINDOW, previous_close))


def _before(paragraph: str, open_at: int, earliest: int) -> Attribution | None:
    ends = [boundary.end() for boundary in _BOUNDARY.finditer(paragraph, earliest, open_at)]
    start = ends[-1] if ends else earliest
    if paragraph[start:open_at].strip(" \"'’“”(—–-"):
        return _in_sentence(paragraph, start, open_at)
    previous = ends[-2] if len(ends) > 1 else earliest
    found = _speech_verb_phrase(paragraph, previous, start) if previous < start else None
    return found


def _in_sentence(paragraph: str, start: int, open_at: int) -> Attribution | None:
    found = _speech_verb_phrase(paragraph, start, open_at)
    if found is not None:
        return found
    window = paragraph[start:open_at].rstrip()
    if window.endswith(":") or _VERB_ONLY.search(paragraph, start, open_at):
        return _sentence_subject(paragraph, start, start + len(window))
    return None


def _speech_verb_phrase(paragraph: str, start: int, end: int) -> Attribution | None:
    """Return the last "X said" in paragraph[start:end]."""
    verb = None
    for verb in _VERB_ONLY.finditer(paragraph, start, end):  # noqa: B007
        pass
    if verb is None:  # most windows have no speech verb: skip the costly pattern
        return None
    last = None
    window_start = max(start, verb.start() - BEFORE_NAME_WINDOW)
    for last in _BEFORE.finditer(paragraph, window_start, verb.end()):  # noqa: B007
        pass
    return _from_match(last, paragraph, 0) if last else None


def _sentence_subject(paragraph: str, start: int, end: int) -> Attribution | None:
    """Attribute to the first name or pronoun of the sentence that introduces the quote."""
    window = paragraph[start:end]
    stop = start + len(window.rstrip(" :,"))
    verb_match = _VERB_ONLY.search(window)
    verb = verb_match.group() if verb_match else ""
    names = find_names(window)
    pronoun = _SUBJECT_PRONOUN.search(window)
    if names and (pronoun is None or names[0].start < pronoun.start()):
        name = clean_speaker_name(names[0].text)
        return Attribution(start + names[0].start, stop, verb, verb, name=name)
    if pronoun is not None:
        word = pronoun.group().casefold()
        at = start + pronoun.start()
        return Attribution(at, stop, verb, verb, pronoun=_POSSESSIVES.get(word, word))
    opening = len(window) - len(window.lstrip())
    if _OPENS_WITH_DESCRIPTION.match(window, opening):
        return Attribution(start + opening, stop, verb, verb, described=window.strip(" :,"))
    return None


def _from_match(match: re.Match, paragraph: str, offset: int) -> Attribution:
    groups = ("verb", "pronoun", "role", "name", "described")
    start = offset + min(match.start(group) for group in groups if match.start(group) >= 0)
    end, how = read_how(match, paragraph, offset)
    return Attribution(
        start=start,
        end=end,
        verb=match.group("verb"),
        how=how[:MAX_HOW],
        name=clean_speaker_name(match.group("name") or match.group("appos") or ""),
        pronoun=(match.group("pronoun") or "").casefold(),
        described=match.group("described") or "",
    )


def read_how(match: re.Match, paragraph: str, offset: int) -> tuple[int, str]:
    """Return where the attribution ends and how it was said ("told AFP", "said on Twitter")."""
    verb = " ".join(match.group("verb").split())
    position = offset + match.end()
    parts = [verb]
    if verb.casefold() in _OBJECT_VERBS and (obj := _OBJECT.match(paragraph, position)):
        parts.append(obj.group().strip())
        position = obj.end()
    for _ in range(2):
        prep = _PREP.match(paragraph, position)
        if prep is None:
            break
        parts.append(prep.group().strip())
        position = prep.end()
    how = " ".join(parts).rstrip(".")
    return position, ("" if verb.casefold() == "according to" else how)


def clean_speaker_name(name: str) -> str:
    """Trim a matched name: no trailing full stop, sentence opener, honorific or possessive."""
    tokens = strip_possessive(name.strip().rstrip(".")).split()
    while tokens and tokens[0] in COMMON_CAPITALISED:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[0].rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    return " ".join(tokens)
