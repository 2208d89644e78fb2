-- wrk script for bench/run.py: every request asks for the page with a query string never seen
-- before (tracking parameters and a random one), as a link campaign or a hostile client would.
dofile("bench/report.lua")

local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local counter = 0
request = function()
  counter = counter + 1
  local query = string.format("utm_source=nieuwsbrief-%d-%d&fbclid=%d&x%d=y", id, counter, counter, counter)
  return wrk.format(nil, wrk.path .. "?" .. query)
end
