"""A production deployment as README "Running in production" describes it, run for real.

The systemd units in deploy/systemd/ are read, their paths pointed at this checkout, and their
commands started as systemd would start them: gunicorn with deploy/gunicorn.conf.py, the
background worker, the publish_due timer's job. In between, the steps a person takes:
`check --deploy`, `migrate`, `collectstatic`, `doctor`.

Production refuses to start without a shared cache, so this needs Redis (REDIS_URL: CI's second
pass). It uses PostgreSQL when DATABASE_URL names one, in a database of its own.
"""

import configparser
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNITS = ROOT / "deploy" / "systemd"
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(
    not REDIS_URL, reason="production needs Redis: set REDIS_URL (CI's second pass does)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def unit_command(unit: str) -> list[str]:
    """Return a unit's ExecStart, pointed at this checkout and its virtualenv."""
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.read(UNITS / unit)
    words = parser["Service"]["ExecStart"].split()
    assert words[0] == "/srv/newsroom/.venv/bin/" + Path(words[0]).name
    program = Path(sys.executable).parent / Path(words[0]).name
    return [str(program), *words[1:]]


def fresh_database_url(tmp_path) -> str:
    """A database nobody else uses: a new PostgreSQL database, or a new SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp_path / 'production.sqlite3'}"
    import psycopg

    name = f"newsroom_deploy_{secrets.token_hex(4)}"
    base = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


def drop_database(url: str) -> None:
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def production(tmp_path):
    """The environment file a newsroom would write, for a site on a free port."""
    port = free_port()
    database = fresh_database_url(tmp_path)
    (tmp_path / "media").mkdir()
    environment = {
        **{key: value for key, value in os.environ.items() if not key.startswith("NEWSROOM_")},
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "NEWSROOM_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "NEWSROOM_SITE_URL": f"https://127.0.0.1:{port}",
        "DATABASE_URL": database,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"deploy-test-{port}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "NEWSROOM_BIND": f"127.0.0.1:{port}",
        "NEWSROOM_WEB_WORKERS": "2",
    }
    yield environment, port
    drop_database(database)


def manage(environment, *arguments) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments, **keywords):
        return None  # a redirect is an answer to look at, not to follow


OPENER = urllib.request.build_opener(NoRedirects)


def fetch(url: str, **headers) -> tuple[int, dict, bytes]:
    """GET `url` as the TLS terminator in front would pass it on (X-Forwarded-Proto)."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_until_up(base: str, process: subprocess.Popen) -> None:
    for _ in range(100):
        assert process.poll() is None, "gunicorn exited while starting"
        try:
            if fetch(f"{base}/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("gunicorn did not answer /healthz within 20 s")


def test_the_units_pass_systemds_own_verification(tmp_path):
    """systemd-analyze finds nothing wrong with the units, pointed at this checkout."""
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed")
    (tmp_path / "newsroom.env").write_text("NEWSROOM_ENV=production\n")
    for unit in UNITS.iterdir():
        text = unit.read_text().replace(
            "/srv/newsroom/.venv/bin/", f"{Path(sys.executable).parent}/"
        )
        text = text.replace("/srv/newsroom", str(ROOT))
        text = text.replace("/etc/newsroom/newsroom.env", str(tmp_path / "newsroom.env"))
        (tmp_path / unit.name).write_text(text)
    names = [str(tmp_path / unit.name) for unit in UNITS.iterdir()]
    verified = subprocess.run(
        ["systemd-analyze", "verify", *names], capture_output=True, text=True, timeout=60
    )
    assert verified.returncode == 0, verified.stderr
    assert "publish-due" in (tmp_path / "newsroom-publish-due.timer").read_text()


def test_a_production_deployment_runs_as_documented(production):
    """Set up, started from the units, the site serves pages, static files and a clean doctor."""
    environment, port = production
    base = f"http://127.0.0.1:{port}"

    checked = manage(environment, "check", "--deploy", "--fail-level", "WARNING")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert manage(environment, "migrate", "--no-input").returncode == 0
    hasher = manage(
        environment,
        "shell",
        "-c",
        "from django.contrib.auth.hashers import make_password; print(make_password('s3cret!'))",
    )
    assert hasher.stdout.splitlines()[-1].startswith("argon2$"), hasher.stdout + hasher.stderr
    collected = manage(environment, "collectstatic", "--no-input")
    assert collected.returncode == 0, collected.stderr

    logs = open(Path(environment["MEDIA_ROOT"]).parent / "web.log", "w+")  # noqa: SIM115
    web = subprocess.Popen(
        unit_command("newsroom-web.service"), cwd=ROOT, env=environment, stdout=logs, stderr=logs
    )
    worker = subprocess.Popen(
        unit_command("newsroom-worker.service"),
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(base, web)
        timer = subprocess.run(
            unit_command("newsroom-publish-due.service"),
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert timer.returncode == 0, timer.stderr
        assert "0 scheduled stories went live." in timer.stdout

        doctor = manage(environment, "doctor", "--wait", "30")
        assert doctor.returncode == 0, doctor.stdout + doctor.stderr
        assert re.search(r"^ok\s+worker\s+A worker ran a heartbeat task", doctor.stdout, re.M)
        assert "No problems in" in doctor.stdout

        status, headers, body = fetch(f"{base}/", **{"X-Request-ID": "drill-42"})
        assert status == 200
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert headers["X-Request-ID"] == "drill-42"
        stylesheet = re.search(rb'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', body)
        assert stylesheet, "the page links a hashed stylesheet name"
        status, headers, _ = fetch(base + stylesheet.group(1).decode())
        assert status == 200
        assert "max-age=315360000" in headers["Cache-Control"]
        assert "immutable" in headers["Cache-Control"]

        status, headers, _ = fetch(f"{base}/admin/login/")
        assert status == 200
        assert "Secure" in headers["Set-Cookie"]
        assert fetch(base + "/admin/login/", **{"X-Forwarded-Proto": "http"})[0] == 301

        web.send_signal(signal.SIGHUP)  # the unit's ExecReload
        time.sleep(1)
        wait_until_up(base, web)
    finally:
        web.terminate()
        worker.terminate()
        assert web.wait(timeout=40) == 0
        worker.wait(timeout=120)

    logs.seek(0)
    lines = [json.loads(line) for line in logs.read().splitlines() if line.strip()]
    logs.close()
    access = [line for line in lines if line.get("request_id") == "drill-42"]
    assert access and access[0]["status"] == 200 and access[0]["path"] == "/"
    assert not [line for line in lines if line["level"] in ("ERROR", "CRITICAL")]
