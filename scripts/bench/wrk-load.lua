-- wrk script for `npm run bench` (scripts/bench/wrk-load.mjs): POSTs the JSON Lines bodies of the
-- file given after `--` to /test_solution in file order, round robin, on one wrk thread. With
-- WRK_WARMUP=K and a second file, the first K requests are that file's bodies (a warm-up on the same
-- connections as the measured requests). It prints START when the measured requests begin (at its
-- first request, or once the K warm-up answers are in), DONE once WRK_REQUESTS more answers are in
-- (the driver then stops wrk) and a RESULT line at the end.
--
-- No response() callback: with one, wrk copies every answer's body into a Lua string (28 KB on
-- average here), which cost the client about a third more CPU per request, CPU the servers on the
-- same cores then lack. wrk calls request() once at start-up (to check what it returns), then for
-- each connection's first request and after each answer: at call K + WRK_CONNECTIONS + 1, K answers
-- are in (test/bench/wrk-load.slow.test.ts pins this). wrk counts non-2xx answers itself
-- (summary.errors.status).
local bodies, count, sent = {}, 0, 0
local warm, warmCount = {}, 0
local limit = tonumber(os.getenv("WRK_REQUESTS") or "1000")
local connections = tonumber(os.getenv("WRK_CONNECTIONS") or "8")
local skip = tonumber(os.getenv("WRK_WARMUP") or "0")
local start = skip > 0 and skip + connections + 1 or 2
local stop = skip + limit + connections + 1

local function load(file, into, most)
  local n = 0
  for line in io.lines(file) do
    if n >= most then break end
    if #line > 0 then
      n = n + 1
      into[n] = wrk.format("POST", "/test_solution", { ["Content-Type"] = "application/json" }, line)
    end
  end
  return n
end

function init(args)
  count = load(args[1], bodies, math.huge)
  if skip > 0 then warmCount = load(args[2], warm, skip) end
end

function request()
  sent = sent + 1
  -- The first measured request: the driver starts its CPU counts here, after wrk has read and
  -- formatted the bodies and after the warm-up.
  if sent == start then
    io.write("START\n")
    io.flush()
  end
  if sent == stop then
    io.write("DONE\n")
    io.flush()
    wrk.thread:stop()
  end
  if sent <= skip then return warm[(sent - 1) % warmCount + 1] end
  return bodies[(sent - skip - 1) % count + 1]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
