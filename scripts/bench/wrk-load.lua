-- wrk script for `npm run bench` (scripts/bench/wrk-load.mjs): POSTs the JSON Lines bodies of the
-- file given after `--` to /test_solution in file order, round robin, on one wrk thread. After
-- WRK_REQUESTS answers it prints DONE (the driver then stops wrk) and a RESULT line at the end.
local bodies, count, sent, answered = {}, 0, 0, 0
local limit = tonumber(os.getenv("WRK_REQUESTS") or "1000")

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      count = count + 1
      bodies[count] = wrk.format("POST", "/test_solution", { ["Content-Type"] = "application/json" }, line)
    end
  end
end

function request()
  sent = sent + 1
  return bodies[(sent - 1) % count + 1]
end

function response(status, headers, body)
  answered = answered + 1
  if answered == limit then
    io.write("DONE\n")
    io.flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
