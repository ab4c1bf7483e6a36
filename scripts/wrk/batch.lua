-- POST /v1/policies/POLICY/evaluate-batch with the body in BATCH_BODY (prepared by service-benchmark.sh).
local file = assert(io.open(os.getenv("BATCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.path = "/v1/policies/" .. os.getenv("POLICY") .. "/evaluate-batch"

done = function(summary, latency, requests)
  local records = tonumber(os.getenv("RECORDS"))
  local seconds = summary.duration / 1e6
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("%d batches of %d records in %.1f s: %.0f evaluations/s; p50 %.1f ms, p99 %.1f ms per batch\n",
    summary.requests, records, seconds, summary.requests * records / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
