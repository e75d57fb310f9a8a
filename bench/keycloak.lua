-- wrk script: Keycloak's token endpoint, client-credentials grant of one confidential client whose
-- access tokens are signed HS256 (the anchor of POST /v1/api-keys).
-- Environment: BENCH_DIR, BENCH_KC_PATH, BENCH_KC_CLIENT, BENCH_KC_SECRET (set by run.sh).
dofile(os.getenv("BENCH_DIR") .. "/stats.lua")

wrk.method = "POST"
wrk.path = os.getenv("BENCH_KC_PATH")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=client_credentials&client_id=" .. os.getenv("BENCH_KC_CLIENT")
  .. "&client_secret=" .. os.getenv("BENCH_KC_SECRET")
