"""Markdown to safe HTML: markdown-it-py renders, nh3 keeps only what readers need.

Raw HTML in the source is never trusted: markdown-it escapes it, and nh3 then removes any
tag, attribute or URL scheme outside the allow-lists below.
"""

import html

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
    "strong", "em", "code", "pre", "a", "table", "thead", "tbody", "tr", "th", "td", "del",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_renderer = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)


def render_markdown(source: str) -> SafeString:
    """Render Markdown to HTML that is safe to put in a page."""
    rendered = _renderer.render(source or "")
    return mark_safe(  # noqa: S308 - nh3 has just sanitized it
        nh3.clean(
            rendered,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=ALLOWED_URL_SCHEMES,
            link_rel="noopener noreferrer",
        )
    )


def render_plain_text(source: str) -> str:
    """Return the text of the Markdown without any markup (for summaries and feeds)."""
    return html.unescape(nh3.clean(_renderer.render(source or ""), tags=set())).strip()
