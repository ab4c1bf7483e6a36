-- POST /v1/policies/POLICY/evaluate, cycling through the persons of a JSON-lines file.
-- Set by service-benchmark.sh: PERSONS (path), POLICY, AS_OF.
local persons = {}
for line in io.lines(os.getenv("PERSONS")) do
  if #line > 0 then persons[#persons + 1] = '{"facts":' .. line .. ',"as_of":"' .. os.getenv("AS_OF") .. '"}' end
end
local path = "/v1/policies/" .. os.getenv("POLICY") .. "/evaluate"
local headers = { ["Content-Type"] = "application/json" }
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("POST", path, headers, persons[(counter % #persons) + 1])
end

local failures = 0
response = function(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
