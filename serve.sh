#!/usr/bin/env bash
# Builds the service and starts it at http://localhost:8080 on Payara Micro.
# Without DB_URL it uses the embedded default: an H2 file database under ~/.idforge that survives
# restarts. Set DB_URL/DB_USER/DB_PASSWORD to use PostgreSQL. PORT changes the HTTP port.
# SERVE_BUILD=0 starts the last build without running Maven (bench/startup.sh times starts so).
set -euo pipefail
cd "$(dirname "$0")"
[ "${SERVE_BUILD:-1}" = 0 ] || mvn -B -q -DskipTests package
mkdir -p target/payara-tmp target/cache
# ONNX Runtime (the face engine) writes telemetry files under ~/.cache and TMPDIR unless this is
# set; with it, it writes nothing outside identity.face.work-dir (docs/face-engine.md).
export ORT_DISABLE_TELEMETRY=1 TMPDIR="$PWD/target/payara-tmp" XDG_CACHE_HOME="$PWD/target/cache"
# Native code (JPEG decoding, ONNX Runtime) otherwise reserves a malloc arena per thread.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# A fresh rootDir per start (see docs/stack notes); SERVE_ROOT_DIR names it (bench/startup.sh).
root="${SERVE_ROOT_DIR:-$(mktemp -d target/payara-root.XXXXXX)}"
# JVM flags (JAVA_OPTS replaces them all), measured by bench/run.sh (bench/RESULTS.md):
# - a bounded heap: without -Xmx the JVM takes a quarter of the machine's memory and the resident
#   size grows towards it under load; 384 MB holds the service and the face engine's pictures (the
#   engine's ONNX Runtime lives outside the heap);
# - EclipseLink 4.0 spins on its sequencing lock under load unless waiting threads may sleep.
DEFAULT_JAVA_OPTS="-Xms128m -Xmx384m -XX:+UseG1GC -Declipselink.concurrency.manager.waittime=5"
opts=${JAVA_OPTS:-$DEFAULT_JAVA_OPTS}
# Class Data Sharing: the first start with these flags makes a class archive (one training start,
# about as long as a start) under identity-web/target/cds; later starts map Payara's and the service's classes
# from it (bench/STEPS.md). Opt-in with IDFORGE_CDS=1: it saved 4-6 % of a start's CPU, not worth a
# doubled first start by default.
. identity-web/src/main/payara/cds.sh
cds=$(cds_flag identity-web/target/cds identity-web/target/payara-micro.jar identity-web/target/identity.war \
  identity-web/src/main/payara/post-boot-commands.asadmin $opts)
# --disablephonehome: Payara Micro otherwise reports its use to Payara over the internet; a
# self-hosted identity service makes no outbound call its operator did not configure.
# shellcheck disable=SC2086  # opts is a word list on purpose
exec java $opts $cds -Djava.io.tmpdir=target/payara-tmp \
  -jar identity-web/target/payara-micro.jar \
  --deploy identity-web/target/identity.war --contextroot / \
  --postbootcommandfile identity-web/src/main/payara/post-boot-commands.asadmin \
  --port "${PORT:-8080}" --nocluster --disablephonehome --rootDir "$root"
