"""Renditions are made once, in the background, right after an upload; readers never wait."""

import json
import logging
import threading
from datetime import timedelta
from io import BytesIO

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks import task_backends
from PIL import Image

from articles import workflow
from articles.models import Article, UpdateProposal
from reader import image_tasks, renditions
from tests import factories
from tests.factories import article_form_data, image_upload

pytestmark = pytest.mark.django_db

EVERY_RENDITION = 10  # 3 widths × WebP and JPEG, the social card, 3 crops for search engines


def rendition_files() -> list[str]:
    """Every file under renditions/, manifests included, relative to MEDIA_ROOT."""
    folder = settings.MEDIA_ROOT / "renditions"
    if not folder.exists():
        return []
    return sorted(
        str(path.relative_to(settings.MEDIA_ROOT)) for path in folder.rglob("*") if path.is_file()
    )


@pytest.fixture
def decodes(monkeypatch):
    """Count how many times an original is decoded."""
    calls = []
    decode = renditions._decode_once

    def counting(*args, **kwargs):
        calls.append(args[0].size)
        return decode(*args, **kwargs)

    monkeypatch.setattr(renditions, "_decode_once", counting)
    return calls


@pytest.fixture
def story_without_renditions(section):
    """A live story whose hero image was stored but whose renditions task has not run yet."""
    article = factories.make_article(status="published", section=section)
    article.hero_image = image_upload("launch.jpg", size=(1600, 900))
    article.hero_alt = "A rocket leaving the pad"
    article.save()  # its on-commit task never runs: the test's transaction never commits
    return Article.objects.get(pk=article.pk)


def test_an_upload_in_the_admin_makes_every_rendition_once_after_commit(
    client, editor, draft, decodes, django_capture_on_commit_callbacks
):
    """An editor uploads a hero image; its ten renditions appear once the save commits."""
    client.force_login(editor)
    data = article_form_data(draft, hero_alt="A rocket", hero_image=image_upload("rocket.jpg"))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("admin:articles_article_change", args=[draft.pk]), data)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert rendition_files() == []  # nothing is resized in the editor's request either
    assert callbacks
    draft.refresh_from_db()
    stem = draft.hero_image.name.rsplit(".", 1)[0]
    assert rendition_files() == sorted(
        [
            f"renditions/{stem}-{width}.{ext}"
            for width in (480, 960, 1440)
            for ext in ("webp", "jpg")
        ]
        + [f"renditions/{stem}-1200-{shape}.jpg" for shape in ("1200x630", "16x9", "4x3", "1x1")]
        + [f"renditions/{stem}.json"]
    )
    assert decodes == [(1600, 900)]  # the original was decoded once, for all ten


def test_a_page_shows_the_original_until_renditions_are_made_and_never_resizes(
    client, story_without_renditions, django_capture_on_commit_callbacks
):
    """The first reader gets the original at its size; the renditions come after, in a task."""
    story = story_without_renditions
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(story.get_absolute_url())
        assert response.status_code == 200
        assert rendition_files() == []
    page = response.content.decode()
    assert f'src="{story.hero_image.url}"' in page
    assert f'srcset="{story.hero_image.url} 1600w"' in page
    assert 'width="1600" height="900"' in page
    assert '<meta property="og:image:width" content="1600">' in page
    assert len(rendition_files()) == EVERY_RENDITION + 1

    again = client.get(story.get_absolute_url()).content.decode()
    assert "-480.webp 480w" in again and "-1440.webp 1440w" in again
    assert 'width="1440" height="810"' in again
    assert '<meta property="og:image:width" content="1200">' in again


def test_reading_renditions_opens_no_image(monkeypatch, story_without_renditions):
    """Once made, a page reads one small manifest; it never opens or decodes an image."""
    renditions.make_all_renditions(story_without_renditions.hero_image.name)
    monkeypatch.setattr(Image, "open", lambda *args, **kwargs: pytest.fail("opened an image"))
    image = story_without_renditions.hero_image
    assert renditions.picture(image).width == 1440
    assert renditions.share_image(image).height == 630
    assert len(renditions.structured_data_images(image)) == 3
    assert renditions.rendition(image, 1440, extension="jpg").width == 1440


def test_making_renditions_twice_writes_nothing_new(story_without_renditions, decodes):
    """A second run, or a run after a crash that left the files, keeps what is there."""
    name = story_without_renditions.hero_image.name
    assert renditions.make_all_renditions(name) == EVERY_RENDITION
    made = {path: (settings.MEDIA_ROOT / path).stat().st_mtime_ns for path in rendition_files()}

    assert renditions.make_all_renditions(name) is None
    assert image_tasks.make_renditions.call(name) == 0
    default_storage.delete(renditions.manifest_name(name))  # as if it crashed before the end
    assert renditions.make_all_renditions(name) == 0

    assert rendition_files() == sorted(made)
    images = [path for path in made if not path.endswith(".json")]
    assert all((settings.MEDIA_ROOT / path).stat().st_mtime_ns == made[path] for path in images)
    assert len(decodes) == 1


def test_two_workers_at_once_make_each_file_once(monkeypatch, story_without_renditions, decodes):
    """Two workers given the same image: one makes the files, the other stands aside."""
    name = story_without_renditions.hero_image.name
    store = renditions._store
    started, stood_aside = threading.Barrier(2), threading.Event()

    def store_once_the_other_has_tried(*args):
        stood_aside.wait(timeout=10)  # the maker holds the lock until the other has tried
        store(*args)

    monkeypatch.setattr(renditions, "_store", store_once_the_other_has_tried)
    outcomes = []

    def worker():
        started.wait()
        try:
            outcomes.append(renditions.make_all_renditions(name))
        except renditions.RenditionsBusy:
            outcomes.append("busy")
            stood_aside.set()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes, key=str) == [EVERY_RENDITION, "busy"]
    assert len(rendition_files()) == EVERY_RENDITION + 1
    assert len(decodes) == 1


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_corrupt_image_is_logged_and_the_page_still_renders(
    client, story_without_renditions, caplog, django_capture_on_commit_callbacks, damage
):
    """A damaged original makes no renditions and raises nothing; readers still get a page."""
    story = story_without_renditions
    path = settings.MEDIA_ROOT / story.hero_image.name
    good = path.read_bytes()
    path.write_bytes(b"not an image at all" if damage == "garbage" else good[: len(good) // 2])
    with caplog.at_level(logging.ERROR, logger="reader.image_tasks"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get(story.get_absolute_url())
        assert image_tasks.make_renditions.call(story.hero_image.name) == 0
    assert response.status_code == 200
    assert f'src="{story.hero_image.url}"' in response.content.decode()
    assert "cannot be read as an image" in caplog.text
    assert rendition_files() == []


def test_a_failure_that_may_pass_is_retried_later_with_a_growing_wait(
    settings, monkeypatch, caplog
):
    """A failure that may pass (a full disk) is tried again 30 s, then 2 min, later; not forever."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]

    def disk_full(name):
        raise OSError("No space left on device")

    monkeypatch.setattr(renditions, "make_all_renditions", disk_full)
    before = timezone.now()
    assert image_tasks.make_renditions.call("articles/a.jpg") == 0
    assert image_tasks.make_renditions.call("articles/a.jpg", 2) == 0
    retries = backend.results
    assert [result.args for result in retries] == [["articles/a.jpg", 2], ["articles/a.jpg", 3]]
    assert retries[0].task.run_after - before >= timedelta(seconds=30)
    assert retries[1].task.run_after - before >= timedelta(minutes=2)

    with caplog.at_level(logging.ERROR, logger="reader.image_tasks"):
        assert image_tasks.make_renditions.call("articles/a.jpg", image_tasks.MAX_ATTEMPTS) == 0
    assert len(backend.results) == 2
    assert "Gave up" in caplog.text


def test_a_photo_uploaded_for_a_person_gets_its_renditions(django_capture_on_commit_callbacks):
    """A portrait uploaded for a person page gets its renditions after the save commits."""
    person = factories.make_person(name="Ilse Lindqvist")
    person.photo = image_upload("ilse.png", size=(800, 1000), image_format="PNG")
    person.photo_alt = "Ilse Lindqvist"
    with django_capture_on_commit_callbacks(execute=True):
        person.save()
    assert renditions.are_ready(person.photo.name)
    assert renditions.picture(person.photo).width == 800  # never enlarged


def test_an_image_in_a_proposed_update_is_ready_before_it_is_approved(
    client, editor, reporter, reviewer, section, django_capture_on_commit_callbacks
):
    """An image sent with a proposed update to a live story is ready before a reviewer approves."""
    live = factories.make_article(section=section, created_by=reporter, last_edited_by=reporter)
    workflow.submit(live, reporter)
    live = workflow.approve(live, reviewer)
    client.force_login(editor)
    data = article_form_data(live, hero_alt="Dawn", hero_image=image_upload("dawn.jpg"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:articles_article_change", args=[live.pk]), data)
    assert response.status_code == 302
    proposal = UpdateProposal.objects.get(article=live)
    live.refresh_from_db()
    assert not live.hero_image  # readers still see the live story
    assert renditions.are_ready(proposal.revision.content["hero_image"])


def test_a_sideways_photo_is_made_upright_at_its_real_size(django_capture_on_commit_callbacks):
    """A phone photo stored sideways with an EXIF orientation gets upright renditions."""
    buffer = BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    Image.new("RGB", (1600, 900), "#336699").save(buffer, "JPEG", exif=exif)
    name = default_storage.save(
        "articles/sideways.jpg", SimpleUploadedFile("s.jpg", buffer.getvalue())
    )
    renditions.make_all_renditions(name)
    with default_storage.open(renditions.manifest_name(name)) as stored:
        manifest = json.load(stored)
    assert (manifest["width"], manifest["height"]) == (900, 1600)
    with (
        default_storage.open(manifest["files"]["480.jpg"][0]) as stored,
        Image.open(stored) as image,
    ):
        assert image.size == (480, 853)


def test_images_stored_before_the_upgrade_get_their_renditions_in_one_sweep(
    story_without_renditions,
):
    """After an upgrade, one call has every stored image's missing renditions made."""
    name = story_without_renditions.hero_image.name
    assert image_tasks.request_missing_renditions() == 1
    assert renditions.are_ready(name)
    assert image_tasks.request_missing_renditions() == 0
