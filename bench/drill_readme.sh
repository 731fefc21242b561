#!/usr/bin/env bash
# Follow README "Running in production" on a fresh Debian 12, as a person would, and check that
# the site works: the README's own shell blocks, run in order, as root, from this checkout.
#
#   ../shared/tools/fresh_machine.sh --test "bash bench/drill_readme.sh"      # a fresh root
#
# It changes the machine it runs on (packages, a `newsroom` user, /srv/newsroom, /etc/newsroom,
# /var/lib/newsroom): run it only in a throwaway root such as fresh_machine.sh makes.
#
# What differs from a real server, and why:
# - A chroot has no systemd. `systemctl enable --now` is played by starting each unit's own
#   ExecStart as its User, in its WorkingDirectory, with its EnvironmentFile (and the timer's
#   job once a minute); tests/test_deploy.py has systemd-analyze verify the units themselves.
# - The test machine's own PostgreSQL and Redis hold ports 5432 and 6379 (a chroot shares the
#   network), so the fresh ones listen on Unix sockets only, and the environment file points
#   there; Debian's packages are kept from starting services during the install (policy-rc.d),
#   as in any chroot.
# - Interactive steps get their answers: the database password, the first account's.
# - gunicorn listens on 127.0.0.1:8100, Varnish (optional, step 7) is not started.
set -euo pipefail
SOURCE=$(cd "$(dirname "$0")/.." && pwd)
WORK=/tmp/readme-drill
PORT=8100
DB_PASSWORD=drill-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
mkdir -p "$WORK"
started=()

say() { printf '\n== %s\n' "$*"; }

stop_everything() {
  for pid in "${started[@]:-}"; do [ -n "$pid" ] && kill -- -"$pid" 2>/dev/null || true; done
  command -v pg_ctlcluster >/dev/null && pg_ctlcluster 15 main stop 2>/dev/null || true
  [ -S /run/redis/redis.sock ] && redis-cli -s /run/redis/redis.sock shutdown nosave 2>/dev/null || true
}
trap stop_everything EXIT

# The README's shell blocks between "## Running in production" and the next section.
python3 - "$SOURCE/README.md" >"$WORK/blocks.sh" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
section = text.split("## Running in production", 1)[1].split("\n## ", 1)[0]
for number, block in enumerate(re.findall(r"```sh\n(.*?)```", section, re.S), 1):
    print(f"#### block {number}\n{block}")
EOF
grep -q "#### block 7" "$WORK/blocks.sh" || { echo "README: expected 7 shell blocks" >&2; exit 1; }

block() {  # the numbered block, with the drill's substitutions
  awk -v n="$1" '/^#### block /{on=($3==n); next} on' "$WORK/blocks.sh" \
    | sed -e "s#git clone https://example.org/newsroom.git#git clone $SOURCE#" \
          -e "s#createuser --pwprompt newsroom#createuser newsroom \&\& sudo -u postgres psql -qc \"ALTER ROLE newsroom PASSWORD '$DB_PASSWORD'\"#" \
          -e "s#nm createsuperuser#nm createsuperuser --no-input --username chief --email chief@example.org#" \
          -e "s#> /backup/#> $WORK/backup/#; s#/backup/media/#$WORK/backup/media/#"
}

run_block() {
  say "README block $1"
  block "$1" | tee "$WORK/block-$1.sh"
  # shellcheck disable=SC1090
  . "$WORK/block-$1.sh"
}

# systemd's part, played from the unit files themselves.
unit_value() { sed -n "s/^$2=//p" "/etc/systemd/system/$1" | head -n 1; }
start_unit() {
  local unit=$1 command
  [[ $unit == *.* ]] || unit=$unit.service  # as systemctl reads a bare name
  if [[ $unit == *.timer ]]; then
    local service
    service=$(unit_value "$unit" Unit)
    command="while true; do $(unit_value "$service" ExecStart); sleep 60; done"
    unit=$service
  else
    command="exec $(unit_value "$unit" ExecStart)"
  fi
  setsid sudo -u "$(unit_value "$unit" User)" bash -c \
    "cd $(unit_value "$unit" WorkingDirectory) && set -a && . $(unit_value "$unit" EnvironmentFile) && set +a && $command" \
    >>"$WORK/$unit.log" 2>&1 &
  started+=($!)
  echo "started $unit (pid $!)"
}
systemctl() {
  case $1 in
    daemon-reload) ;;
    enable) shift; [ "$1" = --now ] && shift; for unit in "$@"; do start_unit "$unit"; done ;;
    *) echo "drill: systemctl $* not played" >&2; return 1 ;;
  esac
}

grep -q "$(hostname)" /etc/hosts || echo "127.0.1.1 $(hostname)" >>/etc/hosts  # sudo asks
printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
run_block 1

say "PostgreSQL and Redis on Unix sockets (the host holds their TCP ports)"
pg_conftool 15 main set listen_addresses ''
pg_conftool 15 main set port 5432
pg_ctlcluster 15 main start
mkdir -p /run/redis && chown redis:redis /run/redis
sudo -u redis redis-server --port 0 --unixsocket /run/redis/redis.sock --unixsocketperm 770 \
  --daemonize yes --pidfile /run/redis/redis.pid --save "" --appendonly no \
  --dir /var/lib/redis --logfile /var/log/redis/drill.log
usermod -a -G redis newsroom

run_block 2
run_block 3

say "Step 4: the environment file"
cp /srv/newsroom/deploy/newsroom.env.example /etc/newsroom/newsroom.env
sed -i \
  -e "s#^SECRET_KEY=.*#SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(64))')#" \
  -e "s#^ALLOWED_HOSTS=.*#ALLOWED_HOSTS=127.0.0.1#" \
  -e "s#^CSRF_TRUSTED_ORIGINS=.*#CSRF_TRUSTED_ORIGINS=https://127.0.0.1:$PORT#" \
  -e "s#^NEWSROOM_SITE_URL=.*#NEWSROOM_SITE_URL=https://127.0.0.1:$PORT#" \
  -e "s#^DATABASE_URL=.*#DATABASE_URL=postgres://newsroom:$DB_PASSWORD@%2Frun%2Fpostgresql/newsroom#" \
  -e "s#^REDIS_URL=.*#REDIS_URL=unix:///run/redis/redis.sock?db=0#" \
  -e "s#^NEWSROOM_BIND=.*#NEWSROOM_BIND=127.0.0.1:$PORT#" \
  /etc/newsroom/newsroom.env
echo "DJANGO_SUPERUSER_PASSWORD=chief-$DB_PASSWORD" >>/etc/newsroom/newsroom.env
chgrp newsroom /etc/newsroom/newsroom.env && chmod 640 /etc/newsroom/newsroom.env

run_block 4
run_block 5
sed -i '/^DJANGO_SUPERUSER_PASSWORD=/d' /etc/newsroom/newsroom.env
mkdir -p /etc/systemd/system  # a server has it; a minimal root without systemd does not
run_block 6

say "Is it working?"
for _ in $(seq 1 60); do
  curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/healthz" && break
  sleep 1
done
for _ in $(seq 1 60); do  # the timer's first publish_due
  grep -q "went live" "$WORK/newsroom-publish-due.service.log" 2>/dev/null && break
  sleep 1
done
fetch() { curl -s -o "$WORK/page.html" -w '%{http_code}' -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$PORT$1"; }
failed=0
nm doctor --wait 30 || failed=1
for path in / /admin/login/ /search/?q=budget /feeds/latest/rss/ /sitemap.xml /healthz; do
  code=$(fetch "$path")
  echo "GET $path: $code"
  [ "$code" = 200 ] || failed=1
done
grep -q 'href="/static/css/[^"]*\.[0-9a-f]\{12\}\.css"' <(fetch / >/dev/null; cat "$WORK/page.html") \
  || { echo "the front page does not link a hashed stylesheet"; failed=1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' \
  -d 'username=chief&password=wrong' "http://127.0.0.1:$PORT/admin/login/")
echo "POST /admin/login/ without a CSRF token: $code (403 expected)"
[ "$code" = 403 ] || failed=1
grep -m 1 '"gunicorn.access"' "$WORK/newsroom-web.service.log" || { echo "no JSON access log"; failed=1; }

mkdir -p "$WORK/backup"
run_block 7
test -s "$WORK"/backup/newsroom-*.dump || { echo "the backup is empty"; failed=1; }

if [ $failed = 0 ]; then echo "README DRILL: PASS"; else echo "README DRILL: FAIL"; fi
exit $failed
