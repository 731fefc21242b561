"""Template filters for public pages."""

from django import template

from articles.markdown import render_markdown
from copytext.text import strip_control_characters
from reader.renditions import picture as make_picture

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


@register.inclusion_tag("includes/picture.html")
def picture(image, alt, sizes="100vw", loading="lazy"):
    """Render a responsive <picture> (WebP with JPEG fallback) with explicit dimensions."""
    return {"picture": make_picture(image), "alt": alt, "sizes": sizes, "loading": loading}


@register.filter(name="xml_safe")
def xml_safe(text):
    """Drop characters that would make an XML document invalid."""
    return strip_control_characters(str(text))
