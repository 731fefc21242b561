"""Drills: the production stack under load, with its services failing, and restored from backup.

    .venv/bin/python bench/drills.py setup                  # the drill database, once
    .venv/bin/python bench/drills.py load [--minutes 10]    # saturation, with publishing
    .venv/bin/python bench/drills.py faults                 # PostgreSQL, Redis, the worker
    .venv/bin/python bench/drills.py restore                # pg_dump + media, restored, compared

The stack is production's: gunicorn with deploy/gunicorn.conf.py and NEWSROOM_ENV=production
(SECRET_KEY, ALLOWED_HOSTS, REDIS_URL, DATABASE_URL set; readers send `X-Forwarded-Proto:
https`, as the TLS proxy in front of Varnish would, and SECURE_SSL_REDIRECT=false, because the
publisher side process reads the front page over plain http), Varnish
with deploy/varnish/newsroom.vcl in front, a redis-server of the drill's own on a spare port
(db 11), a `db_worker` restarted 2 s after it exits (as systemd's Restart=always,
RestartSec=2 does), on the PostgreSQL database `newsroom_drill_load` (10,000 stories from
`generate_corpus`). Stories are published through `articles.workflow` by a side process
(bench/bench_peer.py's publisher). Results go to /tmp/drills/<drill>-<time>/results.json and
are printed; bench/README.md ("Drills") has the numbers and how to read them.

PostgreSQL here is shared: the faults drill stops it for about 10 s, once.
"""

import argparse
import contextlib
import hashlib
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime
from http.client import HTTPConnection
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent))
import bench_peer as peer  # noqa: E402  (the helpers of the peer benchmark)

ROOT = peer.ROOT
PYTHON = ROOT / ".venv" / "bin" / "python"
PG = "postgres://postgres@127.0.0.1:5432/"
DATABASE = "newsroom_drill_load"
RESTORED = "newsroom_drill_restore"
PORTS = {"gunicorn": 8311, "varnish": 8313, "redis": 8314}
OUT = Path("/tmp/drills")
MEDIA = OUT / "media"
HTTPS = {"X-Forwarded-Proto": "https"}
SHARED_REDIS = "redis://127.0.0.1:6379/11"  # the restore drill runs no Redis of its own
peer.OUR_BACKENDS = re.compile(r"^postgres: [^:]+: \S+ (newsroom_drill_\w+) ")


def log(message: str) -> None:
    print(f"{datetime.now():%H:%M:%S} {message}", file=sys.stderr, flush=True)


def environment(database: str = DATABASE, redis_url: str = "") -> dict:
    """The environment of every process of the stack: production settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSROOM_")}
    return env | {
        "NEWSROOM_ENV": "production",
        # Readers send X-Forwarded-Proto: https as the TLS proxy would; the publisher side
        # process (bench_peer.py) reads the front page over plain http, so no redirect.
        "SECURE_SSL_REDIRECT": "false",
        "SECRET_KEY": "drill-" + "k" * 60,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": PG + database,
        "REDIS_URL": redis_url or f"redis://127.0.0.1:{PORTS['redis']}/11",
        "NEWSROOM_VARNISH_URL": f"http://127.0.0.1:{PORTS['varnish']}",
        "NEWSROOM_BIND": f"127.0.0.1:{PORTS['gunicorn']}",
        "NEWSROOM_TASKS": "database",
        "MEDIA_ROOT": str(MEDIA),
        "STATIC_ROOT": str(OUT / "static"),
        "LOG_LEVEL": "INFO",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }


def manage(*args: str, database: str = DATABASE, timeout: float = 1800) -> str:
    done = subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=environment(database),
                          capture_output=True, text=True, timeout=timeout)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def act(*args: str, database: str = DATABASE, redis_url: str = "", timeout: float = 300) -> dict:
    """Run one Django action in a process of its own (`_act`), as cron or an editor would;
    return its JSON answer and how long the process took."""
    started = time.monotonic()
    done = subprocess.run([str(PYTHON), str(HERE), "_act", *args], cwd=ROOT,
                          env=environment(database, redis_url), capture_output=True, text=True,
                          timeout=timeout)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"_act {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    answer["process_s"] = round(time.monotonic() - started, 2)
    return answer


# --------------------------------------------------------------------------- the stack


class Supervised:
    """A process restarted 2 s after it exits, as systemd's Restart=always, RestartSec=2."""

    def __init__(self, name: str, command: list[str], env: dict, out: Path):
        self.name, self.command, self.env, self.out = name, command, env, out
        self.starts = 0
        self.popen = None
        self.running = True
        self.lock = threading.Lock()
        self._start()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _start(self) -> None:
        self.starts += 1
        handle = (self.out / f"{self.name}.{self.starts}.log").open("w")
        self.popen = subprocess.Popen(self.command, cwd=ROOT, env=self.env, stdout=handle,
                                      stderr=subprocess.STDOUT)  # fmt: skip

    def _watch(self) -> None:
        while self.running:
            if self.popen.poll() is not None and self.running:
                log(f"  {self.name} exited ({self.popen.returncode}); restarting in 2 s")
                time.sleep(2)
                with self.lock:
                    if self.running:
                        self._start()
            time.sleep(0.2)

    def kill(self) -> int:
        """SIGKILL the current process; return its pid."""
        pid = self.popen.pid
        self.popen.send_signal(signal.SIGKILL)
        return pid

    def stop(self) -> None:
        with self.lock:
            self.running = False
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.popen.kill()

    def logs(self) -> str:
        return "".join(path.read_text() for path in sorted(self.out.glob(f"{self.name}.*.log")))


class Stack:
    """Redis, gunicorn, Varnish and a supervised db_worker, started and stopped together."""

    def __init__(self, out: Path, database: str = DATABASE):
        self.out = out
        self.env = environment(database)
        self.processes: list = []
        self.base = f"http://127.0.0.1:{PORTS['gunicorn']}"
        self.edge = f"http://127.0.0.1:{PORTS['varnish']}"

    def start(self) -> "Stack":
        for name, port in PORTS.items():
            if not peer.port_free(port):
                sys.exit(f"port {port} ({name}) is in use")
        manage("migrate", "-v0")  # the code may be newer than the drill database
        self.redis = self.start_redis()
        manage("collectstatic", "--noinput", "-v0")
        self.gunicorn = peer.Process(
            "gunicorn", [str(ROOT / ".venv/bin/gunicorn"), "-c", "deploy/gunicorn.conf.py",
                         "newsroom.wsgi"],
            env=self.env, cwd=ROOT, log_path=self.out / "gunicorn.log",
        )  # fmt: skip
        self.processes.append(self.gunicorn)
        self.gunicorn.wait_for_port(PORTS["gunicorn"])
        self.varnish = self.start_varnish()
        self.worker = Supervised("db_worker", [str(PYTHON), "manage.py", "db_worker",
                                 "--interval", "0.5", "--no-reload"], self.env, self.out)  # fmt: skip
        self.processes.append(self.worker)
        return self

    def start_redis(self) -> peer.Process:
        redis = peer.Process(
            "redis-server",
            [shutil.which("redis-server"), "--port", str(PORTS["redis"]), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.out)],
            env=dict(os.environ), cwd=self.out, log_path=self.out / "redis.log",
        )  # fmt: skip
        redis.wait_for_port(PORTS["redis"])
        return redis

    def start_varnish(self) -> peer.Process:
        text = peer.VCL.read_text()
        assert peer.VCL_BACKEND in text, "the VCL no longer names its backend as expected"
        vcl = self.out / "newsroom.vcl"
        vcl.write_text(text.replace(peer.VCL_BACKEND, f'    .host = "127.0.0.1";\n'
                                    f'    .port = "{PORTS["gunicorn"]}";\n'))  # fmt: skip
        self.varnish_dir = self.out / "varnish"
        varnish = peer.Process(
            "varnishd", ["/usr/sbin/varnishd", "-F", "-j", "none", "-n", str(self.varnish_dir),
                         "-T", "none", "-a", f"127.0.0.1:{PORTS['varnish']}", "-s",
                         "malloc,256m", "-f", str(vcl)],
            env=dict(os.environ), cwd=self.out, log_path=self.out / "varnishd.log",
        )  # fmt: skip
        self.processes.append(varnish)
        varnish.wait_for_port(PORTS["varnish"])
        return varnish

    def varnish_counters(self) -> dict:
        done = subprocess.run(["varnishstat", "-n", str(self.varnish_dir), "-1", "-j"],
                              capture_output=True, text=True, timeout=20)  # fmt: skip
        counters = json.loads(done.stdout).get("counters", {})
        names = ("MAIN.cache_hit", "MAIN.cache_miss", "MAIN.cache_hit_grace", "MAIN.s_pass",
                 "MAIN.backend_fail", "MAIN.fetch_failed", "MAIN.n_object")  # fmt: skip
        return {name: counters.get(name, {}).get("value") for name in names}

    def gunicorn_workers(self) -> dict[int, int]:
        """RSS (KB) of each gunicorn worker, by pid."""
        master = str(self.gunicorn.popen.pid)
        found = {}
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            with contextlib.suppress(OSError):
                status = Path(f"/proc/{pid}/status").read_text()
                parent = re.search(r"^PPid:\s+(\d+)", status, re.M).group(1)
                rss = re.search(r"^VmRSS:\s+(\d+)", status, re.M)
                if parent == master and rss:
                    found[int(pid)] = int(rss.group(1))
        return found

    def stop(self) -> None:
        for process in reversed(self.processes):
            with contextlib.suppress(Exception):
                process.stop()
        with contextlib.suppress(Exception):
            self.redis.stop()


def get(base: str, path: str, timeout: float = 30) -> tuple[int, dict, bytes, float]:
    """GET as a reader behind the TLS proxy; return status, headers, body, seconds."""
    host, port = base.removeprefix("http://").split(":")
    started = time.monotonic()
    connection = HTTPConnection(host, int(port), timeout=timeout)
    try:
        connection.request("GET", path, headers=HTTPS)
        response = connection.getresponse()
        body = response.read()
        return response.status, dict(response.headers), body, time.monotonic() - started
    except OSError:
        return 0, {}, b"", time.monotonic() - started
    finally:
        connection.close()


def reader_paths(out: Path, count: int = 40_000) -> dict:
    """Write the readers' paths: articles, the front page, tag pages and searches."""
    answer = act("paths", str(out))
    articles = (out / "articles.txt").read_text().split()
    tags = (out / "tags.txt").read_text().split()
    words = ["mission", "crew", "launch", "orbit", "station", "budget", "council", "storm",
             "election", "court", "water", "energy", "school", "health", "market", "police"]  # fmt: skip
    draw = random.Random(7)
    paths = []
    for _ in range(count):
        roll = draw.random()
        if roll < 0.6:
            paths.append(draw.choice(articles))
        elif roll < 0.7:
            paths.append("/")
        elif roll < 0.85:
            paths.append(f"{draw.choice(tags)}?page={draw.randint(1, 3)}")
        else:
            paths.append(f"/search/?q={draw.choice(words)}&page={draw.randint(1, 4)}")
    (out / "readers.txt").write_text("\n".join(paths) + "\n")
    return answer | {"reader_paths": len(paths)}


def run_wrk(base: str, paths: Path, seconds: int, threads: int = 2, connections: int = 16):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
               "--timeout", "10s", "-H", "X-Forwarded-Proto: https", "-s", str(peer.LUA),
               base, "--", str(paths), str(threads), "0"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRK_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
    result = json.loads(line[len("WRK_JSON ") :])
    result["socket_errors"] = sum(result[name] for name in
                                  ("err_connect", "err_read", "err_write", "err_timeout"))  # fmt: skip
    result["non2xx"] = result["n3xx"] + result["n4xx"] + result["n5xx"] + result["nother"]
    return result


def log_problems(text: str) -> list[str]:
    """Lines of a log that report an error: JSON records at ERROR or worse, tracebacks, and
    access lines with a 5xx status."""
    problem = re.compile(r'"level": "(ERROR|CRITICAL)"|Traceback|"status": 5\d\d')
    return [line[:300] for line in text.splitlines() if problem.search(line)]


# --------------------------------------------------------------------------- setup


def setup(args) -> None:
    """Create the drill database with 10,000 stories (skipped when it exists)."""
    exists = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc",
                             f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"],
                            capture_output=True, text=True).stdout.strip()  # fmt: skip
    if exists and not args.reset:
        log(f"{DATABASE} exists (--reset to make it again)")
        return
    if exists:
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    shutil.rmtree(MEDIA, ignore_errors=True)
    manage("migrate", "-v0")
    manage("generate_corpus", "--articles", "10000", "--people", "500", "--tags", "200",
           "--seed", "1")  # fmt: skip
    log(f"{DATABASE}: 10,000 stories")


# --------------------------------------------------------------------------- load


def load(args) -> dict:
    out = OUT / f"load-{datetime.now():%Y%m%d-%H%M%S}"
    out.mkdir(parents=True)
    results: dict = {"minutes": args.minutes, "load_average_start": os.getloadavg()}
    stack = Stack(out).start()
    publisher = None
    try:
        results["paths"] = reader_paths(out)
        publisher = peer.Publisher(stack.env, out, stack.base, stack.edge, stack.varnish_dir)
        publisher.ready = publisher.ask({"do": "setup"})
        log("warm-up: 20 s of the same readers")
        run_wrk(stack.edge, out / "readers.txt", 20)
        host = peer.HostLoad()
        samples, publishes, stop = [], [], threading.Event()

        def sample_memory():
            while not stop.is_set():
                samples.append((time.monotonic(), stack.gunicorn_workers()))
                stop.wait(5)

        def publish_now_and_then():
            while not stop.wait(args.publish_every):
                answer = publisher.ask({"do": "publish"})
                tasks = answer.get("tasks") or []
                publishes.append({"article_id": answer["article_id"],
                                  "approve_ms": round(answer["approve_ms"]),
                                  "tasks": len(tasks),
                                  "tasks_failed": sum(t["status"] != "SUCCESSFUL" for t in tasks),
                                  "tasks_timed_out": answer.get("tasks") is None})  # fmt: skip
                log(f"  published story {answer['article_id']}")

        side = [threading.Thread(target=sample_memory, daemon=True),
                threading.Thread(target=publish_now_and_then, daemon=True)]  # fmt: skip
        for thread in side:
            thread.start()
        log(f"load: {args.minutes} min of wrk through Varnish, a publish every "
            f"{args.publish_every} s")  # fmt: skip
        results["varnish_before"] = stack.varnish_counters()
        results["wrk"] = run_wrk(stack.edge, out / "readers.txt", int(args.minutes * 60))
        stop.set()
        for thread in side:
            thread.join(timeout=120)
        results["host"] = host.finish()
        results["varnish_after"] = stack.varnish_counters()
        results["publishes"] = publishes
        results["memory"] = memory_report(samples)
        results["direct"] = run_wrk(stack.base, out / "readers.txt", 20)  # Django alone, briefly
    finally:
        if publisher:
            publisher.stop()
        stack.stop()
    results["load_average_end"] = os.getloadavg()
    logs = (out / "gunicorn.log").read_text() + stack.worker.logs()
    results["log_problems"] = log_problems(logs)
    results["out"] = str(out)
    (out / "results.json").write_text(json.dumps(results, indent=2, default=str))
    print(json.dumps(summary_of_load(results), indent=2))
    return results


def memory_report(samples: list) -> dict:
    """First, last and largest RSS of the gunicorn workers (MB), in total and per worker."""
    totals = [sum(workers.values()) / 1024 for _, workers in samples if workers]
    largest = [max(workers.values()) / 1024 for _, workers in samples if workers]
    pids = {pid for _, workers in samples for pid in workers}
    return {
        "samples": len(totals),
        "total_mb_first_last_max": [round(totals[0]), round(totals[-1]), round(max(totals))],
        "worker_mb_first_last_max": [round(largest[0]), round(largest[-1]), round(max(largest))],
        "worker_pids_seen": len(pids),
        "total_mb_by_minute": [round(totals[i]) for i in range(0, len(totals), 12)],
    }


def summary_of_load(results: dict) -> dict:
    wrk, host = results["wrk"], results["host"]
    before, after = results["varnish_before"], results["varnish_after"]
    return {
        "requests": wrk["requests"], "rps": round(wrk["rps"]), "non2xx": wrk["non2xx"],
        "socket_errors": wrk["socket_errors"],
        "latency_ms_p50_p99_max": [round(wrk["p50_ms"], 1), round(wrk["p99_ms"], 1),
                                   round(wrk["max_ms"], 1)],
        "varnish_hits_misses": [after["MAIN.cache_hit"] - before["MAIN.cache_hit"],
                                after["MAIN.cache_miss"] - before["MAIN.cache_miss"]],
        "direct_to_gunicorn_rps_non2xx": [round(results["direct"]["rps"]),
                                          results["direct"]["non2xx"]],
        "publishes": len(results["publishes"]),
        "publish_tasks_failed": sum(p["tasks_failed"] for p in results["publishes"]),
        "memory": results["memory"],
        "log_problems": len(results["log_problems"]),
        "host_busy_ours_foreign_pct": [host["busy_pct"], host["ours_pct"], host["foreign_pct"]],
        "load_average_start_end": [round(results["load_average_start"][0], 2),
                                   round(results["load_average_end"][0], 2)],
    }  # fmt: skip


# --------------------------------------------------------------------------- faults


class Probes:
    """Reader threads requesting pages without pause, every answer noted: (time, kind,
    status, seconds, X-Cache)."""

    def __init__(self, kinds: dict[str, tuple[str, list[str]]], threads_per_kind: int = 1):
        self.kinds = kinds
        self.records: list[tuple] = []
        self.running = True
        self.threads = [threading.Thread(target=self._run, args=(kind,), daemon=True)
                        for kind in kinds for _ in range(threads_per_kind)]  # fmt: skip
        self.counter = 0
        for thread in self.threads:
            thread.start()

    def _run(self, kind: str) -> None:
        base, paths = self.kinds[kind]
        while self.running:
            self.counter += 1
            path = paths[self.counter % len(paths)].replace("{n}", str(self.counter))
            status, headers, _, seconds = get(base, path)
            self.records.append((time.monotonic(), kind, status, seconds,
                                 headers.get("X-Cache", "")))  # fmt: skip
            time.sleep(0.02)

    def stop(self) -> None:
        self.running = False
        for thread in self.threads:
            thread.join(timeout=40)

    def window(self, start: float, end: float) -> dict:
        """What readers of each kind got between `start` and `end`."""
        found = {}
        for kind in self.kinds:
            rows = [r for r in self.records if r[1] == kind and start <= r[0] <= end]
            failing = [r for r in rows if r[2] != 200]
            found[kind] = {
                "requests": len(rows),
                "statuses": dict(sorted(_count(r[2] for r in rows).items())),
                "x_cache": dict(_count(r[4] for r in rows if r[4])),
                "max_s": round(max((r[3] for r in rows), default=0), 3),
                "max_s_of_failing": round(max((r[3] for r in failing), default=0), 3),
                "median_s_of_failing": round(statistics.median([r[3] for r in failing]), 3)
                if failing else None,
            }  # fmt: skip
        return found

    def first_ok_after(self, kind: str, moment: float) -> float | None:
        for row in self.records:
            if row[1] == kind and row[0] >= moment and row[2] == 200:
                return round(row[0] - moment, 2)
        return None

    def last_failure(self, kind: str) -> float | None:
        failures = [r[0] for r in self.records if r[1] == kind and r[2] != 200]
        return max(failures) if failures else None


def _count(values) -> dict:
    counted: dict = {}
    for value in values:
        counted[value] = counted.get(value, 0) + 1
    return counted


def faults(args) -> dict:
    out = OUT / f"faults-{datetime.now():%Y%m%d-%H%M%S}"
    out.mkdir(parents=True)
    results: dict = {"load_average_start": os.getloadavg()}
    stack = Stack(out).start()
    try:
        paths = reader_paths(out, count=100)
        articles = (out / "articles.txt").read_text().split()
        cached_edge, cached_redis = articles[:30], articles[30:60]
        for path in cached_edge:
            get(stack.edge, path)
        for path in cached_redis:
            get(stack.base, path)
        kinds = {
            "through Varnish, cached": (stack.edge, cached_edge),
            "through Varnish, never cached": (stack.edge, ["/search/?q=crew&drill={n}"]),
            "gunicorn, in the Redis page cache": (stack.base, cached_redis),
            "gunicorn, not cached": (stack.base, ["/search/?q=orbit&drill={n}"]),
            "gunicorn /healthz": (stack.base, ["/healthz"]),
        }
        results["paths"] = paths
        if "postgresql" in args.only:
            results["postgresql"] = drill_postgresql(stack, kinds)
        if "redis" in args.only:
            results["redis"] = drill_redis(stack, kinds, articles[60])
        if "worker" in args.only:
            results["worker"] = drill_worker(stack)
    finally:
        stack.stop()
    results["load_average_end"] = os.getloadavg()
    results["out"] = str(out)
    (out / "results.json").write_text(json.dumps(results, indent=2, default=str))
    print(json.dumps(results, indent=2, default=str))
    return results


def postgres_ready() -> bool:
    done = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], timeout=10)
    return done.returncode == 0


def drill_postgresql(stack: Stack, kinds: dict) -> dict:
    """Stop PostgreSQL for about 10 s under readers' load; measure what they got."""
    log("PostgreSQL: readers for 10 s, then PostgreSQL stopped for ~10 s, then 30 s more")
    probes = Probes(kinds)
    time.sleep(10)
    starts_before = stack.worker.starts
    stopped_at = time.monotonic()
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "stop", "-m",
                    "fast"], check=True, timeout=30)  # fmt: skip
    down_at = time.monotonic()
    time.sleep(10)
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "start"],
                   check=True, timeout=60)  # fmt: skip
    while not postgres_ready():
        time.sleep(0.05)
    back_at = time.monotonic()
    time.sleep(30)
    probes.stop()
    answer = {
        "outage_s": round(back_at - stopped_at, 2),
        "during": probes.window(down_at, back_at),
        "after_30_s": probes.window(back_at + 5, back_at + 30),
        "recovery_s_first_200_after_postgresql_ready": {
            kind: probes.first_ok_after(kind, back_at) for kind in kinds
        },
        "last_failure_s_after_postgresql_ready": {
            kind: round(last - back_at, 2) if (last := probes.last_failure(kind)) else None
            for kind in kinds
        },
        "worker_restarts": stack.worker.starts - starts_before,
    }
    answer["publish_after"] = act("publish")  # the newsroom works again
    log(f"  PostgreSQL: {json.dumps(answer['during'])}")
    return answer


def redis_client():
    import redis

    return redis.Redis(port=PORTS["redis"], db=11)


def drill_redis(stack: Stack, kinds: dict, story_path: str) -> dict:
    """Stop Redis (saving its data, as Debian's does) for ~15 s under readers' load; publish a
    correction meanwhile; measure what readers got and when the stale page left Redis."""
    log("Redis: stopped for ~15 s; a correction is published meanwhile")
    get(stack.base, story_path)  # in the Redis page cache
    key = "newsroom:1:newsroom:page:" + hashlib.sha256(story_path.encode()).hexdigest()
    client = redis_client()
    stored = len(list(client.scan_iter(match="*newsroom:page:*")))
    cached_before = bool(client.exists(key))
    probes = Probes(kinds)
    time.sleep(5)
    stopped_at = time.monotonic()
    with contextlib.suppress(Exception):
        client.shutdown(save=True)
    stack.redis.popen.wait(timeout=30)
    text = f"Drill correction {datetime.now():%H:%M:%S}"
    correction = act("correct", story_path, text)
    time.sleep(max(0.0, stopped_at + 15 - time.monotonic()))
    stack.redis = stack.start_redis()  # loads the data saved at shutdown
    back_at = time.monotonic()
    client = redis_client()
    stale_when_back = bool(client.exists(key))
    purged_at, stale_served = None, 0
    while time.monotonic() < back_at + 120:
        if purged_at is None and not client.exists(key):
            purged_at = time.monotonic()
        _, _, body, _ = get(stack.base, story_path)
        if text.encode() not in body:
            stale_served += 1
        elif purged_at is not None:
            break
        time.sleep(0.1)
    time.sleep(5)
    probes.stop()
    status, headers, edge_body, _ = get(stack.edge, story_path)
    answer = {
        "pages_in_redis_before": stored,
        "story_page_in_redis_before": cached_before,
        "outage_s": round(back_at - stopped_at, 2),
        "during": probes.window(stopped_at, back_at),
        "after_10_s": probes.window(back_at, back_at + 10),
        "correction_during_outage": correction,
        "stale_page_in_redis_when_back": stale_when_back,
        "stale_page_purged_s_after_redis_back": round(purged_at - back_at, 2)
        if purged_at
        else None,
        "stale_answers_after_redis_back": stale_served,
        "through_varnish": [status, headers.get("X-Cache"), text.encode() in edge_body],
        "worker_log_catch_up": [
            line[:240] for line in stack.worker.logs().splitlines() if "Page cache purge" in line
        ],
    }
    log(f"  Redis: {json.dumps(answer['during'])}")
    return answer


def drill_worker(stack: Stack) -> dict:
    """Kill the worker (SIGKILL) in the middle of a long task; the minute timer's sweep
    (`requeue_abandoned_tasks`, as `publish_due` runs it) queues it again; the next worker
    runs it once."""
    log("worker: SIGKILL in the middle of rebuilding 1,500 pages")
    enqueued = act("enqueue_rebuild", "1500")
    task_id = enqueued["task_id"]
    deadline = time.monotonic() + 60
    while act("task", task_id)["status"] != "RUNNING":
        assert time.monotonic() < deadline, "no worker took the task"
        time.sleep(0.5)
    time.sleep(3)  # well into it
    killed = stack.worker.kill()
    killed_at = time.monotonic()
    time.sleep(3)  # the supervisor has started a new worker by now
    after_kill = act("task", task_id)
    swept = act("requeue", "0")  # the sweep, with no grace (the kill is certain)
    deadline = time.monotonic() + 300
    while act("task", task_id)["status"] not in ("SUCCESSFUL", "FAILED"):
        assert time.monotonic() < deadline, "the task never finished"
        time.sleep(1)
    finished_at = time.monotonic()
    second_sweep = act("requeue", "0")
    time.sleep(3)
    worker_log = stack.worker.logs()
    return {
        "task": enqueued,
        "killed_pid": killed,
        "status_after_kill": after_kill["status"],
        "sweep_requeued": swept["requeued"],
        "final": act("task", task_id),
        "finished_s_after_kill": round(finished_at - killed_at, 1),
        "second_sweep_requeued": second_sweep["requeued"],
        "runs_started_in_worker_logs": sum(
            task_id in line and "state=RUNNING" in line for line in worker_log.splitlines()
        ),
        "worker_starts": stack.worker.starts,
    }


# --------------------------------------------------------------------------- restore


COMPARED = {  # table: what it holds
    "articles_article": "articles",
    "articles_revision": "revisions",
    "articles_articleevent": "workflow events",
    "articles_correction": "corrections",
    "articles_quote": "quotes",
    "people_person": "people",
    "people_organization": "organizations",
}


def restore(args) -> dict:
    out = OUT / f"restore-{datetime.now():%Y%m%d-%H%M%S}"
    out.mkdir(parents=True)
    worker = Supervised("db_worker", [str(PYTHON), "manage.py", "db_worker", "--interval",
                        "0.5", "--no-reload"], environment(DATABASE, SHARED_REDIS), out)  # fmt: skip
    try:
        prepared = act("images", str(args.images), redis_url=SHARED_REDIS, timeout=900)
    finally:
        worker.stop()
    results: dict = {"prepared": prepared}
    dump = out / f"{DATABASE}.dump"
    started = time.monotonic()
    subprocess.run(["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", str(dump),
                    DATABASE], check=True)  # fmt: skip
    archive = out / "media.tar"
    subprocess.run(["tar", "-C", str(MEDIA.parent), "-cf", str(archive), MEDIA.name], check=True)
    results["backup_s"] = round(time.monotonic() - started, 1)
    results["dump_mb"] = round(dump.stat().st_size / 2**20, 1)
    results["media_archive_mb"] = round(archive.stat().st_size / 2**20, 1)

    started = time.monotonic()
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", RESTORED],
                   check=True)  # fmt: skip
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", RESTORED], check=True)
    subprocess.run(["pg_restore", "-h", "127.0.0.1", "-U", "postgres", "-d", RESTORED,
                    "--no-owner", str(dump)], check=True)  # fmt: skip
    restored_media = out / "restored"
    restored_media.mkdir()
    subprocess.run(["tar", "-C", str(restored_media), "-xf", str(archive)], check=True)
    results["restore_s"] = round(time.monotonic() - started, 1)
    results["tables"] = compare_tables(DATABASE, RESTORED)
    results["files"] = compare_files(MEDIA, restored_media / MEDIA.name)
    results["image_fields"] = act("check_images", str(restored_media / MEDIA.name),
                                  database=RESTORED)  # fmt: skip
    results["served_from_restore"] = serve_check(out, restored_media / MEDIA.name)
    results["out"] = str(out)
    (out / "results.json").write_text(json.dumps(results, indent=2, default=str))
    print(json.dumps(results, indent=2, default=str))
    return results


def compare_tables(source: str, copy: str) -> dict:
    """Compare every table row by row (a hash of each row's text, sorted); return the counts
    of the named ones and any table that differs."""
    import psycopg

    found: dict = {"differs": []}
    with psycopg.connect(PG + source) as one, psycopg.connect(PG + copy) as two:
        tables = [row[0] for row in one.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]  # fmt: skip
        found["tables_compared"] = len(tables)
        rows_total = 0
        for table in tables:
            query = f'SELECT md5(t::text) FROM "{table}" t ORDER BY 1'
            left = [row[0] for row in one.execute(query)]
            right = [row[0] for row in two.execute(query)]
            rows_total += len(left)
            if left != right:
                missing = len(set(left) - set(right))
                found["differs"].append({"table": table, "source": len(left),
                                         "restored": len(right), "rows_not_restored": missing})  # fmt: skip
            if table in COMPARED:
                found[COMPARED[table]] = {"source": len(left), "restored": len(right),
                                          "identical": left == right}  # fmt: skip
        found["rows_compared"] = rows_total
    return found


def compare_files(source: Path, copy: Path) -> dict:
    """Hash every file under both folders (SHA-256) and compare."""

    def hashes(folder: Path) -> dict:
        return {
            str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()
        }  # fmt: skip

    left, right = hashes(source), hashes(copy)
    return {
        "source_files": len(left),
        "restored_files": len(right),
        "bytes": sum((source / name).stat().st_size for name in left),
        "identical": left == right,
        "missing": sorted(set(left) - set(right))[:10],
        "different": sorted(name for name in left if name in right and left[name] != right[name])[:10],
    }  # fmt: skip


def serve_check(out: Path, media: Path) -> dict:
    """Start gunicorn on the restored database and ask it for a few pages."""
    manage("collectstatic", "--noinput", "-v0")
    env = environment(RESTORED, SHARED_REDIS) | {"MEDIA_ROOT": str(media),
                                   "NEWSROOM_VARNISH_URL": "", "NEWSROOM_WEB_WORKERS": "2"}  # fmt: skip
    server = peer.Process("gunicorn", [str(ROOT / ".venv/bin/gunicorn"), "-c",
                          "deploy/gunicorn.conf.py", "newsroom.wsgi"], env=env, cwd=ROOT,
                          log_path=out / "gunicorn-restored.log")  # fmt: skip
    try:
        server.wait_for_port(PORTS["gunicorn"])
        base = f"http://127.0.0.1:{PORTS['gunicorn']}"
        act("paths", str(out), database=RESTORED, redis_url=SHARED_REDIS)
        articles = (out / "articles.txt").read_text().split()[:50]
        statuses = _count(get(base, path)[0] for path in ["/", "/corrections/", *articles])
        return {"pages": sum(statuses.values()), "statuses": statuses}
    finally:
        server.stop()


# --------------------------------------------------------------------------- helper: _act


def helper(args: list[str]) -> None:
    """One Django action, as a process of its own: print its JSON answer."""
    peer.setup_newsroom()
    command, rest = args[0], args[1:]
    print(json.dumps(ACTIONS[command](*rest), default=str))


def action_paths(out: str) -> dict:
    from taggit.models import Tag

    from articles.models import Article

    stories = Article.objects.published().order_by("pk")
    paths = [story.get_absolute_url() for story in stories]
    random.Random(1).shuffle(paths)
    tags = [f"/tags/{slug}/" for slug in Tag.objects.filter(
        articles_taggedarticle_items__content_object__status="published").values_list(
        "slug", flat=True).distinct()[:300]]  # fmt: skip
    Path(out, "articles.txt").write_text("\n".join(paths) + "\n")
    Path(out, "tags.txt").write_text("\n".join(tags) + "\n")
    return {"articles": len(paths), "tags": len(tags)}


def _publisher_state() -> dict:
    state = {"base": "", "edge": "", "varnish_dir": "", "count": random.randrange(10**6)}
    peer.publisher_setup(state, {})
    return state


def action_publish() -> dict:
    started = time.monotonic()
    story = peer.publish_story(_publisher_state())
    return {"article_id": story.pk, "seconds": round(time.monotonic() - started, 2)}


def action_correct(path: str, text: str) -> dict:
    from django.contrib.auth.models import User

    from articles import workflow
    from articles.models import Article

    slug = path.rstrip("/").rsplit("/", 1)[-1]
    story = Article.objects.published().get(slug=slug)
    reviewer = User.objects.get(username=peer.BENCH_REVIEWER) if User.objects.filter(
        username=peer.BENCH_REVIEWER).exists() else _publisher_state()["reviewer"]  # fmt: skip
    started = time.monotonic()
    workflow.publish_correction(story, reviewer, text, "correction")
    return {"article_id": story.pk, "seconds": round(time.monotonic() - started, 2)}


def action_enqueue_rebuild(count: str) -> dict:
    from articles.models import Article
    from reader import tasks

    ids = list(
        Article.objects.published().order_by("pk").values_list("pk", flat=True)[: int(count)]
    )
    result = tasks.rebuild_pages.enqueue(ids)
    return {"task_id": result.id, "stories": len(ids)}


def action_task(task_id: str) -> dict:
    from django_tasks_db.models import DBTaskResult

    row = DBTaskResult.objects.get(pk=task_id)
    return {"status": row.status, "claims": len(row.worker_ids), "worker_ids": row.worker_ids,
            "short_id": task_id, "finished_at": row.finished_at}  # fmt: skip


def action_requeue(grace_seconds: str) -> dict:
    from datetime import timedelta

    from articles import background

    return {"requeued": background.requeue_abandoned_tasks(
        grace=timedelta(seconds=float(grace_seconds)))}  # fmt: skip


def action_images(count: str) -> dict:
    """Give `count` live stories a hero image (a real JPEG) and two quotes, through the
    workflow's save, and a correction to every fifth; the worker makes the renditions."""
    from io import BytesIO

    from django.core.files.base import ContentFile
    from PIL import Image

    from articles import workflow
    from articles.models import Article, Quote
    from people.models import Person

    state = _publisher_state()
    reviewer = state["reviewer"]
    speakers = list(Person.objects.order_by("pk")[:50])

    def quoted(target):
        """Two quotes, each said by a person, saved with the story (its revision lists them)."""
        target.save()
        for turn in range(2):
            Quote.objects.create(
                article=target,
                text=f"Drill quote {turn} on story {target.pk}.",
                speaker_person=speakers[(target.pk + turn) % len(speakers)],
            )

    stories = list(Article.objects.published().filter(hero_image="").order_by("pk")[: int(count)])
    for number, story in enumerate(stories):
        picture = Image.new("RGB", (1600, 900), (number * 37 % 256, 90, 160))
        for x in range(0, 1600, 40):
            for y in range(0, 900, 300):
                picture.putpixel((x, y), (255, 255, 255))
        data = BytesIO()
        picture.save(data, "JPEG", quality=85)

        def apply(target, data=data, number=number):
            target.hero_image = ContentFile(data.getvalue(), name=f"drill-{number}.jpg")
            target.hero_alt = f"Drill picture {number}"
            target.save()

        current = Article.objects.get(pk=story.pk)
        workflow.save_content(current, reviewer, apply, expected_version=current.version)
        current = Article.objects.get(pk=story.pk)
        workflow.save_content(current, reviewer, quoted, expected_version=current.version)
        if number % 5 == 0:
            workflow.publish_correction(current, reviewer, f"Drill correction {number}.",
                                        "correction")  # fmt: skip
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + 600
    while DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists():
        if time.monotonic() > deadline:
            break
        time.sleep(1)
    return {"stories_with_new_images": len(stories),
            "images": Article.objects.exclude(hero_image="").count(),
            "quotes": Quote.objects.count()}  # fmt: skip


def action_check_images(media: str) -> dict:
    """Every image a restored row names is a file in the restored media folder."""
    from articles.models import Article
    from people.models import Person

    names = list(Article.objects.exclude(hero_image="").values_list("hero_image", flat=True))
    names += list(Person.objects.exclude(photo="").values_list("photo", flat=True))
    missing = [name for name in names if not Path(media, name).is_file()]
    return {"image_fields": len(names), "files_missing": len(missing), "missing": missing[:5]}


ACTIONS = {
    "paths": action_paths,
    "publish": action_publish,
    "correct": action_correct,
    "enqueue_rebuild": action_enqueue_rebuild,
    "task": action_task,
    "requeue": action_requeue,
    "images": action_images,
    "check_images": action_check_images,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    drills = parser.add_subparsers(dest="drill", required=True)
    made = drills.add_parser("setup", help="create newsroom_drill_load (10,000 stories)")
    made.add_argument("--reset", action="store_true")
    loaded = drills.add_parser("load", help="saturation through Varnish, with publishing")
    loaded.add_argument("--minutes", type=float, default=10)
    loaded.add_argument("--publish-every", type=float, default=20, help="seconds")
    faulty = drills.add_parser("faults", help="PostgreSQL restarted, Redis stopped, worker killed")
    faulty.add_argument("--only", nargs="+", default=["postgresql", "redis", "worker"],
                        choices=["postgresql", "redis", "worker"])  # fmt: skip
    restored = drills.add_parser("restore", help="pg_dump and media, restored and compared")
    restored.add_argument("--images", type=int, default=20, help="stories given an image")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    {"setup": setup, "load": load, "faults": faults, "restore": restore}[args.drill](args)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_act":
        helper(sys.argv[2:])
    else:
        main()
