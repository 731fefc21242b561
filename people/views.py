"""Public pages for people and organizations."""

from django.http import Http404
from django.shortcuts import render

from articles import selectors as article_selectors
from articles import structured_data
from articles.cache import cache_public_page
from people.selectors import entity_by_slug


@cache_public_page
def entity_detail(request, slug):
    entity = entity_by_slug(slug)
    if entity is None:
        raise Http404("No such person or organization.")
    if not article_selectors.has_public_presence(entity):
        raise Http404("No such person or organization.")  # named only in unpublished copy so far
    is_organization = entity._meta.model_name == "organization"
    page = article_selectors.paginate(
        article_selectors.articles_about(entity), request.GET.get("page")
    )
    return render(
        request,
        "people/entity_detail.html",
        {
            "entity": entity,
            "is_organization": is_organization,
            "stories_by": list(article_selectors.articles_by(entity)[:10]),
            "page_obj": page,
            "quotes": article_selectors.quotes_by(entity),
            "structured_data": structured_data.entity(entity, is_organization=is_organization),
        },
    )
