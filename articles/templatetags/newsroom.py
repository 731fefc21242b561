"""Template filters for public pages."""

from django import template

from articles.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(source):
    """Render an article body (Markdown) as sanitized HTML."""
    return render_markdown(source)


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """Return the current URL with only the page number changed (keeps filters in the query)."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()
