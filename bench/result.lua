-- wrk script: GET /v1/processes/{id}/result with a backend key, round-robin over the process
-- ids in BENCH_IDS_FILE (one a line; each thread starts at a different offset).
-- Environment: BENCH_DIR, BENCH_API_KEY, BENCH_IDS_FILE (set by run.sh).
dofile(os.getenv("BENCH_DIR") .. "/stats.lua")

local paths = {}
for line in io.lines(os.getenv("BENCH_IDS_FILE")) do
  if line ~= "" then table.insert(paths, "/v1/processes/" .. line .. "/result") end
end

wrk.method = "GET"
wrk.headers["Truora-API-Key"] = os.getenv("BENCH_API_KEY")

local i = nil

function request()
  if i == nil then i = ((id or 1) * 37) % #paths end
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
