-- wrk script for bench/run.sh: POST one SOAP envelope over and over on keep-alive connections.
--
--   wrk -t2 -c16 -d10s -s bench/wrk/soap.lua URL -- BODY_FILE [AUTHORIZATION]
--
-- BODY_FILE is sent as the body with Content-Type application/soap+xml;charset=UTF-8; AUTHORIZATION, when
-- given, is the whole Authorization header value ("Basic dXNlcjpwYXNz"). Every response that is not 2xx is
-- counted; done() prints one machine-readable line that run.sh parses:
--
--   RESULT requests=N duration_s=S rps=R p50_ms=A p99_ms=B socket_errors=E non2xx=X

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local path = args[1]
  if path == nil then
    error("usage: wrk ... -s soap.lua URL -- BODY_FILE [AUTHORIZATION]")
  end
  local file = assert(io.open(path, "rb"))
  local body = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/soap+xml;charset=UTF-8"
  if args[2] ~= nil and args[2] ~= "" then
    wrk.headers["Authorization"] = args[2]
  end
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local non2xx_total = 0
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + thread:get("non2xx")
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f socket_errors=%d non2xx=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    socket_errors, non2xx_total))
end
