import CarePolicy
import Foundation
import Hummingbird
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// The stateful rules of a policy, replayed in the request:
/// - `POST /v1/policies/{id}/ledger/replay` — `{"events": [{…}, …], "as_of"?: DATE}` →
///   the ledger report (balances, settlements, expired, held, checks, refusals with the
///   index of each refused event, counted from 1);
/// - `POST /v1/policies/{id}/approval` — `{"history": [{"step": …, "date": …}, …]}` → the
///   state, the next step and who takes it, and any refused step;
/// - `POST /v1/policies/{id}/programs/{program}/allocate` — `{"population": [facts, …],
///   "places"?: N, "as_of"?: DATE}` → who gets a place, by the policy's priority.
/// A policy without the section answers 422 `no_ledger` / `no_approval`; an unknown
/// program 404.
struct LedgerRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.post("/v1/policies/:id/ledger/replay") { request, context in
            let served = try state.livePolicy(context.parameters.get("id"))
            let members = try EvaluationRequest.members(try await request.jsonBody(limit: state.configuration.maxBodyBytes), allowed: ["events", "as_of"])
            let events = try Self.array(members["events"], name: "events", example: "{\"events\": [{\"type\": \"issue\", …}]}")
            let asOf: CivilDate? = members["as_of"] == nil || members["as_of"] == .null ? nil : try EvaluationRequest.date(members["as_of"])
            var replay: LedgerReplay
            do {
                replay = try LedgerReplay(policy: served.policy.checked, asOf: asOf)
            } catch {
                throw APIError(.unprocessableContent, code: "no_ledger", message: "\(error)")
            }
            for (index, event) in events.enumerated() { replay.apply(line: index + 1, json: event) }
            return JSONResponse.make(replay.report().json, headers: JSONResponse.policyHeaders(served.metadata))
        }
        router.post("/v1/policies/:id/approval") { request, context in
            let served = try state.livePolicy(context.parameters.get("id"))
            let members = try EvaluationRequest.members(try await request.jsonBody(limit: state.configuration.maxBodyBytes), allowed: ["history"])
            let history = try Self.array(members["history"], name: "history", example: "{\"history\": [{\"step\": \"submitted\", \"date\": \"2026-01-05\"}]}")
            var path: ApprovalReplay
            do {
                path = try ApprovalReplay(policy: served.policy.checked)
            } catch {
                throw APIError(.unprocessableContent, code: "no_approval", message: "\(error)")
            }
            for (index, step) in history.enumerated() { path.apply(line: index + 1, json: step) }
            return JSONResponse.make(path.json, headers: JSONResponse.policyHeaders(served.metadata))
        }
        router.post("/v1/policies/:id/programs/:program/allocate") { request, context in
            let served = try state.livePolicy(context.parameters.get("id"))
            let name = context.parameters.get("program") ?? ""
            let policy = served.policy
            guard policy.checked.programs.contains(where: { $0.name == name }) else {
                let names = policy.checked.programs.map(\.name)
                throw APIError(.notFound, code: "unknown_program",
                               message: "policy `\(policy.metadata.id)` has no program `\(name)`" + (names.isEmpty ? "" : "; its programs are " + names.joined(separator: ", ")))
            }
            let members = try EvaluationRequest.members(try await request.jsonBody(limit: state.configuration.maxBodyBytes),
                                                        allowed: ["population", "places", "as_of"])
            let population = try Self.array(members["population"], name: "population", example: "{\"population\": [{\"id\": \"p1\", …}]}")
            var places: Int?
            switch members["places"] {
            case nil, .null?: places = nil
            case .integer(let count)? where count >= 0: places = Int(count)
            case let other?: throw APIError.invalidField("places", "expected a whole number of places, 0 or more, found \(other.describe)")
            }
            let date = try EvaluationRequest.date(members["as_of"])
            let allocation: ProgramAllocation
            do {
                allocation = try policy.allocate(program: name, records: population.enumerated().map { ($0.offset + 1, $0.element) }, places: places, on: date)
            } catch {
                throw APIError(.notFound, code: "unknown_program", message: "\(error)")
            }
            return JSONResponse.make(allocation.json, headers: JSONResponse.policyHeaders(served.metadata))
        }
    }

    /// A request member that must be a JSON array.
    static func array(_ value: JSONValue?, name: String, example: String) throws(APIError) -> [JSONValue] {
        guard let value else { throw APIError.invalidField(name, "is missing; send \(example)") }
        guard case .array(let items) = value else { throw APIError.invalidField(name, "expected a JSON array, found \(value.describe)") }
        return items
    }
}
