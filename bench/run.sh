#!/usr/bin/env bash
# Load test of the identity service on PostgreSQL; writes bench/RESULTS.md.
#
#   bench/run.sh
#
# Starts a throw-away PostgreSQL cluster and one Payara Micro with the service (both under
# bench/out/run-*/, both stopped and their data removed at exit), provisions a tenant and a flow,
# warms up, then drives two endpoints with wrk on loopback:
#   (a) POST /v1/api-keys                  (web token issuance; every request a new account_id)
#   (b) GET  /v1/processes/{id}/result     (reads over BENCH_PROCESSES processes made beforehand)
# and then, in the same invocation, the two anchors each endpoint is judged against (issue 14):
#   (c) GET  /anchor on the same Payara Micro with bench/anchor's WAR (a constant JSON string), for (b)
#   (d) Keycloak 26.5.6 (start-dev, JDK 21+) issuing HS256 client-credentials tokens, for (a)
# The service is stopped before the anchors start, so each has the machine to itself but for
# other users' load. RESULTS.md puts each endpoint beside its anchor with the ratio, the p99 and the
# CPU per request of each process. The Keycloak distribution is fetched from Maven Central with
# `mvn dependency:copy` into bench/target (gitignored) on the first run.
# Raw wrk output, Payara/GC/PostgreSQL logs, top snapshots and thread dumps stay in
# bench/out/run-*/ (gitignored). Exits non-zero if any response was not 2xx.
#
# Knobs (environment): BENCH_DURATION=30 (s per measured run), BENCH_WARMUP=30 (s per endpoint),
# BENCH_CONNECTIONS="16 32 64", BENCH_THREADS=2, BENCH_PROCESSES=100, BENCH_MAX_SECONDS=570,
# BENCH_FACE_ENABLED=true (false: the server runs with identity.face.enabled=false),
# BENCH_MALLOC_ARENA_MAX=2 (as serve.sh), BENCH_START_TIMEOUT=180 (s for Payara to answer its first 200),
# BENCH_BUILD=auto|always|never, BENCH_SOURCE=worktree|head|<commit> (head or a commit: build `git archive`
# of it under bench/out/run-*/src, untouched by anyone's uncommitted edits; a commit gives the "before" of a change), BENCH_JVM_FLAGS (default: serve.sh's flags), BENCH_PROFILE=1 (Java Flight
# Recorder, default settings, records from before the warm-up; one profile per measured run; 0 to skip),
# BENCH_CDS=0 (1: serve.sh's opt-in class archive), BENCH_ANCHORS=1 (0: the service only), BENCH_ANCHOR_WARMUP=30 (s per anchor, at 32 connections), KEYCLOAK_JAVA_HOME (a JDK 21+;
# default: the newest JDK 21+ under /usr/lib/jvm), MVN_ARGS (extra Maven options, e.g. -o),
# BENCH_SERVICE_ENV="NAME=value ..." (more environment for the service, e.g. IDENTITY_AUTH_BACKEND_KEY_CACHE=PT0S
# to measure without the backend-key cache).
set -Eeuo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
cd "$REPO"

DURATION="${BENCH_DURATION:-30}"
WARMUP="${BENCH_WARMUP:-30}"
CONNECTIONS="${BENCH_CONNECTIONS:-16 32 64}"
THREADS="${BENCH_THREADS:-2}"
PROCESSES="${BENCH_PROCESSES:-100}"
MAX_SECONDS="${BENCH_MAX_SECONDS:-1500}"
BUILD="${BENCH_BUILD:-auto}"
SOURCE="${BENCH_SOURCE:-worktree}"    # worktree: the repo as it is; head: a clean build of the committed HEAD
# EclipseLink 4.0 spins on its sequencing lock with the default wait time of 0 ms; 5 ms lets
# waiting threads sleep (measured: 404 -> 716 tokens/s at 32 connections). Recommended in production too.
# The same flags as serve.sh's default (a bounded heap: the resident-memory target is 600 MB).
DEFAULT_JVM_FLAGS="-Xms128m -Xmx384m -XX:+UseG1GC -Declipselink.concurrency.manager.waittime=5"
JVM_FLAGS="${BENCH_JVM_FLAGS:-$DEFAULT_JVM_FLAGS}"
PROFILE="${BENCH_PROFILE:-1}"          # 1: JFR recording (settings=default) with a profile per measured run
ANCHORS="${BENCH_ANCHORS:-1}"
ANCHOR_WARMUP="${BENCH_ANCHOR_WARMUP:-30}"
KEYCLOAK_VERSION=26.5.6
# Targets of issue 14, each a ratio to an anchor measured in this run.
TARGET_TOKEN_RATIO=1.0      # tokens/s ÷ Keycloak's HS256 client-credentials tokens/s
TARGET_TOKEN_P99_RATIO=2.0  # p99 ÷ Keycloak's p99, at most
TARGET_READ_RATIO=0.5       # result reads/s ÷ the trivial JAX-RS GET's req/s
TARGET_READ_P99_MS=15
TARGET_START_S=10
TARGET_RSS_MB=600
TARGET_TOKENS=1500
TARGET_READS=4000
WRK_TIMEOUT=10s

START_EPOCH=$(date +%s)
RUN_ID="run-$(date -u +%Y%m%d-%H%M%S)"
OUT="$BENCH_DIR/out/$RUN_ID"
mkdir -p "$OUT"
ln -sfn "$RUN_ID" "$BENCH_DIR/out/latest"
LOG="$OUT/run.log"
exec > >(tee -a "$LOG") 2>&1
exec 8>&1   # the console+run.log pipe, for messages while stdout is redirected (traps, cleanup)

log() { printf '[%s +%3ss] %s\n' "$(date +%H:%M:%S)" "$(( $(date +%s) - START_EPOCH ))" "$*" >&8; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# Everything this script starts is tracked by PID and stopped in cleanup(), on success, failure,
# Ctrl-C or the watchdog alike. Long-running foreground work runs through run_bg() so that a signal
# interrupts `wait` at once instead of waiting for the command to finish.
PAYARA_PID=""; PG_STARTED=""; CHILD_PID=""; WATCHDOG_PID=""; SAMPLER_PID=""; ANCHOR_PID=""; KC_PID=""
PGDATA=""; PGSOCK=""; PGBIN=""; PG_DIR=""

kill_tree_of() { # kill a helper subshell and its direct children (by PID, never by name)
  local pid=$1 kids
  [ -n "$pid" ] || return 0
  kids=$(pgrep -P "$pid" 2>/dev/null || true)
  kill "$pid" $kids 2>/dev/null || true
}

stop_java() { # stop_java PID LABEL: TERM, 20 s, then KILL (one process, by its id)
  local pid=$1 label=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $label (pid $pid)"
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && { log "$label did not stop in 20 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null; }
  wait "$pid" 2>/dev/null || true   # its exit status (143 after TERM) is no failure of ours
  return 0
}

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM ERR
  exec >&8 2>&8
  kill_tree_of "$WATCHDOG_PID"
  kill_tree_of "$SAMPLER_PID"
  kill_tree_of "$CHILD_PID"
  stop_java "$PAYARA_PID" "Payara Micro"
  stop_java "$ANCHOR_PID" "the anchor's Payara Micro"
  stop_java "$KC_PID" "Keycloak"
  if [ -n "$PG_STARTED" ]; then
    log "stopping PostgreSQL ($PGDATA)"
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w -t 20 stop >/dev/null 2>&1
    if [ -f "$PGDATA/postmaster.pid" ]; then
      local pm; pm=$(head -1 "$PGDATA/postmaster.pid" 2>/dev/null)
      [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null && { log "postmaster $pm still up: SIGKILL"; kill -KILL "$pm"; }
    fi
  fi
  [ -n "$PG_DIR" ] && [ -f "$PG_DIR/postgres.log" ] && cp "$PG_DIR/postgres.log" "$OUT/postgres.log"
  # Throw away the database and Payara's runtime directories; keep logs and raw outputs.
  [ -n "$PG_DIR" ] && rm -rf "$PG_DIR"
  rm -rf "$OUT/payara-root" "$OUT/tmp" "$OUT/identity.war" "$OUT/src" "$OUT/anchor-root" "$OUT/keycloak"
  log "done (exit $rc); outputs in ${OUT#"$REPO"/}"
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated (watchdog or signal)"; exit 143' TERM
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR

run_bg() { "$@" & CHILD_PID=$!; local rc=0; wait "$CHILD_PID" || rc=$?; CHILD_PID=""; return "$rc"; }

# Hard bound on the whole run.
( sleep "$MAX_SECONDS"; echo "watchdog: ${MAX_SECONDS}s elapsed, aborting" >&2; kill -TERM $$ ) &
WATCHDOG_PID=$!

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
rand_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

as_pg() { # run a PostgreSQL binary as the postgres OS user when we are root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# ---------------------------------------------------------------------------------------------
# 1. Tools
need_install=()
command -v wrk >/dev/null || need_install+=(wrk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_install+=(postgresql)
command -v jq >/dev/null || need_install+=(jq)
if [ ${#need_install[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing ${need_install[*]}; install them (apt-get install -y ${need_install[*]}) or run as root"
  log "installing from Debian: ${need_install[*]}"
  run_bg apt-get update -qq
  run_bg env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_install[@]}" >"$OUT/apt.log" 2>&1
fi
for t in wrk jq curl python3 java top; do command -v "$t" >/dev/null || die "$t not found"; done
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# ---------------------------------------------------------------------------------------------
# 2. Build (only when the WAR is missing or older than a source file, unless told otherwise)
GIT_REV="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [ "$SOURCE" != worktree ]; then
  # head, or any commit (e.g. the one before a change, for a before/after pair with the same script)
  REV=$( [ "$SOURCE" = head ] && echo HEAD || echo "$SOURCE")
  GIT_REV="$(git -C "$REPO" rev-parse --short "$REV")" || die "no commit $REV"
  SRC="$OUT/src"
  mkdir -p "$SRC"
  git -C "$REPO" archive "$REV" | tar -x -C "$SRC"
  log "building commit $GIT_REV in ${SRC#"$REPO"/}: mvn -B -DskipTests package"
  run_bg mvn -B ${MVN_ARGS:-} -DskipTests -f "$SRC/pom.xml" package >"$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; die "build of HEAD failed (see $OUT/build.log)"; }
  WAR="$SRC/identity-web/target/identity.war"
  MICRO="$SRC/identity-web/target/payara-micro.jar"
  GIT_REV="$GIT_REV (clean build of $REV)"
else
  WAR="$REPO/identity-web/target/identity.war"
  MICRO="$REPO/identity-web/target/payara-micro.jar"
  if [ "$BUILD" = always ] || { [ "$BUILD" = auto ] && { [ ! -f "$WAR" ] || [ ! -f "$MICRO" ] ||
      [ -n "$(find "$REPO"/identity-*/src "$REPO"/pom.xml "$REPO"/identity-*/pom.xml -newer "$WAR" -type f -print -quit 2>/dev/null)" ]; }; }; then
    log "building: mvn -B -DskipTests package"
    run_bg mvn -B ${MVN_ARGS:-} -DskipTests package >"$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; die "build failed (see $OUT/build.log)"; }
  fi
  [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ] && GIT_REV="$GIT_REV + uncommitted changes of the working tree"
fi
[ -f "$WAR" ] && [ -f "$MICRO" ] || die "no $WAR or $MICRO; run mvn -B -q -DskipTests package"
# Snapshot the WAR: other people may rebuild the repo while we measure.
cp "$WAR" "$OUT/identity.war"
WAR_SHA=$(sha256sum "$OUT/identity.war" | cut -c1-12)

# The anchors' parts: bench/anchor's WAR (its own tiny pom, not part of the main reactor) and
# Keycloak's distribution from Maven Central (bench/target, gitignored). Keycloak needs a JDK 21+.
ANCHOR_WAR="$BENCH_DIR/anchor/target/anchor.war"
KC_ZIP="$BENCH_DIR/target/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
KC_JAVA_HOME=""
if [ "$ANCHORS" = 1 ]; then
  log "building the anchor WAR: mvn -B -f bench/anchor/pom.xml -DskipTests package"
  # shellcheck disable=SC2086
  run_bg mvn -B ${MVN_ARGS:-} -f "$BENCH_DIR/anchor/pom.xml" -DskipTests package >"$OUT/anchor-build.log" 2>&1 \
    || { tail -40 "$OUT/anchor-build.log"; die "anchor build failed (see $OUT/anchor-build.log)"; }
  if [ ! -s "$KC_ZIP" ]; then
    log "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip from Maven Central into bench/target"
    # shellcheck disable=SC2086
    run_bg mvn -B ${MVN_ARGS:-} dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$BENCH_DIR/target" >"$OUT/keycloak-fetch.log" 2>&1 \
      || { tail -40 "$OUT/keycloak-fetch.log"; die "fetching Keycloak failed (see $OUT/keycloak-fetch.log)"; }
  fi
  java_major() { "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }'; }
  for jh in ${KEYCLOAK_JAVA_HOME:-} $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -Vr); do
    jh=${jh%/}
    [ -x "$jh/bin/java" ] && [ "$(java_major "$jh")" -ge 21 ] 2>/dev/null && { KC_JAVA_HOME=$jh; break; }
  done
  [ -n "$KC_JAVA_HOME" ] && log "Keycloak will run on $KC_JAVA_HOME" \
    || log "WARNING: no JDK 21+ found (KEYCLOAK_JAVA_HOME or /usr/lib/jvm/*): Keycloak's anchor is left out"
fi

# ---------------------------------------------------------------------------------------------
# Background load from other users of the machine, before we start anything (3 s sample).
b0=$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat); sleep 3
b1=$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
BASELINE=$(awk -v a="$b0" -v b="$b1" -v n="$(nproc)" 'BEGIN{split(a,x," "); split(b,y," "); printf "%.2f", n*(y[1]-x[1])/(y[2]-x[2])}')
log "background load before start: $BASELINE cores busy"

# 3. Throw-away PostgreSQL
PG_DIR="$OUT/pg"; PGDATA="$PG_DIR/data"; PGSOCK="$PG_DIR/sock"
mkdir -p "$PGDATA" "$PGSOCK"
chmod 700 "$PGDATA"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR"
PGPORT=$(free_port)
DB_NAME=bench; DB_USER=bench; DB_PASSWORD="pw$(rand_hex 12)"
log "initdb ($PGBIN) in ${PGDATA#"$REPO"/}"
as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C \
  --auth-local=trust --auth-host=scram-sha-256 >"$OUT/initdb.log" 2>&1 || { cat "$OUT/initdb.log"; die "initdb failed"; }
log "starting PostgreSQL on 127.0.0.1:$PGPORT"
PG_STARTED=1
PG_EXTRA=""
PGSS=""
if [ -f "$($PGBIN/pg_config --pkglibdir 2>/dev/null || echo /nonexistent)/pg_stat_statements.so" ]; then
  PG_EXTRA="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"; PGSS=1
fi
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PG_DIR/postgres.log" -w -t 60 \
  -o "-p $PGPORT -k $PGSOCK -c listen_addresses=127.0.0.1 $PG_EXTRA" start >/dev/null || die "pg_ctl start failed"
psql_su() { as_pg "$PGBIN/psql" -h "$PGSOCK" -p "$PGPORT" -U postgres -X -q -At -v ON_ERROR_STOP=1 "$@"; }
psql_su -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
PG_VERSION=$(psql_su -d postgres -c 'SHOW server_version')
PG_SETTINGS=$(psql_su -d postgres -F= -c "SELECT name, setting || coalesce(unit,'') FROM pg_settings
  WHERE name IN ('shared_buffers','max_connections','fsync','synchronous_commit','work_mem') ORDER BY name" | paste -sd' ')
PM_PID=$(head -1 "$PGDATA/postmaster.pid")
[ -n "$PGSS" ] && psql_su -d "$DB_NAME" -c "CREATE EXTENSION pg_stat_statements"

# ---------------------------------------------------------------------------------------------
# 4. Payara Micro
APP_PORT=$(free_port)
ADMIN_KEY="adm-$(rand_hex 16)"
BASE="http://127.0.0.1:$APP_PORT"
mkdir -p "$OUT/tmp" "$OUT/payara-root"
JAVA_VERSION=$(java -version 2>&1 | head -1)
JFR_FLAGS=""
[ "$PROFILE" = 1 ] && JFR_FLAGS="-XX:FlightRecorderOptions=stackdepth=128"  # no effect until a recording starts
# serve.sh's class archive (CDS) for these flags, made by one training start if missing
# (identity-web/target/cds; opt-in: BENCH_CDS=1 or IDFORGE_CDS=1).
. "$REPO/identity-web/src/main/payara/cds.sh"
[ "${BENCH_CDS:-0}" = 1 ] && export IDFORGE_CDS=1
# shellcheck disable=SC2086
CDS_FLAG=$(cds_flag "$(dirname "$MICRO")/cds" "$MICRO" "$OUT/identity.war" \
  "$REPO/identity-web/src/main/payara/post-boot-commands.asadmin" $JVM_FLAGS)
log "starting Payara Micro on $BASE with: $JVM_FLAGS ${CDS_FLAG:-(no CDS archive)}"
# shellcheck disable=SC2086  # JVM_FLAGS is a word list on purpose
env DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB_NAME" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" \
  IDENTITY_ADMIN_API_KEY="$ADMIN_KEY" IDENTITY_BOOTSTRAP_DEMO=false IDENTITY_PUBLIC_BASE_URL="$BASE" \
  IDENTITY_RATE_LIMITS_ENABLED=false \
  IDENTITY_FACE_WORK_DIR="$OUT/face-work" ORT_DISABLE_TELEMETRY=1 TMPDIR="$OUT/tmp" XDG_CACHE_HOME="$OUT/cache" \
  IDENTITY_FACE_ENABLED="${BENCH_FACE_ENABLED:-true}" MALLOC_ARENA_MAX="${BENCH_MALLOC_ARENA_MAX:-2}" \
  ${BENCH_SERVICE_ENV:-} java $JVM_FLAGS $CDS_FLAG $JFR_FLAGS "-Xlog:gc:file=$OUT/gc.log:uptime" "-Djava.io.tmpdir=$OUT/tmp" \
  -jar "$MICRO" --deploy "$OUT/identity.war" --contextroot / --port "$APP_PORT" --nocluster --disablephonehome \
  --postbootcommandfile "$(dirname "$MICRO")/../src/main/payara/post-boot-commands.asadmin" \
  --rootDir "$OUT/payara-root" >"$OUT/payara.log" 2>&1 &
PAYARA_PID=$!
t0=$(date +%s.%N)
START_TIMEOUT="${BENCH_START_TIMEOUT:-180}"
deadline=$(( $(date +%s) + START_TIMEOUT ))
while :; do
  kill -0 "$PAYARA_PID" 2>/dev/null || { tail -30 "$OUT/payara.log"; die "Payara exited during start-up"; }
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/" || true)
  [ "$code" = 200 ] && break
  if grep -q 'Exception while loading the app\|Deployment failed' "$OUT/payara.log" 2>/dev/null; then
    grep -m3 -A2 'Exception while loading the app\|Deployment failed\|DeploymentException' "$OUT/payara.log" | cut -c1-300
    die "the WAR failed to deploy (see ${OUT#"$REPO"/}/payara.log); with uncommitted work in progress, try BENCH_SOURCE=head"
  fi
  [ "$(date +%s)" -lt "$deadline" ] || { tail -30 "$OUT/payara.log"; die "no 200 from GET / within $START_TIMEOUT s (last: $code; on a busy machine raise BENCH_START_TIMEOUT)"; }
  sleep 0.5
done
STARTUP_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
log "service up after ${STARTUP_S}s (pid $PAYARA_PID)"
if [ "$PROFILE" = 1 ]; then
  timeout 30 jcmd "$PAYARA_PID" JFR.start name=bench settings=default >/dev/null 2>&1 || { log "JFR.start failed: no profiles"; PROFILE=0; }
fi

# SERVER_PID / WRK_BASE: the process whose CPU and memory a wrk run measures, and where wrk sends
# its requests (the service first, then each anchor).
SERVER_PID=$PAYARA_PID; WRK_BASE=$BASE
rss_mb()  { awk '/^VmRSS:/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status" 2>/dev/null; }
hwm_mb()  { awk '/^VmHWM:/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status" 2>/dev/null; }
declare -A RSS
RSS[start]=$(rss_mb)

# ---------------------------------------------------------------------------------------------
# 5. Tenant, flow, processes
HTTP_CODE=""; HTTP_BODY=""
http() { # http METHOD PATH [curl args...]; sets HTTP_CODE and HTTP_BODY
  local method=$1 path=$2 resp; shift 2
  resp=$(curl -sS --max-time 15 -X "$method" -w $'\n%{http_code}' "$@" "$BASE$path") || resp=$'\n000'
  HTTP_CODE=${resp##*$'\n'}; HTTP_BODY=${resp%$'\n'*}
}
expect() { # expect CODE... ; dies unless HTTP_CODE is one of them
  local c; for c in "$@"; do [ "$HTTP_CODE" = "$c" ] && return 0; done
  die "expected HTTP $* but got $HTTP_CODE: ${HTTP_BODY:0:400}"
}

http POST /v1/admin/clients -H "Identity-Admin-Key: $ADMIN_KEY" -d name=bench
expect 201
API_KEY=$(jq -er .api_key <<<"$HTTP_BODY"); CLIENT_ID=$(jq -er .client_id <<<"$HTTP_BODY")
log "tenant $CLIENT_ID provisioned"
http POST /v1/flows -H "Truora-API-Key: $API_KEY" -H 'Content-Type: application/json' \
  --data '{"name":"bench","steps":[{"type":"email-verification"},{"type":"document-validation"}]}'
expect 201
FLOW_ID=$(jq -er .flow_id <<<"$HTTP_BODY")
log "flow $FLOW_ID created"

TOKEN_FORM="key_type=web&grant=digital-identity&api_key_version=1&country=ALL&redirect_url=https%3A%2F%2Fexample.com%2Fdone&flow_id=$FLOW_ID"
IDS_FILE="$OUT/process-ids.txt"; : >"$IDS_FILE"
for i in $(seq 1 "$PROCESSES"); do
  http POST /v1/api-keys -H "Truora-API-Key: $API_KEY" --data "$TOKEN_FORM&account_id=bench-proc-$i"
  expect 200 201
  web_token=$(jq -er .api_key <<<"$HTTP_BODY")
  http POST /v1/processes -H "Truora-API-Key: $web_token"
  expect 200 201
  jq -er .process_id <<<"$HTTP_BODY" >>"$IDS_FILE"
done
http GET "/v1/processes/$(head -1 "$IDS_FILE")/result" -H "Truora-API-Key: $API_KEY"
expect 200
echo "$HTTP_BODY" >"$OUT/sample-result.json"
log "$PROCESSES processes created"

# ---------------------------------------------------------------------------------------------
# 6. Measurements
export BENCH_DIR BENCH_API_KEY="$API_KEY" BENCH_FLOW_ID="$FLOW_ID" BENCH_IDS_FILE="$IDS_FILE"
CLK_TCK=$(getconf CLK_TCK)
NCPU=$(nproc)

ticks_of() { # utime+stime (+ children's with "all") of one PID, in clock ticks
  [ -r "/proc/$1/stat" ] || { echo 0; return; }
  sed 's/^.*) //' "/proc/$1/stat" | awk -v all="${2:-}" '{print $12 + $13 + (all ? $14 + $15 : 0)}'
}
pg_ticks() { # the postmaster (with reaped children) plus its live children
  local sum t; sum=$(ticks_of "$PM_PID" all)
  # A backend may exit between pgrep and the read of its stat file: count it as 0, not a failed run.
  for p in $(pgrep -P "$PM_PID" 2>/dev/null); do t=$(ticks_of "$p" 2>/dev/null || true); sum=$(( sum + ${t:-0} )); done
  echo "$sum"
}
machine_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; } # busy total
times_cpu_s() { # user+sys seconds from a `times` output file, line 2 (the children's times)
  awk 'NR==2 { split($1,u,/[ms]/); split($2,s,/[ms]/); printf "%.3f", u[1]*60+u[2]+s[1]*60+s[2] }' "$1"
}

mid_run_sampler() { # name: top, pg_stat_activity and 3 thread dumps around the middle of a run
  local name=$1 half=$(( DURATION / 2 ))
  sleep "$(( half > 3 ? half - 3 : 1 ))"
  top -b -n 2 -d 3 -w 200 2>/dev/null | awk '/^top -/{n++} n==2 && c++ < 25' >"$OUT/top-$name.txt" || true
  psql_su -d "$DB_NAME" -F' | ' -c "SELECT coalesce(state,'-'), coalesce(wait_event_type,'-'), coalesce(wait_event,'-'), count(*)
      FROM pg_stat_activity WHERE datname = '$DB_NAME' GROUP BY 1,2,3 ORDER BY 4 DESC" >"$OUT/pg-activity-$name.txt" 2>&1
  for k in 1 2 3; do
    timeout 10 jcmd "$PAYARA_PID" Thread.print >"$OUT/threads-$name-$k.txt" 2>&1 || true
    sleep 1
  done
}

# Thread-dump summary: what the busy HTTP worker threads were doing (idle workers, parked in
# Grizzly's SyncThreadPool.getTask, are left out). One category per thread, first match wins.
thread_profile() {
  local name=$1 files
  files=$(ls "$OUT"/threads-"$name"-*.txt 2>/dev/null || true)
  [ -n "$files" ] || { printf 'no thread dump'; return 0; }
  # shellcheck disable=SC2086
  cat $files | awk 'BEGIN { RS = "" }
    /^"http-thread-pool::/ {
      total++
      if (/SyncThreadPool\$SyncThreadWorker\.getTask/) { idle++; next }
      n++
      if (/JsonProvider\.provider/) c["JSON provider lookup (jakarta.json.Json.* -> ServiceLoader)"]++
      else if (/SequencingManager/) c["EclipseLink sequence lock (SequencingManager.acquireLock)"]++
      else if (/com\.sun\.enterprise\.resource\.pool/) c["JDBC pool (get/return connection)"]++
      else if (/org\.postgresql/ && /(NioSocketImpl|SocketInputStream|SocketDispatcher)/) c["waiting on PostgreSQL (socket read)"]++
      else if (/ejb\.containers\.util\.pool/ && !/State: RUNNABLE/) c["waiting for an EJB instance"]++
      else if (/State: RUNNABLE/) c["running other Java code"]++
      else if (/State: BLOCKED/) c["blocked on another monitor"]++
      else c["waiting (other)"]++
    }
    END {
      if (!total) { printf "no HTTP worker threads in the dumps"; exit }
      printf "%d busy of %d worker samples%s", n, total, (n ? ":" : "")
      sep = " "
      # print categories by count, largest first
      while (1) { best = ""; for (k in c) if (best == "" || c[k] > c[best]) best = k; if (best == "") break
        printf "%s%d %s", sep, c[best], best; sep = ", "; delete c[best] }
    }'
}

# Java Flight Recorder: started once before the warm-up (its class retransformation and
# deoptimisation happen there, not in a measured run); each measured run is dumped separately.
JFR_BIN="$(dirname "$(readlink -f "$(command -v java)")")/jfr"
jfr_cmd() { [ "$PROFILE" = 1 ] && timeout 30 jcmd "$PAYARA_PID" "$@" >/dev/null 2>&1; }
jfr_summary() { # jfr_summary FILE.jfr > text
  [ -x "$JFR_BIN" ] || { echo "no jfr tool"; return 0; }
  timeout 90 nice "$JFR_BIN" print --stack-depth 128 --events jdk.ExecutionSample "$1" 2>/dev/null | awk -v top=12 '
    function cat(st) {
      if (st ~ /jdk\.jfr\./) return "JFR itself (recording overhead)"
      if (st ~ /jakarta\.json\.spi\.JsonProvider\.provider/) return "jakarta.json JsonProvider.provider() -> ServiceLoader/class-loader scan"
      if (st ~ /SequencingManager/) return "EclipseLink sequencing"
      if (st ~ /com\.nimbusds/) return "JWT sign/verify (nimbus-jose-jwt)"
      if (st ~ /io\.idforge\.identity\.core\.security\.Digests/) return "API-key digest (SHA-256, io.idforge Digests)"
      if (st ~ /org\.postgresql/) return "PostgreSQL JDBC driver"
      if (st ~ /com\.sun\.enterprise\.resource/) return "JDBC/JCA connection pool"
      if (st ~ /org\.eclipse\.persistence/) return "EclipseLink (JPA)"
      if (st ~ /com\.sun\.enterprise\.transaction|com\.sun\.jts/) return "JTA transactions"
      if (st ~ /org\.eclipse\.yasson|org\.eclipse\.parsson|org\.glassfish\.json/) return "JSON-B/JSON-P (Yasson/Parsson)"
      if (st ~ /com\.sun\.ejb|org\.glassfish\.ejb/) return "EJB container"
      if (st ~ /org\.jboss\.weld/) return "CDI (Weld)"
      if (st ~ /org\.glassfish\.jersey/) return "JAX-RS (Jersey)"
      if (st ~ /org\.glassfish\.grizzly|org\.apache\.catalina/) return "HTTP (Grizzly/Catalina)"
      if (st ~ /io\.idforge/) return "application code (io.idforge)"
      return "other (JDK, Hazelcast, ...)"
    }
    function flush() { if (inst) { n++; c[cat(stack)]++; leaf[first]++ } inst = 0; stack = ""; first = "" }
    /^jdk\.ExecutionSample/ { flush(); next }
    /stackTrace = \[/ { inst = 1; next }
    inst && /^[ \t]*\]/ { flush(); next }
    inst { line = $0; sub(/^[ \t]+/, "", line); sub(/\(.*$/, "", line); if (first == "") first = line; stack = stack " " line }
    END { flush(); if (!n) { print "no samples"; exit }
      printf "%d execution samples (all Java threads); each counted for the first of these categories found anywhere on its stack:\n", n
      for (i = 0; i < 20; i++) { b = ""; for (k in c) if (b == "" || c[k] > c[b]) b = k; if (b == "") break
        printf "  %5.1f %%  %s\n", 100 * c[b] / n, b; delete c[b] }
      printf "hottest leaf methods:\n"
      for (i = 0; i < top; i++) { b = ""; for (k in leaf) if (b == "" || leaf[k] > leaf[b]) b = k; if (b == "") break
        printf "  %5.1f %%  %s\n", 100 * leaf[b] / n, b; delete leaf[b] } }' || true
}

# Per-thread CPU of the JVM from /proc/<pid>/task/*/stat: "tid<TAB>ticks<TAB>name" lines.
jvm_threads_snapshot() {
  awk '{ o = index($0, "("); p = 0; rest = $0
         while ((k = index(rest, ")")) > 0) { p += k; rest = substr(rest, k + 1) }
         name = substr($0, o + 1, p - o - 1); split(substr($0, p + 2), f, " ")
         split(FILENAME, path, "/"); print path[5] "\t" (f[12] + f[13]) "\t" name }' \
    /proc/"$SERVER_PID"/task/*/stat 2>/dev/null || true
}
# jvm_threads_delta BEFORE AFTER SECONDS -> "group cores, ..." (top 6 thread groups by CPU)
jvm_threads_delta() {
  awk -F'\t' -v t="$CLK_TCK" -v s="$3" '
    FNR == NR { before[$1] = $2; next }
    { d = $2 - (($1 in before) ? before[$1] : 0); g = $3
      if (g ~ /^http-thread-poo/) g = "HTTP workers"; else if (g ~ /^C2 Compiler/) g = "C2 JIT"; else if (g ~ /^C1 Compiler/) g = "C1 JIT"
      else if (g ~ /^GC Thread|^G1 /) g = "GC"; else if (g ~ /^http-listener/) g = "Grizzly selector"
      else if (g ~ /^hz\./) g = "Hazelcast"; else { gsub(/[0-9#]+/, "", g); sub(/ +$/, "", g) }
      sum[g] += d; tot += d }
    END { printf "total %.2f:", tot / t / s; sep = " "
      for (i = 0; i < 6; i++) { best = ""; for (k in sum) if (best == "" || sum[k] > sum[best]) best = k
        if (best == "" || sum[best] <= 0) break; printf "%s%s %.2f", sep, best, sum[best] / t / s; sep = ", "; delete sum[best] } }' "$1" "$2"
}

# pg_stat_statements of the service's role: reset, and dump the busiest statements.
pgss_reset() { [ -z "$PGSS" ] || psql_su -d "$DB_NAME" -c "SELECT pg_stat_statements_reset()" >/dev/null; }
pgss_total_calls() {
  [ -n "$PGSS" ] || { echo 0; return; }
  psql_su -d "$DB_NAME" -c "SELECT coalesce(sum(calls),0) FROM pg_stat_statements WHERE userid = (SELECT oid FROM pg_roles WHERE rolname = '$DB_USER')"
}
pgss_dump() { # file
  [ -n "$PGSS" ] || { echo "pg_stat_statements not available" >"$1"; return; }
  psql_su -d "$DB_NAME" -F' | ' -c "SELECT calls, round(mean_exec_time::numeric, 3) AS mean_ms, round(total_exec_time::numeric) AS total_ms,
      left(regexp_replace(query, '\s+', ' ', 'g'), 150) FROM pg_stat_statements
      WHERE userid = (SELECT oid FROM pg_roles WHERE rolname = '$DB_USER') ORDER BY calls DESC LIMIT 20" >"$1"
}

gc_lines() { [ -f "$OUT/gc.log" ] && wc -l <"$OUT/gc.log" || echo 0; }
gc_summary() { # gc_summary FROM_LINE TO_LINE -> "N pauses, T ms"
  sed -n "$(( $1 + 1 )),$2p" "$OUT/gc.log" 2>/dev/null | awk '/Pause/ && /ms$/ { n++; sub(/ms$/, "", $NF); t += $NF } END { printf "%d pauses, %.0f ms", n, t }'
}

declare -A R   # R[name,field]
RUNS=()
FAILED=""
SOCKERR_RUNS=""
wrk_run() { # wrk_run NAME SCRIPT CONNECTIONS SECONDS [measure|anchor]  (measure: with JFR and thread dumps)
  local name=$1 script=$2 conns=$3 secs=$4 measure=${5:-}
  local raw="$OUT/wrk-$name.txt" p0 p1 g0 g1 m0 m1 gl0 gl1 line
  log "wrk $name: -t$THREADS -c$conns -d${secs}s $(basename "$script")"
  jvm_threads_snapshot >"$OUT/.jt0"
  p0=$(ticks_of "$SERVER_PID"); g0=$(pg_ticks); m0=$(machine_ticks); gl0=$(gc_lines)
  if [ "$measure" = measure ]; then
    jfr_cmd JFR.dump name=bench begin=-1s filename="$OUT/.rotate.jfr" || true; rm -f "$OUT/.rotate.jfr"  # start a new chunk
    mid_run_sampler "$name" & SAMPLER_PID=$!
  fi
  # wrk runs under a small bash that prints wrk's own CPU time (`times`) to fd 3 when it ends.
  run_bg env BENCH_TAG="$name" bash -c '"$@"; rc=$?; times >&3; exit $rc' wrk-cpu \
    wrk -t"$THREADS" -c"$conns" -d"${secs}s" --timeout "$WRK_TIMEOUT" --latency -s "$script" "$WRK_BASE" \
    >"$raw" 2>&1 3>"$OUT/wrk-$name.times" || { cat "$raw"; die "wrk failed"; }
  p1=$(ticks_of "$SERVER_PID"); g1=$(pg_ticks); m1=$(machine_ticks); gl1=$(gc_lines)
  jvm_threads_snapshot >"$OUT/.jt1"
  R[$name,jvm_threads]=$(jvm_threads_delta "$OUT/.jt0" "$OUT/.jt1" "$secs")
  if [ -n "$SAMPLER_PID" ]; then wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""; fi
  line=$(grep '^BENCH ' "$raw" | tail -1) || { cat "$raw"; die "no BENCH line in $raw"; }
  local kv k v
  for kv in ${line#BENCH }; do k=${kv%%=*}; v=${kv#*=}; R[$name,$k]=$v; done
  R[$name,conns]=$conns
  R[$name,payara_cores]=$(awk -v a="$p0" -v b="$p1" -v t="$CLK_TCK" -v s="$secs" 'BEGIN{printf "%.2f", (b-a)/t/s}')
  R[$name,pg_cores]=$(awk -v a="$g0" -v b="$g1" -v t="$CLK_TCK" -v s="$secs" 'BEGIN{printf "%.2f", (b-a)/t/s}')
  R[$name,wrk_cores]=$(awk -v c="$(times_cpu_s "$OUT/wrk-$name.times")" -v s="$secs" 'BEGIN{printf "%.2f", c/s}')
  R[$name,busy]=$(awk -v a="$m0" -v b="$m1" 'BEGIN{split(a,x," "); split(b,y," "); printf "%.0f", 100*(y[1]-x[1])/(y[2]-x[2])}')
  R[$name,other_cores]=$(awk -v b="${R[$name,busy]}" -v n="$NCPU" -v p="${R[$name,payara_cores]}" -v g="${R[$name,pg_cores]}" -v w="${R[$name,wrk_cores]}" \
    'BEGIN{o = b*n/100 - p - g - w; printf "%.2f", (o < 0 ? 0 : o)}')
  R[$name,ms_payara]=$(awk -v c="${R[$name,payara_cores]}" -v r="${R[$name,rps]}" 'BEGIN{printf "%.2f", (r > 0) ? 1000*c/r : 0}')
  R[$name,ms_pg]=$(awk -v c="${R[$name,pg_cores]}" -v r="${R[$name,rps]}" 'BEGIN{printf "%.2f", (r > 0) ? 1000*c/r : 0}')
  R[$name,ceiling]=$(awk -v p="${R[$name,payara_cores]}" -v g="${R[$name,pg_cores]}" -v w="${R[$name,wrk_cores]}" -v r="${R[$name,rps]}" -v n="$NCPU" \
    'BEGIN{ t = p + g + w; printf "%.0f", (t > 0) ? n * r / t : 0 }')
  R[$name,gc]=$(gc_summary "$gl0" "$gl1")
  [ "$measure" = anchor ] && R[$name,gc]="-"   # the GC log is the service's
  R[$name,rss]=$(rss_mb)
  R[$name,threads]=$(thread_profile "$name")
  R[$name,jfr]=""
  if [ "$measure" = measure ] && jfr_cmd JFR.dump name=bench begin=-"${secs}s" filename="$OUT/jfr-$name.jfr"; then
    jfr_summary "$OUT/jfr-$name.jfr" >"$OUT/jfr-$name.txt"
    R[$name,jfr]=$(awk 'NR == 1 { n = $1 } NR > 1 && NR <= 7 && /%/ { sub(/^ +/, ""); printf "%s%s", (c++ ? ", " : ""), $0 } END { if (n) printf " (%d samples)", n }' "$OUT/jfr-$name.txt")
  fi
  local sockerr=$(( ${R[$name,connect]} + ${R[$name,read]} + ${R[$name,write]} + ${R[$name,timeout]} ))
  R[$name,sockerr]=$sockerr
  log "  $name: ${R[$name,rps]} req/s, p50 ${R[$name,p50_ms]} ms, p99 ${R[$name,p99_ms]} ms, non-2xx ${R[$name,non2xx]}, socket errors $sockerr, statuses ${R[$name,statuses]}; CPU cores: payara ${R[$name,payara_cores]}, postgres ${R[$name,pg_cores]}, wrk ${R[$name,wrk_cores]}, other ${R[$name,other_cores]} (machine ${R[$name,busy]}% busy); RSS ${R[$name,rss]} MB"
  if [ "${R[$name,non2xx]}" != 0 ]; then
    FAILED="$FAILED $name"
    grep '^BENCH_SAMPLE' "$raw" | head -3 | sed 's/^/  /' || true
  fi
  if [ "$sockerr" != 0 ]; then
    SOCKERR_RUNS="$SOCKERR_RUNS $name"
    log "  WARNING: $name had $sockerr socket errors (timeout ${R[$name,timeout]}: no answer within $WRK_TIMEOUT)"
  fi
  [ "$measure" = measure ] && RUNS+=("$name")
  return 0
}

wrk_run warmup-tokens "$BENCH_DIR/tokens.lua" 32 "$WARMUP"
wrk_run warmup-result "$BENCH_DIR/result.lua" 32 "$WARMUP"
RSS[warmup]=$(rss_mb)
TOKEN_RUNS=(); READ_RUNS=()
sum_requests() { local r t=0; for r in "$@"; do t=$(( t + ${R[$r,requests]} )); done; echo "$t"; }
pgss_reset
for c in $CONNECTIONS; do wrk_run "tokens-c$c" "$BENCH_DIR/tokens.lua" "$c" "$DURATION" measure; TOKEN_RUNS+=("tokens-c$c"); done
RSS[tokens]=$(rss_mb)
pgss_dump "$OUT/pg-statements-tokens.txt"
SQL_PER_TOKEN=$(awk -v c="$(pgss_total_calls)" -v r="$(sum_requests "${TOKEN_RUNS[@]}")" 'BEGIN{printf "%.1f", r ? c/r : 0}')
pgss_reset
for c in $CONNECTIONS; do wrk_run "result-c$c" "$BENCH_DIR/result.lua" "$c" "$DURATION" measure; READ_RUNS+=("result-c$c"); done
RSS[reads]=$(rss_mb)
pgss_dump "$OUT/pg-statements-reads.txt"
SQL_PER_READ=$(awk -v c="$(pgss_total_calls)" -v r="$(sum_requests "${READ_RUNS[@]}")" 'BEGIN{printf "%.1f", r ? c/r : 0}')

RSS[peak]=$(hwm_mb)
ROWS=$(psql_su -d "$DB_NAME" -F' / ' -c "SELECT (SELECT count(*) FROM web_token), (SELECT count(*) FROM account), (SELECT count(*) FROM identity_process)" 2>/dev/null || echo "?")
SEQS=$(psql_su -d "$DB_NAME" -F' ' -c "SELECT s.sequencename || ' last_value ' || coalesce(s.last_value, 0) || ' (increment ' || s.increment_by || ')'
  FROM pg_sequences s WHERE s.sequencename IN ('web_token_seq', 'account_seq', 'identity_process_seq') ORDER BY 1" 2>/dev/null | paste -sd';' - || echo "?")
DB_SIZE=$(psql_su -d "$DB_NAME" -c "SELECT pg_size_pretty(pg_database_size('$DB_NAME'))" 2>/dev/null || echo "?")

# ---------------------------------------------------------------------------------------------
# 6b. The anchors, in this same invocation (issue 14). The service is stopped first: each anchor
# then has what the service had, the same machine under the same outside load.
declare -A A   # A[field]: start-up times and notes of the anchors
ANCHOR_TRIVIAL_RUNS=(); ANCHOR_KC_RUNS=()
A[trivial_note]="not measured (BENCH_ANCHORS=0)"; A[kc_note]="not measured (BENCH_ANCHORS=0)"

wait_for_200() { # wait_for_200 PID URL SECONDS LOGFILE -> 0 when URL answers 200
  local pid=$1 url=$2 secs=$3 logf=$4 code end=$(( $(date +%s) + $3 ))
  while :; do
    kill -0 "$pid" 2>/dev/null || { log "process $pid exited while starting; end of ${logf#"$REPO"/}:"; tail -20 "$logf" >&8; return 1; }
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
    [ "$code" = 200 ] && return 0
    [ "$(date +%s)" -lt "$end" ] || { log "no 200 from $url within $secs s (last: $code)"; tail -20 "$logf" >&8; return 1; }
    sleep 0.5
  done
}

run_trivial_anchor() {
  local port t0
  port=$(free_port)
  mkdir -p "$OUT/anchor-root"
  log "anchor 1: the trivial JAX-RS GET (bench/anchor) on the same Payara Micro, with: $JVM_FLAGS"
  # shellcheck disable=SC2086
  env TMPDIR="$OUT/tmp" MALLOC_ARENA_MAX="${BENCH_MALLOC_ARENA_MAX:-2}" \
    java $JVM_FLAGS "-Djava.io.tmpdir=$OUT/tmp" -jar "$MICRO" --deploy "$ANCHOR_WAR" --contextroot / \
    --port "$port" --nocluster --disablephonehome --rootDir "$OUT/anchor-root" \
    --postbootcommandfile "$(dirname "$MICRO")/../src/main/payara/post-boot-commands.asadmin" >"$OUT/anchor-payara.log" 2>&1 &
  ANCHOR_PID=$!
  t0=$(date +%s.%N)
  wait_for_200 "$ANCHOR_PID" "http://127.0.0.1:$port/anchor" "$START_TIMEOUT" "$OUT/anchor-payara.log" || return 1
  A[trivial_start]=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  log "anchor Payara up after ${A[trivial_start]}s (pid $ANCHOR_PID)"
  SERVER_PID=$ANCHOR_PID; WRK_BASE="http://127.0.0.1:$port"
  wrk_run warmup-anchor "$BENCH_DIR/anchor.lua" 32 "$ANCHOR_WARMUP" anchor || return 1
  for c in $CONNECTIONS; do
    wrk_run "anchor-c$c" "$BENCH_DIR/anchor.lua" "$c" "$DURATION" anchor || return 1
    ANCHOR_TRIVIAL_RUNS+=("anchor-c$c")
  done
  A[trivial_rss]=$(hwm_mb)
  stop_java "$ANCHOR_PID" "the anchor's Payara Micro"; ANCHOR_PID=""
  A[trivial_note]=""
}

run_keycloak_anchor() {
  local port mport t0 kc="$OUT/keycloak" admin_pw admin_tok realm_json secret tok alg
  [ -n "$KC_JAVA_HOME" ] || { A[kc_note]="not measured: no JDK 21+ on this machine (Keycloak $KEYCLOAK_VERSION needs one; set KEYCLOAK_JAVA_HOME)"; return 0; }
  port=$(free_port); mport=$(free_port)
  admin_pw="kc$(rand_hex 12)"; secret="s$(rand_hex 16)"
  log "anchor 2: Keycloak $KEYCLOAK_VERSION start-dev (fresh copy in ${kc#"$REPO"/}) on 127.0.0.1:$port, $KC_JAVA_HOME"
  mkdir -p "$kc"
  unzip -q "$KC_ZIP" -d "$kc" || return 1
  kc="$kc/keycloak-$KEYCLOAK_VERSION"
  env JAVA_HOME="$KC_JAVA_HOME" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_pw" \
    "$kc/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" --http-management-port="$mport" \
    >"$OUT/keycloak.log" 2>&1 &
  KC_PID=$!   # kc.sh ends in `exec java`: this is Keycloak's JVM once it runs
  t0=$(date +%s.%N)
  # start-dev first re-augments the Quarkus build (about a minute on a loaded 2-core machine).
  wait_for_200 "$KC_PID" "http://127.0.0.1:$port/realms/master/.well-known/openid-configuration" \
    "$(( START_TIMEOUT + 240 ))" "$OUT/keycloak.log" || return 1
  A[kc_start]=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  log "Keycloak up after ${A[kc_start]}s (pid $KC_PID, including start-dev's build step)"
  local kb="http://127.0.0.1:$port"
  admin_tok=$(curl -sf "$kb/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
    -d username=admin --data-urlencode "password=$admin_pw" | jq -er .access_token) || { log "Keycloak admin login failed"; return 1; }
  kc_admin() { # kc_admin PATH JSON
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $admin_tok" -H 'Content-Type: application/json' "$kb/admin/realms$1" --data "$2" \
      || { log "Keycloak admin POST /admin/realms$1 failed"; return 1; }
  }
  # A realm "bench" with an HS256 HMAC key and one confidential client whose access tokens are
  # signed with it (attribute access.token.signed.response.alg=HS256), service accounts only.
  kc_admin "" '{"id":"bench","realm":"bench","enabled":true}' || return 1
  kc_admin "/bench/components" '{"name":"hmac-hs256","providerId":"hmac-generated","providerType":"org.keycloak.keys.KeyProvider","parentId":"bench","config":{"priority":["200"],"algorithm":["HS256"]}}' || return 1
  kc_admin "/bench/clients" "{\"clientId\":\"bench\",\"enabled\":true,\"publicClient\":false,\"clientAuthenticatorType\":\"client-secret\",\"secret\":\"$secret\",\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":false,\"attributes\":{\"access.token.signed.response.alg\":\"HS256\"}}" || return 1
  tok=$(curl -sf "$kb/realms/bench/protocol/openid-connect/token" -d grant_type=client_credentials -d client_id=bench -d "client_secret=$secret" \
    | jq -er .access_token) || { log "Keycloak issued no client-credentials token"; return 1; }
  alg=$(cut -d. -f1 <<<"$tok" | tr '_-' '/+' | { read -r h; while [ $(( ${#h} % 4 )) != 0 ]; do h="$h="; done; echo "$h"; } | base64 -d 2>/dev/null | jq -r .alg)
  [ "$alg" = HS256 ] || { log "Keycloak signed its token with $alg, not HS256"; return 1; }
  log "Keycloak issues HS256 client-credentials tokens (${#tok} characters)"
  export BENCH_KC_PATH=/realms/bench/protocol/openid-connect/token BENCH_KC_CLIENT=bench BENCH_KC_SECRET="$secret"
  SERVER_PID=$KC_PID; WRK_BASE=$kb
  wrk_run warmup-keycloak "$BENCH_DIR/keycloak.lua" 32 "$ANCHOR_WARMUP" anchor || return 1
  for c in $CONNECTIONS; do
    wrk_run "keycloak-c$c" "$BENCH_DIR/keycloak.lua" "$c" "$DURATION" anchor || return 1
    ANCHOR_KC_RUNS+=("keycloak-c$c")
  done
  A[kc_rss]=$(hwm_mb)
  A[kc_java]=$("$KC_JAVA_HOME/bin/java" -version 2>&1 | head -1)
  stop_java "$KC_PID" "Keycloak"; KC_PID=""
  A[kc_note]=""
}

if [ "$ANCHORS" = 1 ]; then
  stop_java "$PAYARA_PID" "the service's Payara Micro (measured; the anchors come next)"; PAYARA_PID=""
  jfr_cmd() { return 1; }
  run_trivial_anchor || { A[trivial_note]="failed (see run.log)"; FAILED="$FAILED anchor"; stop_java "$ANCHOR_PID" "the anchor's Payara Micro"; ANCHOR_PID=""; }
  run_keycloak_anchor || { A[kc_note]="failed (see run.log and keycloak.log)"; FAILED="$FAILED keycloak"; stop_java "$KC_PID" "Keycloak"; KC_PID=""; }
fi

# ---------------------------------------------------------------------------------------------
# 7. RESULTS.md
best_of() { # best_of RUN... -> the run with the highest req/s
  local best="" r; for r in "$@"; do
    if [ -z "$best" ] || awk -v a="${R[$r,rps]}" -v b="${R[$best,rps]}" 'BEGIN{exit !(a>b)}'; then best=$r; fi
  done; echo "$best"
}
recommended_of() { # the fewest connections reaching 95 % of the best throughput
  local best=$1 r; shift; for r in "$@"; do
    if awk -v a="${R[$r,rps]}" -v b="${R[$best,rps]}" 'BEGIN{exit !(a>=0.95*b)}'; then echo "$r"; return; fi
  done; echo "$best"
}
met() { awk -v a="$1" -v t="$2" 'BEGIN{print (a>=t) ? "yes" : "no"}'; }

endpoint_table() { # endpoint_table TARGET RUN...
  local target=$1 r; shift
  echo "| connections | req/s | p50 ms | p90 ms | p99 ms | max ms | requests | non-2xx | socket errors | target | met | CPU cores: Payara / PostgreSQL / wrk / other | CPU ms per request: Payara / PostgreSQL | ceiling on $NCPU dedicated cores | GC during run |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---|---|---:|---|"
  for r in "$@"; do
    printf '| %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s / %s | %s / %s | ~%s req/s | %s |\n' \
      "${R[$r,conns]}" "${R[$r,rps]}" "${R[$r,p50_ms]}" "${R[$r,p90_ms]}" "${R[$r,p99_ms]}" "${R[$r,max_ms]}" \
      "${R[$r,requests]}" "${R[$r,non2xx]}" "${R[$r,sockerr]}" "$target" "$(met "${R[$r,rps]}" "$target")" \
      "${R[$r,payara_cores]}" "${R[$r,pg_cores]}" "${R[$r,wrk_cores]}" "${R[$r,other_cores]}" "${R[$r,ms_payara]}" "${R[$r,ms_pg]}" "${R[$r,ceiling]}" "${R[$r,gc]}"
  done
}
summary_line() { # summary_line LABEL TARGET RUN...
  local label=$1 target=$2 best rec; shift 2
  best=$(best_of "$@"); rec=$(recommended_of "$best" "$@")
  printf -- '- **%s**: best %.0f req/s at %s connections (p50 %s ms, p99 %s ms); recommended %s connections: %.0f req/s, p50 %s ms, p99 %s ms. Target %s/s: **%s**.\n' \
    "$label" "${R[$best,rps]}" "${R[$best,conns]}" "${R[$best,p50_ms]}" "${R[$best,p99_ms]}" \
    "${R[$rec,conns]}" "${R[$rec,rps]}" "${R[$rec,p50_ms]}" "${R[$rec,p99_ms]}" "$target" \
    "$( [ "$(met "${R[$best,rps]}" "$target")" = yes ] && echo met || echo "not met")"
}
rel() { echo "${1#"$REPO"/}"; }
ratio_of() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else printf "-" }'; }
yes_no() { awk -v c="$1" 'BEGIN{print (c) ? "yes" : "**no**"}'; }
anchor_rows() { # anchor_rows LABEL SERVICE_PREFIX ANCHOR_PREFIX ANCHOR_LABEL: one row per connection count
  local label=$1 sp=$2 ap=$3 alabel=$4 c s a ratio p99ok okr
  for c in $CONNECTIONS; do
    s="$sp-c$c"; a="$ap-c$c"
    [ -n "${R[$s,rps]:-}" ] || continue
    if [ -z "${R[$a,rps]:-}" ]; then
      printf '| %s | %s | %.0f | %s | %s / %s | %s | - | - | - | - | - | - |\n' "$label" "$c" "${R[$s,rps]}" "${R[$s,p99_ms]}" \
        "${R[$s,ms_payara]}" "${R[$s,ms_pg]}" "$alabel: ${A[${ap}_note]:-not measured}"
      continue
    fi
    ratio=$(ratio_of "${R[$s,rps]}" "${R[$a,rps]}")
    if [ "$ap" = keycloak ]; then
      okr=$(yes_no "$(awk -v r="$ratio" -v t="$TARGET_TOKEN_RATIO" 'BEGIN{print (r >= t)}')")
      p99ok="$(ratio_of "${R[$s,p99_ms]}" "${R[$a,p99_ms]}")× ≤ ${TARGET_TOKEN_P99_RATIO}×: $(yes_no "$(awk -v s="${R[$s,p99_ms]}" -v a="${R[$a,p99_ms]}" -v t="$TARGET_TOKEN_P99_RATIO" 'BEGIN{print (s <= t*a)}')")"
      okr="≥ ${TARGET_TOKEN_RATIO}: $okr"
    else
      okr="≥ ${TARGET_READ_RATIO}: $(yes_no "$(awk -v r="$ratio" -v t="$TARGET_READ_RATIO" 'BEGIN{print (r >= t)}')")"
      p99ok="≤ ${TARGET_READ_P99_MS} ms: $(yes_no "$(awk -v s="${R[$s,p99_ms]}" -v t="$TARGET_READ_P99_MS" 'BEGIN{print (s <= t)}')")"
    fi
    printf '| %s | %s | %.0f | %s | %s / %s | %s | %.0f | %s | %s | **%s** | %s | %s |\n' "$label" "$c" "${R[$s,rps]}" "${R[$s,p99_ms]}" \
      "${R[$s,ms_payara]}" "${R[$s,ms_pg]}" "$alabel" "${R[$a,rps]}" "${R[$a,p99_ms]}" "${R[$a,ms_payara]}" "$ratio" "$okr" "$p99ok"
  done
}
anchors_section() {
  echo "## Side by side with the anchors (issue 14)"
  echo
  echo "Each endpoint beside its anchor, all measured in this invocation on this machine (the anchors after the service, which"
  echo "was stopped first; same wrk settings and durations). The machine is shared with other people's builds: the \"other\" CPU"
  echo "columns of the detailed tables show their share; ratios stay meaningful because the anchors ran under the same kind of"
  echo "load, but re-run if a figure looks off. CPU ms per request from \`/proc/<pid>/stat\` before and after each run: the"
  echo "service's Payara / PostgreSQL (backends + postmaster), and the anchor's JVM."
  echo
  if awk -v b="$BASELINE" 'BEGIN{exit !(b >= 1.0)}'; then
    echo "**Not a verdict: $BASELINE of the $NCPU cores were busy with other work before this run started.** With the service"
    echo "starved of CPU its JIT compilers do not finish within the warm-up and every CPU-per-request figure (anchors' too) is"
    echo "inflated; re-run on a quiet machine."
    echo
  fi
  echo "| endpoint | connections | req/s | p99 ms | CPU ms/req Payara / PostgreSQL | anchor | anchor req/s | anchor p99 ms | anchor CPU ms/req | ratio | ratio target | p99 target |"
  echo "|---|---:|---:|---:|---|---|---:|---:|---:|---:|---|---|"
  anchor_rows "POST /v1/api-keys" tokens keycloak "Keycloak $KEYCLOAK_VERSION HS256 client credentials"
  anchor_rows "GET /v1/processes/{id}/result" result anchor "trivial JAX-RS GET, same Payara Micro"
  echo
  echo "| start-up and memory | this run | target |"
  echo "|---|---:|---|"
  echo "| service: start to first answered request (GET / 200) | ${STARTUP_S} s | ≤ ${TARGET_START_S} s: $(yes_no "$(awk -v s="$STARTUP_S" -v t="$TARGET_START_S" 'BEGIN{print (s <= t)}')") |"
  echo "| service: peak resident memory (VmHWM), face engine ${BENCH_FACE_ENABLED:-true} | ${RSS[peak]} MB | ≤ ${TARGET_RSS_MB} MB: $(yes_no "$(awk -v s="${RSS[peak]}" -v t="$TARGET_RSS_MB" 'BEGIN{print (s <= t)}')") |"
  echo "| anchor: the trivial WAR on the same Payara Micro, start to first answer / peak RSS | ${A[trivial_start]:-${A[trivial_note]}} s / ${A[trivial_rss]:--} MB | - |"
  echo "| anchor: Keycloak start-dev (with its build step) to first answer / peak RSS | ${A[kc_start]:-${A[kc_note]}} s / ${A[kc_rss]:--} MB | - |"
  echo
  echo "Anchors' raw runs:"
  echo
  echo "| run | req/s | p50 ms | p99 ms | max ms | non-2xx | socket errors | CPU cores: anchor / wrk / other | CPU ms per request |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|---:|"
  local r
  for r in "${ANCHOR_TRIVIAL_RUNS[@]}" "${ANCHOR_KC_RUNS[@]}"; do
    printf '| %s | %.0f | %s | %s | %s | %s | %s | %s / %s / %s | %s |\n' "$r" "${R[$r,rps]}" "${R[$r,p50_ms]}" "${R[$r,p99_ms]}" "${R[$r,max_ms]}" \
      "${R[$r,non2xx]}" "${R[$r,sockerr]}" "${R[$r,payara_cores]}" "${R[$r,wrk_cores]}" "${R[$r,other_cores]}" "${R[$r,ms_payara]}"
  done
  echo
  echo "Keycloak: ${A[kc_java]:-${A[kc_note]}}; its own JVM defaults (kc.sh), \`start-dev\` (dev-file H2 database), realm \`bench\` with an HS256"
  echo "HMAC key provider and one confidential client (\`access.token.signed.response.alg=HS256\`, service accounts only), \`bench/keycloak.lua\`."
  echo "Trivial GET: \`bench/anchor\` (an \`@ApplicationScoped\` JAX-RS resource returning a constant JSON string), same payara-micro.jar,"
  echo "JVM flags and post-boot commands as the service, \`bench/anchor.lua\`."
  echo
  if [ -f "$BENCH_DIR/STEPS.md" ]; then cat "$BENCH_DIR/STEPS.md"; echo; fi
}

FENCE='```'
CPU_MODEL=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
MEM_GIB=$(awk '/^MemTotal/{printf "%.1f", $2/1024/1024}' /proc/meminfo)
POOL=$(grep -ho 'maxPoolSize = [0-9]*\|minPoolSize = [0-9]*' "$REPO"/identity-web/src/main/java/io/idforge/identity/web/config/ApplicationStartup.java 2>/dev/null | paste -sd, - || echo '?')
ERRORS_SECTION=""
if [ -n "$FAILED" ]; then
  ERRORS_SECTION=$(
    echo "## Errors"
    echo
    echo "Runs with non-2xx answers or socket errors:$FAILED. First non-2xx bodies:"
    echo
    echo "$FENCE"
    for r in $FAILED; do grep '^BENCH_SAMPLE' "$OUT/wrk-$r.txt" | head -2 | sed "s/^BENCH_SAMPLE/$r:/"; done
    echo "$FENCE"
    echo
    echo "Exceptions in the Payara log (most frequent first):"
    echo
    echo "$FENCE"
    grep -oE '([a-z0-9_]+\.)+[A-Za-z0-9_]*(Exception|Error)[:]?[^|]{0,160}' "$OUT/payara.log" | sort | uniq -c | sort -rn | head -10
    echo "$FENCE"
    echo
  )
fi

# The other benches' sections (bench/node.sh's write_section: webhooks, expiry) and the hand-written
# analysis under them follow this script's part of RESULTS.md; they are carried over, not dropped.
KEPT_SECTIONS=$(sed -n '/^<!-- [a-z-]*:begin -->$/,$p' "$BENCH_DIR/RESULTS.md" 2>/dev/null || true)
{
  cat <<EOF
# Load test results

Generated by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') (run \`$RUN_ID\`, commit $GIT_REV, WAR sha256 $WAR_SHA).
Raw wrk outputs, Payara/GC/PostgreSQL logs, \`top\` snapshots, \`pg_stat_activity\` and thread dumps: \`$(rel "$OUT")/\` (gitignored).

## Setup

- Machine: $NCPU cores ($CPU_MODEL), $MEM_GIB GiB RAM, $(uname -sr). **Only $NCPU cores, shared by wrk, Payara and PostgreSQL**: the
  load generator and the database take CPU from the service, so these are lower bounds for a service on its own host.
  Other people's builds and tests ran on the same machine: $BASELINE cores were busy just before this run started, and the
  "other" CPU column below shows how much they took during each run.
- JVM: $JAVA_VERSION, flags \`$JVM_FLAGS\`$( [ -n "${BENCH_SERVICE_ENV:-}" ] && printf ', service environment `%s`' "$BENCH_SERVICE_ENV") (G1 unless the flags say otherwise; C1+C2 tiered JIT, no TieredStopAtLevel), GC log \`-Xlog:gc\`.
- Payara Micro 6.2025.10, \`--nocluster --disablephonehome\`, fresh \`--rootDir\`; started in ${STARTUP_S} s. Pools: JDBC ($POOL, from \`@DataSourceDefinition\`),
  HTTP thread pool max 200, EJB pool max 32 (Payara Micro defaults).
- PostgreSQL $PG_VERSION (Debian), throw-away cluster on loopback, default settings: $PG_SETTINGS.
- wrk: \`wrk -t$THREADS -c<N> -d${DURATION}s --timeout $WRK_TIMEOUT --latency\` with \`bench/tokens.lua\` / \`bench/result.lua\` (Lua \`response()\` counts
  every status; "non-2xx" includes 3xx), on 127.0.0.1. Warm-up first: ${WARMUP} s per endpoint at 32 connections (not reported).
- CPU columns: CPU seconds consumed during the run ÷ run length (from \`/proc/<pid>/stat\`; PostgreSQL = postmaster + backends;
  wrk = its own user+sys time; "other" = the rest of the machine's busy time: other users' processes, the kernel's softirq work, and
  this script's samplers, e.g. \`jcmd\`). "ceiling" = req/s × $NCPU ÷ (Payara + PostgreSQL + wrk cores): what the same CPU cost per request
  would give with the whole machine, assuming it stays constant (contention and lock spinning make it an estimate, not a promise).

$(anchors_section)

## Results

$(summary_line "Token issuance, POST /v1/api-keys" "$TARGET_TOKENS" "${TOKEN_RUNS[@]}")
$(summary_line "Result reads, GET /v1/processes/{id}/result" "$TARGET_READS" "${READ_RUNS[@]}")

"Recommended" = the fewest connections reaching 95 % of the best throughput (more connections only add queueing latency).

### POST /v1/api-keys (web token; a new account per request)

$(endpoint_table "$TARGET_TOKENS" "${TOKEN_RUNS[@]}")

### GET /v1/processes/{id}/result ($PROCESSES processes, backend key)

$(endpoint_table "$TARGET_READS" "${READ_RUNS[@]}")

## Where the time goes

CPU of the Payara JVM by thread group (cores, from \`/proc/<pid>/task/*/stat\`):

$(for r in "${RUNS[@]}"; do echo "- $r: ${R[$r,jvm_threads]}"; done)

What the busy HTTP worker threads were doing (3 \`jcmd Thread.print\` dumps around the middle of each run):

$(for r in "${RUNS[@]}"; do echo "- $r: ${R[$r,threads]}"; done)

SQL statements per request (pg_stat_statements, the service's role, BEGIN/COMMIT included): **$SQL_PER_TOKEN per token**,
**$SQL_PER_READ per result read**. Busiest statements: \`$(rel "$OUT")/pg-statements-tokens.txt\`, \`pg-statements-reads.txt\`.
Sequences at the end: $SEQS (rows: web tokens / accounts / processes = $ROWS).

$(if [ "$PROFILE" = 1 ]; then
  echo "Java Flight Recorder (\`settings=default\`, recording through the whole run, typically ~1 % overhead; \`BENCH_PROFILE=0\` turns it off):"
  echo "share of execution samples; each sample counts for the first category found anywhere on its stack, in this order: JFR,"
  echo "JSON provider lookup, EclipseLink sequencing, JWT, API-key digest, PostgreSQL driver, JDBC pool, EclipseLink, JTA, JSON-B/P, EJB,"
  echo "CDI, JAX-RS, HTTP, application code. Full lists and hottest leaf methods: \`jfr-<run>.txt\` next to the raw outputs."
  echo
  for r in "${RUNS[@]}"; do echo "- $r: ${R[$r,jfr]:-no profile}"; done
  for r in "$(best_of "${TOKEN_RUNS[@]}")" "$(best_of "${READ_RUNS[@]}")"; do
    [ -f "$OUT/jfr-$r.txt" ] || continue
    echo
    echo "$r (best run of its endpoint):"
    echo
    echo "$FENCE"
    cat "$OUT/jfr-$r.txt"
    echo "$FENCE"
  done
fi)

### Resident memory of the Payara JVM (VmRSS)

| after start | after warm-up | after token runs | after read runs | peak (VmHWM) |
|---:|---:|---:|---:|---:|
| ${RSS[start]} MB | ${RSS[warmup]} MB | ${RSS[tokens]} MB | ${RSS[reads]} MB | ${RSS[peak]} MB |

Database at the end: $DB_SIZE.

$(if [ -n "$SOCKERR_RUNS" ]; then
  echo "**Socket errors** (requests without an answer within $WRK_TIMEOUT, counted by wrk as timeouts) in:$SOCKERR_RUNS. See the thread"
  echo "summaries above for what the workers were doing."
  echo
fi)
$ERRORS_SECTION## How to rerun

\`bench/run.sh\` (installs wrk/PostgreSQL from Debian if missing, builds if the WAR is stale, < 10 min; knobs at the top of the script).
$( [ "$SOURCE" != worktree ] && echo "This run: \`BENCH_SOURCE=$SOURCE bench/run.sh\` (a clean build of that commit, ignoring uncommitted edits)." )
$( [ "$JVM_FLAGS" != "$DEFAULT_JVM_FLAGS" ] && echo "JVM flags of this run: \`BENCH_JVM_FLAGS=\"$JVM_FLAGS\"\`." )
EOF
  if [ -n "$KEPT_SECTIONS" ]; then printf '\n%s\n' "$KEPT_SECTIONS"; fi
} >"$BENCH_DIR/RESULTS.md"
cp "$BENCH_DIR/RESULTS.md" "$OUT/RESULTS.md"
log "wrote bench/RESULTS.md"

if [ -n "$FAILED" ]; then
  die "non-2xx answers or socket errors in:$FAILED (see RESULTS.md and $(rel "$OUT")/payara.log)"
fi
log "all runs 2xx only"
