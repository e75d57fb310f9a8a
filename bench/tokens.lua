-- wrk script: POST /v1/api-keys (Truora "Generate Token", key_type=web) with a backend key.
-- Every request names a new account_id (bench-<tag>-<thread>-<n>), so each token also creates
-- an account. Environment: BENCH_DIR, BENCH_API_KEY, BENCH_FLOW_ID, BENCH_TAG (set by run.sh).
dofile(os.getenv("BENCH_DIR") .. "/stats.lua")

local tag = os.getenv("BENCH_TAG") or "run"
local prefix = "key_type=web&grant=digital-identity&api_key_version=1&country=ALL"
  .. "&redirect_url=https%3A%2F%2Fexample.com%2Fdone"
  .. "&flow_id=" .. os.getenv("BENCH_FLOW_ID")
  .. "&account_id=bench-" .. tag .. "-"

wrk.method = "POST"
wrk.path = "/v1/api-keys"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Truora-API-Key"] = os.getenv("BENCH_API_KEY")

local n = 0

function request()
  n = n + 1
  return wrk.format(nil, nil, nil, prefix .. tostring(id) .. "-" .. tostring(n))
end
