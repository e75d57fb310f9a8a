#!/usr/bin/env bash
# Webhook delivery rate of one node: events delivered per second to a fast local receiver.
#
#   bench/webhooks.sh
#
# Builds the WAR if stale (one reactor, no install), starts a throw-away PostgreSQL, one Payara
# Micro with the service (webhooks: http to 127.0.0.1 allowed, everything else at its defaults
# unless BENCH_WEBHOOK_ENV says otherwise) and WebhookReceiver.java (answers 204 at once). A tenant
# and an endpoint are made through the API and one real process yields a real delivery row; the
# row is copied BENCH_EVENTS times by SQL (generate_series: a new event id and idempotency key
# each), parked, then released at once; the clock runs until no delivery is pending. A warm-up
# batch (BENCH_WARMUP rows) goes first. Checks: every row delivered (status success) and received.
# Writes its section of bench/RESULTS.md; exits non-zero on any failure, saying what failed.
#
# Knobs: BENCH_EVENTS=20000, BENCH_WARMUP=3000, BENCH_WEBHOOK_ENV="IDENTITY_WEBHOOKS_...=... ...",
# BENCH_DRAIN_TIMEOUT=300 (s), plus bench/node.sh's.
NAME=webhooks
# shellcheck source=bench/node.sh
source "$(dirname "${BASH_SOURCE[0]}")/node.sh"

EVENTS="${BENCH_EVENTS:-20000}"
WARMUP="${BENCH_WARMUP:-3000}"
TARGET=1000
MACHINE=$(machine)

start_postgres
RPORT=$(free_port)
java "$BENCH_DIR/WebhookReceiver.java" "$RPORT" >"$OUT/receiver.log" 2>&1 &
RECEIVER_PID=$!; EXTRA_PIDS+=("$RECEIVER_PID")
# shellcheck disable=SC2086  # a word list on purpose
start_service IDENTITY_WEBHOOKS_ALLOW_HTTP=true IDENTITY_WEBHOOKS_ALLOWLIST=127.0.0.1 ${BENCH_WEBHOOK_ENV:-}
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$RPORT/count" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$RPORT/count" || die "the receiver did not start (see $OUT/receiver.log)"
received() { curl -sf "http://127.0.0.1:$RPORT/count"; }

provision_tenant
http POST /v1/hooks/endpoints -H "Truora-API-Key: $API_KEY" -H 'Content-Type: application/json' \
  --data "{\"url\":\"http://127.0.0.1:$RPORT/hook\"}"
expect 201
ENDPOINT_ID=$(jq -er .endpoint_id <<<"$HTTP_BODY")
http POST /v1/flows -H "Truora-API-Key: $API_KEY" -H 'Content-Type: application/json' \
  --data '{"name":"bench","steps":[{"type":"email-verification"}]}'
expect 201
FLOW_ID=$(jq -er .flow_id <<<"$HTTP_BODY")
http POST /v1/api-keys -H "Truora-API-Key: $API_KEY" \
  --data "key_type=web&grant=digital-identity&api_key_version=1&country=ALL&redirect_url=https%3A%2F%2Fexample.com%2Fdone&flow_id=$FLOW_ID&account_id=bench-1"
expect 200
TOKEN=$(jq -er .api_key <<<"$HTTP_BODY")
http POST /v1/processes -H "Truora-API-Key: $TOKEN"
expect 200
log "tenant, endpoint $ENDPOINT_ID and one real process made through the API"

pending() { sql "SELECT count(*) FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at < 'infinity'"; }
wait_drained() { # wait_drained TIMEOUT: until nothing is pending (progress in progress.txt); dies on timeout
  local end=$(( $(date +%s) + $1 )) p
  while :; do
    p=$(pending)
    echo "$(date +%s.%N | cut -c1-14) $p" >>"$OUT/progress.txt"
    [ "$p" = 0 ] && return 0
    [ "$(date +%s)" -lt "$end" ] || die "$p deliveries still pending after $1 s"
    sleep 0.2
  done
}
wait_drained 120
TEMPLATE=$(sql "SELECT id FROM webhook_delivery ORDER BY id LIMIT 1")
[ -n "$TEMPLATE" ] || die "the process made no delivery row"

# copy ROWS FIRST_SEQ: parked copies of the template row (due 'infinity', released later).
copy_rows() {
  sql "INSERT INTO webhook_delivery (id, idempotency_key, client_id, endpoint_id, event_id, event_type, event_action,
         object, event_at, status, attempts, next_attempt_at, created_at, updated_at)
       SELECT 2000000000 + g, 'HIK' || md5('k' || g), t.client_id, t.endpoint_id, 'HKE' || md5('e' || g), t.event_type,
         t.event_action, t.object, now(), 'pending', 0, 'infinity', now(), now()
       FROM generate_series($2, $2 + $1 - 1) g, (SELECT * FROM webhook_delivery WHERE id = $TEMPLATE) t" >/dev/null
}
release() { sql "UPDATE webhook_delivery SET next_attempt_at = now() WHERE id BETWEEN $((2000000000 + $2)) AND $((2000000000 + $2 + $1 - 1))" >/dev/null; }

copy_rows "$WARMUP" 1
copy_rows "$EVENTS" $(( WARMUP + 1 ))
sql "ANALYZE webhook_delivery" >/dev/null
log "warm-up: $WARMUP deliveries"
release "$WARMUP" 1
wait_drained "${BENCH_DRAIN_TIMEOUT:-300}"

log "measuring: $EVENTS deliveries released at once"
before_received=$(received | cut -d' ' -f1)
profile_start
c0_app=$(cpu_ticks "$PAYARA_PID"); c0_pg=$(pg_ticks); c0_rcv=$(cpu_ticks "$RECEIVER_PID")
t0=$(now_s)
release "$EVENTS" $(( WARMUP + 1 ))
wait_drained "${BENCH_DRAIN_TIMEOUT:-300}"
SECONDS_TAKEN=$(elapsed "$t0")
c1_app=$(cpu_ticks "$PAYARA_PID"); c1_pg=$(pg_ticks); c1_rcv=$(cpu_ticks "$RECEIVER_PID")
profile_stop
HZ=$(getconf CLK_TCK)

ok=$(sql "SELECT count(*) FROM webhook_delivery WHERE status = 'success' AND id > $((2000000000 + WARMUP))")
failed=$(sql "SELECT count(*) FROM webhook_delivery WHERE status = 'failure'")
retried=$(sql "SELECT count(*) FROM webhook_delivery WHERE attempts > 1")
read -r total_received distinct <<<"$(received)"
measured_received=$(( total_received - before_received ))
[ "$ok" = "$EVENTS" ] || die "$ok of $EVENTS deliveries succeeded ($failed failed)"
[ "$distinct" -ge $(( EVENTS + WARMUP + 1 )) ] || die "the receiver saw $distinct distinct events, expected $(( EVENTS + WARMUP + 1 ))"

RATE=$(awk -v n="$EVENTS" -v s="$SECONDS_TAKEN" 'BEGIN{printf "%.0f", n/s}')
cores() { awk -v a="$1" -v b="$2" -v hz="$HZ" -v s="$SECONDS_TAKEN" 'BEGIN{printf "%.2f", (b-a)/hz/s}'; }
APP_CORES=$(cores "$c0_app" "$c1_app"); PG_CORES=$(cores "$c0_pg" "$c1_pg"); RCV_CORES=$(cores "$c0_rcv" "$c1_rcv")
MS_PER=$(awk -v a="$c0_app" -v b="$c1_app" -v hz="$HZ" -v n="$EVENTS" 'BEGIN{printf "%.2f", (b-a)/hz*1000/n}')
PG_MS_PER=$(awk -v a="$c0_pg" -v b="$c1_pg" -v hz="$HZ" -v n="$EVENTS" 'BEGIN{printf "%.2f", (b-a)/hz*1000/n}')
MET=$([ "$RATE" -ge "$TARGET" ] && echo met || echo "**not met**")
SETTINGS=$(grep -o 'webhook drain scheduled every [^ ]*\( (batch-size [0-9]*, max-in-flight [0-9]*)\)\?' "$OUT/payara.log" | head -1)
log "$RATE deliveries/s ($EVENTS in ${SECONDS_TAKEN}s; target $TARGET/s: $MET); CPU cores Payara $APP_CORES, PostgreSQL $PG_CORES, receiver $RCV_CORES"

SECTION="$OUT/section.md"
cat >"$SECTION" <<EOF
## Webhook delivery rate (bench/webhooks.sh)

Run \`$RUN_ID\` on $(date -u '+%Y-%m-%d %H:%M') UTC, commit $GIT_REV. Command: \`bench/webhooks.sh\`$( [ -n "${BENCH_WEBHOOK_ENV:-}" ] && echo " with \`BENCH_WEBHOOK_ENV=\"$BENCH_WEBHOOK_ENV\"\`").

- Machine: $MACHINE; shared with other builds, so a lower bound.
- One Payara Micro (\`$JVM_FLAGS\`, started in ${STARTUP_S}s), PostgreSQL $PG_VERSION (default settings, fsync on), the receiver
  (\`bench/WebhookReceiver.java\`, 204 at once) on loopback. Drain settings at their defaults ($SETTINGS) unless given above.
- $EVENTS pending deliveries (copies of a real one by SQL: the signed JWT, signature header and delivery record are built
  per delivery as always) released at once after a warm-up of $WARMUP.

| deliveries | seconds | deliveries/s | target | CPU cores: Payara / PostgreSQL / receiver | Payara CPU ms per delivery | PostgreSQL CPU ms per delivery | retried | received (requests) |
|---:|---:|---:|---:|---|---:|---:|---:|---:|
| $EVENTS | $SECONDS_TAKEN | **$RATE** | $TARGET ($MET) | $APP_CORES / $PG_CORES / $RCV_CORES | $MS_PER | $PG_MS_PER | $retried | $measured_received |
EOF
write_section webhooks "$SECTION"
