-- One request, repeated by wrk: method, body and headers come from the environment (set by HttpBench).
-- BENCH_HEADERS holds "Name: value" lines. done() prints the figures HttpBench reads, one "key=value" a line.
wrk.method = os.getenv("BENCH_METHOD") or "GET"
wrk.body = os.getenv("BENCH_BODY")
for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end

-- BENCH_PAGE_IDS (comma-separated) spreads the requests round those pages of one session, one page per request
local pages = {}
for id in (os.getenv("BENCH_PAGE_IDS") or ""):gmatch("[^,]+") do
  pages[#pages + 1] = id
end
if #pages > 0 then
  local last = 0
  request = function()
    last = last % #pages + 1
    wrk.headers["X-Nex-Page-Id"] = pages[last]
    return wrk.format()
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("requests=%d\nseconds=%.6f\nstatus_errors=%d\nsocket_errors=%d\np50_us=%d\np99_us=%d\n",
    summary.requests, summary.duration / 1e6, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
