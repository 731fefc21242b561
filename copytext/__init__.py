"""Plain-Python analysis of news copy: paragraphs, sentences, quotes, names and attribution.

No Django here (an import-linter contract says so): the copy desk, the wire import and the
benchmarks all use it, and it can be tested on strings alone.

    from copytext import parse_wire, extract_quotes, detect_mentions, KnownEntities
"""

from copytext.cast import detect_mentions
from copytext.entities import KnownEntities
from copytext.names import Mentions, Suggestion
from copytext.parsing import ParsedWire, WireError, parse_wire
from copytext.quotes import ExtractedQuote, extract_quotes

__all__ = [
    "ExtractedQuote",
    "KnownEntities",
    "Mentions",
    "ParsedWire",
    "Suggestion",
    "WireError",
    "detect_mentions",
    "extract_quotes",
    "parse_wire",
]
