# Shared by bench/webhooks.sh and bench/expiry.sh (sourced, not run): a throw-away PostgreSQL
# cluster and one Payara Micro with the service, both under bench/out/<run>/ and both stopped (and
# the data removed) at exit, plus small helpers. The caller sets NAME before sourcing.
#
# Knobs: BENCH_BUILD=auto|always|never (auto: build when the WAR is missing or older than a source
# file), BENCH_JVM_FLAGS (default as bench/run.sh), BENCH_START_TIMEOUT=240 (s), BENCH_MAX_SECONDS,
# BENCH_PROFILE=1 (JFR of the measured phase only; top frames in bench/out/<run>/profile-top.txt).
set -Eeuo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
cd "$REPO"

START_EPOCH=$(date +%s)
RUN_ID="$NAME-$(date -u +%Y%m%d-%H%M%S)"
OUT="$BENCH_DIR/out/$RUN_ID"
mkdir -p "$OUT"
exec > >(tee -a "$OUT/run.log") 2>&1
exec 8>&1

log() { printf '[%s +%3ss] %s\n' "$(date +%H:%M:%S)" "$(( $(date +%s) - START_EPOCH ))" "$*" >&8; }
die() { log "FAILED: $*"; exit 1; }

PAYARA_PID=""; PG_STARTED=""; WATCHDOG_PID=""; PGDATA=""; PGSOCK=""; PGBIN=""; PG_DIR=""
EXTRA_PIDS=()

stop_payara() {
  if [ -n "$PAYARA_PID" ] && kill -0 "$PAYARA_PID" 2>/dev/null; then
    log "stopping Payara Micro (pid $PAYARA_PID)"
    kill -TERM "$PAYARA_PID"
    for _ in $(seq 1 40); do kill -0 "$PAYARA_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$PAYARA_PID" 2>/dev/null && kill -KILL "$PAYARA_PID"
    wait "$PAYARA_PID" 2>/dev/null
  fi
  PAYARA_PID=""
}

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM ERR
  exec >&8 2>&8
  [ -n "$WATCHDOG_PID" ] && kill "$WATCHDOG_PID" $(pgrep -P "$WATCHDOG_PID" 2>/dev/null) 2>/dev/null
  for p in "${EXTRA_PIDS[@]}"; do kill "$p" 2>/dev/null; done
  stop_payara
  if [ -n "$PG_STARTED" ]; then
    log "stopping PostgreSQL"
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w -t 20 stop >/dev/null 2>&1
  fi
  [ -n "$PG_DIR" ] && [ -f "$PG_DIR/postgres.log" ] && cp "$PG_DIR/postgres.log" "$OUT/postgres.log"
  [ -n "$PG_DIR" ] && rm -rf "$PG_DIR"
  rm -rf "$OUT/payara-root" "$OUT/tmp" "$OUT/identity.war"
  if [ "$rc" != 0 ]; then
    log "exit $rc; the last lines of the service's log:"
    [ -f "$OUT/payara.log" ] && grep -E 'SEVERE|WARNING|Exception' "$OUT/payara.log" | tail -8 | cut -c1-300 >&8
  fi
  log "done (exit $rc); outputs in ${OUT#"$REPO"/}"
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR

( sleep "${BENCH_MAX_SECONDS:-900}"; echo "watchdog: ${BENCH_MAX_SECONDS:-900}s elapsed, aborting" >&2; kill -TERM $$ ) &
WATCHDOG_PID=$!

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
rand_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now_s)" 'BEGIN{printf "%.2f", b-a}'; }
machine() {
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), load average before start $(cut -d' ' -f1-3 /proc/loadavg)"
}

# --- tools ---------------------------------------------------------------------------------------
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing ${need[*]}: apt-get install -y ${need[*]} (or run as root)"
  log "installing ${need[*]}"
  apt-get update -qq >"$OUT/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >>"$OUT/apt.log" 2>&1 \
    || die "apt-get install ${need[*]} failed (see $OUT/apt.log)"
fi
for t in java mvn curl jq python3; do command -v "$t" >/dev/null || die "$t not found"; done
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# --- build (one reactor, no install) -------------------------------------------------------------
WAR="$REPO/identity-web/target/identity.war"
MICRO="$REPO/identity-web/target/payara-micro.jar"
BUILD="${BENCH_BUILD:-auto}"
if [ "$BUILD" = always ] || { [ "$BUILD" = auto ] && { [ ! -f "$WAR" ] || [ ! -f "$MICRO" ] ||
    [ -n "$(find "$REPO"/identity-*/src "$REPO"/pom.xml "$REPO"/identity-*/pom.xml -newer "$WAR" -type f -print -quit 2>/dev/null)" ]; }; }; then
  log "building: mvn -B -q -DskipTests package (log: ${OUT#"$REPO"/}/build.log)"
  mvn -B -q -DskipTests package >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; die "the build failed"; }
fi
[ -f "$WAR" ] && [ -f "$MICRO" ] || die "no $WAR or $MICRO after the build"
cp "$WAR" "$OUT/identity.war"   # others may rebuild the repo while we measure
GIT_REV="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')"
[ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ] && GIT_REV="$GIT_REV + uncommitted changes"

# --- PostgreSQL ----------------------------------------------------------------------------------
start_postgres() {
  PG_DIR="$OUT/pg"; PGDATA="$PG_DIR/data"; PGSOCK="$PG_DIR/sock"
  mkdir -p "$PGDATA" "$PGSOCK"; chmod 700 "$PGDATA"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR"
  PGPORT=$(free_port)
  DB_NAME=bench; DB_USER=bench; DB_PASSWORD="pw$(rand_hex 12)"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C --auth-local=trust --auth-host=scram-sha-256 \
    >"$OUT/initdb.log" 2>&1 || { cat "$OUT/initdb.log"; die "initdb failed"; }
  PG_STARTED=1
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PG_DIR/postgres.log" -w -t 60 \
    -o "-p $PGPORT -k $PGSOCK -c listen_addresses=127.0.0.1 ${PG_OPTIONS:-}" start >/dev/null || die "pg_ctl start failed"
  psql_su -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
  PG_VERSION=$(psql_su -d postgres -c 'SHOW server_version')
  log "PostgreSQL $PG_VERSION on 127.0.0.1:$PGPORT"
}
psql_su() { as_pg "$PGBIN/psql" -h "$PGSOCK" -p "$PGPORT" -U postgres -X -q -At -v ON_ERROR_STOP=1 "$@"; }
sql() { psql_su -d "$DB_NAME" -c "$1"; }

# --- Payara Micro ---------------------------------------------------------------------------------
# start_service VAR=value ...: extra environment for the service. Payara Micro sometimes starts
# without opening its HTTP listener ("GrizzlyProxy is NULL" in its log, then "ready" but nothing
# answers): that start is stopped and the service started once more, as the IT harness does.
start_service() {
  START_ATTEMPT=1
  start_service_once "$@" && return 0
  log "Payara Micro started without its HTTP listener (GrizzlyProxy is NULL); starting it once more"
  stop_payara
  mv "$OUT/payara.log" "$OUT/payara-first-start.log"; rm -rf "$OUT/payara-root"
  START_ATTEMPT=2
  start_service_once "$@" || die "no 200 on / after a second start (see $OUT/payara.log)"
}

start_service_once() {
  APP_PORT=$(free_port)
  ADMIN_KEY="adm-$(rand_hex 16)"
  BASE="http://127.0.0.1:$APP_PORT"
  mkdir -p "$OUT/tmp" "$OUT/payara-root"
  JVM_FLAGS="${BENCH_JVM_FLAGS:--Xmx1g -XX:+UseG1GC -Declipselink.concurrency.manager.waittime=5}"
  log "starting Payara Micro on $BASE ($JVM_FLAGS)"
  # shellcheck disable=SC2086
  env DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB_NAME" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" \
    IDENTITY_ADMIN_API_KEY="$ADMIN_KEY" IDENTITY_BOOTSTRAP_DEMO=false IDENTITY_PUBLIC_BASE_URL="$BASE" \
    IDENTITY_RATE_LIMITS_ENABLED=false IDENTITY_FACE_ENABLED=false MALLOC_ARENA_MAX=2 TMPDIR="$OUT/tmp" \
    IDENTITY_FACE_WORK_DIR="$OUT/face-work" XDG_CACHE_HOME="$OUT/cache" "$@" \
    java $JVM_FLAGS "-Djava.io.tmpdir=$OUT/tmp" -jar "$MICRO" --deploy "$OUT/identity.war" --contextroot / \
    --port "$APP_PORT" --nocluster --disablephonehome --postbootcommandfile "$REPO/identity-web/src/main/payara/post-boot-commands.asadmin" \
    --rootDir "$OUT/payara-root" >"$OUT/payara.log" 2>&1 &
  PAYARA_PID=$!
  local t0 deadline code
  t0=$(now_s); deadline=$(( $(date +%s) + ${BENCH_START_TIMEOUT:-240} ))
  while :; do
    kill -0 "$PAYARA_PID" 2>/dev/null || { tail -20 "$OUT/payara.log"; die "Payara exited during start-up"; }
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/" || true)
    [ "$code" = 200 ] && break
    grep -q 'Exception while loading the app\|Deployment failed' "$OUT/payara.log" && die "the WAR did not deploy (see $OUT/payara.log)"
    if [ "$START_ATTEMPT" = 1 ] && grep -q 'GrizzlyProxy is NULL' "$OUT/payara.log" && grep -q 'ready in' "$OUT/payara.log"; then
      sleep 5   # the listener may still come up; if not, this start is lost
      [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/" || true)" = 200 ] && break
      return 1
    fi
    [ "$(date +%s)" -lt "$deadline" ] || die "no 200 on / within ${BENCH_START_TIMEOUT:-240}s (last $code)"
    sleep 0.5
  done
  STARTUP_S=$(elapsed "$t0")
  log "service up in ${STARTUP_S}s"
}

# http METHOD PATH [curl args]: sets HTTP_CODE and HTTP_BODY; expect CODE... dies otherwise.
http() {
  local method=$1 path=$2 resp; shift 2
  resp=$(curl -sS --max-time 30 -X "$method" -w $'\n%{http_code}' "$@" "$BASE$path") || resp=$'\n000'
  HTTP_CODE=${resp##*$'\n'}; HTTP_BODY=${resp%$'\n'*}
}
expect() { local c; for c in "$@"; do [ "$HTTP_CODE" = "$c" ] && return 0; done; die "expected HTTP $* but got $HTTP_CODE: ${HTTP_BODY:0:300}"; }

# provision_tenant: sets API_KEY and CLIENT_ID.
provision_tenant() {
  http POST /v1/admin/clients -H "Identity-Admin-Key: $ADMIN_KEY" -d "name=$NAME"
  expect 201
  API_KEY=$(jq -er .api_key <<<"$HTTP_BODY"); CLIENT_ID=$(jq -er .client_id <<<"$HTTP_BODY")
}

# cpu_ticks PID: user+sys clock ticks of a process (and, for the postmaster, pass its children too).
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { # the postmaster and its backends
  local pm total=0 p
  pm=$(head -1 "$PGDATA/postmaster.pid")
  for p in $pm $(pgrep -P "$pm"); do total=$(( total + $(cpu_ticks "$p") )); done
  echo "$total"
}

# --- optional profile of the measured phase (BENCH_PROFILE=1) -------------------------------------
# profile_start / profile_stop around the measurement: a JFR recording of the service only while it
# measures, and $OUT/profile-top.txt, the 40 most frequent top application frames (and top frames)
# of the execution samples, to see where the CPU per item goes.
profile_start() {
  [ "${BENCH_PROFILE:-0}" = 1 ] || return 0
  jcmd "$PAYARA_PID" JFR.start name=bench settings=profile filename="$OUT/profile.jfr" >/dev/null 2>&1 \
    && log "JFR recording started" || log "JFR could not start"
}
profile_stop() {
  [ "${BENCH_PROFILE:-0}" = 1 ] || return 0
  jcmd "$PAYARA_PID" JFR.stop name=bench >/dev/null 2>&1 || { log "JFR could not stop"; return 0; }
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$OUT/profile.jfr" >"$OUT/profile-samples.txt" 2>/dev/null || return 0
  python3 - "$OUT/profile-samples.txt" >"$OUT/profile-top.txt" <<'PY'
import sys, re, collections
text = open(sys.argv[1]).read()
top, app, incl = collections.Counter(), collections.Counter(), collections.Counter()
n = 0
for block in text.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>/]+\(.*?\))\s+line:", block, re.M)
    if not frames:
        continue
    n += 1
    top[frames[0]] += 1
    mine = next((f for f in frames if f.startswith("io.idforge")), None)
    if mine:
        app[mine] += 1
    for f in set(frames):
        incl[f] += 1
print(f"{n} samples\n\n== top frames ==")
for f, c in top.most_common(40): print(f"{c:6d} {100*c/n:5.1f}%  {f}")
print("\n== first io.idforge frame on the stack ==")
for f, c in app.most_common(40): print(f"{c:6d} {100*c/n:5.1f}%  {f}")
print("\n== inclusive (any depth) ==")
for f, c in incl.most_common(120): print(f"{c:6d} {100*c/n:5.1f}%  {f}")
PY
  log "profile: ${OUT#"$REPO"/}/profile-top.txt"
}

# Replaces (or appends) the section between <!-- KEY:begin --> and <!-- KEY:end --> of
# bench/RESULTS.md with the text of file SECTION, so each bench keeps its own section.
write_section() { # KEY SECTION
  python3 - "$BENCH_DIR/RESULTS.md" "$2" "$1" <<'PY'
import sys, pathlib
path, section, key = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).read_text(), sys.argv[3]
begin, end = f"<!-- {key}:begin -->", f"<!-- {key}:end -->"
text = path.read_text() if path.exists() else ""
block = f"{begin}\n{section}{end}\n"
if begin in text and end in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end) + 1:]
else:
    text = text.rstrip("\n") + "\n\n" + block
path.write_text(text)
PY
  log "wrote the $1 section of bench/RESULTS.md"
}
