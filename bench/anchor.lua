-- wrk script: GET /anchor on the anchor WAR (bench/anchor), a constant JSON string.
-- Environment: BENCH_DIR (set by run.sh).
dofile(os.getenv("BENCH_DIR") .. "/stats.lua")

wrk.method = "GET"
wrk.path = "/anchor"
