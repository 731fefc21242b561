"""The content model's rules hold in the database, not just in forms."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Quote, RelatedPick
from people.models import Organization
from tests import factories

pytestmark = pytest.mark.django_db


def test_published_article_needs_a_publish_time():
    """The database refuses a published article with no publish time."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(headline="No time", slug="no-time", status="published")


def test_unknown_status_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(headline="Odd", slug="odd", status="live")


def test_slugs_are_unique():
    factories.make_article(slug="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_article(slug="same")


def test_quote_cannot_have_two_speakers():
    """A quote is said by a person or an organization, never both."""
    article = factories.make_article()
    person, organization = factories.make_person(), factories.make_organization()
    quote = Quote(
        article=article, text="Hello", speaker_person=person, speaker_organization=organization
    )
    with pytest.raises(ValidationError, match="not both"):
        quote.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        quote.save()


def test_quote_without_speaker_is_unattributed():
    quote = factories.make_quote(factories.make_article())
    assert quote.speaker is None
    assert not quote.is_attributed
    assert "unattributed" in str(quote)


def test_quote_speaker_is_person_or_organization():
    article = factories.make_article()
    nasa = factories.make_organization(name="NASA", slug="nasa")
    assert factories.make_quote(article, speaker_organization=nasa).speaker == nasa


def test_hero_image_requires_alt_text():
    article = factories.make_article()
    article.hero_image = factories.image_upload()
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "hero_alt" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()


def test_story_cannot_be_related_to_itself():
    article = factories.make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedPick.objects.create(article=article, target=article)


def test_tags_are_case_insensitive():
    """ "NASA" and "nasa" are one tag."""
    first, second = factories.make_article(), factories.make_article()
    first.tags.add("NASA")
    second.tags.add("nasa")
    assert first.tags.get() == second.tags.get()


def test_byline_keeps_its_order():
    first, second = factories.make_person(name="Zed"), factories.make_person(name="Amy")
    article = factories.make_article(authors=[first, second])
    assert [person.name for person in article.authors] == ["Zed", "Amy"]


class TestPublished:
    def test_excludes_every_non_public_state(self):
        """Drafts, stories in review and scheduled stories are not public."""
        live = factories.make_article(status="published")
        factories.make_article(status="draft")
        factories.make_article(status="in_review")
        factories.make_article(status="published", publish_at=timezone.now() + timedelta(hours=2))
        assert list(Article.objects.published()) == [live]

    def test_scheduled_story_becomes_public_at_its_time(self):
        soon = timezone.now() + timedelta(hours=2)
        article = factories.make_article(status="published", publish_at=soon)
        assert article not in Article.objects.published()
        assert article in Article.objects.scheduled()
        assert article in Article.objects.published(at=soon + timedelta(seconds=1))


def test_person_and_organization_cannot_share_a_slug():
    """People and organizations share /people/<slug>/, so their slugs must differ."""
    factories.make_person(name="Mercury", slug="mercury")
    organization = Organization(name="Mercury", slug="mercury")
    with pytest.raises(ValidationError) as error:
        organization.full_clean()
    assert error.value.error_dict["slug"][0].code == "slug_taken"


def test_person_photo_needs_alt_text():
    person = factories.make_person()
    person.photo = factories.image_upload()
    with pytest.raises(ValidationError):
        person.full_clean()
