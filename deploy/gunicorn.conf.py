"""gunicorn for Newsroom: `gunicorn -c deploy/gunicorn.conf.py newsroom.wsgi`.

Every value can be changed by the environment, so one file serves every server
(README, "Running in production").

Why these values:
- Sync workers, `2 × cores + 1` of them (NEWSROOM_WEB_WORKERS). A page is CPU work in Python
  plus short database and cache reads; sync workers use every core, and the extra one covers
  the moments a worker waits on PostgreSQL. Anonymous readers are mostly answered from the edge
  cache and the page cache, so threads would buy little and cost memory.
- `timeout` 30 s: no page or admin save comes near it (the slowest, a first copy-desk read
  of a long story, is under a second); a worker stuck longer is killed and replaced instead of
  holding a connection. Heavy work runs in the background worker, never here.
- `graceful_timeout` 30 s: on a restart or deploy, requests in flight finish.
- `keepalive` 5 s: the load balancer or Varnish in front reuses connections.
- `max_requests` 2000 with jitter 200: each worker is replaced now and then, staggered, so a
  slow leak in any library can never grow without bound.
- `forwarded_allow_ips`: only the proxy's address may claim the client's scheme
  (X-Forwarded-Proto), which Django's SECURE_PROXY_SSL_HEADER trusts.
- Logs: one JSON object a line on stdout, the access line with the request id
  (newsroom/logs.py); systemd's journal keeps them.
"""

import multiprocessing
import os

bind = os.environ.get("NEWSROOM_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("NEWSROOM_WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("NEWSROOM_WEB_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("NEWSROOM_PROXY_IPS", "127.0.0.1,::1")
proxy_allow_ips = forwarded_allow_ips

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logger_class = "newsroom.logs.GunicornJsonLogger"

# No control socket: systemd restarts and reloads gunicorn (HUP), and two sites on one host
# would otherwise fight over the same default path.
control_socket_disable = True
