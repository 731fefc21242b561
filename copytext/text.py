"""Text helpers shared by wire parsing and the editorial checks.

Everything here runs in time proportional to the text: no regular expression can backtrack
over more than a bounded window, so hostile copy (a megabyte with no full stop, a quote that
never closes) costs no more than ordinary copy of the same length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CURLY_DOUBLE_QUOTES = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'))
UPPER = "A-ZÀ-ÖØ-Þ"
WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,:]\d+)*")
TERMINAL = re.compile(r"[.!?…]+[\"'’)\]]*(?=\s|$)")
MARKDOWN_LINK = re.compile(r"\[([^\]\n]{0,300})\]\(([^()\s]{1,500})\)")
ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st gen col capt lt sgt cmdr maj jr sr inc ltd co no vs etc approx dept "
    "gov sen rep mt ft fig"
    .split()
)  # fmt: skip


@dataclass(frozen=True)
class Span:
    """A stretch of a paragraph: where it starts and ends, and its text."""

    start: int
    end: int
    text: str


def straighten_double_quotes(text: str) -> str:
    """Return the text with curly double quotes made straight; single quotes stay as written."""
    return text.translate(CURLY_DOUBLE_QUOTES)


def split_paragraphs(text: str) -> list[str]:
    """Split Markdown-ish text into paragraphs at blank lines, joining wrapped lines."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def plain_paragraph(paragraph: str) -> str:
    """Return the paragraph with Markdown links reduced to their text and quotes straightened."""
    return straighten_double_quotes(MARKDOWN_LINK.sub(r"\1", paragraph))


def split_sentences(text: str) -> list[Span]:
    """Split a paragraph into sentences, not stopping at "Dr." or an initial like "J."."""
    spans: list[Span] = []
    start = 0
    for match in TERMINAL.finditer(text):
        if _is_abbreviation(text, match) or _next_char(text, match.end()).islower():
            continue
        _append_span(spans, text, start, match.end())
        start = match.end()
    _append_span(spans, text, start, len(text))
    return spans


def words(text: str) -> list[str]:
    """Return the words and numbers of the text, in order."""
    return WORD.findall(text)


def strip_possessive(word: str) -> str:
    """Return "NASA" for "NASA's" or "NASA’s"."""
    return word[:-2] if word[-2:] in ("'s", "’s") else word


def _is_abbreviation(text: str, match: re.Match) -> bool:
    if match.group() != ".":
        return False
    before = re.search(r"(\w+)$", text[max(0, match.start() - 12) : match.start()])
    if before is None:
        return False
    word = before.group(1)
    return word.casefold() in ABBREVIATIONS or len(word) == 1  # "J. Smith", "9 a.m."


def _next_char(text: str, position: int) -> str:
    return text[position : position + 40].lstrip()[:1]


def _append_span(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + (len(piece) - len(piece.lstrip()))
        spans.append(Span(offset, offset + len(stripped), stripped))


# Characters XML 1.0 cannot carry (and no reader needs): C0 controls except tab and newlines.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control_characters(text: str) -> str:
    """Remove invisible control characters (a pasted soft line break, a NUL byte)."""
    return CONTROL_CHARACTERS.sub("", text) if isinstance(text, str) else text
