"""Find names in copy: people and organizations we know, and suggestions for the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from copytext.text import WORD, strip_possessive
from copytext.vocabulary import (
    COMMON_CAPITALISED,
    HONORIFICS,
    MONTHS,
    NAME_CONNECTORS,
    NON_ORG_ACRONYMS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_WORDS,
)

_ACRONYM = re.compile(r"[A-Z]{2,6}")
_UPPER_LETTER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_LOWER_LETTER = re.compile(r"[a-zß-öø-ÿ]")
_SENTENCE_OPENERS = frozenset(".!?:…")
_CALENDAR = frozenset(MONTHS) | frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
MAX_NAME_WORDS = 6


@dataclass(frozen=True)
class NameSpan:
    """A capitalised name in a paragraph, with a guess at what it names."""

    text: str
    start: int
    end: int
    kind: str = ""  # "person", "organization" or "" when the words alone cannot tell
    hint: str = ""
    words: int = 1
    at_sentence_start: bool = False


class Suggestion(NamedTuple):
    name: str
    kind: str  # "person" or "organization"
    hint: str


@dataclass
class Mentions:
    people: list[Any] = field(default_factory=list)
    organizations: list[Any] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)


def find_names(paragraph: str) -> list[NameSpan]:
    """Return the capitalised names in a paragraph, honorifics and sentence openers removed."""
    tokens = list(WORD.finditer(paragraph))
    shouting = _is_shouting(paragraph)
    spans = []
    for first, last in _capitalised_runs(paragraph, tokens):
        span = _name_span(paragraph, tokens, first, last, shouting=shouting)
        if span is not None:
            spans.append(span)
    return spans


def without_partial_names(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Drop "Ortiz" when "Mia Ortiz" is suggested too."""
    surnames = {s.name.split()[-1].casefold() for s in suggestions if " " in s.name}
    return [s for s in suggestions if " " in s.name or s.name.casefold() not in surnames]


def _capitalised_runs(paragraph: str, tokens: list[re.Match]) -> list[tuple[int, int]]:
    runs, index = [], 0
    while index < len(tokens):
        if not tokens[index].group()[:1].isupper():
            index += 1
            continue
        last = index
        while last + 1 < len(tokens) and _continues(paragraph, tokens, last):
            last += 1
        while last > index and tokens[last].group() in NAME_CONNECTORS:
            last -= 1
        runs.append((index, last))
        index = last + 1
    return runs


def _continues(paragraph: str, tokens: list[re.Match], index: int) -> bool:
    """Say whether the token after `index` belongs to the same name."""
    current, following = tokens[index], tokens[index + 1]
    word = current.group()
    if strip_possessive(word) != word:
        return False
    gap = paragraph[current.end() : following.start()]
    initial = gap == ". " and (len(word) == 1 or word in HONORIFICS)
    if gap != " " and not initial:
        return False
    nxt = following.group()
    if nxt[:1].isupper() or (nxt.isdigit() and len(nxt) <= 4):
        return True
    if nxt in NAME_CONNECTORS and index + 2 < len(tokens):
        return tokens[index + 2].group()[:1].isupper()
    return False


def _name_span(
    paragraph: str, tokens: list[re.Match], first: int, last: int, *, shouting: bool
) -> NameSpan | None:
    opener = _at_sentence_start(paragraph, tokens[first].start())
    while first <= last and (_is_filler(tokens[first].group()) or _plain_acronym(tokens[first])):
        first, opener = first + 1, False
    while last >= first and (tokens[last].group() in _CALENDAR or _plain_acronym(tokens[last])):
        last -= 1
    hint, kind = _role_before(paragraph, tokens, first)
    while first < last and tokens[first].group() in HONORIFICS:
        hint, kind, first, opener = f"after '{tokens[first].group()}'", "person", first + 1, False
    if first > last or last - first + 1 > MAX_NAME_WORDS:
        return None
    words = [tokens[i].group() for i in range(first, last + 1)]
    words[-1] = strip_possessive(words[-1])
    end = tokens[last].start() + len(words[-1])
    text = paragraph[tokens[first].start() : end]
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        if shouting or words[0] in NON_ORG_ACRONYMS:
            return None
        return NameSpan(text, tokens[first].start(), end, "organization", "acronym", 1, opener)
    kind = kind or _kind_from_words(words)
    return NameSpan(text, tokens[first].start(), end, kind, hint, len(words), opener)


def _plain_acronym(token: re.Match) -> bool:
    """Say whether a token is an acronym that names no organization ("US", "TV", "GMT")."""
    return token.group() in NON_ORG_ACRONYMS


def _is_filler(word: str) -> bool:
    return word in COMMON_CAPITALISED or word in _CALENDAR


def _role_before(paragraph: str, tokens: list[re.Match], first: int) -> tuple[str, str]:
    if first == 0:
        return "", ""
    before = tokens[first - 1]
    word = before.group()
    if word in ROLE_WORDS and paragraph[before.end() : tokens[first].start()] == " ":
        return f"after '{word}'", "person"
    return "", ""


def _kind_from_words(words: list[str]) -> str:
    if any(word in COMMON_CAPITALISED for word in words[1:]):
        return ""  # "News From The Coast" is a heading, not a name
    if any(word in ORG_WORDS for word in words) or any(_ACRONYM.fullmatch(w) for w in words):
        return "organization"
    if any(word in PLACE_WORDS or any(c.isdigit() for c in word) for word in words):
        return ""
    return "person" if 2 <= len(words) <= 4 and "of" not in words else ""


def _at_sentence_start(paragraph: str, position: int) -> bool:
    before = paragraph[max(0, position - 12) : position].rstrip(" \"'‘“([—–-")
    return not before or before[-1] in _SENTENCE_OPENERS


def _is_shouting(paragraph: str) -> bool:
    """Say whether a paragraph is mostly capitals (then capitals do not mark acronyms)."""
    sample = paragraph[:2000]
    upper, lower = len(_UPPER_LETTER.findall(sample)), len(_LOWER_LETTER.findall(sample))
    return upper + lower > 20 and upper > 1.5 * lower
