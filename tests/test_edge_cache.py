"""Through a real Varnish (deploy/varnish/newsroom.vcl) in front of the test server, readers
share cached pages, staff never do, and a publish reaches readers at once by surrogate key.

Each test that needs it starts its own `varnishd` on a free loopback port. Without Debian's
`varnish` and `varnish-modules` those tests skip, unless NEWSROOM_EDGE_TESTS=required (set by
.ci/run), which makes them fail instead. The purger's own failures need no Varnish.
"""

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.test import Client
from django_tasks.signals import task_enqueued

from articles import workflow
from articles.previews import create_share_link
from articles.roles import sync_roles
from reader import edge
from tests import factories

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish" / "newsroom.vcl"
VARNISHD = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")
VARNISHLOG = shutil.which("varnishlog")
BACKEND = '    .host = "127.0.0.1";\n    .port = "8000";\n'


def missing_varnish() -> str:
    """Say what the edge tests lack on this machine, or "" when they can run."""
    if VARNISHD is None or VARNISHLOG is None:
        return (
            "needs Debian's varnish and varnish-modules (apt-get install varnish varnish-modules)"
        )
    vmods = [*Path("/usr/lib").glob("*/varnish/vmods"), Path("/usr/lib/varnish/vmods")]
    if not any((folder / "libvmod_xkey.so").exists() for folder in vmods):
        return "needs the xkey vmod from Debian's varnish-modules"
    return ""


MISSING = missing_varnish()
if MISSING and os.environ.get("NEWSROOM_EDGE_TESTS") == "required":
    # .ci/run installs Varnish and sets this, so CI fails here instead of quietly skipping.
    raise RuntimeError(f"The edge cache tests are required but cannot run: {MISSING}")

# Skip before any fixture starts a server (a machine without Varnish may lack more).
pytestmark = pytest.mark.skipif(bool(MISSING), reason=MISSING or "varnish is installed")


@dataclass
class Answer:
    status: int
    reason: str
    headers: Message
    text: str

    @property
    def cache(self) -> str | None:
        return self.headers.get("X-Cache")


def fetch(base: str, path: str, *, method="GET", headers=None, source=None) -> Answer:
    """Send one HTTP request (no proxy, no redirects followed) and read the whole answer."""
    parts = urlsplit(base)
    connection = HTTPConnection(parts.hostname, parts.port, timeout=10, source_address=source)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
    finally:
        connection.close()
    return Answer(response.status, response.reason, response.headers, text)


@dataclass
class Varnish:
    url: str
    workdir: Path

    def get(self, path: str, **headers) -> Answer:
        return fetch(self.url, path, headers=headers)

    def lifetimes(self) -> list[tuple[float, float, str]]:
        """(TTL, grace, "cacheable" or not) of each response fetched, from Varnish's log: the
        last TTL record of each fetch, the headers' reading ("RFC") or what the VCL set."""
        command = [VARNISHLOG, "-n", str(self.workdir), "-d", "-g", "raw", "-i", "TTL"]
        log = subprocess.run(command, capture_output=True, text=True, timeout=10, check=True)
        # "<fetch id> TTL b <RFC|VCL> <ttl> <grace> <keep> … <cacheable|uncacheable>"
        last = {fields[0]: fields for fields in map(str.split, log.stdout.splitlines())}
        return [(float(fields[4]), float(fields[5]), fields[-1]) for fields in last.values()]

    def purge_keys(self, *keys: str, source=None) -> Answer:
        headers = {"xkey-purge": " ".join(keys)}
        return fetch(self.url, "/", method="PURGE", headers=headers, source=source)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def vcl_for(backend_url: str) -> str:
    """The deploy VCL with its backend pointed at `backend_url`."""
    text = VCL.read_text()
    assert BACKEND in text, "deploy/varnish/newsroom.vcl no longer names its backend as expected"
    parts = urlsplit(backend_url)
    return text.replace(BACKEND, f'    .host = "{parts.hostname}";\n    .port = "{parts.port}";\n')


def wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"varnishd exited:\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"varnishd did not listen on {port}:\n{log.read_text()}")


@pytest.fixture
def varnish(live_server, tmp_path):
    """A real varnishd running the deploy VCL in front of the live server, for one test."""
    if MISSING:
        pytest.skip(MISSING)
    vcl = tmp_path / "newsroom.vcl"
    vcl.write_text(vcl_for(live_server.url))
    port = free_port()
    log = tmp_path / "varnishd.log"
    workdir = tmp_path / "varnish"
    # Foreground, no management port, and no jail: as root, Varnish would otherwise run as the
    # `varnish` user, who may not read pytest's temporary directories.
    command = [
        VARNISHD, "-F", "-j", "none", "-n", str(workdir), "-T", "none",
        "-a", f"127.0.0.1:{port}", "-s", "malloc,32m", "-f", str(vcl),
    ]  # fmt: skip
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_for(port, process, log)
        yield Varnish(f"http://127.0.0.1:{port}", workdir)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def _roles(transactional_db):
    """Transactional tests flush the groups the data migrations made; make them again."""
    sync_roles(apps)


@pytest.fixture
def purging_to(settings):
    """Point NEWSROOM_EDGE_PURGERS at the given edge URLs."""

    def configure(*urls: str) -> None:
        settings.NEWSROOM_EDGE_PURGERS = [
            {"BACKEND": "reader.edge.VarnishPurger", "URL": url, "TIMEOUT": 1} for url in urls
        ]

    return configure


@pytest.fixture
def enqueued():
    """The tasks enqueued during the test, as (name, args)."""
    seen = []

    def record(sender, task_result, **kwargs):
        seen.append((task_result.task.name, list(task_result.args)))

    task_enqueued.connect(record, weak=False)
    yield seen
    task_enqueued.disconnect(record)


def cookie_of(user) -> str:
    """A logged-in session cookie for `user`, as a browser would send it to the edge."""
    client = Client()
    client.force_login(user)
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    return f"_ga=GA1.1.42; {django_settings.SESSION_COOKIE_NAME}={session}"


def closed_url() -> str:
    return f"http://127.0.0.1:{free_port()}"  # nothing listens there


def unrelated_story():
    """A live story sharing no section, tag or person with `published_article`."""
    elsewhere = factories.make_section(name="Weather", slug="weather")
    return factories.make_article(status="published", section=elsewhere, headline="Rain ahead")


# Readers share one copy.


@pytest.mark.django_db(transaction=True)
def test_a_public_article_is_a_miss_then_a_hit(varnish, published_article):
    """The second reader of a story gets Varnish's copy, with Django's caching headers."""
    url = published_article.get_absolute_url()
    first = varnish.get(url)
    second = varnish.get(url)
    assert (first.status, first.cache) == (200, "MISS")
    assert (second.status, second.cache) == (200, "HIT")
    assert second.text == first.text and published_article.headline in second.text
    assert "s-maxage=300" in second.headers["Cache-Control"]
    assert "stale-while-revalidate=600" in second.headers["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_the_edge_keeps_a_page_for_s_maxage_then_in_grace(varnish, published_article):
    """Varnish keeps a public page 300 s (s-maxage), then serves it stale while it fetches a
    fresh one for 600 s more (stale-while-revalidate); a 404 it does not keep."""
    varnish.get(published_article.get_absolute_url())
    varnish.get("/2001/01/01/no-such-story/")
    assert varnish.lifetimes() == [(300.0, 600.0, "cacheable"), (120.0, 10.0, "uncacheable")]


@pytest.mark.django_db(transaction=True)
def test_surrogate_keys_reach_varnish_but_not_readers(varnish, live_server, published_article):
    """Django names the story in Surrogate-Key; readers of the edge never see the keys."""
    url = published_article.get_absolute_url()
    direct = fetch(live_server.url, url)
    assert f"article-{published_article.pk}" in direct.headers["Surrogate-Key"].split()
    through = varnish.get(url)
    assert through.headers["Surrogate-Key"] is None and through.headers["xkey"] is None


@pytest.mark.django_db(transaction=True)
def test_other_cookies_do_not_split_the_shared_copy(varnish, published_article):
    """An analytics or consent cookie does not stop a reader getting the cached page."""
    url = published_article.get_absolute_url()
    assert varnish.get(url).cache == "MISS"
    assert varnish.get(url, Cookie="_ga=GA1.1.42; consent=yes").cache == "HIT"


@pytest.mark.django_db(transaction=True)
def test_a_page_not_yet_public_is_not_remembered(_roles, varnish, in_review):
    """A 404 for a story in review is never cached, so it cannot outlive the publish."""
    url = in_review.get_absolute_url()
    answers = [varnish.get(url), varnish.get(url)]
    assert [(answer.status, answer.cache) for answer in answers] == [(404, "MISS"), (404, "MISS")]


# Staff never share.


@pytest.mark.django_db(transaction=True)
def test_a_logged_in_editor_is_never_served_the_anonymous_copy(
    _roles, varnish, editor, published_article
):
    """With the public copy cached, an editor's request still goes to Django, privately."""
    url = published_article.get_absolute_url()
    varnish.get(url)
    assert varnish.get(url).cache == "HIT"
    for _ in range(2):
        staff = varnish.get(url, Cookie=cookie_of(editor))
        assert (staff.status, staff.cache) == (200, "PASS")
        assert "private" in staff.headers["Cache-Control"]
    assert varnish.get(url).cache == "HIT"


@pytest.mark.django_db(transaction=True)
def test_a_logged_in_editors_page_is_never_stored(_roles, varnish, editor, published_article):
    """What an editor was served never reaches the next anonymous reader."""
    url = published_article.get_absolute_url()
    assert varnish.get(url, Cookie=cookie_of(editor)).cache == "PASS"
    reader = varnish.get(url)
    assert reader.cache == "MISS" and "public" in reader.headers["Cache-Control"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Cookie": "sessionid=whatever"},
        {"Cookie": "_ga=1; csrftoken=abc"},
        {"Cookie": "messages=abc"},
        {"Authorization": "Basic ZWRpdG9yOnNlY3JldA=="},
        {"X-Api-Key": "nrk_a-partners-key"},
    ],
    ids=["session", "csrf", "messages", "authorization", "api key"],
)
@pytest.mark.django_db(transaction=True)
def test_requests_that_may_be_personal_go_to_django(varnish, published_article, headers):
    """A session, CSRF or messages cookie, or credentials: passed, never looked up."""
    url = published_article.get_absolute_url()
    varnish.get(url)
    assert varnish.get(url).cache == "HIT"
    assert varnish.get(url, **headers).cache == "PASS"


@pytest.mark.django_db(transaction=True)
def test_the_admin_and_share_links_are_never_cached(_roles, varnish, draft, reporter):
    """The admin and a share link reach Django every time, and Django keeps them private."""
    share_link = create_share_link(draft, reporter)
    for path in ("/admin/login/", share_link):
        answers = [varnish.get(path), varnish.get(path)]
        assert [answer.cache for answer in answers] == ["PASS", "PASS"]
    preview = varnish.get(share_link)
    assert preview.status == 200 and draft.headline in preview.text
    assert "no-store" in preview.headers["Cache-Control"]


# Purges.


@pytest.mark.django_db(transaction=True)
def test_purging_a_story_key_makes_its_next_request_a_miss(varnish, purging_to, published_article):
    """`reader.edge.purge` drops the story's copies and nothing unrelated."""
    other = unrelated_story()
    purging_to(varnish.url)
    for story in (published_article, other):
        varnish.get(story.get_absolute_url())
    edge.purge([f"article-{published_article.pk}"])
    assert varnish.get(published_article.get_absolute_url()).cache == "MISS"
    assert varnish.get(other.get_absolute_url()).cache == "HIT"


@pytest.mark.django_db(transaction=True)
def test_purge_requests_are_taken_from_this_machine_only(varnish, published_article):
    """PURGE with an xkey-purge header works from localhost; from elsewhere it is refused."""
    url = published_article.get_absolute_url()
    key = f"article-{published_article.pk}"
    varnish.get(url)
    refused = varnish.purge_keys(key, source=("127.0.0.2", 0))
    assert refused.status == 403
    assert varnish.get(url).cache == "HIT"
    purged = varnish.purge_keys(key)
    assert purged.status == 200 and purged.reason.startswith("Invalidated")
    assert varnish.get(url).cache == "MISS"


@pytest.mark.django_db(transaction=True)
def test_purging_one_address_without_keys(varnish, published_article):
    """A plain PURGE of one address drops that page."""
    url = published_article.get_absolute_url()
    varnish.get(url)
    assert fetch(varnish.url, url, method="PURGE").status == 200
    assert varnish.get(url).cache == "MISS"


@pytest.mark.django_db(transaction=True)
def test_a_down_edge_is_retried_while_the_others_are_purged(
    varnish, purging_to, published_article, enqueued, caplog
):
    """Varnish is purged at once; the edge that is down is logged and retried, alone."""
    url = published_article.get_absolute_url()
    varnish.get(url)
    purging_to(varnish.url, closed_url())
    edge.purge([f"article-{published_article.pk}"])
    assert varnish.get(url).cache == "MISS"
    retries = [args for name, args in enqueued if name == "purge_later"]
    assert retries[0] == [[f"article-{published_article.pk}"], 2, [1]]
    assert "Edge purge by Varnish at http://127.0.0.1" in caplog.text


def test_a_failed_purge_never_raises_and_is_retried(purging_to, enqueued, caplog):
    """With the edge down, the editor's request goes on; the purge is retried, then given up."""
    purging_to(closed_url())
    edge.purge(["article-12", "front"])  # does not raise
    # Tests run tasks at once, so every retry has run by now; a worker would wait between them.
    assert enqueued == [
        ("purge_later", [["article-12", "front"], attempt, [0]])
        for attempt in range(2, edge.ATTEMPTS + 1)
    ]
    assert caplog.text.count("Edge purge by Varnish") == edge.ATTEMPTS
    assert "failed 5 times; giving up" in caplog.text


@pytest.mark.django_db
def test_a_worker_waits_longer_before_each_retry(settings, purging_to):
    """With the database queue, the retry is stored to run after a back-off, not at once."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    purging_to(closed_url())
    before = timezone.now()
    edge.purge(["front"])
    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["args"] == [["front"], 2, [0]]
    assert retry.run_after >= before + edge.BACKOFF


def test_nothing_is_sent_without_a_purger(settings, enqueued, monkeypatch):
    """With no edge configured, purging costs nothing."""
    settings.NEWSROOM_EDGE_PURGERS = []
    monkeypatch.setattr(edge, "send", lambda *args: pytest.fail("sent a purge"))
    edge.purge(["front"])
    assert enqueued == []


def test_a_broken_setting_is_reported_not_raised(settings, caplog):
    """A purger that cannot be built fails `manage.py check`, never a publish."""
    settings.NEWSROOM_EDGE_PURGERS = [{"BACKEND": "reader.edge.VarnishPurger", "URL": "nowhere"}]
    edge.purge(["front"])
    assert "NEWSROOM_EDGE_PURGERS is broken" in caplog.text
    assert [error.id for error in edge.check_purgers(None)] == ["reader.E001"]


def test_keys_that_would_break_a_header_are_not_sent():
    """Keys are single tokens in a header: spaces, commas and line breaks cannot be one."""
    keys = ["front", "front", "", "tag-a b", "tag-x\r\nX-Evil: 1", "a,b", "tag-café"]
    assert edge.clean(keys) == ["front", "tag-café"]


def test_long_key_lists_go_in_several_requests():
    """A header of keys stays under Varnish's limit, however many stories changed."""
    keys = [f"article-{number}" for number in range(2000)]
    runs = edge.batches(keys, edge.KEYS_PER_REQUEST)
    assert len(runs) > 1 and [key for run in runs for key in run] == keys
    assert all(len(" ".join(run)) <= edge.KEYS_PER_REQUEST for run in runs)


# End to end: the editorial workflow purges the edge after commit.


@pytest.mark.django_db(transaction=True)
def test_a_reviewers_publish_is_visible_through_varnish_at_once(
    _roles, varnish, purging_to, section, published_article, reporter, reviewer
):
    """The front page and the section were cached; after the approval both show the story."""
    purging_to(varnish.url)
    story = factories.make_article(
        section=section, headline="Lander touches down", created_by=reporter
    )
    workflow.submit(story, reporter)
    section_url = section.get_absolute_url()
    for path in ("/", section_url):
        varnish.get(path)
        cached = varnish.get(path)
        assert cached.cache == "HIT" and "Lander touches down" not in cached.text

    workflow.approve(story, reviewer)  # commits; purges run after the commit
    published_at = time.monotonic()
    front = varnish.get("/")
    assert time.monotonic() - published_at < 1
    assert front.cache == "MISS" and "Lander touches down" in front.text
    assert "Lander touches down" in varnish.get(section_url).text
    story.refresh_from_db()
    assert varnish.get(story.get_absolute_url()).status == 200


@pytest.mark.django_db(transaction=True)
def test_a_reviewers_edit_of_a_live_story_is_visible_through_varnish_at_once(
    _roles, varnish, purging_to, published_article, reviewer
):
    """The story's cached page shows the edit on the next request."""
    purging_to(varnish.url)
    url = published_article.get_absolute_url()
    varnish.get(url)
    assert varnish.get(url).cache == "HIT"
    workflow.save_article(
        published_article,
        reviewer,
        expected_version=published_article.version,
        body="The crew is safely home.",
    )
    page = varnish.get(url)
    assert page.cache == "MISS" and "The crew is safely home." in page.text
