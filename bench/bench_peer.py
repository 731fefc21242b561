"""Newsroom and the Wagtail peer side by side, in one run, as ratios (issue 13's targets).

    .venv/bin/python bench/bench_peer.py [--quick] [--out DIR] [--no-varnish] [--no-steady]

Both sites run at once, each under gunicorn with 2 sync workers on 127.0.0.1, against
PostgreSQL (Newsroom: `newsroom_bench`; the peer: `wagtail_peer`, ../shared/peers/wagtail/).
wrk (`-t2 -c4`) alternates between them round by round, A B B A, so a host whose speed drifts
hits both alike; every round records how much CPU went to processes that are not ours
(`HostLoad`), waits for a quiet host first and is repeated when another job took more than
`--max-foreign` percent. What it measures, with the method of each printed beside the result:

1. a cold article page: every request a page nobody asked for before (Newsroom's page cache
   emptied before each of its rounds, 10,000 paths shuffled, the threads far apart);
2. a cold front page: in-process (Django's test client, the page's cache entry deleted before
   every request) against the peer's uncached `/news/`, and over HTTP with a query string that
   is new on every request (so Newsroom's page cache never has the page);
3. one article repeated, served from Newsroom's Redis page cache (and through Varnish), against
   Django's ceiling: the peer's trivial `/ok/` view in the peer's gunicorn;
4. SQL queries per cold article render (CaptureQueriesContext);
5. a newsroom's steady state: readers with a Zipf-like popularity over the archive for 60 s
   while a story is published every 30 s through `articles.workflow` by a side process, with a
   `db_worker` beside gunicorn: req/s, the page cache's hit rate, and which cached pages a
   publish leaves in the cache;
6. with Varnish: how long after a publish readers see the change through it.

Newsroom's Redis is a redis-server of our own on a spare port (db 9): Redis counts hits and
misses per server, not per database, so a shared server would count other people's reads.

Set-up, once (bench/PEER.md has the details):

    cd ../shared/peers/wagtail && PEER_DB=postgres ./setup.sh --reset-db
    PEER_DB=postgres /tmp/wagtail_peer_venv/bin/python load.py
    createdb -h 127.0.0.1 -U postgres newsroom_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py generate_corpus --articles 10000 --people 500 \
        --tags 200 --seed 1

The script runs itself in helper processes (`_newsroom`, `_peer`, `_publisher`): the peer's
code runs in the peer's virtual environment, Newsroom's in ours.
"""

import argparse
import bisect
import contextlib
import itertools
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve()
LUA = ROOT / "bench" / "wrk_rotate.lua"
PEER_DIR = Path(os.environ.get("PEER_DIR", ROOT.parent / "shared" / "peers" / "wagtail"))
PEER_VENV = Path(os.environ.get("PEER_VENV", "/tmp/wagtail_peer_venv"))
NEWSROOM_PYTHON = ROOT / ".venv" / "bin" / "python"
NEWSROOM_DATABASE = "postgres://postgres@127.0.0.1:5432/newsroom_bench"
PROFILER_PATH = Path("/tmp/bench_peer_pyinstrument")  # pip install --target here (optional)
VCL = ROOT / "deploy" / "varnish" / "newsroom.vcl"
VCL_BACKEND = '    .host = "127.0.0.1";\n    .port = "8000";\n'
PAGE_KEYS = "*newsroom:page:*"
BENCH_REPORTER, BENCH_REVIEWER = (
    "bench-reporter",
    "bench-reviewer",
)  # accounts the runs publish with
THREADS, CONNECTIONS, WORKERS = 2, 4, 2
PORTS = {"newsroom": 8301, "peer": 8302, "varnish": 8303, "redis": 8304}


@dataclass(frozen=True)
class Plan:
    rounds: int = 4  # A B B A B A A B: each variant measured this many times
    duration: int = 15  # seconds of wrk per round
    warmup: int = 5  # seconds of wrk per variant before the rounds
    in_process: int = 200  # renders per page in-process (half in each of two A B B A turns)
    steady: int = 60  # seconds of Zipf traffic
    publish_every: int = 30  # seconds between publishes during it
    steady_warmup: int = 20  # seconds of the same traffic first, to fill the cache
    quiet_wait: int = 120  # seconds to wait for a quiet host before each round
    zipf_exponent: float = 1.0
    zipf_paths: int = 400_000


QUICK = Plan(rounds=2, duration=3, warmup=1, in_process=20, steady=10, publish_every=5,
             steady_warmup=3, quiet_wait=10, zipf_paths=100_000)  # fmt: skip


# --------------------------------------------------------------------------- host and CPU


def read_cpu(pid: str) -> tuple[float, str, int] | None:
    """Return (CPU seconds, command line, parent pid) of a process, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            stat = handle.read()
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            command = handle.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick, command or stat, int(fields[1])


def host_busy() -> float:
    """Return the host's busy CPU seconds since boot (everything but idle and iowait)."""
    with open("/proc/stat") as handle:
        values = [int(value) for value in handle.readline().split()[1:9]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


# Our PostgreSQL backends: the two benchmark databases, whoever the role.
OUR_BACKENDS = re.compile(r"^postgres: [^:]+: \S+ (newsroom_bench|wagtail_peer) ")
POSTMASTER = re.compile(r"/bin/postgres\b")


class HostLoad:
    """How the host's CPU was spent during a window: by us, or by anybody else ("foreign").

    Ours: this process and its descendants (gunicorn, wrk, Redis, Varnish, the worker, the
    publisher), the CPU of children already reaped (wrk, once it has exited), and PostgreSQL
    backends serving the two benchmark databases. A backend can start and exit inside the
    window (the in-process helpers open one connection each), so the postmaster's children are
    looked at every 0.2 s too, and a backend of ours that is gone by the end counts with the
    CPU last seen (at most 0.2 s of its work is missed). The rest of the busy time, kernel
    interrupt time included, is foreign.
    """

    def __init__(self):
        self.start = self._snap()
        self.backends: dict[str, tuple[float, str]] = {}
        self.postmaster = _postmaster()
        self.sampling = True
        self.sampler = threading.Thread(target=self._sample, daemon=True)
        self.sampler.start()

    @staticmethod
    def _snap() -> dict:
        processes = {}
        for pid in os.listdir("/proc"):
            if pid.isdigit() and (found := read_cpu(pid)) is not None:
                processes[pid] = found
        children = os.times()
        return {
            "time": time.monotonic(),
            "busy": host_busy(),
            "reaped": children.children_user + children.children_system,
            "processes": processes,
        }

    def _sample(self) -> None:
        while self.sampling and self.postmaster:
            try:
                path = f"/proc/{self.postmaster}/task/{self.postmaster}/children"
                with open(path) as handle:
                    pids = handle.read().split()
            except OSError:
                return
            for pid in pids:
                found = read_cpu(pid)
                if found and OUR_BACKENDS.search(found[1]):
                    self.backends[pid] = (found[0], found[1])
            time.sleep(0.2)

    def finish(self) -> dict:
        self.sampling = False
        self.sampler.join()
        start, end = self.start, self._snap()
        ours_pids = _descendants(str(os.getpid()), end["processes"])
        by_kind = {"wrk and other exited children": end["reaped"] - start["reaped"]}
        foreign_top = []
        for pid, (cpu, command, _) in end["processes"].items():
            spent = cpu - start["processes"].get(pid, (0.0,))[0]
            if spent <= 0:
                continue
            if pid in ours_pids or OUR_BACKENDS.search(command):
                kind = _kind(command)
                by_kind[kind] = by_kind.get(kind, 0.0) + spent
            else:
                foreign_top.append((spent, f"{pid} {command[:70]}"))
        for pid, (cpu, _) in self.backends.items():
            if pid not in end["processes"]:  # a backend of ours that exited in the window
                spent = cpu - start["processes"].get(pid, (0.0,))[0]
                by_kind["postgres"] = by_kind.get("postgres", 0.0) + max(spent, 0.0)
        ours = sum(by_kind.values())
        window = end["time"] - start["time"]
        cpus = os.cpu_count() or 1
        busy = end["busy"] - start["busy"]
        foreign = max(busy - ours, 0.0)
        foreign_top.sort(reverse=True)
        return {
            "window_s": round(window, 2),
            "busy_pct": round(100 * busy / (window * cpus), 1),
            "ours_pct": round(100 * ours / (window * cpus), 1),
            "foreign_pct": round(100 * foreign / (window * cpus), 1),
            "foreign_top": [f"{spent:.2f}s {what}" for spent, what in foreign_top[:3]],
            "ours_cpu_s": {kind: round(spent, 3) for kind, spent in by_kind.items()},
        }


def _kind(command: str) -> str:
    for kind in ("gunicorn", "postgres", "redis-server", "varnishd", "db_worker", "_publisher"):
        if kind in command:
            return kind
    return "other (this script, helpers)"


def _descendants(root: str, processes: dict) -> set[str]:
    children: dict[str, list[str]] = {}
    for pid, (_, _, parent) in processes.items():
        children.setdefault(str(parent), []).append(pid)
    found, stack = {root}, [root]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _postmaster() -> str | None:
    """Return the pid of PostgreSQL's postmaster (a child of init running bin/postgres)."""
    for pid in os.listdir("/proc"):
        found = read_cpu(pid) if pid.isdigit() else None
        if found and POSTMASTER.search(found[1]) and found[2] == 1:
            return pid
    return None


def wait_quiet(limit_s: int, *, busy_below: float = 10.0) -> float:
    """Wait (up to `limit_s`) for a 2-second window with the host under `busy_below` % busy;
    return the last busy percentage seen."""
    waited = 0.0
    while True:
        load = HostLoad()
        time.sleep(2)
        busy = load.finish()["busy_pct"]
        if busy < busy_below or waited >= limit_s:
            if busy >= busy_below:
                log(f"  host still {busy} % busy after {waited:.0f} s: measuring anyway")
            return busy
        log(f"  host {busy} % busy (another job): waiting")
        time.sleep(3)
        waited += 5


def wait_for_low_load(below: float, limit_s: int) -> float:
    """Wait up to `limit_s` for the 1-minute load average to fall below `below`."""
    deadline = time.monotonic() + limit_s
    while True:
        load = os.getloadavg()[0]
        if load < below or time.monotonic() >= deadline:
            return load
        log(f"load average {load:.2f} (want < {below}): waiting")
        time.sleep(20)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- processes


class Process:
    """A server we start and stop by its own pid (never by name)."""

    def __init__(self, name: str, command: list[str], *, env: dict, cwd: Path, log_path: Path):
        self.name = name
        self.log_path = log_path
        self.log_file = log_path.open("w")
        self.popen = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=self.log_file, stderr=subprocess.STDOUT
        )

    def wait_for_port(self, port: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.log_path.read_text()[-3000:]}")
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not listen on {port}")

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        self.log_file.close()


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is no owner
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def http_get(url: str, timeout: float = 10) -> tuple[int, dict, bytes]:
    """GET `url` directly (no proxy); return status, headers and body."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def newsroom_env(redis_url: str, varnish_url: str = "") -> dict:
    env = {k: v for k, v in os.environ.items() if k != "NEWSROOM_ENV"}
    env |= {
        "DATABASE_URL": os.environ.get("NEWSROOM_BENCH_DATABASE_URL", NEWSROOM_DATABASE),
        "REDIS_URL": redis_url,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "NEWSROOM_TASKS": "database",
        "NEWSROOM_VARNISH_URL": varnish_url,
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    return env


def peer_env() -> dict:
    return os.environ | {"PEER_DB": "postgres", "PEER_DEBUG": "0"}


def helper(python: Path, role: str, env: dict, *args: str, timeout: float = 1800) -> dict:
    """Run this script as `role` under `python`; return the JSON of its last output line."""
    done = subprocess.run(
        [str(python), str(HERE), role, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{role} {' '.join(args)} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- wrk


def run_wrk(base: str, paths: Path, seconds: float, *, offset: int = 0) -> dict:
    command = [
        "wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency",
        "-s", str(LUA), base, "--", str(paths), str(THREADS), str(offset),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)
    line = next((line for line in done.stdout.splitlines() if line.startswith("WRK_JSON ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
    result = json.loads(line[len("WRK_JSON ") :])
    result["errors"] = sum(
        result[name] for name in ("err_connect", "err_read", "err_write", "err_timeout")
    )
    result["non2xx"] = result["n3xx"] + result["n4xx"] + result["n5xx"] + result["nother"]
    return result


@dataclass
class Variant:
    """One thing wrk measures: a site, a list of paths, and what to do before each round."""

    name: str
    base: str
    paths: Path
    before: object = None  # callable run before each round (e.g. empty the page cache)
    fresh_paths: bool = False  # must every request be a path not asked for before?
    rounds: list = field(default_factory=list)


def interleave(variants: list[Variant], plan: Plan, max_foreign: float) -> None:
    """Measure the variants round by round, in order and then in reverse (A B B A ...)."""
    for variant in variants:  # warm up: connections, code paths, PostgreSQL's buffers
        if variant.before:
            variant.before()
        run_wrk(variant.base, variant.paths, plan.warmup, offset=7919)
    for round_number in range(plan.rounds):
        order = variants if round_number % 2 == 0 else variants[::-1]
        for variant in order:
            for attempt in range(3):
                wait_quiet(plan.quiet_wait)
                if variant.before:
                    variant.before()
                load = HostLoad()
                result = run_wrk(
                    variant.base, variant.paths, plan.duration, offset=round_number * 1009
                )
                result["host"] = load.finish()
                result["attempt"] = attempt + 1
                if result["host"]["foreign_pct"] <= max_foreign:
                    break
                log(f"  {variant.name}: foreign CPU {result['host']['foreign_pct']} %: again")
            if variant.fresh_paths:
                per_thread = result["path_count"] // THREADS
                result["paths_exhausted"] = result["requests"] / THREADS > per_thread
            variant.rounds.append(result)
            log(
                f"  round {round_number + 1} {variant.name}: {result['rps']:.1f} req/s, "
                f"p50 {result['p50_ms']:.2f} ms, p99 {result['p99_ms']:.2f} ms, "
                f"non-2xx {result['non2xx']}, errors {result['errors']}, "
                f"foreign CPU {result['host']['foreign_pct']} %"
            )


def cpu_per_request(result: dict) -> float:
    """Milliseconds of CPU that all our processes (server, database, wrk) spent per request."""
    host = result["host"]
    cpu_s = host["ours_pct"] / 100 * host["window_s"] * (os.cpu_count() or 1)
    return 1000 * cpu_s / max(result["requests"], 1)


def summary(variant: Variant) -> dict:
    rounds = variant.rounds
    return {
        "rps": statistics.median(r["rps"] for r in rounds),
        "rps_min": min(r["rps"] for r in rounds),
        "rps_max": max(r["rps"] for r in rounds),
        "p50_ms": statistics.median(r["p50_ms"] for r in rounds),
        "p99_ms": statistics.median(r["p99_ms"] for r in rounds),
        "non2xx": sum(r["non2xx"] for r in rounds),
        "errors": sum(r["errors"] for r in rounds),
        "foreign_max": max(r["host"]["foreign_pct"] for r in rounds),
        "cpu_ms_per_request": statistics.median(cpu_per_request(r) for r in rounds),
        "cpu_ms_per_request_by_kind": {
            kind: statistics.median(
                1000 * r["host"]["ours_cpu_s"].get(kind, 0.0) / max(r["requests"], 1)
                for r in rounds
            )
            for kind in {kind for r in rounds for kind in r["host"]["ours_cpu_s"]}
        },
        "exhausted": any(r.get("paths_exhausted") for r in rounds),
        "rounds": rounds,
    }


# --------------------------------------------------------------------------- Redis, Varnish


class Redis:
    """Our own redis-server (no persistence), or an existing one named by --redis-url."""

    def __init__(self, out: Path, url: str = ""):
        import redis  # Newsroom's dependency: this script runs in Newsroom's environment

        self.process = None
        if not url:
            port = PORTS["redis"]
            self.process = Process(
                "redis-server",
                [shutil.which("redis-server") or "redis-server", "--port", str(port),
                 "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(out)],
                env=dict(os.environ), cwd=out, log_path=out / "redis.log",
            )  # fmt: skip
            self.process.wait_for_port(port)
            url = f"redis://127.0.0.1:{port}/9"
        self.url = url
        self.client = redis.Redis.from_url(url)

    def flush(self) -> None:
        self.client.flushdb()

    def page_keys(self) -> list[bytes]:
        return list(self.client.scan_iter(match=PAGE_KEYS, count=1000))

    def version(self) -> str:
        return self.client.info("server")["redis_version"]

    def key_events(self):
        """Count, from now until `stop()`, the page keys Redis found missing and the pages it
        stored (keyspace notifications: only on our own Redis, whose settings we may change)."""
        if self.process is None:
            log("  --redis-url: not our Redis, so no key events: no hit rate")
            return None
        self.client.config_set("notify-keyspace-events", "Em$")
        return KeyEvents(self.client, self.client.connection_pool.connection_kwargs["db"])

    def stop(self) -> None:
        if self.process:
            self.process.stop()


class KeyEvents:
    """A thread counting Redis's "keymiss" and "set" events on page keys."""

    def __init__(self, client, db: int):
        self.counts = {"keymiss": 0, "set": 0}
        self.pubsub = client.pubsub(ignore_subscribe_messages=True)
        self.pubsub.psubscribe(f"__keyevent@{db}__:keymiss", f"__keyevent@{db}__:set")
        self.pubsub.get_message(timeout=1)  # the subscription is in place before we go on
        self.running = True
        self.thread = threading.Thread(target=self._count, daemon=True)
        self.thread.start()

    def _count(self) -> None:
        while self.running:
            message = self.pubsub.get_message(timeout=0.2)
            if message and b"newsroom:page:" in message["data"]:
                self.counts[message["channel"].rsplit(b":", 1)[-1].decode()] += 1

    def stop(self) -> dict:
        time.sleep(0.5)  # the last events arrive
        self.running = False
        self.thread.join()
        self.pubsub.close()
        return self.counts


def start_varnish(out: Path, backend_port: int) -> Process | None:
    varnishd = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")
    if not varnishd or not VCL.exists():
        return None
    text = VCL.read_text()
    if VCL_BACKEND not in text:
        log("deploy/varnish/newsroom.vcl no longer names its backend as expected: no Varnish")
        return None
    vcl = out / "newsroom.vcl"
    vcl.write_text(
        text.replace(VCL_BACKEND, f'    .host = "127.0.0.1";\n    .port = "{backend_port}";\n')
    )
    workdir = out / "varnish"
    shutil.rmtree(workdir, ignore_errors=True)
    process = Process(
        "varnishd",
        [varnishd, "-F", "-j", "none", "-n", str(workdir), "-T", "none",
         "-a", f"127.0.0.1:{PORTS['varnish']}", "-s", "malloc,256m", "-f", str(vcl)],
        env=dict(os.environ), cwd=out, log_path=out / "varnishd.log",
    )  # fmt: skip
    process.wait_for_port(PORTS["varnish"])
    return process


# --------------------------------------------------------------------------- the run


def machine_facts(redis: Redis) -> dict:
    def run(*command: str) -> str:
        with contextlib.suppress(Exception):
            done = subprocess.run(command, capture_output=True, text=True, timeout=20)
            return (done.stdout or done.stderr).strip()
        return "?"

    cpu = next(
        (line.split(":", 1)[1].strip() for line in run("lscpu").splitlines()
         if line.startswith("Model name")), "?",
    )  # fmt: skip
    versions = (
        "import importlib.metadata as m; print(' '.join(f'{p} {m.version(p)}' for p in NAMES))"
    )
    return {
        "date_utc": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "memory": run("free", "-h").splitlines()[1].split()[1],
        "kernel": platform.release(),
        "python": platform.python_version(),
        "newsroom": run(
            str(NEWSROOM_PYTHON),
            "-c",
            versions.replace("NAMES", '("Django", "gunicorn", "psycopg")'),
        ),
        "peer": run(
            str(PEER_VENV / "bin/python"),
            "-c",
            versions.replace("NAMES", '("Django", "wagtail", "gunicorn", "psycopg")'),
        ),  # fmt: skip
        "postgresql": run(
            "psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", "show server_version"
        ),
        "redis": redis.version(),
        "wrk": run("wrk", "-v").splitlines()[0],
        "varnish": run("varnishd", "-V").splitlines()[0] if shutil.which("varnishd") else "none",
        "load_average": " ".join(f"{value:.2f}" for value in os.getloadavg()),
        "newsroom_commit": run("git", "-C", str(ROOT), "log", "-1", "--format=%h %s")[:100],
        "newsroom_changed_files": len(
            run("git", "-C", str(ROOT), "status", "--short", "--untracked-files=no").splitlines()
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short durations: a smoke run")
    parser.add_argument("--out", type=Path, help="results folder (default /tmp/bench_peer/<time>)")
    parser.add_argument("--redis-url", default="", help="use this Redis instead of our own")
    parser.add_argument("--no-varnish", action="store_true")
    parser.add_argument("--no-steady", action="store_true", help="skip the steady state")
    parser.add_argument("--max-foreign", type=float, default=2.0, help="CPU %% not ours, per round")
    parser.add_argument(
        "--wait-load", type=float, default=0.5, help="wait (up to 10 min) for this load average"
    )
    args = parser.parse_args()
    plan = QUICK if args.quick else Plan()
    out = args.out or Path("/tmp/bench_peer") / datetime.now().strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    preflight()
    if not args.quick:
        load = wait_for_low_load(args.wait_load, 600)
        log(f"starting at load average {load:.2f}")
    results: dict = {"plan": plan.__dict__ | {"quick": args.quick}}
    redis = Redis(out, args.redis_url)
    processes: list = []
    try:
        results["machine"] = machine_facts(redis)
        run_everything(plan, out, redis, processes, results, args)
    finally:
        for process in reversed(processes):
            if process is not None:
                process.stop()
        redis.stop()
    results["machine"]["load_average_end"] = " ".join(f"{v:.2f}" for v in os.getloadavg())
    (out / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    table = report(results)
    (out / "results.md").write_text(table)
    print(table)
    log(f"results: {out}/results.md, {out}/results.json")


def preflight() -> None:
    problems = []
    if not shutil.which("wrk"):
        problems.append("wrk is missing: apt-get install wrk")
    if not (PEER_VENV / "bin" / "gunicorn").exists():
        problems.append(f"no peer venv at {PEER_VENV}: run {PEER_DIR}/setup.sh (README there)")
    for port in (PORTS["newsroom"], PORTS["peer"], PORTS["varnish"], PORTS["redis"]):
        if not port_free(port):
            problems.append(f"port {port} is in use")
    if problems:
        sys.exit("\n".join(problems))


def run_everything(plan: Plan, out: Path, redis: Redis, processes: list, results: dict, args):
    use_varnish = not args.no_varnish and shutil.which("varnishd") and VCL.exists()
    varnish_url = f"http://127.0.0.1:{PORTS['varnish']}" if use_varnish else ""
    env = newsroom_env(redis.url, varnish_url)

    log("writing the path lists")
    ours = helper(NEWSROOM_PYTHON, "_newsroom", env, "paths", str(out), str(plan.zipf_paths),
                  str(plan.zipf_exponent))  # fmt: skip
    theirs = helper(PEER_VENV / "bin/python", "_peer", peer_env(), "paths", str(out))
    results["corpus"] = {"newsroom": ours, "peer": theirs}
    if ours["articles"] < 10_000 or theirs["articles"] < 10_000:
        log(f"warning: fewer than 10,000 articles (Newsroom {ours['articles']}, "
            f"peer {theirs['articles']})")  # fmt: skip
    for name, path in (("newsroom", "/?bench="), ("peer", "/news/?bench=")):
        lines = (f"{path}{number}\n" for number in range(1, 200_001))
        (out / f"{name}_front_unique.txt").write_text("".join(lines))
    (out / "peer_ok.txt").write_text("/ok/\n")
    (out / "newsroom_healthz.txt").write_text("/healthz\n")

    log("in-process: cold front page and cold article renders, A B B A")
    redis.flush()
    results["in_process"] = in_process(plan, out, env)

    log("starting gunicorn (Newsroom, peer), and Varnish")
    newsroom = Process(
        "newsroom gunicorn",
        [str(ROOT / ".venv/bin/gunicorn"), "newsroom.wsgi", "-w", str(WORKERS),
         "-b", f"127.0.0.1:{PORTS['newsroom']}", "--log-level", "warning"],
        env=env, cwd=ROOT, log_path=out / "gunicorn_newsroom.log",
    )  # fmt: skip
    processes.append(newsroom)
    peer = Process(
        "peer gunicorn",
        [str(PEER_VENV / "bin/gunicorn"), "peersite.wsgi:application", "--workers", str(WORKERS),
         "--worker-class", "sync", "--bind", f"127.0.0.1:{PORTS['peer']}",
         "--log-level", "warning"],
        env=peer_env(), cwd=PEER_DIR / "peersite", log_path=out / "gunicorn_peer.log",
    )  # fmt: skip
    processes.append(peer)
    newsroom.wait_for_port(PORTS["newsroom"])
    peer.wait_for_port(PORTS["peer"])
    varnish = start_varnish(out, PORTS["newsroom"]) if use_varnish else None
    processes.append(varnish)
    results["varnish"] = bool(varnish)

    base_ours = f"http://127.0.0.1:{PORTS['newsroom']}"
    base_theirs = f"http://127.0.0.1:{PORTS['peer']}"
    base_edge = f"http://127.0.0.1:{PORTS['varnish']}"
    single = ours["single"]
    for base, path in ((base_ours, single), (base_ours, "/"), (base_ours, "/healthz"),
                       (base_theirs, theirs["single"]), (base_theirs, "/news/"),
                       (base_theirs, "/ok/")):  # fmt: skip
        status, _, _ = http_get(base + path)
        if status != 200:
            raise RuntimeError(f"GET {base}{path} answered {status}")

    cold = [
        Variant("newsroom: rotating articles", base_ours, out / "newsroom_articles.txt",
                before=redis.flush, fresh_paths=True),
        Variant("peer: rotating articles", base_theirs, out / "peer_articles.txt",
                fresh_paths=True),
    ]  # fmt: skip
    log("1. cold article page, rotating")
    interleave(cold, plan, args.max_foreign)
    front = [
        Variant("newsroom: front page, new query each request", base_ours,
                out / "newsroom_front_unique.txt", before=redis.flush, fresh_paths=True),
        Variant("peer: /news/, new query each request", base_theirs,
                out / "peer_front_unique.txt", fresh_paths=True),
    ]  # fmt: skip
    log("2. cold front page over HTTP")
    interleave(front, plan, args.max_foreign)

    def prime_single():
        for base in (base_ours, base_edge) if varnish else (base_ours,):
            http_get(base + single)

    repeated = [
        Variant("newsroom: one article, Redis page cache", base_ours, out / "newsroom_single.txt",
                before=prime_single),
        Variant("peer: /ok/ (Django's ceiling)", base_theirs, out / "peer_ok.txt"),
        Variant("peer: one article", base_theirs, out / "peer_single.txt"),
        Variant("newsroom: /healthz", base_ours, out / "newsroom_healthz.txt"),
    ]  # fmt: skip
    if varnish:
        repeated.insert(
            2,
            Variant(
                "newsroom: one article through Varnish",
                base_edge,
                out / "newsroom_single.txt",
                before=prime_single,
            ),
        )
    log("3. one article repeated, against /ok/")
    interleave(repeated, plan, args.max_foreign)
    if varnish:
        status, headers, _ = http_get(base_edge + single)
        results["varnish_x_cache"] = headers.get("X-Cache")
    results["wrk"] = {v.name: summary(v) for v in (*cold, *front, *repeated)}

    peer.stop()
    processes.remove(peer)
    if not args.no_steady:
        log("5. steady state: Zipf readers, a publish every "
            f"{plan.publish_every} s, with a db_worker")  # fmt: skip
        worker = Process(
            "db_worker",
            [str(NEWSROOM_PYTHON), "manage.py", "db_worker", "--interval", "0.5", "-v", "0"],
            env=env, cwd=ROOT, log_path=out / "db_worker.log",
        )  # fmt: skip
        processes.append(worker)
        publisher = Publisher(
            env, out, base_ours, base_edge if varnish else "", out / "varnish" if varnish else ""
        )
        processes.append(publisher)
        publisher.ready = publisher.ask({"do": "setup"})
        results["steady"] = steady_state(plan, out, redis, publisher, base_ours, args)
        if varnish:
            log("6. a publish, seen through Varnish")
            results["edge_visibility"] = edge_visibility(publisher)


def in_process(plan: Plan, out: Path, env: dict) -> dict:
    """Time cold renders with Django's test client, Newsroom and peer alternating A B B A."""
    half = max(plan.in_process // 2, 1)
    runs = {"newsroom": [], "peer": []}
    foreign = []
    for name in ("newsroom", "peer", "peer", "newsroom"):
        wait_quiet(plan.quiet_wait)
        load = HostLoad()
        if name == "newsroom":
            runs[name].append(helper(NEWSROOM_PYTHON, "_newsroom", env, "render", str(out),
                                     str(half), str(len(runs[name]))))  # fmt: skip
        else:
            runs[name].append(helper(PEER_VENV / "bin/python", "_peer", peer_env(), "render",
                                     str(out), str(half), str(len(runs[name]))))  # fmt: skip
        foreign.append(load.finish()["foreign_pct"])
        log(f"  {name}: foreign CPU {foreign[-1]} %")
    merged = {}
    for name, found in runs.items():
        merged[name] = {}
        for page in found[0]["timings"]:
            samples = [ms for run in found for ms in run["timings"][page]]
            merged[name][page] = {
                "n": len(samples),
                "median_ms": statistics.median(samples),
                "p90_ms": statistics.quantiles(samples, n=10)[-1],
                "mean_ms": statistics.fmean(samples),
            }
        merged[name]["queries"] = found[0]["queries"]
        for page, text in found[0].get("profile", {}).items():
            if text:
                (out / f"profile_{name}_{page.replace(' ', '_')}.txt").write_text(text)
    merged["foreign_pct"] = foreign
    return merged


class Publisher:
    """The side process that publishes stories through `articles.workflow` on request."""

    def __init__(self, env: dict, out: Path, base: str, edge: str, varnish_dir):
        self.log_file = (out / "publisher.log").open("w")
        self.popen = subprocess.Popen(
            [str(NEWSROOM_PYTHON), str(HERE), "_publisher", base, edge, str(varnish_dir)],
            env=env, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.log_file, text=True, bufsize=1,
        )  # fmt: skip
        self.ready: dict = {}

    def ask(self, command: dict) -> dict:
        self.popen.stdin.write(json.dumps(command) + "\n")
        self.popen.stdin.flush()
        line = self.popen.stdout.readline()
        if not line:
            raise RuntimeError("the publisher died: see publisher.log")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"publisher: {answer['error']}")
        return answer

    def stop(self) -> None:
        if self.popen.poll() is None:
            with contextlib.suppress(Exception):
                self.ask({"do": "quit"})
            try:
                self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.popen.kill()
        self.log_file.close()


def steady_state(plan: Plan, out: Path, redis: Redis, publisher, base: str, args) -> dict:
    paths = out / "newsroom_zipf.txt"
    redis.flush()
    publisher.ask({"do": "touch_purges"})  # the purge counter exists, as on a live site
    log(f"  warm-up: {plan.steady_warmup} s of the same readers")
    run_wrk(base, paths, plan.steady_warmup, offset=plan.zipf_paths // 2)
    cached_before = len(redis.page_keys())
    wait_quiet(plan.quiet_wait)
    events = redis.key_events()
    load = HostLoad()
    holder: dict = {}
    reader = threading.Thread(
        target=lambda: holder.update(wrk=run_wrk(base, paths, plan.steady)), daemon=True
    )
    started = time.monotonic()
    reader.start()
    publishes = []
    for moment in range(plan.publish_every // 2, plan.steady, plan.publish_every):
        time.sleep(max(0.0, started + moment - time.monotonic()))
        answer = publisher.ask({"do": "publish", "survival": True})
        publishes.append(answer)
        log(f"  published story {answer['article_id']} at {moment} s: approve "
            f"{answer['approve_ms']:.0f} ms; of {answer['cached_before']} cached article pages "
            f"{answer['survived']} still cached ({100 * answer['survived_fraction']:.1f} %); "
            f"front page purged: {answer['front_purged']}")  # fmt: skip
    reader.join()
    host = load.finish()
    counted = events.stop() if events else None
    wrk = holder["wrk"]
    # Every page request reads the page's key; when it is not there, Redis reports the miss
    # (a "keymiss" event), whatever else the request then reads or writes. The publisher's
    # own look at which pages survived a publish is left out, and its request of the front
    # page counted in.
    requests = wrk["requests"] + sum(p["page_requests"] for p in publishes)
    result = {
        "wrk": wrk,
        "host": host,
        "cached_pages_after_warmup": cached_before,
        "cached_pages_end": len(redis.page_keys()),
        "page_requests": requests,
        "publishes": publishes,
    }
    if counted is not None:
        page_misses = counted["keymiss"] - sum(p["page_key_misses"] for p in publishes)
        result |= {
            "page_misses": page_misses,
            "page_stores": counted["set"],
            "page_hit_rate": 1 - page_misses / requests if requests else 0.0,
        }
        log(f"  steady state: {wrk['rps']:.1f} req/s, page hit rate "
            f"{100 * result['page_hit_rate']:.1f} % ({page_misses} misses, {counted['set']} "
            f"pages stored, of {requests} requests), foreign CPU {host['foreign_pct']} %")  # fmt: skip
    return result


def edge_visibility(publisher) -> dict:
    """Publish a new story and correct a live one (the publisher's first story, so the archive
    the other measures read stays as generated); poll through Varnish until readers see it."""
    found = {}
    found["new_story_on_front_page"] = publisher.ask({"do": "publish", "poll": "/"})
    first = publisher.ready
    found["correction_on_article"] = publisher.ask(
        {"do": "correct", "path": first["first_path"], "article_id": first["first_story"]}
    )
    for name, answer in found.items():
        log(f"  {name}: Varnish purged after {answer['first_miss_after_ms']} ms, "
            f"visible after {answer['visible_after_ms']} ms")  # fmt: skip
    return found


# --------------------------------------------------------------------------- the report


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def report(results: dict) -> str:
    wrk = results.get("wrk", {})
    ip = results.get("in_process", {})
    lines = []
    m = results["machine"]
    lines.append(f"## Newsroom and the Wagtail peer, {m['date_utc']}\n")
    lines.append(
        f"{m['cpus']} CPUs ({m['cpu_model']}), {m['memory']}, kernel {m['kernel']}, "
        f"Python {m['python']}; Newsroom: {m['newsroom']}; peer: {m['peer']}; PostgreSQL "
        f"{m['postgresql']}, Redis {m['redis']}, {m['wrk']}, {m['varnish']}. Load average at "
        f"the start {m['load_average']}, at the end {m.get('load_average_end')}. Newsroom at "
        f"{m['newsroom_commit']!r} with {m['newsroom_changed_files']} files changed since. "
        f"{'Quick smoke run: too short to trust.' if results['plan']['quick'] else ''}\n"
    )
    lines.append("| measure | Newsroom | Wagtail peer | Newsroom / peer | target |")
    lines.append("|---|---:|---:|---:|---|")

    def cell(s: dict) -> str:
        return f"{s['rps']:,.0f} req/s ({s['p50_ms']:.1f} / {s['p99_ms']:.1f} ms)"

    def row(label, ours, theirs, target, ratio_value=None):
        r = ratio_value if ratio_value is not None else ratio(ours["rps"], theirs["rps"])
        lines.append(f"| {label} | {cell(ours)} | {cell(theirs)} | **{r:.2f}×** | {target} |")

    if wrk:
        row("1. cold article page, rotating (wrk)", wrk["newsroom: rotating articles"],
            wrk["peer: rotating articles"], "≥ 5×")  # fmt: skip
    if ip:
        ours, theirs = ip["newsroom"]["front"], ip["peer"]["front"]
        lines.append(
            f"| 2. cold front page, in-process (median ms, mean ms; n={ours['n']}) | "
            f"{ours['median_ms']:.1f} ms, {ours['mean_ms']:.1f} ms | "
            f"{theirs['median_ms']:.1f} ms, {theirs['mean_ms']:.1f} ms (`/news/`) | "
            f"**{ratio(theirs['median_ms'], ours['median_ms']):.2f}×** | ≥ 3× |"
        )
    if wrk:
        row("2b. cold front page over HTTP, new query string each request (wrk)",
            wrk["newsroom: front page, new query each request"],
            wrk["peer: /news/, new query each request"], "≥ 3×")  # fmt: skip
    if ip:
        ours, theirs = ip["newsroom"]["article"], ip["peer"]["article"]
        lines.append(
            f"| cold article render, in-process (median ms, mean ms; n={ours['n']}) | "
            f"{ours['median_ms']:.1f} ms, {ours['mean_ms']:.1f} ms | "
            f"{theirs['median_ms']:.1f} ms, {theirs['mean_ms']:.1f} ms | "
            f"**{ratio(theirs['median_ms'], ours['median_ms']):.2f}×** | |"
        )
    if wrk:
        ok = wrk["peer: /ok/ (Django's ceiling)"]
        cached = wrk["newsroom: one article, Redis page cache"]
        lines.append(
            f"| 3. one article repeated, Newsroom's Redis page cache vs the peer's `/ok/` | "
            f"{cell(cached)} | {cell(ok)} (`/ok/`) | **{ratio(cached['rps'], ok['rps']):.2f}× "
            f"of `/ok/`** | ≥ 0.60× |"
        )
        if "newsroom: one article through Varnish" in wrk:
            edge = wrk["newsroom: one article through Varnish"]
            lines.append(
                f"| 3b. one article through Varnish vs the peer's `/ok/` | {cell(edge)} | "
                f"{cell(ok)} (`/ok/`) | **{ratio(edge['rps'], ok['rps']):.2f}× of `/ok/`** | "
                f"≥ 3× |"
            )
        row("one article repeated, each site's own way", cached, wrk["peer: one article"], "")
        health = wrk["newsroom: /healthz"]
        lines.append(f"| Newsroom `/healthz` (a trivial view behind Newsroom's middleware) | "
                     f"{cell(health)} | {cell(ok)} (`/ok/`) | {ratio(health['rps'], ok['rps']):.2f}× "
                     f"| |")  # fmt: skip
    if ip:
        q_ours, q_theirs = ip["newsroom"]["queries"], ip["peer"]["queries"]
        lines.append(
            f"| 4. SQL queries per cold article render (min–max over {q_ours['renders']}) | "
            f"{q_ours['article_min']}–{q_ours['article_max']} | "
            f"{q_theirs['article_min']}–{q_theirs['article_max']} | | ≤ 8 |"
        )
        lines.append(
            f"| SQL queries, cold front page | {q_ours['front']} | {q_theirs['front']} "
            f"(`/news/`) | | ≤ 8 |"
        )
    steady = results.get("steady")
    if steady:
        w = steady["wrk"]
        publishes = steady["publishes"]
        kept = [p["survived_fraction"] for p in publishes]
        hit_rate = (
            f"{100 * steady['page_hit_rate']:.1f} %" if "page_hit_rate" in steady else "not counted"
        )
        lines.append(
            f"| 5. steady state: Zipf readers {results['plan']['steady']} s, a publish every "
            f"{results['plan']['publish_every']} s | {w['rps']:,.0f} req/s ({w['p50_ms']:.1f} / "
            f"{w['p99_ms']:.1f} ms); page hit rate {hit_rate} | | | |"
        )
        lines.append(
            f"| cached article pages still cached after one publish | "
            f"{', '.join(f'{100 * k:.1f} %' for k in kept)} (front page purged: "
            f"{', '.join(str(p['front_purged']) for p in publishes)}) | | | ≥ 95 % |"
        )
        would = [p.get("would_survive_fraction") for p in publishes]
        if any(fraction is not None for fraction in would):
            lines.append(
                "| the same, counted from the keys the publish purged (Varnish's log) and the "
                "keys each cached page carries | "
                + ", ".join(f"{100 * f:.1f} %" if f is not None else "?" for f in would)
                + " ("
                + ", ".join(str(p.get("purged_keys")) for p in publishes)
                + " keys purged) | | | ≥ 95 % |"
            )
    if steady:
        writes = [p["write_ms"] for p in publishes]
        approvals = [p["approve_ms"] for p in publishes]
        builds = [
            task["ms"]
            for p in publishes
            for task in p["tasks"] or []
            if task["task"] == "reader.tasks.rebuild_page"
        ]
        lines.append(
            f"| a publish during it: write + submit, approve (with the purge), then the "
            f"background `rebuild_page` | {', '.join(f'{w:.0f}' for w in writes)} ms; "
            f"{', '.join(f'{a:.0f}' for a in approvals)} ms; "
            f"{', '.join(f'{b:.0f}' for b in builds)} ms | | | |"
        )
    edge = results.get("edge_visibility")
    if edge:
        for name, label in (("new_story_on_front_page", "a new story on the front page"),
                            ("correction_on_article", "a correction on a cached article")):  # fmt: skip
            answer = edge[name]
            seen = answer.get("visible_after_ms")
            shown = f"{seen:.0f} ms" if seen is not None else f"not within {answer['timeout_s']} s"
            miss = answer["first_miss_after_ms"]
            purged = f"Varnish purged after {miss:.0f} ms" if miss is not None else "never purged"
            lines.append(
                f"| 6. publish → visible through Varnish: {label} | {shown} after the call "
                f"started ({purged}) | | | ≤ 1 s |"
            )
    elif results.get("varnish") is False:
        lines.append("| 6. through Varnish | skipped: varnishd or deploy/varnish/newsroom.vcl "
                     "missing | | | |")  # fmt: skip
    if wrk and all("cpu_ms_per_request_by_kind" in v for v in wrk.values()):
        kinds = ["gunicorn", "postgres", "wrk and other exited children", "redis-server",
                 "varnishd"]  # fmt: skip
        lines.append("\nCPU per request, all cores, by process (ms; medians over rounds):\n")
        lines.append("| run | req/s | all ours | " + " | ".join(kinds) + " |")
        lines.append("|---|---:|---:|" + "---:|" * len(kinds))
        for name, v in wrk.items():
            split = v["cpu_ms_per_request_by_kind"]
            lines.append(
                f"| {name} | {v['rps']:,.0f} | {v['cpu_ms_per_request']:.2f} | "
                + " | ".join(f"{split.get(kind, 0.0):.2f}" for kind in kinds)
                + " |"
            )
    lines.append("")
    lines.append(METHOD)
    warnings = []
    for name, s in wrk.items():
        if s["non2xx"] or s["errors"]:
            warnings.append(f"{name}: {s['non2xx']} non-2xx answers, {s['errors']} socket errors")
        if s["exhausted"]:
            warnings.append(f"{name}: the threads ran past each other in the path list")
        if s["foreign_max"] > 2:
            warnings.append(f"{name}: up to {s['foreign_max']} % foreign CPU in a round")
    if ip and max(ip["foreign_pct"]) > 2:
        warnings.append(f"in-process turns: {ip['foreign_pct']} % foreign CPU")
    if steady:
        if steady["host"]["foreign_pct"] > 2:
            warnings.append(f"steady state: {steady['host']['foreign_pct']} % foreign CPU")
        if any(not p["front_purged"] for p in steady["publishes"]):
            warnings.append(
                "steady state: a publish left the front page in Newsroom's Redis page cache "
                "(the purge did not reach pages other processes stored)"
            )
    if warnings:
        lines.append("\nWarnings:\n")
        lines += [f"- {warning}" for warning in warnings]
    return "\n".join(lines) + "\n"


METHOD = """How each figure is made: req/s is wrk's (`-t2 -c4`), the median over the rounds,
A B B A; latencies are p50 / p99 (medians over rounds). Both sites run under gunicorn with 2
sync workers, DEBUG off, on PostgreSQL, with 10,000 articles each. 1: every request is a page
not asked for before (Newsroom's page cache emptied before each round; the peer has none).
2: in-process, the median of Django's test client `get("/")` with the page's cache entry
deleted before each request, against the peer's `/news/` (no page cache) the same way; 2b: the
same over HTTP, each request with a new query string so Newsroom's page cache never holds it.
3: one article served from Newsroom's Redis page cache against the peer's trivial `/ok/` view
(Django's ceiling: same Django, same gunicorn). 4: CaptureQueriesContext on cold renders. 5:
readers draw articles by a Zipf law over the archive; a side process publishes a story through
`articles.workflow` (a reporter writes, a reviewer approves) while a `db_worker` runs; the hit
rate is 1 - page misses / requests, the misses counted from Redis's key-miss events on page
keys (a Redis of our own, with keyspace notifications on);
"still cached" compares the cached page keys before a publish with the same keys once its
background task has run. 6: the time from the start of the approval until a reader polling
through Varnish every 10 ms sees the change."""


# --------------------------------------------------------------------------- helpers: Newsroom


def setup_newsroom() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def newsroom_helper(args: list[str]) -> None:
    setup_newsroom()
    from articles.models import Article

    mode, out = args[0], Path(args[1])
    if mode == "paths":
        zipf_count, exponent = int(args[2]), float(args[3])
        # The generated archive, without the stories earlier runs published.
        generated = Article.objects.published().exclude(created_by__username=BENCH_REPORTER)
        stories = list(generated.order_by("pk"))
        paths = [story.get_absolute_url() for story in stories]
        middle = stories[len(stories) // 2]
        shuffled = paths[:]
        random.Random(1).shuffle(shuffled)
        (out / "newsroom_articles.txt").write_text("\n".join(shuffled) + "\n")
        (out / "newsroom_single.txt").write_text(middle.get_absolute_url() + "\n")
        # Popularity: rank r (a shuffled order: old and new stories alike) read in proportion
        # to 1 / r**exponent; the draws are made here, the Lua script only replays them.
        weights = list(
            itertools.accumulate(1 / rank**exponent for rank in range(1, len(paths) + 1))
        )
        draw = random.Random(2)
        total = weights[-1]
        zipf = [shuffled[bisect.bisect(weights, draw.random() * total)] for _ in range(zipf_count)]
        (out / "newsroom_zipf.txt").write_text("\n".join(zipf) + "\n")
        top = len(set(zipf[: zipf_count // 10]))
        print(json.dumps({"articles": len(paths), "single": middle.get_absolute_url(),
                          "single_id": middle.pk, "zipf_distinct_in_first_tenth": top}))  # fmt: skip
    elif mode == "render":
        print(json.dumps(render_newsroom(out, int(args[2]), int(args[3]))))


def render_newsroom(out: Path, count: int, turn: int) -> dict:
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext

    from reader.cache import cache, page_key

    client = Client()
    factory = RequestFactory()
    paths = (out / "newsroom_articles.txt").read_text().split()
    # Another part of the list for each turn: no page is rendered twice in-process.
    chosen = paths[-(turn + 1) * (count + 30) :][: count + 30]

    def cold_get(path: str):
        cache.delete(page_key(factory.get(path)))
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (path, response.status_code)
        return elapsed

    for path in ("/", *chosen[:5]):  # templates, connections, the code paths: once
        cold_get(path)
    timings = {
        "front": [cold_get("/") for _ in range(count)],
        "article": [cold_get(path) for path in chosen[5 : 5 + count]],
    }
    queries = {"renders": 20}
    counts = []
    for path in chosen[-20:]:
        cache.delete(page_key(factory.get(path)))
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        counts.append(len(captured))
    cache.delete(page_key(factory.get("/")))
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    queries |= {"article_min": min(counts), "article_max": max(counts), "front": len(captured)}
    with CaptureQueriesContext(connection) as captured:
        cache.delete(page_key(factory.get(chosen[-1])))
        client.get(chosen[-1])
    queries["article_sql"] = [q["sql"][:400] for q in captured.captured_queries]
    result = {"timings": timings, "queries": queries}
    if turn == 0:
        result["profile"] = {
            "article": profile_newsroom(client, chosen[:5] * 4, factory),
            "front": profile_newsroom(client, ["/"] * 20, factory),
            "cached article": profile_newsroom(client, chosen[:1] * 200, None),
        }
    return result


def profile_newsroom(client, paths: list[str], factory) -> str:
    """Profile renders of `paths` with pyinstrument, when it is installed (PROFILER_PATH); with
    a request factory, each page's cache entry is deleted first (a cold render)."""
    from reader.cache import cache, page_key

    sys.path.append(str(PROFILER_PATH))
    try:
        from pyinstrument import Profiler
    except ImportError:
        return ""
    client.get(paths[0])
    profiler = Profiler(interval=0.0002)
    with profiler:
        for path in paths:
            if factory is not None:
                cache.delete(page_key(factory.get(path)))
            client.get(path)
    return profiler.output_text(unicode=True, color=False, show_all=False)


# --------------------------------------------------------------------------- helpers: peer


def peer_helper(args: list[str]) -> None:
    sys.path.insert(0, str(PEER_DIR / "peersite"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peersite.settings")
    import django

    django.setup()
    from news.models import ArticlePage

    mode, out = args[0], Path(args[1])
    if mode == "paths":
        root = "/home/"  # url_path of the site's root page
        paths = [
            "/" + path[len(root) :]
            for path in ArticlePage.objects.live().order_by("pk").values_list("url_path", flat=True)
        ]
        shuffled = paths[:]
        random.Random(1).shuffle(shuffled)
        (out / "peer_articles.txt").write_text("\n".join(shuffled) + "\n")
        (out / "peer_single.txt").write_text(paths[len(paths) // 2] + "\n")
        print(json.dumps({"articles": len(paths), "single": paths[len(paths) // 2]}))
    elif mode == "render":
        print(json.dumps(render_peer(out, int(args[2]), int(args[3]))))


def render_peer(out: Path, count: int, turn: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    paths = (out / "peer_articles.txt").read_text().split()
    chosen = paths[-(turn + 1) * (count + 30) :][: count + 30]

    def timed_get(path: str) -> float:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (path, response.status_code)
        return elapsed

    for path in ("/news/", *chosen[:5]):
        timed_get(path)
    timings = {
        "front": [timed_get("/news/") for _ in range(count)],
        "article": [timed_get(path) for path in chosen[5 : 5 + count]],
    }
    counts = []
    for path in chosen[-20:]:
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        counts.append(len(captured))
    with CaptureQueriesContext(connection) as captured:
        client.get("/news/")
    queries = {"renders": 20, "article_min": min(counts), "article_max": max(counts),
               "front": len(captured)}  # fmt: skip
    return {"timings": timings, "queries": queries}


# --------------------------------------------------------------------------- helper: publisher


def publisher_helper(args: list[str]) -> None:
    """Answer one JSON command a line: setup, publish, correct, touch_purges, quit."""
    base, edge, varnish_dir = args
    setup_newsroom()
    state: dict = {"base": base, "edge": edge, "varnish_dir": varnish_dir, "count": 0}
    for line in sys.stdin:
        command = json.loads(line)
        try:
            if command["do"] == "quit":
                print(json.dumps({"bye": True}), flush=True)
                return
            answer = PUBLISHER_COMMANDS[command["do"]](state, command)
        except Exception as error:  # report it to the harness, which stops
            import traceback

            traceback.print_exc()
            answer = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer, default=str), flush=True)


def publisher_setup(state: dict, command: dict) -> dict:
    from django.contrib.auth.models import Group, User
    from taggit.models import Tag

    from articles import roles
    from articles.models import Article, Section

    accounts = {}
    for username, group in ((BENCH_REPORTER, roles.REPORTERS),
                            (BENCH_REVIEWER, roles.REVIEWERS)):  # fmt: skip
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "first_name": username}
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(Group.objects.get(name=group))
        accounts[username] = User.objects.get(pk=user.pk)  # fresh permission cache
    state["reporter"], state["reviewer"] = accounts[BENCH_REPORTER], accounts[BENCH_REVIEWER]
    state["sections"] = list(Section.objects.all())
    state["tags"] = list(Tag.objects.order_by("pk")[:200])
    state["texts"] = list(
        Article.objects.published()
        .exclude(created_by__username=BENCH_REPORTER)
        .order_by("?")
        .values_list("standfirst", "body")[:50]
    )
    # A first story, untimed: loads the copy desk's language model in this process.
    first = publish_story(state)
    return {"ready": True, "first_story": first.pk, "first_path": first.get_absolute_url()}


def publish_story(state: dict, on_approve=None):
    """Write a story as the reporter, submit it, and have the reviewer approve it."""
    from articles import workflow
    from articles.models import Article

    state["count"] += 1
    draw = random.Random(state["count"])
    standfirst, body = draw.choice(state["texts"])
    stamp = datetime.now().strftime("%H%M%S")
    headline = f"Benchmark story {state['count']} at {stamp} {draw.randrange(10**6)}"
    tags = draw.sample(state["tags"][:60], draw.randint(3, 6))
    story = Article(
        headline=headline,
        slug=re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-"),
        standfirst=standfirst,
        body=body,
        section=draw.choice(state["sections"]),
    )

    def apply(article):
        article.save()
        article.tags.set(tags)

    reporter, reviewer = state["reporter"], state["reviewer"]
    started = time.perf_counter()
    story = workflow.save_content(story, reporter, apply, writer_in_byline=True).article
    workflow.submit(story, reporter, "Ready.")
    state["last_write_ms"] = (time.perf_counter() - started) * 1000
    if on_approve:
        on_approve(story)
    approve_started = time.perf_counter()
    workflow.approve(story, reviewer, comment="Benchmark.", override_reason="Benchmark story.")
    state["last_approve_ms"] = (time.perf_counter() - approve_started) * 1000
    return Article.objects.get(pk=story.pk)


def wait_for_tasks(since, timeout: float = 60) -> list | None:
    """Wait until every background task enqueued since `since` has finished; return each
    one's path, status and run time (ms), or None on timeout."""
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        enqueued = DBTaskResult.objects.filter(enqueued_at__gte=since)
        if not enqueued.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists():
            return [
                {
                    "task": task.task_path,
                    "status": task.status,
                    "ms": round((task.finished_at - task.started_at).total_seconds() * 1000),
                }
                for task in enqueued.order_by("enqueued_at")
            ]
        time.sleep(0.1)
    return None


def page_cache_client():
    from django.core.cache import cache

    return cache._cache.get_client(write=True)


def publisher_publish(state: dict, command: dict) -> dict:
    """Publish a story; with "survival", say which cached pages the publish left in Redis (and
    how many page requests and key reads this made, which the hit rate must leave out); with
    "poll", how long until readers see the story on that page through Varnish."""
    from django.test import RequestFactory
    from django.utils import timezone

    from reader.cache import cache, page_key

    client = page_cache_client()
    front_key = cache.make_and_validate_key(page_key(RequestFactory().get("/")))
    http_get(state["base"] + "/")  # the front page is cached: a publish must purge it
    since = timezone.now()
    answer: dict = {"page_requests": 1}
    if command.get("survival"):
        cached = [key for key in client.scan_iter(match=PAGE_KEYS, count=1000)]
        cached = [key for key in cached if key.decode() != front_key]
        front_before = bool(client.exists(front_key))
        shows = surrogate_keys_of(client, cached)
        purges = PurgeLog(state["varnish_dir"]) if state["varnish_dir"] else None
    poll = Poller(state["edge"], command["poll"], "") if command.get("poll") else None
    if poll:
        poll.prime()

    def on_approve(story):
        if poll:
            poll.expect(story.headline)

    story = publish_story(state, on_approve=on_approve)
    finished = time.perf_counter()
    answer |= {
        "article_id": story.pk,
        "write_ms": state["last_write_ms"],
        "approve_ms": state["last_approve_ms"],
    }
    if poll:
        answer |= poll.wait(finished)
    answer["tasks"] = wait_for_tasks(since)
    answer["tasks_ms"] = (time.perf_counter() - finished) * 1000
    if command.get("survival"):
        pipe = client.pipeline()
        for key in cached:
            pipe.exists(key)
        kept = sum(pipe.execute())
        front_after = bool(client.exists(front_key))
        answer |= {
            "cached_before": len(cached),
            "survived": kept,
            "survived_fraction": kept / len(cached) if cached else 1.0,
            "front_purged": front_before and not front_after,
            # the page keys this process found missing (EXISTS, GET), not readers' misses
            "page_key_misses": (len(cached) - kept)
            + sum(keys is GONE for keys in shows)
            + (not front_before)
            + (not front_after),
        }
        if purges:
            purged, gone_at_edge = purges.stop()
            carried = [keys for keys in shows if isinstance(keys, set)]
            spared = sum(not (keys & purged) for keys in carried)
            answer |= {
                "purged_keys": len(purged),
                "varnish_objects_invalidated": gone_at_edge,
                "would_survive": spared,
                "would_survive_fraction": spared / len(carried) if carried else None,
            }
    return answer


GONE = "gone"  # a page that left the cache between two looks


def surrogate_keys_of(client, stored: list) -> list:
    """Return the surrogate keys each stored page carries: a set, GONE when the page is no
    longer cached, None when the entry is not one we can read."""
    pipe = client.pipeline()
    for key in stored:
        pipe.get(key)
    return [surrogate_keys(raw) for raw in pipe.execute()]


def surrogate_keys(raw: bytes | None):
    import pickle

    if raw is None:
        return GONE
    try:
        entry = pickle.loads(raw)  # noqa: S301 (our own cache)
    except Exception:
        return None
    if not isinstance(entry, tuple):
        return None
    for part in entry:  # (status, headers, content): the headers as (name, value) pairs
        if isinstance(part, tuple) and all(isinstance(h, tuple) and len(h) == 2 for h in part):
            for name, value in part:
                if name.lower() == "surrogate-key":
                    return set(value.split())
    if isinstance(entry[-1], str):  # an older layout: (status, headers, content, keys)
        return set(entry[-1].split())
    return None


class PurgeLog:
    """The purges Varnish receives while it runs (varnishlog on Varnish's shared memory): the
    surrogate keys purged and how many objects Varnish dropped."""

    def __init__(self, varnish_dir: str):
        self.output = Path(varnish_dir).parent / f"purges_{time.time():.0f}.log"
        self.handle = self.output.open("w")
        self.popen = subprocess.Popen(
            ["varnishlog", "-n", varnish_dir, "-g", "request",
             "-q", 'ReqMethod eq "PURGE"', "-i", "ReqHeader"],
            stdout=self.handle, stderr=subprocess.STDOUT,
        )  # fmt: skip
        time.sleep(0.5)  # attached before the publish

    def stop(self) -> tuple[set[str], int]:
        time.sleep(0.5)  # the last purge's record reaches the log
        self.popen.terminate()
        self.popen.wait(timeout=10)
        self.handle.close()
        keys, gone = set(), 0
        for line in self.output.read_text().splitlines():
            name, _, value = line.partition(":")
            if name.endswith("xkey-purge"):
                keys |= set(value.split())
            elif name.endswith("n-gone"):
                gone += int(value.strip() or 0)
        return keys, gone


def publisher_correct(state: dict, command: dict) -> dict:
    from articles import workflow
    from articles.models import Article

    story = Article.objects.get(pk=command["article_id"])
    text = f"Benchmark correction {datetime.now():%H:%M:%S.%f}"
    http_get(state["base"] + command["path"])
    poll = Poller(state["edge"], command["path"], text)
    poll.prime()
    started = time.perf_counter()
    poll.expect(text, started)
    workflow.publish_correction(story, state["reviewer"], text, "correction")
    finished = time.perf_counter()
    return {"correct_ms": (finished - started) * 1000} | poll.wait(finished)


class Poller:
    """Request one page through Varnish every 10 ms until it shows an expected text, noting
    when Varnish first answers MISS (it was purged) and when the text first appears."""

    def __init__(self, edge: str, path: str, text: str, timeout_s: float = 10):
        self.url, self.text, self.timeout_s = edge + path, text, timeout_s
        self.seen_at = self.first_miss_at = None
        self.x_cache_when_seen = None
        self.looks = 0
        self.thread = None

    def prime(self) -> None:
        for _ in range(2):  # a miss, then a hit: the page is in Varnish
            _, headers, _ = http_get(self.url)
        self.primed_x_cache = headers.get("X-Cache")

    def expect(self, text: str, started: float | None = None) -> None:
        self.text = text
        self.started = started or time.perf_counter()
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()

    def _poll(self) -> None:
        deadline = self.started + self.timeout_s
        while time.perf_counter() < deadline:
            _, headers, body = http_get(self.url)
            now = time.perf_counter()
            self.looks += 1
            if self.first_miss_at is None and headers.get("X-Cache") == "MISS":
                self.first_miss_at = now
            if self.text.encode() in body:
                self.seen_at, self.x_cache_when_seen = now, headers.get("X-Cache")
                return
            time.sleep(0.01)

    def wait(self, finished: float) -> dict:
        self.thread.join()

        def since(moment, origin):
            return (moment - origin) * 1000 if moment is not None else None

        return {
            "primed_x_cache": self.primed_x_cache,
            "varnish_purged": self.first_miss_at is not None,
            "first_miss_after_ms": since(self.first_miss_at, self.started),
            "visible_after_ms": since(self.seen_at, self.started),
            "visible_after_return_ms": since(self.seen_at, finished),
            "x_cache_when_seen": self.x_cache_when_seen,
            "looks": self.looks,
            "timeout_s": self.timeout_s,
        }


def publisher_touch_purges(state: dict, command: dict) -> dict:
    from reader import cache

    cache.purge(["bench-nothing-carries-this-key"])
    return {"ok": True}


PUBLISHER_COMMANDS = {
    "setup": publisher_setup,
    "publish": publisher_publish,
    "correct": publisher_correct,
    "touch_purges": publisher_touch_purges,
}


if __name__ == "__main__":
    role = sys.argv[1] if len(sys.argv) > 1 else ""
    if role == "_newsroom":
        newsroom_helper(sys.argv[2:])
    elif role == "_peer":
        peer_helper(sys.argv[2:])
    elif role == "_publisher":
        publisher_helper(sys.argv[2:])
    else:
        main()
