"""Turn plain-text wire copy into a headline, a standfirst and body paragraphs.

The layout we read: the first non-empty line is the headline; paragraphs are separated by
blank lines (wrapped lines are joined), or, when the copy has no blank line at all, each line
is a paragraph. The first paragraph after the headline is the standfirst, unless it is the
only one, is longer than a standfirst may be, or opens with a dateline ("HOUSTON (AP) —"):
then it is the story's first paragraph. A leading dateline is moved to `dateline`.

Curly double quotes are made straight everywhere, so quote extraction sees one kind of mark
and the stored body matches what the checks read. Single quotes and apostrophes are kept as
written. Tabs, runs of spaces, zero-width characters and a byte-order mark are dropped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from copytext.text import split_paragraphs, straighten_double_quotes

MAX_BYTES = 2 * 1024 * 1024
MAX_HEADLINE = 200
MAX_STANDFIRST = 600
MAX_STORY_CHARACTERS = 200_000  # a story body's limit everywhere (articles.models too)
EMPTY = "The file is empty."
NOT_UTF8 = "This is not UTF-8 text. Save the wire copy as plain UTF-8 text and try again."
NO_BODY = "The copy has a headline but no story under it."

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Agency datelines: "HOUSTON (AP) —", "LISBON, March 3 (Reuters) -", "Kassel (dpa) -",
# "NAIROBI, Kenya (AFP) -", "TUPELO, Miss. (AP) —", "PORTHAVEN —". The place is kept.
_AGENCY = r"\((?:AP|Reuters|AFP|dpa|DPA|PA|PA Media|ANSA|EFE|Kyodo|Xinhua|Yonhap|AAP|CP|UPI)\)"
_DATELINE = re.compile(
    r"(?P<place>[A-ZÀ-Þ][\w'’.-]*(?: [A-ZÀ-Þ][\w'’.-]*){0,3})"
    r"(?P<where>(?:,(?: [A-ZÀ-Þ][\w'’.-]*){1,3}(?: \d{1,2})?){1,2})?"
    rf" ?(?P<agency>{_AGENCY})? ?[—–-]{{1,2}} "
)


class WireError(ValueError):
    """Wire copy we cannot import; the message is meant for the person importing it."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class ParsedWire:
    headline: str
    standfirst: str
    paragraphs: list[str]
    body_markdown: str
    content_hash: str
    dateline: str = ""

    @property
    def body_paragraphs(self) -> list[str]:
        """The body, then the standfirst (when there is one): what names people, unlike a
        headline in title case."""
        return [*self.paragraphs, *([self.standfirst] if self.standfirst else [])]


def parse_wire(data: bytes | str) -> ParsedWire:
    """Parse wire copy; raise WireError with a message for the user when it cannot be read."""
    lines = normalise_lines(decode_wire(data))
    first = next((index for index, line in enumerate(lines) if line), None)
    if first is None:
        raise WireError(EMPTY)
    headline = lines[first].lstrip("#").strip()
    if len(headline) > MAX_HEADLINE:
        raise WireError(
            f"The first line has {len(headline):,} characters, too long for a headline "
            f"(at most {MAX_HEADLINE}). Put the headline on a line of its own."
        )
    paragraphs = group_paragraphs(lines[first + 1 :])
    if not paragraphs:
        raise WireError(NO_BODY)
    dateline, standfirst, body = split_standfirst(paragraphs)
    size = sum(len(paragraph) for paragraph in body)
    if size > MAX_STORY_CHARACTERS:
        raise WireError(
            f"This copy has {size:,} characters of text; a story has at most "
            f"{MAX_STORY_CHARACTERS:,} (about 30,000 words). It looks like more than one story, "
            "or a whole feed: split it into stories and import them one by one."
        )
    return ParsedWire(
        headline=headline,
        standfirst=standfirst,
        paragraphs=body,
        body_markdown="\n\n".join(body),
        content_hash=content_hash(headline, standfirst, dateline, body),
        dateline=dateline,
    )


def decode_wire(data: bytes | str) -> str:
    """Return the copy as text, refusing binary, non-UTF-8 and oversized input."""
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        _refuse_oversized(len(raw))
        if b"\x00" in raw:
            raise WireError(NOT_UTF8)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise WireError(NOT_UTF8) from None
    elif isinstance(data, str):
        _refuse_oversized(len(data))
        try:
            _refuse_oversized(len(data.encode("utf-8")))
        except UnicodeEncodeError:
            raise WireError(NOT_UTF8) from None
        if "\x00" in data:
            raise WireError(NOT_UTF8)
        text = data
    else:
        raise TypeError(f"Wire copy must be bytes or str, not {type(data).__name__}.")
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise WireError(NOT_UTF8)
    return text


def normalise_lines(text: str) -> list[str]:
    """Return the lines with unified line endings, single spaces and straight double quotes."""
    text = text.translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
    text = straighten_double_quotes(_CONTROL.sub("", text.replace("\u2028", "\n")))
    return [_SPACES.sub(" ", line).strip() for line in text.replace("\u2029", "\n").split("\n")]


def group_paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs at blank lines; with no blank line, each line is one."""
    while lines and not lines[0]:
        lines = lines[1:]
    if "" not in _trim_trailing_blanks(lines):
        return [line for line in lines if line]
    return split_paragraphs("\n".join(lines))


def split_standfirst(paragraphs: list[str]) -> tuple[str, str, list[str]]:
    """Return (dateline, standfirst, body paragraphs)."""
    for index in (0, 1):
        if index < len(paragraphs) and (match := match_dateline(paragraphs[index])):
            rest = paragraphs[index][match.end() :].strip()
            body = [rest, *paragraphs[index + 1 :]] if rest else paragraphs[index + 1 :]
            standfirst = paragraphs[0] if index == 1 else ""
            return match.group("place"), standfirst, body or [paragraphs[index]]
    if len(paragraphs) == 1 or len(paragraphs[0]) > MAX_STANDFIRST:
        return "", "", paragraphs
    return "", paragraphs[0], paragraphs[1:]


def match_dateline(paragraph: str) -> re.Match | None:
    """Return the dateline opening a paragraph: a place in capitals, or any place with an
    agency's credit in brackets, then a dash."""
    match = _DATELINE.match(paragraph)
    if match is None:
        return None
    place = match.group("place")
    if match.group("agency") or (place.upper() == place and any(c.isalpha() for c in place)):
        return match
    return None


def content_hash(headline: str, standfirst: str, dateline: str, body: list[str]) -> str:
    """Return the SHA-256 of the normalised copy, for spotting the same story twice."""
    text = "\n".join([headline, standfirst, dateline, *body])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _trim_trailing_blanks(lines: list[str]) -> list[str]:
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    return lines[:end]


def _refuse_oversized(size: int) -> None:
    if size > MAX_BYTES:
        raise WireError(
            f"The file is too large ({size / 1024 / 1024:.1f} MB). Wire copy may be at most "
            f"{MAX_BYTES // 1024 // 1024} MB; split it into stories."
        )
