#!/usr/bin/env bash
# Builds the service and starts it at http://localhost:8080 on Payara Micro.
# Without DB_URL it uses the embedded default: an H2 file database under ~/.idforge that survives
# restarts. Set DB_URL/DB_USER/DB_PASSWORD to use PostgreSQL. PORT changes the HTTP port.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests package
mkdir -p target/payara-tmp target/cache
# ONNX Runtime (the face engine) writes telemetry files under ~/.cache and TMPDIR unless this is
# set; with it, it writes nothing outside identity.face.work-dir (docs/face-engine.md).
export ORT_DISABLE_TELEMETRY=1 TMPDIR="$PWD/target/payara-tmp" XDG_CACHE_HOME="$PWD/target/cache"
# Native code (JPEG decoding, ONNX Runtime) otherwise reserves a malloc arena per thread.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
root="$(mktemp -d target/payara-root.XXXXXX)"   # a fresh rootDir per start (see docs/stack notes)
# EclipseLink 4.0 spins on its sequencing lock under load unless waiting threads may sleep.
exec java ${JAVA_OPTS:--Declipselink.concurrency.manager.waittime=5} -Djava.io.tmpdir=target/payara-tmp \
  -jar identity-web/target/payara-micro.jar \
  --deploy identity-web/target/identity.war --contextroot / \
  --postbootcommandfile identity-web/src/main/payara/post-boot-commands.asadmin \
  --port "${PORT:-8080}" --nocluster --rootDir "$root"
