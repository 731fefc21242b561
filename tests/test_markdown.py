"""Article bodies render Markdown, and nothing hostile survives."""

import pytest

from articles.markdown import render_markdown, render_plain_text


@pytest.mark.parametrize(
    "hostile, forbidden",
    [
        ("<script>alert(1)</script>", "<script"),
        ('<img src="x" onerror="alert(1)">', "<img"),
        ("[click](javascript:alert(1))", 'href="javascript'),
        ("[click](JaVaScRiPt:alert(1))", "href="),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<a href="https://ok.example" onclick="steal()">x</a>', "<a "),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "href="),
    ],
)
def test_hostile_markup_is_neutralised(hostile, forbidden):
    html = render_markdown(hostile)
    assert forbidden not in html.lower()


def test_ordinary_markdown_survives():
    html = render_markdown(
        "## Launch\n\n**Bold**, *italic* and [a link](https://example.org).\n\n- one\n- two"
    )
    assert "<h2>Launch</h2>" in html
    assert "<strong>Bold</strong>" in html
    assert "<em>italic</em>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">a link</a>' in html
    assert "<li>one</li>" in html


def test_plain_text_drops_markup():
    assert render_plain_text("**Bold** <b>tag</b>") == "Bold <b>tag</b>"
