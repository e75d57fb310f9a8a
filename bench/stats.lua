-- Shared by the bench/*.lua wrk scripts (loaded with dofile). Counts every HTTP status per
-- thread in response(), gives each thread a number (global `id`), and in done() prints one
-- machine-readable line that bench/run.sh parses:
--   BENCH requests=.. duration_us=.. rps=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. mean_ms=..
--         non2xx=.. connect=.. read=.. write=.. timeout=.. statuses=200:123,500:4
-- plus "BENCH_SAMPLE <status> <body>" for the first non-2xx answer of each thread.

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

statuses = {}
sample = nil

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if (status < 200 or status > 299) and sample == nil then
    sample = tostring(status) .. " " .. string.sub(tostring(body or ""), 1, 400):gsub("[\r\n]", " ")
  end
end

function done(summary, latency, requests)
  local counts, non2xx, samples = {}, 0, {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    if s then
      for code, c in pairs(s) do counts[code] = (counts[code] or 0) + c end
    end
    local smp = t:get("sample")
    if smp then table.insert(samples, smp) end
  end
  local codes = {}
  for code, c in pairs(counts) do
    table.insert(codes, code)
    if code < 200 or code > 299 then non2xx = non2xx + c end
  end
  table.sort(codes)
  local parts = {}
  for _, code in ipairs(codes) do table.insert(parts, code .. ":" .. counts[code]) end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f "
      .. "non2xx=%d connect=%d read=%d write=%d timeout=%d statuses=%s\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    non2xx, e.connect, e.read, e.write, e.timeout, table.concat(parts, ",")))
  for _, smp in ipairs(samples) do io.write("BENCH_SAMPLE " .. smp .. "\n") end
end
