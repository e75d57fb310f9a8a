#!/usr/bin/env bash
# Start-up time of the service as serve.sh starts it (issue 14: at most 10 s to the first answer).
#
#   bench/startup.sh
#
# Builds once (mvn -B -DskipTests package, in one reactor), then starts ./serve.sh without its
# build STARTUP_RUNS times plus one untimed first start (which also makes serve.sh's CDS archive
# when there is none), each on a fresh throw-away H2 database and Payara rootDir, and times each
# from launch to the first 200 on GET /. For each start it records the JVM's CPU seconds at that
# moment (user + system: less sensitive to other people's load than the wall time), its resident
# memory, and the machine's load average; prints the medians. Raw logs in bench/out/startup-*/.
#
# Knobs: STARTUP_RUNS=5, STARTUP_FIRST=1 (0: no untimed first start), JAVA_OPTS (as serve.sh; default its flags), IDFORGE_CDS=1 (with the
# class archive), BENCH_BUILD=auto|always|never, BENCH_START_TIMEOUT=300 (s per start), MVN_ARGS.
set -Eeuo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
cd "$REPO"
RUNS="${STARTUP_RUNS:-5}"
TIMEOUT="${BENCH_START_TIMEOUT:-300}"
OUT="$BENCH_DIR/out/startup-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "FAILED: $*"; exit 1; }
PID=""
stop() { # TERM, 60 s (a CDS training start writes its archive at exit), then KILL; by process id
  [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null || { PID=""; return 0; }
  kill -TERM "$PID" 2>/dev/null
  for _ in $(seq 1 120); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=""
}
trap 'stop' EXIT
for t in curl java mvn python3; do command -v "$t" >/dev/null || die "$t not found"; done

WAR=identity-web/target/identity.war
BUILD="${BENCH_BUILD:-auto}"
if [ "$BUILD" = always ] || { [ "$BUILD" = auto ] && { [ ! -f "$WAR" ] ||
    [ -n "$(find identity-*/src pom.xml identity-*/pom.xml -newer "$WAR" -type f -print -quit)" ]; }; }; then
  log "building: mvn -B -DskipTests package (log: ${OUT#"$REPO"/}/build.log)"
  # shellcheck disable=SC2086
  mvn -B ${MVN_ARGS:-} -DskipTests package >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; die "build"; }
fi

one_start() { # one_start LABEL: prints "seconds cpu_seconds rss_mb load1"
  local label=$1 port t0 code dir="$OUT/$1"
  mkdir -p "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  t0=$(date +%s.%N)
  SERVE_BUILD=0 SERVE_ROOT_DIR="$dir/root" PORT="$port" DB_URL="jdbc:h2:file:$dir/db/identity;DB_CLOSE_ON_EXIT=FALSE" DB_USER= DB_PASSWORD= \
    IDENTITY_BOOTSTRAP_DEMO=false ./serve.sh >"$dir/payara.log" 2>&1 &
  PID=$!
  while :; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$dir/payara.log" >&2; die "start $label: the server exited (${dir#"$REPO"/}/payara.log)"; }
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/" || true)
    [ "$code" = 200 ] && break
    awk -v a="$t0" -v b="$(date +%s.%N)" -v t="$TIMEOUT" 'BEGIN{exit !(b-a > t)}' \
      && { tail -20 "$dir/payara.log" >&2; die "start $label: no 200 within $TIMEOUT s (BENCH_START_TIMEOUT)"; }
    sleep 0.2
  done
  awk -v a="$t0" -v b="$(date +%s.%N)" -v hz="$(getconf CLK_TCK)" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    -v rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status")" \
    '{printf "%.1f %.1f %.0f %s\n", b-a, ($14+$15)/hz, rss/1024, load}' "/proc/$PID/stat"
  stop
  rm -rf "$dir/db" "$dir/root"
  return 0
}

log "JVM flags: ${JAVA_OPTS:-the default of serve.sh}; CDS: $([ "${IDFORGE_CDS:-0}" = 1 ] && echo on || echo off)"
if [ "${STARTUP_FIRST:-1}" = 1 ]; then
  log "untimed first start (makes the CDS archive of serve.sh if there is none)"
  one_start first >/dev/null
fi
: >"$OUT/starts.txt"
for i in $(seq 1 "$RUNS"); do
  r=$(one_start "run$i")
  echo "$r" >>"$OUT/starts.txt"
  set -- $r
  log "start $i: first 200 after $1 s, JVM CPU $2 s, RSS $3 MB, load average $4"
done
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
log "median of $RUNS: first 200 after $(cut -d' ' -f1 "$OUT/starts.txt" | median) s," \
  "JVM CPU $(cut -d' ' -f2 "$OUT/starts.txt" | median) s, RSS $(cut -d' ' -f3 "$OUT/starts.txt" | median) MB," \
  "load average $(cut -d' ' -f4 "$OUT/starts.txt" | median) (raw: ${OUT#"$REPO"/}/starts.txt)"
