"""Wire copy comes in through the command or the admin, as drafts, with findings printed."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles import copydesk
from articles.models import Article
from people.models import Organization, Person
from tests import factories

pytestmark = pytest.mark.django_db

COPY = """Crew of three returns after record stay

The capsule came down in the steppe at dawn, ending a 370-day mission.

"We are glad to be home," commander Ilsa Varnholt said after landing.

The agency said the crew was in good health. "It was a long winter up there," she told reporters.
"""


@pytest.fixture
def wire_file(tmp_path):
    path = tmp_path / "crew.txt"
    path.write_text(COPY, encoding="utf-8")
    return path


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_wire", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_creates_a_draft_and_prints_url_and_findings(wire_file, section, author):
    out, _ = run(
        str(wire_file), "--section", section.slug, "--author", author.slug, "--tags", "ISS, crew"
    )
    article = Article.objects.get()
    assert article.status == "draft"
    assert article.headline == "Crew of three returns after record stay"
    assert f"/admin/articles/article/{article.pk}/change/" in out
    assert "quotes: 2" in out
    assert set(article.tags.names()) == {"ISS", "crew"}
    assert article.revisions.count() == 1


def test_importing_twice_creates_nothing_new(wire_file):
    run(str(wire_file))
    out, _ = run(str(wire_file))
    assert "already imported" in out
    assert Article.objects.count() == 1


def test_dry_run_creates_nothing(wire_file):
    out, _ = run(str(wire_file), "--dry-run")
    assert "would create a draft" in out
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "content", [b"", b"   \n\n  ", b"\x00\x01\x02binary", "Café".encode("latin-1")]
)
def test_bad_files_fail_clearly_and_create_nothing(tmp_path, content):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="could not be imported"):
        run(str(path))
    assert not Article.objects.exists()


def test_missing_file_and_unknown_options(tmp_path, wire_file):
    with pytest.raises(CommandError):
        run(str(tmp_path / "nope.txt"))
    with pytest.raises(CommandError, match="No section"):
        run(str(wire_file), "--section", "nowhere")


def test_standard_input(monkeypatch):
    """`-` reads the copy from standard input."""
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": io.BytesIO(COPY.encode())})())
    out, _ = run("-")
    assert "draft created" in out
    assert Article.objects.count() == 1


def test_check_article_exits_1_on_a_blocker(section):
    article = factories.make_article(section=section, authors=[], slug="no-byline")
    out = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("check_article", "no-byline", stdout=out)
    assert error.value.returncode == 1
    assert "missing_byline" in out.getvalue()
    clean = factories.make_article(section=section, tags=["Moon"])
    call_command("check_article", str(clean.pk), stdout=StringIO())  # no blocker: no error
    assert article.pk != clean.pk


def test_admin_import_page(client, editor, section):
    client.force_login(editor)
    url = reverse("admin:articles_article_wire_import")
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": COPY, "section": section.pk, "tags": "ISS"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    again = client.post(url, {"text": COPY})
    assert "imported before" in again.content.decode() or Article.objects.count() == 1


def test_admin_import_refuses_bad_uploads(client, editor):
    client.force_login(editor)
    url = reverse("admin:articles_article_wire_import")
    response = client.post(url, {"file": SimpleUploadedFile("x.txt", b"\x00\xff\xfe junk")})
    assert response.status_code == 200
    assert "not UTF-8 text" in response.content.decode()
    assert client.post(url, {}).status_code == 200  # neither text nor file: the form says so
    assert not Article.objects.exists()


def test_admin_dry_run_shows_findings(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_wire_import"), {"text": COPY, "dry_run": "on"}
    )
    page = response.content.decode()
    assert "Would create: Crew of three returns after record stay" in page
    assert not Article.objects.exists()


def test_unknown_names_can_be_added_in_one_click(client, editor, wire_file):
    run(str(wire_file))
    article = Article.objects.get()
    names = {suggestion.name for suggestion in copydesk.suggestions_for(article)}
    assert "Ilsa Varnholt" in names
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_suggestion", args=[article.pk]),
        {"name": "Ilsa Varnholt", "kind": "person", "version": article.version},
    )
    person = Person.objects.get(name="Ilsa Varnholt")
    assert person in article.people_mentioned.all()
    assert article.quotes.filter(speaker_person=person).exists()


def test_reporters_cannot_add_people(client, reporter, draft):
    client.force_login(reporter)
    client.post(
        reverse("admin:articles_article_suggestion", args=[draft.pk]),
        {"name": "NASA", "kind": "organization"},
    )
    assert not Organization.objects.filter(name="NASA").exists()


def test_duplicate_is_found_by_content_hash_even_after_editing(wire_file, editor):
    """Re-sending the same wire copy after the desk rewrote the draft still creates nothing."""
    run(str(wire_file))
    article = Article.objects.get()
    Article.objects.filter(pk=article.pk).update(headline="Desk's own headline", body="Rewritten.")
    out, _ = run(str(wire_file))
    assert "already imported" in out
    assert Article.objects.count() == 1
