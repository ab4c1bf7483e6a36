import CarePolicy
import Hummingbird
import PolicyCompliance
import PolicyModel
import PolicyRuntime
import RecordFormats

/// `POST /v1/policies/{id}/compliance` — `{"from": DATE, "to": DATE, "elders": [facts, …],
/// "records": [{…}, …], "spot_check"?: {"count": N, "seed": S}}` → the document
/// `carepolicy compliance` prints: every elder's windows judged, met and missed for every
/// requirement, each group's summary, the refused records (each with its position in
/// `records`, counted from 1) and the spot-check sample. A policy without a `compliance:`
/// section answers 422 `no_compliance`; an elder whose facts are wrong, 400 naming it.
/// At most `maxRecords` records in a body of at most `maxBatchBodyBytes` (64 MiB), each at
/// most `maxRecordBytes` (a longer record is refused, a longer elder is 413): a township's
/// year of cards belongs to the CLI, which streams.
struct ComplianceRoutes: RouteGroup {
    static let maxRecords = 1_000_000

    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.post("/v1/policies/:id/compliance") { request, context in
            let served = try state.livePolicy(context.parameters.get("id"))
            let policy = served.policy
            let buffer = try await request.collectJSONBody(limit: state.configuration.maxBatchBodyBytes)
            let members = try EvaluationRequest.members(try Request.parseJSON(buffer), allowed: ["from", "to", "elders", "records", "spot_check"])
            // No record can be over the limit when the whole body is not.
            let recordLimit = buffer.readableBytes > state.configuration.maxRecordBytes ? state.configuration.maxRecordBytes : nil
            let from = try Self.date(members["from"], name: "from"), to = try Self.date(members["to"], name: "to")
            let elderValues = try LedgerRoutes.array(members["elders"], name: "elders", example: "{\"elders\": [{\"id\": \"e1\", …}]}")
            let records = try LedgerRoutes.array(members["records"], name: "records", example: "{\"records\": [{\"elder\": \"e1\", \"date\": \"2025-01-03\", …}]}")
            guard records.count <= Self.maxRecords else {
                throw APIError.invalidField("records", "has \(records.count) records; at most \(Self.maxRecords) per request (use `carepolicy compliance` for more)")
            }
            let spotCheck = try Self.spotCheck(members["spot_check"])
            var elders: [(line: Int, facts: Facts)] = []
            for (index, value) in elderValues.enumerated() {
                if let recordLimit {
                    var text: [UInt8] = []
                    value.write(into: &text)
                    if text.count > recordLimit {
                        var error = APIError.recordTooLarge("elder \(index + 1)", bytes: text.count, limit: recordLimit)
                        error.field = "elders"
                        throw error
                    }
                }
                do {
                    elders.append((index + 1, try policy.decodeFacts(value)))
                } catch {
                    throw APIError.invalidField("elders", "elder \(index + 1): \(error)")
                }
            }
            let result: Result<ComplianceReport, ComplianceError> = await Task.detached {
                do throws(ComplianceError) {
                    let run = try ComplianceRun(evaluator: policy.evaluator, elders: elders, from: from, to: to, place: "elder")
                    return .success(try run.judge(records: records, spotCheck: spotCheck, recordLimit: recordLimit))
                } catch {
                    return .failure(error)
                }
            }.value
            let report: ComplianceReport
            switch result {
            case .success(let judged): report = judged
            case .failure(let error):
                switch error.kind {
                case .noCompliance: throw APIError(.unprocessableContent, code: "no_compliance", message: error.message)
                case .noSpotCheck: throw APIError(.unprocessableContent, code: "no_spot_check", message: error.message, field: "spot_check")
                case .invalidInput: throw APIError(.badRequest, code: "invalid_request", message: error.message, field: error.field)
                case .evaluation: throw APIError(.unprocessableContent, code: "compliance_fault", message: error.message)
                }
            }
            return JSONResponse.make(report.json, headers: JSONResponse.policyHeaders(served.metadata))
        }
    }

    static func date(_ value: JSONValue?, name: String) throws(APIError) -> CivilDate {
        guard case .string(let text)? = value else {
            throw APIError.invalidField(name, value == nil ? "is missing; give a date \"YYYY-MM-DD\"" : "expected a date \"YYYY-MM-DD\", found \(value?.describe ?? "")")
        }
        guard let date = CivilDate(text) else { throw APIError.invalidField(name, "expected a date \"YYYY-MM-DD\" that exists in the calendar, found \"\(text)\"") }
        return date
    }

    /// `{"count": N, "seed": S}`, both whole numbers, 0 or more.
    static func spotCheck(_ value: JSONValue?) throws(APIError) -> SpotCheckRequest? {
        guard let value, value != .null else { return nil }
        guard case .object(let members) = value, case .integer(let count)? = members["count"], count >= 0,
              case .integer(let seed)? = members["seed"], seed >= 0, members.count == 2 else {
            throw APIError.invalidField("spot_check", "expected {\"count\": N, \"seed\": S} with two whole numbers, 0 or more, found \(value.describe)")
        }
        return SpotCheckRequest(count: Int(count), seed: UInt64(seed))
    }
}
