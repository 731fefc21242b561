"""Uploads are checked; readers get right-sized WebP/JPEG renditions with no layout shift."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Article
from people.images import validate_image_upload
from tests import factories
from tests.factories import article_form_data, image_upload

pytestmark = pytest.mark.django_db


def test_real_images_are_accepted():
    for image_format in ("JPEG", "PNG", "WEBP"):
        validate_image_upload(image_upload(size=(40, 30), image_format=image_format))


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            SimpleUploadedFile("fake.jpg", b"this is not an image at all", "image/jpeg"),
            "not an image we can read",
        ),
        (image_upload("old.bmp", size=(40, 30), image_format="BMP"), "BMP images are not accepted"),
        (
            SimpleUploadedFile("huge.jpg", b"\xff" * (11 * 1024 * 1024), "image/jpeg"),
            "the limit is 10 MB",
        ),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(upload, message):
    with pytest.raises(ValidationError, match=message):
        validate_image_upload(upload)


def test_absurd_pixel_counts_are_refused():
    buffer = BytesIO()
    Image.new("1", (9000, 6000)).save(buffer, "PNG")
    with pytest.raises(ValidationError, match="the limit is 40 megapixels"):
        validate_image_upload(SimpleUploadedFile("bomb.png", buffer.getvalue(), "image/png"))


def test_admin_refuses_a_fake_image_and_keeps_the_story(client, editor, draft):
    client.force_login(editor)
    data = article_form_data(draft, headline="Kept?", hero_alt="A rocket")
    data["hero_image"] = SimpleUploadedFile("rocket.jpg", b"GIF89a but not really", "image/jpeg")
    response = client.post(reverse("admin:articles_article_change", args=[draft.pk]), data)
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    draft.refresh_from_db()
    assert draft.headline != "Kept?" and not draft.hero_image


@pytest.fixture
def illustrated(section, author, django_capture_on_commit_callbacks):
    article = factories.make_article(status="published", section=section, authors=[author])
    article.hero_image = image_upload("launch.jpg", size=(2000, 1125))
    article.hero_alt = "A rocket leaving the pad at dawn"
    with django_capture_on_commit_callbacks(execute=True):  # renditions are made after commit
        article.save()
    return Article.objects.get(pk=article.pk)


def test_article_page_has_a_responsive_picture(client, illustrated):
    page = client.get(illustrated.get_absolute_url()).content.decode()
    assert '<source type="image/webp" srcset="' in page
    assert "-480.webp 480w" in page and "-1440.webp 1440w" in page
    assert 'width="1440" height="810"' in page
    assert 'alt="A rocket leaving the pad at dawn"' in page
    assert default_storage.exists(
        f"renditions/{illustrated.hero_image.name.rsplit('.', 1)[0]}-960.webp"
    )


def test_small_images_are_never_enlarged(client, section, django_capture_on_commit_callbacks):
    article = factories.make_article(status="published", section=section)
    article.hero_image = image_upload("small.jpg", size=(600, 400))
    article.hero_alt = "Small"
    with django_capture_on_commit_callbacks(execute=True):
        article.save()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "-1440." not in page
    assert 'width="600" height="400"' in page


def test_share_image_is_1200_by_630(client, illustrated):
    page = client.get(illustrated.get_absolute_url()).content.decode()
    assert '<meta property="og:image:width" content="1200">' in page
    assert '<meta property="og:image:height" content="630">' in page
    name = f"renditions/{illustrated.hero_image.name.rsplit('.', 1)[0]}-1200-1200x630.jpg"
    with default_storage.open(name) as stored, Image.open(stored) as image:
        assert image.size == (1200, 630)
