import CarePolicy
import Hummingbird
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// `GET /v1/decisions?person=ID[&policy=ID][&limit=N]`: what was decided for a person,
/// when, under which policy version — newest first, from the decision log. Decisions
/// still queued are written first, so an answer given a moment ago is included.
struct DecisionRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.get("/v1/decisions") { request, _ in
            guard let log = state.decisionLog else {
                throw APIError(.serviceUnavailable, code: "decision_log_off",
                               message: "the decision log is turned off (--no-decision-log); nothing was recorded")
            }
            let query = request.uri.queryParameters
            guard let person = query["person"].map(String.init), !person.isEmpty else {
                throw APIError.invalidField("person", "is missing; ask for a person's decisions with ?person=ID")
            }
            var policy: String?
            if let text = query["policy"].map(String.init) {
                guard PolicyIdentifier(text) != nil else { throw APIError.invalidPolicyID(text) }
                policy = text
            }
            var limit = 100
            if let text = query["limit"].map(String.init) {
                guard let value = Int(text), (1...1000).contains(value) else {
                    throw APIError.invalidField("limit", "expected a whole number from 1 to 1000, found `\(text)`")
                }
                limit = value
            }
            try await log.flush()
            let rows = try log.store.decisions(person: log.masking.person(person), policy: policy, limit: limit)
            var body: [UInt8] = []
            body.appendASCII("{\"person\":")
            JSONString.appendQuoted(person, to: &body)
            body.appendASCII(",\"decisions\":[")
            for (position, row) in rows.enumerated() {
                if position > 0 { body.append(44) }
                row.write(into: &body)
            }
            body.appendASCII("]}")
            return JSONResponse.json(ByteBuffer(bytes: body))
        }
    }
}

extension StoredDecision {
    /// The decision as JSON, as `/v1/decisions` and `carepolicy log query` print it; the
    /// stored JSON columns are embedded as they are.
    package var json: String {
        var bytes: [UInt8] = []
        write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    package func write(into sink: inout [UInt8]) {
        sink.appendASCII("{\"recorded_at\":")
        JSONString.appendQuoted(recordedAt, to: &sink)
        sink.appendASCII(",\"policy\":")
        JSONText.write(.object([("id", .string(policyID)), ("version", .string(policyVersion)), ("hash", .string(policyHash))]), into: &sink)
        sink.appendASCII(",\"as_of\":")
        JSONString.appendQuoted(asOf, to: &sink)
        sink.appendASCII(",\"person\":")
        if let person { JSONString.appendQuoted(person, to: &sink) } else { sink.appendASCII("null") }
        sink.appendASCII(",\"endpoint\":")
        JSONString.appendQuoted(endpoint, to: &sink)
        for (key, stored) in [("decisions", decisions), ("fired_rules", firedRules), ("facts", facts)] as [(StaticString, String)] {
            sink.appendASCII(",\"")
            sink.appendASCII(key)
            sink.appendASCII("\":")
            sink.appendUTF8(stored)
        }
        if let trace {
            sink.appendASCII(",\"trace\":")
            sink.appendUTF8(trace)
        }
        sink.append(125)
    }
}
