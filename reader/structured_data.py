"""schema.org JSON-LD for public pages (what search engines and aggregators read)."""

import json

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from articles.links import absolute_url
from articles.markdown import render_plain_text
from reader.renditions import structured_data_images

KIND_TYPES = {
    "analysis": "AnalysisNewsArticle",
    "opinion": "OpinionNewsArticle",
    "reportage": "ReportageNewsArticle",
    "explainer": "BackgroundNewsArticle",
    "review": "ReviewNewsArticle",
}


def as_script(data: dict) -> SafeString:
    """Serialise JSON-LD so that it cannot close its <script> element."""
    text = json.dumps(data, ensure_ascii=False, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - every markup character is escaped above


def news_article(article) -> SafeString:
    """Return the article's NewsArticle JSON-LD (uses the prefetched byline, tags, corrections)."""
    published = article.first_published_at or article.publish_at
    modified = max(filter(None, [article.updated_at, published]), default=published)
    data = {
        "@context": "https://schema.org",
        "@type": KIND_TYPES.get(article.kind, "NewsArticle"),
        "headline": article.headline,
        "description": article.standfirst or render_plain_text(article.body)[:300],
        "datePublished": timezone.localtime(published).isoformat() if published else None,
        "dateModified": timezone.localtime(modified).isoformat() if modified else None,
        "author": [
            {"@type": "Person", "name": person.name, "url": absolute_url(person.get_absolute_url())}
            | ({"jobTitle": person.role} if person.role else {})
            | ({"honorificPrefix": person.honorific} if person.honorific else {})
            for person in article.authors
        ],
        "publisher": {
            "@type": "Organization",
            "name": settings.NEWSROOM_PUBLICATION_NAME,
            "logo": {"@type": "ImageObject", "url": absolute_url(settings.NEWSROOM_LOGO_PATH)},
        },
        "mainEntityOfPage": {"@type": "WebPage", "@id": absolute_url(article.get_absolute_url())},
        "url": absolute_url(article.get_absolute_url()),
        "keywords": [tag.name for tag in article.tags.all()],
        "image": [absolute_url(url) for url in structured_data_images(article.hero_image)] or None,
        "isAccessibleForFree": True,
    }
    if article.section:
        data["articleSection"] = article.section.name
    if article.dateline:
        data["dateline"] = article.dateline
    corrections = list(article.corrections.all())
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": timezone.localtime(correction.created_at).isoformat(),
            }
            for correction in corrections
        ]
    return as_script({key: value for key, value in data.items() if value is not None})


def entity(entity, *, is_organization: bool) -> SafeString:
    """Return Person or Organization JSON-LD for a people page."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization" if is_organization else "Person",
        "name": entity.name,
        "url": absolute_url(entity.get_absolute_url()),
    }
    if entity.aliases:
        data["alternateName"] = entity.aliases
    if is_organization:
        if entity.description:
            data["description"] = entity.description
    else:
        if entity.bio:
            data["description"] = entity.bio
        if entity.role:
            data["jobTitle"] = entity.role
        if entity.honorific:
            data["honorificPrefix"] = entity.honorific
        if entity.photo and entity.photo_width:
            data["image"] = absolute_url(structured_data_images(entity.photo)[-1])
    return as_script(data)
