"""Revision history: diffs anyone can read, restores that never rewrite history."""

import pytest
from django.urls import reverse

from articles import revisions, workflow
from articles.models import Revision
from tests import factories

pytestmark = pytest.mark.django_db


def test_diff_is_word_level_and_escaped():
    """A headline containing <script> is shown as text in the comparison."""
    old = {"headline": "Launch delayed", "body": "The rocket waits."}
    new = {"headline": "Launch <script>alert(1)</script> delayed", "body": "The rocket waits."}
    (change,) = revisions.diff(old, new)
    assert change.label == "Headline"
    assert "<script>" not in change.html
    assert "<ins>&lt;script&gt;alert(1)&lt;/script&gt; </ins>" in change.html


def test_diff_lists_only_changed_fields():
    old = {"headline": "Same", "tags": ["Moon"], "byline": [{"id": 1, "name": "Rosa"}]}
    new = {"headline": "Same", "tags": ["Moon", "Mars"], "byline": [{"id": 1, "name": "Rosa"}]}
    assert [change.field for change in revisions.diff(old, new)] == ["tags"]


def test_snapshot_records_byline_tags_quotes_and_picks(section, author):
    target = factories.make_article(status="published", section=section, headline="Earlier story")
    article = factories.make_article(section=section, authors=[author], tags=["Moon"])
    factories.make_quote(article, text="Onward.", speaker_person=author)
    factories.pick_related(article, target)
    content = revisions.snapshot(article)
    assert content["byline"] == [{"id": author.pk, "name": author.name}]
    assert content["tags"] == ["Moon"]
    assert content["quotes"][0]["text"] == "Onward."
    assert content["related"] == [{"id": target.pk, "name": "Earlier story"}]


def test_restore_creates_a_new_revision(editor, draft):
    """Restoring brings the old text back as a new revision; the history stays whole."""
    first = draft.revisions.first()
    workflow.save_article(draft, editor, expected_version=draft.version, body="Rewritten.")
    count = draft.revisions.count()
    draft.refresh_from_db()
    restored = workflow.restore(draft, first, editor, expected_version=draft.version)
    assert restored.body == first.content["body"]
    newest = draft.revisions.first()
    assert draft.revisions.count() == count + 1
    assert (newest.kind, newest.based_on) == (Revision.Kind.RESTORED, first)
    assert first.content["body"] == restored.body  # the old row is untouched


def test_restore_on_a_live_story_by_an_editor_is_a_proposal(editor, published_article, client):
    first = published_article.revisions.last()
    live_body = published_article.body
    result = workflow.restore(published_article, first, editor)
    assert result.status == "pending"
    published_article.refresh_from_db()
    assert published_article.body == live_body


def test_revisions_cannot_be_changed(draft):
    revision = draft.revisions.first()
    revision.content = {}
    with pytest.raises(Exception, match="cannot be changed"):
        revision.save()


def test_compare_view_in_the_admin(client, editor, draft):
    workflow.save_article(
        draft, editor, expected_version=draft.version, headline="<b>Bold</b> claim"
    )
    client.force_login(editor)
    numbers = sorted(draft.revisions.values_list("number", flat=True))
    url = reverse("admin:articles_article_compare", args=[draft.pk])
    response = client.get(url, {"a": numbers[0], "b": numbers[-1]})
    page = response.content.decode()
    assert response.status_code == 200
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page
    assert "<b>Bold</b>" not in page


@pytest.mark.parametrize("query", [{}, {"a": "x", "b": "1"}, {"a": "999", "b": "1"}])
def test_compare_view_with_bad_numbers_redirects_with_a_message(client, editor, draft, query):
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_compare", args=[draft.pk]), query)
    assert response.status_code == 302


def test_restore_button_in_the_admin(client, editor, draft):
    first = draft.revisions.first()
    changed = workflow.save_article(draft, editor, expected_version=draft.version, body="Changed.")
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_restore", args=[draft.pk, first.number]),
        {"version": changed.version},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.body == first.content["body"]


def test_every_transition_stores_a_revision(in_review, reviewer):
    workflow.approve(in_review, reviewer)
    assert in_review.revisions.first().transition == "articles.approve"


def test_change_form_offers_to_compare_any_two_revisions(client, editor, draft):
    workflow.save_article(draft, editor, expected_version=draft.version, body="Second.")
    workflow.save_article(draft, editor, expected_version=draft.version + 1, body="Third.")
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert 'name="a" id="id_compare_a"' in page and 'name="b" id="id_compare_b"' in page
