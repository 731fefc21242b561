"""RSS 2.0 and Atom feeds: latest stories, per section, tag, person or organization, corrections.

Every feed shows public stories only (`Article.objects.published()`), at most `FEED_SIZE`
items, in a fixed number of queries. Links are absolute from `NEWSROOM_SITE_URL`, whatever
host the request came to. Each item's guid is built from the story's id, so it survives a
change of slug or a withdrawal and return. Because items have publication dates, Django's
`Feed` sends a `Last-Modified` header with the newest item's date.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag

from articles.links import absolute_url
from articles.models import Article, Correction, Section
from copytext.text import strip_control_characters
from reader import selectors

FEED_SIZE = 30
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


def xml_safe(value):
    """Return `value` (a string, or lists and dicts of them) without XML-invalid characters."""
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(item) for item in value)
    return value


class ControlCharacterSafe:
    """A feed generator that drops control characters instead of failing on them."""

    def write(self, outfile, encoding):
        self.feed = xml_safe(self.feed)
        self.items = xml_safe(self.items)
        super().write(outfile, encoding)


class NewsroomRss(ControlCharacterSafe, Rss201rev2Feed):
    """RSS 2.0 naming every author of a story, one `<dc:creator>` each."""

    def rss_attributes(self) -> dict:
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        for name in item.get("author_names", ()):
            handler.addQuickElement("dc:creator", name)


class NewsroomAtom(ControlCharacterSafe, Atom1Feed):
    """Atom naming every author of a story, one `<author>` each."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        for name in item.get("author_names", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")


class NewsroomFeed(Feed):
    """What every feed shares: the format, the publication's name and absolute URLs."""

    def __init__(self, *, feed_type: type = NewsroomRss):
        self.feed_type = feed_type

    def get_feed(self, obj, request):
        """Build the feed, pointing its self link at the public site rather than the request host."""
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = absolute_url(request.path)
        feed.feed["id"] = feed.feed["feed_url"]
        return feed

    def author_name(self) -> str:
        return settings.NEWSROOM_PUBLICATION_NAME

    def subtitle(self, obj) -> str:
        return self._get_dynamic_attr("description", obj)


class StoryFeed(NewsroomFeed):
    """A feed of public stories; subclasses say which (`stories`) and what the feed is called."""

    def stories(self, obj) -> QuerySet:
        return selectors.public_articles()

    def items(self, obj) -> QuerySet:
        return self.stories(obj).prefetch_related("tags")[:FEED_SIZE]

    def item_title(self, article: Article) -> str:
        return article.headline

    def item_description(self, article: Article) -> str:
        # Readers treat descriptions as HTML; the standfirst is plain text.
        return escape(article.standfirst)

    def item_link(self, article: Article) -> str:
        return absolute_url(article.get_absolute_url())

    def item_guid(self, article: Article) -> str:
        return absolute_url(f"/articles/{article.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, article: Article):
        return article.first_published_at or article.publish_at

    def item_updateddate(self, article: Article):
        published = self.item_pubdate(article)
        return max(article.updated_at or published, published)

    def item_categories(self, article: Article) -> list[str]:
        return [tag.name for tag in article.tags.all()]

    def item_extra_kwargs(self, article: Article) -> dict:
        return {"author_names": [author.name for author in article.authors]}


class LatestStoriesFeed(StoryFeed):
    def title(self) -> str:
        return settings.NEWSROOM_PUBLICATION_NAME

    def link(self) -> str:
        return absolute_url(reverse("articles:front_page"))

    def description(self) -> str:
        return f"The latest stories from {settings.NEWSROOM_PUBLICATION_NAME}."


class SectionFeed(StoryFeed):
    def get_object(self, request, slug: str) -> Section:
        return get_object_or_404(Section, slug=slug)

    def stories(self, section: Section) -> QuerySet:
        return selectors.articles_in_section(section)

    def title(self, section: Section) -> str:
        return f"{settings.NEWSROOM_PUBLICATION_NAME}: {section.name}"

    def link(self, section: Section) -> str:
        return absolute_url(section.get_absolute_url())

    def description(self, section: Section) -> str:
        return section.description or f"The latest stories in {section.name}."


class TagFeed(StoryFeed):
    def get_object(self, request, slug: str) -> Tag:
        tag = selectors.public_tag(slug)
        if tag is None:
            raise Http404("No public story carries this tag.")
        return tag

    def stories(self, tag: Tag) -> QuerySet:
        return selectors.articles_tagged(tag)

    def title(self, tag: Tag) -> str:
        return f"{settings.NEWSROOM_PUBLICATION_NAME}: {tag.name}"

    def link(self, tag: Tag) -> str:
        return absolute_url(reverse("articles:tag", kwargs={"slug": tag.slug}))

    def description(self, tag: Tag) -> str:
        return f"The latest stories tagged {tag.name}."


class EntityFeed(StoryFeed):
    """Stories by a person (their byline) or about them; for an organization, about it."""

    def get_object(self, request, slug: str):
        entity = selectors.public_entity(slug)
        if entity is None:
            raise Http404("No such person or organization.")
        return entity

    def stories(self, entity) -> QuerySet:
        return selectors.articles_by_or_about(entity)

    def title(self, entity) -> str:
        return f"{settings.NEWSROOM_PUBLICATION_NAME}: {entity.name}"

    def link(self, entity) -> str:
        return absolute_url(entity.get_absolute_url())

    def description(self, entity) -> str:
        return f"The latest stories by or about {entity.name}."


class CorrectionsFeed(NewsroomFeed):
    """Every correction, clarification, update or editor's note on a public story."""

    def items(self) -> QuerySet:
        return selectors.public_corrections()[:FEED_SIZE]

    def title(self) -> str:
        return f"{settings.NEWSROOM_PUBLICATION_NAME}: corrections"

    def link(self) -> str:
        return absolute_url(reverse("articles:corrections"))

    def description(self) -> str:
        return (
            f"Corrections and updates to stories published by {settings.NEWSROOM_PUBLICATION_NAME}."
        )

    def item_title(self, correction: Correction) -> str:
        return f"{correction.get_kind_display()}: {correction.article.headline}"

    def item_description(self, correction: Correction) -> str:
        return escape(correction.text)

    def item_link(self, correction: Correction) -> str:
        return absolute_url(f"{correction.article.get_absolute_url()}#corrections")

    def item_guid(self, correction: Correction) -> str:
        return absolute_url(f"/corrections/{correction.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, correction: Correction):
        return correction.created_at
