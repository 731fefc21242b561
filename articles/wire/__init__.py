"""Wire copy: parse plain text, find quotes and names, and import it as a draft article.

from articles.wire import import_wire, parse_wire, extract_quotes, KnownEntities
"""

from articles.wire.entities import KnownEntities
from articles.wire.names import Mentions, Suggestion, detect_mentions
from articles.wire.parsing import ParsedWire, WireError, parse_wire
from articles.wire.quotes import ExtractedQuote, extract_quotes
from articles.wire.service import ImportResult, import_wire

__all__ = [
    "ExtractedQuote",
    "ImportResult",
    "KnownEntities",
    "Mentions",
    "ParsedWire",
    "Suggestion",
    "WireError",
    "detect_mentions",
    "extract_quotes",
    "import_wire",
    "parse_wire",
]
