-- wrk script for bench/bench_peer.py: request the paths of a list in turn, count the answers
-- by status class, and print one "WRK_JSON {...}" line at the end.
--
--   wrk -t2 -c4 -d15s --latency -s bench/wrk_rotate.lua http://127.0.0.1:8301 -- LIST THREADS [OFFSET]
--
-- LIST is a file of paths, one a line. A list of one path repeats that page; a list of every
-- article, shuffled, makes each request a new page; a list drawn in advance from a Zipf-like
-- popularity (bench_peer.py writes one) replays a newsroom's readers.
--
-- wrk runs each thread in a Lua state of its own, which cannot see a count made in setup(), so
-- the number of threads comes as THREADS. Thread i starts at OFFSET + i * (lines / THREADS),
-- so the threads never request the same page in step, and each can make lines / THREADS
-- requests before reaching a page another thread has already asked for.

local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

paths = {}
position = 0
ok, redirect, client_error, server_error, other = 0, 0, 0, 0, 0

function init(args)
  local list = args[1] or error("usage: -- LIST THREADS [OFFSET]")
  for line in io.lines(list) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no paths in " .. list) end
  path_count = #paths
  local thread_count = tonumber(args[2]) or 1
  local offset = tonumber(args[3]) or 0
  position = (offset + math.floor(#paths / thread_count) * (thread_index or 0)) % #paths
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function response(status, headers, body)
  if status < 300 and status >= 200 then ok = ok + 1
  elseif status < 400 and status >= 300 then redirect = redirect + 1
  elseif status < 500 and status >= 400 then client_error = client_error + 1
  elseif status >= 500 then server_error = server_error + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local counts = { ok = 0, redirect = 0, client_error = 0, server_error = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(counts) do counts[name] = counts[name] + (thread:get(name) or 0) end
  end
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_s":%.3f,"rps":%.2f,"p50_ms":%.3f,"p90_ms":%.3f,' ..
    '"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,"bytes":%d,"n2xx":%d,"n3xx":%d,"n4xx":%d,' ..
    '"n5xx":%d,"nother":%d,"err_connect":%d,"err_read":%d,"err_write":%d,"err_status":%d,' ..
    '"err_timeout":%d,"path_count":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000, summary.bytes,
    counts.ok, counts.redirect, counts.client_error, counts.server_error, counts.other,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    threads[1] and threads[1]:get("path_count") or 0))
end
