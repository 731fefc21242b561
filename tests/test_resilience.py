"""The site survives its services failing: PostgreSQL out of reach, Redis stopped, a background
worker killed mid-task, Django failing behind Varnish. Every failure is real: a connection to
a closed port, a redis-server this test starts and stops, a db_worker killed with SIGKILL, a
varnishd in front of a backend that stops answering.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager, suppress
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dj_database_url
import pytest
import redis
from django.db import connection, connections
from django.db.utils import load_backend
from django_tasks import task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from articles import background, workflow
from articles.models import Article
from tests import factories

ROOT = Path(__file__).resolve().parent.parent
REDIS_SERVER = shutil.which("redis-server")
ON_POSTGRESQL = connection.vendor == "postgresql"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited"
        with suppress(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


def timed_get(client, path, **extra):
    started = time.monotonic()
    response = client.get(path, **extra)
    return response, time.monotonic() - started


# PostgreSQL out of reach -------------------------------------------------------------------


@contextmanager
def database_out_of_reach():
    """Point the default database alias at a PostgreSQL port where nothing listens, as when
    PostgreSQL is stopped, then give the real connection back."""
    url = f"postgres://newsroom@127.0.0.1:{free_port()}/newsroom"
    parsed = dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    parsed["OPTIONS"] = {"connect_timeout": 3}
    settings_dict = connections.configure_settings({"default": parsed})["default"]
    dead = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "default")
    real = connections["default"]
    connections["default"] = dead
    try:
        yield
    finally:
        connections["default"] = real
        dead.close()


@pytest.mark.django_db
def test_readers_get_a_short_503_when_the_database_is_down_and_cached_pages_meanwhile(
    client, published_article
):
    """Without its database the site says "back in a moment" at once (503, Retry-After),
    keeps serving the pages it has cached, and is whole again once the database answers."""
    cached = client.get("/")
    assert cached.status_code == 200
    with database_out_of_reach():
        front, _ = timed_get(client, "/")
        story, took = timed_get(client, published_article.get_absolute_url())
        health, health_took = timed_get(client, "/healthz")
        api = client.get("/api/v1/articles/")
    assert (front.status_code, front.content) == (200, cached.content)
    assert story.status_code == 503
    assert story["Retry-After"] == "15"
    assert story["Cache-Control"] == "no-store"
    assert "Back in a moment" in story.content.decode()
    assert took < 10 and health_took < 10
    assert health.status_code == 503
    assert (api.status_code, api["Retry-After"]) == (503, "15")
    assert "cannot be reached" in api.json()["detail"]
    assert client.get(published_article.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_staff_get_the_503_not_a_500_when_the_database_is_down(client, reviewer, section):
    """An editor who saves while the database is down is told to try again, not shown an
    error page, and the admin works again as soon as the database is back."""
    client.force_login(reviewer)
    with database_out_of_reach():
        page = client.get("/admin/articles/section/add/")
        save = client.post("/admin/articles/section/add/", {"name": "Weather", "slug": "weather"})
    assert (page.status_code, save.status_code) == (503, 503)
    assert client.get("/admin/articles/section/add/").status_code == 200


class CuttableLink:
    """A TCP relay in front of PostgreSQL that the test cuts (every connection dropped, new
    ones refused, as when PostgreSQL stops) and mends, on the same port."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self.sockets: list[socket.socket] = []
        self.mend()

    def mend(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self) -> None:
        with suppress(OSError):  # wakes the thread waiting in accept(), which close() does not
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for relayed in self.sockets:
            with suppress(OSError):
                relayed.shutdown(socket.SHUT_RDWR)
            relayed.close()
        self.sockets.clear()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink) -> None:
        with suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


@pytest.mark.skipif(not ON_POSTGRESQL, reason="needs a PostgreSQL server to cut off")
@pytest.mark.django_db(transaction=True)
def test_gunicorn_answers_503_while_postgresql_is_cut_off_and_recovers_by_itself(
    published_article,
):
    """Under gunicorn with persistent connections, losing PostgreSQL gives readers a quick 503
    (a cached page still 200), and the same workers serve pages again once it is back."""
    database = connection.settings_dict
    link = CuttableLink((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"} | {
        "DATABASE_URL": f"postgres://{database['USER']}@127.0.0.1:{link.port}/{database['NAME']}",
        "NEWSROOM_BIND": f"127.0.0.1:{port}", "NEWSROOM_WEB_WORKERS": "1", "DEBUG": "0",
    }  # fmt: skip
    server = subprocess.Popen([str(ROOT / ".venv/bin/gunicorn"), "-c", "deploy/gunicorn.conf.py",
                               "newsroom.wsgi"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_port(port, server)
        story = published_article.get_absolute_url()
        assert fetch(base, story)[0] == 200  # and now in that worker's page cache
        link.cut()
        cut_off = {path: fetch(base, path) for path in (story, "/search/?q=moon", "/healthz")}
        link.mend()
        back = fetch(base, "/search/?q=apollo")
    finally:
        server.terminate()
        server.wait(timeout=30)
        link.cut()
    assert cut_off[story][0] == 200
    assert [cut_off[path][0] for path in ("/search/?q=moon", "/healthz")] == [503, 503]
    assert all(took < 10 for _, took in cut_off.values())
    assert back[0] == 200


def fetch(base: str, path: str) -> tuple[int, float]:
    """GET over a new connection; return the status and the seconds it took."""
    host, port = base.removeprefix("http://").split(":")
    started = time.monotonic()
    client = HTTPConnection(host, int(port), timeout=30)
    try:
        client.request("GET", path)
        status = client.getresponse().status
    finally:
        client.close()
    return status, time.monotonic() - started


# Redis stopped ------------------------------------------------------------------------------


class RedisServer:
    """A redis-server of the test's own on a free port, stopped and started at will."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.folder = folder
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                   "--appendonly", "no", "--dir", str(self.folder)]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        wait_for_port(self.port, self.process)

    def stop(self, *, keep_data: bool = False) -> None:
        """Stop the server; with `keep_data`, as Debian's Redis stops (saving its data, which
        it loads again when it starts)."""
        if keep_data:
            with suppress(redis.exceptions.ConnectionError):
                redis.Redis(port=self.port).shutdown(save=True)
        else:
            self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server(settings, tmp_path):
    if REDIS_SERVER is None:
        pytest.skip("needs redis-server")
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.resilience.FailOpenRedisCache",
            "LOCATION": server.url,
            "RETRY_AFTER": 0,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def database_tasks(settings):
    """Tasks wait in the database for a worker, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker_here() -> None:
    """Claim and run every task that is due as django-tasks-db's worker does, in this process
    (SQLite's test database lives in this process's memory)."""
    worker = Worker(queue_names=["default"], interval=0, batch=True, backend_name="default",
                    startup_delay=False, max_tasks=None, worker_id="test-worker",
                    excluded_queue_names=[])  # fmt: skip
    while (due := DBTaskResult.objects.ready().first()) is not None:
        due.claim(worker.worker_id)
        worker.run_task(due)


@pytest.mark.django_db
def test_pages_are_served_while_redis_is_stopped(client, redis_server, published_article):
    """With Redis stopped, every public page is still served, from the database."""
    assert client.get("/").status_code == 200
    redis_server.stop()
    for path in ("/", published_article.get_absolute_url(), "/tags/apollo/",
                 "/search/?q=apollo", "/feeds/latest/rss/", "/healthz"):  # fmt: skip
        response, took = timed_get(client, path)
        assert response.status_code == 200, path
        assert took < 10, path
    assert published_article.headline in client.get(published_article.get_absolute_url()).text


@pytest.mark.django_db
def test_editors_publish_and_save_while_redis_is_stopped(
    client, redis_server, reporter, reviewer, section, django_capture_on_commit_callbacks
):
    """Publishing (which purges the cache), and saving in the admin, work without Redis."""
    redis_server.stop()
    draft = factories.make_article(section=section, created_by=reporter, headline="No cache")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(draft, reporter)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(draft, reviewer)
    assert Article.objects.get(pk=draft.pk).status == Article.Status.PUBLISHED
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(
            "/admin/articles/section/add/", {"name": "Rain", "slug": "rain", "position": "0"}
        )
    assert saved.status_code == 302
    assert "No cache" in client.get("/").text


@pytest.mark.django_db
def test_a_purge_redis_missed_is_made_by_the_worker_once_redis_is_back(
    client, redis_server, database_tasks, published_article, reviewer,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    """A correction published while Redis was down reaches readers once Redis is back: the
    page Redis kept from before is purged by the worker, not served until it expires."""
    url = published_article.get_absolute_url()
    assert client.get(url).status_code == 200  # cached in Redis
    redis_server.stop(keep_data=True)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish_correction(published_article, reviewer, "The crew was four.", "correction")
    pending = DBTaskResult.objects.filter(task_path="reader.cache.purge_here_later")
    assert pending.count() == 1

    redis_server.start()  # with the page it held before the correction
    assert "The crew was four." not in client.get(url).text
    run_worker_here()  # the retry is not due yet: nothing changes
    assert "The crew was four." not in client.get(url).text

    pending.update(run_after=pending.get().enqueued_at)  # ten seconds later
    run_worker_here()
    assert pending.get().status == "SUCCESSFUL"
    assert "The crew was four." in client.get(url).text


# A worker killed mid-task -------------------------------------------------------------------


@task()
def note_run_then_wait(marker: str, seconds: float) -> None:
    """Add a line to `marker`, then, on the first run only, wait `seconds` (to be killed)."""
    path = Path(marker)
    runs = path.read_text().count("\n") if path.exists() else 0
    with path.open("a") as handle:
        handle.write(f"run {runs + 1} in {os.getpid()}\n")
    if runs == 0:
        time.sleep(seconds)


def runs_of(marker: Path) -> int:
    return marker.read_text().count("\n") if marker.exists() else 0


def wait_until(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def worker_environment() -> dict:
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    return {**os.environ, "DATABASE_URL": url, "NEWSROOM_TASKS": "database"}


def start_worker(*extra: str) -> subprocess.Popen:
    command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval",
               "0.1", "--no-reload", *extra]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=worker_environment(),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the worker needs a database it can open")
@pytest.mark.django_db(transaction=True)
def test_a_task_whose_worker_was_killed_runs_again_exactly_once(database_tasks, tmp_path):
    """A worker killed mid-task (SIGKILL) leaves its task running for ever on its own; the
    minute timer's sweep queues it again, the next worker runs it once, and no sweep after
    that runs it again. A task whose worker is alive is never taken from it."""
    marker = tmp_path / "runs.txt"
    result = note_run_then_wait.enqueue(str(marker), 120)
    worker = start_worker()
    try:
        wait_until(lambda: runs_of(marker) == 1)
        assert background.requeue_abandoned_tasks(grace=background.timedelta(0)) == []
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "RUNNING"

    wait_until(lambda: background.requeue_abandoned_tasks(grace=background.timedelta(0)))
    assert DBTaskResult.objects.get(pk=result.id).status == "READY"
    finished = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT, env=worker_environment(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert finished.returncode == 0, finished.stderr
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL"
    assert runs_of(marker) == 2

    assert background.requeue_abandoned_tasks(grace=background.timedelta(0)) == []
    assert runs_of(marker) == 2


@pytest.mark.django_db
def test_a_task_held_by_a_live_process_is_left_alone_and_requeued_once_it_dies(
    database_tasks, tmp_path
):
    """The claim is a lock that dies with the process holding it: while a real process holds
    it the task is left running; once that process is killed, the task is queued again and
    the next worker runs it once."""
    marker = tmp_path / "runs.txt"
    marker.write_text("run 1 in a worker that was killed\n")
    result = note_run_then_wait.enqueue(str(marker), 0)
    DBTaskResult.objects.get(pk=result.id).claim("the-killed-worker")
    holder = hold_claim_in_another_process(result.id)
    try:
        assert background.requeue_abandoned_tasks(grace=background.timedelta(0)) == []
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    if ON_POSTGRESQL:
        wait_until(lambda: background.requeue_abandoned_tasks(grace=background.timedelta(0)))
    else:
        assert background.requeue_abandoned_tasks(grace=background.timedelta(0)) == [result.id]
    run_worker_here()
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL"
    assert runs_of(marker) == 2
    assert background.requeue_abandoned_tasks(grace=background.timedelta(0)) == []


def hold_claim_in_another_process(task_id) -> subprocess.Popen:
    """Start a process that takes task `task_id`'s claim as a worker does, and keeps it."""
    if ON_POSTGRESQL:
        database = connection.settings_dict
        code = (
            "import sys, time, psycopg;"
            "c = psycopg.connect(sys.argv[1], autocommit=True);"
            f"c.execute('SELECT pg_advisory_lock(%s, %s)', ({background._LOCK_SPACE}, "
            f"{background._lock_key(task_id)}));"
            "print('held', flush=True); time.sleep(600)"
        )
        target = (f"host={database['HOST'] or '127.0.0.1'} port={database['PORT'] or 5432} "
                  f"user={database['USER']} dbname={database['NAME']}")  # fmt: skip
    else:
        code = (
            "import fcntl, os, sys, time;"
            "fd = os.open(sys.argv[1], os.O_CREAT | os.O_RDWR);"
            "fcntl.flock(fd, fcntl.LOCK_EX);"
            "print('held', flush=True); time.sleep(600)"
        )
        target = str(background._claims_folder() / f"{task_id}.lock")
    holder = subprocess.Popen([sys.executable, "-c", code, target], stdout=subprocess.PIPE,
                              text=True)  # fmt: skip
    assert holder.stdout.readline().strip() == "held"
    return holder


@pytest.mark.django_db
def test_a_task_that_keeps_killing_its_worker_is_failed_not_requeued(database_tasks, tmp_path):
    """After MAX_CLAIMS workers died running it, a task is marked failed, with the reason."""
    result = note_run_then_wait.enqueue(str(tmp_path / "runs.txt"), 0)
    row = DBTaskResult.objects.get(pk=result.id)
    for number in range(background.MAX_CLAIMS):
        row.claim(f"worker-{number}")
    assert background.requeue_abandoned_tasks(grace=background.timedelta(0)) == [result.id]
    row.refresh_from_db()
    assert row.status == "FAILED"
    assert "WorkerLost" in row.exception_class_path


# Django failing behind Varnish ---------------------------------------------------------------


class Backend(BaseHTTPRequestHandler):
    """A stand-in for Django: public pages with a 1-second s-maxage, or 503 when told."""

    failing = False

    def do_GET(self):
        if Backend.failing:
            self.send_response(503)
            self.send_header("Cache-Control", "no-store")
            body = b"down"
        else:
            self.send_response(200)
            self.send_header("Cache-Control", "public, max-age=1, s-maxage=1, "
                             "stale-while-revalidate=600")  # fmt: skip
            body = f"page made at {time.monotonic()}".encode()
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish_in_front(tmp_path):
    from tests import test_edge_cache as edge_tests

    if edge_tests.MISSING:
        pytest.skip(edge_tests.MISSING)
    Backend.failing = False
    backend = ThreadingHTTPServer(("127.0.0.1", 0), Backend)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    vcl = tmp_path / "newsroom.vcl"
    vcl.write_text(edge_tests.vcl_for(f"http://127.0.0.1:{backend.server_address[1]}"))
    port = edge_tests.free_port()
    log = tmp_path / "varnishd.log"
    command = [edge_tests.VARNISHD, "-F", "-j", "none", "-n", str(tmp_path / "varnish"), "-T",
               "none", "-a", f"127.0.0.1:{port}", "-s", "malloc,32m", "-f", str(vcl)]  # fmt: skip
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        edge_tests.wait_for(port, process, log)
        yield backend, lambda path: edge_tests.fetch(f"http://127.0.0.1:{port}", path)
    finally:
        process.terminate()
        process.wait(timeout=10)
        backend.shutdown()


def test_varnish_serves_stale_pages_while_django_fails_or_is_gone(varnish_in_front):
    """Past their s-maxage, pages Varnish holds are served stale, not replaced by Django's
    503 nor by an error while Django is unreachable; a page it never held gets a short 503."""
    backend, get = varnish_in_front
    first = get("/story/")
    assert (first.status, first.cache) == (200, "MISS")
    time.sleep(1.5)  # past the page's s-maxage
    Backend.failing = True
    for _ in range(3):
        stale = get("/story/")
        assert (stale.status, stale.text, stale.cache) == (200, first.text, "HIT-STALE")
        time.sleep(0.2)
    assert get("/never-cached/").status == 503
    backend.shutdown()
    backend.server_close()
    stale = get("/story/")
    assert (stale.status, stale.text) == (200, first.text)
    gone = get("/never-cached-either/")
    assert gone.status == 503
    assert gone.headers["Retry-After"] == "15"
    assert "Back in a moment" in gone.text
