"""Public pages. Views stay thin: selectors fetch, templates show."""

from datetime import date

from django.db import connection
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import http_date

from articles import addresses, previews
from articles.models import Section
from people import addresses as people_addresses
from reader import cache, pages, related, search, selectors, structured_data
from reader.cache import cache_public_page, read_only
from reader.filters import ArticleSearchFilter


@cache_public_page
def front_page(request):
    lead, blocks = selectors.front_page()
    cards = pages.cards_for([lead, *(pk for block in blocks for pk in block.ids)] if lead else [])
    response = render(
        request,
        "articles/front_page.html",
        {
            "lead": cards.get(lead),
            "section_blocks": [
                (block.section, [cards[pk] for pk in block.ids if pk in cards]) for block in blocks
            ],
        },
    )
    cache.add_keys(response, "front")
    return response


@cache_public_page
def article_detail(request, year, month, day, slug):
    article = selectors.article_to_read(year=int(year), month=int(month), day=int(day), slug=slug)
    if article is None:
        withdrawn = selectors.withdrawn_article(
            year=int(year), month=int(month), day=int(day), slug=slug
        )
        if withdrawn is not None:
            return render(request, "410.html", status=410)
        return moved_story(request, year, month, day, slug)
    page = pages.current(article)
    shown = selectors.cards_by_id(page.related_ids + page.more_from_ids)
    related_stories = [shown[pk] for pk in page.related_ids if pk in shown]
    more = [shown[pk] for pk in page.more_from_ids if pk in shown]
    response = render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "page": page,
            "related": related_stories,
            "more_from_author": more,
            "more_from_name": page.first_author_name,
        },
    )
    # The page shows this story and links to these: a change to any of them purges it.
    shown = [article, *related_stories, *more]
    cache.add_keys(response, *(pages.article_key(story.pk) for story in shown))
    _last_modified(response, article)
    return response


def moved_story(request, year, month, day, slug):
    """Answer a story's former address: 301 to where it is now, 410 when it is withdrawn, and
    for a story readers cannot see (or an address no story had), the plain 404."""
    try:
        on = date(int(year), int(month), int(day))
    except ValueError:
        raise Http404("No such article.") from None
    article = addresses.story_at_former_address(on=on, slug=slug)
    if article is not None and article.is_public:
        return public_redirect(article.get_absolute_url(), pages.article_key(article.pk))
    if article is not None and article.unpublished_at is not None:
        return render(request, "410.html", status=410)
    raise Http404("No such article.")


def public_redirect(url: str, key: str) -> HttpResponse:
    """A 301 to where a story or page moved, under the key of what it leads to: cached like a
    public page (`cache_public_page`), and purged by the next change of that story or page."""
    response = HttpResponsePermanentRedirect(url)
    cache.add_keys(response, key)
    return response


def render_preview(request, article):
    """Render any article, in whatever state, as a preview (`NEWSROOM_PREVIEW_RENDERER`: the
    admin's preview button calls this without importing the public site). Never cached or
    indexed, and built from the story as it stands, not from its stored page."""
    article = selectors.article_for_preview(article.pk)
    context = pages.page_context(article, preview=True)
    authors = context["authors"]
    context |= {
        "related": related.rank_related(article),
        "more_from_author": related.more_from_author(article),
        "more_from_name": authors[0].name if authors else "",
    }
    response = render(request, "articles/article_detail.html", context)
    _last_modified(response, article)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _last_modified(response, article) -> None:
    if article.updated_at or article.publish_at:
        response["Last-Modified"] = http_date(
            (article.updated_at or article.publish_at).timestamp()
        )


@read_only
def share_preview(request, token):
    """Show an unpublished story to someone holding a valid share link; else a plain 404."""
    article = previews.article_for_token(token)
    if article is None:
        raise Http404("No such page.")
    return render_preview(request, article)


@cache_public_page
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = selectors.paginate(selectors.articles_in_section(section), request.GET.get("page"))
    response = render(
        request, "articles/section_detail.html", {"section": section, "page_obj": page}
    )
    cache.add_keys(response, f"section-{section.pk}")
    return response


@cache_public_page
def tag_detail(request, slug):
    tag = selectors.public_tag(slug)
    if tag is None:
        raise Http404("No public story carries this tag.")
    page = selectors.paginate(selectors.articles_tagged(tag), request.GET.get("page"))
    response = render(request, "articles/tag_detail.html", {"tag": tag, "page_obj": page})
    cache.add_keys(response, f"tag-{tag.pk}")
    return response


@cache_public_page
def search_page(request):
    """Full-text search with filters; bad input gets the form back with its errors (400)."""
    filterset = ArticleSearchFilter(request.GET or None, queryset=selectors.public_articles())
    valid = filterset.is_bound and filterset.is_valid()
    results = filterset.qs if valid else selectors.public_articles().none()
    page = selectors.window(results, request.GET.get("page"))
    query = filterset.form.cleaned_data.get("q", "") if valid else ""
    hits = (
        [(article, search.snippet(article, query)) for article in page]
        if query
        else [(a, "") for a in page]
    )
    status = 400 if filterset.is_bound and not valid else 200
    response = render(
        request,
        "articles/search.html",
        {"filterset": filterset, "page_obj": page, "hits": hits, "query": query, "searched": valid},
        status=status,
    )
    cache.add_keys(response, "search")
    return response


@cache_public_page
def corrections(request):
    page = selectors.paginate(selectors.public_corrections(), request.GET.get("page"))
    response = render(request, "articles/corrections.html", {"page_obj": page})
    cache.add_keys(response, "corrections")
    return response


@cache_public_page
def entity_detail(request, slug):
    entity = selectors.public_entity(slug)
    if entity is None:
        return moved_entity(request, slug)
    is_organization = entity.kind_name == "organization"
    page = selectors.paginate(selectors.articles_about(entity), request.GET.get("page"))
    response = render(
        request,
        "people/entity_detail.html",
        {
            "entity": entity,
            "is_organization": is_organization,
            "stories_by": list(selectors.articles_by(entity)[:10]),
            "page_obj": page,
            "quotes": selectors.quotes_by(entity),
            "structured_data": structured_data.entity(entity, is_organization=is_organization),
        },
    )
    cache.add_keys(response, f"entity-{entity.pk}")
    return response


def moved_entity(request, slug):
    """Answer a person's or organization's former address: 301 to their page while it is
    public, else the plain 404."""
    entity = people_addresses.entity_at_former_address(slug)
    if entity is None or not selectors.has_public_presence(entity):
        raise Http404("No such person or organization.")
    return public_redirect(entity.get_absolute_url(), f"entity-{entity.pk}")


@read_only
def healthz(request):
    """Answer 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "unhealthy", never a 500
        return JsonResponse({"status": "unavailable"}, status=503)
    return HttpResponse("ok", content_type="text/plain")
