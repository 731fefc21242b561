"""A story as an IPTC ninjs 3.1 item (https://iptc.org/standards/ninjs/).

The mapping, field by field, is the table in docs/API.md. Every item validates against IPTC's
schema (`syndication/schema/ninjs-schema_3.1.json`), which forbids properties it does not
define: what ninjs has no property for (quotes, corrections, related stories, the hero image)
travels as `associations`, each a small ninjs object of its own with a `rel` saying what it is.

Functions here read prefetched data only (`syndication.selectors.with_item_data`) and never
query. Addresses are absolute on `NEWSROOM_SITE_URL`, never the request's host.
"""

import mimetypes
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from articles.links import absolute_url
from articles.markdown import render_markdown, render_plain_text
from articles.models import Article
from reader import renditions

SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
STANDARD = {"name": "ninjs", "version": "3.1", "schema": SCHEMA_URI}
GENRE_CODES = "http://cv.iptc.org/newscodes/genre/"
# Our kinds that have an exact IPTC genre; the others go out by name only.
IPTC_GENRES = {
    Article.Kind.ANALYSIS: "Analysis",
    Article.Kind.FEATURE: "Feature",
    Article.Kind.INTERVIEW: "Interview",
    Article.Kind.OBITUARY: "Obituary",
    Article.Kind.OPINION: "Opinion",
    Article.Kind.REVIEW: "Review",
}
IMAGE_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


def embargoed_until(article: Article) -> datetime | None:
    """Return the time before which `article` must not be published by partners, or None.

    This is the one place an embargo enters an item; who may see embargoed stories at all is
    `syndication.access.visible_articles`.
    """
    return article.embargo_until if article.is_embargoed else None


def timestamp(moment: datetime | None) -> str | None:
    """Return `moment` in RFC 3339 (UTC, to the microsecond: a `since` poll needs it all)."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def item(article: Article, *, related: dict[int, Article], related_ids: list[int]) -> dict:
    """Return the public story `article` as a full ninjs item; `related` holds the related
    stories the caller may see, by id, `related_ids` their stored order."""
    uri = story_uri(article)
    fields = {
        "uri": uri,
        "type": "text",
        "representationType": "full",
        "standard": STANDARD,
        "version": str(article.version),
        "firstCreated": timestamp(article.first_published_at or article.publish_at),
        "versionCreated": timestamp(article.version_time),
        "contentCreated": timestamp(article.created_at),
        "embargoedUntil": timestamp(embargoed_until(article)),
        "pubStatus": "usable",
        "language": settings.LANGUAGE_CODE,
        "altIds": alt_ids(article),
        "headlines": [{"role": "main", "contentType": "text/plain", "value": article.headline}],
        "descriptions": _text("summary", article.standfirst),
        "bodies": [body(article)],
        "by": byline(article.authors),
        "located": article.dateline or None,
        "people": people(article),
        "organisations": [
            entity(organization, "mentioned")
            for organization in article.organizations_mentioned.all()
        ],
        "subjects": subjects(article),
        "genres": [genre(article)],
        "associations": [
            *feature_image(article),
            *[
                related_story(related[pk], n)
                for n, pk in enumerate(related_ids, 1)
                if pk in related
            ],
            *[quote(article, q, n) for n, q in enumerate(article.quotes.all(), 1)],
            *[correction(article, c, n) for n, c in enumerate(article.corrections.all(), 1)],
        ],
    }
    return _without_empty(fields)


def canceled_item(article: Article) -> dict:
    """Return a withdrawn story as a partial ninjs item saying it is canceled: who held it
    must take it down. Nothing of its content goes out again."""
    return {
        "uri": story_uri(article),
        "type": "text",
        "representationType": "partial",
        "standard": STANDARD,
        "version": str(article.version),
        "firstCreated": timestamp(article.first_published_at or article.publish_at),
        "versionCreated": timestamp(article.unpublished_at),
        "pubStatus": "canceled",
        "altIds": alt_ids(article),
    }


def story_uri(article: Article) -> str:
    return absolute_url(article.get_absolute_url())


def api_url(article_id: int) -> str:
    return absolute_url(reverse("syndication:article", kwargs={"article_id": article_id}))


def alt_ids(article: Article) -> list[dict]:
    """The story's id in this API (its `uri` follows the slug; the id never changes)."""
    return [{"role": "id", "value": str(article.pk)}, {"role": "api", "value": api_url(article.pk)}]


def body(article: Article) -> dict:
    """The body as sanitised HTML, counted in characters and words of its text."""
    text = render_plain_text(article.body)
    return {
        "role": "main",
        "contentType": "text/html",
        "value": str(render_markdown(article.body)),
        "charCount": len(text),
        "wordCount": len(text.split()),
    }


def byline(authors: list) -> str | None:
    """ "Ana", "Ana and Ben", "Ana, Ben and Cy"."""
    names = [person.name for person in authors]
    if len(names) <= 1:
        return names[0] if names else None
    return f"{', '.join(names[:-1])} and {names[-1]}"


def entity(person_or_organization, rel: str) -> dict:
    """A person or organization: name, public page and slug (`literal`, the key of
    `/api/v1/people/<slug>/` or `/api/v1/organisations/<slug>/`)."""
    return {
        "name": person_or_organization.name,
        "rel": rel,
        "uri": absolute_url(person_or_organization.get_absolute_url()),
        "literal": person_or_organization.slug,
    }


def people(article: Article) -> list[dict]:
    return [entity(person, "author") for person in article.authors] + [
        entity(person, "mentioned") for person in article.people_mentioned.all()
    ]


def subjects(article: Article) -> list[dict]:
    """The section (rel `section`) then the tags by name (rel `tag`), each with its page."""
    found = []
    if article.section is not None:
        found.append(_concept(article.section, "section", article.section.get_absolute_url()))
    for tag in sorted(article.tags.all(), key=lambda tag: (tag.name.lower(), tag.pk)):
        found.append(_concept(tag, "tag", tag_path(tag.slug)))
    return found


def tag_path(slug: str) -> str:
    """The tag's public page; for a slug the public site cannot route (taggit keeps letters
    of any script, the tag pages take ASCII), its stories in this API."""
    try:
        return reverse("articles:tag", kwargs={"slug": slug})
    except NoReverseMatch:
        return f"{reverse('syndication:articles')}?{urlencode({'tag': slug})}"


def _concept(concept, rel: str, path: str) -> dict:
    return {"name": concept.name, "rel": rel, "uri": absolute_url(path), "literal": concept.slug}


def genre(article: Article) -> dict:
    found = {"name": article.get_kind_display(), "literal": article.kind}
    if article.kind in IPTC_GENRES:
        found["uri"] = f"{GENRE_CODES}{IPTC_GENRES[article.kind]}"
    return found


def feature_image(article: Article) -> list[dict]:
    """The hero image, with its alt text and caption, credit and stored renditions (none
    while it has no readable file)."""
    if not article.hero_image or not article.hero_width:
        return []
    sizes = []
    for width in renditions.WIDTHS:
        for extension in renditions.FORMATS:
            made = renditions.rendition(article.hero_image, width, extension=extension)
            if made is not None and absolute_url(made.url) not in {s["href"] for s in sizes}:
                sizes.append(_rendition(made))
    found = {
        "name": "featureimage",
        "rel": "featureimage",
        "uri": absolute_url(article.hero_image.url),
        "type": "picture",
        "descriptions": _text("alt", article.hero_alt) + _text("caption", article.hero_caption),
        "by": article.hero_credit or None,
        "renditions": sizes,
    }
    return [_without_empty(found)]


def _rendition(made) -> dict:
    href = absolute_url(made.url)
    extension = href.rsplit(".", 1)[-1].lower()
    content_type = IMAGE_TYPES.get(extension) or mimetypes.guess_type(href)[0] or "image"
    return {
        "name": f"{made.width}w-{extension}",
        "href": href,
        "contentType": content_type,
        "width": made.width,
        "height": made.height,
    }


def related_story(story: Article, number: int) -> dict:
    return {
        "name": f"related-{number}",
        "rel": "related",
        "uri": story_uri(story),
        "type": "text",
        "firstCreated": timestamp(story.first_published_at or story.publish_at),
        "headlines": [{"role": "main", "contentType": "text/plain", "value": story.headline}],
        "altIds": alt_ids(story),
    }


def quote(article: Article, said, number: int) -> dict:
    """A quote: its words, who said it (a person or an organization, rel `speaker`), how and
    where. A pull quote has rel `pullquote`."""
    speaker = said.speaker
    found = {
        "name": f"quote-{number}",
        "rel": "pullquote" if said.is_pull_quote else "quote",
        "uri": f"{story_uri(article)}#quote-{said.pk}",
        "type": "text",
        "bodies": [{"role": "quote", "contentType": "text/plain", "value": said.text}],
        "by": speaker.name if speaker else None,
        "descriptions": _text("how", said.how) + _text("where", said.where),
    }
    if speaker is not None:
        key = "people" if speaker.kind_name == "person" else "organisations"
        found[key] = [entity(speaker, "speaker")]
    return _without_empty(found)


def correction(article: Article, note, number: int) -> dict:
    """A public correction (or clarification, update, editor's note) with when it was made."""
    return {
        "name": f"correction-{number}",
        "rel": "correction",
        "uri": f"{story_uri(article)}#correction-{note.pk}",
        "type": "text",
        "versionCreated": timestamp(note.created_at),
        "genres": [{"name": note.get_kind_display(), "literal": note.kind}],
        "bodies": [{"role": note.kind, "contentType": "text/plain", "value": note.text}],
    }


def _text(role: str, value: str) -> list[dict]:
    return [{"role": role, "contentType": "text/plain", "value": value}] if value else []


def _without_empty(fields: dict) -> dict:
    """Leave out what a story does not have: ninjs has no nulls, and empty lists say nothing."""
    return {key: value for key, value in fields.items() if value not in (None, [], "")}
