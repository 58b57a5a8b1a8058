-- wrk script for `npm run bench` (scripts/bench/wrk-load.mjs): POSTs the JSON Lines bodies of the
-- file given after `--` to /test_solution in file order, round robin, on one wrk thread. It prints
-- START when it sends its first request, DONE once WRK_REQUESTS answers are in (the driver then
-- stops wrk) and a RESULT line at the end.
--
-- No response() callback: with one, wrk copies every answer's body into a Lua string (28 KB on
-- average here), which cost the client about a third more CPU per request, CPU the servers on the
-- same cores then lack. wrk calls request() once at start-up (to check what it returns), then for
-- each connection's first request and after each answer: at call WRK_REQUESTS + WRK_CONNECTIONS + 1,
-- WRK_REQUESTS answers are in (test/bench/wrk-load.slow.test.ts pins this). wrk counts non-2xx
-- answers itself (summary.errors.status).
local bodies, count, sent = {}, 0, 0
local limit = tonumber(os.getenv("WRK_REQUESTS") or "1000")
local connections = tonumber(os.getenv("WRK_CONNECTIONS") or "8")

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
  -- The first real request (after wrk's start-up check): the driver starts its CPU counts here,
  -- after wrk has read and formatted the bodies file.
  if sent == 2 then
    io.write("START\n")
    io.flush()
  end
  if sent == limit + connections + 1 then
    io.write("DONE\n")
    io.flush()
    wrk.thread:stop()
  end
  return bodies[(sent - 1) % count + 1]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
