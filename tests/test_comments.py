"""Staff comment on stories in the admin; readers never see a word of it."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles import workflow
from articles.models import PublicPage
from desk.models import Comment
from desk.signals import comment_posted
from tests import factories

pytestmark = pytest.mark.django_db

SECRET = "<script>alert('zanzibar-note')</script>"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def post(client, user, article, **data):
    client.force_login(user)
    return client.post(reverse("admin:desk_comment_post", args=[article.pk]), data)


def test_a_reporter_comments_on_their_draft_and_sees_it_on_the_change_form(client, reporter, draft):
    """The comment shows in the panel, with the author and a success message."""
    response = post(client, reporter, draft, body="Check the second quote.")
    assert response.status_code == 302 and response.url == change_url(draft)
    page = client.get(change_url(draft)).content.decode()
    assert "Check the second quote." in page and "Comment posted." in page
    assert Comment.objects.get().author == reporter


def test_a_reply_joins_the_thread(client, reporter, editor, draft):
    """A reply (even to a reply) hangs under the thread's first comment."""
    post(client, reporter, draft, body="First.")
    first = Comment.objects.get()
    post(client, editor, draft, body="Second.", parent=first.pk)
    second = Comment.objects.latest("id")
    post(client, reporter, draft, body="Third.", parent=second.pk)
    assert [c.parent_id for c in Comment.objects.order_by("id")] == [None, first.pk, first.pk]
    assert "Replied by editor" in client.get(change_url(draft)).content.decode()


def test_a_passage_in_the_body_is_kept(client, editor, draft):
    """A passage quoted from the body is stored and shown."""
    post(client, editor, draft, body="Source?", passage="  The second   paragraph. ")
    assert Comment.objects.get().passage == "The second   paragraph."


def test_a_passage_not_in_the_body_is_refused(client, editor, draft):
    """A passage that is not in the body: no comment, a clear error, and the text kept."""
    post(client, editor, draft, body="Keep me", passage="Words never written")
    assert not Comment.objects.exists()
    page = client.get(change_url(draft)).content.decode()
    assert "This passage is not in the story&#x27;s body" in page
    assert "Keep me" in page


def test_a_mention_names_a_colleague_and_is_announced(
    client, reporter, editor, draft, django_capture_on_commit_callbacks
):
    """@username links the colleague, and comment_posted carries them after commit."""
    received = []

    def receiver(sender, comment, mentioned_users, **kwargs):
        received.append((comment.body, mentioned_users))

    comment_posted.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            post(client, reporter, draft, body="@editor, can you look?")
    finally:
        comment_posted.disconnect(receiver)
    assert list(Comment.objects.get().mentions.all()) == [editor]
    assert received == [("@editor, can you look?", [editor])]


def test_an_unknown_mention_is_a_form_error(client, reporter, draft):
    """Mentioning nobody on the staff refuses the comment and says whom."""
    post(client, reporter, draft, body="Ask @nobody please")
    assert not Comment.objects.exists()
    assert (
        "Nobody on the staff is called @nobody." in client.get(change_url(draft)).content.decode()
    )


def test_a_colleague_who_cannot_open_the_story_cannot_be_mentioned(
    client, reporter, other_reporter, draft
):
    """Another reporter cannot open this draft, so mentioning them is refused."""
    post(client, reporter, draft, body="@reporter2 look")
    assert not Comment.objects.exists()


def test_resolve_and_reopen(client, reporter, editor, other_reporter, draft):
    """The author or an editor resolves and reopens a thread; the history says so."""
    post(client, reporter, draft, body="Fix the date.")
    comment = Comment.objects.get()
    client.force_login(editor)
    client.post(reverse("admin:desk_comment_resolve", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.resolved_by == editor
    assert "Resolved by editor" in client.get(change_url(draft)).content.decode()
    client.force_login(reporter)
    client.post(reverse("admin:desk_comment_reopen", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.resolved_at is None and comment.resolved_by is None


def test_another_reporter_may_not_resolve_or_comment(client, reporter, other_reporter, draft):
    """A reporter who cannot open the story gets 403 on every endpoint."""
    post(client, reporter, draft, body="Mine.")
    comment = Comment.objects.get()
    assert post(client, other_reporter, draft, body="Intruding").status_code == 403
    assert client.post(reverse("admin:desk_comment_resolve", args=[comment.pk])).status_code == 403
    assert Comment.objects.count() == 1


def test_a_reporter_may_not_resolve_an_editors_comment(client, reporter, editor, draft):
    """Only the comment's author or an editor or reviewer resolves it."""
    post(client, editor, draft, body="Editor's note.")
    comment = Comment.objects.get()
    client.force_login(reporter)
    assert client.post(reverse("admin:desk_comment_resolve", args=[comment.pk])).status_code == 403


def test_reviewers_comment_on_stories_in_review_and_published(client, reviewer, in_review):
    """Reviewers comment in review and after publication; comments stay once published."""
    assert post(client, reviewer, in_review, body="Nearly there.").status_code == 302
    factories.make_user("reviewer3", groups=["Reviewers"], is_staff=True)
    workflow.approve(in_review, factories.make_user("r4", groups=["Reviewers"], is_staff=True))
    assert post(client, reviewer, in_review, body="Live now.").status_code == 302
    assert Comment.objects.filter(article=in_review).count() == 2


def test_readers_and_anonymous_visitors_are_kept_out(client, reader, draft):
    """No login: to the login page; a non-staff account: the same; nothing is posted."""
    url = reverse("admin:desk_comment_post", args=[draft.pk])
    assert client.post(url, {"body": "x"}).status_code == 302
    client.force_login(reader)
    assert client.post(url, {"body": "x"}).status_code == 302
    assert not Comment.objects.exists()


def test_get_is_not_allowed(client, editor, draft):
    client.force_login(editor)
    assert client.get(reverse("admin:desk_comment_post", args=[draft.pk])).status_code == 405


def test_csrf_is_required(editor, draft):
    """A post without the CSRF token is refused."""
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(editor)
    url = reverse("admin:desk_comment_post", args=[draft.pk])
    assert csrf_client.post(url, {"body": "x"}).status_code == 403


def test_comment_text_is_escaped_in_the_panel_and_the_admin_list(client, editor, draft):
    """<script> in a comment or passage is shown as text."""
    draft.body += "\n\n" + SECRET
    draft.save()
    post(client, editor, draft, body=SECRET, passage=SECRET)
    page = client.get(change_url(draft)).content.decode()
    assert SECRET not in page and "&lt;script&gt;" in page
    listing = client.get(reverse("admin:desk_comment_changelist"), {"q": "zanzibar"})
    assert listing.status_code == 200
    assert SECRET not in listing.content.decode()


def test_the_comment_list_shows_a_reporter_only_their_stories(client, reporter, editor, draft):
    """Another reporter's search finds nothing of a draft they cannot open."""
    post(client, editor, draft, body="zanzibar plan")
    other = factories.make_user("reporter9", groups=["Reporters"], is_staff=True)
    client.force_login(other)
    response = client.get(reverse("admin:desk_comment_changelist"), {"q": "zanzibar"})
    assert "zanzibar plan" not in response.content.decode()


@pytest.fixture
def commented_story(client, section, reporter, reviewer, second_reviewer):
    """A published story with a comment whose text readers must never see."""
    story = factories.make_article(
        section=section, created_by=reporter, headline="Zanzibar launch", tags=["Moon"],
        body="Zanzibar body.",
    )  # fmt: skip
    post(client, reporter, story, body=SECRET, passage="Zanzibar body.")
    workflow.submit(story, reporter)
    story = workflow.approve(story, reviewer)
    client.logout()
    assert Comment.objects.filter(article=story).count() == 1
    return story


LEAK_ROUTES = [
    "/",
    "/sections/missions/",
    "/tags/moon/",
    "/search/?q=zanzibar",
    "/search/?q=alert",
    "/corrections/",
    "/feeds/latest/rss/",
    "/feeds/latest/atom/",
    "/feeds/sections/missions/rss/",
    "/feeds/tags/moon/atom/",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/api/v1/articles/",
    "/api/v1/articles/?q=zanzibar",
    "/api/v1/articles/?q=alert",
]


def assert_no_comment(text: str):
    assert "zanzibar-note" not in text


@pytest.mark.parametrize("url", LEAK_ROUTES)
def test_no_comment_on_any_public_route(client, commented_story, url):
    """Every public page, feed, sitemap, search and API list is free of the comment."""
    response = client.get(url)
    assert response.status_code == 200
    assert_no_comment(response.content.decode())


def test_no_comment_on_the_story_page_or_its_api_detail(client, commented_story):
    page = client.get(commented_story.get_absolute_url())
    assert page.status_code == 200
    assert_no_comment(page.content.decode())
    detail = client.get(f"/api/v1/articles/{commented_story.pk}/")
    assert detail.status_code == 200
    assert_no_comment(detail.content.decode())


def cached_values() -> list[bytes]:
    """Every value the page cache holds, raw."""
    backend = getattr(cache, "_cache", None)
    if isinstance(backend, dict):  # LocMemCache
        return list(backend.values())
    redis = cache._cache.get_client()
    return [redis.get(key) or b"" for key in redis.keys("*") if redis.type(key) == b"string"]


def test_no_comment_in_the_page_cache_or_stored_pages(client, commented_story):
    """After readers fill the cache, neither it nor the stored public page holds the comment."""
    for url in [*LEAK_ROUTES, commented_story.get_absolute_url()]:
        client.get(url)
    values = cached_values()
    assert values
    assert not [value for value in values if b"zanzibar-note" in value]
    for page in PublicPage.objects.all():
        assert_no_comment(page.head + page.story + page.card)
