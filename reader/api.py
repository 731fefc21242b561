"""Read-only JSON API in IPTC ninjs form (`/api/v1/articles/`), published stories only."""

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone

from articles.links import absolute_url
from articles.markdown import render_markdown
from reader import selectors
from reader.cache import cache_public_page
from reader.filters import ArticleSearchFilter
from reader.renditions import rendition

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def iso(moment) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def ninjs(article, *, with_body: bool) -> dict:
    """Return the article as a ninjs 1.x document (uses prefetched byline, tags and people)."""
    authors = article.authors
    item = {
        "uri": absolute_url(article.get_absolute_url()),
        "type": "text",
        "version": str(article.version),
        "firstcreated": iso(article.first_published_at or article.publish_at),
        "versioncreated": iso(max(filter(None, [article.updated_at, article.publish_at]))),
        "pubstatus": "usable",
        "language": settings.LANGUAGE_CODE.split("-")[0],
        "headline": article.headline,
        "description_text": article.standfirst,
        "byline": " and ".join(person.name for person in authors),
        "located": article.dateline,
        "genre": [{"code": article.kind, "name": article.get_kind_display()}],
        "subject": [
            {"code": tag.slug, "name": tag.name, "scheme": "tag"} for tag in article.tags.all()
        ]
        + (
            [{"code": article.section.slug, "name": article.section.name, "scheme": "section"}]
            if article.section
            else []
        ),
        "person": [
            {"name": p.name, "rel": "author", "uri": absolute_url(p.get_absolute_url())}
            for p in authors
        ]
        + [
            {"name": p.name, "rel": "mentioned", "uri": absolute_url(p.get_absolute_url())}
            for p in article.people_mentioned.all()
        ],
        "organisation": [
            {"name": o.name, "rel": "mentioned", "uri": absolute_url(o.get_absolute_url())}
            for o in article.organizations_mentioned.all()
        ],
    }
    if with_body:
        item["body_html"] = str(render_markdown(article.body))
        if article.hero_image and article.hero_width:
            image = rendition(article.hero_image, 1440, extension="jpg")
            item["associations"] = {
                "featureimage": {
                    "type": "picture",
                    "uri": absolute_url(image.url),
                    "description_text": article.hero_alt,
                    "headline": article.hero_caption,
                    "byline": article.hero_credit,
                    "renditions": {
                        "original": {
                            "href": absolute_url(image.url),
                            "width": image.width,
                            "height": image.height,
                            "mimetype": "image/jpeg",
                        }
                    },
                }
            }
    return item


def error(status: int, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


def page_size_from(value) -> int | None:
    if value in (None, ""):
        return DEFAULT_PAGE_SIZE
    if not (value.isascii() and value.isdigit()):
        return None
    size = int(value)
    return size if 1 <= size <= MAX_PAGE_SIZE else None


@cache_public_page(keys=["api"])
def article_list(request):
    """List published stories, newest first (best first with `q`), filtered like /search/."""
    size = page_size_from(request.GET.get("page_size"))
    if size is None:
        return error(400, f"page_size must be a whole number from 1 to {MAX_PAGE_SIZE}.")
    filters = {key: value for key, value in request.GET.items() if key not in {"page", "page_size"}}
    filterset = ArticleSearchFilter(filters, queryset=selectors.public_articles())
    if not filterset.is_valid():
        return error(400, "Some filters are not valid.", fields=filterset.errors.get_json_data())
    queryset = filterset.qs.prefetch_related("tags", "people_mentioned", "organizations_mentioned")
    page = selectors.paginate(queryset, request.GET.get("page"), per_page=size)
    query = request.GET.copy()

    def link(number):
        # From NEWSROOM_SITE_URL, never the request's Host: the response is cached for everyone.
        query["page"] = number
        return absolute_url(f"{request.path}?{query.urlencode()}")

    return JsonResponse(
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            "results": [ninjs(article, with_body=False) | {"id": article.pk} for article in page],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@cache_public_page(keys=["api"])
def article_detail(request, pk):
    """Return one published story with its body, or a 404 exactly like a missing one."""
    article = (
        selectors.public_articles()
        .prefetch_related("tags", "people_mentioned", "organizations_mentioned")
        .filter(pk=pk)
        .first()
    )
    if article is None:
        return error(404, "No published article has this id.")
    return JsonResponse(
        ninjs(article, with_body=True) | {"id": article.pk},
        json_dumps_params={"ensure_ascii": False},
    )
