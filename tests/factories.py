"""Small factories: each makes one valid object, with keyword overrides."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from articles import revisions
from articles.models import Article, Byline, Quote, RelatedPick, Section
from people.models import Organization, Person

_counter = itertools.count(1)


def make_user(username=None, *, groups=(), **fields):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username or f"user{next(_counter)}", password="correct-horse-battery", **fields
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def make_section(**fields):
    number = next(_counter)
    fields.setdefault("name", f"Section {number}")
    fields.setdefault("slug", f"section-{number}")
    return Section.objects.create(**fields)


def make_person(**fields):
    number = next(_counter)
    fields.setdefault("name", f"Person {number}")
    fields.setdefault("slug", f"person-{number}")
    return Person.objects.create(**fields)


def make_organization(**fields):
    number = next(_counter)
    fields.setdefault("name", f"Organization {number}")
    fields.setdefault("slug", f"organization-{number}")
    return Organization.objects.create(**fields)


def make_article(
    *, status="draft", authors=None, tags=(), published_ago=timedelta(hours=1), **fields
):
    """Make an article; `status="published"` publishes it `published_ago` before now.

    Like real copy, it has a byline (a new person unless `authors` is given; `authors=[]` for
    none), so the copy desk has no blocker to raise against it.
    """
    number = next(_counter)
    fields.setdefault("headline", f"Headline number {number}")
    fields.setdefault("slug", f"story-{number}")
    fields.setdefault("standfirst", "A short summary of the story.")
    fields.setdefault("body", "The first paragraph.\n\nThe second paragraph.")
    if status == "published":
        moment = timezone.now() - published_ago
        fields.setdefault("publish_at", moment)
        fields.setdefault("first_published_at", fields["publish_at"])
        fields.setdefault("updated_at", fields["publish_at"])
    article = Article.objects.create(status=status, **fields)
    if authors is None:
        authors = [make_person()]
    for position, person in enumerate(authors):
        Byline.objects.create(article=article, person=person, position=position)
    if tags:
        article.tags.add(*tags)
    creator = fields.get("created_by")
    revisions.record(article, creator, written_by=creator)  # as every real way of creating does
    return article


def make_quote(article, **fields):
    fields.setdefault("text", "We did what we came to do.")
    return Quote.objects.create(article=article, **fields)


def pick_related(article, *targets):
    for position, target in enumerate(targets):
        RelatedPick.objects.create(article=article, target=target, position=position)


def article_form_data(article, **changes):
    """The admin change form as a browser would post it for `article`, with `changes` applied."""
    data = {
        "loaded_version": article.version,
        "headline": article.headline,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "body": article.body,
        "kind": article.kind,
        "section": article.section_id or "",
        "dateline": article.dateline,
        "tags": [tag.pk for tag in article.tags.all()],
    }
    for prefix in ("bylines", "quotes", "picks"):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update(changes)
    return data


def add_form_data(section, **changes):
    """The admin add form as a browser posts it: no version yet, empty inlines."""
    data = {
        "headline": "A new story",
        "slug": "a-new-story",
        "standfirst": "What happened.",
        "body": "First paragraph.",
        "kind": "news",
        "section": section.pk,
        "dateline": "",
    }
    for prefix in ("bylines", "quotes", "picks"):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update(changes)
    return data


def image_upload(name="photo.jpg", *, size=(1600, 900), image_format="JPEG", color="#336699"):
    """Return an uploaded-file object holding a real image."""
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, image_format)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}.get(
        image_format, "application/octet-stream"
    )
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)
