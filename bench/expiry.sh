#!/usr/bin/env bash
# Expiry sweep rate with a big process table: processes expired per second by ExpireProcessesJob.
#
#   bench/expiry.sh
#
# Builds the WAR if stale (one reactor, no install), starts a throw-away PostgreSQL and one Payara
# Micro with the service (expiry job every second). One real process is made through the API; the
# table is then filled to BENCH_ROWS rows by SQL (generate_series copies of that row with new ids:
# 90 % finished, 10 % pending with a deadline tomorrow), BENCH_DUE of them parked pending. The
# parked ones are made overdue at once and the clock runs until none is left; each is expired by
# the engine with its event, as in production, in batches (one transaction per batch of
# identity.jobs.expire-processes.batch-size, claimed FOR UPDATE SKIP LOCKED). Also prints the sweep
# query's plan (EXPLAIN ANALYZE) on the full table. Checks: every due process failed as expired
# with exactly one terminal event. Writes its section of bench/RESULTS.md; exits non-zero on any
# failure, saying what failed.
#
# Two rates: from the release (includes the wait, up to one interval, for the next tick) and the
# steady rate, from the first poll that sees an expiry to the last expiry (polled every 0.2 s): the
# target is judged on the steady rate, which is the sweep's own; with 30,000 due the two differ by
# the tick wait only.
#
# Knobs: BENCH_ROWS=1000000, BENCH_DUE=30000, BENCH_EXPIRY_TIMEOUT=600 (s), BENCH_WORKERS (the sweep's
# identity.jobs.expire-processes.workers; the service's default when unset), plus bench/node.sh's.
NAME=expiry
# shellcheck source=bench/node.sh
source "$(dirname "${BASH_SOURCE[0]}")/node.sh"

ROWS="${BENCH_ROWS:-1000000}"
DUE="${BENCH_DUE:-30000}"
TARGET=3000
MACHINE=$(machine)

start_postgres
start_service IDENTITY_JOBS_EXPIRE_PROCESSES_INTERVAL=PT1S \
  ${BENCH_WORKERS:+IDENTITY_JOBS_EXPIRE_PROCESSES_WORKERS=$BENCH_WORKERS}
provision_tenant
http POST /v1/flows -H "Truora-API-Key: $API_KEY" -H 'Content-Type: application/json' \
  --data '{"name":"bench","time_to_live":60,"steps":[{"type":"email-verification"}]}'
expect 201
FLOW_ID=$(jq -er .flow_id <<<"$HTTP_BODY")
http POST /v1/api-keys -H "Truora-API-Key: $API_KEY" \
  --data "key_type=web&grant=digital-identity&api_key_version=1&country=ALL&redirect_url=https%3A%2F%2Fexample.com%2Fdone&flow_id=$FLOW_ID&account_id=bench-1"
expect 200
TOKEN=$(jq -er .api_key <<<"$HTTP_BODY")
http POST /v1/processes -H "Truora-API-Key: $TOKEN"
expect 200
TEMPLATE=$(sql "SELECT id FROM identity_process ORDER BY id LIMIT 1")
[ -n "$TEMPLATE" ] || die "the API made no process row"
log "one real process made through the API (row $TEMPLATE)"

# Every column copied from the template except the unique ones, status and deadline.
BASE_ID=3000000000
SELECT_LIST=$(sql "SELECT string_agg(CASE column_name
    WHEN 'id' THEN '$BASE_ID + g'
    WHEN 'process_id' THEN '''IDP'' || md5(''p'' || g)'
    WHEN 'jti' THEN 'md5(''j'' || g)::uuid::text'
    WHEN 'status' THEN 'CASE WHEN g <= $DUE OR g % 10 = 0 THEN ''pending'' ELSE ''success'' END'
    WHEN 'expires_at' THEN 'CASE WHEN g <= $DUE THEN ''infinity''::timestamptz WHEN g % 10 = 0 THEN now() + interval ''1 day'' ELSE now() - (g % 1000) * interval ''1 hour'' END'
    ELSE 't.' || column_name END, ', ' ORDER BY ordinal_position)
  FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'identity_process'")
COLUMNS=$(sql "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
  WHERE table_schema = 'public' AND table_name = 'identity_process'")
log "inserting $((ROWS - 1)) process rows by SQL ($DUE parked for the measurement)"
t_ins=$(now_s)
sql "INSERT INTO identity_process ($COLUMNS) SELECT $SELECT_LIST
     FROM generate_series(1, $((ROWS - 1))) g, (SELECT * FROM identity_process WHERE id = $TEMPLATE) t" >/dev/null
sql "VACUUM ANALYZE identity_process" >/dev/null
INSERT_S=$(elapsed "$t_ins")
TABLE_ROWS=$(sql "SELECT count(*) FROM identity_process")
TABLE_SIZE=$(sql "SELECT pg_size_pretty(pg_total_relation_size('identity_process'))")
log "$TABLE_ROWS rows ($TABLE_SIZE with indexes) in ${INSERT_S}s"

SWEEP_QUERY="SELECT id FROM identity_process WHERE status = 'pending' AND expires_at <= now() ORDER BY expires_at FETCH FIRST 200 ROWS ONLY FOR UPDATE SKIP LOCKED"
overdue() { sql "SELECT count(*) FROM identity_process WHERE status = 'pending' AND expires_at <= now()"; }

log "measuring: $DUE processes made overdue at once"
profile_start
c0_app=$(cpu_ticks "$PAYARA_PID"); c0_pg=$(pg_ticks)
t0=$(now_s)
sql "UPDATE identity_process SET expires_at = now() - interval '1 second' WHERE id BETWEEN $((BASE_ID + 1)) AND $((BASE_ID + DUE))" >/dev/null
PLAN=$(sql "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $SWEEP_QUERY")
end=$(( $(date +%s) + ${BENCH_EXPIRY_TIMEOUT:-600} ))
t_first=''; left_first=''
while :; do
  left=$(overdue)
  [ "$left" = 0 ] && break
  if [ -z "$t_first" ] && [ "$left" -lt "$DUE" ]; then t_first=$(now_s); left_first=$left; fi
  [ "$(date +%s)" -lt "$end" ] || die "$left processes still overdue after ${BENCH_EXPIRY_TIMEOUT:-600} s"
  sleep 0.2
done
SECONDS_TAKEN=$(elapsed "$t0")
# Steady rate: the processes still overdue at the first poll that saw an expiry, over the time
# from that poll to the last expiry (the tick wait and the first batch are outside it).
if [ -n "$t_first" ]; then
  STEADY_S=$(elapsed "$t_first")
  STEADY_RATE=$(awk -v n="$left_first" -v s="$STEADY_S" 'BEGIN{ if (s > 0) printf "%.0f", n/s; else print "?" }')
else
  STEADY_S='?'; STEADY_RATE='?'   # all expired between two polls
fi
c1_app=$(cpu_ticks "$PAYARA_PID"); c1_pg=$(pg_ticks)
profile_stop
HZ=$(getconf CLK_TCK)
PLAN_AFTER=$(sql "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $SWEEP_QUERY")

expired=$(sql "SELECT count(*) FROM identity_process WHERE id BETWEEN $((BASE_ID + 1)) AND $((BASE_ID + DUE))
  AND status = 'failure' AND failure_status = 'expired'")
[ "$expired" = "$DUE" ] || die "$expired of $DUE due processes failed as expired"
terminal=$(sql "SELECT count(*) FROM process_event e WHERE e.event_type = 'digital_identity.identity_process'
  AND e.event_action IN ('failed', 'succeeded') AND e.process_id IN
  (SELECT process_id FROM identity_process WHERE id BETWEEN $((BASE_ID + 1)) AND $((BASE_ID + DUE)))")
[ "$terminal" = "$DUE" ] || die "$terminal terminal events for $DUE expired processes (expected one each)"
untouched=$(sql "SELECT count(*) FROM identity_process WHERE id > $((BASE_ID + DUE)) AND status = 'failure'")
[ "$untouched" = 0 ] || die "$untouched processes that were not due were expired"

RATE=$(awk -v n="$DUE" -v s="$SECONDS_TAKEN" 'BEGIN{printf "%.0f", n/s}')
cores() { awk -v a="$1" -v b="$2" -v hz="$HZ" -v s="$SECONDS_TAKEN" 'BEGIN{printf "%.2f", (b-a)/hz/s}'; }
APP_CORES=$(cores "$c0_app" "$c1_app"); PG_CORES=$(cores "$c0_pg" "$c1_pg")
MS_PER=$(awk -v a="$c0_app" -v b="$c1_app" -v hz="$HZ" -v n="$DUE" 'BEGIN{printf "%.2f", (b-a)/hz*1000/n}')
PG_MS_PER=$(awk -v a="$c0_pg" -v b="$c1_pg" -v hz="$HZ" -v n="$DUE" 'BEGIN{printf "%.2f", (b-a)/hz*1000/n}')
MET=$([ "$STEADY_RATE" != '?' ] && [ "$STEADY_RATE" -ge "$TARGET" ] && echo met || echo "**not met**")
QUERY_MS=$(grep -o 'Execution Time: [0-9.]* ms' <<<"$PLAN" | grep -o '[0-9.]*' || echo '?')
QUERY_MS_AFTER=$(grep -o 'Execution Time: [0-9.]* ms' <<<"$PLAN_AFTER" | grep -o '[0-9.]*' || echo '?')
log "steady $STEADY_RATE expired/s ($left_first in ${STEADY_S}s), $RATE expired/s from the release ($DUE in ${SECONDS_TAKEN}s); target $TARGET/s steady: $MET; sweep query ${QUERY_MS} ms with $DUE due, ${QUERY_MS_AFTER} ms with none"

SECTION="$OUT/section.md"
FENCE='```'
cat >"$SECTION" <<EOF
## Expiry sweep rate (bench/expiry.sh)

Run \`$RUN_ID\` on $(date -u '+%Y-%m-%d %H:%M') UTC, commit $GIT_REV. Command: \`bench/expiry.sh\`$( [ "$ROWS" != 1000000 ] || [ "$DUE" != 30000 ] && echo " with \`BENCH_ROWS=$ROWS BENCH_DUE=$DUE\`").

- Machine: $MACHINE; shared with other builds, so a lower bound.
- One Payara Micro (\`$JVM_FLAGS\`, started in ${STARTUP_S}s), \`IDENTITY_JOBS_EXPIRE_PROCESSES_INTERVAL=PT1S\`, PostgreSQL $PG_VERSION
  (default settings, fsync on).
- \`identity_process\`: $TABLE_ROWS rows ($TABLE_SIZE with indexes; copies of a real row by SQL in ${INSERT_S}s): 90 % finished,
  10 % pending with tomorrow's deadline, $DUE made overdue at once. Each is expired through the engine with its \`failed\` event
  (one each, checked), in batches claimed with \`FOR UPDATE SKIP LOCKED\`, one transaction per batch.

The target is judged on the **steady** rate (first to last expiry, as the 0.2 s poll sees them): it is the sweep's own
rate; the rate from the release also holds the wait for the next tick (up to the 1 s interval) and the first batch.

| overdue | seconds from release | expired/s from release | steady: expired / seconds | steady expired/s | target | CPU cores: Payara / PostgreSQL | Payara CPU ms per process | PostgreSQL CPU ms per process | sweep query, $DUE due | sweep query, none due |
|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|
| $DUE | $SECONDS_TAKEN | $RATE | $left_first / $STEADY_S | **$STEADY_RATE** | $TARGET ($MET) | $APP_CORES / $PG_CORES | $MS_PER | $PG_MS_PER | $QUERY_MS ms | $QUERY_MS_AFTER ms |

The sweep's query on the full table (\`ix_identity_process_due (status, expires_at)\`: it reads at most its batch, whatever
the table's size), right after the release:

$FENCE
$PLAN
$FENCE
EOF
write_section expiry "$SECTION"
